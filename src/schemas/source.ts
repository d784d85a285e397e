import { z } from 'zod';
import { checkDoi } from '../lib/url-policy.ts';
import { policedStringSchema, SlugSchema, webAddressSchema } from './reading.ts';

/** CSL 1.0.2 item types (https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types). */
export const CSL_TYPES = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event',
  'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture',
  'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication',
  'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard',
  'thesis', 'treaty', 'webpage',
] as const;
export type CslType = (typeof CSL_TYPES)[number];

/** A CSL name: a person (family, given) or an organisation (`literal`). */
export const CslNameSchema = z
  .object({
    /** Family name, e.g. "Bauwens". */
    family: z.string().min(1).optional(),
    /** Given names, e.g. "Michel". */
    given: z.string().min(1).optional(),
    /** A name not split into parts: an organisation, or a mononym. */
    literal: z.string().min(1).optional(),
    /** "Jr.", "III". */
    suffix: z.string().min(1).optional(),
    /** Particle kept with the family name when sorting, e.g. "van" in "van Gogh" (Dutch usage). */
    'non-dropping-particle': z.string().min(1).optional(),
    /** Particle dropped when sorting, e.g. "de" in "de Gaulle". */
    'dropping-particle': z.string().min(1).optional(),
  })
  .strict()
  .refine((name) => name.family !== undefined || name.literal !== undefined, {
    message: 'a name needs `family` (with `given`) or `literal`',
  });

const DatePart = z.union([z.number().int(), z.string().regex(/^\d+$/)]);

/** A CSL date: `{ date-parts: [[2014, 5, 1]] }`; two parts make a range; `literal` for anything else. */
export const CslDateSchema = z
  .object({
    /** [[year, month?, day?]], or two of them for a range. */
    'date-parts': z.array(z.array(DatePart).min(1).max(3)).min(1).max(2).optional(),
    /** Free text when the date cannot be given in parts, e.g. "n.d." or "Spring 2014". */
    literal: z.string().min(1).optional(),
    /** The date is approximate. */
    circa: z.boolean().optional(),
  })
  .strict()
  .refine((date) => date['date-parts'] !== undefined || date.literal !== undefined, {
    message: 'a date needs `date-parts` (e.g. [[2014]]) or `literal`',
  });

const NumberLike = z.union([z.string().min(1), z.number()]);
const Names = z.array(CslNameSchema).min(1);

/**
 * One entry of `annotations/sources.yaml`: a CSL-JSON item with the variables this edition uses.
 * Field names are CSL's own (kebab-case), so the file can be handed to any CSL processor as is.
 */
export const CslItemSchema = z
  .object({
    /** The key used by `<Cite id>` and `sources:`; also the anchor `#source-<id>` on /sources/. */
    id: SlugSchema,
    /** The CSL item type, e.g. book, chapter, article-journal, post-weblog, webpage, interview. */
    type: z.enum(CSL_TYPES),
    author: Names.optional(),
    editor: Names.optional(),
    /** For interviews: who asked the questions. */
    interviewer: Names.optional(),
    /** For letters and personal communications: who received them. */
    recipient: Names.optional(),
    translator: Names.optional(),
    title: z.string().min(1).optional(),
    /** The book, journal, blog or site the item appeared in. */
    'container-title': z.string().min(1).optional(),
    /** A series, e.g. "Palgrave Pivot". */
    'collection-title': z.string().min(1).optional(),
    publisher: z.string().min(1).optional(),
    'publisher-place': z.string().min(1).optional(),
    /** Page range, e.g. "12-34". */
    page: NumberLike.optional(),
    volume: NumberLike.optional(),
    issue: NumberLike.optional(),
    /** Report or working-paper number. */
    number: NumberLike.optional(),
    edition: NumberLike.optional(),
    /** The DOI without a resolver prefix, e.g. 10.1057/9781137406897. */
    DOI: policedStringSchema('DOI', checkDoi).optional(),
    ISBN: z.string().min(1).optional(),
    /** The work's web page, when it has one (absolute http or https). */
    URL: webAddressSchema('URL').optional(),
    /** When a web page was consulted. */
    accessed: CslDateSchema.optional(),
    /** When the item was published. */
    issued: CslDateSchema.optional(),
    /** First publication, for reprints and translations. */
    'original-date': CslDateSchema.optional(),
    /** Sub-type, e.g. "PhD thesis", "Working paper", "Email". */
    genre: z.string().min(1).optional(),
    /** Format, e.g. "Podcast", "Video". */
    medium: z.string().min(1).optional(),
    abstract: z.string().min(1).optional(),
    /** BCP 47 tag of the item's language. */
    language: z.string().min(2).optional(),
    /** An editorial remark shown under the entry on /sources/ (not part of the formatted reference). */
    note: z.string().min(1).optional(),
  })
  .strict();

export type CslItem = z.infer<typeof CslItemSchema>;

/** The whole bibliography file: a YAML list of items (empty allowed). */
export const SourcesFileSchema = z.array(CslItemSchema);
