/**
 * Shared annotation layers, as data: a layer's files (Hypothesis exports, W3C Web Annotation
 * collections as "My notes" exports them) read into one list of annotations, anchored in the
 * reading, threaded, and written back out as one W3C AnnotationCollection. Pure: strings and
 * objects in, data out; the loader reads the files and the pages render the result.
 *
 * Anchoring follows the Hypothesis client: the quote (TextQuoteSelector with its prefix and suffix)
 * decides, the position (TextPositionSelector) only breaks ties between equally good places,
 * because a Hypothesis position counts the characters of the whole page the annotator saw, menus
 * included. The matcher is the one readers' own notes use (`reanchor`). An annotation whose quote is
 * no longer in the text is an orphan: kept, listed on the layer's page and in the build output,
 * never dropped.
 */
import { markdownToHast, type HastNode } from 'satteri';
import type { z } from 'zod';
import type { ContentProblem } from './content-errors.ts';
import type { TextRange } from './anchoring.ts';
import { escapeAttribute, escapeHtml, hastToHtml, type ComponentRenderers } from './mdx-html.ts';
import { reanchor, QUOTE_CONTEXT } from './reanchor.ts';
import { sanitizeHtml } from './sanitize.ts';
import { checkUrl } from './url-policy.ts';
import { formatPath } from './schema-problems.ts';
import { ANNO_CONTEXT, FRAGMENT_CONFORMS_TO } from '../schemas/personal-note.ts';
import { readingIdOfSource } from './personal-notes.ts';
import {
  HypothesisExportSchema,
  LayerCollectionSchema,
  type HypothesisAnnotation,
  type LayerMeta,
  type LayerWebAnnotation,
} from '../schemas/layer.ts';

/** One annotation of a layer, whatever file it came from. */
export interface LayerAnnotation {
  /** The id its tool gave it: a Hypothesis id, or `urn:uuid:…`. */
  id: string;
  /** The file it came from, relative to the project. */
  file: string;
  format: 'hypothesis' | 'web-annotation';
  author: string;
  created: string;
  updated?: string | undefined;
  /** The body as written: Markdown (Hypothesis) or plain text (My notes). */
  text: string;
  /** The body as HTML, through the sanitiser. */
  html: string;
  tags: string[];
  quote?: { exact: string; prefix?: string | undefined; suffix?: string | undefined } | undefined;
  /** Where the quote was: a Hypothesis position counts the annotated page's text, a My-notes one the passage's. */
  position?: TextRange | undefined;
  /** The passage a My-notes annotation names. */
  passage?: string | undefined;
  /** The page a Hypothesis annotation was made on (its `uri`). */
  page?: string | undefined;
  /** The annotation this one replies to (Hypothesis `references`, last entry). */
  parent?: string | undefined;
}

/** A passage as anchoring needs it: its id, number, text and offset in the whole source. */
export interface LayerPassage {
  id: string;
  number: number;
  text: string;
  start: number;
}

export interface LayerReading {
  id: string;
  source: string;
  passages: readonly LayerPassage[];
}

export type Anchoring =
  | { placed: true; passage: string; number: number; range?: TextRange | undefined; how: 'position' | 'quote' | 'whitespace' | 'passage' }
  | { placed: false; reason: string };

export interface LayerReply extends LayerAnnotation {
  /** 1 for a reply to the thread's first annotation, 2 for a reply to that reply … */
  depth: number;
}

/** A thread: an annotation on the text and its replies, in the order they were written. */
export interface LayerThread {
  root: LayerAnnotation;
  anchoring: Anchoring;
  replies: LayerReply[];
}

export interface ResolvedLayer {
  reading: string;
  id: string;
  meta: LayerMeta;
  /** Placed threads, in reading order (passage, then place in it, then date). */
  threads: LayerThread[];
  /** Threads on the whole reading (Hypothesis page notes: no quote, no position), in date order. */
  pageNotes: LayerThread[];
  /** Threads whose annotation is not in the text (or whose first annotation is missing), in file order. */
  orphans: LayerThread[];
}

// ---- Rendering bodies -------------------------------------------------------------------------

type Hast = HastNode & { type: string; value?: string; tagName?: string; properties?: Record<string, unknown>; children?: Hast[] };

/**
 * What an annotator's Markdown may become: raw HTML is shown as the text it is (not parsed: no
 * HTML passes), an image is its alt text (nothing loads from another site), a link the URL policy
 * refuses is its words, a heading is a bold paragraph (an annotation must not break the page's outline).
 */
function tame(node: Hast, atRoot = false): Hast[] {
  if (node.type === 'raw') {
    const text = { type: 'text', value: node.value ?? '' } as Hast;
    // A block of HTML is a paragraph of its own, as the annotator saw it set apart.
    return [atRoot ? ({ type: 'element', tagName: 'p', properties: {}, children: [text] } as Hast) : text];
  }
  if (node.type === 'element' && node.tagName === 'img') {
    const alt = String(node.properties?.['alt'] ?? '');
    return alt ? [{ type: 'text', value: `[${alt}]` } as Hast] : [];
  }
  const children = node.children?.flatMap((child) => tame(child));
  // A link the URL policy refuses (javascript:, data: …) is its words: an <a> without an address would look like a link and do nothing.
  if (node.type === 'element' && node.tagName === 'a' && !checkUrl(String(node.properties?.['href'] ?? ''), { context: 'link' }).ok) return children ?? [];
  if (node.type === 'element' && /^h[1-6]$/.test(node.tagName ?? '')) {
    return [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'element', tagName: 'strong', properties: {}, children: children ?? [] } as Hast] } as Hast];
  }
  return [children ? ({ ...node, children } as Hast) : node];
}

const NO_COMPONENTS = {} as ComponentRenderers;

/** An annotator's Markdown as HTML a page may show: GFM, raw HTML as text, cleaned by the one allowlist. */
export function renderLayerMarkdown(text: string): string {
  const tree = markdownToHast(text, { features: { gfm: true }, position: false }) as Hast;
  const nodes = (tree.children ?? []).flatMap((node) => tame(node, true));
  return sanitizeHtml(nodes.map((node) => hastToHtml(node, NO_COMPONENTS)).join('').trim());
}

/** Plain text (a My-notes body) as paragraphs, every character shown as written. */
export function renderPlainText(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

// ---- Reading files ----------------------------------------------------------------------------

/** Extensions of annotation files in a layer folder. */
export const LAYER_FILE_EXTENSIONS = ['.json', '.jsonld'] as const;

const HYPOTHESIS_FIX = 'export the annotations again from Hypothesis (its Export, JSON format), or correct this field';
const W3C_FIX = 'export the notes again from the reading page (My notes, then Export as JSON-LD), or correct this field';

/** `acct:maria@hypothes.is` → `maria`. */
export const hypothesisUsername = (user: string) => /^acct:([^@]+)@/.exec(user)?.[1] ?? user;

function fromHypothesis(a: HypothesisAnnotation, file: string): LayerAnnotation {
  const selectors = a.target.flatMap((t) => t.selector ?? []);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as { exact: string; prefix?: string; suffix?: string } | undefined;
  const position = selectors.find((s) => s.type === 'TextPositionSelector') as TextRange | undefined;
  const author = a.user_info?.display_name?.trim() || hypothesisUsername(a.user);
  return {
    id: a.id,
    file,
    format: 'hypothesis',
    author,
    created: a.created,
    updated: a.updated,
    text: a.text,
    html: renderLayerMarkdown(a.text),
    tags: a.tags.map((tag) => tag.trim()).filter(Boolean),
    quote: quote && { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    position: position && position.end >= position.start ? { start: position.start, end: position.end } : undefined,
    parent: a.references?.at(-1),
    page: a.uri ?? a.target[0]?.source,
  };
}

function fromWebAnnotation(a: LayerWebAnnotation, file: string, author: string): LayerAnnotation {
  const selectors = Array.isArray(a.target.selector) ? a.target.selector : [a.target.selector];
  const refined = selectors.map((s) => s.refinedBy);
  const quote = refined.find((r) => r?.type === 'TextQuoteSelector') as { exact: string; prefix?: string; suffix?: string } | undefined;
  const position = refined.find((r) => r?.type === 'TextPositionSelector') as TextRange | undefined;
  const bodies = a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body];
  const text = bodies.filter((b) => b.purpose !== 'tagging').map((b) => b.value).join('\n\n');
  const markdown = bodies.some((b) => b.purpose !== 'tagging' && b.format === 'text/markdown');
  return {
    id: a.id,
    file,
    format: 'web-annotation',
    author: a.creator?.name ?? author,
    created: a.created,
    updated: a.modified,
    text,
    html: markdown ? renderLayerMarkdown(text) : renderPlainText(text),
    tags: bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value.trim()).filter(Boolean),
    quote: quote && { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    position: position && position.end >= position.start ? { start: position.start, end: position.end } : undefined,
    passage: selectors[0]!.value.slice('p-'.length),
  };
}

function schemaProblems(error: z.ZodError, file: string, fix: string): ContentProblem[] {
  // One problem per field: a union reports each branch it tried, which is one mistake, not several.
  const seen = new Set<string>();
  const problems: ContentProblem[] = [];
  for (const issue of error.issues) {
    const field = formatPath(issue.path);
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ kind: 'invalid-field', file, field: field || undefined, message: `${issue.message}.`.replace(/\.\.$/, '.'), fix: `${fix}.` });
  }
  return problems;
}

/** The author shown for annotations of a file that names none: layer.yaml's `authors`, else "A reader". */
export const ANONYMOUS = 'A reader';

/**
 * Reads one annotation file of a layer. `file` is its path as shown to the editor; `name` its name
 * in the folder (for layer.yaml's `authors`). Problems say what is wrong with the file as a whole or
 * with one field; the annotations are those of a file without problems.
 */
export function parseLayerFile(file: string, text: string, meta: Pick<LayerMeta, 'authors'> = {}): { annotations: LayerAnnotation[]; problems: ContentProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      annotations: [],
      problems: [{ kind: 'invalid-annotation-file', file, message: `the file is not valid JSON: ${(error as Error).message}.`, fix: 'export it again from the tool that wrote it; a file edited by hand must stay valid JSON.' }],
    };
  }
  const record = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  if (record && Array.isArray(record['annotations'])) {
    const parsed = HypothesisExportSchema.safeParse(record);
    if (!parsed.success) return { annotations: [], problems: schemaProblems(parsed.error, file, HYPOTHESIS_FIX) };
    return { annotations: parsed.data.annotations.map((a) => fromHypothesis(a, file)), problems: [] };
  }
  if (record && record['type'] === 'AnnotationCollection') {
    const parsed = LayerCollectionSchema.safeParse(record);
    if (!parsed.success) return { annotations: [], problems: schemaProblems(parsed.error, file, W3C_FIX) };
    const name = file.split('/').at(-1)!;
    const author = meta.authors?.[name] ?? ANONYMOUS;
    return { annotations: parsed.data.first.items.map((a) => fromWebAnnotation(a, file, author)), problems: [] };
  }
  return {
    annotations: [],
    problems: [
      {
        kind: 'invalid-annotation-file',
        file,
        message: 'this is neither a Hypothesis export (an object with "annotations") nor a W3C Web Annotation collection ("type": "AnnotationCollection").',
        fix: 'put here the file Hypothesis exports (JSON) or a reader\u2019s "My notes" export (JSON-LD), as they were downloaded.',
      },
    ],
  };
}

// ---- Anchoring and threading ------------------------------------------------------------------

/** The passage holding source offset `at` (passages are in source order). */
function passageAt(reading: LayerReading, at: number): LayerPassage | undefined {
  let found: LayerPassage | undefined;
  for (const passage of reading.passages) {
    if (passage.start > at) break;
    if (at < passage.start + passage.text.length) found = passage;
  }
  return found;
}

const quoted = (text: string, max = 60) => `\u201C${text.length > max ? `${text.slice(0, max - 1)}\u2026` : text}\u201D`;

const onOtherReading = (reading: LayerReading, annotation: LayerAnnotation) => {
  const other = annotation.page === undefined ? undefined : readingIdOfSource(annotation.page);
  return other !== undefined && other !== reading.id;
};

/** A Hypothesis page note: on the page as a whole (no quote, no position), not a reply, made on this reading. */
const isPageNote = (reading: LayerReading, annotation: LayerAnnotation) =>
  annotation.format === 'hypothesis' && !annotation.quote && !annotation.position && annotation.parent === undefined && !onOtherReading(reading, annotation);

/** A quote with its context, none given being none (what `reanchor` reads the same way). */
const withContext = (quote: NonNullable<LayerAnnotation['quote']>) => ({ exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' });

/**
 * Where an annotation sits in the reading. A My-notes annotation names its passage and is anchored
 * in it (position first while the quote is still there, as for the reader's own notes); a Hypothesis
 * annotation's quote is looked for in the whole text, its position only choosing between places.
 */
export function anchorLayerAnnotation(reading: LayerReading, annotation: LayerAnnotation): Anchoring {
  const { quote } = annotation;
  if (annotation.passage !== undefined) {
    const passage = reading.passages.find((p) => p.id === annotation.passage);
    if (!passage) return { placed: false, reason: `passage \u201C${annotation.passage}\u201D is not in this reading` };
    if (!quote) return { placed: true, passage: passage.id, number: passage.number, how: 'passage' };
    const at = reanchor(passage.text, withContext(quote), annotation.position);
    if (!at) return { placed: false, reason: `${quoted(quote.exact)} is no longer in passage ${passage.number}` };
    return { placed: true, passage: passage.id, number: passage.number, range: { start: at.start, end: at.end }, how: at.how };
  }
  // A group's export holds its annotations on every page: one made on another reading is not this one's.
  if (onOtherReading(reading, annotation)) return { placed: false, reason: `it was made on another reading's page (${annotation.page})` };
  if (!quote) return { placed: false, reason: 'it quotes no text (no TextQuoteSelector)' };
  // The position only breaks ties: a place is taken for it alone when the quote and its context are there too.
  const at = reanchor(reading.source, withContext(quote), annotation.position);
  const passage = at && passageAt(reading, at.start);
  if (!at || !passage) return { placed: false, reason: `${quoted(quote.exact)} is not in the text` };
  const start = at.start - passage.start;
  const end = Math.min(at.end - passage.start, passage.text.length);
  return { placed: true, passage: passage.id, number: passage.number, range: { start, end }, how: at.how === 'position' ? 'quote' : at.how };
}

/** Why a page note is not placed on a passage: it is about the whole reading. */
const PAGE_NOTE = 'a note on the whole reading';

/**
 * The layer's threads: annotations with a parent become replies under the thread's first
 * annotation (at their depth, in date order); the others are anchored. An annotation whose thread
 * starts with one that is not in the layer opens an orphan thread of its own. The same annotation
 * in two files (overlapping exports of one group) is kept once, in its latest version.
 */
export function resolveLayer(reading: LayerReading, id: string, meta: LayerMeta, annotations: readonly LayerAnnotation[]): ResolvedLayer {
  const byId = new Map<string, LayerAnnotation>();
  for (const annotation of annotations) {
    const known = byId.get(annotation.id);
    const version = (a: LayerAnnotation) => a.updated ?? a.created;
    if (!known || version(annotation) > version(known)) byId.set(annotation.id, annotation);
  }
  const rootOf = (annotation: LayerAnnotation): { root: string; depth: number } => {
    let current = annotation;
    let depth = 0;
    const seen = new Set<string>();
    while (current.parent !== undefined && !seen.has(current.id)) {
      seen.add(current.id);
      const parent = byId.get(current.parent);
      if (!parent) return { root: current.id, depth };
      current = parent;
      depth++;
    }
    return { root: current.id, depth };
  };
  const threads = new Map<string, LayerThread>();
  const order = [...byId.values()].sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1));
  for (const annotation of order) {
    if (rootOf(annotation).root === annotation.id) {
      const anchoring: Anchoring =
        annotation.parent !== undefined
          ? { placed: false, reason: `it replies to annotation \u201C${annotation.parent}\u201D, which is not in this layer` }
          : isPageNote(reading, annotation)
            ? { placed: false, reason: PAGE_NOTE }
            : anchorLayerAnnotation(reading, annotation);
      threads.set(annotation.id, { root: annotation, anchoring, replies: [] });
    }
  }
  for (const annotation of order) {
    const { root, depth } = rootOf(annotation);
    if (root !== annotation.id) threads.get(root)!.replies.push({ ...annotation, depth });
  }
  const all = [...threads.values()];
  const placed = all.filter((t) => t.anchoring.placed) as (LayerThread & { anchoring: Extract<Anchoring, { placed: true }> })[];
  placed.sort((a, b) => a.anchoring.number - b.anchoring.number || (a.anchoring.range?.start ?? -1) - (b.anchoring.range?.start ?? -1) || (a.root.created < b.root.created ? -1 : 1));
  const pageNote = (t: LayerThread) => !t.anchoring.placed && t.anchoring.reason === PAGE_NOTE;
  const orphans = all.filter((t) => !t.anchoring.placed && !pageNote(t)).sort((a, b) => (a.root.file < b.root.file ? -1 : a.root.file > b.root.file ? 1 : 0));
  return { reading: reading.id, id, meta, threads: placed, pageNotes: all.filter(pageNote), orphans };
}

/** The build's warning for each orphan: file, id and quote, and why (never an error: the layer still builds). */
export function orphanWarnings(layer: ResolvedLayer): string[] {
  return layer.orphans.map(({ root, anchoring }) => {
    const why = anchoring.placed ? '' : anchoring.reason;
    const quote = root.quote ? ` ${quoted(root.quote.exact)}` : '';
    return `${root.file}: annotation ${root.id}${quote} does not anchor (${why}); it is listed on the layer's page.`;
  });
}

/** Element id of an annotation on its layer's page (and on the reading page, once shown). */
export const layerAnnotationAnchor = (id: string) => `a-${id.replace(/^urn:uuid:/i, '')}`;

// ---- Export -----------------------------------------------------------------------------------

/** An annotation's id as an IRI: a Hypothesis annotation's own page, or its `urn:uuid:`. */
export const annotationIri = (annotation: Pick<LayerAnnotation, 'id' | 'format'>) =>
  annotation.format === 'hypothesis' ? `https://hypothes.is/a/${annotation.id}` : annotation.id;

function bodies(annotation: LayerAnnotation, purpose: string) {
  const format = annotation.format === 'hypothesis' ? 'text/markdown' : 'text/plain';
  return [
    ...(annotation.text ? [{ type: 'TextualBody', value: annotation.text, format, purpose }] : []),
    ...annotation.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
  ];
}

function common(annotation: LayerAnnotation) {
  return {
    id: annotationIri(annotation),
    type: 'Annotation',
    created: annotation.created,
    ...(annotation.updated ? { modified: annotation.updated } : {}),
    creator: { type: 'Person', name: annotation.author },
  };
}

/** The words at `range` of a passage's text, with the context readers' own notes keep. */
const passageQuote = (text: string, range: TextRange) => ({
  exact: text.slice(range.start, range.end),
  prefix: text.slice(Math.max(0, range.start - QUOTE_CONTEXT), range.start),
  suffix: text.slice(range.end, range.end + QUOTE_CONTEXT),
});

/** Selectors for a placed annotation, as "My notes" writes them: the passage, refined by the phrase and its place. */
function placedTarget(reading: LayerReading, anchoring: Extract<Anchoring, { placed: true }>, source: string) {
  const fragment = (refinedBy?: object) => ({ type: 'FragmentSelector', conformsTo: FRAGMENT_CONFORMS_TO, value: `p-${anchoring.passage}`, ...(refinedBy ? { refinedBy } : {}) });
  const { range } = anchoring;
  if (!range) return { source, selector: fragment() };
  const text = reading.passages.find((p) => p.id === anchoring.passage)!.text;
  return {
    source,
    selector: [
      fragment({ type: 'TextQuoteSelector', ...passageQuote(text, range) }),
      fragment({ type: 'TextPositionSelector', start: range.start, end: range.end }),
    ],
  };
}

/**
 * The layer as one W3C AnnotationCollection: each thread's annotation targets its passage and
 * phrase (a page note the reading's page, an orphan the quote it had), each reply targets the annotation it answers
 * (motivation `replying`), tags are `tagging` bodies and authors `creator`s.
 */
export function layerCollection(reading: LayerReading, layer: ResolvedLayer, { readingUrl, collectionUrl }: { readingUrl: string; collectionUrl: string }) {
  const items: object[] = [];
  const pageNotes = new Set(layer.pageNotes);
  for (const thread of [...layer.threads, ...layer.pageNotes, ...layer.orphans]) {
    const { root, anchoring } = thread;
    const target = anchoring.placed
      ? placedTarget(reading, anchoring, readingUrl)
      : pageNotes.has(thread)
        ? readingUrl
        : { source: readingUrl, ...(root.quote ? { selector: { type: 'TextQuoteSelector', ...root.quote } } : {}) };
    items.push({ ...common(root), motivation: root.text ? 'commenting' : 'highlighting', body: bodies(root, 'commenting'), target });
    for (const reply of thread.replies) {
      const parent = byIdIn(thread, reply.parent!);
      items.push({ ...common(reply), motivation: 'replying', body: bodies(reply, 'replying'), target: parent ? annotationIri(parent) : annotationIri(root) });
    }
  }
  return {
    '@context': ANNO_CONTEXT,
    id: collectionUrl,
    type: 'AnnotationCollection',
    label: layer.meta.title,
    total: items.length,
    first: { id: `${collectionUrl}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

const byIdIn = (thread: LayerThread, id: string) => (thread.root.id === id ? thread.root : thread.replies.find((r) => r.id === id));

// ---- HTML -------------------------------------------------------------------------------------

const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const dateHtml = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? escapeHtml(iso) : `<time datetime="${escapeAttribute(date.toISOString())}">${DATE.format(date)}</time>`;
};

/** Author and date; `to` names who a reply answers. */
function metaHtml(annotation: LayerAnnotation, to?: string): string {
  const replying = to ? ` <span class="layer-to">replying to ${escapeHtml(to)}</span>` : '';
  return `<p class="layer-meta"><span class="layer-author">${escapeHtml(annotation.author)}</span>${replying}, ${dateHtml(annotation.created)}</p>`;
}

const tagsHtml = (tags: readonly string[]) =>
  tags.length ? `<p class="layer-tags">Tags: ${tags.map((tag) => `<span class="layer-tag">${escapeHtml(tag)}</span>`).join(', ')}</p>` : '';

/**
 * One thread as HTML, the same on the layer's page and on the reading page: the quoted words, the
 * annotation with its author, date and tags, then each reply saying whom it answers. Every string
 * from the file is escaped; bodies are the sanitised HTML. `passageLink` (on the layer's page)
 * links the passage it is about; `result` marks it as a search record landing there.
 */
export function threadHtml(thread: LayerThread, options: { passageLink?: string; result?: { url: string; layer: string; reading: string } } = {}): string {
  const { root, replies, anchoring } = thread;
  const byId = new Map([root, ...replies].map((a) => [a.id, a]));
  const quote = root.quote ? `<blockquote class="layer-quote"><p>${escapeHtml(root.quote.exact)}</p></blockquote>` : '';
  const where = options.passageLink && anchoring.placed ? `<p class="layer-where"><a href="${escapeAttribute(options.passageLink)}">Passage ${anchoring.number}</a></p>` : '';
  const result = options.result
    ? ` data-layer-result="${escapeAttribute(options.result.url)}" data-layer-title="${escapeAttribute(options.result.layer)}" data-layer-reading="${escapeAttribute(options.result.reading)}"`
    : '';
  const body = (annotation: LayerAnnotation) => (annotation.html ? `<div class="layer-body">${annotation.html}</div>` : '<p class="layer-body layer-highlight-only">Highlighted.</p>');
  const replyItems = replies
    .map((reply) => `<li class="layer-reply" id="${layerAnnotationAnchor(reply.id)}">${metaHtml(reply, byId.get(reply.parent ?? '')?.author)}${body(reply)}${tagsHtml(reply.tags)}</li>`)
    .join('');
  const repliesHtml = replyItems ? `<ol class="layer-replies" aria-label="Replies">${replyItems}</ol>` : '';
  return `<article class="layer-annotation" id="${layerAnnotationAnchor(root.id)}"${result}>${where}${quote}${metaHtml(root)}${body(root)}${tagsHtml(root.tags)}${repliesHtml}</article>`;
}

/** What the reading page fetches to show a layer: each placed thread's passage, words and HTML. */
export interface LayerClientData {
  id: string;
  title: string;
  threads: { passage: string; quote?: { exact: string; prefix: string; suffix: string } | undefined; range?: TextRange | undefined; html: string }[];
}

export function layerClientData(reading: LayerReading, layer: ResolvedLayer): LayerClientData {
  const texts = new Map(reading.passages.map((p) => [p.id, p.text]));
  return {
    id: layer.id,
    title: layer.meta.title,
    threads: layer.threads.map((thread) => {
      const anchoring = thread.anchoring as Extract<Anchoring, { placed: true }>;
      const text = texts.get(anchoring.passage) ?? '';
      const { range } = anchoring;
      return { passage: anchoring.passage, quote: range && passageQuote(text, range), range, html: threadHtml(thread) };
    }),
  };
}
