/** Labels for note kinds as readers see them (the keys are the `kind` values editors write). */
export const NOTE_KIND_LABELS = {
  context: 'Context',
  gloss: 'Gloss',
  editorial: 'Editorial',
  question: 'Question',
  'cross-reference': 'Cross-reference',
} as const;

export type NoteKind = keyof typeof NOTE_KIND_LABELS;

/**
 * Kinds whose phrases look different in the text (annotations.css: editorial underlined, questions
 * in blue); the others share one wash, so their phrases carry no class of their own.
 */
export const DISTINCT_PHRASE_KINDS: readonly string[] = ['editorial', 'question'] satisfies NoteKind[];

/** The kind a label names ("Cross-reference" → `cross-reference`): pages show the label, not the kind. */
export const noteKindOfLabel = (label: string | undefined): NoteKind | undefined =>
  (Object.keys(NOTE_KIND_LABELS) as NoteKind[]).find((kind) => NOTE_KIND_LABELS[kind] === label?.trim());
