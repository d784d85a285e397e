import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { epubFiles, passageXhtml, zipEpub, type Book } from '../../src/lib/epub/book.ts';
import { EpubError, forbiddenCharactersIn, forbiddenXmlCharacters, xmlWellFormednessErrors } from '../../src/lib/epub/check.ts';
import { bookHref, bookLinkAllowed, htmlToXhtml } from '../../src/lib/epub/xhtml.ts';

describe('htmlToXhtml', () => {
  test.each([
    ['void elements close, entities become XML', '<p>a&nbsp;b<br>c &amp; d</p>', '<p>a\u00a0b<br/>c &amp; d</p>'],
    ['attributes kept only from the allowed set', '<a href="text.xhtml#p-x" data-x="1" onclick="y()" class="cite">t</a>', '<a href="text.xhtml#p-x" class="cite">t</a>'],
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

  test('a passage with two notes keeps both: each noteref after its phrase, each footnote after the passage', () => {
    const two = {
      ...book,
      notes: [
        { id: 'n', number: 1, passage: 'one', end: 5, kindLabel: 'Gloss', body: '<p>First.</p>' },
        { id: 'm', number: 2, passage: 'one', end: 11, kindLabel: 'Context', body: '<p>Second.</p>' },
      ],
    };
    const text = epubFiles(two)['OEBPS/text.xhtml']!;
    expect(text).toContain(
      '<span class="num" title="Passage 1">1</span> Hello<a epub:type="noteref" class="noteref" role="doc-noteref" href="#note-n" id="ref-n">1</a>' +
        ' world<a epub:type="noteref" class="noteref" role="doc-noteref" href="#note-m" id="ref-m">2</a>.</p>',
    );
    expect([...text.matchAll(/<aside epub:type="footnote"[^>]* id="(note-\w+)"/g)].map((m) => m[1])).toEqual(['note-n', 'note-m']);
    expect(text).toContain('<p>First.</p></aside>');
    expect(text).toContain('<p>Second.</p></aside>');
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

  test('every XML file of the book parses with a real XML parser', () => {
    for (const [name, content] of Object.entries(epubFiles(book))) {
      if (name.endsWith('.css')) continue;
      expect(xmlWellFormednessErrors(content), name).toEqual([]);
    }
  });

  test.each([
    ['NUL', '\u0000'],
    ['a C0 control', '\u0001'],
    ['escape', '\u001B'],
    ['a lone high surrogate', '\uD800'],
    ['a lone low surrogate', '\uDC00'],
    ['U+FFFE', '\uFFFE'],
    ['U+FFFF', '\uFFFF'],
  ])('%s in a passage fails with the passage named, and no book is written', (_label, character) => {
    const bad = { ...book, passages: [{ ...book.passages[0]!, text: `Hello${character} world.` }] };
    expect(() => epubFiles(bad)).toThrow(EpubError);
    const codePoint = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    expect(() => epubFiles(bad)).toThrow(`passages["one"].text: a character XML does not allow (${codePoint} after “…Hello”)`);
  });

  test('the message names every part with such characters and says where to fix them', () => {
    const bad: Book = {
      ...book,
      title: 'A\u0007B',
      notes: [{ ...book.notes[0]!, body: '<p>x\u0000y\u0000z</p>' }],
      terms: [{ ...book.terms[0]!, short: '\u000B' }],
    };
    let message = '';
    try {
      epubFiles(bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'The EPUB of “A\u0007B” was not written: 3 problems.',
      '  title: a character XML does not allow (U+0007 after “…A”)',
      '  notes["n"].body: 2 characters XML does not allow (U+0000 after “…<p>x”; U+0000 after “…<p>x�y”)',
      '  terms["t"].short: a character XML does not allow (U+000B at its start)',
      expect.stringMatching(/^ {2}fix: delete the characters named, which most editors do not show: passages are in the reading’s source.txt/),
    ]);
  });

  test('tab, line feed, carriage return and characters beyond the BMP are allowed', () => {
    const fine = { ...book, passages: [{ ...book.passages[0]!, text: 'Tab\there,\r\nline, 𝔄 and 😀.' }] };
    expect(() => epubFiles(fine)).not.toThrow();
  });

  test('an unsafe link in the reading’s metadata is written as its words', () => {
    const title = epubFiles({ ...book, origin: { ...book.origin!, url: 'javascript:alert(1)' } })['OEBPS/title.xhtml']!;
    expect(title).toContain('<p>Source: A wiki: “Origin”.</p>');
    expect(title).not.toContain('javascript:');
  });
});

describe('xmlWellFormednessErrors', () => {
  test.each([
    ['an unclosed element', '<a><b></a>', /unexpected close tag/],
    ['an HTML entity XML does not define', '<p>a&nbsp;b</p>', /undefined entity/],
    ['a repeated attribute', '<p class="a" class="b"/>', /duplicate attribute/],
    ['an unbound prefix', '<p><epub:x/></p>', /unbound namespace prefix/],
    ['a control character', '<p>a\u0001b</p>', /disallowed character|not allowed in XML/],
  ])('%s', (_label, xml, error) => {
    expect(xmlWellFormednessErrors(xml).join('\n')).toMatch(error);
  });

  test('well-formed XHTML has none', () => {
    expect(xmlWellFormednessErrors('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><p>a &amp; b</p></html>')).toEqual([]);
  });
});

describe('links the book may carry', () => {
  test.each([
    ['https://doi.org/10.1057/9781137406897', true],
    ['http://example.org/page', true],
    ['mailto:editor@example.org', true],
    ['#p-definition', true],
    ['glossary.xhtml#term-commons', true],
    ['text.xhtml', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['file:///etc/passwd', false],
    ['vbscript:msgbox', false],
    ['//evil.example/x', false],
    ['/guide/', false],
    ['../elsewhere.html', false],
    ['https://', false],
  ])('%s: %s', (href, allowed) => {
    expect(bookLinkAllowed(href)).toBe(allowed);
  });

  test('an unsafe link in a body is removed, its text kept, and the caller told', () => {
    const removed: string[] = [];
    const xhtml = htmlToXhtml('<p><a href="javascript:alert(1)">one</a> <a href="data:text/html,x">two</a> <a href="https://example.org/">three</a></p>', {
      onUnsafeLink: (href) => removed.push(href),
    });
    expect(xhtml).toBe('<p>one two <a href="https://example.org/">three</a></p>');
    expect(removed).toEqual(['javascript:alert(1)', 'data:text/html,x']);
  });

  test('bookHref leaves a foreign scheme as it is, and the policy removes it', () => {
    const targets = { siteUrl: 'https://example.org/', base: '/', readingId: 'r', text: 'text.xhtml', glossary: 'glossary.xhtml', bibliography: 'bibliography.xhtml' };
    expect(htmlToXhtml('<a href="javascript:alert(1)">x</a>', { rewriteHref: (href) => bookHref(href, targets) })).toBe('x');
  });
});

describe('characters XML forbids, where they are', () => {
  test('line and column of each, and up to 30 characters before it, whitespace collapsed', () => {
    const text = 'first line\nsecond \u0001 and\n\n  \u0002';
    expect(forbiddenXmlCharacters(text)).toEqual([
      { codePoint: 'U+0001', line: 2, column: 8, after: 'first line second ' },
      { codePoint: 'U+0002', line: 4, column: 3, after: 'first line second \uFFFD and ' },
    ]);
    const long = `${'x'.repeat(40)}\u0003`;
    expect(forbiddenXmlCharacters(long)[0]).toEqual({ codePoint: 'U+0003', line: 1, column: 41, after: 'x'.repeat(30) });
  });

  test('one problem per string: the first three characters named, then an ellipsis', () => {
    expect(forbiddenCharactersIn([['terms["t"].short', '\u0001a\u0002b\u0003c\u0004'], ['title', 'fine'], ['note', '\u0005']])).toEqual([
      'terms["t"].short: 4 characters XML does not allow (U+0001 at its start; U+0002 after “…\uFFFDa”; U+0003 after “…\uFFFDa\uFFFDb”; …)',
      'note: a character XML does not allow (U+0005 at its start)',
    ]);
    expect(forbiddenCharactersIn([['x', 'a\u0001b\u0002c\u0003']])).toEqual(['x: 3 characters XML does not allow (U+0001 after “…a”; U+0002 after “…a\uFFFDb”; U+0003 after “…a\uFFFDb\uFFFDc”)']);
  });

  test('a parse error and a forbidden character each with their line and column', () => {
    // The parser's own wording after its line:column.
    expect(xmlWellFormednessErrors('<a>\n<b></a>')).toEqual([expect.stringMatching(/^2:7: .*close tag/)]);
    expect(xmlWellFormednessErrors('<p:a/>')).toEqual([expect.stringMatching(/^1:6: .*prefix.*"p"/)]);
    expect(xmlWellFormednessErrors('<a>x\u0001</a>')).toContain('1:5: character U+0001 after “…<a>x” is not allowed in XML.');
  });

  test('the error names the book, counts its problems and gives the fix', () => {
    const one = new EpubError('T', ['a'], 'do this');
    expect(one.name).toBe('EpubError');
    expect(one.message).toBe('The EPUB of “T” was not written: 1 problem.\n  a\n  fix: do this');
    expect(new EpubError('T', ['a', 'b'], 'f').message).toBe('The EPUB of “T” was not written: 2 problems.\n  a\n  b\n  fix: f');
  });
});

describe('XHTML from the site\u2019s HTML, and where links go', () => {
  test.each([
    ['a comment is dropped', '<p>a<!-- note -->b</p>', '<p>ab</p>'],
    ['a visually hidden label goes, other spans stay', '<span class="num visually-hidden">passage </span><span class="x">kept</span><span>bare</span>', '<span class="x">kept</span><span>bare</span>'],
    ['a class that only contains the words is not hidden', '<span class="not-visually-hiddenx">kept</span>', '<span class="not-visually-hiddenx">kept</span>'],
    ['a title attribute is kept, a hidden one is not: only the class hides', '<span title="visually-hidden">t</span>', '<span title="visually-hidden">t</span>'],
    ['apostrophes and quotes are entities', '<p title="it\u2019s \'x\'">&quot;</p>', '<p title="it\u2019s &#39;x&#39;">&quot;</p>'],
  ])('%s', (_label, html, expected) => {
    expect(htmlToXhtml(html)).toBe(expected);
  });

  test('a link that is kept keeps its element; one rewritten to nothing keeps its words only', () => {
    expect(htmlToXhtml('<a href="#x" class="c">A</a>')).toBe('<a href="#x" class="c">A</a>');
    expect(htmlToXhtml('<a href="/nowhere/">B</a>')).toBe('B');
    const unsafe: string[] = [];
    expect(htmlToXhtml('<a href="javascript:alert(1)">C</a>', { onUnsafeLink: (href) => unsafe.push(href) })).toBe('C');
    expect(unsafe).toEqual(['javascript:alert(1)']);
  });

  test.each([
    ['https://example.org/a', true],
    ['HTTP://example.org/a', true],
    ['mailto:someone@example.org', true],
    ['see https://example.org/a', false],
    ['#p-a', true],
    ['#p-a#b', false],
    ['x#p-a', false],
    ['text.xhtml#p-a', true],
    ['../text.xhtml', false],
    ['/read/a/', false],
  ])('bookLinkAllowed(%s) is %s', (href, allowed) => {
    expect(bookLinkAllowed(href)).toBe(allowed);
  });

  const targets = { siteUrl: 'https://example.org/reader/', base: '/reader', readingId: 'r', text: 'text.xhtml', glossary: 'glossary.xhtml', bibliography: 'bibliography.xhtml' };
  test.each([
    ['a base without its final slash', '/reader/glossary/commons', 'glossary.xhtml#term-commons'],
    ['a glossary path with more after it', '/reader/glossary/commons/extra/', 'https://example.org/reader/glossary/commons/extra/'],
    ['a path that only ends like a glossary entry', '/reader/x/glossary/commons/', 'https://example.org/reader/x/glossary/commons/'],
    ['sources without a slash', '/reader/sources#source-k', 'bibliography.xhtml#source-k'],
    ['a source fragment with more after it', '/reader/sources/#source-k-x.y', 'https://example.org/reader/sources/#source-k-x.y'],
    ['a scheme with digits and signs', 'web+cal2.x-y:thing', 'web+cal2.x-y:thing'],
    ['a colon later in a relative path', 'a/b:c', 'https://example.org/reader/a/b:c'],
    ['the reading itself', '/reader/read/r', 'text.xhtml'],
  ])('bookHref: %s', (_label, href, expected) => {
    expect(bookHref(href, targets)).toBe(expected);
  });
});
