import { describe, expect, test } from 'vitest';
import { choiceOfSpan, choiceSpan, describeChoice, findWords, moveChoice, wordsOf, type WordChoice } from '../../src/lib/word-choice.ts';

const TEXT = 'The partner state, in short, enables “public funding” for other kinds of media; public media too.';
const WORDS = wordsOf(TEXT, 'en');
const chosen = (choice: WordChoice | undefined, text = TEXT, words = WORDS) => {
  const span = choice && choiceSpan(words, choice);
  return span ? text.slice(span.start, span.end) : undefined;
};

describe('word choice', () => {
  test('words leave out spaces and punctuation', () => {
    expect(WORDS.map((w) => TEXT.slice(w.start, w.end))).toEqual([
      'The', 'partner', 'state', 'in', 'short', 'enables', 'public', 'funding', 'for', 'other', 'kinds', 'of', 'media', 'public', 'media', 'too',
    ]);
  });

  test.each([
    ['Greek', 'el', 'Ἐν ἀρχῇ ἦν ὁ λόγος.', ['Ἐν', 'ἀρχῇ', 'ἦν', 'ὁ', 'λόγος']],
    ['Arabic', 'ar', 'فِي الْبَدْءِ كَانَ الْكَلِمَةُ', ['فِي', 'الْبَدْءِ', 'كَانَ', 'الْكَلِمَةُ']],
    ['an apostrophe inside a word', 'en', "the reader's notes", ['the', "reader's", 'notes']],
  ])('words in %s', (_label, locale, text, expected) => {
    expect(wordsOf(text, locale).map((w) => text.slice(w.start, w.end))).toEqual(expected);
  });

  test.each<[string, WordChoice, Parameters<typeof moveChoice>[1], boolean, WordChoice]>([
    ['Right moves to the next word', { anchor: 2, focus: 2 }, 'next', false, { anchor: 3, focus: 3 }],
    ['Left moves to the previous word', { anchor: 2, focus: 2 }, 'previous', false, { anchor: 1, focus: 1 }],
    ['a move collapses an extended choice', { anchor: 2, focus: 5 }, 'next', false, { anchor: 6, focus: 6 }],
    ['Shift+Right extends', { anchor: 2, focus: 2 }, 'next', true, { anchor: 2, focus: 3 }],
    ['Shift+Left past the anchor extends backwards', { anchor: 2, focus: 2 }, 'previous', true, { anchor: 2, focus: 1 }],
    ['Shift+Left shrinks a forward choice', { anchor: 2, focus: 4 }, 'previous', true, { anchor: 2, focus: 3 }],
    ['no step before the first word', { anchor: 0, focus: 0 }, 'previous', false, { anchor: 0, focus: 0 }],
    ['no step after the last word', { anchor: 15, focus: 15 }, 'next', false, { anchor: 15, focus: 15 }],
    ['Home', { anchor: 7, focus: 7 }, 'first', false, { anchor: 0, focus: 0 }],
    ['Shift+End', { anchor: 7, focus: 7 }, 'last', true, { anchor: 7, focus: 15 }],
    ['PageDown: ten words on', { anchor: 1, focus: 1 }, 'next-page', false, { anchor: 11, focus: 11 }],
    ['PageDown stops at the last word', { anchor: 9, focus: 9 }, 'next-page', true, { anchor: 9, focus: 15 }],
  ])('%s', (_label, from, move, extend, expected) => {
    expect(moveChoice(from, move, WORDS.length, extend)).toEqual(expected);
  });

  test('a choice is offsets into the text, from its first word to its last, either way round', () => {
    expect(choiceSpan(WORDS, { anchor: 6, focus: 7 })).toEqual({ start: TEXT.indexOf('public'), end: TEXT.indexOf('funding') + 7 });
    expect(chosen({ anchor: 8, focus: 6 })).toBe('public funding” for');
    expect(chosen({ anchor: 1, focus: 2 })).toBe('partner state');
  });

  test('a span becomes the choice of the words it touches', () => {
    const start = TEXT.indexOf('artner');
    expect(choiceOfSpan(WORDS, { start, end: start + 10 })).toEqual({ anchor: 1, focus: 2 });
    expect(choiceOfSpan(WORDS, { start: TEXT.length, end: TEXT.length })).toBeUndefined();
  });

  test.each([
    ['one word', 'media', ['media', 'media']],
    ['a run of words', 'public funding', ['public funding']],
    ['case, punctuation and spaces do not matter', 'PUBLIC  funding for', ['public funding” for']],
    ['the last word may be unfinished', 'kinds of me', ['kinds of media']],
    ['a finished word must be whole', 'kinds of me ', []],
    ['first words … last words', 'partner … media', ['partner state, in short, enables “public funding” for other kinds of media']],
    ['three dots work too, and the end may be unfinished', 'public...med', ['public funding” for other kinds of media', 'public media']],
    ['nothing typed after the ellipsis yet: the first words', 'other kinds …', ['other kinds']],
    ['no end after the start: no choice there', 'public media … funding', []],
    ['words not in the passage', 'enclosure', []],
    ['nothing typed', '  ', []],
  ])('find: %s', (_label, query, expected) => {
    expect(findWords(TEXT, WORDS, query, 'en').map((c) => chosen(c))).toEqual(expected);
  });

  test('find ignores accents and vowel marks', () => {
    const text = 'Ἐν ἀρχῇ ἦν ὁ λόγος';
    const words = wordsOf(text, 'el');
    expect(findWords(text, words, 'αρχη ην', 'el').map((c) => chosen(c, text, words))).toEqual(['ἀρχῇ ἦν']);
  });

  test.each([
    ['one word', { anchor: 1, focus: 1 }, 'Chosen: “partner” (1 word, word 2 of 16)'],
    ['a run', { anchor: 6, focus: 7 }, 'Chosen: “public funding” (2 words, words 7 to 8 of 16)'],
    ['a long choice by its ends', { anchor: 0, focus: 15 }, 'Chosen: “The partner state, in … media; public media too” (16 words, words 1 to 16 of 16)'],
  ])('announced: %s', (_label, choice, expected) => {
    expect(describeChoice(TEXT, WORDS, choice)).toBe(expected);
  });
});
