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
      <section data-section="opinions" data-section-title="Opinions on the Partner State">
        <div class="passage" id="p-kleiner-venture-communism" data-passage="kleiner-venture-communism" data-passage-number="13" data-speaker="Dmytri Kleiner">
          <a class="passage-number" href="#p-kleiner-venture-communism" data-pagefind-ignore><span>Passage </span>13</a>
          <p class="speaker-tag" data-pagefind-ignore>Dmytri Kleiner</p>
          <p class="passage-text">Well, <span data-anno="vc">venture communism</span><a class="note-ref apparatus" href="#note-vc" data-note-ref="vc" data-pagefind-ignore><span>Note </span>4</a> is a <button class="term" data-term="commons">commons</button>-based model.</p>
          <aside><ol><li class="note" id="note-vc" data-note="vc" data-note-kind="context">
            <p class="note-head" data-pagefind-ignore><a href="#ref-vc">4</a> Context</p>
            <div class="note-body"><p>Kleiner's term for worker-owned <em>enclosure</em>-free firms.</p></div>
          </li></ol></aside>
        </div>
        <ul class="passage-text-list"><li class="passage" id="p-list" data-passage="list" data-passage-number="14"><ul><li>one</li><li>two</li></ul></li></ul>
      </section>
    </div>
    <div class="term-popovers" data-pagefind-ignore="all"><div popover>commons: a popover copy</div></div>
    <section><ol><li id="note-q0" data-note="q0" data-note-kind="question"><p>First?</p></li><li id="note-q" data-note="q" data-note-kind="question"><p>Is the state a partner?</p></li></ol></section>
  </article></main>`);

describe('extractSearchRecords', () => {
  const { records, language, pageIndexed } = extractSearchRecords(reader, 'read/partner-state/index.html');
  const byUrl = (fragment: string) => records.find((r) => r.url === `/read/partner-state/#${fragment}`);

  test('one record per passage and per note, in page order, linking to their permalinks', () => {
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
    expect(byUrl('p-list')?.filters).toEqual({ kind: ['passage'], reading: ['The Partner State'], section: ['Opinions on the Partner State'] });
  });

  test('a note takes its number from its marker, its phrase, and its passage’s number, section and speaker', () => {
    expect(byUrl('note-vc')).toEqual({
      url: '/read/partner-state/#note-vc',
      content: "Kleiner's term for worker-owned enclosure-free firms.",
      meta: { number: '4', passage: '13', phrase: 'venture communism' },
      filters: { kind: ['annotation'], reading: ['The Partner State'], section: ['Opinions on the Partner State'], speaker: ['Dmytri Kleiner'], noteKind: ['context'] },
    });
    // A reading-wide question has no marker: its number is its place in the list of questions.
    expect(byUrl('note-q')).toEqual({
      url: '/read/partner-state/#note-q',
      content: 'Is the state a partner?',
      meta: { number: '2' },
      filters: { kind: ['annotation'], reading: ['The Partner State'], noteKind: ['question'] },
    });
  });

  test('a page with data-pagefind-body is left to Pagefind and has no records of its own', () => {
    const glossary = page('<main data-pagefind-body data-pagefind-filter="kind:glossary"><h1>commons</h1></main>');
    expect(extractSearchRecords(glossary, 'glossary/commons/index.html')).toEqual({ language: 'en', pageIndexed: true, records: [] });
  });

  test.each([
    [
      'a passage inside data-pagefind-body (counted twice)',
      page('<div data-pagefind-body><div id="p-a" data-passage="a">Text</div></div>'),
      'read/x/index.html: the passage "a" is inside data-pagefind-body, so its text would be indexed twice',
    ],
    ['a passage without an id', page('<div data-passage="a">Text</div>'), 'read/x/index.html: the passage "a" has no id attribute'],
    ['a note without an id', page('<li data-note="n">Text</li>'), 'read/x/index.html: the note "n" has no id attribute'],
  ])('refuses %s', (_, html, message) => {
    expect(() => extractSearchRecords(html, 'read/x/index.html')).toThrow(message);
  });

  test('a passage inside data-pagefind-body but ignored is fine', () => {
    const html = page('<div data-pagefind-body><div data-pagefind-ignore><div id="p-a" data-passage="a">Text</div></div></div>');
    expect(extractSearchRecords(html, 'x/index.html').records.map((r) => r.url)).toEqual(['/x/#p-a']);
  });
});

describe('textOf', () => {
  test.each([
    ['<p>one<br>two</p>', 'one two'],
    ['<ul><li>a</li><li>b</li></ul>', 'a b'],
    ['<p>hello <em>wor</em>ld</p>', 'hello world'],
    ['<p>kept<script>var x</script><span data-pagefind-ignore>gone</span> <style>p{}</style>too</p>', 'kept too'],
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
