/**
 * What the guide page (/guide/#adding) says about `npm run import`: how each format's structure
 * becomes passages, roles and sections, and a worked example per format (a small file and the
 * reading.yaml lines the import writes for it). tests/unit/import-guide.test.ts imports each
 * example and checks that these lines are what it writes, so the guide cannot drift from the code.
 */

export interface ImportMapping {
  format: string;
  /** Which library reads it. */
  parser: string;
  /** What in the file becomes what in reading.yaml. */
  rows: [inFile: string, inReading: string][];
}

export const IMPORT_MAPPINGS: ImportMapping[] = [
  {
    format: 'Plain text (.txt)',
    parser: 'the importer itself',
    rows: [
      ['a run of lines between blank lines', 'one passage, its lines kept'],
      ['a short line such as CHAPTER I., STAVE II or PREFACE, or one in capitals', 'heading; the outermost kind opens a section'],
      ['lines that all start with a bullet or a number, or a table of contents', 'list'],
      ['a line “by …”', 'attribution'],
      ['four or more lines well inside the text’s width', 'verse'],
      ['a block indented by 2–8 spaces', 'quote'],
      ['Project Gutenberg’s header and licence', 'left out, listed in provenance.omitted; title, author, language and ebook number read from the header'],
    ],
  },
  {
    format: 'Markdown (.md)',
    parser: 'satteri (CommonMark and GFM)',
    rows: [
      ['front matter: title, author, date, lang, description, license, url', 'title, authors, date, language, description, licence, origin'],
      ['# … ###### headings', 'heading, levels ranked from 2; the top level opens sections'],
      ['paragraphs; > block quotes', 'paragraph; quote'],
      ['- and 1. lists (nested lists indented); tables', 'list, one line per item or row'],
      ['footnotes', 'reference, after the text'],
      ['*emphasis*, **strong**, [links](…), ^sup^, ~sub~, `code`, <span lang>', 'marks'],
    ],
  },
  {
    format: 'Web page (.html, .htm)',
    parser: 'Readability over linkedom',
    rows: [
      ['the main article, as Readability finds it', 'the passages; navigation, banners, asides, footers, forms and scripts left out and listed'],
      ['h1–h6, p, blockquote, ul/ol, table, pre; an element with class poem or stanza', 'heading, paragraph, quote, list, verse'],
      ['lang and dir on any element', 'a passage’s lang and dir, or a mark’s lang'],
      ['em, strong, a, sup, sub, code, small capitals', 'marks'],
      ['html lang, meta author and date, rel=license, the canonical link', 'language, authors, date, licence, origin'],
    ],
  },
  {
    format: 'Word (.docx)',
    parser: 'mammoth',
    rows: [
      ['the Title style; Heading 1–6', 'heading, levels ranked from 2; the top level opens sections'],
      ['Quote and Intense Quote styles', 'quote'],
      ['bulleted and numbered lists', 'list'],
      ['italic, bold, superscript, subscript, small caps, hyperlinks', 'marks'],
      ['core properties (title, author, description, created) and the document language', 'title, authors, description, date, language'],
    ],
  },
  {
    format: 'EPUB (.epub)',
    parser: 'fflate and saxes; chapters as HTML',
    rows: [
      ['the spine, in reading order (linear="no" items and the navigation document left out)', 'the passages, chapter after chapter, read as a web page’s article is'],
      ['dc:title, dc:creator (authors only), dc:language, dc:date, dc:rights, dc:source', 'title, authors, language, date, licence, origin'],
      ['page-break markers; footnotes and endnotes', 'left out; reference'],
      ['an encrypted chapter (DRM)', 'refused'],
    ],
  },
  {
    format: 'TEI P5 (.xml)',
    parser: 'saxes',
    rows: [
      ['teiHeader: title, author, licence, idno, the source’s date or the date of creation', 'title, authors, licence, origin, date'],
      ['div and its head (a nested div one level deeper)', 'heading; the outermost divisions open sections'],
      ['p, ab; quote and cit; list; bibl', 'paragraph; quote; list; reference'],
      ['lg with its l elements (l outside lg are grouped)', 'verse: one stanza a passage, one l a line'],
      ['sp with its speaker; stage', 'the speaker on every passage of the speech, the name itself an attribution; paragraph'],
      ['note', 'reference, right after its passage'],
      ['xml:lang; hi rend="italic" and others, emph, foreign, ref', 'a passage’s or a mark’s lang; marks'],
      ['pb, lb, fw, gap, milestone', 'left out (page breaks counted in provenance.omitted)'],
    ],
  },
];

export interface ImportExample {
  /** The file's name, as typed in the command. */
  file: string;
  /** The file, shown (for .docx and .epub: what is in it). */
  input: string;
  /** Lines of the reading.yaml the import writes, in order. */
  output: string;
}

export const IMPORT_EXAMPLES: ImportExample[] = [
  {
    file: 'texts/pg46.txt',
    input: `The Project Gutenberg eBook of A Christmas Carol

Title: A Christmas Carol

Author: Charles Dickens

Release date: August 11, 2004 [eBook #46]

Language: English

*** START OF THE PROJECT GUTENBERG EBOOK A CHRISTMAS CAROL ***

STAVE I:  MARLEY'S GHOST

MARLEY was dead: to begin with. There is no doubt
whatever about that.

*** END OF THE PROJECT GUTENBERG EBOOK A CHRISTMAS CAROL ***

Updated editions will replace the previous one.
`,
    output: `title: A Christmas Carol
authors:
  - { family: Dickens, given: Charles }
origin:
  url: https://www.gutenberg.org/ebooks/46
licence:
  name: Project Gutenberg License
language: en
  format: gutenberg
  omitted:
    - the Project Gutenberg header, lines 1-11 of the file (licence notice, title, author, release date, language, credits and the start line)
    - the end line and the Project Gutenberg licence after the text, lines 18-20 of the file
passages:
  - { id: stave-i-marleys-ghost, lines: 1, role: heading, level: 2, section: stave-i-marleys-ghost }
  - { id: marley-dead-begin-no, lines: 3-4, role: paragraph, section: stave-i-marleys-ghost }`,
  },
  {
    file: 'texts/essay.md',
    input: `---
title: Tending the Commons
author: Maria Okafor
lang: en
---
# Tending the Commons

A common is a *resource*, a community and its **rules**.

> Ruin is the destination toward which all men rush.

- clear boundaries
- collective choice
`,
    output: `passages:
  - { id: tending-commons, lines: 1, role: heading, level: 2, section: tending-commons }
  - id: common-resource-community-rules
    marks:
      - { text: resource, style: emphasis }
      - { text: rules, style: strong }
  - { id: ruin-destination-toward-all, lines: 5, role: quote, section: tending-commons }
  - { id: clear-boundaries-collective-choice, lines: 7-8, role: list, section: tending-commons }`,
  },
  {
    file: 'texts/essay.html',
    input: `<html lang="en"><head><title>Tending the Commons</title>
<link rel="license" href="https://creativecommons.org/licenses/by/4.0/" title="CC BY 4.0"></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Tending the Commons</h1>
<p>A common is a <em>resource</em>, a community and the rules it makes, as
<a href="https://example.org/ostrom">Ostrom</a> showed; lawyers spoke of <span lang="la">res communis</span>.</p></article>
<footer>© 2021</footer></body></html>`,
    output: `licence:
  name: CC BY 4.0
  omitted:
    - the page's navigation (1 word)
    - the page's footer (1 word)
    marks:
      - { text: resource, style: emphasis }
      - { text: Ostrom, link: https://example.org/ostrom }
      - { text: res communis, lang: la }`,
  },
  {
    file: 'texts/minutes.docx',
    input: `Core properties: title “Garden Minutes”, author Anna Weber; language English (UK)
Garden Minutes                      (style Title)
Decisions                           (style Heading 1)
Plots are leased, not owned.        (“leased” in italics)
• Keep the paths clear.             (a bulleted list)
• Compost on the plot.`,
    output: `authors:
  - { family: Weber, given: Anna }
language: en-GB
sections:
  - { id: garden-minutes, title: Garden Minutes }
  - { id: decisions, title: Decisions }
  - id: plots-leased-not-owned
      - { text: leased, style: emphasis }
  - { id: keep-paths-clear-compost, lines: 7-8, role: list, section: decisions }`,
  },
  {
    file: 'texts/blake.epub',
    input: `OEBPS/content.opf: dc:title “The Tyger”, dc:creator William Blake, dc:language en;
spine: tyger.xhtml
OEBPS/tyger.xhtml:
<h1>The Tyger</h1>
<div class="poem"><div class="stanza">
  <span>Tyger Tyger, burning bright,</span><br/>
  <span>In the forests of the night;</span>
</div></div>`,
    output: `    - the book's table of contents (OEBPS/nav.xhtml)
passages:
  - { id: the-tyger, lines: 1, role: heading, level: 2, section: the-tyger }
  - { id: tyger-tyger-burning-bright, lines: 3-4, role: verse, section: the-tyger }`,
  },
  {
    file: 'texts/odyssey.xml',
    input: `<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc>
    <titleStmt><title>Odyssey</title><author>Homer</author></titleStmt>
    <publicationStmt><availability>
      <licence target="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</licence>
    </availability></publicationStmt>
    <sourceDesc><p>Perseus</p></sourceDesc>
  </fileDesc></teiHeader>
  <text xml:lang="grc"><body><div>
    <head>ΟΔΥΣΣΕΙΑΣ Α</head>
    <lg>
      <l>ἄνδρα μοι ἔννεπε, μοῦσα, πολύτροπον, ὃς μάλα πολλὰ</l>
      <l>πλάγχθη, ἐπεὶ Τροίης ἱερὸν πτολίεθρον ἔπερσεν·</l>
    </lg>
    <p xml:lang="en">Tell me, O Muse, of that <foreign xml:lang="grc">πολύτροπον</foreign> hero.</p>
  </div></body></text>
</TEI>`,
    output: `authors:
  - { literal: Homer }
language: grc
  - { id: odysseias-a, lines: 1, role: heading, level: 2, section: odysseias-a }
  - { id: andra-moi-ennepe-moysa, lines: 3-4, role: verse, section: odysseias-a }
  - id: tell-me-o-muse
    lang: en
      - { text: πολύτροπον, lang: grc }`,
  },
];
