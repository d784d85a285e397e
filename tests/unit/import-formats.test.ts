/**
 * The importer, format by format, on realistic files: every word of the original is in source.txt
 * in order, and the passage map gives the sections, roles, heading levels, verse lines, languages
 * and marks the file has; ids are readable, unique and the same on a second import. Pure: bytes in,
 * the two files out (the command and the project's loader are tested in import-cli.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SLUG_PATTERN } from '../../src/lib/ids.ts';
import { importFile, MAX_IMPORT_MB, type ImportedReading } from '../../src/lib/import/index.ts';
import { cslName, normaliseDate, slugFromWords } from '../../src/lib/import/reading.ts';
import { splitBlocks, words } from '../../src/lib/passages.ts';
import { ReadingMetaSchema } from '../../src/schemas/reading.ts';
import { buildEpub } from '../fixtures/import/build.ts';
import { ALLOTMENT_LINK, allotmentDocx, tygerEpub } from '../fixtures/import/documents.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/import');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const load = (name: string, bytes: Uint8Array = fixture(name), extra: { lang?: string } = {}) => importFile(bytes, { fileName: name, ...extra });

/** Each passage of the map with its text from source.txt. */
function passagesOf(reading: ImportedReading) {
  const blocks = splitBlocks(reading.source);
  return reading.meta.passages.map((entry, index) => ({ ...entry, text: blocks[index]!.text }));
}
const byText = (reading: ImportedReading, start: string) => {
  const found = passagesOf(reading).find((p) => p.text.startsWith(start));
  if (!found) throw new Error(`no passage starts with "${start}"`);
  return found;
};

/** `expected` occurs in `actual` word for word, in order (other words may come between). */
function expectWordsInOrder(actual: string, expected: string) {
  const have = words(actual);
  let at = 0;
  for (const word of words(expected)) {
    const found = have.indexOf(word, at);
    expect(found, `"${word}" (after word ${at} of the source)`).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

/** What every import must be, whatever the format. */
function expectWellFormed(reading: ImportedReading) {
  expect(ReadingMetaSchema.safeParse(parseYaml(reading.yaml)).success).toBe(true);
  const blocks = splitBlocks(reading.source);
  expect(blocks).toHaveLength(reading.meta.passages.length);
  const ids = reading.meta.passages.map((p) => p.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(SLUG_PATTERN);
  expect(reading.id).toMatch(SLUG_PATTERN);
  for (const passage of passagesOf(reading)) {
    for (const mark of passage.marks ?? []) {
      const count = passage.text.split(mark.text).length - 1;
      expect(count, `mark "${mark.text}" in ${passage.id}`).toBeGreaterThanOrEqual(mark.occurrence ?? 1);
    }
  }
}

// Each describe imports its file before each test, not once as the file loads: mutation testing
// switches a mutant on only while the tests run, so an import made at load time would never see one.
describe('Project Gutenberg text', () => {
  let reading: ImportedReading;
  beforeEach(async () => {
    reading = await load('christmas-carol-pg46.txt');
  });
  const original = fixture('christmas-carol-pg46.txt').toString('utf8').replace(/\r\n/g, '\n');
  const body = original.slice(original.indexOf('A CHRISTMAS CAROL\n'), original.indexOf('*** END OF THE PROJECT'));

  test('the text between the start and end lines is source.txt, every word in order, and nothing else', () => {
    expect(words(reading.source)).toEqual(words(body));
    expect(reading.source).not.toMatch(/Gutenberg|START OF THE|END OF THE PROJECT|FULL LICENSE|Release date/);
  });

  test('the header and the licence are recorded as left out, with their lines', () => {
    expect(reading.meta.provenance).toMatchObject({ file: 'christmas-carol-pg46.txt', format: 'gutenberg' });
    expect(reading.meta.provenance?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(reading.meta.provenance?.omitted).toEqual([
      'the Project Gutenberg header, lines 1-27 of the file (licence notice, title, author, release date, language, credits and the start line)',
      'the end line and the Project Gutenberg licence after the text, lines 122-215 of the file',
    ]);
  });

  test('staves and front matter are headings opening sections; the contents are a list; "by …" an attribution', () => {
    expect(reading.meta.sections.map((s) => s.title)).toEqual([
      'A CHRISTMAS CAROL',
      'PREFACE',
      'CONTENTS',
      "STAVE I: MARLEY'S GHOST",
      'STAVE II: THE FIRST OF THE THREE SPIRITS',
      'STAVE V: THE END OF IT',
    ]);
    // The contents list names the stave first, so its heading's id is the second of those words.
    expect(byText(reading, 'Stave   I').id).toBe('stave-i-marleys-ghost');
    expect(byText(reading, 'STAVE I:')).toMatchObject({ id: 'stave-i-marleys-ghost-2', role: 'heading', level: 2 });
    expect(byText(reading, 'Stave   I')).toMatchObject({ role: 'list', section: 'contents' });
    expect(byText(reading, 'by Charles Dickens')).toMatchObject({ role: 'attribution' });
    expect(byText(reading, 'MARLEY was dead')).toMatchObject({ id: 'marley-dead-begin-no', role: 'paragraph', section: 'stave-i-marleys-ghost' });
  });
});

describe('saved web page', () => {
  let reading: ImportedReading;
  beforeEach(async () => {
    reading = await load('commons-essay.html');
  });
  const passages = () => passagesOf(reading);

  test('only the article: no navigation, banner, cookie notice, aside, form or footer', () => {
    for (const chrome of ['Archive', 'Donate', 'cookies', 'Related reading', 'Subscribe', 'Privacy policy', 'Share this article', 'Tags:']) {
      expect(reading.source).not.toContain(chrome);
    }
    expectWordsInOrder(
      reading.source,
      'Tending the Commons By Maria Okafor A common is not simply a thing held in common. Ruin is the destination toward which all men rush. The un Food and Agriculture Organization. The principles are listed in chapter three of the book.',
    );
    expect(reading.meta.provenance?.omitted).toEqual([
      "the page's banner, with its navigation (7 words)",
      "the page's aside, with its form (16 words)",
      "2 of the page's footers (20 words)",
      'other text outside the main article, as Readability judged it (13 words)',
    ]);
  });

  test('headings, byline, quotation and list have their roles; h2 open sections, h3 does not', () => {
    expect(passages().map((p) => p.role)).toEqual([
      'heading', 'attribution', 'paragraph', 'paragraph', 'heading', 'paragraph', 'quote', 'paragraph', 'heading', 'paragraph', 'list', 'paragraph', 'heading', 'paragraph',
    ]);
    expect(reading.meta.sections).toEqual([
      { id: 'tending-commons', title: 'Tending the Commons' },
      { id: 'old-argument', title: 'An old argument' },
      { id: 'what-lasting-commons-share', title: 'What lasting commons share' },
    ]);
    expect(byText(reading, 'A note on sources')).toMatchObject({ role: 'heading', level: 3, section: 'what-lasting-commons-share' });
    expect(byText(reading, '• clearly').text.split('\n')).toHaveLength(3);
  });

  test('emphasis, strong, links, superscript, small capitals and Latin are marks', () => {
    expect(byText(reading, 'A common is').marks).toEqual([
      { text: 'resource', style: 'emphasis' },
      { text: 'community', occurrence: 1, style: 'emphasis' },
      { text: 'rules', style: 'strong' },
    ]);
    expect(byText(reading, 'Her findings').marks).toEqual([
      { text: 'Governing the Commons', style: 'emphasis', link: 'https://doi.org/10.1017/CBO9780511807763' },
      { text: '1', occurrence: 2, style: 'superscript' },
    ]);
    expect(byText(reading, 'The opposite view').marks).toEqual([
      { text: 'res nullius', lang: 'la' },
      { text: 'res communis', lang: 'la' },
    ]);
    expect(byText(reading, 'The un Food').marks).toEqual([{ text: 'un', style: 'small-caps' }]);
  });
});

describe('Markdown, right to left', () => {
  let reading: ImportedReading;
  beforeEach(async () => {
    reading = await load('commons-arabic.md');
  });

  test('every word in order; Markdown syntax and front matter are not in the text', () => {
    const markdown = fixture('commons-arabic.md').toString('utf8');
    // The footnote reference is its number, set superscript; the note itself is numbered as a list.
    const text = markdown.slice(markdown.indexOf('# ')).replace(/\[\^1\]:/, '1.').replace(/\[\^1\]/, '1');
    expectWordsInOrder(reading.source, text.replace(/\(https?:[^)]+\)/g, '').replace(/<[^>]+>/g, ''));
    expect(reading.source).not.toMatch(/[#*>]|\]\(|---|lang:/);
  });

  test('sections from the headings, roles, the English paragraph, marks and the footnote', () => {
    expect(reading.meta.sections.map((s) => s.title)).toEqual(['المشاعات وإدارتها', 'أصل الفكرة', 'المبادئ']);
    expect(passagesOf(reading).map((p) => p.role)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'quote', 'heading', 'list', 'paragraph', 'reference']);
    expect(byText(reading, 'Elinor Ostrom')).toMatchObject({ lang: 'en', marks: [{ text: 'Governing the Commons', style: 'emphasis' }] });
    expect(byText(reading, 'Elinor Ostrom').dir).toBeUndefined();
    expect(byText(reading, 'المشاعات موارد').marks).toEqual([
      { text: 'موارد مشتركة', style: 'strong' },
      { text: 'قواعد', occurrence: 1, style: 'emphasis' },
    ]);
    expect(byText(reading, 'كتبت').marks).toContainEqual({ text: 'حوكمة المشاعات', link: 'https://doi.org/10.1017/CBO9780511807763' });
    expect(byText(reading, '1. انظر')).toMatchObject({ role: 'reference' });
    for (const passage of reading.meta.passages) expect(passage.id).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('verse and short pages', () => {
  test('Markdown lines ended by a hard break are a stanza, each line one line of source.txt', async () => {
    const poem = '---\ntitle: The Tyger\nlang: en\n---\n# The Tyger\n\nTyger Tyger, burning bright,  \nIn the forests of the night;  \nWhat immortal hand or eye,  \nCould frame thy *fearful* symmetry?\n\nA note on the poem follows here, in prose that runs on past the width of any verse line in the poem above it.\n';
    const reading = await load('tyger.md', Buffer.from(poem));
    expect(passagesOf(reading).map((p) => [p.role, p.text.split('\n').length])).toEqual([['heading', 1], ['verse', 4], ['paragraph', 1]]);
    expect(byText(reading, 'Tyger Tyger').marks).toEqual([{ text: 'fearful', style: 'emphasis' }]);
  });

  test('a short page keeps its text and leaves out its navigation and footer', async () => {
    const page = '<!doctype html><html lang="en"><head><title>Notice</title></head><body><nav><a href="/">Home</a></nav><h1>Notice</h1><p>The garden opens at nine.</p><footer>Contact us</footer></body></html>';
    const reading = await load('notice.html', Buffer.from(page));
    expect(reading.source).toBe('Notice\n\nThe garden opens at nine.\n');
    expect(reading.meta.provenance?.omitted).toEqual(["the page's navigation (1 word)", "the page's footer (2 words)"]);
  });
});

describe('Word document', () => {
  let reading: ImportedReading;
  beforeEach(async () => {
    reading = await load('allotments.docx', allotmentDocx());
  });

  test('Title and headings, bulleted and numbered lists, a quotation', () => {
    expect(reading.source).toBe(
      [
        'The Allotment Gardens of Leipzig',
        'The Schrebergarten takes its name from Moritz Schreber, a Leipzig physician, although the first gardens were laid out after his death.',
        'Origins',
        'In 1864 the schoolteacher Ernst Hauschild founded an association1 to give the children of the city a place to play. The first garden colony opened in 1869.',
        '• Plots are leased, not owned.\n• Members must grow some fruit or vegetables.\n• Each colony elects its own board.',
        'Rules of the colony',
        '1. Keep the paths clear.\n2. Compost on the plot.',
        'A garden is a small republic, and its hedges are its constitution.',
        'Today',
        'The national federation, the bdg, counts almost a million members.',
        'See the federation’s website for current figures.',
      ].join('\n\n') + '\n',
    );
    expect(passagesOf(reading).map((p) => [p.role, p.level])).toEqual([
      ['heading', 2], ['paragraph', undefined], ['heading', 2], ['paragraph', undefined], ['list', undefined], ['heading', 3],
      ['list', undefined], ['quote', undefined], ['heading', 2], ['paragraph', undefined], ['paragraph', undefined],
    ]);
    expect(reading.meta.sections.map((s) => s.id)).toEqual(['allotment-gardens-leipzig', 'origins', 'today']);
  });

  test('italics, bold, superscript, small capitals and the hyperlink are marks', () => {
    expect(byText(reading, 'The Schrebergarten').marks).toEqual([{ text: 'Schrebergarten', style: 'emphasis' }]);
    expect(byText(reading, 'In 1864').marks).toEqual([
      { text: '1', occurrence: 2, style: 'superscript' },
      { text: 'first garden colony', style: 'strong' },
    ]);
    expect(byText(reading, '• Plots').marks).toEqual([{ text: 'must', style: 'emphasis' }]);
    expect(byText(reading, 'The national').marks).toEqual([{ text: 'bdg', style: 'small-caps' }]);
    expect(byText(reading, 'See the').marks).toEqual([{ text: 'federation’s website', link: ALLOTMENT_LINK }]);
  });
});

describe('EPUB', () => {
  let reading: ImportedReading;
  beforeEach(async () => {
    reading = await load('blake.epub', tygerEpub());
  });

  test('the spine in order; navigation, page numbers and the non-linear colophon left out and recorded', () => {
    expect(reading.source).not.toMatch(/Contents|Colophon|font nobody|42/);
    expectWordsInOrder(reading.source, 'The Tyger Tyger Tyger burning bright What the hand dare seize the fire A Note on the Text The French line above');
    expect(reading.meta.provenance?.omitted).toEqual([
      "the book's table of contents (OEBPS/nav.xhtml)",
      '1 spine item outside the reading order (linear="no")',
      'page numbers (1)',
    ]);
  });

  test('an EPUB 2 chapter with HTML entities (not well-formed XML) is read as HTML', async () => {
    const xhtml = '<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>I</title></head><body><h2>Chapter&nbsp;I</h2><p>It was the best of times,&nbsp;it was the <em>worst</em> of times.</p></body></html>';
    const tale = await load('tale.epub', buildEpub({ title: 'A Tale', language: 'en', chapters: [{ file: 'c1.xhtml', xhtml }] }));
    expect(tale.source).toBe('Chapter\u00a0I\n\nIt was the best of times,\u00a0it was the worst of times.\n');
    expect(byText(tale, 'It was').marks).toEqual([{ text: 'worst', style: 'emphasis' }]);
  });

  test('each stanza is one verse passage, one verse line per line; the footnote and the French line', () => {
    expect(byText(reading, 'Tyger Tyger')).toMatchObject({ role: 'verse', id: 'tyger-tyger-burning-bright' });
    expect(byText(reading, 'Tyger Tyger').text).toBe('Tyger Tyger, burning bright,\nIn the forests of the night;\nWhat immortal hand or eye,\nCould frame thy fearful symmetry?');
    expect(byText(reading, 'In what distant').text.split('\n')).toHaveLength(4);
    expect(byText(reading, 'Blake engraved')).toMatchObject({ role: 'reference' });
    expect(byText(reading, 'Tigre, tigre')).toMatchObject({ lang: 'fr' });
    expect(byText(reading, 'From Songs').marks).toEqual([{ text: 'Songs of Experience', style: 'emphasis' }]);
  });
});

describe('TEI P5 with Greek verse', () => {
  let reading: ImportedReading;
  beforeEach(async () => {
    reading = await load('odyssey-book1.xml');
  });

  test('each lg is a verse passage and each l one line of source.txt', () => {
    const verse = passagesOf(reading).filter((p) => p.role === 'verse');
    expect(verse.map((p) => p.text.split('\n').length)).toEqual([5, 5]);
    expect(verse[0]!.text.split('\n')[0]).toBe('ἄνδρα μοι ἔννεπε, μοῦσα, πολύτροπον, ὃς μάλα πολλὰ');
    expect(verse[1]!.text.split('\n')[2]).toBe('νήπιοι, οἳ κατὰ βοῦς Ὑπερίονος Ἠελίοιο');
    expect(verse.map((p) => p.id)).toEqual(['andra-moi-ennepe-moysa', 'all-oyd-hos-hetaroys']);
    expect(verse[0]!.lang).toBeUndefined();
  });

  test('divisions and heads give sections and levels; xml:lang gives passage and mark languages', () => {
    expect(reading.meta.sections).toEqual([
      { id: 'odysseias-a', title: 'ΟΔΥΣΣΕΙΑΣ Α' },
      { id: 'butlers-translation', title: "Butler's translation" },
    ]);
    expect(byText(reading, 'What the opening')).toMatchObject({ role: 'heading', level: 3, lang: 'en' });
    expect(byText(reading, 'Tell me, O Muse')).toMatchObject({ role: 'paragraph', lang: 'en' });
    expect(byText(reading, 'Dic mihi')).toMatchObject({ role: 'quote', lang: 'la' });
    expect(byText(reading, 'Tell me, too').marks).toEqual([
      { text: 'many turns', style: 'emphasis' },
      { text: 'πολύτροπος', style: 'emphasis', lang: 'grc' },
      { text: 'Odyssey', style: 'emphasis' },
    ]);
    expect(byText(reading, '1. the man')).toMatchObject({ role: 'list', marks: [{ text: 'ἄνδρα', lang: 'grc' }] });
    expect(byText(reading, 'Horace')).toMatchObject({ role: 'reference' });
  });

  test('a note leaves its paragraph whole and follows it; the page break is left out', () => {
    expect(byText(reading, 'Tell me, O Muse').text).toContain('safely home; but do what he might');
    const order = passagesOf(reading).map((p) => p.text.slice(0, 14));
    expect(order.indexOf('Butler renders')).toBe(order.indexOf('Tell me, O Mus') + 1);
    expect(reading.meta.provenance?.omitted).toEqual(['the TEI header (its title, authors, licence and source are in reading.yaml)', 'page breaks (1)']);
  });
});

test('TEI drama: each speech’s passages name their speaker; the speaker’s name is an attribution', async () => {
  const play = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Hamlet</title><author>William Shakespeare</author></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
<text xml:lang="en"><body><div type="scene"><head>Act III, Scene I</head>
<sp who="#hamlet"><speaker>HAMLET.</speaker><l>To be, or not to be, that is the question:</l><l>Whether ’tis nobler in the mind to suffer</l></sp>
<stage>Enter Ophelia.</stage>
<sp who="#ophelia"><speaker>OPHELIA.</speaker><p>Good my lord, how does your honour for this many a day?</p></sp></div></body></text></TEI>`;
  const reading = await load('hamlet.xml', Buffer.from(play));
  expect(passagesOf(reading).map((p) => [p.role, p.speaker, p.text.split('\n').length])).toEqual([
    ['heading', undefined, 1],
    ['attribution', 'HAMLET', 1],
    ['verse', 'HAMLET', 2],
    ['paragraph', undefined, 1],
    ['attribution', 'OPHELIA', 1],
    ['paragraph', 'OPHELIA', 1],
  ]);
});

/** Each format's own metadata, as reading.yaml gives it; `absent` are fields the file does not give. */
const METADATA: { format: string; name: string; file: string; bytes?: () => Uint8Array; id?: string; meta: Record<string, unknown>; absent?: (keyof ImportedReading['meta'])[] }[] = [
  {
    format: 'Project Gutenberg text', file: 'christmas-carol-pg46.txt', id: 'christmas-carol-prose-being-ghost',
    name: 'the header gives title, author, language, original date, licence and address',
    meta: {
      title: 'A Christmas Carol in Prose; Being a Ghost Story of Christmas',
      authors: [{ family: 'Dickens', given: 'Charles' }], attribution: 'Charles Dickens',
      language: 'en', date: '1843',
      licence: { name: 'Project Gutenberg License', url: 'https://www.gutenberg.org/policy/license.html' },
      origin: { url: 'https://www.gutenberg.org/ebooks/46', site: 'Project Gutenberg' },
    },
  },
  {
    format: 'saved web page', file: 'commons-essay.html',
    name: 'the head gives title, author, date, language, description, licence and canonical address',
    meta: {
      title: 'Tending the Commons',
      authors: [{ family: 'Okafor', given: 'Maria' }],
      date: '2021-05-04', language: 'en-GB',
      description: 'Why shared resources last when the people who use them also make the rules.',
      licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
      origin: { url: 'https://commonsjournal.example.org/2021/05/tending-commons/', site: 'Commons Journal', title: 'Tending the Commons' },
    },
  },
  {
    format: 'Markdown, right to left', file: 'commons-arabic.md',
    name: 'front matter gives the metadata; Arabic needs no direction (it follows from the language)',
    meta: {
      title: 'المشاعات وإدارتها',
      authors: [{ family: 'الحداد', given: 'سلمى' }],
      date: '2023-03-14', language: 'ar',
      licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      provenance: { omitted: ['the YAML front matter (its fields are in reading.yaml)'] },
    },
    absent: ['direction'],
  },
  {
    format: 'Word document', file: 'allotments.docx', bytes: allotmentDocx,
    name: 'core properties and the default language give the metadata',
    meta: {
      title: 'The Allotment Gardens of Leipzig',
      authors: [{ family: 'Weber', given: 'Anna' }],
      date: '2022-09-01', language: 'en-GB',
      description: 'How the Schrebergarten movement began in Leipzig and what it asks of its members.',
      provenance: { file: 'allotments.docx', format: 'docx' },
    },
    absent: ['licence', 'origin'],
  },
  {
    format: 'EPUB', file: 'blake.epub', bytes: tygerEpub,
    name: 'package metadata: title, author (not the book producer), language, date, rights, source',
    meta: {
      title: 'Songs of Experience: a selection',
      authors: [{ family: 'Blake', given: 'William' }], attribution: 'William Blake',
      language: 'en', date: '1794',
      licence: { name: 'CC0 1.0 Universal', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
      origin: { url: 'https://www.gutenberg.org/ebooks/1934' },
    },
  },
  {
    format: 'TEI P5 with Greek verse', file: 'odyssey-book1.xml',
    name: 'teiHeader: title, subtitle, author, licence, address, the date of composition',
    meta: {
      title: 'Odyssey',
      subtitle: "The opening of Book 1, with Samuel Butler's translation",
      authors: [{ literal: 'Homer' }],
      date: '-0700', language: 'grc',
      licence: { name: 'Creative Commons Attribution-ShareAlike 4.0 International', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
      origin: { url: 'https://www.perseus.tufts.edu/hopper/text?doc=Perseus:text:1999.01.0135', site: 'Annotated Reader' },
    },
  },
];

test.each(METADATA)('$format: $name', async ({ file, bytes, id, meta, absent = [] }) => {
  const reading = await load(file, bytes?.());
  expectWellFormed(reading);
  expect(reading.meta).toMatchObject(meta);
  for (const field of absent) expect(reading.meta[field], field).toBeUndefined();
  if (id) expect(reading.id).toBe(id);
});

describe('ids', () => {
  test.each([
    ['Kleiner on public funding', 'kleiner-public-funding'],
    ["STAVE I:  MARLEY'S GHOST", 'stave-i-marleys-ghost'],
    ['ἄνδρα μοι ἔννεπε, μοῦσα', 'andra-moi-ennepe-moysa'],
    ['— * * * —', ''],
    ['The The The', 'the-the-the'],
  ])('%s → %s', (text, slug) => {
    expect(slugFromWords(text, 4)).toBe(slug);
  });

  test.each(['christmas-carol-pg46.txt', 'commons-essay.html', 'commons-arabic.md', 'odyssey-book1.xml'])('%s: a second import gives the same ids and files', async (name) => {
    const [first, second] = [await load(name), await load(name)];
    expect(second.meta.passages.map((p) => p.id)).toEqual(first.meta.passages.map((p) => p.id));
    expect(second.yaml).toBe(first.yaml);
    expect(second.source).toBe(first.source);
  });

  test('zipped formats too', async () => {
    expect((await load('a.docx', allotmentDocx())).yaml).toBe((await load('a.docx', allotmentDocx())).yaml);
    expect((await load('b.epub', tygerEpub())).yaml).toBe((await load('b.epub', tygerEpub())).yaml);
  });

  test('repeated words get numbered ids', async () => {
    const reading = await load('repeat.md', Buffer.from('---\nlang: en\n---\n# Notes\n\nChorus.\n\nChorus.\n\nChorus.\n'));
    expect(reading.meta.passages.map((p) => p.id)).toEqual(['notes', 'chorus', 'chorus-2', 'chorus-3']);
  });
});

test('a text that is not UTF-8 is read as Windows-1252, with a notice', async () => {
  const reading = await importFile(Uint8Array.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' au lait\n')]), { fileName: 'old.txt', lang: 'fr' });
  expect(reading.source).toBe('Café au lait\n');
  expect(reading.warnings[0]).toBe('the file is not UTF-8; it was read as Windows-1252 (Western European): check accented letters in source.txt.');
});

test('a file over the import limit is refused before it is parsed', async () => {
  await expect(importFile(new Uint8Array(MAX_IMPORT_MB * 1024 * 1024 + 1), { fileName: 'huge.txt' })).rejects.toThrow(
    'huge.txt: the file is 50.0 MB, over the 50 MB an import reads; split the work into parts (one per volume or chapter) and import each.',
  );
});

describe('names and dates', () => {
  test.each([
    ['Jane Austen', { family: 'Austen', given: 'Jane' }],
    ['Austen, Jane', { family: 'Austen', given: 'Jane' }],
    ['Ludwig van Beethoven', { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }],
    ['Homer', { literal: 'Homer' }],
    ['P2P Foundation', { literal: 'P2P Foundation' }],
  ])('%s', (name, csl) => {
    expect(cslName(name)).toEqual(csl);
  });

  test.each([
    ['2021-05-04T09:30:00+00:00', '2021-05-04'],
    ['1843', '1843'],
    ['-700', '-0700'],
    ['June 27, 2008', '2008-06-27'],
    ['about 1794', '1794'],
    ['no date', undefined],
  ])('%s → %s', (value, date) => {
    expect(normaliseDate(value)).toBe(date);
  });
});
