/**
 * `getEdition()`: the joined, checked edition for pages and endpoints (readings ⨝ notes ⨝ glossary ⨝
 * sources, with note ranges and numbers, term marks per passage and the reverse indexes). Built
 * from the content collections, so what a page lists is exactly what `render(entry)` renders.
 *
 * Render a note or term body with `render(await getNoteEntry(note))` / `getTermEntry(term)`.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { DEFAULT_CITATION_STYLE, formatBibliography, type BibliographyEntry, type CitationStyle } from '../lib/citations.ts';
import { buildEdition, type Edition, type EditionNote, type EditionTerm } from '../lib/edition.ts';
import { errorForAstro } from './content-outcome.ts';

export type * from '../lib/edition.ts';

let memo: Promise<Edition> | undefined;

/**
 * The edition, computed once per build (every call returns the same object). In `astro dev` it is
 * recomputed on each call, so edits show up on reload. Throws a ContentError if the content is
 * inconsistent (the content loaders normally fail the build before this can happen).
 */
export function getEdition(): Promise<Edition> {
  if (import.meta.env.DEV) return loadEdition();
  memo ??= loadEdition();
  return memo;
}

async function loadEdition(): Promise<Edition> {
  const [readings, notes, glossary, sources] = await Promise.all([
    getCollection('readings'),
    getCollection('notes'),
    getCollection('glossary'),
    getCollection('sources'),
  ]);
  const { edition, problems } = buildEdition({
    readings: readings.map((r) => ({ id: r.id, title: r.data.title, order: r.data.order, language: r.data.language, passages: r.data.passages, source: r.data.source })),
    notes: notes.map((entry) => {
      const [reading = '', id = ''] = entry.id.split('/');
      return { id, reading, file: entry.filePath ?? entry.id, data: entry.data, body: entry.body ?? '' };
    }),
    terms: glossary.map((entry) => ({ id: entry.id, file: entry.filePath ?? entry.id, data: entry.data, body: entry.body ?? '' })),
    sources: sources.map((entry) => ({ item: entry.data })),
    sourcesFile: 'annotations/sources.yaml',
  });
  // Printed by Astro as the message alone, like the loaders' (no stack, no internal location).
  if (problems.length) throw errorForAstro(problems);
  return edition;
}

/** The collection entry of a note, for `render(entry)`. */
export async function getNoteEntry(note: EditionNote): Promise<CollectionEntry<'notes'>> {
  const entry = await getEntry('notes', note.entryId);
  if (!entry) throw new Error(`No notes entry "${note.entryId}".`);
  return entry;
}

/** The collection entry of a glossary term, for `render(entry)`. */
export async function getTermEntry(term: EditionTerm): Promise<CollectionEntry<'glossary'>> {
  const entry = await getEntry('glossary', term.entryId);
  if (!entry) throw new Error(`No glossary entry "${term.entryId}".`);
  return entry;
}

const bibliographies = new Map<CitationStyle, Promise<BibliographyEntry[]>>();

/**
 * The edition's bibliography formatted in `style` (Chicago author-date by default), in the style's
 * order; computed once per build. Entries carry the source id, so a page can pick the ones it needs
 * and still show the year suffixes ("2012a") of the full list.
 */
export function getBibliography(style: CitationStyle = DEFAULT_CITATION_STYLE): Promise<BibliographyEntry[]> {
  const make = async () => formatBibliography((await getEdition()).sources.map((s) => s.item), style);
  if (import.meta.env.DEV) return make();
  let entries = bibliographies.get(style);
  if (!entries) bibliographies.set(style, (entries = make()));
  return entries;
}
