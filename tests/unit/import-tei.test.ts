/**
 * The TEI reader on small documents, one construct family each: what the header gives the
 * reading, which block each element becomes, what inline markup becomes marks, and what is left
 * out and counted. import-formats.test.ts reads a whole TEI text; these pin the rules one by one.
 */
import { describe, expect, test } from 'vitest';
import { importTei } from '../../src/lib/import/tei.ts';

const TEI = (header: string, text: string, root = 'TEI') =>
  `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="http://www.tei-c.org/ns/1.0">${header}${text}</${root}>`;
const HEADER = '<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>';
/** The blocks of a body, without the language every block inherits from the text. */
const blocksOf = (body: string) => importTei(TEI(HEADER, `<text><body>${body}</body></text>`), 'x.xml').blocks;

describe('the header', () => {
  test('titles, authors by their name parts, licence with its address, the edition address, publisher, source date, abstract, language', () => {
    const header = `<teiHeader><fileDesc><titleStmt>
      <title type="sub">Scenes of Clerical Life</title><title type="main">Amos Barton</title>
      <author><persName><forename>Mary</forename> <forename>Ann</forename> <surname>Evans</surname></persName></author>
      <author>George Eliot</author>
    </titleStmt>
    <publicationStmt><publisher>Example Texts</publisher>
      <availability><licence target="https://creativecommons.org/licenses/by/4.0/">Creative Commons Attribution 4.0</licence></availability>
      <idno type="URI">https://example.org/texts/amos-barton</idno><date when="2021-03-04">4 March 2021</date>
    </publicationStmt>
    <sourceDesc><bibl><ref target="https://example.org/first-edition">Blackwood</ref>, <date when="1857">1857</date></bibl></sourceDesc></fileDesc>
    <profileDesc><abstract><p>The first of the three   scenes.</p></abstract><langUsage><language ident="en-GB">English</language></langUsage></profileDesc></teiHeader>`;
    const document = importTei(TEI(header, '<text><body><p>The Rev. Amos Barton.</p></body></text>'), 'amos.xml');
    expect(document).toMatchObject({
      format: 'tei',
      title: 'Amos Barton',
      subtitle: 'Scenes of Clerical Life',
      authors: ['Evans, Mary Ann', 'George Eliot'],
      licence: { name: 'Creative Commons Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      origin: { url: 'https://example.org/texts/amos-barton', title: 'Amos Barton', site: 'Example Texts' },
      date: '1857',
      description: 'The first of the three scenes.',
      language: 'en-GB',
    });
    expect(document.blocks).toEqual([{ role: 'paragraph', text: 'The Rev. Amos Barton.', spans: [], lang: 'en-GB' }]);
    expect(document.omitted).toEqual(['the TEI header (its title, authors, licence and source are in reading.yaml)']);
  });

  test('an untyped title before the first; an availability statement as the licence; the source address; the date of creation first', () => {
    const header = `<teiHeader><fileDesc><titleStmt><title type="alt">Alternative</title><title>The Title</title></titleStmt>
      <publicationStmt><availability><p>Public   domain.</p></availability></publicationStmt>
      <sourceDesc><bibl><ptr target="https://example.org/scan"/><date when="1790"/></bibl></sourceDesc></fileDesc>
      <profileDesc><creation><date when="1788">1788</date></creation></profileDesc></teiHeader>`;
    const document = importTei(TEI(header, '<text xml:lang="fr"><body><p>Texte.</p></body></text>'), 'x.xml');
    expect(document).toMatchObject({ title: 'The Title', licence: { name: 'Public domain.' }, origin: { url: 'https://example.org/scan', site: '' }, date: '1788', language: 'fr' });
    expect(document.licence).not.toHaveProperty('url');
    expect(document.subtitle).toBeUndefined();
  });

  test('a licence with an address and no words is named by its address; the publication date when no other; the root language', () => {
    const header = `<teiHeader><fileDesc><titleStmt><title type="sub">Only a subtitle</title></titleStmt>
      <publicationStmt><availability><licence target="https://creativecommons.org/publicdomain/zero/1.0/"/></availability><date>2019</date></publicationStmt>
      <sourceDesc><p>Typed from a copy.</p></sourceDesc></fileDesc></teiHeader>`;
    const document = importTei(`<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="de">${header}<text><body><p>Wort.</p></body></text></TEI>`, 'x.xml');
    expect(document.licence).toEqual({ name: 'https://creativecommons.org/publicdomain/zero/1.0/', url: 'https://creativecommons.org/publicdomain/zero/1.0/' });
    // The first title stands in when none is main or untyped; it is the subtitle too.
    expect(document).toMatchObject({ title: 'Only a subtitle', subtitle: 'Only a subtitle', date: '2019', language: 'de' });
    expect(document.origin).toBeUndefined();
    expect(document.description).toBeUndefined();
    expect(document.authors).toEqual([]);
  });

  test('a teiCorpus is read; XML that is not TEI or not well-formed is refused', () => {
    expect(importTei(TEI(HEADER, '<TEI><text><body><p>One text.</p></body></text></TEI>', 'teiCorpus'), 'c.xml').blocks.map((b) => b.text)).toEqual(['One text.']);
    expect(() => importTei('<html><body/></html>', 'texts/page.xml')).toThrow(
      'texts/page.xml: this XML file is not TEI P5 (its root element is <html>, not <TEI>); export the text as TEI P5, or save it as .txt or .html and import that.',
    );
    expect(() => importTei('<TEI><text>', 'texts/torn.xml')).toThrow(/^texts\/torn\.xml: this is not a readable XML file \(it is not well-formed: .+\); open it in the program/);
  });
});

describe('blocks', () => {
  test('numbered divisions give their own depth; a plain div one deeper than its parent; front matter titles are headings', () => {
    const document = importTei(
      TEI(
        HEADER,
        `<text><front><docTitle><titlePart>The Book</titlePart></docTitle></front><body>
        <div1><head>Part One</head><div3><head>Deep</head></div3><div2><head>Chapter 1</head><div><head>Section</head><p>Text.</p></div></div2></div1>
        <div><head>Appendix</head></div></body></text>`,
      ),
      'x.xml',
    );
    expect(document.blocks.map((b) => [b.role, b.depth, b.text])).toEqual([
      ['heading', 1, 'The Book'],
      ['heading', 1, 'Part One'],
      ['heading', 3, 'Deep'],
      ['heading', 2, 'Chapter 1'],
      ['heading', 3, 'Section'],
      ['paragraph', undefined, 'Text.'],
      ['heading', 1, 'Appendix'],
    ]);
  });

  test('lists: numbered, bulleted, with their own labels, with a head; a bibliography is a reference list', () => {
    expect(
      blocksOf(`<div><head>Rules</head>
        <list rend="numbered"><head>Steps</head><item>first</item><item>second</item></list>
        <list type="ordered"><item>one</item></list>
        <list><label>a)</label><item>alpha</item><item>beta</item><note>not an item</note></list>
        <listBibl><bibl>One book.</bibl><bibl>Another.</bibl></listBibl></div>`).map((b) => [b.role, b.depth, b.text]),
    ).toEqual([
      ['heading', 1, 'Rules'],
      ['heading', 2, 'Steps'],
      ['list', undefined, '1. first\n2. second'],
      ['list', undefined, '1. one'],
      ['list', undefined, 'a) alpha\n• beta'],
      ['reference', undefined, '• One book.\n• Another.'],
    ]);
  });

  test('a table is a list of rows, cells joined by a bar; a figure is counted and its heading kept as a paragraph', () => {
    const document = importTei(
      TEI(HEADER, '<text><body><table><row><cell>Year</cell><cell><hi rend="bold">Yield</hi></cell></row><row><cell>1850</cell><cell>12</cell></row></table><figure><head>A map of the parish</head><graphic url="map.png"/></figure></body></text>'),
      'x.xml',
    );
    expect(document.blocks).toEqual([
      { role: 'list', text: 'Year | Yield\n1850 | 12', spans: [{ start: 7, end: 12, style: 'strong' }] },
      { role: 'paragraph', text: 'A map of the parish', spans: [] },
    ]);
    expect(document.omitted).toEqual(['the TEI header (its title, authors, licence and source are in reading.yaml)', 'figures (1)']);
  });

  test('stanzas: a group of groups is walked, its head a heading one deeper; lines outside a group are one verse passage', () => {
    expect(
      blocksOf(`<div><lg type="poem"><head>Song</head><lg><l>first line</l><l>second line</l></lg><lg><l>third line</l></lg></lg>
        <lg><head>Refrain</head><l>sing</l></lg><l>loose one</l><l>loose two</l><p>After.</p></div>`).map((b) => [b.role, b.depth, b.text]),
    ).toEqual([
      ['heading', 1, 'Song'],
      ['verse', undefined, 'first line\nsecond line'],
      ['verse', undefined, 'third line'],
      ['heading', 2, 'Refrain'],
      ['verse', undefined, 'sing'],
      ['verse', undefined, 'loose one\nloose two'],
      ['paragraph', undefined, 'After.'],
    ]);
  });

  test('quotations: inline in a paragraph, a block of their own, or holding paragraphs; attributions; bare text in a division', () => {
    expect(
      blocksOf(`<div><p>He said <quote>no</quote> twice.</p><quote>A saying.</quote><cit><quote><p>First.</p><p>Second.</p></quote><bibl>Source, 12.</bibl></cit>
        <epigraph><p>Motto.</p></epigraph><byline>by A. Writer</byline><dateline>London, 1850</dateline><trailer>The End</trailer>Loose words.</div>`).map((b) => [b.role, b.text]),
    ).toEqual([
      ['paragraph', 'He said no twice.'],
      ['quote', 'A saying.'],
      ['quote', 'First.'],
      ['quote', 'Second.'],
      ['reference', 'Source, 12.'],
      ['quote', 'Motto.'],
      ['attribution', 'by A. Writer'],
      ['attribution', 'London, 1850'],
      ['paragraph', 'The End'],
      ['paragraph', 'Loose words.'],
    ]);
  });

  test('a speech without a speaker element is named by its who; a speaker name loses its final stop, colon or comma', () => {
    expect(
      blocksOf(`<div><sp who="#chorus"><p>We sing.</p></sp><sp><speaker>NURSE:</speaker><p>Peace.</p></sp><sp><speaker>JULIET,</speaker><ab>Speak.</ab></sp></div>`).map((b) => [
        b.role,
        b.speaker,
        b.text,
      ]),
    ).toEqual([
      ['paragraph', 'chorus', 'We sing.'],
      ['attribution', 'NURSE', 'NURSE:'],
      ['paragraph', 'NURSE', 'Peace.'],
      ['attribution', 'JULIET', 'JULIET,'],
      ['paragraph', 'JULIET', 'Speak.'],
    ]);
  });
});

describe('inline markup', () => {
  test('choice keeps sic, orig or abbr; app keeps the lemma; line breaks are spaces; page breaks, forme work, gaps and milestones are left out and counted', () => {
    const document = importTei(
      TEI(
        HEADER,
        `<text><body><p>The <choice><corr>the</corr><sic>teh</sic></choice> cat<lb/>sat; <choice><reg>modern</reg><orig>olde</orig></choice>, <choice><expan>Doctor</expan><abbr>Dr.</abbr></choice>, <choice><corr>only</corr></choice>, <app><rdg>variant</rdg><lem>lemma</lem></app><app><rdg>dropped</rdg></app> end.<pb n="2"/></p>
        <fw type="pageNum">12</fw><pb n="3"/><gap reason="illegible"/><milestone unit="section"/><p>Next<cb/>column.</p></body></text>`,
      ),
      'x.xml',
    );
    expect(document.blocks.map((b) => b.text)).toEqual(['The teh cat sat; olde, Dr., only, lemma end.', 'Next column.']);
    expect(document.omitted).toEqual([
      'the TEI header (its title, authors, licence and source are in reading.yaml)',
      'page breaks (2)',
      'running heads and page numbers (fw) (1)',
      '<gap> elements (1)',
      '<milestone> elements (1)',
    ]);
  });

  test('rend gives emphasis, strong, superscript, subscript and small capitals; emph is emphasis; ref a link; foreign words their language', () => {
    const [block] = importTei(
      TEI(
        HEADER,
        `<text xml:lang="en"><body><p><hi rend="italic">a</hi> <hi rend="b">b</hi> <hi rend="sup">c</hi> <hi rend="subscript">d</hi> <hi rend="smallcaps">e</hi> <emph>f</emph> <ref target="https://example.org/g">g</ref> <foreign xml:lang="la">h</foreign> <foreign xml:lang="en">i</foreign> <hi rend="underline">j</hi></p></body></text>`,
      ),
      'x.xml',
    ).blocks;
    expect(block).toEqual({
      role: 'paragraph',
      text: 'a b c d e f g h i j',
      lang: 'en',
      spans: [
        { start: 0, end: 1, style: 'emphasis' },
        { start: 2, end: 3, style: 'strong' },
        { start: 4, end: 5, style: 'superscript' },
        { start: 6, end: 7, style: 'subscript' },
        { start: 8, end: 9, style: 'small-caps' },
        { start: 10, end: 11, style: 'emphasis' },
        { start: 12, end: 13, link: 'https://example.org/g' },
        { start: 14, end: 15, lang: 'la' },
      ],
    });
  });

  test('a note inside a paragraph follows it as a reference passage, in its own language; a block inside a line is set off by spaces', () => {
    expect(
      blocksOf('<p>Text<note xml:lang="de">Anmerkung.</note> goes on.</p><p>A<bibl>B</bibl>C</p>').map((b) => [b.role, b.text, b.lang]),
    ).toEqual([
      ['paragraph', 'Text goes on.', undefined],
      ['reference', 'Anmerkung.', 'de'],
      ['paragraph', 'A B C', undefined],
    ]);
  });
});
