import { describe, expect, test } from 'vitest';
import { anchorQuote, disambiguatingPrefix, disambiguatingSuffix, indexesOf } from '../../src/lib/anchoring.ts';

const text = 'The partner state protects the commons. The commons are shared; the state enables them.';

describe('indexesOf', () => {
  test.each([
    ['abcabc', 'abc', [0, 3]],
    ['aaaa', 'aa', [0, 1, 2]],
    ['abc', 'x', []],
    ['abc', '', []],
  ])('%j in %j', (haystack, needle, expected) => {
    expect(indexesOf(haystack, needle)).toEqual(expected);
  });
});

describe('anchorQuote', () => {
  test.each([
    ['unique phrase', { exact: 'protects' }, { status: 'found', range: { start: 18, end: 26 }, occurrences: 1 }],
    ['case matters', { exact: 'The commons' }, { status: 'found', range: { start: 40, end: 51 }, occurrences: 1 }],
    ['prefix picks one of three', { exact: 'commons', prefix: 'The ' }, { status: 'found', range: { start: 44, end: 51 }, occurrences: 2 }],
    ['suffix picks one', { exact: 'state', suffix: ' enables' }, { status: 'found', range: { start: 68, end: 73 }, occurrences: 2 }],
    ['prefix and suffix together', { exact: 'commons', prefix: 'the ', suffix: '.' }, { status: 'found', range: { start: 31, end: 38 }, occurrences: 2 }],
    ['not in the text', { exact: 'market' }, { status: 'not-found', occurrences: 0 }],
    ['typographic quotes differ', { exact: 'partner\u2019s' }, { status: 'not-found', occurrences: 0 }],
    ['in the text, never with this prefix', { exact: 'commons', prefix: 'our ' }, { status: 'not-found', occurrences: 2 }],
  ] as const)('%s', (_name, quote, expected) => {
    const result = anchorQuote(text, quote);
    expect(result).toEqual(expected);
    if (result.status === 'found') expect(text.slice(result.range.start, result.range.end)).toBe(quote.exact);
  });

  test.each([
    ['twice, nothing to decide', { exact: 'state' }, 2, 2],
    ['prefix that fits both', { exact: 'state', prefix: ' ' }, 2, 2],
  ])('ambiguous: %s', (_name, quote, occurrences, matching) => {
    const result = anchorQuote(text, quote);
    expect(result).toMatchObject({ status: 'ambiguous', occurrences, matching });
    if (result.status === 'ambiguous') expect(result.ranges.map((r) => text.slice(r.start, r.end))).toEqual(['state', 'state']);
  });

  test('offsets are UTF-16 code units, as String.slice takes them', () => {
    const emoji = '😀 partner state';
    expect(anchorQuote(emoji, { exact: 'partner' })).toEqual({ status: 'found', range: { start: 3, end: 10 }, occurrences: 1 });
  });
});

describe('disambiguating hints', () => {
  test.each([
    ['state', 0, 'partner ', ' protects'],
    ['state', 1, 'the ', ' enables'],
  ])('%s, occurrence %i', (exact, which, prefix, suffix) => {
    const result = anchorQuote(text, { exact });
    if (result.status !== 'ambiguous') throw new Error('expected ambiguous');
    const range = result.ranges[which]!;
    const foundPrefix = disambiguatingPrefix(text, exact, range)!;
    const foundSuffix = disambiguatingSuffix(text, exact, range)!;
    expect(foundPrefix).toBe(prefix);
    expect(foundSuffix).toBe(suffix);
    expect(anchorQuote(text, { exact, prefix: foundPrefix })).toMatchObject({ status: 'found', range });
    expect(anchorQuote(text, { exact, suffix: foundSuffix })).toMatchObject({ status: 'found', range });
  });

  test('the prefix may be everything before the phrase, from the first character of the text', () => {
    // "state" twice; only the whole opening word, starting at offset 0, tells the first apart.
    expect(disambiguatingPrefix('Partner state, the state', 'state', { start: 8, end: 13 })).toBe('Partner ');
    expect(disambiguatingPrefix('A partner state, the state', 'state', { start: 10, end: 15 })).toBe('partner ');
    // At the limit: the prefix reaches back exactly `max` characters, to offset 0.
    expect(disambiguatingPrefix('Partner state, the state', 'state', { start: 8, end: 13 }, 8)).toBe('Partner ');
    expect(disambiguatingPrefix('Partner state, the state', 'state', { start: 8, end: 13 }, 7)).toBeUndefined();
  });

  test('no prefix can single out an occurrence at the very start of a repeated text', () => {
    expect(disambiguatingPrefix('ab ab', 'ab', { start: 0, end: 2 })).toBeUndefined();
  });

  test('hints are whole words, punctuation included', () => {
    const list = 'one: the state. two: the state!';
    expect(disambiguatingSuffix(list, 'the state', { start: 21, end: 30 })).toBe('!');
    expect(disambiguatingPrefix(list, 'the state', { start: 21, end: 30 })).toBe('two: ');
  });
});
