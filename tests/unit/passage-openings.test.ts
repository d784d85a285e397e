import { describe, expect, test } from 'vitest';
import { keptOpenings, OPENING_LENGTH, openingsStorageKey, parseOpenings, passageOpening } from '../../src/lib/passage-openings.ts';

describe('passageOpening', () => {
  test('collapses whitespace (verse lines, indents) and keeps the first characters', () => {
    expect(passageOpening('  Tyger Tyger,\n   burning bright ')).toBe('Tyger Tyger, burning bright');
    expect(passageOpening('x'.repeat(100))).toHaveLength(OPENING_LENGTH);
  });
});

describe('parseOpenings', () => {
  test.each([
    ['nothing stored', null, []],
    ['not JSON', '{', []],
    ['not an object', '["a"]', []],
    ['null', 'null', []],
    ['only short strings count', JSON.stringify({ a: 'The partner state', b: 3, c: '', d: 'x'.repeat(OPENING_LENGTH + 1), e: { f: 1 } }), [['a', 'The partner state']]],
  ])('%s', (_name, raw, expected) => {
    expect([...parseOpenings(raw)]).toEqual(expected);
  });
});

describe('keptOpenings', () => {
  const stored = new Map([['one', 'Stored one'], ['two', 'Stored two']]);

  test('what this page shows wins, passages without notes lose theirs, and a change is reported', () => {
    const { openings, changed } = keptOpenings(stored, new Map([['one', 'Seen one'], ['three', 'Seen three']]), new Set(['one', 'three']));
    expect([...openings]).toEqual([['one', 'Seen one'], ['three', 'Seen three']]);
    expect(changed).toBe(true);
  });

  test('a passage on another page keeps its stored opening; nothing new, nothing to write', () => {
    const { openings, changed } = keptOpenings(stored, new Map([['one', 'Stored one']]), new Set(['one', 'two']));
    expect([...openings]).toEqual([['one', 'Stored one'], ['two', 'Stored two']]);
    expect(changed).toBe(false);
  });

  test('the last note gone, the opening goes too', () => {
    expect(keptOpenings(stored, new Map(), new Set(['one']))).toEqual({ openings: new Map([['one', 'Stored one']]), changed: true });
  });

  test('a passage never seen has no opening', () => {
    expect([...keptOpenings(new Map(), new Map(), new Set(['far'])).openings]).toEqual([]);
  });

  test('the key is not one that means the reader keeps notes', () => {
    expect(openingsStorageKey('partner-state')).toBe('ar-note-openings:partner-state');
    expect(/^ar-(notes|layers)/.test(openingsStorageKey('partner-state'))).toBe(false);
  });
});
