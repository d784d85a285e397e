/**
 * Links to an exact phrase with URL text fragments (`#p-<id>:~:text=…`): browsers that support them
 * scroll to and highlight the phrase; the others still land on the passage, because the fragment
 * before `:~:` is the passage permalink.
 * https://wicg.github.io/scroll-to-text-fragment/
 */

/** Quotes longer than this many words are linked by their first and last words (textStart,textEnd). */
export const FRAGMENT_MAX_WORDS = 10;
/** Words used for each end of a long quote, and for the context that disambiguates a short one. */
export const FRAGMENT_EDGE_WORDS = 4;
export const FRAGMENT_CONTEXT_WORDS = 3;

/** Percent-encodes a text directive term: `-`, `,` and `&` are syntax inside `text=`. */
export function encodeFragmentTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * Widens `start`/`end` to whole words: browsers only match a text fragment at word boundaries, so a
 * selection that begins or ends inside a word would otherwise link to nothing.
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let s = start;
  let e = end;
  while (s > 0 && isWordChar(text[s - 1]) && isWordChar(text[s])) s--;
  while (e < text.length && isWordChar(text[e]) && isWordChar(text[e - 1])) e++;
  // Leading and trailing whitespace is never part of a match.
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

export interface FragmentQuote {
  exact: string;
  /** Text right before `exact`; used only when `unique` is false. */
  prefix?: string | undefined;
  /** Text right after `exact`; used only when `unique` is false. */
  suffix?: string | undefined;
}

/**
 * The text directive for a quote, e.g. `:~:text=kicking%20of` or, for a long quote,
 * `:~:text=first%20words,last%20words`. When the browser's first match on the page would be
 * another occurrence (`unique: false`), a few words of context on each side pick the right one.
 */
export function textDirective(quote: FragmentQuote, { unique }: { unique: boolean }): string {
  const words = wordsOf(quote.exact);
  if (words.length === 0) return '';
  const terms =
    words.length > FRAGMENT_MAX_WORDS
      ? [words.slice(0, FRAGMENT_EDGE_WORDS).join(' '), words.slice(-FRAGMENT_EDGE_WORDS).join(' ')]
      : [words.join(' ')];
  const parts = terms.map(encodeFragmentTerm);
  if (!unique) {
    // Context must sit right next to the quote, so only whole words that end (or start) at its edge.
    const before = wordsOf(quote.prefix ?? '');
    const after = wordsOf(quote.suffix ?? '');
    const prefixAbuts = quote.prefix !== undefined && (quote.prefix === '' || /\s$/.test(quote.prefix) || /^\s/.test(quote.exact));
    const suffixAbuts = quote.suffix !== undefined && (quote.suffix === '' || /^\s/.test(quote.suffix) || /\s$/.test(quote.exact));
    if (prefixAbuts && before.length) parts.unshift(`${encodeFragmentTerm(before.slice(-FRAGMENT_CONTEXT_WORDS).join(' '))}-`);
    if (suffixAbuts && after.length) parts.push(`-${encodeFragmentTerm(after.slice(0, FRAGMENT_CONTEXT_WORDS).join(' '))}`);
  }
  return `:~:text=${parts.join(',')}`;
}

/** A link to `pageUrl` that lands on the passage anchor and, where supported, on the phrase. */
export function phraseLink(pageUrl: string, anchor: string, quote: FragmentQuote, options: { unique: boolean }): string {
  const page = pageUrl.split('#')[0]!;
  return `${page}#${anchor}${textDirective(quote, options)}`;
}
