/**
 * Choosing words in a passage without a mouse: the passage's words (as offsets into its text), a
 * choice of a run of them that arrow keys move and Shift+arrows extend, and a search that turns
 * typed words ("public funding … media") into a choice. Pure, so the rules are tested without a
 * browser; the dialog that uses them is src/scripts/reader-tools/word-picker.ts.
 */

/** A word of the passage text: `text.slice(start, end)`. */
export interface WordSpan {
  start: number;
  end: number;
}

/**
 * The choice, as word indices: `anchor` stays where the choice began, `focus` is the word the keys
 * move; the chosen words run from the smaller to the larger (both included), as a text selection does.
 */
export interface WordChoice {
  anchor: number;
  focus: number;
}

export type WordMove = 'next' | 'previous' | 'first' | 'last' | 'next-page' | 'previous-page';

/** How many words PageUp and PageDown move. */
export const PAGE_WORDS = 10;

const FALLBACK_WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

/**
 * The words of `text`, in order. Words are what the language's word breaker calls words
 * (Intl.Segmenter, so Greek, Arabic or Chinese split as their readers expect); spaces and
 * punctuation between them are never part of a word, as a double click would choose.
 */
export function wordsOf(text: string, locale?: string): WordSpan[] {
  const words: WordSpan[] = [];
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    let segmenter: Intl.Segmenter;
    try {
      segmenter = new Intl.Segmenter(locale || undefined, { granularity: 'word' });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    for (const { segment, index, isWordLike } of segmenter.segment(text)) {
      if (isWordLike) words.push({ start: index, end: index + segment.length });
    }
    return words;
  }
  for (const match of text.matchAll(FALLBACK_WORD)) words.push({ start: match.index, end: match.index + match[0].length });
  return words;
}

const clamp = (value: number, count: number) => Math.min(Math.max(value, 0), Math.max(count - 1, 0));

/** The choice after a key: a move makes a one-word choice there; with `extend` (Shift) only the focus moves. */
export function moveChoice(choice: WordChoice, move: WordMove, count: number, extend: boolean): WordChoice {
  const steps: Record<WordMove, number> = {
    next: choice.focus + 1,
    previous: choice.focus - 1,
    first: 0,
    last: count - 1,
    'next-page': choice.focus + PAGE_WORDS,
    'previous-page': choice.focus - PAGE_WORDS,
  };
  const focus = clamp(steps[move], count);
  return extend ? { anchor: choice.anchor, focus } : { anchor: focus, focus };
}

/** The first and last chosen word indices. */
export const choiceBounds = (choice: WordChoice): [number, number] => [Math.min(choice.anchor, choice.focus), Math.max(choice.anchor, choice.focus)];

/** The chosen words as offsets into the passage text (what a reader's note stores). */
export function choiceSpan(words: readonly WordSpan[], choice: WordChoice): WordSpan | undefined {
  const [first, last] = choiceBounds(choice);
  const from = words[first];
  const to = words[last];
  return from && to ? { start: from.start, end: to.end } : undefined;
}

/** The choice made of the words a span touches (a selection's or a stored note's offsets), or undefined. */
export function choiceOfSpan(words: readonly WordSpan[], span: WordSpan): WordChoice | undefined {
  const first = words.findIndex((w) => w.end > span.start);
  let last = -1;
  for (let i = words.length - 1; i >= 0; i--) {
    if (words[i]!.start < span.end) {
      last = i;
      break;
    }
  }
  return first >= 0 && last >= first ? { anchor: first, focus: last } : undefined;
}

/** A word as search compares it: letters in lower case, without accents or vowel marks. */
export const foldWord = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** Separates the first words from the last words of a typed span: "public funding … media". */
const SPAN_SEPARATOR = /\s*(?:…|\.\.\.)\s*/;

/**
 * Where typed words occur in the passage, as choices in reading order. "funding for" finds that
 * run of words (the last typed word may be the start of a word: find as you type); "public … media"
 * finds "public" and runs the choice to the next "media" after it (with nothing typed after the
 * ellipsis yet, just the first words). Case, accents and punctuation do not matter.
 */
export function findWords(text: string, words: readonly WordSpan[], query: string, locale?: string): WordChoice[] {
  const folded = words.map((w) => foldWord(text.slice(w.start, w.end)));
  const [head = '', tail = ''] = query.split(SPAN_SEPARATOR, 2);
  const parts = (typed: string) => wordsOf(typed, locale).map((w) => foldWord(typed.slice(w.start, w.end)));
  const startWords = parts(head);
  const endWords = parts(tail);
  if (startWords.length === 0) return [];
  // A typed word must match a whole word, but the last one typed may be unfinished, unless the
  // reader has moved on (a space or the ellipsis after it).
  const openEnded = (typed: string) => !/[\s…]$|\.\.\.$/.test(typed);
  const runsAt = (sought: string[], prefixLast: boolean, from: number): number[] => {
    const found: number[] = [];
    for (let i = from; i + sought.length <= folded.length; i++) {
      const fits = sought.every((word, k) => (k === sought.length - 1 && prefixLast ? folded[i + k]!.startsWith(word) : folded[i + k] === word));
      if (fits) found.push(i);
    }
    return found;
  };
  const hasTail = SPAN_SEPARATOR.test(query);
  const starts = runsAt(startWords, !hasTail && openEnded(query), 0);
  const choices: WordChoice[] = [];
  for (const start of starts) {
    const startEnd = start + startWords.length - 1;
    if (endWords.length === 0) {
      choices.push({ anchor: start, focus: startEnd });
      continue;
    }
    const end = runsAt(endWords, openEnded(query), startEnd + 1)[0];
    if (end !== undefined) choices.push({ anchor: start, focus: end + endWords.length - 1 });
  }
  return choices;
}

/** The most words a choice's announcement reads out in full; a longer one is given by its ends. */
export const ANNOUNCED_WORDS = 12;

/**
 * The choice in words for a screen reader: "Chosen: “public funding” (2 words, from word 12 of 40)";
 * a long choice gives its first and last words.
 */
export function describeChoice(text: string, words: readonly WordSpan[], choice: WordChoice): string {
  const [first, last] = choiceBounds(choice);
  const span = choiceSpan(words, choice);
  if (!span) return 'No words to choose.';
  const count = last - first + 1;
  const quoted =
    count <= ANNOUNCED_WORDS
      ? text.slice(span.start, span.end)
      : `${text.slice(span.start, words[first + 3]!.end)} … ${text.slice(words[last - 3]!.start, span.end)}`;
  const where = count === 1 ? `word ${first + 1} of ${words.length}` : `words ${first + 1} to ${last + 1} of ${words.length}`;
  return `Chosen: “${quoted.replace(/\s+/g, ' ')}” (${count === 1 ? '1 word' : `${count} words`}, ${where})`;
}
