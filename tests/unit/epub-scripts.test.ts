/**
 * The EPUB of a reading in another language and script: its text in the reading's language and
 * direction (footnotes in the site's), verse with its line breaks and line anchors, inline marks.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { epubFiles, type Book } from '../../src/lib/epub/book.ts';
import { xmlWellFormednessErrors } from '../../src/lib/epub/check.ts';

const url = 'https://example.org/read/r/';
const base = (over: Partial<Book>): Book => ({
  ...{ identifier: url, url, title: 'A reading', language: 'en', attribution: 'Someone', description: 'A description.', siteName: 'Annotated Reader' },
  ...{ modified: new Date(Date.UTC(2026, 0, 2)), sections: [{ id: 's', title: 'Section' }], passages: [], notes: [], questions: [], terms: [], sources: [] },
  licence: { name: 'Public domain', url: 'https://creativecommons.org/publicdomain/mark/1.0/' },
  ...over,
});

const greek = base({
  language: 'grc',
  verseLineNumbers: 3,
  passages: [
    { id: 'wrath', number: 1, role: 'verse', section: 's', text: 'μῆνιν ἄειδε θεὰ\nοὐλομένην\nπολλὰς δ᾽' },
    { id: 'more', number: 2, role: 'verse', section: 's', text: 'ἐξ οὗ\nἈτρεΐδης' },
    {
      id: 'edition', number: 3, role: 'paragraph', section: 's', lang: 'en',
      text: 'The Oxford Classical Text, an editio maior, at Perseus & elsewhere.',
      marks: [
        { text: 'Oxford Classical Text', style: 'emphasis' },
        { text: 'editio maior', style: 'emphasis', lang: 'la' },
        { text: 'Perseus', link: 'https://www.perseus.tufts.edu/' },
      ],
    },
  ],
  notes: [
    { id: 'n1', number: 1, passage: 'wrath', end: 5, kindLabel: 'Gloss', body: '<p>The wrath.</p>' },
    { id: 'n2', number: 2, passage: 'edition', end: 20, kindLabel: 'Gloss', body: '<p>Inside the title.</p>' },
  ],
});

describe('a Greek verse reading', () => {
  // Made before each test, not once as the file loads: mutation testing switches a mutant on only
  // while the tests run, so a book made at load time would never see one.
  let files: ReturnType<typeof epubFiles>;
  let text: string;
  beforeEach(() => {
    files = epubFiles(greek);
    text = files['OEBPS/text.xhtml']!;
  });

  test('every file is well-formed XML', () => {
    for (const [name, content] of Object.entries(files)) if (!name.endsWith('.css')) expect(xmlWellFormednessErrors(content), name).toEqual([]);
  });

  test('the text document is in Greek; the footnotes and the edition\u2019s documents in English', () => {
    expect(text).toMatch(/<html [^>]*xml:lang="grc" lang="grc">/);
    expect(text).toContain('<aside epub:type="footnote" role="doc-footnote" class="note" id="note-n1" xml:lang="en" lang="en">');
    expect(files['OEBPS/title.xhtml']).toMatch(/<html [^>]*xml:lang="en" lang="en">/);
    expect(files['OEBPS/content.opf']).toContain('<dc:language>grc</dc:language>');
    expect(files['OEBPS/content.opf']).toContain('<spine>');
  });

  test('verse keeps its lines: a break between them, an anchor on each, numbers through the reading', () => {
    expect(text).toContain(
      '<p class="passage passage-verse" id="p-wrath"><span class="num" title="Passage 1">1</span> <span class="line" id="p-wrath-l1">μῆνιν<a epub:type="noteref" class="noteref" role="doc-noteref" href="#note-n1" id="ref-n1">1</a> ἄειδε θεὰ</span>\n' +
        '<br/><span class="line" id="p-wrath-l2">οὐλομένην</span>\n<br/><span class="line" id="p-wrath-l3" data-n="3">πολλὰς δ᾽</span></p>',
    );
    expect(text).toContain('<span class="line" id="p-more-l4">ἐξ οὗ</span>');
  });

  test('an English paragraph says so, and its marks are set', () => {
    expect(text).toContain(
      '<p class="passage passage-paragraph" id="p-edition" xml:lang="en" lang="en"><span class="num" title="Passage 3">3</span> The <em>Oxford Classical<a epub:type="noteref" class="noteref" role="doc-noteref" href="#note-n2" id="ref-n2">2</a> Text</em>, an <em lang="la">editio maior</em>, at <a href="https://www.perseus.tufts.edu/">Perseus</a> &amp; elsewhere.</p>',
    );
  });
});

describe('an Arabic reading', () => {
  test('reads right to left, page by page too; its notes left to right in English', () => {
    const files = epubFiles(
      base({
        language: 'ar',
        passages: [{ id: 'line', number: 1, role: 'paragraph', section: 's', text: 'الخيل والليل', marks: [{ text: 'الليل', style: 'emphasis' }] }],
        notes: [{ id: 'n', number: 1, passage: 'line', end: 5, kindLabel: 'Gloss', body: '<p>Horses.</p>' }],
      }),
    );
    expect(files['OEBPS/text.xhtml']).toMatch(/<html [^>]*xml:lang="ar" lang="ar" dir="rtl">/);
    expect(files['OEBPS/text.xhtml']).toContain('class="note" id="note-n" xml:lang="en" lang="en" dir="ltr">');
    expect(files['OEBPS/content.opf']).toContain('<spine page-progression-direction="rtl">');
    for (const [name, content] of Object.entries(files)) if (!name.endsWith('.css')) expect(xmlWellFormednessErrors(content), name).toEqual([]);
  });
});
