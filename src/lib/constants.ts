/**
 * Names shared by the server-rendered HTML and the scripts that enhance it. Change a name here and
 * both sides follow; never spell one of these out in a template or a script.
 */
export const PASSAGE_ANCHOR_PREFIX = 'p-';
export const NOTE_ANCHOR_PREFIX = 'note-';

/** Element id of a passage: the permalink fragment readers cite. */
export const passageAnchor = (passageId: string) => `${PASSAGE_ANCHOR_PREFIX}${passageId}`;
/** Element id of an editorial note. */
export const noteAnchor = (noteId: string) => `${NOTE_ANCHOR_PREFIX}${noteId}`;
/** Element id of a bibliography entry on /sources/. */
export const sourceAnchor = (sourceId: string) => `source-${sourceId}`;
/** Element id of a note's marker in the text, so the note can link back to its phrase. */
export const noteRefAnchor = (noteId: string) => `ref-${noteId}`;
/** Element id of the reader's one definition popover for glossary terms. */
export const TERM_POPOVER_ID = 'term-definition';

/**
 * Class on editorial apparatus placed inside the verbatim text (note markers): it is not part of
 * the source, so fidelity checks and text exports remove it before comparing or copying.
 */
export const APPARATUS_CLASS = 'apparatus';

export const DATA = {
  passage: 'data-passage',
  /** On each note element (id `note-<id>`): the note id. */
  note: 'data-note',
  /** On markers and phrases in the text: the note they belong to. */
  noteRef: 'data-note-ref',
  anno: 'data-anno',
  term: 'data-term',
  /** On <ar-annotations>: URL of the glossary definitions file (base included). */
  termsUrl: 'data-terms-url',
  noteKind: 'data-note-kind',
  passageNumber: 'data-passage-number',
  role: 'data-role',
  speaker: 'data-speaker',
  /** On each section of a reading: its title as the table of contents shows it (search facets). */
  sectionTitle: 'data-section-title',
} as const;

/**
 * Full-text search. The index is written to `<site>/pagefind/` after the build; result links carry
 * the searched words in `?highlight=` so the page they land on can mark them.
 */
export const SEARCH = {
  /** Folder of the Pagefind bundle inside the built site (and under the site's base). */
  bundleDir: 'pagefind/',
  /** Query-string name of the search words on /search/ (shareable searches). */
  queryParam: 'q',
  /** Query-string name of each highlighted word on a page reached from a result. */
  highlightParam: 'highlight',
  /** Result kinds, the values of the `kind` filter. */
  kinds: ['passage', 'annotation', 'glossary', 'source'],
  /** Filters every record may carry, in the order the facets show them. */
  filters: ['kind', 'reading', 'section', 'speaker'],
} as const;

export type SearchKind = (typeof SEARCH.kinds)[number];
export type SearchFilter = (typeof SEARCH.filters)[number];

/** The site's name, in the header, page titles, sharing tags and citations. */
export const SITE_NAME = 'Annotated Reader';

/**
 * Citing one passage: the build formats each citation style once, with these placeholders where the
 * passage number and id go, into a <template>; the page fills them in for the passage being cited.
 */
export const CITE = {
  templatesId: 'cite-templates',
  numberToken: '7777777',
  idToken: 'arpassageidtoken',
} as const;

/** Average silent-reading speed used for the reading-time estimate (words per minute). */
export const READING_WORDS_PER_MINUTE = 230;
