import { describe, expect, test } from 'vitest';
import { extractSearchRecords, groupSearchRecords, partTitle, sitePathOf, textOf, type SearchRecord } from '../../src/lib/search-records.ts';
import { readPartTitle } from '../../src/lib/search.ts';
import { parse } from 'parse5';

const page = (body: string, lang = 'en') => `<!doctype html><html lang="${lang}"><head><title>t</title></head><body>${body}</body></html>`;

/** A reader page in the shape the reader renders: reading, section, passage, a note with its marker. */
const reader = page(`
  <header data-pagefind-ignore="all"><a href="/">Annotated Reader</a></header>
  <main><article class="reading" data-reading="partner-state">
    <header><h1>The Partner State</h1></header>
    <div class="reading-body">
      <section data-section-title="Opinions on the Partner State">
        <div class="passage passage--quote" id="p-kleiner-venture-communism" data-speaker="Dmytri Kleiner">
          <a class="passage-number" href="#p-kleiner-venture-communism"><span>Passage </span>13</a>
          <p class="speaker-tag" data-pagefind-ignore>Dmytri Kleiner</p>
          <p class="passage-text">Well, <span class="anno" id="ref-vc">venture communism</span><a class="note-ref" href="#note-vc"><span>Note </span>4</a> is a <a class="term" href="/glossary/commons/">commons</a>-based model.</p>
          <aside class="passage-notes"><ol><li class="note" id="note-vc" tabindex="-1">
            <p class="note-head"><a href="#ref-vc"><span>Note </span>4<span>, back to the text</span></a> <span>Context</span></p>
            <p>Kleiner's term for worker-owned <em>enclosure</em>-free firms.</p>
          </li></ol></aside>
        </div>
        <ul class="reference-list"><li class="passage passage--list" id="p-list"><a class="passage-number" href="#p-list"><span>Passage </span>14</a><ul><li>one</li><li>two</li></ul></li></ul>
      </section>
    </div>
    <div class="term-popovers" data-pagefind-ignore="all"><div popover>commons: a popover copy</div></div>
    <section class="reading-questions"><ol><li class="note" id="note-q0"><p>First?</p></li><li class="note" id="note-q"><p>Is the state a partner?</p></li></ol></section>
  </article></main>`);

describe('extractSearchRecords', () => {
  // Extracted inside each test, not once for the file: mutation testing switches a mutant on only
  // while the tests run, so a result computed as the file loads would never see one.
  const extracted = () => extractSearchRecords(reader, 'read/partner-state/index.html');
  const byUrl = (fragment: string) => extracted().records.find((r) => r.url === `/read/partner-state/#${fragment}`);

  test('one record per passage and per note, in page order, linking to their permalinks', () => {
    const { records, language, pageIndexed } = extracted();
    expect(records.map((r) => r.url)).toEqual([
      '/read/partner-state/#p-kleiner-venture-communism',
      '/read/partner-state/#p-list',
      '/read/partner-state/#note-vc',
      '/read/partner-state/#note-q0',
      '/read/partner-state/#note-q',
    ]);
    expect(language).toBe('en');
    expect(pageIndexed).toBe(false);
  });

  test.each([
    ['p-kleiner-venture-communism', 'Well, venture communism is a commons-based model.'],
    ['p-list', 'one two'],
    ['note-vc', "Kleiner's term for worker-owned enclosure-free firms."],
    ['note-q', 'Is the state a partner?'],
  ])('%s holds only its own words (no numbers, markers, notes or popovers)', (fragment, text) => {
    expect(byUrl(fragment)?.content).toBe(text);
  });

  test('a passage carries kind, reading, section and speaker as (unsearched) filters, and only its number as meta', () => {
    expect(byUrl('p-kleiner-venture-communism')).toMatchObject({
      meta: { number: '13' },
      filters: { kind: ['passage'], reading: ['The Partner State'], section: ['Opinions on the Partner State'], speaker: ['Dmytri Kleiner'] },
    });
    expect(byUrl('p-list')).toMatchObject({
      meta: { number: '14' },
      filters: { kind: ['passage'], reading: ['The Partner State'], section: ['Opinions on the Partner State'] },
    });
    expect(byUrl('p-list')?.filters.speaker).toBeUndefined();
  });

  test('a note takes its number from its head, its phrase, its kind from its label, and its passage’s number, section and speaker', () => {
    expect(byUrl('note-vc')).toEqual({
      url: '/read/partner-state/#note-vc',
      content: "Kleiner's term for worker-owned enclosure-free firms.",
      meta: { number: '4', passage: '13', phrase: 'venture communism' },
      filters: { kind: ['annotation'], reading: ['The Partner State'], section: ['Opinions on the Partner State'], speaker: ['Dmytri Kleiner'], noteKind: ['context'] },
      language: 'en',
    });
    // A reading-wide question has no marker: its number is its place in the list of questions.
    expect(byUrl('note-q')).toEqual({
      url: '/read/partner-state/#note-q',
      content: 'Is the state a partner?',
      meta: { number: '2' },
      filters: { kind: ['annotation'], reading: ['The Partner State'], noteKind: ['question'] },
      language: 'en',
    });
  });

  test('notes sharing one marker each keep their own number, from their heads', () => {
    const shared = page(`<main><article class="reading" data-reading="r"><div class="reading-body">
      <div class="passage" id="p-a"><a class="passage-number" href="#p-a"><span>Passage </span>3</a>
        <p class="passage-text"><span class="anno" id="ref-x">word</span><a class="note-ref" href="#note-x"><span>Notes </span>7, 9</a></p>
        <aside class="passage-notes"><ol>
          <li class="note" id="note-x"><p class="note-head"><a href="#ref-x">7</a> <span>Gloss</span></p><p>First.</p></li>
          <li class="note" id="note-y"><p class="note-head"><a href="#ref-y">9</a> <span>Context</span></p><p>Second.</p></li>
        </ol></aside></div></div></article></main>`);
    const found = extractSearchRecords(shared, 'read/r/index.html').records;
    expect(found.find((r) => r.url.endsWith('#note-x'))?.meta).toEqual({ number: '7', passage: '3', phrase: 'word' });
    expect(found.find((r) => r.url.endsWith('#note-y'))?.meta).toEqual({ number: '9', passage: '3' });
  });

  test('a page with data-pagefind-body is left to Pagefind and has no records of its own', () => {
    const glossary = page('<main data-pagefind-body data-pagefind-filter="kind:glossary"><h1>commons</h1></main>');
    expect(extractSearchRecords(glossary, 'glossary/commons/index.html')).toEqual({ language: 'en', pageIndexed: true, records: [] });
  });

  test.each([
    [
      'a passage inside data-pagefind-body (counted twice)',
      page('<div data-pagefind-body><div class="passage" id="p-a">Text</div></div>'),
      'read/x/index.html: the passage "a" is inside data-pagefind-body, so its text would be indexed twice',
    ],
    ['a passage without an id', page('<div class="passage">Text</div>'), 'read/x/index.html: the passage "Text" has no id of the form p-<id>'],
    ['a passage whose id is not a permalink', page('<div class="passage" id="intro">Text</div>'), 'the passage "Text" has no id of the form p-<id>'],
    ['a note without an id', page('<li class="note">Text</li>'), 'read/x/index.html: the note "Text" has no id of the form note-<id>'],
  ])('refuses %s', (_, html, message) => {
    expect(() => extractSearchRecords(html, 'read/x/index.html')).toThrow(message);
  });

  test('a passage inside data-pagefind-body but ignored is fine', () => {
    const html = page('<div data-pagefind-body><div data-pagefind-ignore><div class="passage" id="p-a">Text</div></div></div>');
    expect(extractSearchRecords(html, 'x/index.html').records.map((r) => r.url)).toEqual(['/x/#p-a']);
  });
});

describe('the language of a record (which search index, so which stemmer, it goes into)', () => {
  const doc = (body: string) => `<!DOCTYPE html><html lang="en"><body><article data-reading><h1>R</h1>${body}</article></body></html>`;
  const languages = (html: string) => extractSearchRecords(html, 'read/r/index.html').records.map((r) => [r.url.split('#')[1], r.language]);
  test.each([
    ['the page’s, when its text says nothing', '<p class="passage" id="p-a">Plain words</p>', [['p-a', 'en']]],
    ['its text’s own', '<div class="passage" id="p-a"><p class="passage-text" lang="GRC">μῆνιν ἄειδε θεὰ</p></div>', [['p-a', 'grc']]],
    [
      'the one most of its words are in: Arabic with an English title is Arabic',
      '<div class="passage" id="p-a"><p lang="ar">يفخر الشاعر في هذا البيت بفروسيته وبلاغته معًا؛ قارن كتاب <em lang="en">The Partner State</em></p></div>',
      [['p-a', 'ar']],
    ],
    [
      'a note’s own, not its passage’s (and the note does not count for the passage)',
      '<div class="passage" id="p-a"><p lang="grc">μῆνιν ἄειδε θεὰ</p><ol><li class="note" id="note-n" lang="en"><p>A long English note about the wrath of Achilles</p></li></ol></div>',
      [['p-a', 'grc'], ['note-n', 'en']],
    ],
  ])('is %s', (_, body, expected) => {
    expect(languages(doc(body))).toEqual(expected);
  });
});

describe('textOf', () => {
  test.each([
    ['<p>one<br>two</p>', 'one two'],
    ['<ul><li>a</li><li>b</li></ul>', 'a b'],
    ['<p>hello <em>wor</em>ld</p>', 'hello world'],
    ['<p>kept<script>var x</script><span data-pagefind-ignore>gone</span> <style>p{}</style>too</p>', 'kept too'],
    ['<p>kept<a class="note-ref" href="#note-n"><span>Note </span>3</a> too</p>', 'kept too'],
    ['<p>  spaced \n\n out  </p>', 'spaced out'],
  ])('%s → %s', (html, text) => {
    expect(textOf(parse(html))).toBe(text);
  });
});

describe('sitePathOf', () => {
  test.each([
    ['index.html', '/'],
    ['read/partner-state/index.html', '/read/partner-state/'],
    ['404.html', '/404.html'],
    ['glossary\\commons\\index.html', '/glossary/commons/'],
  ])('%s → %s', (file, url) => {
    expect(sitePathOf(file)).toBe(url);
  });
});

describe('the edges of extraction', () => {
  test('a tie between two languages goes to the first; a larger share later wins', () => {
    const doc = (body: string) => `<!DOCTYPE html><html><body><article data-reading><h1>R</h1><div class="passage" id="p-a">${body}</div></article></body></html>`;
    const language = (body: string) => extractSearchRecords(doc(body), 'read/r/index.html').records[0]!.language;
    expect(language('<p lang="fr">abc</p><p lang="de">xyz</p>')).toBe('fr');
    expect(language('<p lang="en">ab</p><p lang=" GRC ">μῆνιν ἄειδε</p>')).toBe('grc');
    expect(language('<p lang="en">1914, 1918.</p><p lang="fr">oui</p>')).toBe('fr');
    expect(language('<p>no language said</p>')).toBeUndefined();
  });

  test('a comment is no text, and blocks side by side are separate words', () => {
    expect(textOf(parse('<p>a<!-- c -->b</p><p>c</p><div>d</div>e'))).toBe('ab c d e');
  });

  test('a passage without an id is named by its first 40 characters', () => {
    const html = `<div class="passage">${'A'.repeat(50)}</div>`;
    expect(() => extractSearchRecords(html, 'x.html')).toThrow(`x.html: the passage "${'A'.repeat(40)}" has no id of the form p-<id>, so no search result can link to it.`);
  });

  test('a note inside data-pagefind-body: the whole message, with both fixes', () => {
    const html = '<div data-pagefind-body><ol><li class="note" id="note-n">Text</li></ol></div>';
    expect(() => extractSearchRecords(html, 'x.html')).toThrow(
      'x.html: the note "n" is inside data-pagefind-body, so its text would be indexed twice (as its own record and as part of the page); remove data-pagefind-body or mark the note data-pagefind-ignore.',
    );
  });

  test('a page without a <html lang> has no language; a passage with no words has no record', () => {
    const result = extractSearchRecords('<div class="passage" id="p-a"> <span class="passage-number">1</span> </div>', 'a/index.html');
    expect(result).toEqual({ language: undefined, pageIndexed: false, records: [] });
  });

  test('a reading without an h1 has no title filter; a passage outside any reading none either', () => {
    const html = '<article data-reading><div class="passage" id="p-a">Words</div></article><div class="passage" id="p-b">More</div>';
    expect(extractSearchRecords(html, 'r/index.html').records.map((r) => r.filters)).toEqual([{ kind: ['passage'] }, { kind: ['passage'] }]);
  });

  test('two readings on one page each keep their own title', () => {
    const html =
      '<article data-reading><h1>One</h1><div class="passage" id="p-a">Words</div></article>' +
      '<article data-reading><h1>Two</h1><div class="passage" id="p-b">More</div></article>';
    expect(extractSearchRecords(html, 'r/index.html').records.map((r) => r.filters.reading)).toEqual([['One'], ['Two']]);
  });

  test('a note\u2019s number: from its head, else its place among the items of an ordered list, else none', () => {
    const html = `<article data-reading><h1>R</h1>
      <ol><li>not a note</li><li class="note" id="note-a">Second item</li></ol>
      <ul><li class="note" id="note-b">In a bulleted list</li></ul>
      <ol><div class="note" id="note-c">Not an item</div></ol></article>`;
    expect(extractSearchRecords(html, 'r/index.html').records.map((r) => [r.url, r.meta.number])).toEqual([
      ['/r/#note-a', '2'],
      ['/r/#note-b', undefined],
      ['/r/#note-c', undefined],
    ]);
  });

  test('an apparatus row takes its passage from its mark, and its kind is apparatus; a head without a label names no kind', () => {
    const html = `<article data-reading><h1>R</h1><section data-section-title="Main">
      <div class="passage" id="p-a" data-speaker="Ann"><a class="passage-number" href="#p-a">4</a> Word<a class="app-ref" href="#note-t" id="ref-t">°</a> and <span class="anno" id="ref-g">phrase</span><a class="note-ref" href="#note-g">1</a>
        <ol><li class="note" id="note-g"><p class="note-head"><a href="#ref-g">1</a></p><p>Unlabelled.</p></li></ol></div></section>
      <section class="apparatus"><table><tr class="note" id="note-t"><th class="note-head">1</th><td>Reading.</td></tr></table></section></article>`;
    const records = extractSearchRecords(html, 'r/index.html').records;
    expect(records.slice(1).map((r) => [r.url, r.meta, r.filters])).toEqual([
      ['/r/#note-g', { number: '1', passage: '4', phrase: 'phrase' }, { kind: ['annotation'], reading: ['R'], section: ['Main'], speaker: ['Ann'] }],
      ['/r/#note-t', { number: '1', passage: '4' }, { kind: ['annotation'], reading: ['R'], section: ['Main'], speaker: ['Ann'], noteKind: ['apparatus'] }],
    ]);
  });

  test.each([
    ['/read/r/index.html', '/read/r/'],
    ['//read/r/index.html', '/read/r/'],
  ])('sitePathOf(%s) drops leading slashes', (file, url) => expect(sitePathOf(file)).toBe(url));
});

describe('groupSearchRecords: what Pagefind indexes, one document per page and set of filters', () => {
  const record = (url: string, kind: string, extra: Partial<SearchRecord> = {}): SearchRecord => ({
    url,
    content: `Words of ${url.split('#')[1]}`,
    meta: {},
    filters: { kind: [kind], reading: ['R'], section: ['One'] },
    language: 'en',
    ...extra,
  });

  test('passages and notes of one page sharing every filter are one document each, in page order; a speaker, a section, a language or a page apart makes another', () => {
    const records = [
      record('/r/s/#p-a', 'passage', { meta: { number: '1' } }),
      record('/r/s/#p-b', 'passage', { meta: { number: '2' }, filters: { kind: ['passage'], reading: ['R'], section: ['One'], speaker: ['Ann'] } }),
      record('/r/s/#p-c', 'passage', { meta: { number: '3' } }),
      record('/r/s/#p-d', 'passage', { meta: { number: '4' }, filters: { kind: ['passage'], reading: ['R'], section: ['Two'] } }),
      record('/r/s/#p-e', 'passage', { meta: { number: '5' }, language: 'grc' }),
      record('/r/t/#p-f', 'passage', { meta: { number: '6' } }),
      record('/r/s/#note-a', 'annotation', { meta: { number: '1', passage: '1', phrase: 'Words' }, filters: { kind: ['annotation'], reading: ['R'], section: ['One'], noteKind: ['context'] } }),
      record('/r/s/#note-b', 'annotation', { meta: { number: '2', passage: '3' }, filters: { kind: ['annotation'], reading: ['R'], section: ['One'], noteKind: ['apparatus'] } }),
    ];
    const { documents, single } = groupSearchRecords(records);
    expect(single).toEqual([]);
    expect(documents.map((d) => [d.url, d.language, d.records.map((r) => r.url.split('#')[1])])).toEqual([
      ['/r/s/#p-a', 'en', ['p-a', 'p-c']],
      ['/r/s/#p-b', 'en', ['p-b']],
      ['/r/s/#p-d', 'en', ['p-d']],
      ['/r/s/#p-e', 'grc', ['p-e']],
      ['/r/t/#p-f', 'en', ['p-f']],
      // A note's kind is shown, not filtered: notes of every kind share a document.
      ['/r/s/#note-a', 'en', ['note-a', 'note-b']],
    ]);
  });

  test('a document is a page whose filters sit outside its body and whose parts carry their ids and labels, every value escaped', () => {
    const [document] = groupSearchRecords([
      record('/r/s/#p-a', 'passage', { content: 'Fish & <chips> "now"', meta: { number: '1' }, filters: { kind: ['passage'], reading: ['R & D'], section: ['<One>'], speaker: ['Ann "A"'] } }),
      record('/r/s/#p-b', 'passage', { content: 'Second', meta: { number: '2' }, filters: { kind: ['passage'], reading: ['R & D'], section: ['<One>'], speaker: ['Ann "A"'] } }),
    ]).documents;
    const tree = parse(document!.html);
    const all = (node: any): any[] => [node, ...(node.childNodes ?? []).flatMap(all)];
    const elements = all(tree).filter((n) => n.tagName);
    const attr = (el: any, name: string) => el.attrs.find((a: any) => a.name === name)?.value;
    const filters = elements.filter((el) => attr(el, 'data-pagefind-filter')).map((el) => [attr(el, 'data-pagefind-filter'), textOf(el)]);
    expect(filters).toEqual([['kind', 'passage'], ['reading', 'R & D'], ['section', '<One>'], ['speaker', 'Ann "A"']]);
    const body = elements.find((el) => attr(el, 'data-pagefind-body') !== undefined);
    expect(elements.filter((el) => attr(el, 'data-pagefind-filter')).some((el) => all(body).includes(el))).toBe(false);
    const parts = elements.filter((el) => attr(el, 'data-pagefind-title') !== undefined);
    expect(parts.map((el) => [attr(el, 'id'), readPartTitle(attr(el, 'data-pagefind-title')), textOf(el)])).toEqual([
      ['p-a', { number: '1' }, 'Fish & <chips> "now"'],
      ['p-b', { number: '2' }, 'Second'],
    ]);
    expect(parts.every((el) => all(body).includes(el))).toBe(true);
  });

  test('a note’s part title holds its number, its passage, its phrase and its kind', () => {
    const note = record('/r/#note-a', 'annotation', { meta: { number: '4', passage: '13', phrase: 'venture communism' }, filters: { kind: ['annotation'], noteKind: ['question'] } });
    expect(readPartTitle(partTitle(note))).toEqual({ number: '4', passage: '13', phrase: 'venture communism', noteKind: 'question' });
  });

  test('a layer’s thread, landing on another page, stays a record of its own', () => {
    const thread = record('/read/r/#p-a', 'layer', { filters: { kind: ['layer'], layer: ['Class A'] } });
    const passage = record('/layers/a/#p-x', 'passage');
    expect(groupSearchRecords([thread, passage])).toMatchObject({ single: [thread], documents: [{ url: '/layers/a/#p-x' }] });
  });
});
