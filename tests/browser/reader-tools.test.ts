import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, runAxe, startSession, type PageRecord, type Session } from './harness.ts';
import { NOTES_KEY, READER_PATH, paintedHighlights, poll, selectPhrase, storedNotes, toolsReady } from './reader-tools-helpers.ts';

const PHRASE = 'public funding for other kinds of media';
const PASSAGE = 'kleiner-public-funding';

describe('personal highlights and notes', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  async function open(options: Parameters<typeof openPage>[1] = {}) {
    const opened = await openPage(session, { acceptDownloads: true, ...options });
    await opened.page.goto(session.url(READER_PATH));
    await toolsReady(opened.page);
    return opened;
  }

  const clean = (record: PageRecord) => {
    expect(record.consoleErrors).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    expect(record.cspViolations).toEqual([]);
    expect(record.foreignRequests).toEqual([]);
  };

  async function highlightWithToolbar(page: Page, passage: string, phrase: string) {
    await selectPhrase(page, passage, phrase);
    const bar = page.locator('.selection-tools');
    await poll(() => bar.isVisible()).toBe(true);
    await bar.getByRole('button', { name: 'Highlight' }).click();
    await poll(async () => (await paintedHighlights(page))['ar-mine']).toContain(phrase);
  }

  test('select words, Highlight: painted without touching the text, kept after reload', async () => {
    const { page, context, record } = await open();
    const before = await page.locator(`#p-${PASSAGE} .passage-text`).innerHTML();
    const box = await selectPhrase(page, PASSAGE, PHRASE);
    const bar = page.locator('.selection-tools');
    await poll(() => bar.isVisible()).toBe(true);
    // The toolbar sits just below the selection, inside the passage (next in Tab order).
    const barBox = (await bar.boundingBox())!;
    expect(barBox.y).toBeGreaterThanOrEqual(box.y + box.height - 1);
    expect(barBox.y).toBeLessThan(box.y + box.height + 60);
    expect(await page.locator(`#p-${PASSAGE} .selection-tools`).count()).toBe(1);
    await bar.getByRole('button', { name: 'Highlight' }).click();

    await poll(async () => (await paintedHighlights(page))['ar-mine']).toEqual([PHRASE]);
    expect(await page.locator(`#p-${PASSAGE} .passage-text`).innerHTML()).toBe(before);
    const [note] = await storedNotes(page);
    expect(note).toMatchObject({ passage: PASSAGE, text: '', quote: { exact: PHRASE } });
    expect(await page.getByRole('button', { name: /My notes on passage \d+: 1/ }).count()).toBe(1);
    expect(await page.locator('[data-notes-count]').innerText()).toBe('1');

    await page.reload();
    await toolsReady(page);
    await poll(async () => (await paintedHighlights(page))['ar-mine']).toEqual([PHRASE]);
    clean(record);
    await context.close();
  });

  test('keyboard: Alt+Shift+N on a selection opens the note editor; the note is saved and listed as text', async () => {
    const { page, context, record } = await open();
    await selectPhrase(page, 'helfrich-role-of-state', 'the role of the state');
    await page.keyboard.press('Alt+Shift+N');
    const editor = page.getByRole('dialog', { name: /^Note on passage \d+$/ });
    await poll(() => editor.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('my-note-editor-text');
    expect(await editor.locator('blockquote').innerText()).toBe('the role of the state');
    const text = 'Compare <b>Bauwens</b> & "Kostakis".\nSecond line.';
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Save note
    await poll(() => editor.isVisible()).toBe(false);
    await poll(async () => (await paintedHighlights(page))['ar-mine-note']).toEqual(['the role of the state']);

    await page.locator('[data-tool="notes"]').click();
    const panel = page.getByRole('dialog', { name: 'My notes' });
    await poll(() => panel.isVisible()).toBe(true);
    const item = panel.locator('.my-note').first();
    expect(await item.locator('.my-note-text').innerText()).toBe(text);
    expect(await item.locator('.my-note-text b').count()).toBe(0);
    clean(record);
    await context.close();
  });

  test('keyboard: Alt+Shift+H highlights, and Tab after a selection reaches the toolbar', async () => {
    const { page, context } = await open();
    await selectPhrase(page, 'fattori-welfare-state', 'strong educational systems');
    await page.keyboard.press('Alt+Shift+H');
    await poll(async () => (await paintedHighlights(page))['ar-mine']).toEqual(['strong educational systems']);

    await selectPhrase(page, 'fattori-welfare-state', 'vibrant and publicly supported cultural life');
    await poll(() => page.locator('.selection-tools').isVisible()).toBe(true);
    // Focus starts at the selection: the next Tab stops are the passage's own links, then the toolbar.
    await page.evaluate(() => getSelection()!.getRangeAt(0).startContainer.parentElement!.closest('.passage')!.querySelector<HTMLElement>('.passage-number')!.focus());
    for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.closest('.selection-tools') !== null)); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Highlight');
    await page.keyboard.press('Enter');
    await poll(async () => (await paintedHighlights(page))['ar-mine']).toHaveLength(2);
    await context.close();
  });

  test('touch: the toolbar is one row docked clear of the selection and its handles, and a tap on it keeps the selection it acts on', async () => {
    const { page, context } = await open({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
    const bar = page.locator('.selection-tools');
    /** The bar's box and its buttons' tops, once shown for words selected with a finger. */
    const barFor = async (passage: string, phrase: string, screenY: number) => {
      await page.locator(`#p-${passage} .passage-text`).evaluate((el, y) => scrollBy(0, el.getBoundingClientRect().top - y), screenY);
      await page.locator(`#p-${passage} .speaker-tag`).tap(); // the finger that will select, on no control
      const selected = await selectPhrase(page, passage, phrase);
      await poll(() => bar.isVisible()).toBe(true);
      const box = (await bar.boundingBox())!;
      const tops = await bar.locator('button:visible').evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
      return { box, tops, selected };
    };
    const clear = ({ box, selected }: Awaited<ReturnType<typeof barFor>>) =>
      box.y >= selected.y + selected.height + 40 || box.y + box.height <= selected.y - 40;
    for (const screenY of [150, 700]) {
      const shown = await barFor('kleiner-venture-communism', 'theater of struggle', screenY);
      expect(new Set(shown.tops).size, 'one row').toBe(1);
      expect(shown.box.x).toBeGreaterThanOrEqual(0);
      expect(shown.box.x + shown.box.width).toBeLessThanOrEqual(375);
      expect(shown.box.y).toBeGreaterThanOrEqual(0);
      expect(shown.box.y + shown.box.height).toBeLessThanOrEqual(812);
      expect(clear(shown), JSON.stringify(shown)).toBe(true);
    }
    await bar.getByRole('button', { name: 'Highlight' }).tap();
    await poll(async () => (await paintedHighlights(page))['ar-mine']).toEqual(['theater of struggle']);
    // A passage number's five tools fit the same row, every one in view, each named in full.
    await page.locator('#p-kleiner-venture-communism .passage-number').tap();
    await poll(() => bar.getByRole('button', { name: 'Select words…' }).isVisible()).toBe(true);
    expect(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const tops = await bar.locator('button:visible').evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(tops).toHaveLength(5);
    expect(new Set(tops).size).toBe(1);
    await context.close();
  });

  test('edit and delete in the panel, with undo', async () => {
    const { page, context, record } = await open();
    await highlightWithToolbar(page, PASSAGE, PHRASE);
    await page.locator('[data-tool="notes"]').click();
    const panel = page.getByRole('dialog', { name: 'My notes' });
    await panel.getByRole('button', { name: /^Add note to highlight on passage/ }).click();
    const editor = page.getByRole('dialog', { name: /^Edit note on passage/ });
    await editor.getByLabel('Your note').fill('Now a note.');
    await editor.getByRole('button', { name: 'Save note' }).click();
    await poll(() => panel.locator('.my-note-text').allInnerTexts()).toEqual(['Now a note.']);
    expect((await storedNotes(page))[0].text).toBe('Now a note.');

    await panel.getByRole('button', { name: /^Delete note on passage/ }).click();
    await poll(() => storedNotes(page)).toEqual([]);
    expect(await paintedHighlights(page)).toEqual({ 'ar-mine': [], 'ar-mine-note': [] });
    await panel.getByRole('button', { name: 'Undo' }).click();
    await poll(async () => (await storedNotes(page)).map((n) => n.text)).toEqual(['Now a note.']);
    clean(record);
    await context.close();
  });

  test('export JSON-LD and Markdown, clear storage, import: the same notes come back', async () => {
    const { page, context, record } = await open();
    await highlightWithToolbar(page, PASSAGE, PHRASE);
    await selectPhrase(page, 'helfrich-role-of-state', 'the role of the state');
    await page.keyboard.press('Alt+Shift+N');
    await page.getByLabel('Your note').fill('A note to move.');
    await page.getByRole('button', { name: 'Save note' }).click();
    const notes = await storedNotes(page);
    expect(notes).toHaveLength(2);

    await page.locator('[data-tool="notes"]').click();
    const panel = page.getByRole('dialog', { name: 'My notes' });
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export JSON-LD' }).click()]);
    expect(jsonDownload.suggestedFilename()).toMatch(/^partner-state-my-notes-\d{4}-\d\d-\d\d\.jsonld$/);
    const exported = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'));
    expect(exported).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 2 });
    expect(exported.first.items.map((a: any) => a.motivation).sort()).toEqual(['commenting', 'highlighting']);
    const [mdDownload] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export Markdown' }).click()]);
    const markdown = readFileSync((await mdDownload.path())!, 'utf8');
    expect(markdown).toContain('> the role of the state');
    expect(markdown).toContain('A note to move.');

    await page.evaluate((key) => localStorage.removeItem(key), NOTES_KEY);
    await page.reload();
    await toolsReady(page);
    expect(await paintedHighlights(page)).toEqual({ 'ar-mine': [], 'ar-mine-note': [] });

    await page.locator('[data-tool="notes"]').click();
    await panel.locator('input[type="file"]').setInputFiles((await jsonDownload.path())!);
    await poll(() => panel.locator('.notes-import').isVisible()).toBe(true);
    expect(await panel.locator('.notes-import').innerText()).toContain('2 new');
    await panel.getByRole('button', { name: 'Import 2 notes' }).click();
    await poll(() => storedNotes(page)).toEqual(expect.arrayContaining(notes));
    expect(await storedNotes(page)).toHaveLength(2);
    await poll(async () => (await paintedHighlights(page))['ar-mine-note']).toEqual(['the role of the state']);
    expect((await paintedHighlights(page))['ar-mine']).toEqual([PHRASE]);
    clean(record);
    await context.close();
  });

  describe('a crafted or broken import is refused or neutralised, and nothing is lost', () => {
    async function withOneNote() {
      const opened = await open();
      await highlightWithToolbar(opened.page, PASSAGE, PHRASE);
      await opened.page.locator('[data-tool="notes"]').click();
      const before = await opened.page.evaluate((key) => localStorage.getItem(key), NOTES_KEY);
      return { ...opened, before, panel: opened.page.getByRole('dialog', { name: 'My notes' }) };
    }
    const annotation = (over: Record<string, unknown> = {}) => ({
      id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-01-01T00:00:00.000Z',
      body: { type: 'TextualBody', value: 'imported', format: 'text/plain' },
      target: {
        source: 'https://elsewhere.example/read/partner-state/',
        selector: { type: 'FragmentSelector', value: 'p-kleiner-public-funding', refinedBy: { type: 'TextQuoteSelector', exact: 'kinds of media' } },
      },
      ...over,
    });
    const file = (name: string, content: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    const collection = (items: unknown[]) => JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } });

    test.each([
      ['not JSON', file('notes.json', '<script>alert(1)</script>'), /not JSON/],
      ['the wrong schema', file('notes.json', JSON.stringify({ notes: [{ text: 'x' }] })), /not a W3C Web Annotation file/],
      ['an HTML body', file('notes.json', collection([annotation({ body: { type: 'TextualBody', value: '<img src=x onerror=alert(1)>', format: 'text/html' } })])), /only plain-text notes/],
      ['unknown passage ids', file('notes.json', collection([annotation({ target: { source: 'x/read/partner-state/', selector: { type: 'FragmentSelector', value: 'p-no-such-passage' } } })])), /passages this reading does not have: “no-such-passage”/],
      ['an oversized file', file('big.json', `[${' '.repeat(1_100_000)}]`), /at most 1 MB/],
    ])('%s: a clear message, and the notes stay exactly as they were', async (_label, upload, message) => {
      const { page, context, before, panel, record } = await withOneNote();
      await panel.locator('input[type="file"]').setInputFiles(upload);
      const alert = panel.getByRole('alert');
      await poll(() => alert.innerText()).toMatch(message);
      expect(await alert.innerText()).toContain('Nothing was imported');
      expect(await panel.locator('.notes-import').isVisible()).toBe(false);
      expect(await page.evaluate((key) => localStorage.getItem(key), NOTES_KEY)).toBe(before);
      clean(record);
      await context.close();
    });

    test('script in note text is imported as text: shown literally, never run', async () => {
      const { page, context, panel, record } = await withOneNote();
      const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
      await panel.locator('input[type="file"]').setInputFiles(file('notes.json', collection([annotation({ body: { type: 'TextualBody', value: hostile } })])));
      await panel.getByRole('button', { name: 'Import 1 note' }).click();
      await poll(() => panel.locator('.my-note-text').allInnerTexts()).toEqual([hostile]);
      expect(await panel.locator('.my-note-text img, .my-note-text script').count()).toBe(0);
      expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
      expect(await storedNotes(page)).toHaveLength(2);
      clean(record);
      await context.close();
    });

    test('an import merges by id: existing notes stay, a backup is offered first', async () => {
      const { page, context, before, panel } = await withOneNote();
      const mine = JSON.parse(before!).notes[0];
      await panel.locator('input[type="file"]').setInputFiles(file('notes.json', collection([annotation()])));
      const [backup] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download a backup of my notes first' }).click()]);
      expect(JSON.parse(readFileSync((await backup.path())!, 'utf8')).first.items.map((a: any) => a.id)).toEqual([mine.id]);
      await panel.getByRole('button', { name: 'Import 1 note' }).click();
      await poll(async () => (await storedNotes(page)).map((n) => n.id).sort()).toEqual([mine.id, 'urn:uuid:11111111-2222-4333-8444-555555555555'].sort());
      expect((await storedNotes(page)).find((n) => n.id === mine.id)).toEqual(mine);
      await context.close();
    });
  });

  test('re-anchored on load: a note whose position drifted is found by its words; a lost phrase is kept and flagged', async () => {
    const { page, context } = await open();
    const note = (id: string, exact: string, start: number) => ({
      id: `urn:uuid:00000000-0000-4000-8000-00000000000${id}`,
      reading: 'partner-state',
      passage: PASSAGE,
      quote: { exact, prefix: '', suffix: '', start, end: start + exact.length },
      text: `note ${id}`,
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
    });
    await page.evaluate(
      ([key, notes]) => localStorage.setItem(key as string, JSON.stringify({ version: 1, notes })),
      [NOTES_KEY, [note('1', 'kinds of media', 3), note('2', 'words that are not in this passage', 0)]] as const,
    );
    await page.reload();
    await toolsReady(page);
    await poll(async () => (await paintedHighlights(page))['ar-mine-note']).toEqual(['kinds of media']);
    await page.locator('[data-tool="notes"]').click();
    const panel = page.getByRole('dialog', { name: 'My notes' });
    await poll(() => panel.locator('.my-note-warning').count()).toBe(1);
    expect(await panel.locator('.my-note', { has: page.locator('.my-note-warning') }).locator('.my-note-text').innerText()).toBe('note 2');
    await context.close();
  });

  test('axe: 0 violations with the selection toolbar, the notes panel and the note editor open', async () => {
    const { page, context } = await open();
    await highlightWithToolbar(page, PASSAGE, PHRASE);
    await selectPhrase(page, PASSAGE, 'kinds of media');
    await poll(() => page.locator('.selection-tools').isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    await page.locator('[data-tool="notes"]').click();
    await poll(() => page.getByRole('dialog', { name: 'My notes' }).isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: /^Add note to highlight/ }).click();
    await poll(() => page.locator('#my-note-editor').isVisible()).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    await context.close();
  });
});
