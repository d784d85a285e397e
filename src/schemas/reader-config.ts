/**
 * reader.config.yaml, an optional file at the project root with settings that belong to the
 * project's content rather than to one build (so the check, the build and CI agree on them).
 */
import { z } from 'zod';

/** Whole numbers of kilobytes (1 KB = 1,024 bytes) or megabytes (1 MB = 1,024 KB). */
const Size = (max: number) => z.number().int().positive().max(max);

export const LimitsSchema = z
  .strictObject({
    /**
     * Largest note or glossary file (frontmatter and MDX body), in KB. Default 64: about ten
     * thousand words, far more than a note or a term needs, and small enough that thousands of
     * notes stay cheap to parse and render.
     */
    noteKB: Size(64 * 1024).default(64),
    /**
     * Largest source.txt, in MB. Default 20: six times War and Peace in UTF-8; one reading is one
     * page, and a longer text is better split into several readings.
     */
    sourceMB: Size(1024).default(20),
    /** Largest reading.yaml or sources.yaml, in KB. Default 4096: a passage map of 10,000 passages is about 1 MB. */
    yamlKB: Size(1024 * 1024).default(4096),
  })
  .prefault({});

/**
 * What the home page shows: the readings (the default), or the courses: a site with one course
 * opens on its syllabus, a site with several lists them.
 */
export const HOME_PAGES = ['readings', 'courses'] as const;

export const ReaderConfigSchema = z.strictObject({
  /** Size limits of content files; a file over its limit is refused with a message saying which limit to raise. */
  limits: LimitsSchema,
  home: z.enum(HOME_PAGES).default('readings'),
});

export type HomePage = (typeof HOME_PAGES)[number];

export type ContentLimits = z.infer<typeof LimitsSchema>;
export type ReaderConfig = z.infer<typeof ReaderConfigSchema>;
