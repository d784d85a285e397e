/**
 * Annotating with the keyboard alone, as a screen-reader user does: no mouse, no caret browsing.
 * Tab reaches a passage number, Enter offers its tools, "Select words…" chooses words by arrow
 * keys or by typing them, and Highlight, Note and Cite act on them; focus comes back to the number.
 * The reader's highlights and notes are then in Chromium's accessibility tree.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { describeChoice, findWords, type WordSpan } from '../../src/lib/word-choice.ts';
import { runAxe, startSession, type Session } from './harness.ts';
import { expectClean, openReader, paintedHighlights, poll, storedNotes } from './reader-tools-helpers.ts';

const FIRST = 'partner-state-definition';
const SECOND = 'bauwens-kostakis-psa';

describe('annotating with the keyboard alone', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  const open = () => openReader(session);
  const clean = expectClean;
  /** Where focus is, for a failure message: the element's markup, cut short. */
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing');
  const onNumberOf = (page: Page, passage: string) =>
    page.evaluate((id) => document.activeElement === document.querySelector(`#p-${id} .passage-number`), passage);

  /** Presses Tab until `done` holds (at most `limit` times); fails naming where focus got to. */
  async function tabUntil(page: Page, done: () => Promise<boolean>, limit = 150, key = 'Tab') {
    for (let i = 0; i < limit; i++) {
      if (await done()) return;
      await page.keyboard.press(key);
    }
    expect(await done(), `focus stopped at ${await focused(page)}`).toBe(true);
  }

  const onButton = (page: Page, name: string) => page.evaluate((label) => document.activeElement?.localName === 'button' && document.activeElement.textContent === label, name);

  /** From the top of the page, Tab to a passage's number, Enter, Tab to "Select words…", Enter. */
  async function openWordPicker(page: Page, passage: string, fromTop = true) {
    if (fromTop) await page.keyboard.press('Tab');
    await tabUntil(page, () => onNumberOf(page, passage));
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.selection-tools').isVisible()).toBe(true);
    await tabUntil(page, () => onButton(page, 'Select words…'), 8);
    await page.keyboard.press('Enter');
    const number = await page.locator(`#p-${passage} .passage-number`).evaluate((el) => el.textContent!.replace(/\D/g, ''));
    const dialog = page.getByRole('dialog', { name: `Select words in passage ${number}` });
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox');
    return { dialog, number };
  }

  /** The passage's text as the reader tools read it (note markers left out). */
  const passageText = (page: Page, passage: string) =>
    page.evaluate((id) => {
      const walker = document.createTreeWalker(document.querySelector(`#p-${id} .passage-text`)!, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest('.note-ref, .app-ref, .note-fold, .note') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) text += (node as Text).data;
      return text;
    }, passage);

  /**
   * The words the chooser offers, as spans of the passage text: the browser's word breaker decides
   * (its ICU can split "i.e." unlike Node's), so they are read from the dialog, not recomputed.
   */
  async function offeredWords(page: Page, text: string): Promise<WordSpan[]> {
    const options = await page.locator('#choose-words [role="option"]').allTextContents();
    let at = 0;
    return options.map((word) => {
      const start = text.indexOf(word, at);
      at = start + word.length;
      return { start, end: at };
    });
  }

  /** Every name in Chromium's accessibility tree (what a screen reader is given), from CDP. */
  async function accessibleNames(page: Page): Promise<string[]> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; name?: { value?: string } }[] };
    await cdp.detach();
    return nodes.filter((node) => !node.ignored && node.name?.value).map((node) => node.name!.value!);
  }

  test('Tab to a passage number, Select words…, arrows and Shift+arrows, Highlight: stored, painted, announced, focus back on the number', async () => {
    const { page, context, record } = await open();
    const before = await page.locator(`#p-${FIRST} .passage-text`).innerHTML();
    const { dialog } = await openWordPicker(page, FIRST);
    const text = await passageText(page, FIRST);
    const words = await offeredWords(page, text);
    const status = dialog.getByRole('status');
    // The first word is chosen to start with, and said.
    await poll(() => status.textContent()).toBe(`${describeChoice(text, words, { anchor: 0, focus: 0 })}.`);
    await page.keyboard.press('ArrowRight');
    await poll(() => status.textContent()).toBe(`${describeChoice(text, words, { anchor: 1, focus: 1 })}.`);
    await page.keyboard.press('Shift+ArrowRight');
    const expected = describeChoice(text, words, { anchor: 1, focus: 2 });
    await poll(() => status.textContent()).toBe(`${expected}.`);
    expect(expected).toBe('Chosen: “Partner State” (2 words, words 2 to 3 of ' + words.length + ')');
    // The list box says which words are chosen and which one is active.
    expect(await dialog.locator('[role="option"][aria-selected="true"]').allTextContents()).toEqual(['Partner', 'State']);
    expect(await page.evaluate(() => document.getElementById(document.activeElement!.getAttribute('aria-activedescendant')!)?.textContent)).toBe('State');

    await tabUntil(page, () => onButton(page, 'Highlight'), 4);
    await page.keyboard.press('Enter');
    await poll(() => dialog.isVisible()).toBe(false);
    await poll(async () => (await paintedHighlights(page))['ar-mine']).toEqual(['Partner State']);
    const [note] = await storedNotes(page);
    expect(note).toMatchObject({ passage: FIRST, text: '', quote: { exact: 'Partner State', start: 4, end: 17 } });
    await poll(() => onNumberOf(page, FIRST)).toBe(true);
    await poll(() => page.locator('.tool-status').textContent()).toBe('Highlighted.');
    // Painted without touching the text; the screen reader is told in a summary after it.
    expect(await page.locator(`#p-${FIRST} .passage-text`).innerHTML()).toBe(before);
    expect(await accessibleNames(page)).toEqual(expect.arrayContaining(['Your highlights and notes in passage 1:', 'Highlighted “Partner State”.']));
    clean(record);
    await context.close();
  });

  test('Note by typing the words: first words … last words, then the note; both are in the accessibility tree', async () => {
    const { page, context, record } = await open();
    const { dialog, number } = await openWordPicker(page, SECOND);
    const text = await passageText(page, SECOND);
    const words = await offeredWords(page, text);
    // Typing in the list moves to the find field, the first letter included.
    await page.keyboard.type('partner state approach … autonomous social prod');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('choose-words-find');
    expect(await page.locator('#choose-words-find').inputValue()).toBe('partner state approach … autonomous social prod');
    const [choice] = findWords(text, words, 'partner state approach … autonomous social prod', 'en');
    const phrase = text.slice(words[choice!.anchor]!.start, words[choice!.focus]!.end);
    expect(phrase).toMatch(/^partner state approach \(PSA\).*autonomous social production$/);
    await poll(() => dialog.getByRole('status').textContent()).toMatch(new RegExp(`^${describeChoice(text, words, choice!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`));
    await page.keyboard.press('Tab'); // Highlight
    await page.keyboard.press('Tab'); // Note
    expect(await onButton(page, 'Note')).toBe(true);
    await page.keyboard.press('Enter');
    const editor = page.getByRole('dialog', { name: `Note on passage ${number}` });
    await poll(() => editor.isVisible()).toBe(true);
    expect(await editor.locator('blockquote').textContent()).toBe(phrase);
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('my-note-editor-text');
    await page.keyboard.type('The PSA, defined.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Save note
    await poll(() => editor.isVisible()).toBe(false);
    await poll(() => onNumberOf(page, SECOND)).toBe(true);
    // The painted range runs over the note markers inside the words (its toString has their text).
    const painted = (await paintedHighlights(page))['ar-mine-note'];
    expect(painted).toHaveLength(1);
    expect(painted![0]).toMatch(/^partner state approach \(PSA\).*autonomous social production$/);
    const [note] = await storedNotes(page);
    const start = words[choice!.anchor]!.start;
    expect(note).toMatchObject({ passage: SECOND, text: 'The PSA, defined.', quote: { exact: phrase, start, end: start + phrase.length } });
    expect(await accessibleNames(page)).toEqual(expect.arrayContaining([`Your highlights and notes in passage ${number}:`, `Note on “${phrase}”: The PSA, defined.`]));
    clean(record);
    await context.close();
  });

  test('Cite chosen words, Copy link, and Highlight a whole passage from its number: focus always comes back to the number', async () => {
    const { page, context, record } = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { dialog, number } = await openWordPicker(page, FIRST);
    const text = await passageText(page, FIRST);
    const words = await offeredWords(page, text);
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await poll(() => dialog.getByRole('status').textContent()).toBe(`${describeChoice(text, words, { anchor: words.length - 1, focus: words.length - 3 })}.`);
    await tabUntil(page, () => onButton(page, 'Cite'), 6);
    await page.keyboard.press('Enter');
    const cite = page.getByRole('dialog', { name: `Cite these words (passage ${number})` });
    await poll(() => cite.isVisible()).toBe(true);
    const link = await cite.getByLabel('Link to these words').inputValue();
    expect(decodeURIComponent(link)).toContain(`#p-${FIRST}:~:text=`);
    expect(decodeURIComponent(link)).toContain(text.slice(words.at(-3)!.start, words.at(-1)!.end).replace(/-/g, '-'));
    await page.keyboard.press('Escape');
    await poll(() => cite.isVisible()).toBe(false);
    await poll(() => onNumberOf(page, FIRST)).toBe(true);

    // Escape closes the chooser without acting, and focus is back on the number.
    const again = await openWordPicker(page, FIRST, false);
    await page.keyboard.press('Escape');
    await poll(() => again.dialog.isVisible()).toBe(false);
    await poll(() => onNumberOf(page, FIRST)).toBe(true);
    expect(await storedNotes(page)).toEqual([]);

    // Copy link on chosen words, from where focus came back.
    await openWordPicker(page, FIRST, false);
    await page.keyboard.press('ArrowRight');
    await tabUntil(page, () => onButton(page, 'Copy link'), 6);
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.tool-status').textContent()).toBe('Link to the words copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`#p-${FIRST}:~:text=Partner$`));
    await poll(() => onNumberOf(page, FIRST)).toBe(true);

    // The passage's own toolbar highlights the whole passage.
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.selection-tools').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await onButton(page, `Highlight ¶${number}`)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('aria-keyshortcuts'))).toBe(false);
    await page.keyboard.press('Enter');
    await poll(async () => (await storedNotes(page)).length).toBe(1);
    expect((await storedNotes(page))[0]).toMatchObject({ passage: FIRST, text: '' });
    expect((await storedNotes(page))[0].quote).toBeUndefined();
    await poll(async () => (await paintedHighlights(page))['ar-mine']).toHaveLength(1);
    // From the passage's first word to its last (the note markers inside are in the range's toString).
    expect((await paintedHighlights(page))['ar-mine']![0]).toMatch(new RegExp(`^${text.slice(0, 17)}.*${text.slice(-15)}$`));
    expect(await page.locator('.selection-tools').isVisible()).toBe(false);
    await poll(() => onNumberOf(page, FIRST)).toBe(true);
    expect(await accessibleNames(page)).toEqual(expect.arrayContaining(['Highlighted the whole passage.']));
    clean(record);
    await context.close();
  });

  test('the summary for screen readers is never copied, never shown, and axe finds nothing with the word chooser open', async () => {
    const { page, context, record } = await open();
    const { dialog } = await openWordPicker(page, FIRST);
    await page.keyboard.press('Shift+ArrowRight');
    expect(await runAxe(page)).toEqual([]);
    await tabUntil(page, () => onButton(page, 'Highlight'), 4);
    await page.keyboard.press('Enter');
    await poll(() => dialog.isVisible()).toBe(false);
    const summary = page.locator(`#p-${FIRST} .my-notes-summary`);
    await poll(() => summary.count()).toBe(1);
    const box = (await summary.boundingBox())!;
    expect(box.width * box.height).toBeLessThanOrEqual(1);
    // A selection across the two passages copies their words, not the summary.
    const copied = await page.evaluate(([a, b]) => {
      const range = document.createRange();
      range.setStartBefore(document.querySelector(`#p-${a} .passage-text`)!);
      range.setEndAfter(document.querySelector(`#p-${b} .passage-text`)!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    }, [FIRST, SECOND] as const);
    expect(copied).toContain('The Partner State');
    expect(copied).not.toContain('Your highlights');
    expect(copied).not.toContain('Highlighted');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.keyboard.press('Control+C');
    await poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('The Partner State');
    expect(await page.evaluate(() => navigator.clipboard.readText())).not.toContain('Your highlights');
    await page.evaluate(() => getSelection()!.removeAllRanges());
    expect(await runAxe(page)).toEqual([]);
    clean(record);
    await context.close();
  });
});
