/**
 * "Where used" lists for the glossary and sources pages: each passage or note that uses a term or
 * cites a work, grouped by reading, with a short excerpt so a reader can tell the places apart
 * before following a link.
 */
import type { Edition, EditionNote, EditionReading, NoteLocation, PassageLocation, Usage } from './edition.ts';
import { allOccurrences, type MatchableTerm } from './glossary-match.ts';
import type { TermId } from './ids.ts';

export interface Excerpt {
  before: string;
  match: string;
  after: string;
}

/**
 * The text around [start, end): about `radius` characters each side, cut at word boundaries, with
 * an ellipsis where the text goes on. Whitespace (line breaks in lists) is shown as single spaces.
 */
export function excerptAround(text: string, start: number, end: number, radius = 60): Excerpt {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  return {
    before: `${from > 0 ? '\u2026' : ''}${flat(text.slice(from, start)).trimStart()}`,
    match: flat(text.slice(start, end)),
    after: `${flat(text.slice(end, to)).trimEnd()}${to < text.length ? '\u2026' : ''}`,
  };
}

/** The opening of a text, cut at a word boundary. */
export function opening(text: string, length = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.lastIndexOf(' ', length);
  return `${flat.slice(0, cut > length / 2 ? cut : length)}\u2026`;
}

export interface PassageUse extends PassageLocation {
  excerpt: Excerpt;
}
export interface NoteUse extends NoteLocation {
  note: EditionNote['id'];
  passageNumber?: number | undefined;
  noteEntry: EditionNote;
}
export interface ReadingUses {
  reading: EditionReading;
  passages: PassageUse[];
  notes: NoteUse[];
}

/**
 * The most citations the sources page lists under its entries. Past it, each cited work shows how
 * many places cite it, with a link to a page of its own that lists them (`/sources/work/<id>/`):
 * listed inline, the 5,000 citations of a 10,000-passage book made its sources page 1.2 MB of
 * HTML (its budget is 300 KB), and a cap per work would not bound the page (a hundred works cited
 * thirty times each are as heavy).
 */
export const SOURCES_PAGE_PLACES = 1_000;

/** How many places cite a work: passages, notes and glossary entries. */
export const sourceUseCount = (usage: Usage) => usage.passages.length + usage.notes.length + usage.terms.length;

/**
 * What a work's entry says of its citations when they are listed on its own page: the places the
 * page it is on would list (a reading's page: that reading's passages and notes, and the glossary
 * entries in its scope), and how many there are in all when the work's page lists more.
 */
export function citedInWords(listed: number, all: number, scope: 'edition' | 'reading' | 'readings'): string {
  const places = (count: number) => (count === 1 ? 'one place' : `${count.toLocaleString('en')} places`);
  if (scope === 'edition' || listed === all) return `Cited in ${places(listed)}`;
  return `Cited in ${places(listed)} in ${scope === 'reading' ? 'this reading' : 'these readings'}, ${all.toLocaleString('en')} in all`;
}

/** Whether the sources page lists its works' citations on pages of their own (see SOURCES_PAGE_PLACES). */
export function sourcesListedApart(edition: Pick<Edition, 'sourceUsage'>): boolean {
  let places = 0;
  for (const usage of edition.sourceUsage.values()) places += sourceUseCount(usage);
  return places > SOURCES_PAGE_PLACES;
}

/**
 * Whether one reading's sources page (`/sources/reading/<id>/`) links each work to its own page of
 * citations instead of listing them: the same limit, counted over what that page would list (the
 * reading's passages and notes, and the glossary entries in its scope). In a library of 25
 * readings sharing a glossary of 1,000 terms, each reading's page listed about 3,000 places: 0.55 MB
 * of HTML. Past the limit the edition's places are past it too, so the work pages exist.
 */
export function readingSourcesListedApart(edition: Pick<Edition, 'sourceUsage'>, reading: string, terms: ReadonlySet<string>): boolean {
  let places = 0;
  for (const usage of edition.sourceUsage.values()) {
    places += usage.passages.filter((p) => p.reading === reading).length + usage.notes.filter((n) => n.reading === reading).length + usage.terms.filter((t) => terms.has(t)).length;
  }
  return places > SOURCES_PAGE_PLACES;
}

/** Each glossary term as a matchable term, by id, once per edition (each glossary page uses it). */
const matchables = new WeakMap<Edition, Map<TermId, MatchableTerm<TermId>>>();
function matchableTerms(edition: Edition) {
  let byId = matchables.get(edition);
  if (!byId) matchables.set(edition, (byId = new Map(edition.terms.map((t) => [t.id, { id: t.id, forms: [t.term, ...t.aliases] }]))));
  return byId;
}

/**
 * A reading's notes, apparatus entries and questions by id, once per reading: every glossary and
 * source page looks notes up here, and a library has as many of those pages as it has notes.
 */
const notesByReading = new WeakMap<EditionReading, Map<string, EditionReading['notes'][number] | EditionReading['apparatus'][number] | EditionReading['questions'][number]>>();
function readingNotesById(reading: EditionReading) {
  let byId = notesByReading.get(reading);
  if (!byId) notesByReading.set(reading, (byId = new Map([...reading.notes, ...reading.apparatus, ...reading.questions].map((n) => [n.id, n]))));
  return byId;
}

/**
 * A usage list grouped by reading. Passage excerpts centre on the term when `termId` is given
 * (its first occurrence in the passage), else they show the passage's opening.
 */
export function usesByReading(edition: Edition, usage: Usage, termId?: TermId): ReadingUses[] {
  const own = termId ? matchableTerms(edition).get(termId) : undefined;
  // One pass over the uses, not one per reading: a library's glossary page lists hundreds.
  const passagesOf = Map.groupBy(usage.passages, (p) => p.reading);
  const notesOf = Map.groupBy(usage.notes, (n) => n.reading);
  return edition.readings
    .map((reading) => {
      const notesById = readingNotesById(reading);
      const passages = (passagesOf.get(reading.id) ?? [])
        .map((location) => {
          const text = reading.passageById.get(location.passage)?.text ?? '';
          // The edition found the term's first occurrence against the whole glossary (so "state"
          // inside "partner state" is no use of "state"); a location without one falls back to
          // the term's own forms.
          const hit = !termId ? undefined : (location.match ?? (own ? allOccurrences(text, [own])[0] : undefined));
          const excerpt = hit ? excerptAround(text, hit.start, hit.end) : { before: '', match: '', after: opening(text) };
          return { ...location, excerpt };
        });
      const notes = (notesOf.get(reading.id) ?? [])
        .map((location) => {
          const noteEntry = notesById.get(location.note)!;
          return { ...location, passageNumber: noteEntry.passageNumber, noteEntry };
        });
      return { reading, passages, notes };
    })
    .filter((group) => group.passages.length > 0 || group.notes.length > 0);
}
