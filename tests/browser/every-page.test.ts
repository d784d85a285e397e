import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserAvailable, builtPages, openPage, runAxe, startSession, type Session } from './harness.ts';

const pages = browserAvailable ? builtPages() : [];
const viewports = [
  { name: 'phone', width: 375, height: 800 },
  { name: 'wide', width: 1440, height: 900 },
];

describe.skipIf(!browserAvailable)('every built page', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  test('the site has the pages a reader expects', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/read/partner-state/']));
  });

  for (const viewport of viewports) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test.each(pages)(`%s at ${viewport.name} width in ${colorScheme}: axe 0 violations, no errors, no foreign requests`, async (sitePath) => {
        const { page, context, record } = await openPage(session, {
          viewport: { width: viewport.width, height: viewport.height },
          colorScheme,
          bypassCSP: true,
        });
        const response = await page.goto(session.url(sitePath), { waitUntil: 'networkidle' });
        expect(response?.status()).toBe(200);
        const violations = await runAxe(page);
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'page scrolls sideways').toBeLessThanOrEqual(0);
        expect(record.consoleErrors).toEqual([]);
        expect(record.pageErrors).toEqual([]);
        expect(record.foreignRequests).toEqual([]);
        await context.close();
      });
    }
  }
});
