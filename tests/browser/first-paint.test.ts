/**
 * The reader's first paint waits for nothing but its own HTML, and a visit loads nothing beyond
 * it until the reader acts (src/lib/site-script-boot.ts): the site script is fetched at the first
 * press, touch, pointer move, key, focus or wheel, and a tap made before it has run is made
 * again once it has. A page that needs the script from the start (an address with a passage, notes
 * kept in this browser) gets it once Chromium has reported the largest paint, without waiting; a
 * browser that has no largest-paint entries to report gets it after the load event instead.
 * The web app manifest is linked by the site script, not by the page.
 *
 * Pages are opened with the frame's own navigation: the page's goto waits for the site script
 * (harness.ts), which is what these tests look at.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPage, startSession, type Session } from './harness.ts';
import { NOTES_KEY, READER_PATH, toolsReady } from './reader-tools-helpers.ts';

const PHONE = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true };

/** When the site script's request started (undefined: not requested), and when the largest paint was. */
const timings = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ scriptStart: number | undefined; largestPaint: number }>((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          const paint = list.getEntries()[0] as PerformanceEntry & { renderTime: number };
          const script = performance.getEntriesByType('resource').find((r) => /\/_astro\/[^/]+\.js$/.test(r.name));
          resolve({ scriptStart: script?.startTime, largestPaint: paint.renderTime || paint.startTime });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );

describe('the first paint of a reading', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  test('a visit loads no script until the reader acts; the first press loads it, and it enhances the page', async () => {
    const { page, context, record } = await openPage(session, PHONE);
    const response = await page.mainFrame().goto(session.url(READER_PATH));
    // The page names no script file and no manifest for the browser to fetch while it loads.
    expect(await response!.text()).not.toMatch(/<script[^>]*\ssrc=|<link[^>]*rel="manifest"/);
    await page.waitForTimeout(1000);
    expect((await timings(page)).scriptStart).toBeUndefined();
    expect(await page.evaluate(() => customElements.get('ar-annotations'))).toBeUndefined();
    await page.locator('h1').dispatchEvent('pointerdown');
    await toolsReady(page);
    expect((await timings(page)).scriptStart).toBeGreaterThan(0);
    // Enhanced: the notes fold on a phone, and the manifest is linked once the page is idle.
    expect(await page.locator('ar-annotations[data-fold]').count()).toBe(1);
    await page.waitForSelector('link[rel="manifest"]', { state: 'attached' });
    expect(record.cspViolations).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    await context.close();
  });

  test('a tap on a note marker before the script has run opens the note once it has', async () => {
    const { page, context } = await openPage(session, PHONE);
    // A slow network: the script arrives a second after it is asked for.
    await page.route(/\/_astro\/[^/]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await page.mainFrame().goto(session.url(READER_PATH));
    const marker = page.locator('a.note-ref').first();
    await marker.tap();
    // Held, not followed: the address keeps no #note- while the script is on its way.
    expect(await page.evaluate(() => location.hash)).toBe('');
    await expect.poll(() => marker.getAttribute('aria-expanded'), { timeout: 10_000 }).toBe('true');
    const id = (await marker.getAttribute('href'))!.replace('#note-', '');
    expect(await page.locator(`#note-${id}`).isVisible()).toBe(true);
    await context.close();
  });

  test('a press begun on the header\'s search link and ended on the button that replaced it opens the dialog', async () => {
    const { page, context } = await openPage(session, PHONE);
    await page.goto(session.url(READER_PATH));
    // Such a click goes to the two targets' common ancestor, the control itself.
    await page.locator('ar-search').dispatchEvent('click');
    await expect.poll(() => page.locator('dialog.search-dialog[open]').count(), { timeout: 10_000 }).toBe(1);
    await context.close();
  });

  test.each([
    ['an address naming a passage', `${READER_PATH}#p-partner-state-definition`, undefined],
    ['notes kept in this browser', READER_PATH, NOTES_KEY],
  ])('%s: the script starts after the largest paint, with no interaction', async (_name, address, storedKey) => {
    const { page, context } = await openPage(session, PHONE);
    if (storedKey) await page.addInitScript((key) => localStorage.setItem(key, JSON.stringify({ notes: [] })), storedKey);
    await page.mainFrame().goto(session.url(address));
    await toolsReady(page);
    const { scriptStart, largestPaint } = await timings(page);
    expect(largestPaint).toBeGreaterThan(0);
    expect(scriptStart).toBeGreaterThanOrEqual(largestPaint);
    await context.close();
  });

  test.each([
    ['a browser without largest-paint entries', 'no-lcp'],
    ['a tab opened in the background', 'hidden'],
  ])('%s (the boot\'s fallback): a page that needs the script gets it after the load event', async (_name, kind) => {
    const { page, context } = await openPage(session, PHONE);
    await page.addInitScript((kind) => {
      if (kind === 'no-lcp') {
        const types = PerformanceObserver.supportedEntryTypes.filter((type) => type !== 'largest-contentful-paint');
        Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { get: () => types });
      } else {
        Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
      }
      // What the page's own code asks to observe, so the test knows which path the boot took.
      const observed: string[] = ((window as unknown as { observed: string[] }).observed = []);
      const observe = PerformanceObserver.prototype.observe;
      PerformanceObserver.prototype.observe = function (options) {
        observed.push(String(options?.type ?? options?.entryTypes));
        return observe.call(this, options);
      };
    }, kind);
    await page.mainFrame().goto(session.url(`${READER_PATH}#p-partner-state-definition`));
    await toolsReady(page);
    expect(await page.evaluate(() => (window as unknown as { observed: string[] }).observed)).not.toContain('largest-contentful-paint');
    const { scriptStart, loadEnd } = await page.evaluate(() => ({
      scriptStart: performance.getEntriesByType('resource').find((r) => /\/_astro\/[^/]+\.js$/.test(r.name))?.startTime,
      loadEnd: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    }));
    expect(loadEnd).toBeGreaterThan(0);
    expect(scriptStart).toBeGreaterThanOrEqual(loadEnd);
    await context.close();
  });
});
