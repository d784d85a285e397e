/**
 * Clean copying and notes in reading order (the reader page): the text holds only the source's
 * words, so a selection, a copy and the quotes that Hypothesis or a text fragment take match the
 * source; screen readers still hear each marker as "Note 7"; the numbers a reader meets ascend.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { openPage, startSession, type Session } from './harness.ts';
import { poll, READER_PATH, toolsReady } from './reader-tools-helpers.ts';

const folder = 'src/content/readings/partner-state';
const source = readFileSync(`${folder}/source.txt`, 'utf8').split('\n');
const meta = parse(readFileSync(`${folder}/reading.yaml`, 'utf8')) as { passages: { id: string; lines: number | string }[] };
/** Each passage's verbatim text, from the source file and the passage map (not from the page). */
const passageText = new Map(
  meta.passages.map((p) => {
    const [first, last = first] = String(p.lines).split('-').map(Number);
    return [p.id, source.slice(first! - 1, last).join('\n')] as const;
  }),
);
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Selects from the start of one passage's text to the end of another's, as a drag would. */
const selectPassages = (page: Page, from: string, to: string) =>
  page.evaluate(
    ([from, to]) => {
      const range = document.createRange();
      range.setStartBefore(document.querySelector(`#p-${from} .passage-text`)!.firstChild!);
      range.setEndAfter(document.querySelector(`#p-${to} .passage-text`)!.lastChild!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    },
    [from, to],
  );

/** What a real copy command puts on the clipboard as plain text (read while the event is dispatched). */
const copyCommand = (page: Page) =>
  page.evaluate(() => {
    let copied: string | undefined;
    const read = (event: ClipboardEvent) => (copied = event.clipboardData?.getData('text/plain'));
    window.addEventListener('copy', read);
    document.execCommand('copy');
    window.removeEventListener('copy', read);
    return copied;
  });

describe('copying and quoting the text', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  test('without JavaScript, every passage\u2019s text in the DOM is its source text, markers and all, and a selection copies the words alone', async () => {
    const { page, context } = await openPage(session, { javaScriptEnabled: false });
    await page.goto(session.url(READER_PATH));
    const markers = await page.locator('.passage-text .note-ref').count();
    expect(markers, 'the edition has note markers in its text').toBeGreaterThan(50);
    // textContent is what Hypothesis' TextQuote anchoring reads; no marker adds a word to it.
    const texts = await page.$$eval('.passage', (els) => els.map((el) => [el.id.slice(2), el.querySelector('.passage-text')!.textContent!] as const));
    expect(texts.length).toBe(passageText.size);
    for (const [id, text] of texts) expect(collapse(text), id).toBe(collapse(passageText.get(id)!));
    // The first passage: markers 1, 2 and the shared "3, 4, 5" sit inside it.
    const first = meta.passages[0]!.id;
    expect(await page.locator(`#p-${first} .passage-text .note-ref`).count()).toBeGreaterThanOrEqual(3);
    expect(collapse(await selectPassages(page, first, first))).toBe(collapse(passageText.get(first)!));
    await context.close();
  });

  test('markers are named "Note 7" in the accessibility tree, and the numbers drawn are the numbers named, ascending', async () => {
    const { page, context } = await openPage(session, { javaScriptEnabled: false });
    await page.goto(session.url(READER_PATH));
    const cdp = await context.newCDPSession(page);
    // Chromium's own accessibility tree, asked marker by marker in document order.
    const markerNames = async () => {
      const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
      const { nodeIds } = (await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '.reading-body .note-ref' })) as { nodeIds: number[] };
      const names: string[] = [];
      for (const nodeId of nodeIds) {
        const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false })) as {
          nodes: { role?: { value: string }; name?: { value: string } }[];
        };
        expect(nodes[0]?.role?.value).toBe('link');
        names.push(nodes[0]?.name?.value ?? '');
      }
      return names;
    };
    const named = await markerNames();
    expect(named.length, 'the edition has note markers').toBeGreaterThan(50);
    for (const name of named) expect(name).toMatch(/^(Note \d+|Notes \d+(, \d+)+)$/);
    const numbersNamed = named.flatMap((name) => name.match(/\d+/g)!.map(Number));
    // Reading order: 1, 2, 3, … as the reader meets them, each note once.
    expect(numbersNamed).toEqual(numbersNamed.map((_, i) => i + 1));
    // The numbers are drawn by a counter of the page's notes, which Chromium leaves out of the
    // tree: each marker moves it on by as many notes as it names and is rendered, so the count
    // at each marker is the last number it names (they ascend from 1, above).
    const drawing = await page.$$eval('.reading-body .note-ref', (els) =>
      els.map((el) => {
        const before = getComputedStyle(el, '::before');
        return { increment: before.counterIncrement, content: before.content, shown: el.getClientRects().length > 0, name: el.getAttribute('aria-label')! };
      }),
    );
    for (const { increment, content, shown, name } of drawing) {
      const count = name.match(/\d+/g)!.length;
      expect(increment, name).toBe(`note ${count}`);
      // A shared marker draws its numbers from data-n, which the browser resolves here.
      expect(content, name).toBe(count === 1 ? 'counter(note)' : `"${name.replace(/^Notes /, '')}"`);
      expect(shown, name).toBe(true);
    }
    expect(await page.$eval('.reading-body', (el) => getComputedStyle(el).counterReset)).toBe('note 0');
    await context.close();
  });

  test('copying across passages, markers, terms and notes gives the source\u2019s words, passages a blank line apart', async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.url(READER_PATH));
    await toolsReady(page);
    const [first, second] = meta.passages.map((p) => p.id);
    await selectPassages(page, first!, second!);
    expect(await copyCommand(page)).toBe(`${passageText.get(first!)!}\n\n${passageText.get(second!)!}`);
    await context.close();
  });

  test('with "Add the citation" on, the citation and the link to the words follow on a line after them', async () => {
    const { page, context } = await openPage(session);
    await context.addInitScript(() => localStorage.setItem('ar-settings', JSON.stringify({ copy: 'cited' })));
    await page.goto(session.url(READER_PATH));
    await toolsReady(page);
    const first = meta.passages[0]!.id;
    const words = 'public authorities play a sustaining role';
    expect(passageText.get(first)).toContain(words);
    await page.evaluate(
      ([first, words]) => {
        const text = document.querySelector(`#p-${first} .passage-text`)!;
        const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
        const node = nodes.find((n) => n.data.includes('public authorities'))!;
        const start = node.data.indexOf('public authorities');
        // The words run on past the phrase's end, across the marker after "role".
        const endNode = nodes.find((n) => n.data.includes('sustaining role'))!;
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(endNode, endNode.data.indexOf('sustaining role') + 'sustaining role'.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return words;
      },
      [first, words],
    );
    // The styles come once the setting is read; until then the line names the title. Chicago 18
    // puts the site in the author's place of an unsigned web page (pinned in citation-styles.test.ts).
    await poll(() => copyCommand(page)).toMatch(/^public authorities play a sustaining role\n\(Annotated Reader, n\.d\., para\. 1\) http/);
    const [, line] = (await copyCommand(page))!.split('\n');
    const link = new URL(line!.split(' ').at(-1)!);
    expect(link.pathname).toBe(new URL(session.url(READER_PATH)).pathname);
    expect(decodeURIComponent(link.hash)).toContain(`#p-${first}:~:text=public authorities play a sustaining role`);
    await context.close();
  });
});
