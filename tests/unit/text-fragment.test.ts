import { describe, expect, test } from 'vitest';
import { encodeFragmentTerm, phraseLink, snapToWords, textDirective } from '../../src/lib/text-fragment.ts';

describe('text fragments', () => {
  test.each([
    ['plain words', 'kicking of', 'kicking%20of'],
    ['hyphen, comma and ampersand are syntax', 'co-management, rules & roles', 'co%2Dmanagement%2C%20rules%20%26%20roles'],
    ['typographic quotes', '“partner state”', '%E2%80%9Cpartner%20state%E2%80%9D'],
  ])('encodeFragmentTerm: %s', (_label, term, expected) => {
    expect(encodeFragmentTerm(term)).toBe(expected);
  });

  test.each([
    ['already whole words', 'the partner state', 4, 11, 'partner'],
    ['inside a word: widened', 'the partner state', 6, 9, 'partner'],
    ['across words, ends inside', 'the partner state', 5, 14, 'partner state'],
    ['surrounding spaces trimmed', 'the partner state', 3, 12, 'partner'],
  ])('snapToWords: %s', (_label, text, start, end, expected) => {
    const snapped = snapToWords(text, start, end);
    expect(text.slice(snapped.start, snapped.end)).toBe(expected);
  });

  test.each([
    ['a unique short phrase', { exact: 'kicking of' }, true, ':~:text=kicking%20of'],
    ['whitespace collapsed', { exact: 'kicking\n  of ' }, true, ':~:text=kicking%20of'],
    [
      'a long quote: first and last words',
      { exact: 'one two three four five six seven eight nine ten eleven twelve' },
      true,
      ':~:text=one%20two%20three%20four,nine%20ten%20eleven%20twelve',
    ],
    [
      'a repeated phrase: context on both sides',
      { exact: 'the state', prefix: 'a b c partner; ', suffix: ' is an arbiter' },
      false,
      ':~:text=b%20c%20partner%3B-,the%20state,-is%20an%20arbiter',
    ],
    ['context that does not touch the phrase at a space is left out', { exact: 'state', prefix: 'the partner', suffix: 'hood' }, false, ':~:text=state'],
  ])('textDirective: %s', (_label, quote, unique, expected) => {
    expect(textDirective(quote, { unique })).toBe(expected);
  });

  test('phraseLink keeps the passage anchor before the directive and drops an old fragment', () => {
    expect(phraseLink('https://x.org/read/r/#old', 'p-intro', { exact: 'partner state' }, { unique: true })).toBe(
      'https://x.org/read/r/#p-intro:~:text=partner%20state',
    );
  });
});
