import { z } from 'zod';
import { SlugSchema } from './reading.ts';

/**
 * What an editorial note does; decides its label, its W3C motivation and how the reader marks it.
 * `apparatus` is a purely typographic remark on the source (spacing, quotation marks, line breaks,
 * capitals, a typing slip): it goes to the reading's textual apparatus, a table after the text, so
 * the margins keep to interpretation.
 */
export const NOTE_KINDS = ['context', 'gloss', 'editorial', 'question', 'cross-reference', 'apparatus'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Where a note applies: a passage (the default) or the whole reading (discussion questions). */
export const NOTE_SCOPES = ['passage', 'reading'] as const;
export type NoteScope = (typeof NOTE_SCOPES)[number];

/**
 * Frontmatter of `annotations/<reading-id>/<note-id>.mdx`. Strict, so a typo (`pasage:`) is refused
 * instead of silently ignored. Rules that join several fields (a passage or `scope: reading`,
 * `correction` only on editorial and apparatus notes) are checked by the edition's integrity pass, which can say
 * which line to change.
 */
export const AnnotationSchema = z
  .object({
    /** Id of the passage the note is about, from the reading's passage map (`reading.yaml`). */
    passage: SlugSchema.optional(),
    /** `reading` for a reading-wide discussion question (then no `passage` and no `exact`). */
    scope: z.enum(NOTE_SCOPES).optional(),
    /**
     * The annotated phrase, verbatim (typographic quotes and all): a W3C TextQuoteSelector `exact`.
     * Omitted, the note is about the whole passage.
     */
    exact: z.string().min(1).optional(),
    /** Text right before `exact`, to pick one occurrence when the phrase appears more than once. */
    prefix: z.string().min(1).optional(),
    /** Text right after `exact`, to pick one occurrence when the phrase appears more than once. */
    suffix: z.string().min(1).optional(),
    /**
     * What the note does: context, gloss, editorial (a defect of the source that bears on its sense),
     * question, cross-reference, apparatus (a purely typographic defect, listed after the text).
     */
    kind: z.enum(NOTE_KINDS),
    /** Editorial and apparatus notes only: the editor's reading of a defective phrase; the verbatim text stays as it is. */
    correction: z.string().min(1).optional(),
    /** Keys of works cited by the note, from `annotations/sources.yaml`. */
    sources: z.array(SlugSchema).optional(),
    /** Ids of glossary terms the note is about, from `annotations/glossary/`. */
    terms: z.array(SlugSchema).optional(),
  })
  .strict();

export type Annotation = z.infer<typeof AnnotationSchema>;
