/**
 * Anchoring for readers' own notes. An editorial note's phrase is checked at build time and must be
 * found exactly; a reader's note was made on some earlier build of the page and must survive small
 * changes to it. So a note keeps both a position and a quote with its context (W3C
 * TextPositionSelector and TextQuoteSelector, within one passage), and re-anchoring trusts the
 * position only while the quote and its context are still there, then falls back to the quote, then
 * to the quote with its whitespace loosened.
 */
import { indexesOf, type TextRange } from './anchoring.ts';

/** Characters of context kept on each side of a quote: enough to tell repeated phrases apart. */
export const QUOTE_CONTEXT = 32;

/** What a reader's note stores about the text it is attached to, within its passage. */
export interface PassageSelectors {
  exact: string;
  prefix: string;
  suffix: string;
  /** Offsets in the passage's displayed text when the note was made. */
  start: number;
  end: number;
}

/** Describes `range` of a passage's `text` by quote, context and position. */
export function describeRange(text: string, range: TextRange, context = QUOTE_CONTEXT): PassageSelectors {
  const start = Math.max(0, Math.min(range.start, text.length));
  const end = Math.max(start, Math.min(range.end, text.length));
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
    start,
    end,
  };
}

export interface Reanchored extends TextRange {
  /**
   * How the range was found: at the stored `position`; by the `quote` (the text moved); by the quote
   * with whitespace loosened (`whitespace`, the text was re-wrapped or re-spaced).
   */
  how: 'position' | 'quote' | 'whitespace';
}

type Quote = Pick<PassageSelectors, 'exact'> & Partial<Pick<PassageSelectors, 'prefix' | 'suffix'>>;

/** Length of the longest common ending of `a` and `b`. */
function commonEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the longest common beginning of `a` and `b`. */
function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every match of `exact` in `text` where any run of whitespace may stand for any other. */
function looseMatches(text: string, exact: string): TextRange[] {
  // Stryker disable next-line Regex: splitting at single spaces only adds empty words, which the filter drops.
  const pattern = exact.split(/\s+/).filter(Boolean).map(escapeRegExp).join('\\s+');
  if (!pattern) return [];
  return [...text.matchAll(new RegExp(pattern, 'gu'))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Finds a stored note's range in the passage's current `text`, or undefined when the quote is no
 * longer there (the note is then kept, and shown as unplaced, never dropped). Among several
 * occurrences, the one whose surroundings best match the stored prefix and suffix wins, then the one
 * nearest the stored position, then the first.
 */
export function reanchor(text: string, quote: Quote, position?: TextRange): Reanchored | undefined {
  if (!quote.exact) return undefined;
  if (
    position &&
    text.slice(position.start, position.end) === quote.exact &&
    text.slice(0, position.start).endsWith(quote.prefix ?? '') &&
    text.slice(position.end).startsWith(quote.suffix ?? '')
  ) {
    return { start: position.start, end: position.end, how: 'position' };
  }
  let how: Reanchored['how'] = 'quote';
  let candidates: TextRange[] = indexesOf(text, quote.exact).map((start) => ({ start, end: start + quote.exact.length }));
  if (candidates.length === 0) {
    how = 'whitespace';
    candidates = looseMatches(text, quote.exact);
  }
  let best: (TextRange & { context: number; distance: number }) | undefined;
  for (const candidate of candidates) {
    const context =
      commonEnd(text.slice(0, candidate.start), quote.prefix ?? '') + commonStart(text.slice(candidate.end), quote.suffix ?? '');
    const distance = position ? Math.abs(candidate.start - position.start) : 0;
    if (!best || context > best.context || (context === best.context && distance < best.distance)) {
      best = { ...candidate, context, distance };
    }
  }
  return best && { start: best.start, end: best.end, how };
}
