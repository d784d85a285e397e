/**
 * The edition's notes on a reading as a W3C Web Annotation collection
 * (https://www.w3.org/TR/annotation-model/), for other tools to import: each note targets the reader
 * page, located by a TextQuoteSelector (the phrase with some context) and a TextPositionSelector
 * (where it is in the whole source text). Positions count Unicode code points, as the model says,
 * not the UTF-16 units JavaScript strings use.
 */
import type { NoteKind } from '../schemas/annotation.ts';
import { formatCitation } from './citations.ts';
import { noteAnchor } from './constants.ts';
import { bibliographyItems, passageRefTarget, type Edition, type EditionNote, type EditionReading } from './edition.ts';
import { asSourceId, asTermId } from './ids.ts';
import { mdxPlainText } from './mdx-scan.ts';
import { pageWithinReading } from './reading-layout.ts';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** What each kind of note does, in the model's motivation vocabulary. */
export const MOTIVATION_BY_KIND: Record<NoteKind, string> = {
  context: 'commenting',
  gloss: 'describing',
  editorial: 'editing',
  question: 'questioning',
  'cross-reference': 'linking',
  apparatus: 'editing',
};

/**
 * A tag on textual apparatus entries: both they and editorial notes are `editing`, and a tool that
 * imports the collection can still tell the typographic ones apart (and, say, hide them).
 */
export const APPARATUS_TAG = 'textual apparatus';

/** Code points of context kept on either side of a quote: enough to find it again if the text moves. */
export const QUOTE_CONTEXT = 32;

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  purpose: string;
}

export interface EditorialAnnotation {
  id: string;
  type: 'Annotation';
  motivation: string;
  body: TextualBody[];
  target:
    | string
    | {
        source: string;
        selector: [
          { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
          { type: 'TextPositionSelector'; start: number; end: number },
        ];
      };
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: EditorialAnnotation[] };
}

/** Code points in `text` before UTF-16 offset `offset`. */
export function codePointOffset(text: string, offset: number): number {
  return codePointIndex(text.slice(0, offset)).atOffset[offset]!;
}

/** Slices `text` by code point positions (what a TextPositionSelector addresses). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** The note's range in the whole source, in UTF-16 units; the whole passage when it has no phrase. */
function sourceRange(note: EditionNote, reading: EditionReading): { start: number; end: number } | undefined {
  const passage = note.passage ? reading.passageById.get(note.passage) : undefined;
  if (!passage) return undefined;
  return note.range
    ? { start: passage.start + note.range.start, end: passage.start + note.range.end }
    : { start: passage.start, end: passage.start + passage.text.length };
}

/**
 * A source text addressed by code point: the code points once, and the code point index of every
 * UTF-16 offset, so each of a book's thousands of notes costs its own length, not the book's.
 */
export interface CodePointIndex {
  points: string[];
  /** `atOffset[i]` = code points before UTF-16 offset `i`. */
  atOffset: Uint32Array;
}

export function codePointIndex(text: string): CodePointIndex {
  const atOffset = new Uint32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    atOffset[i] = count;
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    // An offset inside a surrogate pair counts the high half as one code point (as a slice there would).
    if (pair) atOffset[++i] = count + 1;
    count++;
  }
  atOffset[text.length] = count;
  return { points: Array.from(text), atOffset };
}

const sourceIndexes = new WeakMap<EditionReading, CodePointIndex>();
function sourceIndex(reading: EditionReading): CodePointIndex {
  let index = sourceIndexes.get(reading);
  if (!index) sourceIndexes.set(reading, (index = codePointIndex(reading.source)));
  return index;
}

/** One note as an annotation; `text` is the note's body as plain text. */
export function toEditorialAnnotation(note: EditionNote, reading: EditionReading, pageUrl: string, text: string): EditorialAnnotation {
  const motivation = MOTIVATION_BY_KIND[note.kind];
  const body: TextualBody[] = [{ type: 'TextualBody', value: text, format: 'text/plain', purpose: motivation === 'editing' ? 'commenting' : motivation }];
  if (note.correction !== undefined) body.push({ type: 'TextualBody', value: note.correction, format: 'text/plain', purpose: 'editing' });
  if (note.kind === 'apparatus') body.push({ type: 'TextualBody', value: APPARATUS_TAG, format: 'text/plain', purpose: 'tagging' });
  // The note's permalink, on the page that shows it; the target stays the reading, whose whole text the positions count in.
  const id = `${pageUrl}${pageWithinReading(reading.layout, note.passage)}#${noteAnchor(note.id)}`;
  const range = sourceRange(note, reading);
  if (!range) return { id, type: 'Annotation', motivation, body, target: pageUrl };
  const { points, atOffset } = sourceIndex(reading);
  const start = atOffset[range.start]!;
  const end = atOffset[range.end]!;
  return {
    id,
    type: 'Annotation',
    motivation,
    body,
    target: {
      source: pageUrl,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: points.slice(start, end).join(''),
          prefix: points.slice(Math.max(0, start - QUOTE_CONTEXT), start).join(''),
          suffix: points.slice(end, end + QUOTE_CONTEXT).join(''),
        },
        { type: 'TextPositionSelector', start, end },
      ],
    },
  };
}

/**
 * A note's body as plain text: Markdown dropped, `<Cite>` as its formatted citation, `<Term>` and
 * `<PassageRef>` as the words they show ("¶14" when a reference has no text of its own).
 */
export function noteBodyText(body: string, edition: Edition, reading: EditionReading): string {
  // Asked again for each glossary term a note uses ("where used" opens with it): at 10,000 passages
  // parsing the same notes' MDX again took 2.9 s, where the export's one pass takes 0.2 s.
  let texts = bodyTexts.get(reading);
  if (!texts) bodyTexts.set(reading, (texts = new Map()));
  let text = texts.get(body);
  if (text === undefined) texts.set(body, (text = plainBody(body, edition, reading)));
  return text;
}
const bodyTexts = new WeakMap<EditionReading, Map<string, string>>();

function plainBody(body: string, edition: Edition, reading: EditionReading): string {
  const context = bibliographyItems(edition);
  return mdxPlainText(body, ({ name, props, text }) => {
    if (name === 'Cite') {
      const source = edition.sourceById.get(asSourceId(props['id'] ?? ''));
      if (!source) return text;
      return formatCitation(source.item, { locator: props['locator'], mode: props['mode'] === 'narrative' ? 'narrative' : 'parenthetical', context });
    }
    if (name === 'Term' && !text) return edition.termById.get(asTermId(props['id'] ?? ''))?.term ?? '';
    if (name === 'PassageRef' && !text) {
      const target = passageRefTarget(edition, props['id'] ?? '', { named: props['reading'], own: reading.id });
      return target ? `¶${target.passage.number}` : '';
    }
    return text;
  });
}

/** Every note of a reading (margin notes in order, the textual apparatus in order, then the reading-wide questions). */
export function annotationCollection(
  edition: Edition,
  reading: EditionReading,
  { pageUrl, collectionUrl }: { pageUrl: string; collectionUrl: string },
): AnnotationCollection {
  const items = [...reading.notes, ...reading.apparatus, ...reading.questions].map((note) =>
    toEditorialAnnotation(note, reading, pageUrl, noteBodyText(note.body, edition, reading)),
  );
  return {
    '@context': ANNOTATION_CONTEXT,
    id: collectionUrl,
    type: 'AnnotationCollection',
    label: `Editorial notes on \u201C${reading.title}\u201D`,
    total: items.length,
    first: { id: `${collectionUrl}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
