/**
 * The shared half of every importer, on small hand-written documents: how a tree of blocks becomes
 * source.txt and reading.yaml (ids, sections, heading levels, marks, languages, the description and
 * the metadata), and the helpers it uses for names, dates, licences and marks.
 */
import { describe, expect, test } from 'vitest';
import type { ImportBlock, ImportedDocument } from '../../src/lib/import/model.ts';
import { buildReading, cslName, IdPool, idWords, licenceAddress, marksOf, normaliseDate, type ReadingOptions } from '../../src/lib/import/reading.ts';

const block = (role: ImportBlock['role'], text: string, extra: Partial<ImportBlock> = {}): ImportBlock => ({ role, text, spans: [], ...extra });

function documentOf(blocks: ImportBlock[], extra: Partial<ImportedDocument> = {}): ImportedDocument {
  return { format: 'markdown', authors: ['Ann Writer'], language: 'en', blocks, omitted: [], warnings: [], ...extra };
}

const build = (document: ImportedDocument, options: Partial<ReadingOptions> = {}) =>
  buildReading(document, { fileName: 'notes.md', bytes: new Uint8Array(), ...options });

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('id words and the id pool', () => {
  test('a very long word is cut to its first 24 letters', () => {
    expect(idWords('Supercalifragilisticexpialidocious day')).toEqual(['supercalifragilisticexpi', 'day']);
  });

  test('the same base handed out again is numbered from 2 on', () => {
    const pool = new IdPool();
    expect([pool.take('chorus', 'passage'), pool.take('chorus', 'passage'), pool.take('chorus', 'passage')]).toEqual(['chorus', 'chorus-2', 'chorus-3']);
  });

  test('numbering skips an id that was handed out as a base of its own', () => {
    // "Chorus 2" may be a passage's own words before two passages that are just "Chorus".
    const pool = new IdPool();
    expect([pool.take('chorus-2', 'passage'), pool.take('chorus', 'passage'), pool.take('chorus', 'passage')]).toEqual(['chorus-2', 'chorus', 'chorus-3']);
  });

  test('a base that is not a slug gives way to the fallback, numbered like any other', () => {
    const pool = new IdPool();
    expect([pool.take('', 'stanza'), pool.take('', 'stanza')]).toEqual(['stanza', 'stanza-2']);
  });
});

describe('names as CSL has them', () => {
  test.each([
    ['a full stop after a surname is dropped', 'Jane Austen.', { family: 'Austen', given: 'Jane' }],
    ['initials keep their full stops', 'J. R. Tolkien.', { family: 'Tolkien', given: 'J. R.' }],
    ['a final initial keeps its full stop', 'Tolkien, J. R.', { family: 'Tolkien', given: 'J. R.' }],
    ['a final initial keeps its full stop when the name ends in white space', 'Tolkien, J. R.\n', { family: 'Tolkien', given: 'J. R.' }],
    ['runs of spaces count as one', '  Jane   Austen ', { family: 'Austen', given: 'Jane' }],
    ['spaces around the comma are not part of the name', 'Austen , Jane', { family: 'Austen', given: 'Jane' }],
    ['two given names stay together', 'Mary Ann Evans', { family: 'Evans', given: 'Mary Ann' }],
    ['a two-word particle keeps its space', 'Vincent van der Berg', { family: 'Berg', given: 'Vincent', 'non-dropping-particle': 'van der' }],
    ['a word only ending like a particle is a given name', 'Juan Ivan Rodriguez', { family: 'Rodriguez', given: 'Juan Ivan' }],
    ['a word only starting like a particle is a given name', 'Anna delmar Ruiz', { family: 'Ruiz', given: 'Anna delmar' }],
    ['the first word is never taken as a particle', 'le Carré', { family: 'Carré', given: 'le' }],
    ['after the comma a year is not a given name', 'Smith, 1950', { literal: 'Smith' }],
    ['a comma with nothing after it leaves a literal name', 'Smith,', { literal: 'Smith' }],
    ['a given name with a number later in it is still a given name', 'Smith, Anne 2nd', { family: 'Smith', given: 'Anne 2nd' }],
  ])('%s', (_, written, csl) => {
    expect(cslName(written)).toStrictEqual(csl);
  });

  test('white space alone is no name', () => {
    expect(cslName('   ')).toBeUndefined();
  });
});

describe('dates', () => {
  test.each([
    ['1848-02', '1848-02'],
    ['1848 edition', '1848'],
    ['February 21, 1848', '1848-02-21'],
    ['June 27, 2008', '2008-06-27'],
    ['June 5, 2008', '2008-06-05'],
    ['June of 2008', '2008-06'],
    ['Mon, June 2008', '2008-06'],
    ['June 27, 08', undefined],
  ])('%s → %s', (written, date) => {
    expect(normaliseDate(written)).toBe(date);
  });
});

describe('licence addresses', () => {
  test.each([
    ['CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['CC BY-SA 4.0', 'https://creativecommons.org/licenses/by-sa/4.0/'],
    ['CC BY NC SA 3.0', 'https://creativecommons.org/licenses/by-nc-sa/3.0/'],
    ['cc by-nd 2.5', 'https://creativecommons.org/licenses/by-nd/2.5/'],
    ['CCBY4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['CC0 1.0 Universal', 'https://creativecommons.org/publicdomain/zero/1.0/'],
    ['All rights reserved', undefined],
  ])('%s → %s', (name, url) => {
    expect(licenceAddress(name)).toBe(url);
  });
});

describe('marks', () => {
  test('marks come in text order whatever order the spans come in', () => {
    const marks = marksOf('Call me Ishmael.', [
      { start: 8, end: 15, style: 'emphasis' },
      { start: 0, end: 4, style: 'strong' },
    ]);
    expect(marks).toStrictEqual([
      { text: 'Call', style: 'strong' },
      { text: 'Ishmael', style: 'emphasis' },
    ]);
  });

  test('of two marks starting together the longer comes first', () => {
    const marks = marksOf('Call me Ishmael.', [
      { start: 0, end: 4, style: 'emphasis' },
      { start: 0, end: 7, style: 'strong' },
    ]);
    expect(marks).toStrictEqual([
      { text: 'Call me', style: 'strong' },
      { text: 'Call', style: 'emphasis' },
    ]);
  });

  test('white space at either end of a span is not part of the mark', () => {
    expect(marksOf('Call me Ishmael.', [{ start: 4, end: 8, style: 'emphasis' }])).toStrictEqual([{ text: 'me', style: 'emphasis' }]);
  });

  test('a span over white space only gives no mark', () => {
    expect(marksOf('Call me Ishmael.', [{ start: 4, end: 5, style: 'strong' }])).toStrictEqual([]);
  });

  test('spans over the same words add up: a later span without a link or language keeps the earlier ones', () => {
    const marks = marksOf('Call me Ishmael.', [
      { start: 0, end: 4, link: 'https://example.org/' },
      { start: 0, end: 4, lang: 'la' },
      { start: 0, end: 4, style: 'strong' },
      { start: 0, end: 4, style: 'emphasis' },
      { start: 0, end: 4, style: 'strong' },
    ]);
    expect(marks).toStrictEqual([{ text: 'Call', style: ['strong', 'emphasis'], link: 'https://example.org/', lang: 'la' }]);
  });

  test('a mark says only what it has', () => {
    const marks = marksOf('Call me Ishmael.', [
      { start: 0, end: 4, link: 'https://example.org/' },
      { start: 8, end: 15, lang: 'he' },
    ]);
    expect(marks).toStrictEqual([
      { text: 'Call', link: 'https://example.org/' },
      { text: 'Ishmael', lang: 'he' },
    ]);
  });

  test('words that occur twice say which occurrence is meant', () => {
    expect(marksOf('the cat and the dog', [{ start: 12, end: 15, style: 'strong' }])).toStrictEqual([{ text: 'the', occurrence: 2, style: 'strong' }]);
  });
});

describe('building a reading', () => {
  test('blocks with only white space are left out', () => {
    const reading = build(documentOf([block('paragraph', 'First words.'), block('paragraph', '  \t '), block('paragraph', 'Last words.')]));
    expect(reading.source).toBe('First words.\n\nLast words.\n');
    expect(reading.meta.passages.map((p) => [p.id, p.lines])).toEqual([
      ['first-words', 1],
      ['last-words', 3],
    ]);
  });

  test('sections start at level-2 headings; what comes before is the opening', () => {
    const reading = build(
      documentOf([block('paragraph', 'Before anything.'), block('heading', 'Part one', { depth: 1 }), block('paragraph', 'Inside part one.'), block('paragraph', 'Still inside.')], {
        title: 'Collected notes',
      }),
    );
    expect(reading.meta.sections).toStrictEqual([
      { id: 'collected-notes', title: 'Collected notes' },
      { id: 'part-one', title: 'Part one' },
    ]);
    expect(reading.meta.passages.map((p) => p.section)).toEqual(['collected-notes', 'part-one', 'part-one', 'part-one']);
  });

  test('passages and sections without words get ids from their role', () => {
    const reading = build(
      documentOf([block('paragraph', '* * *'), block('heading', '— —', { depth: 2 }), block('verse', '~ ~\n~ ~'), block('paragraph', 'Plain words.')], { title: '* * *' }),
    );
    expect(reading.meta.sections.map((s) => s.id)).toEqual(['opening', 'section']);
    expect(reading.meta.passages.map((p) => p.id)).toEqual(['passage', 'heading', 'stanza', 'plain-words']);
  });

  test('list markers are not words of an id, however the items are numbered or indented', () => {
    const reading = build(documentOf([block('list', '1. Fruit\n  2. Apples\n10. Pears')]));
    expect(reading.meta.passages[0]!.id).toBe('fruit-apples-pears');
  });

  test.each([
    ['my_great--essay.v2.txt', 'My great essay.v2'],
    ['_notes_.txt', 'Notes'],
    ['.txt', 'Untitled'],
  ])('without a title or heading, %s gives the title %s', (fileName, title) => {
    const reading = build(documentOf([block('paragraph', 'Plain words.')]), { fileName });
    expect(reading.meta.title).toBe(title);
  });

  test.each([
    ['ode.v2.txt', 'ode-v2'],
    ['___.txt', 'reading'],
  ])('a title without letters takes the reading id from the file name %s', (fileName, id) => {
    const reading = build(documentOf([block('paragraph', 'Plain words.')], { title: '* * *' }), { fileName });
    expect(reading.id).toBe(id);
  });

  test.each([
    ['a heading above all others at the start is the title (level 2) and the next depth is level 2 too', [[undefined, 'Title'], [3, 'Part']], [2, 2]],
    ['a first heading that is not the highest is ranked with the rest', [[3, 'Intro'], [2, 'Main']], [3, 2]],
    ['a first heading is not the title when one later heading is higher', [[2, 'Tee'], [1, 'Aye'], [3, 'Bee']], [3, 2, 4]],
    ['depths are ranked by depth, not by the order they appear in', [[1, 'Book'], [3, 'Scene'], [2, 'Act']], [2, 3, 2]],
  ] as const)('%s', (_, headings, levels) => {
    const blocks = headings.flatMap(([depth, text]) => [block('heading', text, depth === undefined ? {} : { depth }), block('paragraph', `About ${text}.`)]);
    const reading = build(documentOf(blocks));
    expect(reading.meta.passages.filter((p) => p.role === 'heading').map((p) => p.level)).toEqual(levels);
  });

  test("a passage's language and direction are kept only where they differ from the reading's", () => {
    const reading = build(
      documentOf([
        block('paragraph', 'Bonjour tout le monde.', { lang: 'fr' }),
        block('paragraph', 'Hello there.', { lang: 'en', dir: 'ltr' }),
        block('paragraph', 'Turned around.', { dir: 'rtl' }),
      ]),
    );
    expect(reading.meta.passages).toStrictEqual([
      { id: 'bonjour-tout-le-monde', lines: 1, role: 'paragraph', section: 'notes', lang: 'fr' },
      { id: 'hello-there', lines: 3, role: 'paragraph', section: 'notes' },
      { id: 'turned-around', lines: 5, role: 'paragraph', section: 'notes', dir: 'rtl' },
    ]);
  });

  test("a span in the passage's own language is no mark; one in another language is", () => {
    const reading = build(
      documentOf([
        block('paragraph', 'Hello amigo mio.', {
          spans: [
            { start: 0, end: 5, lang: 'en' },
            { start: 6, end: 15, lang: 'es' },
          ],
        }),
        block('paragraph', 'Bonjour my friend.', { lang: 'fr', spans: [{ start: 0, end: 7, lang: 'fr' }, { start: 8, end: 17, lang: 'en' }] }),
      ]),
    );
    expect(reading.meta.passages.map((p) => p.marks)).toStrictEqual([[{ text: 'amigo mio', lang: 'es' }], [{ text: 'my friend', lang: 'en' }]]);
  });

  test('several authors are listed in the attribution, and no warning is given', () => {
    const reading = build(documentOf([block('paragraph', 'Plain words.')], { authors: ['Ann Smith', 'Bob Jones', 'Cy Young'] }));
    expect(reading.meta.attribution).toBe('Ann Smith, Bob Jones and Cy Young');
    expect(reading.meta.authors).toStrictEqual([
      { family: 'Smith', given: 'Ann' },
      { family: 'Jones', given: 'Bob' },
      { family: 'Young', given: 'Cy' },
    ]);
    expect(reading.warnings).toEqual([]);
  });

  test('an author the file gives as white space is no author', () => {
    const reading = build(documentOf([block('paragraph', 'Plain words.')], { authors: ['  ', 'Jane Austen'] }));
    expect(reading.meta.attribution).toBe('Jane Austen');
    expect(reading.meta.authors).toStrictEqual([{ family: 'Austen', given: 'Jane' }]);
  });

  test('an --author of white space adds no author to the metadata', () => {
    const reading = build(documentOf([block('paragraph', 'Plain words.')]), { author: '   ' });
    expect(reading.meta.authors).toBeUndefined();
  });

  test('a file without an author says so in the attribution and warns', () => {
    const reading = build(documentOf([block('paragraph', 'Plain words.')], { authors: [] }));
    expect(reading.meta.attribution).toBe('Author not stated in the imported file');
    expect(reading.warnings).toEqual(['the file names no author: attribution says "Author not stated in the imported file"; run again with --author "…" or edit reading.yaml.']);
  });

  test.each(['paragraph', 'quote', 'verse'] as const)('the description comes from the first %s, not from headings or lists', (role) => {
    const reading = build(documentOf([block('heading', 'Big title'), block('list', '• one\n• two'), block(role, 'The first\nwords.')]));
    expect(reading.meta.description).toBe('The first words.');
  });

  test('the description comes from the first prose of at least twenty words', () => {
    const reading = build(
      documentOf([
        block('paragraph', 'Short opening.'),
        block('paragraph', 'Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho  sigma tau.'),
        block('paragraph', 'One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.'),
      ]),
    );
    expect(reading.meta.description).toBe('One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty.');
  });

  test('without prose the description names the file', () => {
    const reading = build(documentOf([block('heading', 'Big title'), block('list', '• one\n• two')]));
    expect(reading.meta.description).toBe('Big title, imported from notes.md.');
  });

  test('a short paragraph is the whole description', () => {
    expect(build(documentOf([block('paragraph', 'A short paragraph.')])).meta.description).toBe('A short paragraph.');
  });

  test('a paragraph of exactly 200 characters is the whole description', () => {
    const text = `${'wordy '.repeat(33)}ok`;
    expect(text).toHaveLength(200);
    expect(build(documentOf([block('paragraph', text)])).meta.description).toBe(text);
  });

  test('a long paragraph is described by its first sentence', () => {
    const text =
      'This opening sentence runs on for quite a while before it finally comes to a stop here. Then a second sentence follows, and it keeps going long enough that the whole paragraph is well past the limit of two hundred characters.';
    expect(text.length).toBeGreaterThan(200);
    expect(build(documentOf([block('paragraph', text)])).meta.description).toBe('This opening sentence runs on for quite a while before it finally comes to a stop here.');
  });

  test('a long paragraph without an early sentence end is cut at a word, with an ellipsis', () => {
    const text = `${'wordy '.repeat(40)}end. More words follow here.`;
    expect(build(documentOf([block('paragraph', text)])).meta.description).toBe(`${'wordy '.repeat(32)}wordy …`);
  });

  test("the origin's own title and the address's host name are used", () => {
    const reading = build(documentOf([block('paragraph', 'Plain words.')], { title: 'Notes', origin: { url: 'https://example.org/essays/1', title: 'Essay page', site: '' } }));
    expect(reading.meta.origin).toStrictEqual({ url: 'https://example.org/essays/1', title: 'Essay page', site: 'example.org' });
  });

  test('a Creative Commons licence named without an address gets one', () => {
    const reading = build(documentOf([block('paragraph', 'Plain words.')], { licence: { name: 'CC BY-SA 4.0' } }));
    expect(reading.meta.licence).toStrictEqual({ name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' });
    expect(reading.warnings).toEqual([]);
  });

  test('another licence without an address is left out, with a warning', () => {
    const reading = build(documentOf([block('paragraph', 'Plain words.')], { licence: { name: 'All rights reserved' } }));
    expect(Object.keys(reading.meta)).not.toContain('licence');
    expect(reading.warnings).toEqual(['the file states the licence "All rights reserved" without an address; add `licence: { name, url }` to reading.yaml.']);
  });

  test("a direction is recorded only where it is not the language's own", () => {
    const rtlEnglish = build(documentOf([block('paragraph', 'Plain words.')], { direction: 'rtl' }));
    expect(rtlEnglish.meta.direction).toBe('rtl');
    const arabic = build(documentOf([block('paragraph', 'مرحبا بالعالم')], { language: 'ar', direction: 'rtl' }));
    expect(Object.keys(arabic.meta)).not.toContain('direction');
  });

  test('a plain document has only the fields it has, and a provenance without omissions', () => {
    const reading = build(documentOf([block('paragraph', 'Plain words.')]));
    expect(Object.keys(reading.meta)).toEqual(['title', 'authors', 'description', 'attribution', 'language', 'provenance', 'sha256', 'sections', 'passages']);
    expect(reading.meta.provenance).toStrictEqual({ file: 'notes.md', format: 'markdown', sha256: EMPTY_SHA256 });
  });

  test('what the importer left out is in the provenance', () => {
    const reading = build(documentOf([block('paragraph', 'Plain words.')], { omitted: ['images (2)'] }));
    expect(reading.meta.provenance).toStrictEqual({ file: 'notes.md', format: 'markdown', sha256: EMPTY_SHA256, omitted: ['images (2)'] });
  });

  test('reading.yaml opens with a comment naming the reading, the command and the rules for editors', () => {
    const reading = build(documentOf([block('paragraph', 'Plain words.')], { title: 'Notes' }));
    expect(reading.yaml.split('\n').slice(0, 4)).toEqual([
      '# Notes — metadata and passage map, written by `npm run import` from notes.md.',
      '# source.txt beside this file is the imported text: never edit it; mark its defects with editorial notes.',
      '# Ids are permanent once notes or links use them. Line numbers are those of `cat -n source.txt`.',
      '',
    ]);
  });
});
