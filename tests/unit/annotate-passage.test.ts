import { describe, expect, test } from 'vitest';
import { annotatePassageHtml } from '../../src/lib/annotate-passage.ts';

const strip = (html: string) => html.replace(/<a class="note-ref[^]*?<\/a>/g, '').replace(/<[^>]+>/g, '');

describe('annotatePassageHtml: textual apparatus marks', () => {
  test('an apparatus note leaves its phrase unmarked and puts a small sign after it, linked to its row, read as "Textual note 2"', () => {
    const html = annotatePassageHtml({ text: 'kicking of or providing', role: 'paragraph' }, [{ id: 'kick', number: 2, kind: 'apparatus', start: 0, end: 10 }], []);
    expect(html).toBe(
      'kicking of<a class="app-ref" href="#note-kick" id="ref-kick" aria-label="Textual note 2"></a> or providing',
    );
  });

  test('where a note and an apparatus entry end at the same place, the note\'s number comes first, whatever their numbers', () => {
    const html = annotatePassageHtml(
      { text: 'Ronfeld wrote', role: 'paragraph' },
      [
        { id: 'typo', number: 1, kind: 'apparatus', start: 0, end: 7 },
        { id: 'who', number: 5, kind: 'context', start: 0, end: 7 },
      ],
      [],
    );
    expect(html).toBe(
      '<span class="anno" id="ref-who">Ronfeld</span><a class="note-ref" href="#note-who" aria-label="Note 5"></a>' +
        '<a class="app-ref" href="#note-typo" id="ref-typo" aria-label="Textual note 1"></a> wrote',
    );
  });

  test('an apparatus entry on the whole passage puts its sign at the end', () => {
    const html = annotatePassageHtml({ text: 'TIMN', role: 'paragraph' }, [{ id: 'eol', number: 3, kind: 'apparatus' }], []);
    expect(html).toBe('TIMN<a class="app-ref" href="#note-eol" id="ref-eol" aria-label="Textual note 3"></a>');
  });
});

describe('annotatePassageHtml', () => {
  test('marks a phrase and puts its numbered marker right after it', () => {
    const html = annotatePassageHtml({ text: 'kicking of or providing', role: 'paragraph' }, [{ id: 'kick', number: 3, kind: 'editorial', start: 0, end: 10 }], []);
    expect(html).toBe(
      '<span class="anno anno--editorial" id="ref-kick">kicking of</span>' +
        '<a class="note-ref" href="#note-kick" aria-label="Note 3"></a>' +
        ' or providing',
    );
  });

  test('a whole-passage note puts its marker at the end, with no phrase mark: the marker is what the note links back to', () => {
    const html = annotatePassageHtml({ text: 'Some text.', role: 'paragraph' }, [{ id: 'all', number: 1, kind: 'context' }], []);
    expect(html).toBe('Some text.<a class="note-ref" href="#note-all" id="ref-all" aria-label="Note 1"></a>');
  });

  test('only the kinds that look different give their phrase a class of their own', () => {
    const html = annotatePassageHtml(
      { text: 'one two three', role: 'paragraph' },
      [
        { id: 'q', number: 1, kind: 'question', start: 0, end: 3 },
        { id: 'g', number: 2, kind: 'gloss', start: 4, end: 7 },
      ],
      [],
    );
    expect(html).toContain('<span class="anno anno--question" id="ref-q">one</span>');
    expect(html).toContain('<span class="anno" id="ref-g">two</span>');
  });

  test('a glossary term inside an annotated phrase nests inside it as a link to its entry', () => {
    const text = 'the peer production of common value';
    const html = annotatePassageHtml(
      { text, role: 'paragraph' },
      [{ id: 'n1', number: 1, kind: 'gloss', start: 4, end: 35 }],
      [{ termId: 'peer-production', start: 4, end: 19 }],
    );
    expect(html).toContain(
      '<span class="anno" id="ref-n1"><a class="term" href="/glossary/peer-production/">peer production</a> of common value</span>',
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
    // The phrase split around the other keeps its id on the first piece; the second names its note.
    expect(html.match(/id="ref-b"/g)).toHaveLength(1);
    expect(html.match(/data-anno="b"/g)).toHaveLength(1);
    expect(html.indexOf('id="ref-b"')).toBeLessThan(html.indexOf('data-anno="b"'));
    expect(html.indexOf('href="#note-a"')).toBeLessThan(html.indexOf('href="#note-b"'));
    expect(strip(html)).toBe(text);
  });

  test('notes ending at the same place share one marker: "Notes 1, 4, 5", linked to the first, naming every note', () => {
    const html = annotatePassageHtml(
      { text: 'the partner state', role: 'paragraph' },
      [
        { id: 'five', number: 5, kind: 'context' },
        { id: 'one', number: 1, kind: 'gloss', start: 4, end: 17 },
        { id: 'four', number: 4, kind: 'context' },
        { id: 'two', number: 2, kind: 'gloss', start: 0, end: 3 },
      ],
      [],
    );
    expect(html).toBe(
      '<span class="anno" id="ref-two">the</span><a class="note-ref" href="#note-two" aria-label="Note 2"></a> ' +
        '<span class="anno" id="ref-one">partner state</span>' +
        // Each whole-passage note keeps an anchor for its way back: the first on the link itself.
        '<span id="ref-five"></span>' +
        '<a class="note-ref k3" href="#note-one" id="ref-four" aria-label="Notes 1, 4, 5" data-n="1, 4, 5"></a>',
    );
    expect(strip(html)).toBe('the partner state');
  });

  test('more than nine notes ending at one place are split over markers side by side, each counting its own', () => {
    const notes = Array.from({ length: 11 }, (_, i) => ({ id: `n${i + 1}`, number: i + 1, kind: 'context', start: 0, end: 4 }));
    const html = annotatePassageHtml({ text: 'text', role: 'paragraph' }, notes, []);
    expect(html.match(/<a class="note-ref[^>]*>/g)).toEqual([
      '<a class="note-ref k9" href="#note-n1" aria-label="Notes 1, 2, 3, 4, 5, 6, 7, 8, 9" data-n="1, 2, 3, 4, 5, 6, 7, 8, 9">',
      '<a class="note-ref k2" href="#note-n10" aria-label="Notes 10, 11" data-n="10, 11">',
    ]);
  });

  test('a heading\'s markers, kept apart side by side, make one marker listing its notes in reading order, not by number', () => {
    const apart: string[] = [];
    annotatePassageHtml(
      { text: 'RC Smith on anti-statism', role: 'heading' },
      [
        { id: 'late', number: 60, kind: 'context', start: 12, end: 24 },
        { id: 'early', number: 61, kind: 'context', start: 0, end: 8 },
        { id: 'also', number: 62, kind: 'context', start: 0, end: 8 },
      ],
      [],
      undefined,
      { markersApart: apart },
    );
    expect(apart).toEqual(['<a class="note-ref k3" href="#note-early" aria-label="Notes 61, 62, 60" data-n="61, 62, 60"></a>']);
  });

  test('list passages render one item per line', () => {
    const html = annotatePassageHtml({ text: '  • one\n  • two', role: 'list' }, [], [{ termId: 'two', start: 12, end: 15 }], (p) => `/base${p}`);
    expect(html).toBe('<li>• one</li>\n<li>• <a class="term" href="/base/glossary/two/">two</a></li>');
  });

  test('escapes text and attribute values', () => {
    const html = annotatePassageHtml({ text: 'a <b> & "c"', role: 'paragraph' }, [], []);
    expect(html).toBe('a &lt;b&gt; &amp; &quot;c&quot;');
  });
});
