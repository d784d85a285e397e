/**
 * W3C TextQuoteSelector anchoring: finds `exact` in a passage, using `prefix` and `suffix` to pick
 * one occurrence. Matching is on the verbatim text (no case folding, no whitespace normalising),
 * because the source is never edited and the phrase is copied from it.
 */

/** A W3C Web Annotation TextQuoteSelector (https://www.w3.org/TR/annotation-model/#text-quote-selector). */
export interface TextQuote {
  exact: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
}

/** Half-open UTF-16 range within a passage's text: `text.slice(start, end) === exact`. */
export interface TextRange {
  start: number;
  end: number;
}

export type AnchorResult =
  | { status: 'found'; range: TextRange; occurrences: number }
  /** `exact` does not occur at all, or never with this prefix/suffix (`occurrences` counts `exact` alone). */
  | { status: 'not-found'; occurrences: number }
  /** Several occurrences fit; `matching` of `occurrences` satisfy the prefix/suffix given. */
  | { status: 'ambiguous'; occurrences: number; matching: number; ranges: TextRange[] };

/** Every start offset of `needle` in `haystack`, overlapping occurrences included. */
export function indexesOf(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Anchors a quote in `text`. */
export function anchorQuote(text: string, quote: TextQuote): AnchorResult {
  const starts = indexesOf(text, quote.exact);
  const fits = starts.filter((start) => {
    const end = start + quote.exact.length;
    if (quote.prefix !== undefined && !text.slice(0, start).endsWith(quote.prefix)) return false;
    if (quote.suffix !== undefined && !text.slice(end).startsWith(quote.suffix)) return false;
    return true;
  });
  const range = (start: number) => ({ start, end: start + quote.exact.length });
  if (fits.length === 1) return { status: 'found', range: range(fits[0]!), occurrences: starts.length };
  if (fits.length === 0) return { status: 'not-found', occurrences: starts.length };
  return { status: 'ambiguous', occurrences: starts.length, matching: fits.length, ranges: fits.map(range) };
}

const isSpace = (char: string | undefined) => char === undefined || /\s/.test(char);

/**
 * The shortest prefix of whole words (up to `max` characters before the phrase) that singles out
 * the occurrence at `range`, for "add `prefix: …`" hints; undefined when none within `max` does.
 */
export function disambiguatingPrefix(text: string, exact: string, range: TextRange, max = 40): string | undefined {
  for (let from = range.start - 1; from >= Math.max(0, range.start - max); from--) {
    if (!isSpace(text[from - 1]) || isSpace(text[from])) continue;
    const prefix = text.slice(from, range.start);
    if (anchorQuote(text, { exact, prefix }).status === 'found') return prefix;
  }
  return undefined;
}

/** Same as `disambiguatingPrefix`, after the phrase: the shortest run of whole words that decides. */
export function disambiguatingSuffix(text: string, exact: string, range: TextRange, max = 40): string | undefined {
  for (let to = range.end + 1; to <= Math.min(text.length, range.end + max); to++) {
    if (!isSpace(text[to]) || isSpace(text[to - 1])) continue;
    const suffix = text.slice(range.end, to);
    if (anchorQuote(text, { exact, suffix }).status === 'found') return suffix;
  }
  return undefined;
}
