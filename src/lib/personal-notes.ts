/**
 * Readers' own highlights and notes, as data: storage format, W3C Web Annotation export and import,
 * merging, Markdown export. Pure (strings and objects in, data out), so every rule about a reader's
 * notes, above all "an import never loses a note", is tested without a browser.
 */
import * as z from 'zod/mini';
import { PASSAGE_ANCHOR_PREFIX, passageAnchor } from './constants.ts';
import { pageWithinReading, type ReadingLayout } from './reading-layout.ts';
import {
  ANNO_CONTEXT,
  AnnotationCollectionSchema,
  FRAGMENT_CONFORMS_TO,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_NOTES,
  PersonalNoteSchema,
  StoredNotesSchema,
  WebAnnotationSchema,
  type PersonalNote,
  type TextPositionSelectorSchema,
  type TextQuoteSelectorSchema,
  type WebAnnotation,
} from '../schemas/personal-note.ts';

type RefinedBy = z.infer<typeof TextQuoteSelectorSchema> | z.infer<typeof TextPositionSelectorSchema>;

export interface PassageInfo {
  id: string;
  /** Passage number as shown in the margin. */
  number: number;
}

export interface NotesContext {
  readingId: string;
  /** Absolute URL of the reading page (this copy of the site). */
  readingUrl: string;
  /** The reading's passages, in order. */
  passages: readonly PassageInfo[];
  /** Which page holds each passage, when `readingUrl` is a long reading's contents page. */
  layout?: ReadingLayout | undefined;
}

// ---- ids --------------------------------------------------------------------------------------

/** Formats 16 random bytes as a version 4 UUID URN (for browsers without crypto.randomUUID). */
export function uuidFromBytes(bytes: Uint8Array): string {
  const b = Array.from(bytes.slice(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---- storage ----------------------------------------------------------------------------------

export interface StoredNotes {
  notes: PersonalNote[];
  /** Entries that no longer pass the schema: never shown, never dropped, written back as they were. */
  unreadable: unknown[];
}

/** Reads what localStorage holds; anything unreadable is set aside, not thrown away. */
export function parseStoredNotes(raw: string | null): StoredNotes {
  if (!raw) return { notes: [], unreadable: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { notes: [], unreadable: [raw] };
  }
  const stored = StoredNotesSchema.safeParse(parsed);
  if (!stored.success) return { notes: [], unreadable: [parsed] };
  const notes: PersonalNote[] = [];
  const unreadable: unknown[] = [];
  for (const entry of stored.data.notes) {
    const note = PersonalNoteSchema.safeParse(entry);
    if (note.success) notes.push(note.data);
    else unreadable.push(entry);
  }
  return { notes, unreadable };
}

export function serializeStoredNotes({ notes, unreadable }: StoredNotes): string {
  return JSON.stringify({ version: 1, notes: [...notes, ...unreadable] });
}

// ---- order ------------------------------------------------------------------------------------

/** Passage order, then position in the passage (whole-passage notes first), then creation time. */
export function sortNotes(notes: readonly PersonalNote[], passages: readonly PassageInfo[]): PersonalNote[] {
  const order = new Map(passages.map((p, i) => [p.id, i]));
  const key = (n: PersonalNote) => order.get(n.passage) ?? Number.MAX_SAFE_INTEGER;
  return [...notes].sort(
    (a, b) =>
      key(a) - key(b) ||
      (a.quote?.start ?? (a.quote ? 0 : -1)) - (b.quote?.start ?? (b.quote ? 0 : -1)) ||
      a.created.localeCompare(b.created) ||
      a.id.localeCompare(b.id),
  );
}

// ---- Web Annotation export --------------------------------------------------------------------

export function toWebAnnotation(note: PersonalNote, readingUrl: string): WebAnnotation {
  const fragment = (refinedBy?: RefinedBy) => ({
    type: 'FragmentSelector' as const,
    conformsTo: FRAGMENT_CONFORMS_TO,
    value: passageAnchor(note.passage),
    ...(refinedBy ? { refinedBy } : {}),
  });
  const { quote } = note;
  const selector = quote
    ? [
        fragment({ type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }),
        ...(quote.start !== undefined && quote.end !== undefined
          ? [fragment({ type: 'TextPositionSelector', start: quote.start, end: quote.end })]
          : []),
      ]
    : fragment();
  return {
    id: note.id,
    type: 'Annotation',
    motivation: note.text ? 'commenting' : 'highlighting',
    created: note.created,
    modified: note.modified,
    ...(note.text ? { body: { type: 'TextualBody' as const, value: note.text, format: 'text/plain' as const, purpose: 'commenting' as const } } : {}),
    target: { source: readingUrl.split('#')[0]!, selector },
  };
}

/** The whole set as one W3C AnnotationCollection, ready for JSON.stringify. */
export function toAnnotationCollection(notes: readonly PersonalNote[], context: NotesContext & { title: string }) {
  const items = sortNotes(notes, context.passages).map((note) => toWebAnnotation(note, context.readingUrl));
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: `My notes on “${context.title}”`,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

// ---- Markdown export --------------------------------------------------------------------------

const MARKDOWN_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * One line of plain text as Markdown that shows it literally. Notes come from readers and from
 * imported files, and Markdown viewers render HTML and links: `<img src=x onerror=…>` would run,
 * `[x](javascript:…)` would be a live link. So no tag, autolink or entity can form (`& < >` become
 * entities), no link, image, emphasis, code, table or strikethrough (their punctuation is
 * backslash-escaped, which CommonMark allows for any ASCII punctuation), and the line cannot open
 * a heading, list, rule or code block (its indentation and leading marker are escaped).
 */
export function markdownLine(line: string): string {
  const escaped = line.replace(/[&<>]/g, (c) => MARKDOWN_ENTITIES[c]!).replace(/[\\`*_[\]!|~]/g, '\\$&');
  const [, indent = '', rest = ''] = /^([ \t]*)([\s\S]*)$/.exec(escaped)!;
  const opening = rest.replace(/^[#+=-]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
  return indent.replace(/ /g, '&#32;').replace(/\t/g, '&#9;') + opening;
}

/** Plain text, any number of lines, as Markdown that shows it literally (see markdownLine). */
export const markdownText = (text: string) => text.split(/\r\n|\n|\r/).map(markdownLine).join('\n');

const quoteLines = (text: string) => text.split(/\r\n|\n|\r/).map((line) => `> ${markdownLine(line)}`.trimEnd()).join('\n');

export function notesToMarkdown(notes: readonly PersonalNote[], context: NotesContext & { title: string; exportedAt: string }): string {
  const numberOf = new Map(context.passages.map((p) => [p.id, p.number]));
  const page = context.readingUrl.split('#')[0]!;
  const count = notes.length === 1 ? '1 note' : `${notes.length} notes`;
  const lines = [`# My notes on “${markdownText(context.title)}”`, '', `From <${page}>, exported ${context.exportedAt.slice(0, 10)}: ${count}.`];
  let current: string | undefined;
  for (const note of sortNotes(notes, context.passages)) {
    if (note.passage !== current) {
      current = note.passage;
      const number = numberOf.get(note.passage);
      // The page that holds the passage: a long reading is served one page per section.
      const within = context.layout ? pageWithinReading(context.layout, note.passage) : '';
      lines.push('', `## ${number ? `Passage ${number}` : `Passage “${markdownText(note.passage)}”`}`, '', `<${page}${within}#${passageAnchor(note.passage)}>`);
    }
    lines.push('');
    if (note.quote) lines.push(quoteLines(note.quote.exact), '');
    lines.push(note.text ? markdownText(note.text) : '*(highlight)*');
    lines.push('', `<small>${note.text ? 'Note' : 'Highlight'}, ${note.modified.slice(0, 10)}</small>`);
  }
  return `${lines.join('\n')}\n`;
}

// ---- import -----------------------------------------------------------------------------------

export type ImportResult = { ok: true; notes: PersonalNote[] } | { ok: false; problems: string[] };

/** The reading a target's page belongs to: the `<id>` of `…/read/<id>/`, on any host and sub-path. */
export function readingIdOfSource(source: string): string | undefined {
  let path: string;
  try {
    path = new URL(source, 'http://x.invalid/').pathname;
  } catch {
    return undefined;
  }
  return /\/read\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(path)?.[1];
}

const MAX_LISTED = 5;
const listSome = (items: readonly string[]) =>
  items.slice(0, MAX_LISTED).map((s) => `“${s}”`).join(', ') + (items.length > MAX_LISTED ? ` and ${items.length - MAX_LISTED} more` : '');

/** One schema issue in words a reader can act on, with where it is in the file. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length
    ? issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('')
    : 'the file';
  const what = (() => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined ? 'is missing' : `should be ${issue.expected}`;
      case 'invalid_value':
        return `should be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
      case 'too_big':
        return `is too long (at most ${String(issue.maximum)})`;
      case 'too_small':
        return `is too short (at least ${String(issue.minimum)})`;
      case 'invalid_format':
        return issue.format === 'regex' ? 'is not in the expected form' : `is not a valid ${issue.format}`;
      case 'invalid_union':
        return 'has an unexpected shape';
      default:
        return issue.message || 'is not valid';
    }
  })();
  const hint = issue.path.at(-1) === 'format' ? ' (only plain-text notes can be imported, never HTML)' : '';
  return `${where} ${what}${hint}.`;
}

function fromWebAnnotation(anno: WebAnnotation, readingId: string): PersonalNote | string {
  const selectors = Array.isArray(anno.target.selector) ? anno.target.selector : [anno.target.selector];
  const passages = [...new Set(selectors.map((s) => s.value.slice(PASSAGE_ANCHOR_PREFIX.length)))];
  if (passages.length !== 1) return `note ${anno.id} points at several passages at once (${listSome(passages)}).`;
  const quote = selectors.map((s) => s.refinedBy).find((r) => r?.type === 'TextQuoteSelector');
  const position = selectors.map((s) => s.refinedBy).find((r) => r?.type === 'TextPositionSelector');
  const note = {
    id: anno.id,
    reading: readingId,
    passage: passages[0]!,
    ...(quote && quote.type === 'TextQuoteSelector'
      ? {
          quote: {
            exact: quote.exact,
            prefix: quote.prefix ?? '',
            suffix: quote.suffix ?? '',
            ...(position && position.type === 'TextPositionSelector' && position.end >= position.start
              ? { start: position.start, end: position.end }
              : {}),
          },
        }
      : {}),
    text: anno.body?.value ?? '',
    created: anno.created,
    modified: anno.modified ?? anno.created,
  };
  const checked = PersonalNoteSchema.safeParse(note, { reportInput: true });
  return checked.success ? checked.data : `note ${anno.id}: ${describeIssue(checked.error.issues[0]!)}`;
}

/**
 * Checks a notes file completely before anything is changed: size, JSON, the Web Annotation schema
 * (plain-text bodies only), that every note belongs to this reading and to a passage it has, and
 * that no id repeats. Either every note is accepted or none is.
 */
export function parseNotesFile(text: string, context: NotesContext, byteLength = new TextEncoder().encode(text).length): ImportResult {
  const refuse = (...problems: string[]): ImportResult => ({ ok: false, problems });
  if (byteLength > MAX_IMPORT_BYTES) {
    return refuse(`The file is ${(byteLength / 1_000_000).toFixed(1)} MB; a notes file can be at most ${MAX_IMPORT_BYTES / 1_000_000} MB.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse(`The file is not JSON, so it is not a notes export (${(error as Error).message}).`);
  }
  let annotations: WebAnnotation[];
  const type = data && typeof data === 'object' && !Array.isArray(data) ? (data as { type?: unknown }).type : undefined;
  const schema =
    type === 'AnnotationCollection' ? AnnotationCollectionSchema
    : type === 'Annotation' ? WebAnnotationSchema
    : Array.isArray(data) ? z.array(WebAnnotationSchema).check(z.maxLength(MAX_IMPORT_NOTES))
    : undefined;
  if (!schema) {
    return refuse('The file is not a W3C Web Annotation file: expected "type": "AnnotationCollection" (as this site exports) or "Annotation".');
  }
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const more = issues.length > MAX_LISTED ? [`… and ${issues.length - MAX_LISTED} more problems.`] : [];
    return refuse(...issues.slice(0, MAX_LISTED).map(describeIssue), ...more);
  }
  const value = parsed.data as WebAnnotation | WebAnnotation[] | z.infer<typeof AnnotationCollectionSchema>;
  annotations = Array.isArray(value) ? value : 'first' in value ? value.first.items : [value];

  const problems: string[] = [];
  const otherReadings = [...new Set(annotations.map((a) => readingIdOfSource(a.target.source) ?? a.target.source))].filter(
    (id) => id !== context.readingId,
  );
  if (otherReadings.length) {
    problems.push(`These notes are for another reading (${listSome(otherReadings)}), not “${context.readingId}”. Open that reading to import them.`);
  }
  const known = new Set(context.passages.map((p) => p.id));
  const notes: PersonalNote[] = [];
  const unknownPassages = new Set<string>();
  for (const anno of annotations) {
    const note = fromWebAnnotation(anno, context.readingId);
    if (typeof note === 'string') problems.push(note);
    else if (!known.has(note.passage)) unknownPassages.add(note.passage);
    else notes.push(note);
  }
  if (unknownPassages.size) {
    problems.push(`Some notes point to passages this reading does not have: ${listSome([...unknownPassages])}.`);
  }
  const seen = new Set<string>();
  const repeated = [...new Set(notes.map((n) => n.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false))))];
  if (repeated.length) problems.push(`The file has more than one note with the same id (${listSome(repeated)}).`);
  if (annotations.length === 0) problems.push('The file holds no notes.');
  return problems.length ? refuse(...problems) : { ok: true, notes };
}

// ---- merge ------------------------------------------------------------------------------------

export interface MergeResult {
  notes: PersonalNote[];
  /** Notes that were not here before. */
  added: number;
  /** Notes here already, replaced by a more recently edited version from the file. */
  updated: number;
  /** Notes here already, identical or edited more recently here: kept as they are. */
  kept: number;
}

const sameContent = (a: PersonalNote, b: PersonalNote) =>
  a.passage === b.passage && a.text === b.text && a.quote?.exact === b.quote?.exact && a.quote?.start === b.quote?.start;

/**
 * Merges imported notes into the reader's, by id. A note only here stays; a note only in the file is
 * added; a note in both keeps the version edited last. Nothing in `existing` is ever removed.
 */
export function mergeNotes(existing: readonly PersonalNote[], incoming: readonly PersonalNote[]): MergeResult {
  const byId = new Map(existing.map((note) => [note.id, note]));
  let added = 0;
  let updated = 0;
  let kept = 0;
  for (const note of incoming) {
    const current = byId.get(note.id);
    if (!current) {
      byId.set(note.id, note);
      added++;
    } else if (!sameContent(current, note) && Date.parse(note.modified) > Date.parse(current.modified)) {
      byId.set(note.id, note);
      updated++;
    } else kept++;
  }
  return { notes: [...byId.values()], added, updated, kept };
}
