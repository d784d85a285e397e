import { describe, expect, test } from 'vitest';
import { indexLanguageOf, languageBundleDir, parseSearchLanguages } from '../../src/lib/search-languages.ts';
import {
  mergeSearches,
  moreFiltersLabel,
  findHits,
  highlightTerms,
  pagefindFilters,
  parseExcerpt,
  matchesExactly,
  rankFirstPage,
  recordTitle,
  readSearchState,
  resultSummary,
  searchStateToQuery,
  toResultRow,
  wordStem,
  readPartTitle,
  writePartTitle,
  type PartLabel,
  type ResultRow,
} from '../../src/lib/search.ts';

describe('the folded filters’ label', () => {
  test('names the filters it holds, in order', () => {
    expect(moreFiltersLabel(['section', 'speaker', 'layer'])).toBe('Section, speaker and layer');
    expect(moreFiltersLabel(['reading', 'speaker'])).toBe('Reading and speaker');
    expect(moreFiltersLabel(['layer'])).toBe('Layer');
    expect(moreFiltersLabel([])).toBe('More filters');
  });
});

describe('search state in the URL', () => {
  test.each([
    ['', { query: '', filters: {} }],
    ['?q=enclosure', { query: 'enclosure', filters: {} }],
    ['?q=+venture%20communism+', { query: 'venture communism', filters: {} }],
    ['?q=state&kind=passage&kind=annotation', { query: 'state', filters: { kind: ['passage', 'annotation'] } }],
    ['?speaker=Dmytri+Kleiner&q=a&speaker=Dmytri+Kleiner&kind=', { query: 'a', filters: { speaker: ['Dmytri Kleiner'] } }],
    ['?q=x&colour=red', { query: 'x', filters: {} }],
  ])('%s is read as %j', (search, state) => {
    expect(readSearchState(search)).toEqual(state);
  });

  test.each([
    [{ query: '', filters: {} }, ''],
    [{ query: ' enclosure ', filters: {} }, '?q=enclosure'],
    [{ query: 'state', filters: { speaker: ['R.C. Smith'], kind: ['passage'] } }, '?q=state&kind=passage&speaker=R.C.+Smith'],
    [{ query: 'a&b', filters: { section: [] } }, '?q=a%26b'],
  ])('%j is written as %s, and read back the same', (state, search) => {
    expect(searchStateToQuery(state)).toBe(search);
    expect(readSearchState(search)).toEqual({ query: state.query.trim(), filters: Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v.length)) });
  });

  test('filters become Pagefind "any" filters, optionally without one facet', () => {
    const filters = { kind: ['passage', 'annotation'], speaker: ['KMO'], section: [] };
    expect(pagefindFilters(filters)).toEqual({ kind: { any: ['passage', 'annotation'] }, speaker: { any: ['KMO'] } });
    expect(pagefindFilters(filters, 'kind')).toEqual({ speaker: { any: ['KMO'] } });
  });
});

describe('highlight terms from a result link', () => {
  test.each([
    ['?highlight=venture&highlight=communism', ['venture', 'communism']],
    ['?highlight=Venture%20Communism', ['venture', 'communism']],
    ['?highlight=%E2%80%9Cstate%E2%80%9D,&highlight=state', ['state']],
    ['?q=x', []],
    ['?highlight=', []],
  ])('%s → %j', (search, terms) => {
    expect(highlightTerms(search)).toEqual(terms);
  });
});

describe('parseExcerpt', () => {
  test.each([
    ['plain text', [{ text: 'plain text', hit: false }]],
    ['a <mark>venture</mark> <mark>communism</mark> b', [
      { text: 'a ', hit: false }, { text: 'venture', hit: true }, { text: ' ', hit: false }, { text: 'communism', hit: true }, { text: ' b', hit: false },
    ]],
    ['<mark>x</mark><mark>y</mark>', [{ text: 'xy', hit: true }]],
    ['&lt;script&gt; &amp; &quot;q&quot; &#39;s&#x27; &hellip;', [{ text: '<script> & "q" \'s\' &hellip;', hit: false }]],
    ['', []],
  ])('%s', (html, segments) => {
    expect(parseExcerpt(html)).toEqual(segments);
  });
});

describe('findHits (the arrival highlighter’s matching)', () => {
  const words = (text: string, terms: string[]) => findHits(text, terms).map(([s, e]) => text.slice(s, e));
  test.each([
    ['Enclosures of the commons; enclosure again', ['enclosure'], ['Enclosures', 'enclosure']],
    ['venture communism and Communist ventures', ['venture', 'communism'], ['venture', 'communism', 'ventures']],
    ['The State, states and statement', ['states'], ['State', 'states', 'statement']],
    ['Café culture', ['cafe'], ['Café']],
    ['Kleiner’s idea', ['kleiner'], ['Kleiner’s']],
    ['nothing here', ['absent'], []],
    ['a an the', [''], []],
  ])('%s / %j', (text, terms, found) => {
    expect(words(text, terms)).toEqual(found);
  });

  test.each([
    ['enclosures', 'enclosur'],
    ['communism', 'communism'],
    ['state', 'state'],
    ['funding', 'fund'],
    ['Épée', 'epee'],
  ])('stem of %s is %s', (term, stem) => {
    expect(wordStem(term)).toBe(stem);
  });
});

const row = (title: string, kind: ResultRow['kind'], aliases: string[] = [], content = ''): ResultRow => ({
  url: `/${title}/`, title, kind, reading: undefined, section: undefined, speaker: undefined, phrase: undefined, excerpt: [], more: [], moreLabel: '', aliases, content,
});

describe('result rows', () => {
  test('a passage record becomes one row with its filters', () => {
    expect(
      toResultRow({
        url: '/read/r/?highlight=x#p-a',
        excerpt: 'a <mark>x</mark>',
        meta: { number: '1' },
        filters: { kind: ['passage'], reading: ['R'], section: ['Sec'], speaker: ['S'] },
      }),
    ).toEqual({
      url: '/read/r/?highlight=x#p-a', title: 'R, ¶1', kind: 'passage', reading: 'R', section: 'Sec', speaker: 'S', phrase: undefined,
      excerpt: [{ text: 'a ', hit: false }, { text: 'x', hit: true }], more: [], moreLabel: 'More in /read/r/?highlight=x#p-a', aliases: [], content: '',
    });
  });

  test('a document of a page’s passages lands on its best-scoring passage, labelled from its part title, and lists the others in page order', () => {
    const part = (id: string, label: PartLabel, scores: number[]) => ({
      title: writePartTitle(label),
      url: `/read/r/ch-2/?highlight=x#${id}`,
      excerpt: `${id} <mark>x</mark>`,
      anchor: { id, title: writePartTitle(label) },
      weighted_locations: scores.map((balanced_score) => ({ balanced_score })),
    });
    const passages = {
      url: '/read/r/ch-2/#p-a',
      excerpt: 'whole',
      meta: {},
      filters: { kind: ['passage'], reading: ['R'], section: ['Chapter 2'], speaker: ['S'] },
      sub_results: [part('p-a', { number: '7' }, [1]), part('p-b', { number: '8' }, [2, 1.5]), part('p-c', { number: '9' }, [3])],
    };
    expect(toResultRow(passages, 'x')).toMatchObject({
      url: '/read/r/ch-2/?highlight=x#p-b',
      title: 'R, ¶8',
      section: 'Chapter 2',
      speaker: 'S',
      excerpt: [{ text: 'p-b ', hit: false }, { text: 'x', hit: true }],
      more: [{ url: '/read/r/ch-2/?highlight=x#p-a', title: 'R, ¶7' }, { url: '/read/r/ch-2/?highlight=x#p-c', title: 'R, ¶9' }],
      moreLabel: 'More matches in R, Chapter 2',
    });
    const notes = {
      url: '/read/r/#note-a',
      excerpt: 'whole',
      meta: {},
      filters: { kind: ['annotation'], reading: ['R'] },
      sub_results: [part('note-a', { number: '4', passage: '13', phrase: 'venture communism', noteKind: 'context' }, [1]), part('note-q', { number: '2', noteKind: 'question' }, [0.5])],
    };
    expect(toResultRow(notes, 'x')).toMatchObject({
      url: '/read/r/ch-2/?highlight=x#note-a',
      title: 'Note 4 on ¶13',
      phrase: 'venture communism',
      more: [{ title: 'Question 2' }],
      moreLabel: 'More matches in R',
    });
  });

  test('a part title carries its label as JSON and reads back; any other title is no label', () => {
    const label: PartLabel = { number: '4', passage: '13', phrase: 'a "quoted" <b>phrase</b>', noteKind: 'apparatus' };
    expect(readPartTitle(writePartTitle(label))).toEqual(label);
    expect(writePartTitle({ number: '7', phrase: '' })).toBe('{"number":"7"}');
    expect(readPartTitle('{"number":"7","phrase":3,"other":"x"}')).toEqual({ number: '7' });
    expect(readPartTitle('Ronfeldt 1996')).toBeUndefined();
    expect(readPartTitle('{not json')).toBeUndefined();
    expect(readPartTitle('{}')).toEqual({});
    expect(readPartTitle('["7"]')).toBeUndefined();
    expect(readPartTitle(undefined)).toBeUndefined();
  });

  test.each([
    ['passage', 'The Partner State', { number: '13' }, undefined, 'The Partner State, ¶13'],
    ['passage', undefined, { number: '2' }, undefined, '¶2'],
    ['annotation', 'R', { number: '4', passage: '13' }, 'context', 'Note 4 on ¶13'],
    ['annotation', 'R', { number: '30' }, 'question', 'Question 30'],
    ['annotation', 'R', {}, undefined, 'Note'],
    ['glossary', undefined, { number: '1' }, undefined, undefined],
  ] as const)('a %s record of %s with %j (%s) is titled %s', (kind, reading, meta, noteKind, title) => {
    expect(recordTitle(kind, reading, meta, noteKind)).toBe(title);
  });

  test('a page with titled parts lands on the best part and lists the rest; plain headings do not split it', () => {
    const sources = {
      url: '/sources/',
      excerpt: 'page',
      meta: { title: 'Sources' },
      filters: { kind: ['source'] },
      sub_results: [
        { title: 'Sources', url: '/sources/', excerpt: 'top' },
        { title: 'A heading', url: '/sources/#h', excerpt: 'h', anchor: { id: 'h' } },
        { title: 'Kostakis and Bauwens 2014', url: '/sources/#source-k', excerpt: '<mark>network</mark>', anchor: { id: 'source-k', title: 'Kostakis and Bauwens 2014' } },
        { title: 'Ronfeldt 1996', url: '/sources/#source-r', excerpt: 'r', anchor: { id: 'source-r', title: 'Ronfeldt 1996' } },
      ],
    };
    const result = toResultRow(sources, 'network');
    expect(result).toMatchObject({ url: '/sources/#source-k', title: 'Kostakis and Bauwens 2014', kind: 'source', more: [{ url: '/sources/#source-r', title: 'Ronfeldt 1996' }] });
    // A part titled with the query itself comes first, whatever Pagefind's hit counts.
    expect(toResultRow(sources, 'ronfeldt 1996')).toMatchObject({ url: '/sources/#source-r', more: [{ url: '/sources/#source-k' }] });
    expect(toResultRow(sources, 'Ronfeldt')).toMatchObject({ url: '/sources/#source-r' });
    expect(toResultRow({ url: '/glossary/commons/', excerpt: '', meta: { title: 'commons', aliases: 'the commons | commons-based' }, filters: { kind: ['glossary'] }, sub_results: [{ title: 'commons', url: '/glossary/commons/', excerpt: '' }] }))
      .toMatchObject({ url: '/glossary/commons/', title: 'commons', kind: 'glossary', more: [], aliases: ['the commons', 'commons-based'] });
  });

  test('a glossary entry named exactly by the query (headword or alias) moves first; others keep their order', () => {
    const rows = [row('p1', 'passage'), row('p2', 'passage'), row('Partner State', 'glossary', ['partner states']), row('state', 'passage')];
    expect(rankFirstPage(rows, 'partner   STATES').map((r) => r.title)).toEqual(['Partner State', 'p1', 'p2', 'state']);
    expect(rankFirstPage(rows, 'partner state').map((r) => r.title)).toEqual(['Partner State', 'p1', 'p2', 'state']);
    expect(rankFirstPage(rows, 'state').map((r) => r.title)).toEqual(['p1', 'p2', 'Partner State', 'state']);
    expect(rankFirstPage(rows, '').map((r) => r.title)).toEqual(['p1', 'p2', 'Partner State', 'state']);
  });

  test('results with the words as typed come before those matching only a stem variant', () => {
    const rows = [
      row('sustains', 'annotation', [], 'the text reads i.e. sustains'),
      row('sustaining', 'passage', [], 'play a sustaining role'),
      row('sustainable', 'passage', [], 'sustainable models of entrepreneurship'),
      row('commons', 'glossary', [], 'sustainable commons'),
    ];
    expect(rankFirstPage(rows, 'sustainable').map((r) => r.title)).toEqual(['sustainable', 'commons', 'sustains', 'sustaining']);
    expect(rankFirstPage(rows, 'sustaini').map((r) => r.title)).toEqual(['sustaining', 'sustains', 'sustainable', 'commons']);
  });

  test.each([
    ['Venture communism, which means', 'venture communism', true],
    ['venture capital and communist parties', 'venture communism', false],
    ['Attribution-ShareAlike licence', 'sharealike', true],
    ['shared authority', 'sharealike', false],
    ['the Café', 'cafe', true],
    ['enclosures of land', 'enclos', true],
    ['an enclosure', 'enclosures', false],
    ['anything', '  ', false],
  ])('%s matches %s exactly: %s', (content, query, exact) => {
    expect(matchesExactly(content, query)).toBe(exact);
  });

  test.each([
    [0, 'xyz', false, 'No results for “xyz”.'],
    [1, 'commons', false, '1 result for “commons”.'],
    [12, 'state', true, '12 results for “state” with these filters.'],
  ])('%i results for %s (filtered: %s) is announced as %s', (count, query, filtered, text) => {
    expect(resultSummary(count, query, filtered)).toBe(text);
  });
});

describe('mergeSearches (one search over the site-language engine and each other language’s)', () => {
  const r = (id: string, score: number) => ({ id, score });
  test('interleaves by score without reordering any engine’s own list; the first engine wins ties', () => {
    const en = { results: [r('en1', 9), r('en2', 3), r('en3', 5)], filters: {} };
    const el = { results: [r('el1', 7), r('el2', 3), r('el3', 8)], filters: {} };
    expect(mergeSearches([en, el]).results.map((x) => x.id)).toEqual(['en1', 'el1', 'en2', 'en3', 'el2', 'el3']);
  });
  test('adds up the facet counts', () => {
    const en = { results: [], filters: { kind: { passage: 2, annotation: 1 }, reading: { A: 3 } } };
    const ar = { results: [], filters: { kind: { passage: 4 }, reading: { B: 4 } } };
    expect(mergeSearches([en, ar]).filters).toEqual({ kind: { passage: 6, annotation: 1 }, reading: { A: 3, B: 4 } });
  });
  test('one engine is that engine’s search', () => {
    const en = { results: [r('a', 1), r('b', 2)], filters: { kind: { passage: 2 } } };
    expect(mergeSearches([en])).toEqual(en);
  });
});

describe('which index a text goes into', () => {
  test.each([
    ['en', 'en', 'en'],
    ['en-GB', 'en', 'en'],
    [undefined, 'en', 'en'],
    ['und', 'en', 'en'],
    ['ar', 'en', 'ar'],
    ['grc', 'en', 'el'],
    ['el', 'en', 'el'],
    ['la', 'en', 'la'],
    ['de-CH', 'en', 'de'],
    ['en', 'de', 'en'],
  ])('%s on a site in %s: %s', (language, site, expected) => {
    expect(indexLanguageOf(language, site)).toBe(expected);
  });
  test('bundles are named by language and read back from the page', () => {
    expect(languageBundleDir('el')).toBe('pagefind-el/');
    expect(parseSearchLanguages(' ar  el ar ../x ')).toEqual(['ar', 'el']);
    expect(parseSearchLanguages(null)).toEqual([]);
  });
});
