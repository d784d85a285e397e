/**
 * The reader's first paint waits for nothing but its own HTML: the site script is fetched only
 * once Chromium has reported the largest paint (src/lib/site-script-boot.ts), and the web app
 * manifest is linked by the site script, not by the page. Sooner when the reader acts first.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPage, startSession, type Session } from './harness.ts';
import { READER_PATH, toolsReady } from './reader-tools-helpers.ts';

const PHONE = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true };

/** When the site script's request started, and when the largest paint was, in the page's clock. */
const timings = () =>
  new Promise<{ scriptStart: number | undefined; largestPaint: number | undefined }>((resolve) => {
    new PerformanceObserver((list, observer) => {
      observer.disconnect();
      const paint = list.getEntries()[0] as PerformanceEntry & { renderTime: number };
      const script = performance.getEntriesByType('resource').find((r) => /\/_astro\/[^/]+\.js$/.test(r.name));
      resolve({ scriptStart: script?.startTime, largestPaint: paint.renderTime || paint.startTime });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });

describe('the first paint of a reading', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  test('the site script is fetched after the largest paint, and then enhances the page', async () => {
    const { page, context, record } = await openPage(session, PHONE);
    const html = await (await page.goto(session.url(READER_PATH)))!.text();
    // The page names no script file and no manifest for the browser to fetch while it loads.
    expect(html).not.toMatch(/<script[^>]*\ssrc=|<link[^>]*rel="manifest"/);
    await toolsReady(page);
    const { scriptStart, largestPaint } = await page.evaluate(timings);
    expect(largestPaint).toBeGreaterThan(0);
    expect(scriptStart).toBeGreaterThanOrEqual(largestPaint!);
    // Enhanced: the notes fold on a phone, and the manifest is linked once the page is idle.
    expect(await page.locator('ar-annotations[data-fold]').count()).toBe(1);
    await page.waitForSelector('link[rel="manifest"]', { state: 'attached' });
    expect(record.cspViolations).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    await context.close();
  });

  test('a press before the page is enhanced starts the site script at once', async () => {
    const { page, context } = await openPage(session, PHONE);
    // Held back: no largest paint is ever reported, so only the press can start the script.
    await page.addInitScript(() => {
      const observe = PerformanceObserver.prototype.observe;
      PerformanceObserver.prototype.observe = function (options) {
        if (options?.type !== 'largest-contentful-paint') observe.call(this, options);
      };
    });
    // The frame's own navigation: the page's goto waits for the site script (harness.ts).
    await page.mainFrame().goto(session.url(READER_PATH));
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => customElements.get('ar-annotations'))).toBeUndefined();
    await page.locator('h1').dispatchEvent('pointerdown');
    await toolsReady(page);
    await context.close();
  });
});
