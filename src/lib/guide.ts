/**
 * What the authoring guide (/guide/) shows: the example files, the help for every field (typed
 * against the schemas, so a new field cannot be added without its help), and a real run of the
 * integrity check on a small mistaken example, so the guide's error output is never out of date.
 */
import type { Annotation } from '../schemas/annotation.ts';
import { NOTE_KINDS, type NoteKind } from '../schemas/annotation.ts';
import { CITE_MODES } from '../schemas/components.ts';
import type { GlossaryTerm } from '../schemas/glossary.ts';
import { TERM_KINDS, TERM_MATCH_MODES } from '../schemas/glossary.ts';
import type { LayerMeta } from '../schemas/layer.ts';
import type { CitationConfig } from '../schemas/reader-config.ts';
import { SourcesFileSchema } from '../schemas/source.ts';
import { READING_PAGE_AUDIENCES, READING_PAGE_KINDS, type ReadingPage, type ReadingPageKind } from '../schemas/reading-page.ts';
import { parse } from 'yaml';
import { formatBibliography } from './citations.ts';
import { ContentError, ERROR_KINDS, type ErrorKind } from './content-errors.ts';
import { buildEdition } from './edition.ts';
import { codeCss, highlightCode, type CodeLanguage } from './highlight.ts';

export interface FieldHelp {
  /** Required, optional, or required in some cases (said in `what`). */
  required: boolean;
  what: string;
  /** Allowed values, for fields with a fixed list. */
  values?: readonly string[];
}

export const ANNOTATION_FIELDS: Record<keyof Annotation, FieldHelp> = {
  passage: { required: true, what: 'The id of the passage the note is about, from the reading\u2019s passage map (reading.yaml). Not used with `scope: reading`.' },
  scope: { required: false, what: '`reading` for a discussion question about the whole reading; it is listed under \u201CQuestions for discussion\u201D at the end.', values: ['passage', 'reading'] },
  exact: { required: false, what: 'The phrase the note is about, copied verbatim from the passage (typographic quotes and spelling as printed). Leave it out to annotate the whole passage.' },
  prefix: { required: false, what: 'Text right before `exact`, when the phrase occurs more than once in the passage.' },
  suffix: { required: false, what: 'Text right after `exact`, when the phrase occurs more than once in the passage.' },
  kind: { required: true, what: 'What the note does.', values: NOTE_KINDS },
  correction: { required: false, what: 'Editorial and apparatus notes only: the editor\u2019s reading of a defective phrase. The text itself is never changed.' },
  sources: { required: false, what: 'Keys of the works the note relies on, from annotations/sources.yaml (works cited with <Cite> in the body count too).' },
  terms: { required: false, what: 'Ids of glossary terms the note is about (terms named with <Term> in the body count too).' },
};

export const GLOSSARY_FIELDS: Record<keyof GlossaryTerm, FieldHelp> = {
  term: { required: true, what: 'The headword as shown. It is also matched in the text.' },
  kind: { required: true, what: 'Groups the A\u2013Z index.', values: TERM_KINDS },
  aliases: { required: false, what: 'Other spellings and inflections to find in the text (plurals, abbreviations). Each must be unique across the glossary and must not repeat another term\u2019s headword.' },
  short: { required: true, what: 'One sentence, shown in the popover where the term occurs in the text.' },
  related: { required: false, what: 'Ids of related terms, listed on the term\u2019s page.' },
  sources: { required: false, what: 'Keys of works about the term, from annotations/sources.yaml. The edition expects at least one.' },
  match: { required: false, what: 'Which occurrences the reader marks: the first in each passage (default), all, or none.', values: TERM_MATCH_MODES },
  sortAs: { required: false, what: 'The A\u2013Z key when it is not the headword, e.g. \u201CBauwens, Michel\u201D.' },
};

export const NOTE_KIND_HELP: Record<NoteKind, string> = {
  context: 'Background a reader needs: who is speaking, when, in reply to what.',
  gloss: 'Explains a word or phrase.',
  editorial: 'Marks a defect of the source that bears on how it reads (a missing word, a truncated sentence, an unclear phrase, a misattribution) and may give the editor\u2019s reading in `correction`. Shown in the margin.',
  question: 'A question for discussion, on a passage or (with `scope: reading`) on the whole reading.',
  'cross-reference': 'Points to another passage, note or work that bears on this one.',
  apparatus: 'A purely typographic defect: spacing, quotation marks, line breaks, capitals, a typing slip. It goes to the textual apparatus, a table after the text, marked in the text by a small \u00B0 rather than a numbered note, so the margins keep to interpretation; it may give the editor\u2019s reading in `correction`. Anything that changes or explains the sense is `editorial`.',
};

export const READING_PAGE_FIELDS: Record<keyof ReadingPage, FieldHelp> = {
  title: { required: true, what: 'The page\u2019s heading, and its name in the reading\u2019s list of study pages.' },
  description: { required: true, what: 'One sentence under the heading, also used for links, sharing and search engines.' },
  kind: { required: true, what: 'What the page is.', values: READING_PAGE_KINDS },
  order: { required: true, what: 'Its place in the list of study pages, from 1.' },
  audience: { required: true, what: '`students`: listed on the reading and the home page and found by search. `instructors`: listed nowhere a student looks, left out of search and the sitemap, and marked noindex. A teaching guide must be for instructors.', values: READING_PAGE_AUDIENCES },
  sources: { required: true, what: 'Keys of the works the page relies on, from annotations/sources.yaml: at least one. They are listed at the end of the page.' },
  answers: { required: false, what: 'Teaching guide only: an outline answer per discussion question, under the question\u2019s id (its file name), written in Markdown after `|`. The page shows each question with its answer.' },
};

/** `annotations/<reading>/layers/<layer>/layer.yaml`. */
export const LAYER_FIELDS: Record<keyof LayerMeta, FieldHelp> = {
  title: { required: true, what: 'The layer\u2019s name: its switch in Display, the heading of its page and its value in the search facet \u201CLayer\u201D.' },
  description: { required: false, what: 'One sentence on what the layer is, shown on its page.' },
  attribution: { required: true, what: 'Who wrote the annotations, as a credit line (\u201CStudents of POL 101, spring 2027\u201D).' },
  shown: { required: false, what: '`true`: the layer is on for a reader who has not chosen; `false` (the default): off until a reader switches it on.' },
  consent: { required: true, what: 'How the annotators agreed to publication, and under which licence: a layer publishes other people\u2019s words. Leave out anyone who did not agree.' },
  authors: { required: false, what: 'A display name for each annotation file that names none (a reader\u2019s \u201CMy notes\u201D export does not): `maria.jsonld: Maria O.`. Without one, its notes show as by \u201CA reader\u201D.' },
};

/** `citation` in reader.config.yaml. */
export const CITATION_FIELDS: Record<keyof CitationConfig, FieldHelp> = {
  styles: { required: false, what: 'The CSL styles offered in \u201CCite\u201D and on the sources pages, in this order: file names in `src/content/csl/styles/` without `.csl`. Default: Chicago author-date, APA and MLA.' },
  default: { required: false, what: 'The style of the notes\u2019 citations and of `/sources/`: one of `styles`, the first when left out.' },
  locale: { required: false, what: 'The locale every style cites in (`src/content/csl/locales/locales-<code>.xml`), such as `en-GB`. Left out, each style cites in its own default locale, or American English.' },
};

export const PAGE_KIND_HELP: Record<ReadingPageKind, string> = {
  introduction: 'Where the text comes from, the positions it gathers, the debate around it and how to read the edition.',
  timeline: 'Dated events in order: a numbered list, each date in `<time datetime="2011-07">`, each event with its `<Cite>`.',
  positions: 'The voices against the role each gives the state, as a Markdown table; a paragraph starting \u201CTable:\u201D right before it becomes its caption, and each row\u2019s first cell its header.',
  'further-reading': 'Annotated entries: what each work is and why to read it, each with its `<Cite>`.',
  'teaching-guide': 'For instructors: a plan for class sessions, and `answers` to the discussion questions.',
};

export interface ComponentHelp {
  name: string;
  example: string;
  what: string;
}

export const COMPONENT_HELP: ComponentHelp[] = [
  { name: 'Term', example: '<Term id="commons">the commons</Term>', what: 'Links to the glossary entry. Without text between the tags it shows the headword.' },
  { name: 'Cite', example: '<Cite id="kostakis-bauwens-2014" locator="p. 12" />', what: `An author\u2013date citation linked to the bibliography; \`locator\` is optional (\u201Cp. 12\u201D, \u201Cpp. 3\u20135\u201D, \u201Cchap. 2\u201D), \`mode\` is ${CITE_MODES.map((m) => `\`${m}\``).join(' or ')} (\u201CKostakis and Bauwens (2014)\u201D).` },
  { name: 'PassageRef', example: '<PassageRef id="kleiner-public-funding" />', what: 'Links to a passage, shown as its number (\u00B614) unless you give text. Without `reading="\u2026"` it points into the note\u2019s own reading, or the one reading that has the id; add `reading` only when two readings share the id (the check says so).' },
];

export const NOTE_EXAMPLE = `---
passage: helfrich-three-roles
exact: "kicking of"
kind: apparatus
correction: kicking off
sources: [helfrich-2009-email]
---
The list item reads "kicking of"; the sense requires "kicking off".
Compare how <Term id="partner-state">the partner state</Term> is framed in
<PassageRef id="partner-state-definition" />.
`;

export const QUESTION_EXAMPLE = `---
scope: reading
kind: question
---
Which of the four voices gives the state the largest role, and which the smallest?
`;

export const TERM_EXAMPLE = `---
term: partner state
kind: concept
aliases: [partner states, PSA]
short: A state that enables and protects commons-based peer production rather than providing everything itself or leaving everything to markets.
related: [commons, triarchy]
sources: [kostakis-bauwens-2014]
---
Kostakis and Bauwens present the approach as a cluster of policies
<Cite id="kostakis-bauwens-2014" />; see also <Term id="triarchy" />.
`;

export const SOURCES_EXAMPLE = `- id: kostakis-bauwens-2014
  type: book
  author:
    - { family: Kostakis, given: Vasilis }
    - { family: Bauwens, given: Michel }
  title: Network Society and Future Scenarios for a Collaborative Economy
  publisher: Palgrave Macmillan
  collection-title: Palgrave Pivot
  issued: { date-parts: [[2014]] }
  DOI: 10.1057/9781137406897
  note: Shown under the entry on the sources page; not part of the reference.
`;

export const PAGE_EXAMPLE = `---
title: Timeline
description: The texts and events around the article, in date order.
kind: timeline
order: 2
audience: students
sources: [kostakis-2011, ronfeldt-2011-part3]
---
1. <time datetime="2011-07-11">11 July 2011</time>: Kostakis defends his thesis. <Cite id="kostakis-2011" />
2. <time datetime="2011-10-19">19 October 2011</time>: Ronfeldt posts part 3. <Cite id="ronfeldt-2011-part3" />
`;

export const LAYER_EXAMPLE = `title: Seminar discussion
description: What the seminar asked and answered in the margins.
attribution: Students of POL 101, spring 2027
shown: true
consent: Each student chose to publish their notes with the edition, under CC BY 4.0.
authors:
  maria.jsonld: Maria O.
`;

export const CITATION_EXAMPLE = `citation:
  styles: [chicago-author-date, apa, modern-language-association, ieee]
  default: chicago-author-date
  locale: en-GB
`;

export const CHECK_EXAMPLE = 'npm run check';

/** A note of the check example: three frontmatter fields on lines 2–4, the body from line 6. */
const exampleNote = (id: string, data: Annotation, body: string) => ({
  id,
  reading: 'sample',
  file: `annotations/sample/${id}.mdx`,
  data,
  body,
  bodyLine: 6,
  fieldLine: (path: readonly PropertyKey[]) => ({ passage: 2, exact: 3, kind: 4 })[String(path[0])],
});

/**
 * What `npm run check` prints for a small edition with three mistakes, produced by the check
 * itself: a misspelt passage id, a phrase that occurs twice, and an unknown term.
 */
export function exampleCheckOutput(): string {
  const text = 'The partner state protects the commons. The commons are shared.';
  const { problems } = buildEdition({
    readings: [{ id: 'sample', title: 'Sample', source: text, passages: [{ id: 'definition', number: 1, start: 0, text }] }],
    notes: [
      exampleNote('shared', { passage: 'defintion', exact: 'shared', kind: 'gloss' }, 'Held in common.'),
      exampleNote('commons', { passage: 'definition', exact: 'commons', kind: 'gloss' }, 'See <Term id="comons">commons</Term>.'),
    ],
    terms: [{ id: 'commons', file: 'annotations/glossary/commons.mdx', data: { term: 'commons', kind: 'concept', short: 'Shared resources.' }, body: '' }],
    sources: [],
    sourcesFile: 'annotations/sources.yaml',
  });
  return new ContentError([...problems].sort((a, b) => (a.file < b.file ? -1 : 1))).message;
}

/** Every error kind with its meaning, in catalogue order. */
export const errorCatalogue = (): { kind: ErrorKind; meaning: string }[] =>
  (Object.entries(ERROR_KINDS) as [ErrorKind, string][]).map(([kind, meaning]) => ({ kind, meaning }));

export interface GuideExample {
  /** Where such a file lives, shown as the example's caption. */
  caption: string;
  code: string;
  lang: CodeLanguage;
}

export const GUIDE_EXAMPLES = {
  note: { caption: 'annotations/partner-state/helfrich-kicking-off.mdx', code: NOTE_EXAMPLE, lang: 'mdx' },
  question: { caption: 'annotations/partner-state/question-largest-role.mdx', code: QUESTION_EXAMPLE, lang: 'mdx' },
  term: { caption: 'annotations/glossary/partner-state.mdx', code: TERM_EXAMPLE, lang: 'mdx' },
  sources: { caption: 'annotations/sources.yaml', code: SOURCES_EXAMPLE, lang: 'yaml' },
  page: { caption: 'annotations/partner-state/pages/timeline.mdx', code: PAGE_EXAMPLE, lang: 'mdx' },
  layer: { caption: 'annotations/partner-state/layers/seminar/layer.yaml', code: LAYER_EXAMPLE, lang: 'yaml' },
  citation: { caption: 'reader.config.yaml', code: CITATION_EXAMPLE, lang: 'yaml' },
  check: { caption: 'In a terminal, at the project root', code: CHECK_EXAMPLE, lang: 'sh' },
} as const satisfies Record<string, GuideExample>;

let highlighted: Promise<{ html: Record<keyof typeof GUIDE_EXAMPLES, string>; css: string }> | undefined;

/** The guide's examples highlighted, and the stylesheet for their colours (inlined in the guide's <head>). */
export function highlightGuideExamples() {
  highlighted ??= (async () => {
    const entries = await Promise.all(
      Object.entries(GUIDE_EXAMPLES).map(async ([key, example]) => [key, await highlightCode(example.code, example.lang)] as const),
    );
    return {
      html: Object.fromEntries(entries.map(([key, result]) => [key, result.html])) as Record<keyof typeof GUIDE_EXAMPLES, string>,
      css: await codeCss(entries.flatMap(([, result]) => [...result.classes])),
    };
  })();
  return highlighted;
}

/** The bibliography example, parsed and validated like annotations/sources.yaml, then formatted. */
export function formattedSourcesExample(): string {
  const items = SourcesFileSchema.parse(parse(SOURCES_EXAMPLE));
  return formatBibliography(items)[0]!.html;
}
