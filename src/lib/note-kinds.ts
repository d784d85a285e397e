/** Labels for note kinds as readers see them (the keys are the `kind` values editors write). */
export const NOTE_KIND_LABELS = {
  context: 'Context',
  gloss: 'Gloss',
  editorial: 'Editorial',
  question: 'Question',
  'cross-reference': 'Cross-reference',
} as const;
