/** Labels for note kinds as readers see them (the keys are the `kind` values editors write). */
export const NOTE_KIND_LABELS = {
  context: 'Context',
  gloss: 'Gloss',
  editorial: 'Editorial',
  question: 'Question',
  'cross-reference': 'Cross-reference',
  apparatus: 'Apparatus',
} as const;

export type NoteKind = keyof typeof NOTE_KIND_LABELS;

/**
 * Kinds whose phrases look different in the text (annotations.css: editorial underlined, questions
 * in blue); the others share one wash, so their phrases carry no class of their own.
 */
export const DISTINCT_PHRASE_KINDS: readonly string[] = ['editorial', 'question'] satisfies NoteKind[];

/**
 * Kinds listed apart from the margin: in the textual apparatus after the text, numbered on their
 * own and marked in the text by a small sign rather than a note's number.
 */
export const APPARATUS_KIND = 'apparatus' satisfies NoteKind;

/** What a note is called where it is linked by number ("Note 7", "Textual note 3", "Question 2"). */
export const noteName = (note: { kind: string; scope?: 'passage' | 'reading' | undefined; number: number }): string =>
  `${note.scope === 'reading' ? 'Question' : note.kind === APPARATUS_KIND ? 'Textual note' : 'Note'} ${note.number}`;

/** The kind a label names ("Cross-reference" → `cross-reference`): pages show the label, not the kind. */
export const noteKindOfLabel = (label: string | undefined): NoteKind | undefined =>
  (Object.keys(NOTE_KIND_LABELS) as NoteKind[]).find((kind) => NOTE_KIND_LABELS[kind] === label?.trim());
