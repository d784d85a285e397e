import { describe, expect, test } from 'vitest';
import { allOccurrences, findCandidates, matchTerms, resolveOverlaps, termMatches, termPattern, type MatchableTerm } from '../../src/lib/glossary-match.ts';

const terms: MatchableTerm[] = [
  { id: 'commons', forms: ['commons'] },
  { id: 'partner-state', forms: ['partner state', 'partner states'] },
  { id: 'state', forms: ['state'], match: 'all' },
  { id: 'peer-production', forms: ['commons-based peer production', 'peer production'], match: 'all' },
  { id: 'naive', forms: ['naïve'] },
  { id: 'hidden', forms: ['shared'], match: 'none' },
];
const marked = (text: string, list = terms) => matchTerms(text, list).map((o) => `${o.termId}:${o.text}`);

describe('termPattern: whole words, Unicode-aware, case-insensitive', () => {
  test.each([
    ['commons', 'the commons.', true],
    ['commons', 'Commons', true],
    ['commons', 'COMMONS-based', true],
    ['commons', 'commonsense', false],
    ['commons', 'uncommons', false],
    ['commons', '(commons)', true],
    ['naïve', 'Naïve markets', true],
    ['naïve', 'naïveté', false],
    ['état', 'l’état', true],
    ['état', 'étatisme', false],
    ['state', 'state2', false],
    ['partner state', 'partner\nstate', true],
    ['partner state', 'partnerstate', false],
  ])('%j in %j → %s', (form, text, expected) => {
    expect(termPattern([form])!.test(text)).toBe(expected);
  });

  test('no forms, no pattern', () => {
    expect(termPattern(['  '])).toBeUndefined();
  });
});

describe('matchTerms', () => {
  test.each([
    ['first occurrence per text by default', 'commons and commons', ['commons:commons']],
    ['match: all marks every occurrence', 'a state, a state', ['state:state', 'state:state']],
    ['match: none is never marked', 'shared things', []],
    ['longest wins: partner state over state', 'The partner state and the state', ['partner-state:partner state', 'state:state']],
    ['longest wins within one term', 'commons-based peer production', ['peer-production:commons-based peer production']],
    ['inflection as alias', 'Partner States help', ['partner-state:Partner States']],
    ['case kept as written', 'COMMONS', ['commons:COMMONS']],
    ['first remaining occurrence when the first lost to a longer term', 'commons-based peer production needs the commons', ['peer-production:commons-based peer production', 'commons:commons']],
    ['Unicode letters', 'Naïve markets', ['naive:Naïve']],
    ['results in text order', 'state then commons then partner state', ['state:state', 'commons:commons', 'partner-state:partner state']],
  ])('%s', (_name, text, expected) => {
    expect(marked(text)).toEqual(expected);
  });

  test('ranges address the text', () => {
    const text = 'The partner state protects the commons.';
    for (const o of matchTerms(text, terms)) expect(text.slice(o.start, o.end)).toBe(o.text);
  });

  test('an overlap that is not nested: the longer candidate wins even when it starts later', () => {
    const list: MatchableTerm[] = [
      { id: 'a', forms: ['peer production'] },
      { id: 'b', forms: ['production of commons'] },
    ];
    expect(marked('peer production of commons', list)).toEqual(['b:production of commons']);
  });
});

describe('allOccurrences counts uses whatever the match mode', () => {
  test.each([
    ['first-mode terms count every time', 'commons, commons', ['commons', 'commons']],
    ['none-mode terms count too', 'shared', ['hidden']],
    ['a word inside a longer term is not a use', 'partner state', ['partner-state']],
  ])('%s', (_name, text, expected) => {
    expect(allOccurrences(text, terms).map((o) => o.termId)).toEqual(expected);
  });
});

describe('resolveOverlaps', () => {
  test('equal length: earlier start, then term id, decides', () => {
    const result = resolveOverlaps([
      { termId: 'z', start: 0, end: 4, text: 'abcd' },
      { termId: 'a', start: 0, end: 4, text: 'abcd' },
      { termId: 'm', start: 2, end: 6, text: 'cdef' },
    ]);
    expect(result.map((o) => o.termId)).toEqual(['a']);
  });
});

describe('termMatches: both answers from one search', () => {
  // Offsets counted by hand: longest match wins ("Commons-based peer production" over "Commons"),
  // `first` terms are marked once, `all` terms every time, `none` terms counted but never marked.
  const at = (termId: string, start: number, text: string) => ({ termId, start, end: start + text.length, text });
  test.each([
    [
      'The partner state and the state; the state again.',
      [at('partner-state', 4, 'partner state'), at('state', 26, 'state'), at('state', 37, 'state')],
      [at('partner-state', 4, 'partner state'), at('state', 26, 'state'), at('state', 37, 'state')],
    ],
    [
      'Commons-based peer production and peer production, shared commons, the commons.',
      [at('peer-production', 0, 'Commons-based peer production'), at('peer-production', 34, 'peer production'), at('commons', 58, 'commons')],
      [
        at('peer-production', 0, 'Commons-based peer production'),
        at('peer-production', 34, 'peer production'),
        at('hidden', 51, 'shared'),
        at('commons', 58, 'commons'),
        at('commons', 71, 'commons'),
      ],
    ],
    [
      'A na\u00efve, shared partner states view of the state of the commons.',
      [at('naive', 2, 'na\u00efve'), at('partner-state', 16, 'partner states'), at('state', 43, 'state'), at('commons', 56, 'commons')],
      [at('naive', 2, 'na\u00efve'), at('hidden', 9, 'shared'), at('partner-state', 16, 'partner states'), at('state', 43, 'state'), at('commons', 56, 'commons')],
    ],
    ['', [], []],
  ])('%j', (text, marks, all) => {
    const both = termMatches(text, terms);
    expect(both.marks).toEqual(marks);
    expect(both.all).toEqual(all);
    // The two public entry points give the same answers as the combined search.
    expect(matchTerms(text, terms)).toEqual(marks);
    expect(allOccurrences(text, terms)).toEqual(all);
  });

  test('a term with match: none is never marked but still counted as a use', () => {
    const { marks, all } = termMatches('what is shared is shared', terms);
    expect(marks).toEqual([]);
    expect(all.map((o) => o.termId)).toEqual(['hidden', 'hidden']);
  });
});

describe('the word prefilter finds everything the patterns find', () => {
  // Terms are searched only in texts that contain a form's first word; these pin the cases where
  // case-insensitive matching folds characters that a plain lower-casing would miss.
  const found = (text: string, forms: string[]) => allOccurrences(text, [{ id: 't', forms }]).map((o) => o.text);
  test.each([
    ['long s folds to s', 'the ſtate of things', ['state'], ['ſtate']],
    ['the Kelvin sign folds to k', 'a \u212Aibbutz', ['kibbutz'], ['\u212Aibbutz']],
    ['upper case', 'THE PARTNER STATE', ['partner state'], ['PARTNER STATE']],
    ['a form that opens with punctuation', 'the (co-)management of rivers', ['(co-)management'], ['(co-)management']],
    ['a non-ASCII first word is always searched', 'Die Ökonomie des Gemeinwesens', ['ökonomie'], ['Ökonomie']],
    // Case-insensitive matching folds σ and ς together; lower-casing the text's word would not.
    ['a Greek word ending in a medial sigma', 'ἡ ὁδόσ', ['ὁδός'], ['ὁδόσ']],
    ['a Greek term with an English alias', 'ἡ ὁδόσ', ['ὁδός', 'road'], ['ὁδόσ']],
    ['a form of punctuation alone', 'a \u2013 b', ['\u2013'], ['\u2013']],
    ['the second form only', 'peer production at scale', ['commons-based peer production', 'peer production'], ['peer production']],
    ['absent', 'nothing to see here', ['state'], []],
    ['the first word alone is not enough', 'a partner and a state', ['partner state'], []],
  ])('%s', (_name, text, forms, expected) => {
    expect(found(text, forms)).toEqual(expected);
  });
});

describe('the edges of matching', () => {
  const occurrence = (termId: string, start: number, end: number) => ({ termId, start, end, text: 'x'.repeat(end - start) });
  const kept = (candidates: ReturnType<typeof occurrence>[]) => resolveOverlaps(candidates).map((o) => `${o.termId}@${o.start}`);

  test('the same range twice: the smaller term id wins, in either order', () => {
    expect(kept([occurrence('b', 0, 4), occurrence('a', 0, 4)])).toEqual(['a@0']);
    expect(kept([occurrence('a', 0, 4), occurrence('b', 0, 4)])).toEqual(['a@0']);
  });

  test('equal length and overlapping: the earlier wins, in either order', () => {
    expect(kept([occurrence('late', 3, 8), occurrence('early', 0, 5)])).toEqual(['early@0']);
    expect(kept([occurrence('early', 0, 5), occurrence('late', 3, 8)])).toEqual(['early@0']);
  });

  test('ranges that touch do not overlap: both are kept', () => {
    expect(kept([occurrence('a', 0, 4), occurrence('b', 4, 8)])).toEqual(['a@0', 'b@4']);
    // Forms that end and start with punctuation can touch in a text: "e.g.(tm)".
    expect(allOccurrences('e.g.(tm)', [{ id: 'eg', forms: ['e.g.'] }, { id: 'tm', forms: ['(tm)'] }]).map((o) => o.text)).toEqual(['e.g.', '(tm)']);
  });

  test('a form with a run of spaces matches words one space apart', () => {
    expect(termPattern(['partner   state'])!.exec('the partner state')?.[0]).toBe('partner state');
  });

  test('empty forms are left out of the pattern', () => {
    expect(termPattern(['', '  '])).toBeUndefined();
    expect(findCandidates('a b', [{ id: 'blank', forms: [' '] }])).toEqual([]);
  });

  test('the longer of two forms of a term wins where both fit, whatever their order', () => {
    expect(findCandidates('the state of nature', [{ id: 's', forms: ['state', 'state of nature'] }]).map((o) => o.text)).toEqual(['state of nature']);
    expect(findCandidates('the state of nature', [{ id: 's', forms: ['state of nature', 'state'] }]).map((o) => o.text)).toEqual(['state of nature']);
  });

  test('two terms whose forms start with the same word are both searched', () => {
    const list: MatchableTerm[] = [
      { id: 'partner-state', forms: ['partner state'] },
      { id: 'partner-city', forms: ['partner city'] },
    ];
    expect(allOccurrences('a partner city and a partner state', list).map((o) => o.termId)).toEqual(['partner-city', 'partner-state']);
  });

  test('candidates come in glossary order, each term\u2019s in text order', () => {
    const list: MatchableTerm[] = [
      { id: 'c', forms: ['gamma'] },
      { id: 'a', forms: ['alpha'] },
      { id: 'b', forms: ['beta'] },
    ];
    expect(findCandidates('beta alpha gamma alpha', list).map((o) => `${o.termId}@${o.start}`)).toEqual(['c@11', 'a@5', 'a@17', 'b@0']);
  });
});
