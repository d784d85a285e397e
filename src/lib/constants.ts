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
/**
 * Element id of what a note is about: its phrase in the text, or for a note on a whole passage its
 * marker. The note's number links back to it.
 */
export const noteRefAnchor = (noteId: string) => `ref-${noteId}`;
/** Element id of the reader's one definition popover for glossary terms. */
export const TERM_POPOVER_ID = 'term-definition';

/**
 * Classes the reader's markup is read by, on the server (search records) and in the browser; the
 * stylesheets spell them too. Everything else is derived from ids and links rather than repeated
 * in attributes (the page's weight is mostly its notes): a passage's id is `p-<id>` and its number
 * is the text of its number link; a note's id is `note-<id>` and its kind the label in its head;
 * a marker's note is where it links; a term is the glossary entry it links to.
 */
export const CLASS = {
  passage: 'passage',
  /** The permalink in the margin: "Passage 7", the first word visually hidden. */
  passageNumber: 'passage-number',
  /** An editorial note, beside its passage or in the reading-wide questions. */
  note: 'note',
  /** A note's head: its number, a link back to the text ("Note 7, back to the text", all but the number visually hidden), and its kind's label in a <span>. */
  noteHead: 'note-head',
  /** A note's marker after its phrase: an empty link named "Note 7" by aria-label, its number drawn by the stylesheet. */
  noteRef: 'note-ref',
  /** An annotated phrase; the first piece carries the id `ref-<note id>`. */
  phrase: 'anno',
  /** A glossary term in the text: a link to its entry. */
  term: 'term',
  /**
   * A textual apparatus mark after a phrase: a small sign linking to its row in the apparatus, which
   * carries the `note` class and id `note-<id>` like any note; it reads "Textual note 3", the
   * words visually hidden. Its id is `ref-<id>`: the row's number links back to it.
   */
  apparatusRef: 'app-ref',
  /** The textual apparatus after the text: a table with one row (a `note`) per typographic note. */
  apparatus: 'apparatus',
} as const;

/**
 * Classes of editorial marks placed inside the verbatim text (note markers, textual apparatus
 * marks): they are not part of the source, so fidelity checks and text exports remove them before
 * comparing or copying.
 */
export const IN_TEXT_MARK_CLASSES: readonly string[] = [CLASS.noteRef, CLASS.apparatusRef];

/**
 * Apparatus around the text that search neither indexes nor marks (numbers, markers, note heads);
 * the search records skip `data-pagefind-ignore` as well, as Pagefind does.
 */
export const UNSEARCHED_CLASSES: readonly string[] = [CLASS.passageNumber, CLASS.noteRef, CLASS.apparatusRef, CLASS.noteHead];

const idAfter = (prefix: string) => (anchor: string | null | undefined) =>
  anchor?.startsWith(prefix) && anchor.length > prefix.length ? anchor.slice(prefix.length) : undefined;
/** The passage id in a passage's element id (`p-<id>`). */
export const passageIdOf = idAfter(PASSAGE_ANCHOR_PREFIX);
/** The note id in a note's element id (`note-<id>`), or in a marker's link (`#note-<id>`). */
export const noteIdOf = (anchorOrHref: string | null | undefined) => idAfter(NOTE_ANCHOR_PREFIX)(anchorOrHref?.replace(/^#/, ''));
/** The note id in the id of a note's phrase or marker (`ref-<id>`). */
export const noteIdOfRef = idAfter(noteRefAnchor(''));
/** The first number in a text: a passage's number link reads "Passage 7", a note's head "Note 7, back to the text". */
export const numberIn = (text: string | null | undefined) => /\d+/.exec(text ?? '')?.[0];
/** Every number in a text: a marker shared by the notes ending at one place is named "Notes 3, 4, 5". */
export const numbersIn = (text: string | null | undefined): string[] => (text ?? '').match(/\d+/g) ?? [];

export const DATA = {
  /** On the later pieces of a phrase split around another (the first piece has the id): the note id. */
  anno: 'data-anno',
  /**
   * On a marker shared by the notes that end at one place: the numbers it shows ("4, 5, 6"), drawn
   * by the stylesheet, so that the text holds only the source's words (copying, quotes).
   */
  markerNumbers: 'data-n',
  /** On <ar-annotations>: URL of the glossary definitions file (base included). */
  termsUrl: 'data-terms-url',
  speaker: 'data-speaker',
  /** On each section of a reading: its title as the table of contents shows it (search facets). */
  sectionTitle: 'data-section-title',
  /**
   * On <ar-search>, when there are several readings: their titles in the site's order, as JSON, so
   * the search's reading filter lists them as the home page does (Pagefind knows no order).
   */
  readingOrder: 'data-reading-order',
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
  kinds: ['passage', 'annotation', 'glossary', 'source', 'study-page', 'layer'],
  /** Filters every record may carry, in the order the facets show them. */
  filters: ['kind', 'reading', 'section', 'speaker', 'layer'],
} as const;

export type SearchKind = (typeof SEARCH.kinds)[number];
export type SearchFilter = (typeof SEARCH.filters)[number];

/** The site's name, in the header, page titles, sharing tags and citations. */
export const SITE_NAME = 'Annotated Reader';

/**
 * Citing one passage: the build formats each citation style once, with these placeholders where the
 * passage number and id go, into a file beside the reading (`passageCitationsPath`); the cite
 * dialog fetches it when first opened and fills them in for the passage being cited.
 */
export const CITE = {
  numberToken: '7777777',
  idToken: 'arpassageidtoken',
  /**
   * The address of the page holding the passage, for a reading split into section pages (the
   * dialog is on that page: it puts in its own address); a one-page reading's templates carry the
   * reading's address instead.
   */
  pageToken: 'arpassagepagetoken',
} as const;

/** Average silent-reading speed used for the reading-time estimate (words per minute). */
export const READING_WORDS_PER_MINUTE = 230;
