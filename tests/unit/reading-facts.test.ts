/**
 * What the site says about a reading beside others: their order, authors, date and language by
 * name, what one reading uses of the glossary and bibliography, and what is said when reading.yaml
 * states no origin or licence (reader, EPUB, structured data).
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { ContentProblem } from '../../src/lib/content-errors.ts';
import { buildEdition, compareReadings, readingScope, type Edition, type NoteInput, type TermInput } from '../../src/lib/edition.ts';
import { epubFiles, type Book } from '../../src/lib/epub/book.ts';
import { authorList, authorName, dateTimeAttribute, displayDate, inReadingOrder, languageName, provenanceSentence } from '../../src/lib/reading-facts.ts';
import { readingJsonLd } from '../../src/lib/structured-data.ts';

describe('the order of readings', () => {
  test('by order, lowest first; readings without one after them, by title (accents and case ignored); the id breaks ties', () => {
    const readings = [
      { id: 'zeta', title: 'Zeta' },
      { id: 'beta', title: 'beta', order: 2 },
      { id: 'alpha', title: 'Alpha', order: 2 },
      { id: 'eta', title: 'Éta' },
      { id: 'last', title: 'Last', order: 10 },
      { id: 'first', title: 'First', order: -1 },
      { id: 'eta-2', title: 'Éta' },
    ];
    expect([...readings].sort(compareReadings).map((r) => r.id)).toEqual(['first', 'alpha', 'beta', 'last', 'eta', 'eta-2', 'zeta']);
  });

  test('inReadingOrder sorts collection entries the same way, leaving the input as it was', () => {
    const entries = [
      { id: 'b', data: { title: 'B' } },
      { id: 'a', data: { title: 'A', order: 3 } },
    ];
    expect(inReadingOrder(entries).map((e) => e.id)).toEqual(['a', 'b']);
    expect(entries.map((e) => e.id)).toEqual(['b', 'a']);
  });

  test('the edition lists its readings in that order, whatever order the files came in', () => {
    const reading = (id: string, title: string, order?: number) => ({ id, title, order, source: '', passages: [{ id: `${id}-p`, number: 1, start: 0, text: 'x' }] });
    const { edition } = buildEdition({ readings: [reading('c', 'Charlie'), reading('b', 'Bravo', 1), reading('a', 'Alpha')], notes: [], terms: [], sources: [], sourcesFile: 'annotations/sources.yaml' });
    expect(edition.readings.map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('a reading as people read its facts', () => {
  test.each([
    ['grc', 'Ancient Greek'],
    ['en', 'English'],
    ['en-GB', 'British English'],
    ['la', 'Latin'],
    ['ar', 'Arabic'],
    ['zh-Hant', 'Traditional Chinese'],
    ['qaa', 'qaa'],
  ])('languageName(%j) is %j', (tag, name) => {
    expect(languageName(tag)).toBe(name);
  });

  test.each([
    ['1848', '1848'],
    ['1848-02', 'February 1848'],
    ['1848-02-21', '21 February 1848'],
    ['-0700', '700 BCE'],
    ['0850', '850'],
  ])('displayDate(%j) is %j', (date, shown) => {
    expect(displayDate(date)).toBe(shown);
  });

  test.each([
    ['1848', '1848'],
    ['1848-02-21', '1848-02-21'],
    ['850', '0850'],
    ['-0700', undefined],
  ])('dateTimeAttribute(%j) is %j', (date, attribute) => {
    expect(dateTimeAttribute(date)).toBe(attribute);
  });

  test('names as they are read, and lists of them', () => {
    expect(authorName({ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' })).toBe('Ludwig van Beethoven');
    expect(authorName({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' })).toBe('Martin Luther King Jr.');
    expect(authorName({ literal: 'Ὅμηρος' })).toBe('Ὅμηρος');
    expect(authorList([{ family: 'Marx', given: 'Karl' }])).toBe('Karl Marx');
    expect(authorList([{ family: 'Marx', given: 'Karl' }, { family: 'Engels', given: 'Friedrich' }])).toBe('Karl Marx and Friedrich Engels');
    expect(authorList([{ literal: 'A' }, { literal: 'B' }, { literal: 'C' }])).toBe('A, B and C');
  });

  test('an imported file in one sentence', () => {
    expect(provenanceSentence({ file: 'essay.docx', format: 'docx', sha256: 'ab'.repeat(32) })).toBe(
      `Imported from the file \u201Cessay.docx\u201D (Word document (.docx)), whose SHA-256 is ${'ab'.repeat(32)}.`,
    );
  });
});

describe('what one reading uses', () => {
  const reading = (id: string, texts: string[]) => ({ id, title: id, source: '', passages: texts.map((text, i) => ({ id: `${id}-${i}`, number: i + 1, start: 0, text })) });
  const term = (id: string, extra: Partial<TermInput['data']> = {}, body = ''): TermInput => ({ id, file: `annotations/glossary/${id}.mdx`, data: { term: id, kind: 'concept', short: 'A term.', ...extra }, body });
  const note = (readingId: string, id: string, data: Partial<NoteInput['data']>, body = ''): NoteInput => ({
    id,
    reading: readingId,
    file: `annotations/${readingId}/${id}.mdx`,
    data: { passage: `${readingId}-0`, kind: 'context', ...data },
    body,
  });
  // Built before each test, not once as the file loads: mutation testing switches a mutant on only
  // while the tests run, so an edition built at load time would never see one.
  let edition: Edition;
  let problems: ContentProblem[];
  beforeEach(() => {
    ({ edition, problems } = buildEdition({
      readings: [reading('one', ['The commons and the market.']), reading('two', ['Nothing of ours here.'])],
      notes: [
        note('one', 'n', { sources: ['cited-by-note'] }),
        note('two', 'm', { terms: ['enclosure'] }, 'See <Cite id="cited-in-body" />.'),
      ],
      terms: [
        // In the text of "one"; its entry links to "market-failure" and cites a source.
        term('commons', { sources: ['cited-by-term'] }, 'Compare <Term id="market-failure" />.'),
        term('market-failure', { match: 'none' }),
        term('enclosure', { related: ['unused'] }),
        term('unused'),
      ],
      sources: ['cited-by-note', 'cited-by-term', 'cited-in-body', 'nowhere'].map((id) => ({ item: { id, type: 'book' as const, title: id } })),
      sourcesFile: 'annotations/sources.yaml',
    }));
  });

  test('its text\u2019s terms, its notes\u2019 terms and sources, and what those terms link to and cite; nothing else', () => {
    expect(problems).toEqual([]);
    const one = readingScope(edition, 'one');
    expect([...one.terms].sort()).toEqual(['commons', 'market-failure']);
    expect([...one.sources].sort()).toEqual(['cited-by-note', 'cited-by-term']);
    const two = readingScope(edition, 'two');
    // A related term is a suggestion, not a link the reading's glossary needs.
    expect([...two.terms]).toEqual(['enclosure']);
    expect([...two.sources]).toEqual(['cited-in-body']);
    expect(readingScope(edition, 'three')).toEqual({ terms: new Set(), sources: new Set() });
  });
});

describe('a reading whose reading.yaml states no origin and no licence', () => {
  const book: Book = {
    identifier: 'https://example.org/read/odyssey/',
    title: 'Ὀδύσσεια',
    language: 'grc',
    attribution: 'Homer',
    authors: ['Ὅμηρος'],
    date: '700 BCE',
    description: 'The opening lines.',
    siteName: 'Annotated Reader',
    url: 'https://example.org/read/odyssey/',
    modified: new Date(Date.UTC(2026, 0, 2)),
    provenance: { sentence: 'Imported from the file \u201Codyssey.docx\u201D.', omitted: ['the preface', 'page numbers'] },
    sections: [{ id: 's', title: 'Proem' }],
    passages: [{ id: 'one', number: 1, role: 'paragraph', section: 's', text: 'ἄνδρα μοι ἔννεπε' }],
    notes: [],
    questions: [],
    terms: [],
    sources: [],
  };

  test('the EPUB says the licence is not stated and where the file came from; its metadata names the authors', () => {
    const files = epubFiles(book);
    const title = files['OEBPS/title.xhtml']!;
    expect(title).toContain('<p class="byline">Homer, 700 BCE</p>');
    expect(title).toContain('<p>Imported from the file \u201Codyssey.docx\u201D. Left out of the text: the preface; page numbers.</p>');
    expect(title).toContain('<p>Licence: not stated in the source.</p>');
    expect(title).not.toContain('Source:');
    const opf = files['OEBPS/content.opf']!;
    expect(opf).toContain('<dc:creator>Ὅμηρος</dc:creator>');
    expect(opf).toContain('<dc:rights>Licence not stated in the source.</dc:rights>');
    expect(opf).not.toContain('<dc:source>');
  });

  test('the structured data leaves out what is not stated, and names the authors and the file', () => {
    const data = readingJsonLd(
      {
        title: 'Ὀδύσσεια',
        description: 'The opening lines.',
        attribution: 'Homer',
        authors: [{ literal: 'Ὅμηρος' }, { family: 'Gödel', given: 'Kurt' }],
        date: '-0700',
        language: 'grc',
        provenance: { file: 'odyssey.docx', sha256: 'ab'.repeat(32) },
        wordCount: 3,
        minutes: 1,
      },
      { page: 'https://example.org/read/odyssey/', site: 'https://example.org/', epub: 'https://example.org/read/odyssey.epub' },
      'Annotated Reader',
    );
    expect(data['license']).toBeUndefined();
    expect(data['dateCreated']).toBeUndefined();
    expect(data['author']).toEqual([{ name: 'Ὅμηρος' }, { '@type': 'Person', name: 'Kurt Gödel', familyName: 'Gödel', givenName: 'Kurt' }]);
    expect(data['isBasedOn']).toEqual({ '@type': 'MediaObject', name: 'odyssey.docx', sha256: 'ab'.repeat(32) });
  });
});
