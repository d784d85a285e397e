import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileOfSitePath, listPages, onePagePerType, pageType } from '../../bench/lib/built-site.ts';
import { parseHtml, visibleText } from '../../bench/lib/html.ts';
import { DIST, openPage, startSession, type PageRecord, type Session } from './harness.ts';
import { exerciseControls, type Exercised } from './interactions.ts';

/**
 * The Content-Security-Policy enforced (no bypass) while a page is used: on one page of each
 * type, every kind of control is used and a search is run and a result followed, with no policy
 * violation, no request to another origin, and no error. Every page's load is checked the same
 * way by every-page.test.ts.
 */
const pages = listPages(DIST);
const exercised = onePagePerType(pages);
const log: Exercised[] = [];

/** A word the search index surely holds: the commonest long word of the first reading. */
function searchWord(): string {
  const reader = pages.find((p) => pageType(p) === 'reader') ?? '/';
  const words = visibleText(parseHtml(readFileSync(fileOfSitePath(DIST, reader), 'utf8'))).toLowerCase().match(/\p{L}{7,}/gu) ?? [];
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'reading';
}

describe('Content-Security-Policy and third parties, in Chromium', () => {
  let session: Session;
  let page: Page;
  let context: BrowserContext;
  let record: PageRecord;
  const query = searchWord();
  beforeAll(async () => {
    session = await startSession();
    ({ page, context, record } = await openPage(session, { permissions: ['clipboard-read', 'clipboard-write'] }));
    // Chromium also reports blocked resources on the console; keep those as violations too.
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) record.cspViolations.push(message.text());
    });
  });
  afterAll(async () => {
    await context?.close();
    await session?.close();
  });

  test.each(exercised)('%s: every kind of control and a search, with no CSP violation, no foreign request, no error', async (sitePath) => {
    for (const list of Object.values(record)) list.length = 0;
    const url = session.url(sitePath);
    await page.goto(url, { waitUntil: 'networkidle' });
    const csp = await page.$eval('meta[http-equiv="content-security-policy"]', (m) => m.getAttribute('content'));
    expect(csp, 'the page carries its policy').toContain("script-src 'self'");
    const done = await exerciseControls(page, url, query);
    log.push(done);
    const what = `${done.controls.length} kinds of control (${done.controls.join(', ')}), searches ${JSON.stringify(done.searches)}, followed ${JSON.stringify(done.followed)}`;
    expect(record.cspViolations, what).toEqual([]);
    expect(record.foreignRequests, what).toEqual([]);
    expect(record.pageErrors, what).toEqual([]);
    expect(record.consoleErrors, what).toEqual([]);
  });

  test('the interactions really ran: controls were used, and a search was run and a result followed', () => {
    expect(log.length).toBe(exercised.length);
    expect(log.flatMap((l) => l.controls).length).toBeGreaterThan(exercised.length);
    if (existsSync(path.join(DIST, 'pagefind', 'pagefind.js'))) {
      expect(log.flatMap((l) => l.searches).length).toBeGreaterThan(0);
      expect(log.flatMap((l) => l.followed).length).toBeGreaterThan(0);
    }
  });
});
