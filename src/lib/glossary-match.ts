/**
 * Finds glossary terms in passage text: headword and aliases, case-insensitive, whole words with
 * Unicode letter/digit boundaries. Where candidates overlap the longest wins (so "partner state"
 * beats "state"); then each term's `match` mode decides which of its occurrences are marked.
 */
import type { TermMatchMode } from '../schemas/glossary.ts';

export interface MatchableTerm<Id extends string = string> {
  id: Id;
  /** Headword and aliases: every form that counts as an occurrence. */
  forms: readonly string[];
  /** `first` (default): first occurrence per text; `all`; `none`: never marked. */
  match?: TermMatchMode | undefined;
}

/** One occurrence of a term: a half-open UTF-16 range of the text and the form as written there. */
export interface TermOccurrence<Id extends string = string> {
  termId: Id;
  start: number;
  end: number;
  /** The text as it appears (its own case), e.g. "Partner States". */
  text: string;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whitespace inside a (trimmed) form matches any run of whitespace (a line break inside a list passage, say). */
const formPattern = (form: string) => form.split(/\s+/).map(escapeRegExp).join('\\s+');

/**
 * A regular expression matching any of `forms` as a whole word, case-insensitively. Boundaries are
 * "not a letter or digit" (`\p{L}\p{N}`), so "commons" matches in "commons-based" and in "(commons)",
 * but not in "commonsense".
 */
export function termPattern(forms: readonly string[]): RegExp | undefined {
  const alternatives = [...new Set(forms.map((f) => f.trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map(formPattern);
  if (alternatives.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
}

/** Each term's pattern, compiled once: a book matches every term against thousands of passages. */
const patterns = new WeakMap<readonly string[], RegExp | undefined>();
function cachedPattern(forms: readonly string[]): RegExp | undefined {
  // Stryker disable next-line ConditionalExpression: compiling again gives the same pattern; the cache only saves time.
  if (!patterns.has(forms)) patterns.set(forms, termPattern(forms));
  return patterns.get(forms);
}

/** Runs of letters, digits and marks: the words that term boundaries (above) separate. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/**
 * Case-insensitive matching (`iu`) folds only two non-ASCII characters onto ASCII letters: long s
 * and the Kelvin sign. With those mapped, an ASCII word appears in a text under the patterns'
 * folding exactly when its lower case appears among the text's lower-cased words.
 */
const foldToAscii = (word: string) => word.toLowerCase().replace(/\u017f/g, 's');
const ASCII_WORD = /^[a-z0-9]+$/;

/**
 * The word every occurrence of a term must contain (the first word of a form), per form; undefined
 * when a form's first word is not plain ASCII, and the term must always be searched for.
 */
const firstWords = new WeakMap<readonly string[], string[] | undefined>();
function requiredWords(forms: readonly string[]): string[] | undefined {
  // Stryker disable next-line ConditionalExpression,BooleanLiteral,BlockStatement: without the cache the words are worked out again, or are missing and the term is always searched: the same matches.
  if (!firstWords.has(forms)) {
    const words = forms.map((form) => form.match(WORD)?.[0]?.toLowerCase());
    firstWords.set(forms, words.every((word) => word !== undefined && ASCII_WORD.test(word)) ? (words as string[]) : undefined);
  }
  return firstWords.get(forms);
}

/**
 * Which terms a word can start: each term under its forms' first words, and the terms that must
 * always be searched for. Built once per term list (the edition passes one list for every passage).
 */
interface TermIndex {
  byWord: Map<string, number[]>;
  always: number[];
}
const termIndexes = new WeakMap<readonly MatchableTerm[], TermIndex>();
function termIndex(terms: readonly MatchableTerm[]): TermIndex {
  let index = termIndexes.get(terms);
  if (!index) {
    index = { byWord: new Map(), always: [] };
    for (const [position, term] of terms.entries()) {
      const required = requiredWords(term.forms);
      // Stryker disable next-line ConditionalExpression: a term searched always as well as by its words is found the same.
      if (!required) index.always.push(position);
      else {
        for (const word of new Set(required)) {
          const positions = index.byWord.get(word);
          if (positions) positions.push(position);
          else index.byWord.set(word, [position]);
        }
      }
    }
    termIndexes.set(terms, index);
  }
  return index;
}

/** Every occurrence of every term, before overlaps are resolved. */
export function findCandidates<Id extends string>(text: string, terms: readonly MatchableTerm<Id>[]): TermOccurrence<Id>[] {
  const found: TermOccurrence<Id>[] = [];
  // A term none of whose forms' first words is in the text cannot occur in it. The text's words
  // pick the terms to search for, so a passage costs its words plus its candidates, not the whole
  // glossary (a book's glossary grows with it: passages × terms would grow as the square).
  const { byWord, always } = termIndex(terms);
  const candidates = new Set(always);
  for (const match of text.matchAll(WORD)) for (const position of byWord.get(foldToAscii(match[0])) ?? []) candidates.add(position);
  for (const position of [...candidates].sort((a, b) => a - b)) {
    const term = terms[position]!;
    // matchAll works on a copy of the pattern, so one shared instance is safe.
    const pattern = cachedPattern(term.forms);
    if (!pattern) continue;
    for (const match of text.matchAll(pattern)) {
      found.push({ termId: term.id, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  return found;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Resolves overlapping candidates: longest first, then earliest, then term id (so the result never
 * depends on glossary file order); a candidate overlapping one already kept is dropped.
 * Returns the kept occurrences in text order.
 */
export function resolveOverlaps<Id extends string>(candidates: readonly TermOccurrence<Id>[]): TermOccurrence<Id>[] {
  const ranked = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || (a.termId < b.termId ? -1 : a.termId > b.termId ? 1 : 0),
  );
  const kept: TermOccurrence<Id>[] = [];
  for (const candidate of ranked) if (!kept.some((k) => overlaps(k, candidate))) kept.push(candidate);
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * The occurrences to mark in one text: terms with `match: none` take no part, overlaps are resolved,
 * and `first` terms keep only their first remaining occurrence.
 */
export function matchTerms<Id extends string>(text: string, terms: readonly MatchableTerm<Id>[]): TermOccurrence<Id>[] {
  return termMatches(text, terms).marks;
}

/**
 * Every occurrence of every term, whatever its `match` mode: what "where used" lists count.
 * Overlaps are still resolved, so "state" inside "partner state" is not a use of "state".
 */
export function allOccurrences<Id extends string>(text: string, terms: readonly MatchableTerm<Id>[]): TermOccurrence<Id>[] {
  return resolveOverlaps(findCandidates(text, terms));
}

/** Each term's `match` mode by id, once per term list. */
const modes = new WeakMap<readonly MatchableTerm[], Map<string, TermMatchMode | undefined>>();
/** Undefined is `first`: neither `all` nor `none`. */
function matchModes(terms: readonly MatchableTerm[]): Map<string, TermMatchMode | undefined> {
  let mode = modes.get(terms);
  if (!mode) modes.set(terms, (mode = new Map(terms.map((term) => [term.id, term.match]))));
  return mode;
}

/**
 * `matchTerms` and `allOccurrences` of one text from a single search for candidates (the search is
 * what costs, and the edition needs both for every passage).
 */
export function termMatches<Id extends string>(text: string, terms: readonly MatchableTerm<Id>[]): { marks: TermOccurrence<Id>[]; all: TermOccurrence<Id>[] } {
  const candidates = findCandidates(text, terms);
  const mode = matchModes(terms);
  const seen = new Set<Id>();
  const marks = resolveOverlaps(candidates.filter((c) => mode.get(c.termId) !== 'none')).filter((occurrence) => {
    if (mode.get(occurrence.termId) === 'all') return true;
    if (seen.has(occurrence.termId)) return false;
    seen.add(occurrence.termId);
    return true;
  });
  return { marks, all: resolveOverlaps(candidates) };
}
