import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { epubFiles, passageXhtml, zipEpub, type Book } from '../../src/lib/epub/book.ts';
import { bookHref, htmlToXhtml } from '../../src/lib/epub/xhtml.ts';

describe('htmlToXhtml', () => {
  test.each([
    ['void elements close, entities become XML', '<p>a&nbsp;b<br>c &amp; d</p>', '<p>a\u00a0b<br/>c &amp; d</p>'],
    ['attributes kept only from the allowed set', '<a href="/x/" data-x="1" onclick="y()" class="cite">t</a>', '<a href="/x/" class="cite">t</a>'],
    ['unknown wrappers unwrapped, scripts and templates dropped', '<div><section>t<script>alert(1)</script><template>x</template></section></div>', 't'],
    ['a glossary button keeps its words', '<p>the <button popovertarget="x">commons</button></p>', '<p>the commons</p>'],
    ['screen-reader-only labels dropped', '<a href="#p-a"><span class="visually-hidden">passage </span>¶2</a>', '<a href="#p-a">¶2</a>'],
    ['quotes in text escaped', '<q>“it’s” "x" <i>y</i></q>', '<q>“it’s” &quot;x&quot; <i>y</i></q>'],
  ])('%s', (_label, html, expected) => {
    expect(htmlToXhtml(html)).toBe(expected);
  });

  test('links are rewritten, and a link rewritten to nothing keeps its text', () => {
    expect(htmlToXhtml('<a href="/a/">A</a> <a href="/b/">B</a>', { rewriteHref: (h) => (h === '/a/' ? 'x.xhtml' : undefined) })).toBe(
      '<a href="x.xhtml">A</a> B',
    );
  });
});

describe('bookHref', () => {
  const targets = (base: string) => ({
    siteUrl: `https://example.org${base}`,
    base,
    readingId: 'partner-state',
    text: 'text.xhtml',
    glossary: 'glossary.xhtml',
    bibliography: 'bibliography.xhtml',
  });
  test.each([
    ['/', '/glossary/commons/', 'glossary.xhtml#term-commons'],
    ['/', '/sources/#source-kostakis-bauwens-2014', 'bibliography.xhtml#source-kostakis-bauwens-2014'],
    ['/', '#p-kleiner-public-funding', 'text.xhtml#p-kleiner-public-funding'],
    ['/', '/read/partner-state/#p-kmo-question', 'text.xhtml#p-kmo-question'],
    ['/', '/read/other-reading/#p-x', 'https://example.org/read/other-reading/#p-x'],
    ['/', 'https://doi.org/10.1057/9781137406897', 'https://doi.org/10.1057/9781137406897'],
    ['/courses/pol-101/reader/', '/courses/pol-101/reader/glossary/commons/', 'glossary.xhtml#term-commons'],
    ['/courses/pol-101/reader/', '/courses/pol-101/reader/guide/', 'https://example.org/courses/pol-101/reader/guide/'],
  ])('base %s: %s → %s', (base, href, expected) => {
    expect(bookHref(href, targets(base))).toBe(expected);
  });
});

describe('passageXhtml', () => {
  const ref = (n: number) => `<a>${n}</a>`;
  test.each([
    ['a marker after its phrase', 'the partner state', 'paragraph', [{ at: 11, xhtml: ref(1) }], 'the partner<a>1</a> state'],
    ['a marker at the end, text escaped', 'a < b', 'paragraph', [{ at: 5, xhtml: ref(2) }], 'a &lt; b<a>2</a>'],
    [
      'a list: one item per line, indentation dropped, markers on their own line',
      '  • one\n  • two',
      'list',
      [{ at: 7, xhtml: ref(1) }, { at: 15, xhtml: ref(2) }],
      '<ul><li>• one<a>1</a></li><li>• two<a>2</a></li></ul>',
    ],
  ] as const)('%s', (_label, text, role, markers, expected) => {
    expect(passageXhtml(text, role, [...markers])).toBe(expected);
  });
});

describe('the package', () => {
  const book: Book = {
    identifier: 'https://example.org/read/r/',
    title: 'A & B',
    language: 'en',
    attribution: 'Someone',
    description: 'A test.',
    siteName: 'Annotated Reader',
    url: 'https://example.org/read/r/',
    modified: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
    licence: { name: 'CC BY-SA 3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/' },
    origin: { url: 'https://example.org/origin', title: 'Origin', site: 'A wiki' },
    sections: [{ id: 's', title: 'Section' }],
    passages: [{ id: 'one', number: 1, role: 'paragraph', section: 's', text: 'Hello world.' }],
    notes: [{ id: 'n', number: 1, passage: 'one', end: 5, kindLabel: 'Gloss', body: '<p>A note.</p>' }],
    questions: [],
    terms: [{ id: 't', term: 'world', kindLabel: 'Concept', short: 'Everything.', body: '' }],
    sources: [{ id: 's1', entry: 'An entry.' }],
  };

  test('notes are EPUB footnotes behind numbered noterefs', () => {
    const text = epubFiles(book)['OEBPS/text.xhtml']!;
    expect(text).toContain('<p class="passage passage-paragraph" id="p-one"><span class="num" title="Passage 1">1</span> Hello<a epub:type="noteref" class="noteref" role="doc-noteref" href="#note-n" id="ref-n">1</a> world.</p>');
    expect(text).toContain('<aside epub:type="footnote" role="doc-footnote" class="note" id="note-n">');
  });

  test('the package document names every file, with the modified date, and the spine reads title, contents, text, glossary, bibliography', () => {
    const opf = epubFiles(book)['OEBPS/content.opf']!;
    expect(opf).toContain('<meta property="dcterms:modified">2026-01-02T03:04:05Z</meta>');
    expect(opf).toContain('<dc:title>A &amp; B</dc:title>');
    expect([...opf.matchAll(/<itemref idref="(\w+)"\/>/g)].map((m) => m[1])).toEqual(['title', 'nav', 'text', 'glossary', 'bibliography']);
  });

  test('the zip starts with an uncompressed mimetype entry', () => {
    const zip = zipEpub(epubFiles(book), book.modified);
    // Local file header: signature, then at offset 8 the method (0 = stored), at 30 the name.
    expect(Buffer.from(zip.subarray(0, 4)).toString('hex')).toBe('504b0304');
    expect(zip[8]! | (zip[9]! << 8)).toBe(0);
    expect(strFromU8(zip.subarray(30, 38))).toBe('mimetype');
    expect(strFromU8(zip.subarray(38, 58))).toBe('application/epub+zip');
    expect(Object.keys(unzipSync(zip))).toEqual(['mimetype', 'META-INF/container.xml', 'OEBPS/content.opf', 'OEBPS/nav.xhtml', 'OEBPS/style.css', 'OEBPS/title.xhtml', 'OEBPS/text.xhtml', 'OEBPS/glossary.xhtml', 'OEBPS/bibliography.xhtml']);
  });
});
