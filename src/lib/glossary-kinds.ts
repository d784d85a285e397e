import type { TermKind } from '../schemas/glossary.ts';

/** How each kind of glossary entry is named to readers. */
export const TERM_KIND_LABELS: Record<TermKind, { singular: string; plural: string }> = {
  concept: { singular: 'Concept', plural: 'Concepts' },
  person: { singular: 'Person', plural: 'People' },
  organisation: { singular: 'Organisation', plural: 'Organisations' },
  work: { singular: 'Work', plural: 'Works' },
};
