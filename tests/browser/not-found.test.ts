/**
 * An address that does not exist: the static server answers with the site's own 404 page and
 * status 404, at any depth and under the site's base, and every link on it leads somewhere real.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPage, startSession, type Session } from './harness.ts';

describe('a missing page', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  test.each(['/no-such-page/', '/read/an-old-reading-id/', '/glossary/missing/deeper/still/'])(
    '%s gets the 404 page, with status 404, styled, and links that work from that depth',
    async (missing) => {
      const { page, context, record } = await openPage(session);
      const response = await page.goto(session.url(missing));
      expect(response?.status()).toBe(404);
      expect(await page.title()).toBe('Page not found · Annotated Reader');
      await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
      // The stylesheet loaded (relative URLs would have broken at this depth): the skip link is hidden off-screen.
      const skipLinkTop = await page.locator('.skip-link').evaluate((link) => link.getBoundingClientRect().top);
      expect(skipLinkTop).toBeLessThan(0);
      const links = await page.locator('main a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
      expect(links.length).toBeGreaterThanOrEqual(3);
      for (const href of links) {
        const linked = await page.request.get(href);
        expect(linked.status(), href).toBe(200);
      }
      await page.locator('main a', { hasText: 'list of readings' }).click();
      await page.waitForURL(session.baseUrl);
      expect(record.cspViolations).toEqual([]);
      expect(record.consoleErrors.filter((e) => !e.includes('404'))).toEqual([]);
      await context.close();
    },
  );
});
