import { describe, expect, test } from 'vitest';
import { annotatePassageHtml } from '../../src/lib/annotate-passage.ts';

const strip = (html: string) => html.replace(/<a class="note-ref[^]*?<\/a>/g, '').replace(/<[^>]+>/g, '');

describe('annotatePassageHtml', () => {
  test('marks a phrase and puts its numbered marker right after it', () => {
    const html = annotatePassageHtml({ text: 'kicking of or providing', role: 'paragraph' }, [{ id: 'kick', number: 3, kind: 'editorial', start: 0, end: 10 }], []);
    expect(html).toBe(
      '<span class="anno anno--editorial" data-anno="kick">kicking of</span>' +
        '<a class="note-ref apparatus" href="#note-kick" id="ref-kick" data-note-ref="kick" aria-label="Note 3" data-pagefind-ignore>3</a>' +
        ' or providing',
    );
  });

  test('a whole-passage note puts its marker at the end, with no phrase mark', () => {
    const html = annotatePassageHtml({ text: 'Some text.', role: 'paragraph' }, [{ id: 'all', number: 1, kind: 'context' }], []);
    expect(html).toMatch(/^Some text\.<a class="note-ref apparatus" href="#note-all"/);
    expect(html).not.toContain('anno--');
  });

  test('a glossary term inside an annotated phrase nests inside it as a link to its entry', () => {
    const text = 'the peer production of common value';
    const html = annotatePassageHtml(
      { text, role: 'paragraph' },
      [{ id: 'n1', number: 1, kind: 'gloss', start: 4, end: 35 }],
      [{ termId: 'peer-production', start: 4, end: 19 }],
    );
    expect(html).toContain(
      '<span class="anno anno--gloss" data-anno="n1"><a class="term" href="/glossary/peer-production/" data-term="peer-production">peer production</a> of common value</span>',
    );
    expect(strip(html)).toBe(text);
  });

  test('two notes on overlapping phrases: both marked, markup nested, markers in place', () => {
    const text = 'autonomous civil-society projects';
    const html = annotatePassageHtml(
      { text, role: 'paragraph' },
      [
        { id: 'a', number: 1, kind: 'gloss', start: 0, end: 24 },
        { id: 'b', number: 2, kind: 'context', start: 11, end: 33 },
      ],
      [],
    );
    expect(html.match(/data-anno="b"/g)).toHaveLength(2);
    expect(html.indexOf('href="#note-a"')).toBeLessThan(html.indexOf('href="#note-b"'));
    expect(strip(html)).toBe(text);
  });

  test('list passages render one item per line', () => {
    const html = annotatePassageHtml({ text: '  • one\n  • two', role: 'list' }, [], [{ termId: 'two', start: 12, end: 15 }], (p) => `/base${p}`);
    expect(html).toBe('<li>• one</li>\n<li>• <a class="term" href="/base/glossary/two/" data-term="two">two</a></li>');
  });

  test('escapes text and attribute values', () => {
    const html = annotatePassageHtml({ text: 'a <b> & "c"', role: 'paragraph' }, [], []);
    expect(html).toBe('a &lt;b&gt; &amp; &quot;c&quot;');
  });
});
