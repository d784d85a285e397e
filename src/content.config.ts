import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { readingsLoader } from './loaders/readings-loader.ts';
import { citationStylesLoader, coursesLoader, glossaryLoader, layersLoader, notesLoader, readingPagesLoader, sourcesLoader } from './loaders/edition-loaders.ts';
import type { ResolvedLayer } from './lib/layers.ts';
import type { ResolvedCourse } from './lib/course.ts';
import type { HomePage } from './schemas/reader-config.ts';
import type { CslStyle } from './lib/csl-styles.ts';

/** A style as stored: the file read and checked, its place in the list, and the locales it may ask for. */
export type CitationStyleEntry = CslStyle & { order: number; isDefault: boolean; locale?: string | undefined; locales: Record<string, string> };
import { AnnotationSchema } from './schemas/annotation.ts';
import { GlossaryTermSchema } from './schemas/glossary.ts';
import { DirectionSchema, InlineMarkSchema, LanguageTagSchema, PASSAGE_ROLES, ReadingMetaSchema } from './schemas/reading.ts';
import { CslItemSchema } from './schemas/source.ts';
import { ReadingPageFields } from './schemas/reading-page.ts';

/** A reading as stored after the loader has checked it: metadata plus the derived passages. */
const ReadingEntrySchema = ReadingMetaSchema.omit({ passages: true }).extend({
  passages: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      role: z.enum(PASSAGE_ROLES),
      level: z.number().optional(),
      section: z.string(),
      speaker: z.string().optional(),
      text: z.string(),
      start: z.number(),
      end: z.number(),
      startLine: z.number(),
      endLine: z.number(),
      gapBefore: z.string(),
      lang: LanguageTagSchema.optional(),
      dir: DirectionSchema.optional(),
      marks: z.array(InlineMarkSchema).optional(),
    }),
  ),
  /** The whitespace after the last passage; with each passage's `gapBefore`, the source is `readingSource(data)`. */
  trailing: z.string(),
  folder: z.string(),
  sectionPages: z.object({ above: z.number(), shortest: z.number() }),
});

export const collections = {
  readings: defineCollection({
    loader: readingsLoader({ base: 'src/content/readings' }),
    schema: ReadingEntrySchema,
  }),
  /** Editorial notes: annotations/<reading>/<note>.mdx (entry id `<reading>/<note>`). Use getEdition() to join. */
  notes: defineCollection({ loader: notesLoader(), schema: AnnotationSchema }),
  /** Glossary terms: annotations/glossary/<term>.mdx. */
  glossary: defineCollection({ loader: glossaryLoader(), schema: GlossaryTermSchema }),
  /** A reading's pages: annotations/<reading>/pages/<page>.mdx (entry id `<reading>/<page>`), checked with the edition. */
  readingPages: defineCollection({
    loader: readingPagesLoader(),
    schema: ReadingPageFields.extend({ reading: z.string(), page: z.string(), answersHtml: z.record(z.string(), z.string()) }),
  }),
  /** Bibliography: the CSL items of annotations/sources.yaml. */
  sources: defineCollection({ loader: sourcesLoader(), schema: CslItemSchema }),
  /** Annotation layers: annotations/<reading>/layers/<layer>/, anchored (src/lib/layers.ts), one entry per reading (its id). */
  layers: defineCollection({ loader: layersLoader(), schema: z.custom<{ reading: string; layers: ResolvedLayer[] }>((value) => typeof value === 'object' && value !== null) }),
  /** Courses: src/content/courses/<course>/course.yaml, resolved against the readings (src/lib/course.ts). */
  /** The CSL styles the edition cites in (reader.config.yaml `citation`, files in src/content/csl/), in order. */
  citationStyles: defineCollection({ loader: citationStylesLoader(), schema: z.custom<CitationStyleEntry>((value) => typeof value === 'object' && value !== null) }),
  courses: defineCollection({ loader: coursesLoader(), schema: z.custom<ResolvedCourse & { home: HomePage }>((value) => typeof value === 'object' && value !== null) }),
};
