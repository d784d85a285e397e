/**
 * Plain text and Project Gutenberg files, one rule at a time on small hand-written inputs: where a
 * Gutenberg file's header, credits and licence begin and end, what its header fields give the
 * reading, and the role each shape of text block gets.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';

type TextModule = typeof import('../../src/lib/import/text.ts');
let text: TextModule;

beforeEach(async () => {
  // The module builds its patterns when it loads; a fresh copy for each test means every test
  // checks the patterns as they are while it runs, not as some earlier file left them.
  vi.resetModules();
  text = await import('../../src/lib/import/text.ts');
});

const roles = (input: string, title?: string) => text.textBlocks(input, title).map((b) => [b.role, b.depth, b.text]);

const LICENCE = { name: 'Project Gutenberg License', url: 'https://www.gutenberg.org/policy/license.html' };
const header = (last: number) =>
  `the Project Gutenberg header, lines 1-${last} of the file (licence notice, title, author, release date, language, credits and the start line)`;
const footer = (first: number, last: number) => `the end line and the Project Gutenberg licence after the text, lines ${first}-${last} of the file`;

describe('normalising plain text', () => {
  test('old Mac and Windows line ends become LF, and a form feed a blank line', () => {
    expect(text.normaliseText('a\rb\r\nc\fd')).toBe('a\nb\nc\n\nd');
  });
});

describe('Project Gutenberg files', () => {
  test('a modern file: header fields, the transcriber’s credit, the end line and licence are read and left out', () => {
    const file = [
      'The Project Gutenberg eBook of The Old Mill',
      '',
      'Title: The Old Mill',
      '',
      'Author: Ann Lee and Bo Chen;Cy Diaz;',
      '',
      'Release date: May 1, 2004 [EBook #1234]',
      '',
      'Language: English',
      '',
      'Original publication: London: Smith, 2005',
      '',
      '*** START OF THE PROJECT GUTENBERG EBOOK THE OLD MILL ***',
      '',
      'Produced by Dan Eve',
      '',
      'First',
      'paragraph here.',
      '',
      'He read *** END OF THE PROJECT GUTENBERG EBOOK aloud.',
      '',
      "End of Project Gutenberg's notes, but the story goes on.",
      '',
      'Last paragraph.',
      '',
      '*** END OF THE PROJECT GUTENBERG EBOOK THE OLD MILL ***',
      '',
      'Licence text.',
      '',
    ].join('\n');
    expect(text.importText(file)).toStrictEqual({
      format: 'gutenberg',
      title: 'The Old Mill',
      authors: ['Ann Lee', 'Bo Chen', 'Cy Diaz'],
      language: 'en',
      date: '2005',
      origin: { url: 'https://www.gutenberg.org/ebooks/1234', site: 'Project Gutenberg', title: 'The Old Mill' },
      licence: LICENCE,
      omitted: [header(13), 'the transcribers\' credit at the start of the text ("Produced by Dan Eve")', footer(26, 28)],
      warnings: [],
      blocks: [
        // The credit ends at the first blank line: the next paragraph is text, all of it.
        { role: 'paragraph', text: 'First\nparagraph here.', spans: [] },
        // Start and end lines count only at the start of a line.
        { role: 'paragraph', text: 'He read *** END OF THE PROJECT GUTENBERG EBOOK aloud.', spans: [] },
        // An old-style closing line is only one when nothing but white space follows it.
        { role: 'paragraph', text: "End of Project Gutenberg's notes, but the story goes on.", spans: [] },
        { role: 'paragraph', text: 'Last paragraph.', spans: [] },
      ],
    });
  });

  test('an old file: the small-print end starts the text, an indented closing line ends it, fields missing or unknown give nothing', () => {
    const file = [
      'Poems, by Ann Lee',
      '',
      'Language: Klingonese',
      'Original publication: unknown',
      '',
      '*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*',
      '',
      'The first poem ends here.',
      "It was the End of Project Gutenberg's work, he said.",
      '',
      'Produced by nobody in particular, this line says.',
      '',
      '   End of the Project Gutenberg EBook of Poems, by Ann Lee',
      '',
      '[EBook #77]',
      '',
    ].join('\n');
    // The ebook number after the text is not read: only the header names the work.
    expect(text.importText(file)).toStrictEqual({
      format: 'gutenberg',
      authors: [],
      licence: LICENCE,
      // The footer begins on the closing line itself, not on the blank line before it.
      omitted: [header(6), footer(13, 15)],
      warnings: [],
      blocks: [
        { role: 'paragraph', text: "The first poem ends here.\nIt was the End of Project Gutenberg's work, he said.", spans: [] },
        // A credit is only one at the very start of the text.
        { role: 'paragraph', text: 'Produced by nobody in particular, this line says.', spans: [] },
      ],
    });
  });

  test('a start line without a space after the stars, a credit that runs to the end, and no end line at all', () => {
    const file = ['Title: Notes', '', '***START OF THIS PROJECT GUTENBERG EBOOK NOTES***', 'Produced by Ann Lee', ''].join('\n');
    expect(text.importText(file)).toStrictEqual({
      format: 'gutenberg',
      title: 'Notes',
      authors: [],
      licence: LICENCE,
      omitted: [header(3), 'the transcribers\' credit at the start of the text ("Produced by Ann Lee")'],
      warnings: [],
      blocks: [],
    });
  });

  test('a long credit is named by its first 80 characters', () => {
    const credit = 'Produced by Ann Lee, Bo Chen, Cy Diaz, Dan Eve, Eva Fox and the Online Distributed Proofreading Team';
    const file = ['*** START OF THE PROJECT GUTENBERG EBOOK NOTES ***', '', credit, '', 'Text.', ''].join('\n');
    expect(text.importText(file).omitted).toEqual([
      header(1),
      'the transcribers\' credit at the start of the text ("Produced by Ann Lee, Bo Chen, Cy Diaz, Dan Eve, Eva Fox and the Online Distribut")',
      // No end line: no licence after the text to name.
    ]);
  });

  test('an old-style closing line just before the end line is left out and named; trailing blank lines are not counted', () => {
    const file = [
      'Title: Tales',
      '',
      '*** START OF THE PROJECT GUTENBERG EBOOK TALES ***',
      '',
      'Tales',
      '',
      'A tale.',
      '',
      "End of Project Gutenberg's Tales",
      '',
      '***END OF THE PROJECT GUTENBERG EBOOK TALES***',
      'Licence.',
      '',
      '',
      '',
    ].join('\n');
    const document = text.importText(file);
    expect(document.omitted).toEqual([header(3), 'the closing line "End of Project Gutenberg\'s Tales"', footer(11, 12)]);
    expect(document.blocks).toEqual([
      { role: 'heading', depth: -1, text: 'Tales', spans: [] },
      { role: 'paragraph', text: 'A tale.', spans: [] },
    ]);
  });

  test('Gutenberg markers in the middle of a line do not make a plain text a Gutenberg file', () => {
    const file = 'See *** START OF THE PROJECT GUTENBERG EBOOK X *** in the file.\n\nThen *END*THE SMALL PRINT! ends.\n';
    expect(text.importText(file)).toStrictEqual({
      format: 'text',
      authors: [],
      omitted: [],
      warnings: [],
      blocks: [
        { role: 'paragraph', text: 'See *** START OF THE PROJECT GUTENBERG EBOOK X *** in the file.', spans: [] },
        { role: 'paragraph', text: 'Then *END*THE SMALL PRINT! ends.', spans: [] },
      ],
    });
  });
});

describe('plain text block roles', () => {
  test('a block is its role and text, with a depth only for headings', () => {
    expect(text.textBlocks('Just a sentence.\n\nCHAPTER I.')).toStrictEqual([
      { role: 'paragraph', text: 'Just a sentence.', spans: [] },
      { role: 'heading', text: 'CHAPTER I.', spans: [], depth: 3 },
    ]);
  });

  test('white space at the end of a line is dropped', () => {
    expect(roles('Text.  \t\nMore  ')).toEqual([['paragraph', undefined, 'Text.\nMore']]);
    // A line of no-break spaces is blank too, though it does not split the block.
    expect(roles('Text.\n\u00a0\u00a0\nMore')).toEqual([['paragraph', undefined, 'Text.\nMore']]);
  });

  test('heading words open a heading only at the start of its line', () => {
    expect(roles('Volume the Second\n\nPart the First\n\nChapter One\n\nScene the Last')).toEqual([
      ['heading', 1, 'Volume the Second'],
      ['heading', 2, 'Part the First'],
      ['heading', 3, 'Chapter One'],
      ['heading', 4, 'Scene the Last'],
    ]);
    expect(
      roles('Sound volume up\n\nThe book of days\n\nThe last chapter\n\nA change of scene\n\nRead the preface\n\nHenry VIII\n\nXI is eleven\n\nPreface to the reader'),
    ).toEqual([
      ['paragraph', undefined, 'Sound volume up'],
      ['paragraph', undefined, 'The book of days'],
      ['paragraph', undefined, 'The last chapter'],
      ['paragraph', undefined, 'A change of scene'],
      ['paragraph', undefined, 'Read the preface'],
      ['paragraph', undefined, 'Henry VIII'],
      ['paragraph', undefined, 'XI is eleven'],
      ['paragraph', undefined, 'Preface to the reader'],
    ]);
  });

  test('front matter in any case, with or without a full stop, and roman numerals', () => {
    expect(roles('Preface\n\nNote\n\nIntroduction.')).toEqual([
      ['heading', 2, 'Preface'],
      ['heading', 2, 'Note'],
      ['heading', 2, 'Introduction.'],
    ]);
    // Roman numerals are chapter numbers, level 3 even without other headings.
    expect(roles('XIV\n\nII.')).toEqual([
      ['heading', 3, 'XIV'],
      ['heading', 3, 'II.'],
    ]);
    expect(roles('XIV')).toEqual([['heading', 3, 'XIV']]);
  });

  test('a heading is at most two lines of at most 70 characters, not counting indentation', () => {
    const seventy = `Chapter ${'x'.repeat(62)}`;
    expect(roles(`${seventy}\n\n    ${seventy}\n\nCHAPTER I.\nThe Beginning\n\nCHAPTER II.\n${'y'.repeat(75)}`)).toEqual([
      ['heading', 3, seventy],
      ['heading', 3, `    ${seventy}`],
      ['heading', 3, 'CHAPTER I.\nThe Beginning'],
      ['paragraph', undefined, `CHAPTER II.\n${'y'.repeat(75)}`],
    ]);
  });

  test('a single short line in capitals is a heading; two lines, a trailing comma, front matter with more text, or letters without case are not', () => {
    expect(roles('ABC\n\nTHE OLD\nMILL\n\nPREFACE\nSome words\n\nHELLO, WORLD\n\nשלום עולם')).toEqual([
      ['heading', 2, 'ABC'],
      ['paragraph', undefined, 'THE OLD\nMILL'],
      ['paragraph', undefined, 'PREFACE\nSome words'],
      ['heading', 2, 'HELLO, WORLD'],
      ['paragraph', undefined, 'שלום עולם'],
    ]);
  });

  test('front matter takes the outermost depth of the keyword headings, which keep their own', () => {
    expect(roles('PREFACE\n\nBOOK ONE\n\nCHAPTER I.')).toEqual([
      ['heading', 2, 'PREFACE'],
      ['heading', 2, 'BOOK ONE'],
      ['heading', 3, 'CHAPTER I.'],
    ]);
    // The title heading's depth of -1 is not a level of the text's own headings.
    expect(roles('Tales\n\nPREFACE\n\nCHAPTER I.', 'Tales')).toEqual([
      ['heading', -1, 'Tales'],
      ['heading', 3, 'PREFACE'],
      ['heading', 3, 'CHAPTER I.'],
    ]);
  });

  test('only the first block, and only when it reads as the title, is the title heading', () => {
    expect(roles('Intro\n\nIntro', 'Intro')).toEqual([
      ['heading', -1, 'Intro'],
      ['paragraph', undefined, 'Intro'],
    ]);
    expect(roles('Something else\n\nText.', 'Intro')).toEqual([
      ['paragraph', undefined, 'Something else'],
      ['paragraph', undefined, 'Text.'],
    ]);
    // Without a title, a first block with no letters is still not a title.
    expect(roles('***\n\nText.')).toEqual([
      ['paragraph', undefined, '***'],
      ['paragraph', undefined, 'Text.'],
    ]);
    // Compared without case: "ß" is "SS" in capitals, so the title in capitals is the title.
    expect(roles('DIE STRASSE\n\nText.', 'Die Straße')).toEqual([
      ['heading', -1, 'DIE STRASSE'],
      ['paragraph', undefined, 'Text.'],
    ]);
    expect(roles('Die Strasse\n\nText.', 'Die Straße')).toEqual([
      ['heading', -1, 'Die Strasse'],
      ['paragraph', undefined, 'Text.'],
    ]);
  });

  test('an attribution is one line, up to 80 characters, starting with “by”', () => {
    const eighty = `by ${'x'.repeat(77)}`;
    expect(roles(`by  Ann Lee\n\n  by Ann Lee\n\nWritten by Ann Lee\n\nby Ann Lee\nand Bo Chen\n\n${eighty}\n\n${eighty}x`)).toEqual([
      ['attribution', undefined, 'by  Ann Lee'],
      ['attribution', undefined, '  by Ann Lee'],
      ['paragraph', undefined, 'Written by Ann Lee'],
      ['paragraph', undefined, 'by Ann Lee\nand Bo Chen'],
      ['attribution', undefined, eighty],
      ['paragraph', undefined, `${eighty}x`],
    ]);
  });

  test('a list is two or more lines that each start with a bullet, a number or a letter', () => {
    const input = [
      '- one\n- two',
      '  - one\n  - two',
      '-  one\n-  two',
      '1. one\n2. two',
      '10. ten\n11. eleven',
      'a) apple\nb) banana',
      'Apples - red\nPears - green',
      '- one\nplain',
      '- alone',
    ].join('\n\n');
    expect(roles(input).map(([role]) => role)).toEqual(['list', 'list', 'list', 'list', 'list', 'list', 'paragraph', 'paragraph', 'paragraph']);
  });

  test('a table of contents is a list when at least 60% of its lines name a division or end in a page number', () => {
    const input = [
      'Apples 1\nPears 2\nPlums 3',
      'Apples 12\nPears 34\nPlums 56',
      'Page 12 of the book\nLine 3 here',
      '  Chapter One\n  Chapter Two\n  Chapter Three',
      'Preface 1\nIndex 9',
      'Apples 1\nPears 2\nPlums 3\nno number\nnone here',
      'Apples 1\nno number\nnone here',
    ].join('\n\n');
    expect(roles(input).map(([role]) => role)).toEqual(['list', 'list', 'paragraph', 'list', 'list', 'list', 'paragraph']);
  });

  test('a stanza needs prose wrapped at 50 characters or more, and lines of at most three quarters of it', () => {
    const at50 = Array.from({ length: 3 }, (_, i) => `Prose line ${i} `.padEnd(50, 'p')).join('\n');
    const short = 'Short line number one\nShort line number two\nShort line three\nShort line four';
    expect(roles(`${at50}\n\n${short}`).map(([role]) => role)).toEqual(['paragraph', 'verse']);

    // Wrapped at 80, a line of exactly 60 characters still fits a stanza.
    const at80 = Array.from({ length: 3 }, (_, i) => `Prose line ${i} `.padEnd(80, 'p')).join('\n');
    const sixty = `${'Sixty '.padEnd(60, 's')}\nShort line two\nShort line three\nShort line four`;
    expect(roles(`${at80}\n\n${sixty}`).map(([role]) => role)).toEqual(['paragraph', 'verse']);

    // Wrapped at 40, short lines are just short prose.
    const at40 = Array.from({ length: 2 }, (_, i) => `Prose line ${i} `.padEnd(40, 'p')).join('\n');
    expect(roles(`short line\nshort line\nshort line\nshort line\n\n${at40}`).map(([role]) => role)).toEqual(['paragraph', 'paragraph']);
  });

  test('one-line paragraphs do not count toward the width the prose is wrapped at', () => {
    const prose = Array.from({ length: 4 }, (_, i) => `Prose line ${i} `.padEnd(70, 'p')).join('\n');
    const longLine = `A long single line `.padEnd(200, 'q');
    expect(roles(`${prose}\n\n${longLine}`).map(([role]) => role)).toEqual(['paragraph', 'paragraph']);
  });

  test('a quotation is two or more lines all indented by 2 to 8 spaces', () => {
    expect(roles('   Indented alone\n\n  one\ntwo\n\n        eight\n        spaces\n\n  two\n            twelve').map(([role]) => role)).toEqual([
      'paragraph',
      'paragraph',
      'quote',
      'paragraph',
    ]);
  });
});
