import { describe, expect, test } from 'vitest';
import { extractSearchRecords, sitePathOf, textOf } from '../../src/lib/search-records.ts';
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
