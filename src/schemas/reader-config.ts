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

/** The styles the edition ships (in src/content/csl/styles/), Chicago author-date first: the default. */
export const DEFAULT_CITATION_STYLES = ['chicago-author-date', 'apa', 'modern-language-association'];

/** A style's file name in src/content/csl/styles/ without `.csl`, as the CSL styles repository names it. */
const StyleName = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a style is named by its file name in src/content/csl/styles/ without ".csl": lower-case letters, digits and hyphens, e.g. "ieee"');

/**
 * How the edition cites: the CSL styles offered (in Cite, on the sources pages, in the order given),
 * the one used in notes and on the sources page first, and the locale they cite in.
 */
export const CitationSchema = z
  .strictObject({
    /** File names in src/content/csl/styles/ without `.csl`. Default: Chicago author-date, APA and MLA. */
    styles: z.array(StyleName).min(1).default(DEFAULT_CITATION_STYLES),
    /** The style of the notes' citations and the sources page; the first of `styles` when left out. */
    default: StyleName.optional(),
    /**
     * The locale every style cites in (src/content/csl/locales/locales-<locale>.xml): dates, "and", "accessed".
     * Left out, each style cites in its own default-locale, or American English.
     */
    locale: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'a locale is a CSL locale code such as "en-US" or "de-DE"').optional(),
  })
  .refine((citation) => citation.default === undefined || citation.styles.includes(citation.default), {
    path: ['default'],
    message: 'the default style must be one of citation.styles',
  })
  .prefault({});

/**
 * When a reading is served as one page per top-level section (`/read/<reading>/<section>/`, with
 * `/read/<reading>/` its title page and contents) instead of one page: above `above` passages.
 * Default 200: a phone reads a page of that length comfortably (the seed edition's 23 passages
 * with 97 notes are a page of about 20 KB of text), and every page stays within the byte budgets
 * however long the book. Passage ids, and so permalinks, are the same either way.
 */
export const SectionPagesSchema = z
  .strictObject({
    above: z.number().int().positive().default(200),
    /**
     * Sections shorter than this (in passages) share a page with the next ones (the last with the
     * one before): a page of a few passages would be mostly the site's header, tools and links,
     * over the reader's budget of 1.5 × its text. Default 30.
     */
    shortest: z.number().int().positive().default(30),
  })
  .prefault({});

export const ReaderConfigSchema = z.strictObject({
  /** Size limits of content files; a file over its limit is refused with a message saying which limit to raise. */
  limits: LimitsSchema,
  home: z.enum(HOME_PAGES).default('readings'),
  citation: CitationSchema,
  sectionPages: SectionPagesSchema,
});

export type HomePage = (typeof HOME_PAGES)[number];

export type CitationConfig = z.infer<typeof CitationSchema>;
export type SectionPagesSettings = z.infer<typeof SectionPagesSchema>;
export type ContentLimits = z.infer<typeof LimitsSchema>;
export type ReaderConfig = z.infer<typeof ReaderConfigSchema>;
