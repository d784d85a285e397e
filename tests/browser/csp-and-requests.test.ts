import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fileOfSitePath, listPages, onePagePerType, pageType } from '../../bench/lib/built-site.ts';
import { parseHtml, visibleText } from '../../bench/lib/html.ts';
import { DIST, pagesToSweep, openPage, startSession, type PageRecord, type Session } from './harness.ts';
import { exerciseControls, openEveryNoteAndTerm, type Exercised } from './interactions.ts';
import { READER_PATH, poll, selectPhrase, toolsReady } from './reader-tools-helpers.ts';

/**
 * The Content-Security-Policy enforced (no bypass) while the site is used, with no policy
 * violation, no request to another origin, no navigation away from the site and no error:
 * - every built page is loaded and every note marker, glossary term and popover on it opened;
 * - on one page of each type, every kind of control is used, a search run and a result followed;
 * - on a reading: the Cite panel with each citation style, the search dialog with a query, every
 *   reading setting, and personal notes exported and a hostile notes file imported.
 */
const pages = pagesToSweep(listPages(DIST));
const exercised = onePagePerType(pages);
const log: Exercised[] = [];
const opened: { page: string; notes: number; terms: number; popovers: number }[] = [];

/** A word the search index surely holds: the commonest long word of the first reading. */
function searchWord(): string {
  const reader = pages.find((p) => pageType(p) === 'reader') ?? '/';
  const words = visibleText(parseHtml(readFileSync(fileOfSitePath(DIST, reader), 'utf8'))).toLowerCase().match(/\p{L}{7,}/gu) ?? [];
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'reading';
}

describe('Content-Security-Policy, third parties and navigation, in Chromium', () => {
  let session: Session;
  let page: Page;
  let context: BrowserContext;
  let record: PageRecord;
  const query = searchWord();
  beforeAll(async () => {
    session = await startSession();
    ({ page, context, record } = await openPage(session, {
      permissions: ['clipboard-read', 'clipboard-write'],
      acceptDownloads: true,
      // The offline worker runs here too: its registration and saving must break no rule.
      serviceWorkers: 'allow',
      // No glide to each note a marker links to: hundreds of markers are opened one after another.
      reducedMotion: 'reduce',
    }));
    // Chromium also reports blocked resources on the console; keep those as violations too.
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) record.cspViolations.push(message.text());
    });
  });
  afterAll(async () => {
    await context?.close();
    await session?.close();
  });
  beforeEach(() => {
    for (const list of Object.values(record)) list.length = 0;
  });

  /** Nothing a reader must never see happened; `what` says what was done, for a failure. */
  const clean = (what: string) => {
    expect(record.cspViolations, what).toEqual([]);
    expect(record.foreignRequests, what).toEqual([]);
    expect(record.navigationsAway, what).toEqual([]);
    expect(record.pageErrors, what).toEqual([]);
    expect(record.consoleErrors, what).toEqual([]);
  };

  test.each(pages)('%s: loads and opens every note, glossary term and popover under the policy', async (sitePath) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const response = await page.goto(session.url(sitePath), { waitUntil: 'load' });
    expect(response?.status(), `${sitePath} is served`).toBe(200);
    const csp = await page.$eval('meta[http-equiv="content-security-policy"]', (m) => m.getAttribute('content'));
    expect(csp, 'the page carries its policy').toContain("script-src 'self'");
    const counts = await openEveryNoteAndTerm(page);
    opened.push({ page: sitePath, ...counts });
    clean(`${sitePath}: opened ${JSON.stringify(counts)}`);
  });

  test('a reading on a phone: every note folds open next to its phrase, every term opens its definition', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(session.url(READER_PATH), { waitUntil: 'load' });
    const counts = await openEveryNoteAndTerm(page);
    expect(counts.notes).toBeGreaterThan(0);
    expect(counts.terms).toBeGreaterThan(0);
    clean(`phone: opened ${JSON.stringify(counts)}`);
  });

  test.each(exercised)('%s: every kind of control and a search', async (sitePath) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const url = session.url(sitePath);
    await page.goto(url, { waitUntil: 'networkidle' });
    const done = await exerciseControls(page, url, query);
    log.push(done);
    clean(`${done.controls.length} kinds of control (${done.controls.join(', ')}), searches ${JSON.stringify(done.searches)}, followed ${JSON.stringify(done.followed)}`);
  });

  describe('on a reading', () => {
    beforeEach(async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(session.url(READER_PATH), { waitUntil: 'load' });
      await page.evaluate(() => localStorage.clear());
      await page.reload({ waitUntil: 'load' });
      await toolsReady(page);
    });

    test('the Cite panel, for a passage and for words, with each citation style copied', async () => {
      for (const select of [
        () => page.locator('.passage-number').nth(3).click(),
        () => selectPhrase(page, 'kleiner-public-funding', 'Central America'),
      ]) {
        await select();
        const bar = page.locator('.selection-tools');
        await poll(() => bar.isVisible()).toBe(true);
        await bar.getByRole('button', { name: /^Cite/ }).click();
        const dialog = page.locator('dialog.cite-dialog[open]');
        await poll(() => dialog.count()).toBe(1);
        const styles = await dialog.locator('[data-cite-style]').evaluateAll((els) => els.map((el) => el.getAttribute('data-cite-style')!));
        expect(styles).toEqual(['chicago-author-date', 'apa', 'modern-language-association']);
        for (const style of styles) {
          const section = dialog.locator(`[data-cite-style="${style}"]`);
          expect(await section.locator('[style]').count(), `${style}: no style attribute in the reference`).toBe(0);
          await section.getByRole('button', { name: /^Copy reference/ }).click();
          await section.getByRole('button', { name: /^Copy in-text/ }).click();
        }
        await page.keyboard.press('Escape');
      }
      clean('Cite panel, each style copied');
    });

    test('the search dialog with a query, and a result followed', async () => {
      await page.keyboard.press('Control+k');
      const field = page.locator('dialog[open] input[type="search"]');
      await poll(() => field.count()).toBe(1);
      await field.fill(query);
      const result = page.locator('dialog[open] .search-results a[href]').first();
      await poll(() => result.count()).toBe(1);
      const start = page.url();
      await result.click();
      await page.waitForURL((url) => url.href !== start);
      await page.waitForLoadState('networkidle');
      clean(`search for “${query}”, result followed to ${page.url()}`);
    });

    test('every reading setting, one after another', async () => {
      await page.getByRole('button', { name: 'Display' }).click();
      const panel = page.getByRole('dialog', { name: 'Reading settings' });
      await poll(() => panel.isVisible()).toBe(true);
      const radios = panel.getByRole('radio');
      for (let i = 0; i < (await radios.count()); i++) await radios.nth(i).check();
      const boxes = panel.getByRole('checkbox');
      for (let i = 0; i < (await boxes.count()); i++) {
        await boxes.nth(i).click();
        await boxes.nth(i).click();
      }
      expect(await radios.count()).toBeGreaterThan(3);
      await page.keyboard.press('Escape');
      clean('every radio and checkbox of the reading settings');
    });

    test('personal notes: a note, both exports, and a hostile import shown as text, never run', async () => {
      await selectPhrase(page, 'kleiner-public-funding', 'South and Central America');
      await page.locator('.selection-tools').getByRole('button', { name: 'Note' }).click();
      const editor = page.getByRole('dialog', { name: /^Note on passage/ });
      await poll(() => editor.isVisible()).toBe(true);
      await editor.getByLabel('Your note').fill('A note of mine.');
      await editor.getByRole('button', { name: 'Save note' }).click();

      await page.locator('[data-tool="notes"]').click();
      const panel = page.getByRole('dialog', { name: 'My notes' });
      await poll(() => panel.isVisible()).toBe(true);
      const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> [x](javascript:window.__pwned=3)';
      const annotation = {
        id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
        type: 'Annotation',
        motivation: 'commenting',
        created: '2026-01-01T00:00:00.000Z',
        body: { type: 'TextualBody', value: hostile, format: 'text/plain' },
        target: { source: session.url(READER_PATH), selector: { type: 'FragmentSelector', value: 'p-kleiner-public-funding', refinedBy: { type: 'TextQuoteSelector', exact: '<b onmouseover=alert(1)>kinds</b>' } } },
      };
      const file = JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [annotation] } });
      await panel.locator('input[type="file"]').setInputFiles({ name: '<img src=x onerror=alert(1)>.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await panel.getByRole('button', { name: 'Import 1 note' }).click();
      await poll(() => panel.locator('.my-note-text').allInnerTexts()).toContain(hostile);
      expect(await panel.locator('.my-note-quote').allInnerTexts()).toContain('<b onmouseover=alert(1)>kinds</b>');
      expect(await panel.locator('.notes-list img, .notes-list script, .notes-list b, .notes-list a[href^="javascript:"]').count()).toBe(0);

      const [json] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export JSON-LD' }).click()]);
      expect(JSON.parse(readFileSync((await json.path())!, 'utf8')).total).toBe(2);
      const [markdown] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export Markdown' }).click()]);
      const exported = readFileSync((await markdown.path())!, 'utf8');
      expect(exported).toContain('&lt;img src=x onerror="window.\\_\\_pwned=1"&gt;');
      expect(exported).not.toContain('<img');
      expect(exported).not.toMatch(/(?<!\\)\]\(javascript:/);

      // Hovering and clicking where the hostile text shows runs nothing either.
      await panel.locator('.my-note-text').filter({ hasText: 'pwned' }).hover();
      await panel.locator('.my-note-text').filter({ hasText: 'pwned' }).click();
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await page.keyboard.press('Escape');
      clean('a note saved, a hostile file imported, JSON-LD and Markdown exported');
    });
  });

  test('the interactions really ran', () => {
    expect(opened.map((o) => o.page)).toEqual(pages);
    const reader = opened.find((o) => pageType(o.page) === 'reader')!;
    expect(reader.notes, 'note markers opened on a reading').toBeGreaterThan(0);
    expect(reader.terms, 'glossary terms opened on a reading').toBeGreaterThan(0);
    expect(log.length).toBe(exercised.length);
    expect(log.flatMap((l) => l.controls).length).toBeGreaterThan(exercised.length);
    if (existsSync(path.join(DIST, 'pagefind', 'pagefind.js'))) {
      expect(log.flatMap((l) => l.searches).length).toBeGreaterThan(0);
      expect(log.flatMap((l) => l.followed).length).toBeGreaterThan(0);
    }
  });
});
