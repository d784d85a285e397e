import { describe, expect, test } from 'vitest';
import { describeRange, reanchor, QUOTE_CONTEXT } from '../../src/lib/reanchor.ts';

const text = 'the state is a partner; the state is an arbiter; the market is not.';

describe('describeRange', () => {
  test.each([
    ['a phrase in the middle', { start: 24, end: 33 }, { exact: 'the state', prefix: 'the state is a partner; ', suffix: ' is an arbiter; the market is no' }],
    ['at the start: no prefix', { start: 0, end: 3 }, { exact: 'the', prefix: '', suffix: ' state is a partner; the state i' }],
    ['past the end is clamped', { start: 60, end: 999 }, { exact: 'is not.', prefix: 'state is an arbiter; the market ', suffix: '' }],
  ])('%s', (_label, range, expected) => {
    const described = describeRange(text, range);
    expect(described).toMatchObject(expected);
    expect(described.prefix.length).toBeLessThanOrEqual(QUOTE_CONTEXT);
    expect(text.slice(described.start, described.end)).toBe(described.exact);
  });
});

describe('reanchor', () => {
  const second = describeRange(text, { start: 24, end: 33 }); // the second "the state"
  test.each([
    ['unchanged text: the stored position', text, second, { start: 24, end: 33, how: 'position' }],
    ['text inserted before: found by quote and context', `Note: ${text}`, second, { start: 30, end: 39, how: 'quote' }],
    [
      'position points at the other occurrence: context wins over position',
      text.replace('partner;', 'partner!;'),
      { ...second, start: 0, end: 9 },
      { start: 25, end: 34, how: 'quote' },
    ],
    [
      'same text, context changed around the stored position: the occurrence whose context still fits',
      'the state is a partner; so the state is an arbiter',
      { ...second, start: 0, end: 9 },
      { start: 27, end: 36, how: 'quote' },
    ],
    ['no context stored: nearest to the old position', `xx${text}`, { exact: 'the state', start: 24, end: 33 }, { start: 26, end: 35, how: 'quote' }],
    [
      're-wrapped text: whitespace loosened',
      'the  state\nis a partner',
      describeRange('the state is a partner', { start: 4, end: 14 }),
      { start: 5, end: 15, how: 'whitespace' },
    ],
  ])('%s', (_label, current, stored, expected) => {
    const { start, end, ...quote } = stored as { exact: string; prefix?: string; suffix?: string; start: number; end: number };
    expect(reanchor(current, quote, { start, end })).toEqual(expected);
  });

  test.each([
    ['the quote is gone', 'a different text entirely', { exact: 'the state' }],
    ['an empty quote', text, { exact: '' }],
  ])('%s: undefined, so the note is kept unplaced', (_label, current, quote) => {
    expect(reanchor(current, quote, { start: 0, end: 9 })).toBeUndefined();
  });

  test('without a position, the first occurrence with the best context', () => {
    expect(reanchor(text, { exact: 'the state', prefix: 'partner; ' })).toEqual({ start: 24, end: 33, how: 'quote' });
    expect(reanchor(text, { exact: 'the state' })).toEqual({ start: 0, end: 9, how: 'quote' });
  });
});

describe('reanchor: how context and position decide', () => {
  test.each([
    ['the prefix decides between occurrences', 'a cat, a dog, the cat.', { exact: 'cat', prefix: 'the ' }, undefined, { start: 18, end: 21, how: 'quote' }],
    ['the suffix decides between occurrences', 'cat one, cat two', { exact: 'cat', suffix: ' two' }, undefined, { start: 9, end: 12, how: 'quote' }],
    ['a prefix that is all the text before counts as much as one inside it: the nearer wins', 'the cat and the cat', { exact: 'cat', prefix: 'the ' }, { start: 17, end: 20 }, { start: 16, end: 19, how: 'quote' }],
    ['a suffix that is all the text after counts as much as one inside it: the first wins', 'cat two more, cat two', { exact: 'cat', suffix: ' two' }, undefined, { start: 0, end: 3, how: 'quote' }],
    ['better context wins over a nearer position', 'the cat and a cat', { exact: 'cat', prefix: 'the ' }, { start: 15, end: 18 }, { start: 4, end: 7, how: 'quote' }],
    ['equal context and no position: the first', 'cat cat', { exact: 'cat' }, undefined, { start: 0, end: 3, how: 'quote' }],
    ['no prefix stored counts for nothing before', 'cat, here!cat', { exact: 'cat' }, undefined, { start: 0, end: 3, how: 'quote' }],
    ['no suffix stored counts for nothing after', 'cat. catStry', { exact: 'cat' }, undefined, { start: 0, end: 3, how: 'quote' }],
    ['the stored position, when only the prefix at its end fits', 'one two three two', { exact: 'two', prefix: 'three ' }, { start: 14, end: 17 }, { start: 14, end: 17, how: 'position' }],
    ['the stored position, with no context stored', 'a cat', { exact: 'cat' }, { start: 2, end: 5 }, { start: 2, end: 5, how: 'position' }],
    ['not the stored position when its prefix changed', 'the cat and a cat', { exact: 'cat', prefix: 'the ' }, { start: 14, end: 17 }, { start: 4, end: 7, how: 'quote' }],
    ['not the stored position when its suffix changed', 'cat one, cat two', { exact: 'cat', suffix: ' two' }, { start: 0, end: 3 }, { start: 9, end: 12, how: 'quote' }],
    ['spaces around a re-wrapped quote are not required', 'the partner\nstate', { exact: ' partner  state ' }, undefined, { start: 4, end: 17, how: 'whitespace' }],
  ])('%s', (_label, current, quote, position, expected) => {
    expect(reanchor(current, quote, position)).toEqual(expected);
  });

  test.each([
    ['a quote of spaces alone, not in the text', 'abc', { exact: '  ' }, undefined],
    ['an empty quote, even at an empty stored position', 'abc', { exact: '' }, { start: 1, end: 1 }],
  ])('%s: undefined', (_label, current, quote, position) => {
    expect(reanchor(current, quote, position)).toBeUndefined();
  });
});
