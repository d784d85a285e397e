/**
 * The EPUB writer's documents for a book with every part: title page, text (headings, quotes,
 * lists, corrections, questions, apparatus), navigation, glossary, bibliography and package.
 * Expected markup written out from the EPUB structure the writer promises, fragment by fragment.
 */
import { describe, expect, test } from 'vitest';
import { bookStrings, epubFiles, passageXhtml, type Book } from '../../src/lib/epub/book.ts';

const noteref = (id: string, n: number) => `<a epub:type="noteref" class="noteref" role="doc-noteref" href="#note-${id}" id="ref-${id}">${n}</a>`;
const appref = (id: string, n: number) => `<a class="appref" href="#note-${id}" id="ref-${id}" aria-label="Textual note ${n}">°</a>`;

const rich: Book = {
  identifier: 'https://example.org/read/r/',
  title: 'Title',
  subtitle: 'Sub',
  language: 'en',
  attribution: 'Ann Author',
  description: 'Desc.',
  siteName: 'Site',
  url: 'https://example.org/read/r/',
  modified: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
  licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', note: 'Some rights.' },
  origin: { url: 'https://example.org/o', title: 'Orig', site: 'Wiki', note: 'Edited.' },
  authors: ['Ann Author', 'Bob Writer'],
  date: '1848',
  sections: [
    { id: 'a', title: 'Part A' },
    { id: 'empty', title: 'Nothing' },
    { id: 'b', title: 'Part B' },
  ],
  passages: [
    { id: 'h', number: 1, role: 'heading', level: 3, section: 'a', text: 'Head' },
    { id: 'q', number: 2, role: 'quote', section: 'a', text: 'Quoted.' },
    { id: 'l', number: 3, role: 'list', section: 'b', text: '  • one\n  • two' },
    { id: 'p', number: 4, role: 'paragraph', section: 'b', text: 'Plain.' },
  ],
  notes: [
    { id: 'fix', number: 1, passage: 'q', end: 6, kindLabel: 'Editorial', body: '<p>Fixed.</p>', exact: 'Quoted', correction: 'Quote' },
    { id: 'li', number: 2, passage: 'l', end: 15, kindLabel: 'Gloss', body: '<p>Two.</p>' },
  ],
  apparatus: [
    { id: 'typo', number: 1, passage: 'p', end: 5, kindLabel: '', body: '<p>Slip.</p>', exact: 'Plain', correction: 'Plane' },
    { id: 'whole', number: 2, passage: 'p', kindLabel: '', body: '<p>All.</p>' },
  ],
  questions: [{ id: 'q1', number: 1, body: '<p>Why?</p>' }],
  terms: [
    { id: 't', term: 'Term', kindLabel: 'Concept', short: 'Short.', body: '<p>Long.</p>' },
    { id: 'u', term: 'Other', kindLabel: 'Person', short: 'Who.', body: '' },
  ],
  sources: [
    { id: 's1', entry: 'Entry one.' },
    { id: 's2', entry: 'Entry two.' },
  ],
};
const plain: Book = {
  ...rich,
  subtitle: undefined,
  date: undefined,
  authors: undefined,
  licence: undefined,
  origin: undefined,
  provenance: { sentence: 'Imported from a file.', omitted: ['the header', 'the licence'] },
  apparatus: undefined,
  questions: [],
  terms: [],
  sources: [],
};

describe('the text', () => {
  const text = () => epubFiles(rich)['OEBPS/text.xhtml']!;

  test('a section that opens with a heading has no title of its own; an empty section is left out', () => {
    expect(text()).toContain('<section id="section-a" aria-label="Part A">\n<h3 class="passage" id="p-h"><span class="num" title="Passage 1">1</span> Head</h3>\n');
    expect(text()).not.toContain('section-empty');
    expect(text()).toContain('<section id="section-b" aria-label="Part B">\n<h2 class="section-title">Part B</h2>\n<div class="passage passage-list" id="p-l">');
  });

  test('a quotation is a blockquote, and an editorial correction is stated in its footnote', () => {
    expect(text()).toContain(`<blockquote class="passage" id="p-q"><p><span class="num" title="Passage 2">2</span> Quoted${noteref('fix', 1)}.</p></blockquote>\n`);
    expect(text()).toContain(
      '<aside epub:type="footnote" role="doc-footnote" class="note" id="note-fix"><p class="note-head"><a href="#ref-fix">1</a> <span class="note-kind">Editorial</span> The text reads “Quoted”; read <ins>Quote</ins>.</p><p>Fixed.</p></aside>',
    );
    expect(text()).toContain('<span class="note-kind">Gloss</span></p><p>Two.</p></aside>');
  });

  test('a list is one item per line, its note marker on the line its phrase ends', () => {
    expect(text()).toContain(`<div class="passage passage-list" id="p-l"><span class="num" title="Passage 3">3</span> <ul><li>• one</li><li>• two${noteref('li', 2)}</li></ul></div>`);
  });

  test('apparatus marks in the text, and their table after the questions', () => {
    expect(text()).toContain(`<p class="passage passage-paragraph" id="p-p"><span class="num" title="Passage 4">4</span> Plain${appref('typo', 1)}.${appref('whole', 2)}</p>`);
    expect(text()).toContain('<section id="questions" aria-labelledby="questions-title"><h2 id="questions-title">Questions for discussion</h2><ol><li id="question-q1"><p>Why?</p></li></ol></section>\n<section id="apparatus"');
    expect(text()).toContain(
      '<tbody>' +
        '<tr id="note-typo"><th scope="row"><a href="#ref-typo">1</a></th><td><a href="#p-p">¶4</a></td><td><span class="lemma">Plain</span></td><td><p class="correction">Read <ins>Plane</ins></p><p>Slip.</p></td></tr>' +
        '<tr id="note-whole"><th scope="row"><a href="#ref-whole">2</a></th><td><a href="#p-p">¶4</a></td><td><i>the whole passage</i></td><td><p>All.</p></td></tr>' +
        '</tbody></table></section>\n</section>',
    );
    expect(text()).toContain('<p>The source’s purely typographic slips, kept in the text above and marked there with a small °.</p>');
  });

  test('no questions, no apparatus: neither section', () => {
    const bare = epubFiles(plain)['OEBPS/text.xhtml']!;
    expect(bare).not.toContain('id="questions"');
    expect(bare).not.toContain('id="apparatus"');
  });
});

describe('the title page', () => {
  test('subtitle, byline with date, description, the edition, source with its note, licence with its note', () => {
    const page = epubFiles(rich)['OEBPS/title.xhtml']!;
    for (const line of [
      '<h1>Title</h1>\n<p class="subtitle">Sub</p>\n<p class="byline">Ann Author, 1848</p>\n<p>Desc.</p>\n',
      '<p>An annotated edition from Site, 2026-01-02: <a href="https://example.org/read/r/">https://example.org/read/r/</a>. Passages are numbered as on the site, where each number is a permalink.</p>\n',
      '<p>Source: <a href="https://example.org/o">Wiki: “Orig”</a>. Edited.</p>\n\n\n<p>Licence: <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>. Some rights.</p>\n</section>',
    ]) {
      expect(page).toContain(line);
    }
  });

  test('an imported file: its provenance and what was left out; no licence stated', () => {
    const page = epubFiles(plain)['OEBPS/title.xhtml']!;
    expect(page).toContain('<h1>Title</h1>\n\n<p class="byline">Ann Author</p>\n');
    expect(page).toContain('\n\n<p>Imported from a file. Left out of the text: the header; the licence.</p>\n\n<p>Licence: not stated in the source.</p>\n</section>');
    const nothingLeftOut = epubFiles({ ...plain, provenance: { sentence: 'Imported.', omitted: [] } })['OEBPS/title.xhtml']!;
    expect(nothingLeftOut).toContain('\n<p>Imported.</p>\n\n<p>Licence:');
  });

  test('neither origin nor provenance: the source is not recorded', () => {
    const page = epubFiles({ ...plain, provenance: undefined })['OEBPS/title.xhtml']!;
    expect(page).toContain('\n\n\n<p>Source: not recorded.</p>\n<p>Licence: not stated in the source.</p>');
  });
});

describe('navigation, glossary, bibliography and package', () => {
  test('contents: title page, the text with its sections, questions and apparatus, then glossary and bibliography; landmarks likewise', () => {
    const nav = epubFiles(rich)['OEBPS/nav.xhtml']!;
    expect(nav).toContain(
      '<li><a href="title.xhtml">Title page</a></li>\n<li><a href="text.xhtml">Title</a><ol>' +
        '<li><a href="text.xhtml#section-a">Part A</a></li><li><a href="text.xhtml#section-b">Part B</a></li>' +
        '<li><a href="text.xhtml#questions">Questions for discussion</a></li><li><a href="text.xhtml#apparatus">Textual apparatus</a></li></ol></li>\n' +
        '<li><a href="glossary.xhtml">Glossary</a></li>\n<li><a href="bibliography.xhtml">Bibliography</a></li>\n</ol>',
    );
    expect(nav).toContain(
      '<li><a epub:type="bodymatter" href="text.xhtml">Text</a></li>\n<li><a epub:type="glossary" href="glossary.xhtml">Glossary</a></li>\n<li><a epub:type="bibliography" href="bibliography.xhtml">Bibliography</a></li>\n</ol>',
    );
    const bare = epubFiles(plain)['OEBPS/nav.xhtml']!;
    expect(bare).toContain('<li><a href="text.xhtml#section-b">Part B</a></li></ol></li>\n\n\n</ol>');
    expect(bare).toContain('<li><a epub:type="bodymatter" href="text.xhtml">Text</a></li>\n\n\n</ol>');
  });

  test('the glossary lists each term with its kind, short definition and body', () => {
    expect(epubFiles(rich)['OEBPS/glossary.xhtml']).toContain(
      '<section epub:type="glossary" role="doc-glossary" aria-labelledby="glossary-title">\n<h1 id="glossary-title">Glossary</h1>\n<dl>\n' +
        '<dt epub:type="glossterm" id="term-t"><dfn>Term</dfn> <span class="term-kind">Concept</span></dt><dd epub:type="glossdef"><p class="short">Short.</p><p>Long.</p></dd>\n' +
        '<dt epub:type="glossterm" id="term-u"><dfn>Other</dfn> <span class="term-kind">Person</span></dt><dd epub:type="glossdef"><p class="short">Who.</p></dd>\n</dl>\n</section>',
    );
  });

  test('the bibliography lists each entry as written', () => {
    expect(epubFiles(rich)['OEBPS/bibliography.xhtml']).toContain(
      '<section epub:type="bibliography" role="doc-bibliography" aria-labelledby="bibliography-title">\n<h1 id="bibliography-title">Bibliography</h1>\n' +
        '<ul class="bibliography">\n<li id="source-s1">Entry one.</li>\n<li id="source-s2">Entry two.</li>\n</ul>\n</section>',
    );
  });

  test('the package: title with subtitle, one creator per author, rights, source, every document in the manifest and spine', () => {
    const opf = epubFiles(rich)['OEBPS/content.opf']!;
    expect(opf).toContain('<dc:title>Title: Sub</dc:title>');
    expect(opf).toContain('<dc:creator>Ann Author</dc:creator>\n<dc:creator>Bob Writer</dc:creator>\n<dc:publisher>Site</dc:publisher>');
    expect(opf).toContain('<dc:rights>CC BY 4.0: https://creativecommons.org/licenses/by/4.0/</dc:rights>\n<dc:source>https://example.org/o</dc:source>\n');
    expect(opf).toContain(
      '<item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>\n<item id="text" href="text.xhtml" media-type="application/xhtml+xml"/>\n' +
        '<item id="glossary" href="glossary.xhtml" media-type="application/xhtml+xml"/>\n<item id="bibliography" href="bibliography.xhtml" media-type="application/xhtml+xml"/>\n</manifest>',
    );
    expect(opf).toContain('<spine>\n<itemref idref="title"/>\n<itemref idref="nav"/>\n<itemref idref="text"/>\n<itemref idref="glossary"/>\n<itemref idref="bibliography"/>\n</spine>');
  });

  test('the package without authors, licence or origin: the attribution as creator, rights not stated, no source', () => {
    const opf = epubFiles(plain)['OEBPS/content.opf']!;
    expect(opf).toContain('<dc:title>Title</dc:title>');
    expect(opf).toContain('<dc:creator>Ann Author</dc:creator>\n<dc:publisher>');
    expect(opf).toContain('<dc:rights>Licence not stated in the source.</dc:rights>\n\n<meta property="dcterms:modified">');
    expect(opf).toContain('<spine>\n<itemref idref="title"/>\n<itemref idref="nav"/>\n<itemref idref="text"/>\n</spine>');
  });
});

describe('passage markup and the strings of a book', () => {
  test.each([
    ['a marker at the very start of a paragraph', 'Plain', 'paragraph', [{ at: 0, xhtml: '<a>1</a>' }], '<a>1</a>Plain'],
    ['a marker right after the indent of the first list line', '  • one\n  • two', 'list', [{ at: 2, xhtml: '<a>1</a>' }], '<ul><li><a>1</a>• one</li><li>• two</li></ul>'],
    ['each list line loses its own indent', '• one\n    • two', 'list', [], '<ul><li>• one</li><li>• two</li></ul>'],
  ] as const)('%s', (_label, text, role, markers, expected) => {
    expect(passageXhtml(text, role, [...markers])).toBe(expected);
  });

  test('bookStrings names each string by where it sits, list entries by id or index, and skips dates, numbers and nulls', () => {
    const strings = [...bookStrings({ a: 'x', list: [{ id: 'k', v: 'y' }, 'z', null], when: new Date(0), n: 3 })];
    expect(strings).toEqual([
      ['a', 'x'],
      ['list["k"].id', 'k'],
      ['list["k"].v', 'y'],
      ['list[1]', 'z'],
    ]);
    expect([...bookStrings('alone')]).toEqual([['the book', 'alone']]);
  });
});
