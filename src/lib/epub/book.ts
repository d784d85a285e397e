/**
 * An EPUB 3 of one reading: title page, the text with its passage numbers and the editorial notes
 * as EPUB footnotes (noteref → aside epub:type="footnote"), the discussion questions, the textual
 * apparatus (a table after the text, linked both ways with small marks in it), the glossary
 * and the bibliography, with a navigation document and accessibility metadata. Pure: data in,
 * files (and the zip) out, so the package is tested without a build; epubcheck checks the result.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { cslClassRules } from '../csl/output-classes.ts';
import { EpubError, forbiddenCharactersIn, xmlWellFormednessErrors } from './check.ts';
import { bookLinkAllowed, xml } from './xhtml.ts';
import type { PassageRole } from '../../schemas/reading.ts';
import { markRange, placeMarks, type InlineMark } from '../inline-marks.ts';
import { directionOf, languageAttributes, passageText, SITE_TEXT, type TextDirection, type TextLanguage } from '../languages.ts';
import { renderRanges } from '../render-ranges.ts';
import { readingText, type ReadingText } from '../passage-language.ts';
import { verseLineTags } from '../verse.ts';
import { passagesBySection } from '../reading-structure.ts';

export interface BookPassage {
  id: string;
  number: number;
  role: PassageRole;
  level?: number | undefined;
  section: string;
  text: string;
  /** The passage's own language and direction, when not the reading's. */
  lang?: string | undefined;
  dir?: TextDirection | undefined;
  /** Inline formatting of the original (see src/lib/inline-marks.ts). */
  marks?: readonly InlineMark[] | undefined;
}

export interface BookNote {
  id: string;
  number: number;
  passage: string;
  /** Offset in the passage text after which the note's marker goes; undefined = end of passage. */
  end?: number | undefined;
  kindLabel: string;
  /** The note body as XHTML (see htmlToXhtml). */
  body: string;
  exact?: string | undefined;
  correction?: string | undefined;
}

export interface BookTerm {
  id: string;
  term: string;
  kindLabel: string;
  short: string;
  body: string;
}

export interface Book {
  /** Unique and stable: the reading's canonical URL. */
  identifier: string;
  title: string;
  subtitle?: string | undefined;
  language: string;
  /** The text's direction, when not what its language implies. */
  direction?: TextDirection | undefined;
  /** Verse: a line number beside every n-th line (default 5). */
  verseLineNumbers?: number | undefined;
  attribution: string;
  description: string;
  siteName: string;
  /** Canonical URL of the reading page. */
  url: string;
  modified: Date;
  /** Absent when the source states none: the book then says so. */
  licence?: { name: string; url: string; note?: string | undefined } | undefined;
  /** Absent for a text without an address (an imported file): `provenance` says where it came from. */
  origin?: { url: string; title: string; site: string; note?: string | undefined } | undefined;
  /** An imported file: one sentence on the file, and what the import left out. */
  provenance?: { sentence: string; omitted: string[] } | undefined;
  /** The text's authors as names (`dc:creator` each); `attribution` when there are none. */
  authors?: string[] | undefined;
  /** The text's own date, as people read it ("1848", "700 BCE"). */
  date?: string | undefined;
  sections: { id: string; title: string }[];
  passages: BookPassage[];
  notes: BookNote[];
  /** The textual apparatus: typographic notes, numbered on their own (kindLabel unused). */
  apparatus?: BookNote[] | undefined;
  /** Reading-wide discussion questions, bodies as XHTML. */
  questions: { id: string; number: number; body: string }[];
  terms: BookTerm[];
  /** Bibliography entries, formatted, as XHTML, in the style's order. */
  sources: { id: string; entry: string }[];
}

export const DOCS = { title: 'title.xhtml', text: 'text.xhtml', glossary: 'glossary.xhtml', bibliography: 'bibliography.xhtml', nav: 'nav.xhtml' } as const;

/** ` xml:lang="…" lang="…" dir="…"` for what differs from `outer` (an XHTML element names its language both ways). */
function languageXml(own: TextLanguage, outer: TextLanguage): string {
  const { lang, dir } = languageAttributes(own, outer);
  return (lang ? ` xml:lang="${xml(lang)}" lang="${xml(lang)}"` : '') + (dir ? ` dir="${dir}"` : '');
}

/**
 * An XHTML document. The text is in the reading's language and direction; the edition's own
 * documents (title page, glossary, bibliography) in the site's, as on the site. Within the text,
 * the edition's words (footnotes, questions, apparatus) name the site's language again.
 */
const document = (title: string, body: string, language: TextLanguage = SITE_TEXT) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${xml(language.lang)}" lang="${xml(language.lang)}"${language.dir === 'rtl' ? ' dir="rtl"' : ''}>
<head>
<meta charset="UTF-8"/>
<title>${xml(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
${body}
</body>
</html>
`;

/** The marker after an annotated phrase: a numbered noteref to the note's footnote. */
const noteref = (note: BookNote) =>
  `<a epub:type="noteref" class="noteref" role="doc-noteref" href="#note-${xml(note.id)}" id="ref-${xml(note.id)}">${note.number}</a>`;

/**
 * The mark of a textual apparatus entry: a small sign linking to its row. Not a noteref, since the
 * row is a table row rather than a footnote; reading systems show plain links as links.
 */
const appref = (entry: BookNote) =>
  `<a class="appref" href="#note-${xml(entry.id)}" id="ref-${xml(entry.id)}" aria-label="Textual note ${entry.number}">°</a>`;

/**
 * A passage's text as XHTML with markers inserted after given offsets. List passages become one
 * item per line (leading indentation dropped, bullets kept verbatim, as on the site).
 */
export function passageXhtml(text: string, role: BookPassage['role'], markers: { at: number; xhtml: string }[]): string {
  const sorted = [...markers].sort((a, b) => a.at - b.at);
  const render = (start: number, end: number, first: boolean) => {
    let out = '';
    let cursor = start;
    for (const marker of sorted) {
      // A marker belongs to the line its phrase ends on.
      if (marker.at < start || (marker.at === start && !first) || marker.at > end) continue;
      out += xml(text.slice(cursor, marker.at)) + marker.xhtml;
      cursor = marker.at;
    }
    return out + xml(text.slice(cursor, end));
  };
  if (role !== 'list') return render(0, text.length, true);
  const items: string[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = lineBreak.exec(text); ; match = lineBreak.exec(text)) {
    const end = match ? match.index : text.length;
    const indent = /^\s*/.exec(text.slice(start, end))![0].length;
    items.push(`<li>${render(start + indent, end, start === 0)}</li>`);
    if (!match) break;
    start = match.index + match[0].length;
  }
  return `<ul>${items.join('')}</ul>`;
}

/**
 * A passage with inline marks or in verse: the site's renderer over the same text and markers
 * (its output is well-formed XHTML: void elements are never written, attributes always quoted).
 * Verse keeps its line breaks: each line is a span with its anchor (`p-<id>-l<n>`) and, every
 * n-th line, its number in `data-n` for the stylesheet; lines are separated by <br/>.
 */
function formattedPassageXhtml(
  passage: BookPassage,
  markers: { at: number; xhtml: string }[],
  direction: TextDirection,
  verse: { firstLine: number; every: number } | undefined,
): string {
  const insertions = markers.map((m) => ({ at: m.at, html: m.xhtml }));
  const ranges = annotatePassageRanges(passage, direction);
  if (passage.role === 'verse' && verse) {
    const line = verseLineTags(passage.id, verse.firstLine, verse.every, 'line');
    return renderRanges(passage.text, ranges, insertions, {
      mode: 'verse',
      verseLine: (index) => {
        const { open, close } = line(index);
        return { open: `${index ? '<br/>' : ''}${open}`, close };
      },
    });
  }
  if (passage.role === 'list') return `<ul>${renderRanges(passage.text, ranges, insertions, { mode: 'list' }).replace(/\n/g, '')}</ul>`;
  return renderRanges(passage.text, ranges, insertions);
}

/** The inline marks of a passage as ranges (the site's elements; links only where the book may link). */
function annotatePassageRanges(passage: BookPassage, direction: TextDirection) {
  const marks = placeMarks(passage.text, passage.marks, passage.id).map((mark) =>
    mark.link !== undefined && !bookLinkAllowed(mark.link) ? { ...mark, link: undefined } : mark,
  );
  return marks.map((mark, index) => markRange(mark, index, direction));
}

function passageBlock(
  passage: BookPassage,
  notes: BookNote[],
  apparatus: BookNote[],
  reading: ReadingText,
): string {
  // Apparatus marks after note markers at the same place (the sort below is stable).
  const markers = [
    ...notes.map((note) => ({ at: note.end ?? passage.text.length, xhtml: noteref(note) })),
    ...apparatus.map((entry) => ({ at: entry.end ?? passage.text.length, xhtml: appref(entry) })),
  ];
  const number = `<span class="num" title="Passage ${passage.number}">${passage.number}</span> `;
  const own = passageText(passage, reading);
  const firstLine = reading.verseStarts.get(passage.id);
  const verse = firstLine === undefined ? undefined : { firstLine, every: reading.verseEvery };
  const body = passage.marks?.length || passage.role === 'verse'
    ? formattedPassageXhtml(passage, markers, own.dir, verse)
    : passageXhtml(passage.text, passage.role, markers);
  // The id, and the text's language and direction where they differ from the document's.
  const attributes = `id="p-${xml(passage.id)}"${languageXml(own, reading)}`;
  const block =
    passage.role === 'heading' ? `<h${passage.level ?? 2} class="passage" ${attributes}>${number}${body}</h${passage.level ?? 2}>`
    : passage.role === 'quote' ? `<blockquote class="passage" ${attributes}><p>${number}${body}</p></blockquote>`
    : passage.role === 'list' ? `<div class="passage passage-list" ${attributes}>${number}${body}</div>`
    : `<p class="passage passage-${passage.role}" ${attributes}>${number}${body}</p>`;
  const noteLanguage = languageXml(SITE_TEXT, reading);
  const footnotes = notes.map(
    (note) =>
      `<aside epub:type="footnote" role="doc-footnote" class="note" id="note-${xml(note.id)}"${noteLanguage}>` +
      `<p class="note-head"><a href="#ref-${xml(note.id)}">${note.number}</a> <span class="note-kind">${xml(note.kindLabel)}</span>` +
      (note.correction && note.exact ? ` The text reads “${xml(note.exact)}”; read <ins>${xml(note.correction)}</ins>.` : '') +
      `</p>${note.body}</aside>`,
  );
  return [block, ...footnotes].join('\n');
}

function textDocument(book: Book): string {
  const notesOf = new Map<string, BookNote[]>();
  for (const note of book.notes) notesOf.set(note.passage, [...(notesOf.get(note.passage) ?? []), note]);
  const apparatus = book.apparatus ?? [];
  const apparatusOf = new Map<string, BookNote[]>();
  for (const entry of apparatus) apparatusOf.set(entry.passage, [...(apparatusOf.get(entry.passage) ?? []), entry]);
  const numberOf = new Map(book.passages.map((p) => [p.id, p.number]));
  const reading = readingText(book);
  /** The edition's words inside the text (section titles, questions, apparatus) are in the site's language. */
  const editorial = languageXml(SITE_TEXT, reading);
  const parts: string[] = [`<section epub:type="bodymatter chapter" role="doc-chapter" aria-label="${xml(book.title)}">`];
  const bySection = passagesBySection(book.passages);
  for (const section of book.sections) {
    const own = bySection.get(section.id) ?? [];
    if (own.length === 0) continue;
    const heading = own[0]!.role === 'heading' ? '' : `<h2 class="section-title"${editorial}>${xml(section.title)}</h2>\n`;
    parts.push(`<section id="section-${xml(section.id)}" aria-label="${xml(section.title)}">\n${heading}${own.map((p) => passageBlock(p, notesOf.get(p.id) ?? [], apparatusOf.get(p.id) ?? [], reading)).join('\n')}\n</section>`);
  }
  if (book.questions.length) {
    parts.push(
      `<section id="questions" aria-labelledby="questions-title"${editorial}><h2 id="questions-title">Questions for discussion</h2><ol>` +
        book.questions.map((q) => `<li id="question-${xml(q.id)}">${q.body}</li>`).join('') +
        `</ol></section>`,
    );
  }
  if (apparatus.length) {
    const rows = apparatus.map(
      (entry) =>
        `<tr id="note-${xml(entry.id)}"><th scope="row"><a href="#ref-${xml(entry.id)}">${entry.number}</a></th>` +
        `<td><a href="#p-${xml(entry.passage)}">¶${numberOf.get(entry.passage) ?? ''}</a></td>` +
        // The words as printed with no quotes of ours: in an apparatus of quotation marks they would mislead.
        `<td>${entry.exact === undefined ? '<i>the whole passage</i>' : `<span class="lemma">${xml(entry.exact)}</span>`}</td>` +
        `<td>${entry.correction ? `<p class="correction">Read <ins>${xml(entry.correction)}</ins></p>` : ''}${entry.body}</td></tr>`,
    );
    parts.push(
      `<section id="apparatus" aria-labelledby="apparatus-title"${editorial}><h2 id="apparatus-title">Textual apparatus</h2>` +
        `<p>The source’s purely typographic slips, kept in the text above and marked there with a small °.</p>` +
        `<table class="apparatus"><thead><tr><th scope="col">Note</th><th scope="col">Passage</th><th scope="col">The source reads</th><th scope="col">Correction or remark</th></tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table></section>`,
    );
  }
  parts.push('</section>');
  return document(book.title, parts.join('\n'), reading);
}

/** A link when the book may carry it (see bookLinkAllowed), else the words alone. */
const link = (href: string, text: string) => (bookLinkAllowed(href) ? `<a href="${xml(href)}">${xml(text)}</a>` : xml(text));

function titleDocument(book: Book): string {
  const when = book.modified.toISOString().slice(0, 10);
  return document(
    book.title,
    `<section epub:type="titlepage" class="titlepage" aria-label="Title page">
<h1>${xml(book.title)}</h1>
${book.subtitle ? `<p class="subtitle">${xml(book.subtitle)}</p>` : ''}
<p class="byline">${xml(book.attribution)}${book.date ? `, ${xml(book.date)}` : ''}</p>
<p>${xml(book.description)}</p>
<p>An annotated edition from ${xml(book.siteName)}, ${when}: ${link(book.url, book.url)}. Passages are numbered as on the site, where each number is a permalink.</p>
${book.origin ? `<p>Source: ${link(book.origin.url, `${book.origin.site}: “${book.origin.title}”`)}.${book.origin.note ? ` ${xml(book.origin.note)}` : ''}</p>` : ''}
${book.provenance ? `<p>${xml(book.provenance.sentence)}${book.provenance.omitted.length ? ` Left out of the text: ${xml(book.provenance.omitted.join('; '))}.` : ''}</p>` : ''}
${!book.origin && !book.provenance ? '<p>Source: not recorded.</p>' : ''}
<p>Licence: ${book.licence ? `${link(book.licence.url, book.licence.name)}.${book.licence.note ? ` ${xml(book.licence.note)}` : ''}` : 'not stated in the source.'}</p>
</section>`,
  );
}

function glossaryDocument(book: Book): string {
  const entries = book.terms
    .map(
      (term) =>
        `<dt epub:type="glossterm" id="term-${xml(term.id)}"><dfn>${xml(term.term)}</dfn> <span class="term-kind">${xml(term.kindLabel)}</span></dt>` +
        `<dd epub:type="glossdef"><p class="short">${xml(term.short)}</p>${term.body}</dd>`,
    )
    .join('\n');
  return document('Glossary', `<section epub:type="glossary" role="doc-glossary" aria-labelledby="glossary-title">\n<h1 id="glossary-title">Glossary</h1>\n<dl>\n${entries}\n</dl>\n</section>`);
}

function bibliographyDocument(book: Book): string {
  const entries = book.sources.map((s) => `<li id="source-${xml(s.id)}">${s.entry}</li>`).join('\n');
  return document(
    'Bibliography',
    `<section epub:type="bibliography" role="doc-bibliography" aria-labelledby="bibliography-title">\n<h1 id="bibliography-title">Bibliography</h1>\n<ul class="bibliography">\n${entries}\n</ul>\n</section>`,
  );
}

function navDocument(book: Book): string {
  const sections = book.sections
    .filter((section) => book.passages.some((p) => p.section === section.id))
    .map((section) => `<li><a href="${DOCS.text}#section-${xml(section.id)}">${xml(section.title)}</a></li>`)
    .join('');
  const questions = book.questions.length ? `<li><a href="${DOCS.text}#questions">Questions for discussion</a></li>` : '';
  const apparatus = book.apparatus?.length ? `<li><a href="${DOCS.text}#apparatus">Textual apparatus</a></li>` : '';
  return document(
    'Contents',
    `<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-title">
<h1 id="toc-title">Contents</h1>
<ol>
<li><a href="${DOCS.title}">Title page</a></li>
<li><a href="${DOCS.text}">${xml(book.title)}</a><ol>${sections}${questions}${apparatus}</ol></li>
${book.terms.length ? `<li><a href="${DOCS.glossary}">Glossary</a></li>` : ''}
${book.sources.length ? `<li><a href="${DOCS.bibliography}">Bibliography</a></li>` : ''}
</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden" aria-label="Landmarks">
<ol>
<li><a epub:type="titlepage" href="${DOCS.title}">Title page</a></li>
<li><a epub:type="toc" href="${DOCS.nav}">Contents</a></li>
<li><a epub:type="bodymatter" href="${DOCS.text}">Text</a></li>
${book.terms.length ? `<li><a epub:type="glossary" href="${DOCS.glossary}">Glossary</a></li>` : ''}
${book.sources.length ? `<li><a epub:type="bibliography" href="${DOCS.bibliography}">Bibliography</a></li>` : ''}
</ol>
</nav>`,
  );
}

const STYLE = `body { font-family: serif; line-height: 1.5; margin: 0 5%; }
h1, h2, h3, h4 { font-family: sans-serif; line-height: 1.25; }
.num { font-family: sans-serif; font-size: 0.7em; color: #555; vertical-align: 0.15em; margin-right: 0.3em; }
.noteref { font-family: sans-serif; font-size: 0.7em; vertical-align: super; line-height: 0; text-decoration: none; }
.appref { font-family: sans-serif; font-size: 0.8em; vertical-align: super; line-height: 0; text-decoration: none; color: #555; }
table.apparatus { border-collapse: collapse; font-size: 0.85em; width: 100%; }
table.apparatus th, table.apparatus td { text-align: left; vertical-align: top; padding: 0.3em 0.5em 0.3em 0; border-bottom: 1px solid #ccc; }
table.apparatus td p { margin: 0 0 0.3em; }
.lemma { background: #eee; padding: 0 0.15em; }
blockquote.passage { margin: 0 0 1em 1em; padding-left: 0.8em; border-left: 2px solid #ccc; }
.passage-list ul { list-style: none; padding-left: 1em; }
.passage-attribution { font-style: italic; }
.sc { font-variant: small-caps; }
.line[data-n]::after { content: attr(data-n); float: right; font-size: 0.75em; color: #666; }
[dir="rtl"] .line[data-n]::after { float: left; }
aside.note { font-size: 0.85em; margin: 0 0 1em 1em; }
.note-kind, .term-kind { font-family: sans-serif; font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.05em; color: #555; }
dt { margin-top: 1em; font-weight: bold; }
dd { margin-left: 1em; }
.bibliography { list-style: none; padding: 0; }
.bibliography li { margin-bottom: 0.6em; padding-left: 1.5em; text-indent: -1.5em; }
.subtitle { font-style: italic; font-size: 1.2em; }
${cslClassRules()}
`;

/**
 * Every string the book is made from, named by where it sits: `passages["kmo-question"].text`,
 * `terms["commons"].short`, `licence.url`. Entries of a list are named by their id.
 */
export function* bookStrings(value: unknown, where = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [where || 'the book', value];
  else if (Array.isArray(value)) {
    for (const [index, entry] of value.entries()) {
      const id = (entry as { id?: unknown } | null)?.id;
      yield* bookStrings(entry, `${where}[${typeof id === 'string' ? JSON.stringify(id) : index}]`);
    }
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, entry] of Object.entries(value)) yield* bookStrings(entry, where ? `${where}.${key}` : key);
  }
}

/** Where each part of a book comes from, for the fix an editor is told. */
const FORBIDDEN_CHARACTERS_FIX =
  'delete the characters named, which most editors do not show: passages are in the reading\u2019s source.txt, notes and questions in ' +
  'annotations/<reading>/<id>.mdx, terms in annotations/glossary/<id>.mdx, sources in annotations/sources, the rest in reading.yaml.';

/**
 * Every file of the book, by path inside the container (mimetype excluded). Throws an EpubError,
 * and writes nothing, when the content holds characters XML forbids or a file would not parse.
 */
export function epubFiles(book: Book): Record<string, string> {
  const forbidden = forbiddenCharactersIn(bookStrings(book));
  if (forbidden.length) throw new EpubError(book.title, forbidden, FORBIDDEN_CHARACTERS_FIX);
  const files = writeFiles(book);
  const malformed = Object.entries(files)
    .filter(([name]) => /\.(xhtml|opf|xml)$/.test(name))
    .flatMap(([name, content]) => xmlWellFormednessErrors(content).map((error) => `${name}:${error}`));
  if (malformed.length) {
    throw new EpubError(book.title, malformed, 'the EPUB writer (src/lib/epub/) made XML that does not parse: report these lines with the content they name.');
  }
  return files;
}

function writeFiles(book: Book): Record<string, string> {
  const modified = `${book.modified.toISOString().slice(0, 19)}Z`;
  const docs = [
    { id: 'title', href: DOCS.title, content: titleDocument(book) },
    { id: 'text', href: DOCS.text, content: textDocument(book) },
    ...(book.terms.length ? [{ id: 'glossary', href: DOCS.glossary, content: glossaryDocument(book) }] : []),
    ...(book.sources.length ? [{ id: 'bibliography', href: DOCS.bibliography, content: bibliographyDocument(book) }] : []),
  ];
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="${xml(book.language)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="pub-id">${xml(book.identifier)}</dc:identifier>
<dc:title>${xml(book.subtitle ? `${book.title}: ${book.subtitle}` : book.title)}</dc:title>
<dc:language>${xml(book.language)}</dc:language>
${(book.authors?.length ? book.authors : [book.attribution]).map((name) => `<dc:creator>${xml(name)}</dc:creator>`).join('\n')}
<dc:publisher>${xml(book.siteName)}</dc:publisher>
<dc:description>${xml(book.description)}</dc:description>
<dc:rights>${xml(book.licence ? `${book.licence.name}: ${book.licence.url}` : 'Licence not stated in the source.')}</dc:rights>
${book.origin ? `<dc:source>${xml(book.origin.url)}</dc:source>` : ''}
<meta property="dcterms:modified">${modified}</meta>
<meta property="schema:accessMode">textual</meta>
<meta property="schema:accessModeSufficient">textual</meta>
<meta property="schema:accessibilityFeature">structuralNavigation</meta>
<meta property="schema:accessibilityFeature">tableOfContents</meta>
<meta property="schema:accessibilityFeature">readingOrder</meta>
<meta property="schema:accessibilityHazard">none</meta>
<meta property="schema:accessibilitySummary">Text only, with headings, numbered passages, linked footnotes, a glossary and a bibliography.</meta>
</metadata>
<manifest>
<item id="nav" href="${DOCS.nav}" media-type="application/xhtml+xml" properties="nav"/>
<item id="style" href="style.css" media-type="text/css"/>
${docs.map((d) => `<item id="${d.id}" href="${d.href}" media-type="application/xhtml+xml"/>`).join('\n')}
</manifest>
<spine${directionOf(book.language, book.direction) === 'rtl' ? ' page-progression-direction="rtl"' : ''}>
${[docs[0]!.id, 'nav', ...docs.slice(1).map((d) => d.id)].map((id) => `<itemref idref="${id}"/>`).join('\n')}
</spine>
</package>
`;
  return {
    'META-INF/container.xml': `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`,
    'OEBPS/content.opf': opf,
    [`OEBPS/${DOCS.nav}`]: navDocument(book),
    'OEBPS/style.css': STYLE,
    ...Object.fromEntries(docs.map((d) => [`OEBPS/${d.href}`, d.content])),
  };
}

/**
 * The .epub: `mimetype` first and stored uncompressed (as the OCF spec requires), the rest deflated.
 * At level 6, not 9: on a 10,000-passage book 9 took 1.3 s where 6 takes 0.7 s, for 0.07 % fewer bytes.
 */
export function zipEpub(files: Record<string, string>, modified: Date): Uint8Array {
  const entries: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  for (const [path, content] of Object.entries(files)) entries[path] = [strToU8(content), { level: 6 }];
  return zipSync(entries, { mtime: modified });
}
