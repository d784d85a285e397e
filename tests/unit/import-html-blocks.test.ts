/**
 * The shared HTML adapter (saved pages, Markdown, Word and EPUB chapters all pass through it) on
 * small fragments, one rule each: which block an element becomes, which inline markup becomes a
 * mark, what is left out and how it is counted. import-formats.test.ts reads whole documents.
 */
import { describe, expect, test } from 'vitest';
import { fragmentBlocks, looksLikeVerse } from '../../src/lib/import/html-blocks.ts';

const read = (html: string, lang?: string) => fragmentBlocks(html, lang);
const shape = (html: string) => read(html).blocks.map((b) => [b.role, b.text]);

describe('what is not text', () => {
  test('each kind is left out and counted under the name the report uses, in the order met', () => {
    const walker = read(
      `<p>Before.</p><img src="a.png"><picture></picture><video></video><iframe></iframe><script>x()</script><noscript>Enable scripts</noscript>
      <style>p{}</style><template><p>t</p></template><form><input></form><nav><a href="/">Home</a></nav><math><mi>x</mi></math>
      <span role="doc-pagebreak" title="4"></span><span epub:type="pagebreak">5</span><div id="pg-header">Project Gutenberg header</div><section class="pg-boilerplate">Licence</section>
      <div hidden>Hidden words</div><p aria-hidden="true">Hidden too</p><p aria-hidden="false">Shown.</p><object></object><embed><audio></audio><canvas></canvas><svg></svg><button>Go</button><select></select><textarea></textarea>`,
    );
    expect(walker.blocks.map((b) => b.text)).toEqual(['Before.', 'Shown.']);
    expect(walker.omitted()).toEqual([
      'images (4)',
      'audio and video (2)',
      'embedded frames (3)',
      'scripts (2)',
      'style sheets (1)',
      'templates (1)',
      'forms (4)',
      'navigation (1)',
      'formulas (1)',
      'page numbers (2)',
      'the Project Gutenberg header and licence (2)',
    ]);
  });

  test('inside a paragraph too: an image, a page number and a hidden word are not words of it', () => {
    const walker = read('<p>One <img alt="picture">two<span role="doc-pagebreak">7</span> three<span hidden> four</span>.</p>');
    expect(walker.blocks.map((b) => b.text)).toEqual(['One two three.']);
    expect(walker.omitted()).toEqual(['images (1)', 'page numbers (1)']);
  });
});

describe('blocks', () => {
  test('headings keep their level; bylines, addresses and the parts of a description list', () => {
    const blocks = read(
      '<h1>One</h1><h4>Four</h4><h6>Six</h6><p class="byline">By Ann</p><p class="dateline">Paris</p><address>Ann, Paris</address><dl><dt>Term</dt><dd>Meaning</dd></dl><details><summary>More</summary><p>Inside.</p></details><figure><img src="x"><figcaption>Caption</figcaption></figure><hr><div class="author">Ann Smith</div><div class="signature"><p>Yours, Ann</p></div>',
    ).blocks;
    expect(blocks.map((b) => [b.role, b.depth, b.text])).toEqual([
      ['heading', 1, 'One'],
      ['heading', 4, 'Four'],
      ['heading', 6, 'Six'],
      ['attribution', undefined, 'By Ann'],
      ['attribution', undefined, 'Paris'],
      ['attribution', undefined, 'Ann, Paris'],
      ['paragraph', undefined, 'Term'],
      ['paragraph', undefined, 'Meaning'],
      ['paragraph', undefined, 'More'],
      ['paragraph', undefined, 'Inside.'],
      ['paragraph', undefined, 'Caption'],
      ['attribution', undefined, 'Ann Smith'],
      ['paragraph', undefined, 'Yours, Ann'],
    ]);
  });

  test('inside a block quotation paragraphs, description parts and preformatted text are quotes; bare text too', () => {
    expect(shape('<blockquote>Bare words<p>A paragraph.</p><dl><dd>A part.</dd></dl><pre>kept</pre></blockquote><p>After.</p>')).toEqual([
      ['quote', 'Bare words'],
      ['quote', 'A paragraph.'],
      ['quote', 'A part.'],
      ['quote', 'kept'],
      ['paragraph', 'After.'],
    ]);
  });

  test('lists: bullets and numbers, a start and an item value, nested lists indented, a stray item, task boxes dropped', () => {
    expect(
      shape(
        '<ol start="3"><li>three</li><li value="7">seven</li><li>eight<ul><li>inner</li><li><input type="checkbox"> task</li></ul></li></ol><ul><li>dot</li><ol><li>misplaced</li></ol></ul><li>stray</li><ol start="x"><li>bad start</li></ol>',
      ),
    ).toEqual([
      ['list', '3. three\n7. seven\n8. eight\n  • inner\n  • task'],
      ['list', '• dot\n  1. misplaced'],
      ['list', '• stray'],
      ['list', '1. bad start'],
    ]);
  });

  test('a paragraph inside an item continues its line after a space', () => {
    expect(shape('<ul><li><p>First part.</p><p>Second part.</p></li></ul>')).toEqual([['list', '• First part. Second part.']]);
  });

  test('a table: its caption, then a row a line, cells joined by a bar, header and body alike', () => {
    expect(shape('<table><caption>Yields</caption><thead><tr><th>Year</th><th>Tons</th></tr></thead><tbody><tr><td>1850</td><td>12</td></tr><script>x</script></tbody></table>')).toEqual([
      ['list', 'Yields\nYear | Tons\n1850 | 12'],
    ]);
  });

  test('preformatted text keeps its lines and spaces, without trailing spaces', () => {
    expect(shape('<pre>line one   \n  indented\n\nafter a blank</pre>')).toEqual([['paragraph', 'line one\n  indented\nafter a blank']]);
  });

  test('a paragraph of short lines is a stanza; one long line among them keeps it prose', () => {
    const long = 'This line of prose runs on well past the seventy-two characters a verse line has.';
    expect(shape(`<p>Short line one<br>short line two</p><p>${long}<br>short</p><p>One line only</p>`)).toEqual([
      ['verse', 'Short line one\nshort line two'],
      ['paragraph', `${long}\nshort`],
      ['paragraph', 'One line only'],
    ]);
  });
});

describe('poems', () => {
  test('a poem of stanzas: each stanza one verse passage, each line a line; a heading inside the poem stays a heading', () => {
    expect(
      shape('<div class="poem"><h3>Title</h3><div class="stanza"><span class="line">one</span><span class="line">two</span></div><p>three<br>four</p><div>five</div></div>'),
    ).toEqual([
      ['heading', 'Title'],
      ['verse', 'one\ntwo'],
      ['verse', 'three\nfour'],
      ['verse', 'five'],
    ]);
  });

  test('a poem without stanzas, or a stanza alone, is one verse passage', () => {
    expect(shape('<div class="verse">alpha<br>beta<img src="x"></div><div class="lg"><span class="l">gamma</span><span class="verse-line">delta</span></div>')).toEqual([
      ['verse', 'alpha\nbeta'],
      ['verse', 'gamma\ndelta'],
    ]);
  });
});

describe('notes', () => {
  test('a footnotes section: its hidden label dropped, its heading kept, each note a reference without its back link', () => {
    expect(
      shape(
        '<p>Text.</p><section data-footnotes><h2 class="sr-only">Footnotes</h2><h3>Notes</h3><ol><li>First note. <a href="#r1" data-footnote-backref>↩</a></li><li>Second. <a href="#r2" role="doc-backlink">↩</a></li></ol><p>A note as a paragraph.</p><span>An inline note.</span></section>',
      ),
    ).toEqual([
      ['paragraph', 'Text.'],
      ['heading', 'Notes'],
      ['reference', '1. First note.'],
      ['reference', '2. Second.'],
      ['reference', 'A note as a paragraph.'],
      ['reference', 'An inline note.'],
    ]);
  });

  test('an EPUB footnote aside and an endnotes list are notes too', () => {
    expect(shape('<aside epub:type="footnote"><p>An aside.</p></aside><div role="doc-endnotes"><ul><li>End.</li></ul></div>')).toEqual([
      ['reference', 'An aside.'],
      ['reference', '• End.'],
    ]);
  });
});

describe('inline markup and context', () => {
  test('elements and styles that are marks', () => {
    const [block] = read(
      '<p><i>a</i> <cite>b</cite> <dfn>c</dfn> <var>d</var> <b>e</b> <sup>f</sup> <sub>g</sub> <kbd>h</kbd> <samp>i</samp> <tt>j</tt> <span class="smallcaps">k</span> <span style="font-variant: small-caps">l</span> <span style="font-style:italic">m</span> <span style="font-weight: 700">n</span> <span style="font-weight:bold">o</span> <span style="font-weight:400">p</span> <u>q</u></p>',
    ).blocks;
    expect(block!.text).toBe('a b c d e f g h i j k l m n o p q');
    expect(block!.spans).toEqual([
      { start: 0, end: 7, style: 'emphasis' },
      { start: 8, end: 9, style: 'strong' },
      { start: 10, end: 11, style: 'superscript' },
      { start: 12, end: 13, style: 'subscript' },
      { start: 14, end: 19, style: 'code' },
      { start: 20, end: 23, style: 'small-caps' },
      { start: 24, end: 25, style: 'emphasis' },
      { start: 26, end: 29, style: 'strong' },
    ]);
  });

  test('links, languages other than the block’s, line breaks inside a paragraph and word-break opportunities', () => {
    const [first, second] = read('<p lang="en">See <a href="https://example.org/a">the page</a>, <span lang="fr">bonjour</span>, <span lang="en">hello</span>.</p><p>long<wbr>word</p>', 'de').blocks;
    expect(first).toEqual({
      role: 'paragraph',
      text: 'See the page, bonjour, hello.',
      lang: 'en',
      spans: [
        { start: 4, end: 12, link: 'https://example.org/a' },
        { start: 14, end: 21, lang: 'fr' },
      ],
    });
    expect(second).toEqual({ role: 'paragraph', text: 'longword', lang: 'de', spans: [] });
  });

  test('a language and a direction on a container reach its blocks; a direction that is neither rtl nor ltr is not one', () => {
    const blocks = read('<div lang="ar" dir="RTL"><p>نص</p><div dir="auto"><p>نص آخر</p></div></div><div dir="ltr" lang="en"><p>text</p></div>').blocks;
    expect(blocks.map((b) => [b.text, b.lang, b.dir])).toEqual([
      ['نص', 'ar', 'rtl'],
      ['نص آخر', 'ar', 'rtl'],
      ['text', 'en', 'ltr'],
    ]);
  });
});

test.each([
  ['two short lines', 'one\ntwo', true],
  ['one line', 'one', false],
  ['an empty line between', 'one\n\ntwo', false],
  ['a line of 72 characters', `${'x'.repeat(72)}\nshort`, true],
  ['a line of 73 characters', `${'x'.repeat(73)}\nshort`, false],
])('looksLikeVerse: %s', (_case, text, expected) => {
  expect(looksLikeVerse(text)).toBe(expected);
});
