import { describe, expect, test } from 'vitest';
import { annotatePassageHtml } from '../../src/lib/annotate-passage.ts';
import { markProblems, markRange, occurrencesOf, placeMark, placeMarks, type InlineMark, type PlacedMark } from '../../src/lib/inline-marks.ts';
import { renderRanges } from '../../src/lib/render-ranges.ts';

const TEXT = 'The Greek follows the Oxford Classical Text of Monro and Allen, an editio maior, as the Perseus Digital Library gives it.';

/** Text content of rendered HTML, note markers left out (as the reader's copying leaves them out). */
const plain = (html: string) =>
  html
    .replace(/<a class="note-ref"[^>]*>.*?<\/a>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** Every element closes in the order it opened. */
function wellNested(html: string): boolean {
  const stack: string[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>/g)) {
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  return stack.length === 0;
}

describe('placing marks', () => {
  test.each([
    ['once', 'abc abd', 'abd', undefined, 4],
    ['the second of two', 'ab ab', 'ab', 2, 3],
    ['the first, asked for', 'ab ab', 'ab', 1, 0],
    ['non-overlapping occurrences', 'aaaa', 'aa', 2, 2],
  ])('%s', (_name, text, words, occurrence, start) => {
    const { placed } = placeMark(text, { text: words, occurrence, style: 'emphasis' }, 'p');
    expect(placed?.start).toBe(start);
    expect(placed?.end).toBe(start + words.length);
  });

  test('occurrences do not overlap', () => expect(occurrencesOf('aaaa', 'aa')).toEqual([0, 2]));

  test.each([
    [
      'words not in the passage',
      { text: 'Oxford Classical Texts', style: 'emphasis' },
      'the words "Oxford Classical Texts" do not occur in passage "edition" ("The Greek follows the Oxford Classical Text of Monro and All…").',
      'quote the words exactly as source.txt has them (spelling, accents, punctuation and spaces), within this one passage.',
    ],
    [
      'an occurrence past the last',
      { text: 'Greek', occurrence: 2, style: 'small-caps' },
      'occurrence 2 of "Greek" is asked for, but passage "edition" has the words once.',
      'remove `occurrence`: the words occur once.',
    ],
    [
      'words that occur twice with no occurrence',
      { text: 'the', style: 'strong' },
      'the words "the" occur 2 times in passage "edition" and no `occurrence` says which.',
      'add `occurrence: 1` … `occurrence: 2` (counting from the start of the passage), or quote more words.',
    ],
  ] as [string, InlineMark, string, string][])('refused: %s', (_name, mark, message, fix) => {
    expect(placeMark(TEXT, mark, 'edition').problem).toEqual({ message, fix });
  });

  test('the check names the file, the line and the field of each mark it refuses', () => {
    const passages = [
      { id: 'title', text: 'A title' },
      { id: 'edition', text: TEXT, marks: [{ text: 'Greek', style: 'small-caps' as const }, { text: 'Latin', lang: 'la' }] },
    ];
    const problems = markProblems(passages, { file: 'src/content/readings/r/reading.yaml', lineOf: (path) => (path.join('.') === 'passages.1.marks.1' ? 31 : undefined) });
    expect(problems).toEqual([
      {
        kind: 'mark-not-found',
        file: 'src/content/readings/r/reading.yaml',
        line: 31,
        field: 'passages[1].marks[1]',
        message: `the words "Latin" do not occur in passage "edition" ("The Greek follows the Oxford Classical Text of Monro and All…").`,
        fix: 'quote the words exactly as source.txt has them (spelling, accents, punctuation and spaces), within this one passage.',
      },
    ]);
  });

  test('placeMarks leaves out what cannot be placed', () => {
    expect(placeMarks('abc', [{ text: 'x', style: 'code' }, { text: 'b', style: 'code' }])).toEqual([{ start: 1, end: 2, styles: ['code'] }]);
  });
});

describe('mark elements', () => {
  const placed = (mark: Partial<PlacedMark>): PlacedMark => ({ start: 0, end: 1, styles: [], ...mark });
  test.each([
    ['emphasis', placed({ styles: ['emphasis'] }), '<em>', '</em>'],
    ['strong italic, in the order written', placed({ styles: ['strong', 'emphasis'] }), '<strong><em>', '</em></strong>'],
    ['superscript', placed({ styles: ['superscript'] }), '<sup>', '</sup>'],
    ['subscript', placed({ styles: ['subscript'] }), '<sub>', '</sub>'],
    ['small caps, by a class', placed({ styles: ['small-caps'] }), '<span class="sc">', '</span>'],
    ['code', placed({ styles: ['code'] }), '<code>', '</code>'],
    ['a language alone', placed({ lang: 'la' }), '<span lang="la">', '</span>'],
    ['a language on the outermost element', placed({ styles: ['emphasis'], lang: 'la' }), '<em lang="la">', '</em>'],
    ['a right-to-left language in left-to-right text gets its direction', placed({ lang: 'he' }), '<span lang="he" dir="rtl">', '</span>'],
    ['a link outside the styles', placed({ link: 'https://example.org/?a=1&b=2', styles: ['emphasis'] }), '<a href="https://example.org/?a=1&amp;b=2"><em>', '</em></a>'],
    ['a link the URL policy refuses is left out', placed({ link: 'javascript:alert(1)', styles: ['emphasis'] }), '<em>', '</em>'],
  ])('%s', (_name, mark, open, close) => {
    const range = markRange(mark, 0, 'ltr');
    expect(range.open).toBe(open);
    expect(range.close).toBe(close);
  });

  test('an English title inside Arabic text says its direction', () => {
    expect(markRange({ start: 0, end: 1, styles: ['emphasis'], lang: 'en' }, 0, 'rtl').open).toBe('<em lang="en" dir="ltr">');
  });
});

describe('marks with notes and terms', () => {
  const marks = placeMarks(TEXT, [
    { text: 'Oxford Classical Text', style: 'emphasis' },
    { text: 'editio maior', style: 'emphasis', lang: 'la' },
    { text: 'Perseus Digital Library', link: 'https://www.perseus.tufts.edu/' },
  ]);
  const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });
  const notes = [
    { id: 'monro', number: 1, kind: 'gloss', ...at('Text of Monro') },
    { id: 'editio', number: 2, kind: 'gloss', ...at('an editio') },
    { id: 'perseus', number: 3, kind: 'gloss', ...at('the Perseus Digital') },
  ];

  test('overlapping ranges are split into well-nested elements and the text is unchanged', () => {
    const html = annotatePassageHtml({ text: TEXT, role: 'paragraph' }, notes, [], undefined, { marks });
    expect(wellNested(html)).toBe(true);
    expect(plain(html)).toBe(TEXT);
    expect(html).toContain('<em>Oxford Classical <span class="anno" id="ref-monro">Text</span></em><span class="anno" data-anno="monro"> of Monro</span>');
  });

  test('a note marker never lands inside a link; it follows it', () => {
    const html = annotatePassageHtml({ text: TEXT, role: 'paragraph' }, notes, [], undefined, { marks });
    expect(html).toMatch(/Library<\/a><a class="note-ref" href="#note-perseus"/);
    expect(html).not.toMatch(/<a href="https:[^"]*">(?:(?!<\/a>).)*<a /);
  });

  test('a glossary term inside a link is not marked (no link inside a link)', () => {
    const html = annotatePassageHtml({ text: TEXT, role: 'paragraph' }, [], [{ termId: 'perseus', ...at('Perseus') }], undefined, { marks });
    expect(html).not.toContain('class="term"');
    expect(plain(html)).toBe(TEXT);
  });

  test('markers take the site language when the text is in another', () => {
    const html = annotatePassageHtml({ text: 'μῆνιν ἄειδε', role: 'paragraph' }, [{ id: 'm', number: 1, kind: 'gloss', start: 0, end: 5 }], [], undefined, { markerLang: 'en' });
    expect(html).toBe('<span class="anno" id="ref-m">μῆνιν</span><a class="note-ref" href="#note-m" lang="en" aria-label="Note 1"></a> ἄειδε');
  });

  test('random overlaps of marks, notes and terms always nest and keep the text', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const text = 'one two\nthree four five\nsix seven';
    for (let round = 0; round < 300; round++) {
      const span = () => {
        const a = random(text.length);
        const b = random(text.length);
        return { start: Math.min(a, b), end: Math.max(a, b) + 1 };
      };
      const placed = Array.from({ length: random(4) }, () => ({ ...span(), styles: ['emphasis' as const], ...(random(2) ? { link: 'https://example.org/' } : {}) }));
      const someNotes = Array.from({ length: random(4) }, (_, i) => ({ id: `n${i}`, number: i + 1, kind: 'gloss', ...span() }));
      const terms = Array.from({ length: random(3) }, (_, i) => ({ termId: `t${i}`, ...span() }));
      for (const role of ['paragraph', 'verse', 'list']) {
        const verse = role === 'verse' ? { passageId: 'p', firstLine: 1, every: 2 } : undefined;
        const html = annotatePassageHtml({ text, role }, someNotes, terms, undefined, { marks: placed, verse });
        expect(wellNested(html), html).toBe(true);
        if (role !== 'list') expect(plain(html)).toBe(text);
        expect(html).not.toMatch(/<a [^>]*>(?:(?!<\/a>).)*<a /s);
      }
    }
  });
});

test('renderRanges: a link range pushes insertions to its end', () => {
  expect(renderRanges('abcdef', [{ key: 'l', start: 1, end: 5, open: '<a>', close: '</a>', link: true }], [{ at: 3, html: '^' }])).toBe('a<a>bcde</a>^f');
});

test('an apparatus mark in text of another language names the site language too', () => {
  const html = annotatePassageHtml({ text: 'μῆνιν ἄειδε', role: 'paragraph' }, [{ id: 'a', number: 1, kind: 'apparatus', start: 0, end: 5 }], [], undefined, { markerLang: 'en' });
  expect(html).toBe('μῆνιν<a class="app-ref" href="#note-a" id="ref-a" lang="en" aria-label="Textual note 1"></a> ἄειδε');
});
