import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listPages, onePagePerType } from '../../bench/lib/built-site.ts';
import { DIST, layoutShiftScore, pagesToSweep, layoutShiftsAfterTwoFrames, openPage, recordLayoutShifts, runAxe, startSession, type PageRecord, type Session } from './harness.ts';

/**
 * axe (WCAG 2.2 A/AA), no sideways scrolling, no errors, no Content-Security-Policy violation
 * (the policy is enforced, not bypassed) and no foreign requests, on every built page
 * (discovered from the output) at phone width in the light scheme, and on one page of each type
 * at the wide width and in the dark scheme. What one page's own content can break (a long
 * address widening the page, a link without words) breaks at the phone's width first; what the
 * wide layout breaks, it breaks in a template, which one page of each type shows. The wide sweep
 * of every page, 70 glossary entries among them, cost about a minute of CI. One browser context per width and scheme, reused from page
 * to page, keeps this fast as the glossary and readings grow. Interactions under the policy are
 * in csp-and-requests.test.ts.
 */
const pages = pagesToSweep(listPages(DIST));
const onePerType = onePagePerType(pages);
const runs = [
  { name: 'phone, light', viewport: { width: 375, height: 800 }, colorScheme: 'light', pages },
  { name: 'wide, light', viewport: { width: 1440, height: 900 }, colorScheme: 'light', pages: onePerType },
  { name: 'phone, dark', viewport: { width: 375, height: 800 }, colorScheme: 'dark', pages: onePerType },
  { name: 'wide, dark', viewport: { width: 1440, height: 900 }, colorScheme: 'dark', pages: onePerType },
] as const;

describe('every built page', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  test('the site has the pages a reader expects', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/read/partner-state/']));
  });

  for (const run of runs) {
    describe(run.name, () => {
      let page: Page;
      let context: BrowserContext;
      let record: PageRecord;
      beforeAll(async () => {
        ({ page, context, record } = await openPage(session, { viewport: run.viewport, colorScheme: run.colorScheme, serviceWorkers: 'allow' }));
        // Scripts arrive a little after the first paint, as on a slow connection: anything they
        // reveal or resize must already have its place, or it shows up as a layout shift below.
        await context.route(/\/_astro\/.*\.js$/, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 100));
          await route.continue();
        });
        // Layout shifts while the page loads and its scripts enhance it (what Lighthouse's CLS counts).
        await recordLayoutShifts(page);
      });
      afterAll(() => context?.close());

      test.each(run.pages)('%s: axe 0 violations, no sideways scrolling, no layout shift, no errors, no CSP violation, no foreign requests', async (sitePath) => {
        for (const list of Object.values(record)) list.length = 0;
        // Module scripts run before 'load', so the page is enhanced by then; no idle wait needed.
        const response = await page.goto(session.url(sitePath), { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        const violations = await runAxe(page);
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
        const shifts = await layoutShiftsAfterTwoFrames(page);
        // A sub-pixel move (a control's box rounding differently once upgraded) scores about 0.0002
        // and no one can see it; the toolbar hint that appeared late scored 0.012–0.032.
        const shifted = layoutShiftScore(shifts);
        expect(shifted, `content moved while the page loaded (layout shifts ${JSON.stringify(shifts, null, 1)})`).toBeLessThan(0.001);
        expect(record.consoleErrors).toEqual([]);
        expect(record.pageErrors).toEqual([]);
        expect(record.cspViolations).toEqual([]);
        expect(record.foreignRequests).toEqual([]);
      });
    });
  }

  // A slow phone paints a page while it is still parsing it. Whatever is painted then must already
  // sit where it ends up: the header's Display button once showed at the far right, then jumped
  // left when the search button after it was parsed (seen only on a starved machine before).
  describe('on a CPU eight times slower', () => {
    let page: Page;
    let context: BrowserContext;
    beforeAll(async () => {
      ({ page, context } = await openPage(session, { viewport: { width: 1440, height: 900 } }));
      const devtools = await context.newCDPSession(page);
      await devtools.send('Emulation.setCPUThrottlingRate', { rate: 8 });
      await recordLayoutShifts(page);
    });
    afterAll(() => context?.close());

    test.each(onePerType)('%s: nothing moves while the page is parsed and enhanced', async (sitePath) => {
      for (const width of [1440, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(session.url(sitePath), { waitUntil: 'load' });
        const shifts = await layoutShiftsAfterTwoFrames(page);
        const shifted = layoutShiftScore(shifts);
        expect(shifted, `at ${width} px (layout shifts ${JSON.stringify(shifts, null, 1)})`).toBeLessThan(0.001);
      }
    });
  });
});
