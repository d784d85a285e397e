import { z } from 'zod';
import { SlugSchema } from './reading.ts';

/** What a reading page is: front matter (introduction), back matter, or the instructors' guide. */
export const READING_PAGE_KINDS = ['introduction', 'timeline', 'positions', 'further-reading', 'teaching-guide'] as const;
export type ReadingPageKind = (typeof READING_PAGE_KINDS)[number];

/**
 * Who a page is for. Student pages are linked from the reading and the home page and searched;
 * instructors' pages are linked from neither, kept out of search and the sitemap, and marked
 * noindex, so outline answers do not turn up where students look.
 */
export const READING_PAGE_AUDIENCES = ['students', 'instructors'] as const;
export type ReadingPageAudience = (typeof READING_PAGE_AUDIENCES)[number];

/** The fields, without the rules across fields (the collection extends these). */
export const ReadingPageFields = z
  .object({
    /** The page's title, as its heading and in the reading's list of pages. */
    title: z.string().trim().min(1),
    /** One sentence: the page's description for links, sharing and search engines. */
    description: z.string().trim().min(1),
    /** What the page is; decides nothing but its label, except that a teaching guide is for instructors. */
    kind: z.enum(READING_PAGE_KINDS),
    /** Position in the reading's list of pages: 1 first. */
    order: z.number().int().min(1),
    /** `students` (linked and searched) or `instructors` (unlinked, unsearched, noindex). */
    audience: z.enum(READING_PAGE_AUDIENCES),
    /** Keys of the works the page relies on, from `annotations/sources.yaml`: every page is cited. */
    sources: z.array(SlugSchema).min(1),
    /**
     * Teaching guide only: an outline answer per discussion question, keyed by the question note's
     * id (its file name in `annotations/<reading>/`), in Markdown with the author components.
     */
    answers: z.record(SlugSchema, z.string().trim().min(1)).optional(),
  })
  .strict();

/**
 * Frontmatter of `annotations/<reading-id>/pages/<page-id>.mdx`; the page id is the file name and
 * the page is published at `/read/<reading-id>/<page-id>/`.
 */
export const ReadingPageSchema = ReadingPageFields.superRefine((page, ctx) => {
  if (page.kind === 'teaching-guide' && page.audience !== 'instructors') {
    ctx.addIssue({
      code: 'custom',
      path: ['audience'],
      message: 'a teaching guide holds outline answers, so it must be `audience: instructors`',
      params: { kind: 'invalid-field', fix: 'write `audience: instructors` (students then never meet it in the reading, the home page or search).' },
    });
  }
  if (page.answers && page.kind !== 'teaching-guide') {
    ctx.addIssue({
      code: 'custom',
      path: ['answers'],
      message: `'answers' belong in a teaching guide, but this page is 'kind: ${page.kind}'`,
      params: { kind: 'invalid-field', fix: 'move the answers to the reading\u2019s teaching guide (`kind: teaching-guide`), or remove them.' },
    });
  }
});

export type ReadingPage = z.infer<typeof ReadingPageSchema>;
