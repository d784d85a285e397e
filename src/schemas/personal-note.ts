/**
 * A reader's own highlights and notes: how they are kept in the browser, and the W3C Web Annotation
 * JSON-LD they are exported as and imported from (https://www.w3.org/TR/annotation-model/).
 * These schemas run in the browser (on first use only), so they use zod's tree-shakable `mini` build.
 */
import * as z from 'zod/mini';
import { SLUG_PATTERN } from '../lib/ids.ts';

/** Longest note text kept: a long paragraph, not a book. */
export const MAX_NOTE_LENGTH = 10_000;
/** Longest quoted phrase: a passage is at most a few thousand characters. */
export const MAX_QUOTE_LENGTH = 20_000;
/** Longest context kept on either side of a quote. */
export const MAX_CONTEXT_LENGTH = 200;
/** Most notes one file may bring. */
export const MAX_IMPORT_NOTES = 5_000;
/** Largest notes file accepted, in bytes: ample for thousands of notes, refuses anything else. */
export const MAX_IMPORT_BYTES = 1_000_000;

const Slug = z.string().check(z.regex(SLUG_PATTERN));
/** `urn:uuid:` plus an RFC 4122 UUID: globally unique, so notes merge by id across browsers. */
export const NoteIdSchema = z.string().check(z.regex(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i));
const Timestamp = z.iso.datetime({ offset: true });
const Offset = z.int().check(z.minimum(0));

/** A passage-relative anchor: the phrase, its context, and where it was (offsets in the displayed text). */
export const NoteQuoteSchema = z
  .object({
    exact: z.string().check(z.minLength(1), z.maxLength(MAX_QUOTE_LENGTH)),
    prefix: z.string().check(z.maxLength(MAX_CONTEXT_LENGTH)),
    suffix: z.string().check(z.maxLength(MAX_CONTEXT_LENGTH)),
    /** Offsets in the passage's displayed text when the note was made; absent when imported without them. */
    start: z.optional(Offset),
    end: z.optional(Offset),
  })
  .check(z.refine((q) => q.start === undefined || q.end === undefined || q.end >= q.start, { message: 'end must not come before start' }));

/** One highlight or note as the browser keeps it. */
export const PersonalNoteSchema = z.object({
  /** Stable id, also the Web Annotation id. */
  id: NoteIdSchema,
  /** The reading and passage it belongs to (passage map ids). */
  reading: Slug,
  passage: Slug,
  /** The phrase; absent for a note on the whole passage. */
  quote: z.optional(NoteQuoteSchema),
  /** The reader's text, plain text only; empty for a bare highlight. */
  text: z.string().check(z.maxLength(MAX_NOTE_LENGTH)),
  created: Timestamp,
  modified: Timestamp,
});
export type PersonalNote = z.infer<typeof PersonalNoteSchema>;
export type NoteQuote = z.infer<typeof NoteQuoteSchema>;

/** What localStorage holds per reading. Entries are checked one by one, so one bad entry loses nothing else. */
export const StoredNotesSchema = z.object({
  version: z.literal(1),
  notes: z.array(z.unknown()),
});

// ---- W3C Web Annotation ------------------------------------------------------------------------

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const FRAGMENT_CONFORMS_TO = 'http://tools.ietf.org/rfc/rfc3987';

export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1), z.maxLength(MAX_QUOTE_LENGTH)),
  prefix: z.optional(z.string().check(z.maxLength(MAX_CONTEXT_LENGTH))),
  suffix: z.optional(z.string().check(z.maxLength(MAX_CONTEXT_LENGTH))),
});
export const TextPositionSelectorSchema = z.object({ type: z.literal('TextPositionSelector'), start: Offset, end: Offset });

/** The passage, by its permalink fragment (`p-<id>`), optionally refined to a phrase inside it. */
export const FragmentSelectorSchema = z.object({
  type: z.literal('FragmentSelector'),
  conformsTo: z.optional(z.string().check(z.maxLength(200))),
  value: z.string().check(z.regex(/^p-[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  refinedBy: z.optional(z.union([TextQuoteSelectorSchema, TextPositionSelectorSchema])),
});

/** Note text: a plain-text body only. HTML bodies are refused rather than cleaned. */
export const TextualBodySchema = z.object({
  type: z.literal('TextualBody'),
  value: z.string().check(z.maxLength(MAX_NOTE_LENGTH)),
  format: z.optional(z.literal('text/plain')),
  purpose: z.optional(z.enum(['commenting', 'describing', 'tagging'])),
  language: z.optional(z.string().check(z.maxLength(35))),
});

export const WebAnnotationSchema = z.object({
  '@context': z.optional(z.unknown()),
  id: NoteIdSchema,
  type: z.literal('Annotation'),
  motivation: z.optional(z.enum(['highlighting', 'commenting'])),
  created: Timestamp,
  modified: z.optional(Timestamp),
  body: z.optional(TextualBodySchema),
  target: z.object({
    /** The reading's page; any host, so notes move between copies of the site (e.g. a course's). */
    source: z.string().check(z.maxLength(2048)),
    /** Alternatives describing the same text (the W3C meaning of several selectors). */
    selector: z.union([FragmentSelectorSchema, z.array(FragmentSelectorSchema).check(z.minLength(1), z.maxLength(4))]),
  }),
});
export type WebAnnotation = z.infer<typeof WebAnnotationSchema>;

export const AnnotationCollectionSchema = z.object({
  '@context': z.optional(z.unknown()),
  type: z.literal('AnnotationCollection'),
  label: z.optional(z.string()),
  total: z.optional(z.int()),
  first: z.object({
    type: z.literal('AnnotationPage'),
    items: z.array(WebAnnotationSchema).check(z.maxLength(MAX_IMPORT_NOTES)),
  }),
});
