import { describe, expect, test } from 'vitest';
import { citedInWords, excerptAround, opening, readingSourcesListedApart, sourceUseCount, sourcesListedApart } from '../../src/lib/usage.ts';
import type { Usage } from '../../src/lib/edition.ts';

describe('excerptAround', () => {
  const text = 'The partner state protects the commons. The commons are shared; the state enables them.';
  test.each([
    ['the start of the text, the end cut at a word', 4, 17, 60, { before: 'The ', match: 'partner state', after: ' protects the commons. The commons are shared; the state…' }],
    ['a partial word is dropped on both sides', 44, 51, 12, { before: '…The ', match: 'commons', after: ' are shared;…' }],
    ['the whole text fits', 4, 17, 100, { before: 'The ', match: 'partner state', after: ' protects the commons. The commons are shared; the state enables them.' }],
    ['at the start', 0, 3, 8, { before: '', match: 'The', after: ' partner…' }],
  ])('%s', (_name, start, end, radius, expected) => {
    expect(excerptAround(text, start, end, radius)).toEqual(expected);
  });

  test('line breaks become spaces', () => {
    expect(excerptAround('  • one\n  • two', 12, 15, 20)).toEqual({ before: '• one • ', match: 'two', after: '' });
  });
});

describe('opening', () => {
  test.each([
    ['Short.', 'Short.'],
    ['One two three four five six', 'One two three…'],
    ['Line\nbreaks   collapse', 'Line breaks collapse'],
  ])('%j', (text, expected) => {
    expect(opening(text, text.length > 25 ? 15 : 120)).toBe(expected);
  });
});

describe('sourcesListedApart', () => {
  const usage = (passages: number, notes: number, terms: number) =>
    ({
      passages: Array.from({ length: passages }, () => ({})),
      notes: Array.from({ length: notes }, () => ({})),
      terms: Array.from({ length: terms }, () => 't'),
    }) as unknown as Usage;
  test('counts passages, notes and glossary entries', () => {
    expect(sourceUseCount(usage(2, 3, 4))).toBe(9);
  });
  test('the sources page lists citations itself up to 1,000 places in all, and apart past them', () => {
    expect(sourcesListedApart({ sourceUsage: new Map([['a', usage(400, 300, 0)], ['b', usage(0, 300, 0)]]) as never })).toBe(false);
    expect(sourcesListedApart({ sourceUsage: new Map([['a', usage(400, 300, 0)], ['b', usage(0, 300, 1)]]) as never })).toBe(true);
  });
});

describe('readingSourcesListedApart', () => {
  const usage = (readings: string[], terms: string[]) =>
    ({ passages: readings.map((reading) => ({ reading })), notes: readings.map((reading) => ({ reading })), terms }) as unknown as Usage;
  test('counts only what one reading\'s page lists: its passages and notes, and the glossary entries in its scope', () => {
    const many = (n: number, reading: string) => Array.from({ length: n }, () => reading);
    const edition = { sourceUsage: new Map([['a', usage([...many(450, 'one'), ...many(900, 'two')], ['t1', 't2'])], ['b', usage(many(50, 'one'), ['t3'])]]) as never };
    // One: 450 + 450 + 50 + 50 = 1,000 places, and t1 and t3 in scope: 1,002.
    expect(readingSourcesListedApart(edition, 'one', new Set(['t1', 't3']))).toBe(true);
    expect(readingSourcesListedApart(edition, 'one', new Set(['t1']))).toBe(true);
    expect(readingSourcesListedApart(edition, 'one', new Set())).toBe(false);
    // Two: 1,800 places of its own.
    expect(readingSourcesListedApart(edition, 'two', new Set())).toBe(true);
    expect(readingSourcesListedApart(edition, 'three', new Set(['t1', 't2', 't3']))).toBe(false);
  });
});

describe('citedInWords', () => {
  test.each([
    ['the edition\'s page counts every place', 1_234, 1_234, 'edition', 'Cited in 1,234 places'],
    ['one place', 1, 1, 'edition', 'Cited in one place'],
    ['a reading\'s page counts its own places, and the rest when there are more', 2, 12, 'reading', 'Cited in 2 places in this reading, 12 in all'],
    ['a reading that is the only one citing the work', 3, 3, 'reading', 'Cited in 3 places'],
    ['one place of many', 1, 1_500, 'reading', 'Cited in one place in this reading, 1,500 in all'],
    ['several readings', 4, 9, 'readings', 'Cited in 4 places in these readings, 9 in all'],
  ] as const)('%s', (_name, listed, all, scope, expected) => {
    expect(citedInWords(listed, all, scope)).toBe(expected);
  });
});
