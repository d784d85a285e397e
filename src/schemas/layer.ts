/**
 * Shared annotation layers: `annotations/<reading>/layers/<layer>/` holds a `layer.yaml` (this
 * file's `LayerMetaSchema`) and annotation files in the formats people already have: a Hypothesis
 * export (`HypothesisExportSchema`, the JSON the Hypothesis client's "Export" writes) or a W3C Web
 * Annotation collection (`LayerCollectionSchema`, what the reader's own "My notes" export writes).
 * Everything in an annotation file was written by strangers: the schemas bound every string, and
 * the bodies are rendered through the sanitiser (src/lib/layers.ts), never as HTML.
 */
import { z } from 'zod';
import { MAX_CONTEXT_LENGTH, MAX_IMPORT_NOTES, MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH } from './personal-note.ts';

/** The folder under annotations/<reading>/ that holds the layers, one sub-folder each. */
export const LAYERS_FOLDER = 'layers';
/** The description of a layer, in its folder. */
export const LAYER_FILE = 'layer.yaml';

/** `annotations/<reading>/layers/<layer>/layer.yaml`. */
export const LayerMetaSchema = z
  .object({
    /** The layer's name, in the Display settings, on its page and as its search facet ("Instructor's questions"). */
    title: z.string().trim().min(1).max(120),
    /** One sentence saying what the layer is, shown on its page. */
    description: z.string().trim().min(1).max(500).optional(),
    /** Who wrote the annotations, as a credit line ("Students of POL 101, spring 2027"). */
    attribution: z.string().trim().min(1).max(300),
    /** Whether the layer is switched on for a reader who has not chosen (false: off until a reader turns it on). */
    shown: z.boolean().default(false),
    /**
     * How the annotators agreed to publication, and under which licence their words are published
     * ("Each student chose to share their notes, under CC BY 4.0"). Required: a layer publishes
     * other people's words.
     */
    consent: z.string().trim().min(1).max(1000),
    /**
     * Display names by annotation file, for files that name no author (a "My notes" export does not):
     * `{ maria.jsonld: Maria O. }`. Without one, such annotations are shown as by "A reader".
     */
    authors: z.record(z.string(), z.string().trim().min(1).max(100)).optional(),
  })
  .strict();
export type LayerMeta = z.infer<typeof LayerMetaSchema>;

const Timestamp = z.iso.datetime({ offset: true });
/** Hypothesis ids are URL-safe base64 (22 characters today); bounded so an id is safe as an anchor. */
const HypothesisId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a Hypothesis id is letters, digits, "_" and "-"');
const Quote = z.string().min(1).max(MAX_QUOTE_LENGTH);
const Context = z.string().max(MAX_CONTEXT_LENGTH);
const Offset = z.number().int().min(0);

const TextQuote = z.object({ type: z.literal('TextQuoteSelector'), exact: Quote, prefix: Context.optional(), suffix: Context.optional() });
const TextPosition = z.object({ type: z.literal('TextPositionSelector'), start: Offset, end: Offset });
/** Selectors Hypothesis writes besides these (RangeSelector, with XPaths into its page) are not used here. */
const OtherSelector = z.object({ type: z.string().max(100) }).loose();

/** One annotation as the Hypothesis API (and so its export) gives it; fields not used here are let through unread. */
export const HypothesisAnnotationSchema = z
  .object({
    id: HypothesisId,
    created: Timestamp,
    updated: Timestamp.optional(),
    /** `acct:<username>@<authority>`. */
    user: z.string().min(1).max(300),
    /** The page annotated. */
    uri: z.string().max(2048).optional(),
    user_info: z.object({ display_name: z.string().max(200).nullable().optional() }).loose().nullable().optional(),
    /** Markdown, written by anyone. */
    text: z.string().max(MAX_NOTE_LENGTH).default(''),
    tags: z.array(z.string().max(200)).max(50).default([]),
    /** Ids of the thread's annotations above this one, the root first: a reply has them. */
    references: z.array(HypothesisId).max(100).optional(),
    target: z
      .array(z.object({ source: z.string().max(2048).optional(), selector: z.array(z.union([TextQuote, TextPosition, OtherSelector])).max(10).optional() }).loose())
      .max(10)
      .default([]),
  })
  .loose();
export type HypothesisAnnotation = z.infer<typeof HypothesisAnnotationSchema>;

/** The file the Hypothesis client's Export writes (JSON format). */
export const HypothesisExportSchema = z
  .object({
    export_date: Timestamp,
    export_userid: z.string().max(300).nullable().optional(),
    client_version: z.string().max(100).optional(),
    annotations: z.array(HypothesisAnnotationSchema).max(MAX_IMPORT_NOTES),
  })
  .loose();
export type HypothesisExport = z.infer<typeof HypothesisExportSchema>;

const PassageFragment = z.string().regex(/^p-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a passage fragment is "p-" and the passage id');
const FragmentSelector = z.object({
  type: z.literal('FragmentSelector'),
  conformsTo: z.string().max(200).optional(),
  value: PassageFragment,
  refinedBy: z.union([TextQuote, TextPosition]).optional(),
});
const TextualBody = z.object({
  type: z.literal('TextualBody'),
  value: z.string().max(MAX_NOTE_LENGTH),
  format: z.enum(['text/plain', 'text/markdown']).optional(),
  purpose: z.enum(['commenting', 'describing', 'tagging', 'replying', 'questioning']).optional(),
  language: z.string().max(35).optional(),
});

/**
 * One W3C Web Annotation as "My notes" exports it (a passage fragment refined by a quote and a
 * position), with the model's optional `creator` for files that name their author.
 */
export const LayerWebAnnotationSchema = z.object({
  '@context': z.unknown().optional(),
  id: z.string().regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'an id is "urn:uuid:" and a UUID'),
  type: z.literal('Annotation'),
  motivation: z.enum(['highlighting', 'commenting', 'describing', 'questioning']).optional(),
  created: Timestamp,
  modified: Timestamp.optional(),
  creator: z.object({ name: z.string().trim().min(1).max(100) }).loose().optional(),
  body: z.union([TextualBody, z.array(TextualBody).max(20)]).optional(),
  target: z.object({
    source: z.string().max(2048),
    selector: z.union([FragmentSelector, z.array(FragmentSelector).min(1).max(4)]),
  }),
});
export type LayerWebAnnotation = z.infer<typeof LayerWebAnnotationSchema>;

export const LayerCollectionSchema = z.object({
  '@context': z.unknown().optional(),
  type: z.literal('AnnotationCollection'),
  label: z.string().max(500).optional(),
  total: z.number().int().optional(),
  first: z.object({ type: z.literal('AnnotationPage'), items: z.array(LayerWebAnnotationSchema).max(MAX_IMPORT_NOTES) }).loose(),
});
