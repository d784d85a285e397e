/**
 * Verse: each source line of a `verse` passage is one line of the poem, with an anchor of its own
 * and a number beside every n-th line.
 *
 * Lines are numbered continuously through a reading's verse passages, not from 1 in each passage:
 * a classicist cites "Il. 1.5" or "lines 3–7" of a book, and the edition's passages are only the
 * blocks the source happens to have (a verse paragraph, a speech), not units anyone cites by. Prose
 * between verse passages (a heading, a prose argument) does not count.
 */
import { passageAnchor } from './constants.ts';

export const DEFAULT_VERSE_LINE_NUMBERS = 5;

const LINE_BREAK = /\r\n|\n|\r/;

/** How many lines a block has. */
export const lineCount = (text: string) => text.split(LINE_BREAK).length;

/** The number of the first line of each verse passage, counting through the reading's verse. */
export function verseLineStarts(passages: readonly { id: string; role: string; text: string }[]): Map<string, number> {
  const starts = new Map<string, number>();
  let next = 1;
  for (const passage of passages) {
    if (passage.role !== 'verse') continue;
    starts.set(passage.id, next);
    next += lineCount(passage.text);
  }
  return starts;
}

/** The anchor of line `n` (numbered through the reading) of a verse passage: `p-<passage>-l<n>`. */
export const verseLineAnchor = (passageId: string, line: number) => `${passageAnchor(passageId)}-l${line}`;

/** The line number in an anchor made by verseLineAnchor, or undefined. */
export const lineOfAnchor = (anchor: string | null | undefined) => {
  const match = /-l(\d+)$/.exec(anchor ?? '');
  return match ? Number(match[1]) : undefined;
};

/**
 * The tags of each line of a verse passage: an anchor on every line, the number shown (by the
 * stylesheet, from `data-n`, so it is never part of the text copied, searched or read aloud as
 * words) on every `every`-th line of the reading. The reader and the EPUB style the lines by
 * different classes.
 */
export function verseLineTags(passageId: string, firstLine: number, every: number, className = 'verse-line') {
  return (index: number) => {
    const n = firstLine + index;
    const shown = n % every === 0 ? ` data-n="${n}"` : '';
    return { open: `<span class="${className}" id="${verseLineAnchor(passageId, n)}"${shown}>`, close: '</span>' };
  };
}

/** The lines (numbered through the reading) that offsets `start`–`end` of a verse passage's text touch. */
export function linesSpanned(text: string, start: number, end: number, firstLine: number): { first: number; last: number } {
  const lineAt = (offset: number) => text.slice(0, Math.max(0, offset)).split(LINE_BREAK).length - 1;
  const from = lineAt(start);
  // A selection that ends at the very start of a line (after its line break) does not take that line.
  const to = Math.max(from, lineAt(end > start ? end - 1 : end));
  return { first: firstLine + from, last: firstLine + to };
}

/** "line 4" or "lines 3–7", as a citation's locator. */
export const describeLines = ({ first, last }: { first: number; last: number }) => (first === last ? `line ${first}` : `lines ${first}\u2013${last}`);

/**
 * An in-text citation template with its paragraph locator ("para. N", MLA's "par. N", IEEE's
 * "Para. N", N the passage-number placeholder) turned into lines: verse is cited by line,
 * "(Homer, lines 3–7)", "[1, lines 3–7]".
 * A template without a paragraph locator gets the lines after it.
 */
export function withLineLocator(inText: string, numberToken: string, lines: { first: number; last: number }): string {
  const locator = new RegExp(`\\bpara?\\.\\s*${numberToken}`, 'i');
  if (locator.test(inText)) return inText.replace(locator, describeLines(lines));
  return inText.includes(numberToken) ? inText.split(numberToken).join(describeLines(lines)) : `${inText}, ${describeLines(lines)}`;
}
