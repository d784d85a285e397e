/**
 * Which page holds a passage. A reading up to the configured size is one page, `/read/<reading>/`,
 * as it always was; a longer one is served as one page per top-level section,
 * `/read/<reading>/<section>/`, with `/read/<reading>/` its title page and contents. Passage ids
 * never change, so a permalink is the page that holds the passage plus `#p-<id>`; every link to a
 * passage (notes, glossary and sources lists, citations, exports, search, layers, courses) is
 * built here, and the browser follows an old `/read/<reading>/#p-<id>` with the compact map
 * `passagePageMap` writes.
 */
import { noteAnchor, PASSAGE_ANCHOR_PREFIX, passageAnchor } from './constants.ts';
import { readingPath } from './urls.ts';

/** One section page of a split reading. */
export interface SectionPage {
  id: string;
  title: string;
  /** Site path, as if the site sat at `/`. */
  path: string;
  /** Numbers of its first and last passage (1-based, in reading order). */
  first: number;
  last: number;
  /** Id of its first passage (where the contents link lands). */
  firstPassage: string;
}

export interface ReadingLayout {
  reading: string;
  /** The section pages in reading order; empty when the reading is one page. */
  sections: SectionPage[];
  /** Index into `sections` of each passage's page (split readings only). */
  sectionOf: ReadonlyMap<string, number>;
}

/** The fields this module needs of a passage and of a section (the readings collection's fit). */
export interface LayoutPassage {
  id: string;
  section: string;
}

/**
 * reader.config.yaml `sectionPages`: a reading with more passages than `above` is split; a page
 * holds one section, or several in a row while they are shorter than `shortest` passages together
 * (a page of a few passages would be mostly the site's chrome).
 */
export interface SectionPagesConfig {
  above: number;
  shortest?: number | undefined;
}

/** A reading shown whole: every passage on `/read/<reading>/`. */
export const onePageLayout = (reading: string): ReadingLayout => ({ reading, sections: [], sectionOf: new Map() });

export const sectionPagePath = (reading: string, section: string) => `${readingPath(reading)}${section}/`;

/** The compact passage → page map of a split reading, fetched by the contents page for old permalinks. */
export const passagePagesPath = (reading: string) => `${readingPath(reading)}passage-pages.json`;

/**
 * The layout of a reading: one page when it has `config.above` passages or fewer (or one section
 * only, which could not be split), else one page per section, in the order its passages come.
 */
export function readingLayout(
  reading: string,
  passages: readonly LayoutPassage[],
  sections: readonly { id: string; title: string }[],
  config: SectionPagesConfig,
): ReadingLayout {
  if (passages.length <= config.above) return onePageLayout(reading);
  const shortest = config.shortest ?? 0;
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  const pages: SectionPage[] = [];
  const sectionOf = new Map<string, number>();
  let open: SectionPage | undefined;
  let section: string | undefined;
  passages.forEach((passage, i) => {
    if (passage.section !== section) {
      section = passage.section;
      const title = titles.get(section) ?? section;
      // A new section starts a page unless the page so far is still too short to stand alone.
      if (open && open.last - open.first + 1 < shortest) open.title += `, ${title}`;
      else pages.push((open = { id: section, title, path: sectionPagePath(reading, section), first: i + 1, last: i + 1, firstPassage: passage.id }));
    }
    open!.last = i + 1;
    sectionOf.set(passage.id, pages.length - 1);
  });
  // A short last page joins the one before it.
  const last = pages.at(-1)!;
  if (pages.length > 1 && last.last - last.first + 1 < shortest) {
    pages.pop();
    const previous = pages.at(-1)!;
    Object.assign(previous, { title: `${previous.title}, ${last.title}`, last: last.last });
    for (const [id, index] of sectionOf) if (index === pages.length) sectionOf.set(id, index - 1);
  }
  return pages.length > 1 ? { reading, sections: pages, sectionOf } : onePageLayout(reading);
}

/** Marks the pages of a reading split into section pages (its value the reading's id), for src/scripts/section-pages.ts. */
export const SPLIT_READING_ATTRIBUTE = 'data-section-pages';

export const isSplit = (layout: ReadingLayout) => layout.sections.length > 0;

/**
 * The page holding a passage relative to the reading's own address: '' on a one-page reading (and
 * for a passage the layout does not know), `<section>/` on a split one. For addresses built on the
 * reading's absolute URL (exports, citations).
 */
export function pageWithinReading(layout: ReadingLayout, passage: string | undefined): string {
  const index = passage === undefined ? undefined : layout.sectionOf.get(passage);
  return index === undefined ? '' : `${layout.sections[index]!.id}/`;
}

/** The page holding a passage, as a site path (the reading's page for a passage it does not know). */
export const passagePagePath = (layout: ReadingLayout, passage: string) => `${readingPath(layout.reading)}${pageWithinReading(layout, passage)}`;

/** A passage's permalink, as a site path with its fragment (`/read/r/chapter-2/#p-id`). */
export const passageHref = (layout: ReadingLayout, passage: string) => `${passagePagePath(layout, passage)}#${passageAnchor(passage)}`;

/** The section page before and after `index`, for prev/next links. */
export const neighbours = (layout: ReadingLayout, index: number) => ({ previous: layout.sections[index - 1], next: layout.sections[index + 1] });

/** A note's permalink: on its passage's page; a reading-wide note (no passage) on the reading's page. */
export const noteHref = (layout: ReadingLayout, note: { id: string; passage?: string | undefined }) =>
  `${readingPath(layout.reading)}${pageWithinReading(layout, note.passage)}#${noteAnchor(note.id)}`;

/**
 * The map the browser reads to follow an old permalink: the section ids in order, and for each
 * fragment id on a section page (`p-<id>`, `note-<id>`) the index of its section.
 */
export interface PassagePageMap {
  sections: string[];
  /** Passages first, in reading order (the browser numbers them by it), then notes. */
  anchors: Record<string, number>;
}

export function passagePageMap(layout: ReadingLayout, notes: readonly { id: string; passage?: string | undefined }[]): PassagePageMap {
  const anchors: Record<string, number> = {};
  for (const [passage, index] of layout.sectionOf) anchors[passageAnchor(passage)] = index;
  for (const note of notes) {
    const index = note.passage === undefined ? undefined : layout.sectionOf.get(note.passage);
    if (index !== undefined) anchors[noteAnchor(note.id)] = index;
  }
  return { sections: layout.sections.map((s) => s.id), anchors };
}

/**
 * The section page a fragment names (`#p-<id>`, `#note-<id>`, a verse line's `#p-<id>-l3`), or
 * undefined: the fragment is on no section page.
 */
export function sectionOfFragment(map: PassagePageMap, fragment: string): string | undefined {
  const id = fragmentId(fragment);
  return id === undefined ? undefined : sectionOfAnchor(map, id);
}

/** The element id a URL fragment names (`#p-x:~:text=…` names `p-x`); undefined when it does not decode. */
export function fragmentId(fragment: string): string | undefined {
  try {
    return decodeURIComponent(fragment.replace(/^#/, '')).split(':~:')[0]!;
  } catch {
    return undefined;
  }
}

/** The index of the section whose page holds the element with this id (a passage, a verse line or a note). */
export function sectionIndexOfAnchor(map: PassagePageMap, id: string): number | undefined {
  // Own keys only: a fragment such as `#constructor` must find nothing.
  const indexOf = (anchor: string) => (Object.hasOwn(map.anchors, anchor) ? map.anchors[anchor] : undefined);
  // A verse line's anchor is its passage's plus `-l<n>`; a passage id may itself end so, so the whole id is tried first.
  return indexOf(id) ?? indexOf(id.replace(/-l\d+$/, ''));
}

/** The section whose page holds the element with this id. */
export function sectionOfAnchor(map: PassagePageMap, id: string): string | undefined {
  const index = sectionIndexOfAnchor(map, id);
  return index === undefined ? undefined : map.sections[index];
}

/**
 * The layout again, in the browser, from the map (section titles are not in it: ids stand in), and
 * the reading's passages in order with their numbers: what a section page's personal notes need to
 * number, order and link notes on passages shown on other pages.
 */
export function layoutFromMap(reading: string, map: PassagePageMap): { layout: ReadingLayout; passages: { id: string; number: number }[] } {
  const sectionOf = new Map<string, number>();
  const passages: { id: string; number: number }[] = [];
  const sections: SectionPage[] = map.sections.map((id) => ({ id, title: id, path: sectionPagePath(reading, id), first: 0, last: 0, firstPassage: '' }));
  for (const [anchor, index] of Object.entries(map.anchors)) {
    if (!anchor.startsWith(PASSAGE_ANCHOR_PREFIX) || sections[index] === undefined) continue;
    const id = anchor.slice(PASSAGE_ANCHOR_PREFIX.length);
    const number = passages.length + 1;
    passages.push({ id, number });
    sectionOf.set(id, index);
    const section = sections[index]!;
    if (section.first === 0) Object.assign(section, { first: number, firstPassage: id });
    section.last = number;
  }
  return { layout: { reading, sections, sectionOf }, passages };
}
