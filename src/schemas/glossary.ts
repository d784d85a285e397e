import { z } from 'zod';
import { SlugSchema } from './reading.ts';

export const TERM_KINDS = ['concept', 'person', 'organisation', 'work'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/** How a term is marked in the text: its first occurrence per passage, every occurrence, or none. */
export const TERM_MATCH_MODES = ['first', 'all', 'none'] as const;
export type TermMatchMode = (typeof TERM_MATCH_MODES)[number];

/** Frontmatter of `annotations/glossary/<term-id>.mdx`; the term id is the file name. */
export const GlossaryTermSchema = z
  .object({
    /** The headword as shown, e.g. "partner state"; also matched in the text. */
    term: z.string().trim().min(1),
    /** A concept, a person, an organisation or a work: groups the A–Z index. */
    kind: z.enum(TERM_KINDS),
    /**
     * Other spellings and inflections matched in the text (case-insensitive, whole words). Unique
     * across the glossary, and never another term's headword.
     */
    aliases: z.array(z.string().trim().min(1)).optional(),
    /** One sentence, shown in the popover where the term occurs in the text. */
    short: z.string().trim().min(1),
    /** Ids of related terms, listed on the term's page. */
    related: z.array(SlugSchema).optional(),
    /** Keys of works about the term, from `annotations/sources.yaml`. */
    sources: z.array(SlugSchema).optional(),
    /** Which occurrences the reader marks: `first` per passage (default), `all`, or `none`. */
    match: z.enum(TERM_MATCH_MODES).optional(),
    /** A–Z sort key when the headword is not it, e.g. "Bauwens, Michel" for people. */
    sortAs: z.string().trim().min(1).optional(),
  })
  .strict();

export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
