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

export const PASSAGE_ROLES = ['heading', 'paragraph', 'quote', 'list', 'attribution', 'reference'] as const;

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
    /** One or two sentences for the cover and for search engines. */
    description: z.string().min(1),
    /** Who wrote the text, as it should be credited. */
    attribution: z.string().min(1),
    /** Where exactly this text comes from. */
    origin: z
      .object({
        url: webAddressSchema('origin.url'),
        title: z.string().min(1),
        site: z.string().min(1),
        /** Other copies of the same text, and how they differ. */
        note: z.string().min(1).optional(),
      })
      .strict(),
    licence: z
      .object({
        name: z.string().min(1),
        url: webAddressSchema('licence.url'),
        /** What the licence does not cover (e.g. quoted third-party passages). */
        note: z.string().min(1).optional(),
      })
      .strict(),
    /** BCP 47 language tag of the text. */
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, 'use a BCP 47 tag such as "en" or "en-GB"'),
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
