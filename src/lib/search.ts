/**
 * Pure helpers for the search UI and the highlighter: the search state in a URL, Pagefind's
 * excerpts as text segments, result rows, and which words of a text to mark. No DOM here, so the
 * rules are tested on strings and arrays.
 */
import { SEARCH, type SearchFilter, type SearchKind } from './constants.ts';

export type SearchFilters = Partial<Record<SearchFilter, string[]>>;

export interface SearchState {
  query: string;
  filters: SearchFilters;
}

/** Labels for each result kind: one item, and the facet (a group of results). */
export const KIND_LABELS: Record<SearchKind, { one: string; many: string }> = {
  passage: { one: 'Passage', many: 'Passages' },
  annotation: { one: 'Note', many: 'Notes' },
  glossary: { one: 'Glossary', many: 'Glossary entries' },
  source: { one: 'Source', many: 'Sources' },
  'study-page': { one: 'Study page', many: 'Study pages' },
  layer: { one: 'Shared annotation', many: 'Shared annotations' },
};

export const FILTER_LABELS: Record<SearchFilter, string> = {
  kind: 'Show',
  reading: 'Reading',
  section: 'Section',
  speaker: 'Speaker',
  layer: 'Layer',
};

/**
 * The label of the folded group of filters after "Show": the filters it holds, as a phrase
 * ("Section, speaker and layer"), since which ones appear depends on the results.
 */
export function moreFiltersLabel(filters: readonly SearchFilter[]): string {
  const names = filters.map((name, i) => (i === 0 ? FILTER_LABELS[name] : FILTER_LABELS[name].toLowerCase()));
  if (names.length === 0) return 'More filters';
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const isKind = (value: string): value is SearchKind => (SEARCH.kinds as readonly string[]).includes(value);

/** What a facet value is called on screen (kinds have labels; other values are shown as indexed). */
export const filterValueLabel = (filter: string, value: string) =>
  filter === 'kind' && isKind(value) ? KIND_LABELS[value].many : value;

/** The search a URL describes: `?q=enclosure&kind=passage&speaker=Dmytri+Kleiner`. */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchFilters = {};
  for (const name of SEARCH.filters) {
    const values = [...new Set(params.getAll(name).filter((v) => v.trim() !== ''))];
    if (values.length) filters[name] = values;
  }
  return { query: (params.get(SEARCH.queryParam) ?? '').trim(), filters };
}

/** The query string for a search (empty parts left out, filters in facet order), with its `?`. */
export function searchStateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set(SEARCH.queryParam, state.query.trim());
  for (const name of SEARCH.filters) for (const value of state.filters[name] ?? []) params.append(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Pagefind filter options: any of the checked values within a facet, every facet at once. */
export function pagefindFilters(filters: SearchFilters, except?: SearchFilter): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const name of SEARCH.filters) {
    const values = filters[name];
    if (name !== except && values?.length) out[name] = { any: values };
  }
  return out;
}

/** Words to mark on a page reached from a result (`?highlight=venture&highlight=communism`). */
export function highlightTerms(search: string): string[] {
  const params = new URLSearchParams(search);
  const terms = params
    .getAll(SEARCH.highlightParam)
    .flatMap((value) => value.split(/\s+/))
    .map((term) => term.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  return [...new Set(terms.map((t) => t.toLowerCase()))];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]!.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

export interface ExcerptSegment {
  text: string;
  /** A matched word, shown marked. */
  hit: boolean;
}

/**
 * Pagefind's excerpt (text with HTML entities escaped and hits in <mark>) as plain segments, so the
 * UI builds text nodes and never assigns HTML.
 */
export function parseExcerpt(html: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  const push = (text: string, hit: boolean) => {
    const decoded = decodeEntities(text.replace(/<[^>]*>/g, ''));
    if (!decoded) return;
    const last = segments.at(-1);
    if (last && last.hit === hit) last.text += decoded;
    else segments.push({ text: decoded, hit });
  };
  const pattern = /<mark\b[^>]*>([\s\S]*?)<\/mark>/gi;
  let cursor = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    push(html.slice(cursor, match.index), false);
    push(match[1]!, true);
    cursor = match.index + match[0].length;
  }
  push(html.slice(cursor), false);
  return segments;
}

/** Lower case without accents, so "Café" and "cafe" compare equal (as Pagefind does). */
export const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The part of a searched word that its inflections share: Pagefind matches stems and prefixes, so
 * "enclosure" finds "enclosures" and "enclosed"; the highlighter marks words starting with this.
 */
export function wordStem(term: string): string {
  const word = fold(term);
  const ending = /(?:ing|ed|es|s)$/.exec(word) ?? /[ey]$/.exec(word);
  if (!ending) return word;
  const stem = word.slice(0, ending.index);
  // Keep short stems whole: "state" must not mark "static", though "funding" may mark "funds".
  return stem.length >= (ending[0].length === 1 && /[ey]/.test(ending[0]) ? 5 : 4) ? stem : word;
}

/** A word as search sees it: letters and digits, with inner apostrophes (Kleiner’s). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const wordsOf = (text: string) => fold(text).match(WORD) ?? [];

/** [start, end) offsets of the words in `text` that a search for `terms` matched. */
export function findHits(text: string, terms: readonly string[]): [number, number][] {
  const stems = [...new Set(terms.map(wordStem).filter(Boolean))];
  if (stems.length === 0) return [];
  const hits: [number, number][] = [];
  for (const match of text.matchAll(WORD)) {
    const word = fold(match[0]);
    if (stems.some((stem) => word.startsWith(stem))) hits.push([match.index, match.index + match[0].length]);
  }
  return hits;
}

/** What Pagefind returns for one result (the fields the UI uses). */
export interface PagefindResultData {
  url: string;
  /** The whole indexed text of the record or page. */
  content?: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  sub_results?: {
    title: string;
    url: string;
    excerpt: string;
    anchor?: { id: string; title?: string };
    /** Each matched word's place and score in the part. */
    weighted_locations?: { balanced_score: number }[];
  }[];
}

export interface ResultRow {
  url: string;
  title: string;
  kind: SearchKind | undefined;
  reading: string | undefined;
  section: string | undefined;
  speaker: string | undefined;
  /** The annotated words, for notes. */
  phrase: string | undefined;
  excerpt: ExcerptSegment[];
  /** Other matching parts of the same page (further passages, notes or sources), shown under the row. */
  more: { url: string; title: string }[];
  /** What the list of `more` is called for screen readers. */
  moreLabel: string;
  /** Glossary aliases, to recognise a query that names the entry. */
  aliases: string[];
  /** The indexed text, to tell exact matches from stem variants. */
  content: string;
}

/**
 * The title of a passage or note result, made here because Pagefind searches every meta value:
 * a title stored as "The Partner State, ¶13" would make every passage match "state".
 */
export function recordTitle(
  kind: SearchKind | undefined,
  reading: string | undefined,
  meta: Pick<PartLabel, 'number' | 'passage'>,
  noteKind?: string,
): string | undefined {
  const paragraph = (n: string | undefined) => (n ? `¶${n}` : undefined);
  if (kind === 'passage') return [reading, paragraph(meta.number)].filter(Boolean).join(', ') || undefined;
  if (kind === 'annotation') {
    const name = noteKind === 'question' ? 'Question' : noteKind === 'apparatus' ? 'Textual note' : 'Note';
    return `${name}${meta.number ? ` ${meta.number}` : ''}${meta.passage ? ` on ¶${meta.passage}` : ''}`;
  }
  return undefined;
}

/** What a passage's or note's result shows besides its text (none of it is searched). */
export interface PartLabel {
  /** The passage's number, or the note's. */
  number?: string | undefined;
  /** A note's passage's number. */
  passage?: string | undefined;
  /** The words a note is about. */
  phrase?: string | undefined;
  /** A note's kind (`question`, `apparatus`, …). */
  noteKind?: string | undefined;
}

const PART_LABEL_KEYS = ['number', 'passage', 'phrase', 'noteKind'] as const;

/**
 * A part title for the index (`data-pagefind-title`): Pagefind returns it with the part and does
 * not search it, so it carries the part's label as JSON, read back by `readPartTitle`.
 */
export function writePartTitle(label: PartLabel): string {
  return JSON.stringify(Object.fromEntries(PART_LABEL_KEYS.filter((key) => label[key]).map((key) => [key, label[key]])));
}

/** The label a part title carries; undefined for any other title (a source's, say). */
export function readPartTitle(title: string | undefined): PartLabel | undefined {
  if (!title?.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(title);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const label: PartLabel = {};
    for (const key of PART_LABEL_KEYS) {
      const field = (value as Record<string, unknown>)[key];
      if (typeof field === 'string' && field) label[key] = field;
    }
    return label;
  } catch {
    return undefined;
  }
}

/**
 * One row per result. A result with titled parts lands on its best-matching part for `query` and
 * lists its other matching parts under it: passages and notes come as one page's passages (or
 * notes), each part titled with its label (src/lib/search-records.ts, `groupSearchRecords`), and
 * the sources list titles each entry (`data-pagefind-title`). Any other page (a glossary entry) is
 * one row for the page itself.
 */
export function toResultRow(data: PagefindResultData, query = ''): ResultRow {
  const first = (name: string) => data.filters?.[name]?.[0] ?? data.meta[name];
  const kindValue = data.filters?.kind?.[0];
  const kind = kindValue && isKind(kindValue) ? kindValue : undefined;
  const reading = first('reading');
  /** A part's title as shown: from its part label when it has one, else as indexed. */
  const shownTitle = (title: string) => {
    const label = readPartTitle(title);
    return (label && recordTitle(kind, reading, label, label.noteKind)) ?? title;
  };
  // The row lands on the part titled with the query itself (a source searched by its title), then
  // on a part whose title holds the query's words, then on the part where the words score most
  // (Pagefind gives the parts in page order); the others follow in page order.
  const wanted = wordsOf(query).join(' ');
  const titleRank = (title: string) => (!wanted ? 2 : wordsOf(title).join(' ') === wanted ? 0 : matchesExactly(title, query) ? 1 : 2);
  const score = (sub: NonNullable<PagefindResultData['sub_results']>[number]) => (sub.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);
  const titled = (data.sub_results ?? []).filter((sub) => sub.anchor?.title);
  const main = titled
    .map((sub, index) => ({ sub, index, rank: titleRank(shownTitle(sub.title)), score: score(sub) }))
    .sort((a, b) => a.rank - b.rank || b.score - a.score || a.index - b.index)[0]?.sub;
  const label = readPartTitle(main?.title);
  return {
    url: main?.url ?? data.url,
    title: (label ? recordTitle(kind, reading, label, label.noteKind) : recordTitle(kind, reading, data.meta, first('noteKind'))) ?? main?.title ?? data.meta.title ?? data.url,
    kind,
    reading,
    section: first('section'),
    speaker: first('speaker'),
    phrase: label ? label.phrase : data.meta.phrase,
    excerpt: parseExcerpt(main?.excerpt ?? data.excerpt),
    more: titled.filter((sub) => sub !== main).map((sub) => ({ url: sub.url, title: shownTitle(sub.title) })),
    moreLabel: label ? `More matches in ${[reading, first('section')].filter(Boolean).join(', ') || 'this page'}` : `More in ${main?.title ?? data.meta.title ?? data.url}`,
    aliases: (data.meta.aliases ?? '').split('|').map((a) => a.trim()).filter(Boolean),
    content: data.content ?? '',
  };
}

/**
 * Whether `content` holds the query's words as written: every word whole, except the last, which
 * may still be being typed (a prefix). Pagefind matches stems, so "sustainable" also finds
 * "sustains"; a reader who typed the exact word expects the text that has it first.
 */
export function matchesExactly(content: string, query: string): boolean {
  const terms = wordsOf(query);
  if (terms.length === 0) return false;
  const words = new Set(wordsOf(content));
  const last = terms.at(-1)!;
  return terms.slice(0, -1).every((t) => words.has(t)) && [...words].some((w) => w.startsWith(last));
}

/**
 * The order of the first page of results, refining Pagefind's (which is kept within each group):
 * first a glossary entry whose headword or alias is exactly the query (a student typing a term
 * gets its entry whatever the text frequencies), then results that contain the query's words as
 * typed, then those that only match a variant of them.
 */
export function rankFirstPage(rows: readonly ResultRow[], query: string): ResultRow[] {
  const wanted = fold(query).replace(/\s+/g, ' ').trim();
  if (!wanted) return [...rows];
  const names = (row: ResultRow) => [row.title, ...row.aliases].map((n) => fold(n).replace(/\s+/g, ' ').trim());
  const rank = (row: ResultRow) => (row.kind === 'glossary' && names(row).includes(wanted) ? 0 : matchesExactly(row.content, query) ? 1 : 2);
  return rows
    .map((row, index) => ({ row, index, rank: rank(row) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ row }) => row);
}

/** The sentence the live region speaks after a search. */
export function resultSummary(count: number, query: string, filtered: boolean): string {
  const what = `“${query}”${filtered ? ' with these filters' : ''}`;
  if (count === 0) return `No results for ${what}.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for ${what}.`;
}

/** What one Pagefind engine's search returns (the fields merging needs). */
export interface EngineSearch<R extends { score: number }> {
  results: R[];
  /** Results per filter value, given the query and the filters applied. */
  filters: Record<string, Record<string, number>>;
}

/**
 * One search over several engines (the site's language and each other language, indexed apart so
 * each keeps its own stemming): results interleaved by score, each engine's own order kept (only
 * the heads of the lists are compared, so a list is never reordered), the first engine winning
 * ties; facet counts added up.
 */
export function mergeSearches<R extends { score: number }>(searches: readonly EngineSearch<R>[]): EngineSearch<R> {
  const results: R[] = [];
  const at = searches.map(() => 0);
  for (;;) {
    let best = -1;
    searches.forEach((search, i) => {
      const head = search.results[at[i]!];
      if (head && (best < 0 || head.score > searches[best]!.results[at[best]!]!.score)) best = i;
    });
    if (best < 0) break;
    results.push(searches[best]!.results[at[best]!++]!);
  }
  const filters: Record<string, Record<string, number>> = {};
  for (const search of searches) {
    for (const [name, values] of Object.entries(search.filters ?? {})) {
      const sum = (filters[name] ??= {});
      for (const [value, count] of Object.entries(values)) sum[value] = (sum[value] ?? 0) + count;
    }
  }
  return { results, filters };
}
