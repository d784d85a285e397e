import { z } from 'zod';
import { SlugSchema } from './reading.ts';

/**
 * Props of the author components available in annotation and glossary bodies without imports.
 * The integrity check validates every use against these before a page is built, and the
 * components take their prop types from them.
 */

/** `<Term id="commons">commons</Term>`: links to the term's glossary entry. */
export const TermPropsSchema = z
  .object({
    /** Term id: the glossary file name without `.mdx`. */
    id: SlugSchema,
  })
  .strict();

export const CITE_MODES = ['parenthetical', 'narrative'] as const;
export type CiteMode = (typeof CITE_MODES)[number];

/** `<Cite id="kostakis-bauwens-2014" locator="p. 12" />` → "(Kostakis and Bauwens 2014, p. 12)". */
export const CitePropsSchema = z
  .object({
    /** Source key from `annotations/sources.yaml`. */
    id: SlugSchema,
    /** Where in the work: "p. 12", "pp. 3–5", "chap. 2". */
    locator: z.string().min(1).optional(),
    /** `parenthetical` (default): "(Kostakis and Bauwens 2014)"; `narrative`: "Kostakis and Bauwens (2014)". */
    mode: z.enum(CITE_MODES).optional(),
  })
  .strict();

/** `<PassageRef id="kleiner-public-funding" />` → "¶14", linking to the passage. */
export const PassageRefPropsSchema = z
  .object({
    /** Passage id from the reading's passage map. */
    id: SlugSchema,
    /** Reading id; defaults to the note's own reading, else the one reading with this passage id (needed only when two readings share it). */
    reading: SlugSchema.optional(),
  })
  .strict();

export const AUTHOR_COMPONENTS = {
  Term: TermPropsSchema,
  Cite: CitePropsSchema,
  PassageRef: PassageRefPropsSchema,
} as const;

export type AuthorComponent = keyof typeof AUTHOR_COMPONENTS;
export type TermProps = z.infer<typeof TermPropsSchema>;
export type CiteProps = z.infer<typeof CitePropsSchema>;
export type PassageRefProps = z.infer<typeof PassageRefPropsSchema>;
