/**
 * Helpers for the reader-tools browser suites: selecting words in a passage the way a reader does,
 * reading the reader's stored notes, and the highlights painted in the page.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPage, type PageRecord, type Session } from './harness.ts';

/** expect.poll with room for a loaded machine: lazy chunks and idle callbacks can take seconds. */
export const poll = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 15_000, interval: 100 });

export const READING = 'partner-state';
export const READER_PATH = `/read/${READING}/`;
export const NOTES_KEY = `ar-notes:${READING}`;

/**
 * Selects `phrase` (its `occurrence`-th match) in a passage's text, skipping editorial note markers.
 * Returns the selection's box so a test can also act next to it.
 */
export async function selectPhrase(page: Page, passage: string, phrase: string, occurrence = 0) {
  return page.evaluate(
    ([passage, phrase, occurrence]) => {
      const element = document.querySelector(`#p-${passage} .passage-text`)!;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest('.note-ref, .app-ref, .note-fold, .note') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      const nodes: [Text, number][] = [];
      let text = '';
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        nodes.push([node, text.length]);
        text += node.data;
      }
      let start = -1;
      for (let i = 0; i <= Number(occurrence); i++) start = text.indexOf(String(phrase), start + 1);
      if (start < 0) throw new Error(`"${phrase}" is not in passage ${passage}`);
      const end = start + String(phrase).length;
      const locate = (at: number, isEnd: boolean): [Text, number] => {
        for (const [node, offset] of nodes) if (isEnd ? at <= offset + node.data.length : at < offset + node.data.length) return [node, at - offset];
        const [last, offset] = nodes.at(-1)!;
        return [last, at - offset];
      };
      const range = document.createRange();
      range.setStart(...locate(start, false));
      range.setEnd(...locate(end, true));
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      const box = range.getBoundingClientRect();
      return { x: box.x, y: box.y, width: box.width, height: box.height, start, end };
    },
    [passage, phrase, occurrence] as const,
  );
}

/** The reader's notes as stored in localStorage. */
export async function storedNotes(page: Page): Promise<any[]> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{"notes":[]}').notes, NOTES_KEY);
}

/** The text of every range painted with the reader's highlights, by highlight name. */
export async function paintedHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const name of ['ar-mine', 'ar-mine-note']) {
      const highlight = CSS.highlights.get(name);
      out[name] = highlight ? [...highlight].map((range) => (range as Range).toString()) : [];
    }
    return out;
  });
}

/** Waits until the reader tools are running (the custom element has upgraded). */
export async function toolsReady(page: Page) {
  await page.waitForFunction(() => customElements.get('ar-reader-tools') !== undefined && !document.querySelector('[data-tool="notes"]')?.hasAttribute('hidden'));
}

/** Opens the reading in a fresh browser context, once its reader tools run. */
export async function openReader(session: Session, options: BrowserContextOptions = {}) {
  const opened = await openPage(session, options);
  await opened.page.goto(session.url(READER_PATH));
  await toolsReady(opened.page);
  return opened;
}

/** Nothing a reader must never see happened: no console error, exception, CSP violation or request away. */
export const expectClean = (record: PageRecord) =>
  expect(record).toMatchObject({ consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] });
