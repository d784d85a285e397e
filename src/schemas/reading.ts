import { z } from 'zod';
import { SLUG_PATTERN } from '../lib/ids.ts';
import type { ProblemParams } from '../lib/schema-problems.ts';
import { checkUrl, showUrl, type UrlVerdict } from '../lib/url-policy.ts';

/** A stable, human-readable id: lower-case words joined by hyphens. */
export const SlugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'use lower-case letters, digits and single hyphens, e.g. "kleiner-public-funding"');

/**
 * A string held to a check of the URL policy (src/lib/url-policy.ts). A refusal is an `unsafe-url`
 * problem: the message names the field ("origin.url …", also where zod is read without paths)
 * and says why, the fix line what to write instead.
 */
export const policedStringSchema = (field: string, check: (value: string) => UrlVerdict) =>
  z.string().superRefine((value, ctx) => {
    const verdict = check(value);
    if (verdict.ok) return;
    const params: ProblemParams = { kind: 'unsafe-url', fix: verdict.fix };
    ctx.addIssue({ code: 'custom', message: `${field} ${showUrl(value)} is not allowed: ${verdict.reason}`, params });
  });

/**
 * The address of a page elsewhere (a reading's origin, its licence, a source): absolute http(s)
 * only, so a `javascript:` or `data:` URL never becomes a link.
 */
export const webAddressSchema = (field: string) => policedStringSchema(field, (value) => checkUrl(value, { context: 'external' }));

export const PASSAGE_ROLES = ['heading', 'paragraph', 'quote', 'list', 'attribution', 'reference', 'verse'] as const;

/** BCP 47 language tag: "en", "en-GB", "grc", "zh-Hant". */
export const LanguageTagSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'use a BCP 47 tag such as "en", "en-GB" or "grc"');

/** Writing direction; when left out, it follows from the language (Arabic, Hebrew, Persian… are right to left). */
export const DirectionSchema = z.enum(['ltr', 'rtl']);

export const MARK_STYLES = ['emphasis', 'strong', 'superscript', 'subscript', 'small-caps', 'code'] as const;
const MarkStyleSchema = z.enum(MARK_STYLES);

/**
 * Inline formatting the original has (italics in a title, a link, a word in another language), kept
 * beside the plain text rather than in it: source.txt stays the words alone, so anchoring, the
 * fidelity check, search and citations see exactly what they saw before. A mark finds its words the
 * way a note does, by quoting them.
 */
export const InlineMarkSchema = z
  .object({
    /** The exact words, as they are in the passage. */
    text: z.string().min(1),
    /** Which occurrence of the words in the passage, counting from 1, when they occur more than once. */
    occurrence: z.number().int().positive().optional(),
    /** How the words are set: one style or several (bold italic is ["strong", "emphasis"]). */
    style: z.union([MarkStyleSchema, z.array(MarkStyleSchema).min(1)]).optional(),
    /** Where the words link to in the original. */
    link: webAddressSchema('marks[].link').optional(),
    /** The words' language, when it is not the passage's. */
    lang: LanguageTagSchema.optional(),
  })
  .strict()
  .refine((mark) => mark.style !== undefined || mark.link !== undefined || mark.lang !== undefined, {
    message: 'a mark needs at least one of style, link or lang',
  });

/** A person as CSL names them: family and given name, or one literal name ("Homer", "P2P Foundation"). */
export const CslNameSchema = z.union([
  z
    .object({
      family: z.string().min(1),
      given: z.string().min(1).optional(),
      'non-dropping-particle': z.string().min(1).optional(),
      'dropping-particle': z.string().min(1).optional(),
      suffix: z.string().min(1).optional(),
    })
    .strict(),
  z.object({ literal: z.string().min(1) }).strict(),
]);

/** An original date: a year, a month or a day; a year before the common era is negative ("-0700"). */
export const OriginalDateSchema = z
  .union([z.number().int(), z.string()])
  .transform((value) => String(value))
  .pipe(z.string().regex(/^-?\d{1,4}(?:-\d{2}(?:-\d{2})?)?$/, 'write a year (1848), a month (1848-02) or a day (1848-02-21); a year BCE is negative ("-0700")'));

export const IMPORT_FORMATS = ['text', 'gutenberg', 'markdown', 'html', 'docx', 'epub', 'tei'] as const;

/** Where an imported text came from, written by `npm run import`. */
export const ProvenanceSchema = z
  .object({
    /** The original file's name. */
    file: z.string().min(1),
    format: z.enum(IMPORT_FORMATS),
    /** sha256 of the original file, so the import can be repeated and checked. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'write the 64 lower-case hex digits of the original file\'s sha256'),
    /** What the import left out of the passages (a Gutenberg licence, a page's navigation…). */
    omitted: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** Lines of source.txt, 1-based as `cat -n` numbers them: `4` or `"16-18"`. */
export const LineSpanSchema = z.union([
  z.number().int().positive(),
  z.string().regex(/^\d+(?:\s*-\s*\d+)?$/, 'write a line number (4) or a range ("16-18")'),
]);

export const PassageMapEntrySchema = z
  .object({
    /** Permanent id, used in permalinks (#p-<id>), citations and readers' notes. Never a position. */
    id: SlugSchema,
    /** The block of source.txt this passage is: one line, or a range of consecutive non-blank lines. */
    lines: LineSpanSchema,
    /** What the block is, which decides how the reader shows it. */
    role: z.enum(PASSAGE_ROLES),
    /** Heading level (2 = section, 3 = a voice within it); headings only. */
    level: z.number().int().min(2).max(4).optional(),
    /** Id of the section (from `sections`) this passage belongs to. */
    section: SlugSchema,
    /** Who speaks in this passage, as the edition names them. */
    speaker: z.string().min(1).optional(),
    /** The passage's language, when it is not the reading's. */
    lang: LanguageTagSchema.optional(),
    /** The passage's direction, when it is not what its language implies. */
    dir: DirectionSchema.optional(),
    /** Inline formatting the original gives these words. */
    marks: z.array(InlineMarkSchema).optional(),
  })
  .strict();

export const SectionSchema = z
  .object({
    id: SlugSchema,
    /** Title shown in the table of contents. */
    title: z.string().min(1),
  })
  .strict();

export const ReadingMetaSchema = z
  .object({
    title: z.string().min(1),
    subtitle: z.string().min(1).optional(),
    /** Where the reading stands among the others (lowest first); readings without one follow, by title. */
    order: z.number().int().optional(),
    /** Who wrote the text, for citations. */
    authors: z.array(CslNameSchema).min(1).optional(),
    /** When the text was first written or published (not the build date). */
    date: OriginalDateSchema.optional(),
    /** One or two sentences for the cover and for search engines. */
    description: z.string().min(1),
    /** Who wrote the text, as it should be credited. */
    attribution: z.string().min(1),
    /**
     * Where exactly this text comes from, when it has an address (an imported file without one
     * says where it came from in `provenance`).
     */
    origin: z
      .object({
        url: webAddressSchema('origin.url'),
        title: z.string().min(1),
        site: z.string().min(1),
        /** Other copies of the same text, and how they differ. */
        note: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** The licence the source states; left out when it states none (the reader then says so). */
    licence: z
      .object({
        name: z.string().min(1),
        url: webAddressSchema('licence.url'),
        /** What the licence does not cover (e.g. quoted third-party passages). */
        note: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** BCP 47 language tag of the text (the site's own menus keep the site's language). */
    language: LanguageTagSchema,
    /** The text's direction, when it is not what its language implies. */
    direction: DirectionSchema.optional(),
    /** Verse: a line number beside every n-th line (default 5). */
    verseLineNumbers: z.number().int().positive().optional(),
    /** Where an imported text came from. */
    provenance: ProvenanceSchema.optional(),
    /** sha256 of source.txt, hex. The build refuses a source that does not match. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'write the 64 lower-case hex digits that `sha256sum source.txt` prints'),
    sections: z.array(SectionSchema).min(1),
    /** The passage map: one entry per block of source.txt, in order. */
    passages: z.array(PassageMapEntrySchema).min(1),
  })
  .strict();

export type PassageRole = (typeof PASSAGE_ROLES)[number];
export type PassageMapEntry = z.infer<typeof PassageMapEntrySchema>;
export type ReadingMeta = z.infer<typeof ReadingMetaSchema>;
