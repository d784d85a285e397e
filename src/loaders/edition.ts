/**
 * `getEdition()`: the joined, checked edition for pages and endpoints (readings ⨝ notes ⨝ glossary ⨝
 * sources, with note ranges and numbers, term marks per passage and the reverse indexes). Built
 * from the content collections, so what a page lists is exactly what `render(entry)` renders.
 *
 * Render a note or term body with `render(await getNoteEntry(note))` / `getTermEntry(term)`.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { citationSetup, defaultCitationStyle, formatBibliography, useCitationStyles, type BibliographyEntry, type CitationSetup, type CitationStyle } from '../lib/citations.ts';
import { bibliographyItems, buildEdition, type Edition, type EditionNote, type EditionTerm } from '../lib/edition.ts';
import { errorForAstro } from './content-outcome.ts';
import { readingSource } from '../lib/passages.ts';
import { checkedEdition } from './checked-edition.ts';
import { readingLayout } from '../lib/reading-layout.ts';
import type { ResolvedLayer } from '../lib/layers.ts';

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
  await getCitationStyles();
  // In a build, the edition the content check already joined from the same files.
  const checked = import.meta.env.DEV ? undefined : checkedEdition();
  if (checked) return checked;
  const [readings, notes, glossary, sources] = await Promise.all([
    getCollection('readings'),
    getCollection('notes'),
    getCollection('glossary'),
    getCollection('sources'),
  ]);
  const { edition, problems } = buildEdition({
    readings: readings.map((r) => ({
      id: r.id,
      title: r.data.title,
      order: r.data.order,
      language: r.data.language,
      passages: r.data.passages,
      source: readingSource(r.data),
      layout: readingLayout(r.id, r.data.passages, r.data.sections, r.data.sectionPages),
    })),
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

/** Every annotation layer of the edition, or a reading's. */
export async function getLayers(reading?: string): Promise<ResolvedLayer[]> {
  if (reading) return (await getEntry('layers', reading))?.data.layers ?? [];
  return (await getCollection('layers')).flatMap((entry) => entry.data.layers);
}

/** One annotation layer of a reading; a route's params always name one that exists. */
export async function getLayer(reading: string, id: string): Promise<ResolvedLayer> {
  const layer = (await getLayers(reading)).find((candidate) => candidate.id === id);
  if (!layer) throw new Error(`No layer "${id}" in reading "${reading}".`);
  return layer;
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

let styles: Promise<CitationSetup> | undefined;

/**
 * The project's citation styles (reader.config.yaml `citation`, read from src/content/csl/ by the content
 * check), made the ones every citation function formats with in this process; once per build.
 */
export function getCitationStyles(): Promise<CitationSetup> {
  const load = async () => {
    const entries = (await getCollection('citationStyles')).sort((a, b) => a.data.order - b.data.order);
    const first = entries[0]?.data;
    if (first) {
      useCitationStyles({
        styles: entries.map(({ data: { name, title, format, defaultLocale, xml } }) => ({ name, title, format, defaultLocale, xml })),
        defaultStyle: (entries.find((entry) => entry.data.isDefault) ?? entries[0]!).id,
        locales: first.locales,
        locale: first.locale,
      });
    }
    return citationSetup();
  };
  if (import.meta.env.DEV) return load();
  styles ??= load();
  return styles;
}

const bibliographies = new Map<CitationStyle, Promise<BibliographyEntry[]>>();

/**
 * The edition's bibliography formatted in `style` (the project's default style when left out), in
 * the style's order; computed once per build and style. Entries carry the source id, so a page can
 * pick the ones it needs and still show the year suffixes ("2012a") of the full list.
 */
export async function getBibliography(style?: CitationStyle): Promise<BibliographyEntry[]> {
  const edition = await getEdition();
  const name = style ?? defaultCitationStyle();
  const make = async () => formatBibliography(bibliographyItems(edition), name);
  if (import.meta.env.DEV) return make();
  let entries = bibliographies.get(name);
  if (!entries) bibliographies.set(name, (entries = make()));
  return entries;
}
