/**
 * The textual apparatus as a reader uses it: small marks in the text, each a link to its row in the
 * table after the text and back, without JavaScript; reachable and named for the keyboard and
 * screen readers; a 24 px target; on paper a table at the end; accessible at both widths. What the
 * page must show comes from the content files, so a page that lost its apparatus fails.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkEditionFiles } from '../../src/loaders/edition-files.ts';
import { openPage, runAxe, startSession, targetsUnder24px, type Session } from './harness.ts';

const READING = 'partner-state';
const READER = `/read/${READING}/`;
const SHOTS = 'tests/.output/screenshots';

const reading = (await checkEditionFiles(process.cwd())).edition.readings.find((r) => r.id === READING)!;
const expected = reading.apparatus.map((n) => ({ id: n.id as string, number: n.number, passage: n.passage as string, exact: n.exact }));

describe('the textual apparatus in the reader', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(() => session?.close());

  test('the edition has an apparatus', () => expect(expected.length).toBeGreaterThan(0));

  test('without JavaScript: one mark per entry in its passage, linked to its row, and each row back to its mark', async () => {
    const { page, context } = await openPage(session, { javaScriptEnabled: false });
    await page.goto(session.url(READER));
    const marks = await page.$$eval('a.app-ref', (as) =>
      as.map((a) => ({
        id: a.getAttribute('href')!.replace('#note-', ''),
        ownId: a.id,
        passage: a.closest('.passage')?.id.replace('p-', ''),
        inText: Boolean(a.closest('.passage-text')),
        name: a.getAttribute('aria-label'),
      })),
    );
    // In the text's order, which is the numbering's but for an entry on a whole passage: numbered
    // before the passage's phrases, as notes are, its mark stands at the passage's end.
    expect(marks.map((m) => m.id).sort()).toEqual(expected.map((e) => e.id).sort());
    for (const mark of marks) {
      const entry = expected.find((e) => e.id === mark.id)!;
      expect(mark).toEqual({ id: entry.id, ownId: `ref-${entry.id}`, passage: entry.passage, inText: true, name: `Textual note ${entry.number}` });
    }
    const rows = await page.$$eval('.apparatus tbody tr', (trs) =>
      trs.map((tr) => ({
        id: tr.id.replace('note-', ''),
        back: tr.querySelector('th a')?.getAttribute('href'),
        passage: tr.querySelector('td a')?.getAttribute('href'),
        reads: tr.querySelector('.apparatus-lemma')?.textContent ?? null,
      })),
    );
    expect(rows).toEqual(expected.map((e) => ({ id: e.id, back: `#ref-${e.id}`, passage: `#p-${e.passage}`, reads: e.exact ?? null })));
    // No apparatus entry is in the margin, and no margin note is in the apparatus.
    const margin = await page.locator('.passage-notes .note').evaluateAll((els) => els.map((el) => el.id));
    expect(margin.filter((id) => expected.some((e) => id === `note-${e.id}`))).toEqual([]);
    expect(await page.locator('.apparatus a.note-ref, .passage-notes a.app-ref').count()).toBe(0);
    // A mark leads to its row, the row's number back to the mark.
    const first = expected[0]!;
    await page.locator(`a.app-ref[href="#note-${first.id}"]`).click();
    expect(new URL(page.url()).hash).toBe(`#note-${first.id}`);
    expect(await page.locator(`#note-${first.id}`).evaluate((el) => el.matches(':target') && el.closest('.apparatus') !== null)).toBe(true);
    await page.locator(`#note-${first.id} th a`).click();
    expect(new URL(page.url()).hash).toBe(`#ref-${first.id}`);
    expect(await page.locator(`#ref-${first.id}`).evaluate((el) => el.matches('a.app-ref:target'))).toBe(true);
    await context.close();
  });

  test('keyboard: Tab reaches a mark by its name, Enter goes to the row, and its number comes back', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    await page.goto(session.url(READER));
    const first = expected[0]!;
    const mark = page.getByRole('link', { name: `Textual note ${first.number}`, exact: true });
    expect(await mark.getAttribute('href')).toBe(`#note-${first.id}`);
    // From the passage's number, Tab walks through the text's links to the mark.
    await page.locator(`#p-${first.passage} .passage-number`).focus();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((id) => document.activeElement?.id === `ref-${id}`, first.id);
    }
    expect(reached).toBe(true);
    expect(await mark.evaluate((a) => a.matches(':focus-visible'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`note-${first.id}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('th')?.matches('.apparatus th.note-head'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#ref-${first.id}`);
    // Back on the mark: the next Tab leaves from it (to the next stop in the text), not from the top of the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`ref-${first.id}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate((id) => {
      const mark = document.getElementById(`ref-${id}`)!;
      const next = document.activeElement!;
      return next.closest('.reading-body') !== null && (mark.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    }, first.id)).toBe(true);
    await context.close();
  });

  test.each([375, 1440])('at %i px: each mark is a 24 px target, the page is axe-clean, nothing scrolls sideways', async (width) => {
    const { page, context, record } = await openPage(session, { viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    await page.goto(session.url(READER));
    // The mark's hit area is 24 × 24 px (the sign itself is small and quiet).
    const misses = await page.locator('a.app-ref').evaluateAll(targetsUnder24px);
    expect(misses).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // Still a table to assistive technology, whatever its rows look like: a row per entry with its
    // number as the row's head, and the column heads.
    const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'The source reads' }) });
    expect(await table.getByRole('row').count()).toBe(expected.length + 1);
    expect(await table.getByRole('rowheader').count()).toBe(expected.length);
    expect(await table.getByRole('columnheader').count()).toBe(4);
    const violations = await runAxe(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    const first = expected.find((e) => e.exact)!;
    await page.locator(`#ref-${first.id}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/apparatus-mark-${width}.png` });
    await page.locator('#apparatus-title').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/apparatus-table-${width}.png` });
    expect(record.consoleErrors.concat(record.pageErrors, record.cspViolations)).toEqual([]);
    await context.close();
  });

  test('on paper the apparatus is a table at the end, and the Editorial notes layer hides it with its marks', async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.url(READER));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.apparatus-table').evaluate((t) => getComputedStyle(t).display)).toBe('table');
    expect(await page.locator('.apparatus .note-head').first().evaluate((th) => getComputedStyle(th).display)).toBe('table-cell');
    expect(await page.locator('.apparatus').evaluate((s) => getComputedStyle(s).breakBefore)).toBe('page');
    expect(await page.locator('a.app-ref').first().isVisible()).toBe(true);
    await page.locator('#apparatus-title').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/apparatus-print.png` });
    await page.evaluate(() => document.documentElement.setAttribute('data-ar-notes', 'off'));
    expect(await page.locator('.apparatus').isVisible()).toBe(false);
    expect(await page.locator('a.app-ref').first().isVisible()).toBe(false);
    await context.close();
  });
});
