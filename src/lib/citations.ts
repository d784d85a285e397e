/**
 * Citations and bibliographies formatted by a real CSL processor (citeproc-js through citation-js's
 * CSL plugin), never by string concatenation. Three styles, all written for this project
 * (src/lib/csl/): Chicago author-date (the edition's default), APA 7 and MLA 9.
 *
 * In-text citations are formatted against the whole bibliography (`context`), so a year suffix
 * ("Bauwens 2012a") or an added given name matches the bibliography entry it links to.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import CSL from 'citeproc';
import type { CslItem } from '../schemas/source.ts';
import { APA } from './csl/apa.ts';
import { CHICAGO_AUTHOR_DATE } from './csl/chicago-author-date.ts';
import { MLA } from './csl/mla.ts';
import { checkDoi, checkUrl } from './url-policy.ts';
import { CSL_FORMAT_CLASSES } from './csl/output-classes.ts';

export { CSL_FORMAT_CLASSES };

export const CITATION_STYLES = ['chicago-author-date', 'apa', 'mla'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];
export const DEFAULT_CITATION_STYLE: CitationStyle = 'chicago-author-date';
/** How each style is named to readers. */
export const CITATION_STYLE_LABELS: Record<CitationStyle, string> = {
  'chicago-author-date': 'Chicago (author-date)',
  apa: 'APA',
  mla: 'MLA',
};

const LANG = 'en-US';

/** citeproc's HTML with classes where it would write inline styles (see csl/output-classes.ts). */
const OUTPUT_FORMAT = 'html-classes';
const formats = (CSL as unknown as { Output: { Formats: Record<string, Record<string, unknown>> } }).Output.Formats;
formats[OUTPUT_FORMAT] = {
  ...formats['html'],
  ...Object.fromEntries(Object.entries(CSL_FORMAT_CLASSES).map(([decoration, { name }]) => [decoration, `<span class="${name}">%%STRING%%</span>`])),
};

interface CiteprocEngine {
  updateItems: (ids: string[]) => void;
  setOutputFormat: (format: typeof OUTPUT_FORMAT) => void;
  makeCitationCluster: (items: Record<string, unknown>[]) => string;
  makeBibliography: () => [object, string[]];
  opt: { development_extensions: { wrap_url_and_doi: boolean } };
}

const csl = plugins.config.get('@csl') as {
  styles: { add: (name: string, xml: string) => void; get: (name: string) => string };
  locales: { get: (lang: string) => string };
};
// The edition's own styles, registered under the names readers choose from. The plugin ships an
// 'apa' of its own (with vancouver and harvard1), so each is set unconditionally: ours replaces it.
const STYLE_XML: Record<CitationStyle, string> = { 'chicago-author-date': CHICAGO_AUTHOR_DATE, apa: APA, mla: MLA };
for (const style of CITATION_STYLES) csl.styles.add(style, STYLE_XML[style]);

/**
 * One engine per style, kept for the life of the process: building one costs tens of milliseconds
 * (the edition's compact styles; the plugin's general APA style took one to two seconds), formatting
 * with it a few milliseconds. It is fed the items of the current call; a different set replaces the
 * last one. Our own instances, because the plugin's shared engine is reset by every other caller.
 */
interface StyleEngine {
  engine: CiteprocEngine;
  items: Map<string, Record<string, unknown>>;
  key: string;
}
const engines = new Map<CitationStyle, StyleEngine>();

function engineFor(items: readonly CslItem[], style: CitationStyle): CiteprocEngine {
  let entry = engines.get(style);
  if (!entry) {
    const store = new Map<string, Record<string, unknown>>();
    const engine: CiteprocEngine = new CSL.Engine(
      {
        retrieveLocale: (lang: string) => csl.locales.get(lang),
        retrieveItem: (id: string) => store.get(id),
        // Honoured by the CSL plugin's entry hook: marks each entry with its id (a style may skip
        // items, as APA does personal communications, so positions cannot be trusted).
        wrapBibliographyEntry: (id: string) => [`${ENTRY_MARK}${id}${ENTRY_MARK}`, ''],
      },
      csl.styles.get(style),
      LANG,
      true,
    );
    // HTML only: links in the bibliography; plain text is derived from it (one engine, not two).
    engine.setOutputFormat(OUTPUT_FORMAT);
    engine.opt.development_extensions.wrap_url_and_doi = true;
    entry = { engine, items: store, key: '' };
    engines.set(style, entry);
  }
  const data = items.map(toCslJson);
  const key = JSON.stringify(data);
  if (entry.key !== key) {
    entry.engine.updateItems([]);
    entry.items.clear();
    for (const item of data) entry.items.set(item.id as string, item);
    entry.engine.updateItems([...entry.items.keys()]);
    entry.key = key;
  }
  return entry.engine;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** The text of citeproc's HTML: tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (whole, dec: string, hex: string, name: string) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITIES[name] ?? whole),
    );
}

/**
 * The item as CSL-JSON for the processor: the editor's `note` is a remark, not part of the
 * reference; `title-short` (used where a citation needs a title) is the main title before a subtitle.
 * citeproc writes `URL` into an href as is and glues `DOI` onto https://doi.org/, so an item that
 * did not come through the schema loses a URL or DOI the URL policy refuses rather than link it.
 */
export function toCslJson(item: CslItem): Record<string, unknown> {
  const { note: _note, ...rest } = item;
  const json: Record<string, unknown> = { ...rest };
  if (item.URL !== undefined && !checkUrl(item.URL, { context: 'link' }).ok) delete json.URL;
  if (item.DOI !== undefined && !checkDoi(item.DOI).ok) delete json.DOI;
  // citeproc-js wants numeric variables as strings and date parts as numbers.
  for (const key of ['page', 'volume', 'issue', 'number', 'edition'] as const) {
    if (item[key] !== undefined) json[key] = String(item[key]);
  }
  for (const key of ['issued', 'accessed', 'original-date'] as const) {
    const date = item[key];
    if (date?.['date-parts']) json[key] = { ...date, 'date-parts': date['date-parts'].map((parts) => parts.map(Number)) };
  }
  const main = item.title?.split(/:\s/)[0];
  if (main && main !== item.title) json['title-short'] = main;
  return json;
}

/** CSL locator labels and the abbreviations editors write for them. */
const LOCATOR_LABELS: [RegExp, string][] = [
  [/^(?:p|pp|page|pages)\.?\s+/i, 'page'],
  [/^(?:ch|chap|chapter)\.?\s+/i, 'chapter'],
  [/^(?:sec|sect|section|§)\.?\s*/i, 'section'],
  [/^(?:para|paragraph|¶)\.?\s*/i, 'paragraph'],
  [/^(?:n|nn|note)\.?\s+/i, 'note'],
  [/^(?:fig|figure)\.?\s+/i, 'figure'],
  [/^(?:vol|volume)\.?\s+/i, 'volume'],
  [/^(?:l|ll|line)\.?\s+/i, 'line'],
];

/**
 * "p. 12" → { label: page, locator: 12 }, so each style prints the locator its own way (Chicago
 * "2014, 12", APA "2014, p. 12", MLA "12"). A bare number is a page; other text stays as written.
 */
export function parseLocator(text: string): { locator: string; label: string } {
  const trimmed = text.trim();
  for (const [pattern, label] of LOCATOR_LABELS) {
    const match = pattern.exec(trimmed);
    if (match && trimmed.length > match[0].length) return { locator: trimmed.slice(match[0].length), label };
  }
  return { locator: trimmed, label: 'page' };
}

/** One formatted bibliography entry. */
export interface BibliographyEntry {
  id: string;
  /** The entry as HTML (italics as <i>), without the wrapping div: safe to set as innerHTML. */
  html: string;
  /** The same entry as plain text. */
  text: string;
}

const ENTRY_MARK = '\u0002';
const MARKED = new RegExp(`${ENTRY_MARK}([^${ENTRY_MARK}]*)${ENTRY_MARK}`);
const unwrapEntry = (html: string) => html.replace(/^\s*<div class="csl-entry">/, '').replace(/<\/div>\s*$/, '').trim();

/** The bibliography in the style's order (Chicago, APA, MLA: by author, then date or title). */
export function formatBibliography(items: readonly CslItem[], style: CitationStyle = DEFAULT_CITATION_STYLE): BibliographyEntry[] {
  if (items.length === 0) return [];
  return engineFor(items, style)
    .makeBibliography()[1]
    .map((entry) => {
      const html = unwrapEntry(entry.replace(MARKED, ''));
      return { id: MARKED.exec(entry)?.[1] ?? '', html, text: htmlToText(html) };
    });
}

export interface CitationOptions {
  /** Where in the work, as the editor writes it: "p. 12", "pp. 3–5", "chap. 2". */
  locator?: string | undefined;
  /** `parenthetical` (default): "(Kostakis and Bauwens 2014, 12)"; `narrative`: "Kostakis and Bauwens (2014, 12)". */
  mode?: 'parenthetical' | 'narrative' | undefined;
  style?: CitationStyle | undefined;
  /** Every item of the bibliography, so disambiguation matches it; defaults to the item alone. */
  context?: readonly CslItem[] | undefined;
  format?: 'html' | 'text' | undefined;
}

/**
 * Citations already formatted, per item object: a book's notes cite the same few works thousands of
 * times, and the notes, their plain-text export and the search records all format them. Keyed by
 * the item itself (edited content is new objects) and by everything else that changes the output.
 */
const formatted = new WeakMap<CslItem, Map<string, string>>();

/** An in-text citation of one item, e.g. "(Kostakis and Bauwens 2014, 12)". */
export function formatCitation(item: CslItem, options: CitationOptions = {}): string {
  const { locator, mode = 'parenthetical', style = DEFAULT_CITATION_STYLE, format = 'text' } = options;
  const context = options.context?.some((other) => other.id === item.id) ? options.context : [...(options.context ?? []), item];
  let cache = formatted.get(item);
  if (!cache) formatted.set(item, (cache = new Map()));
  // Disambiguation ("2012a") depends on which other works are cited alongside, so they are part of the key.
  const key = JSON.stringify([style, format, mode, locator ?? '', context.map((other) => other.id)]);
  let text = cache.get(key);
  if (text === undefined) cache.set(key, (text = formatCitationUncached(item, { locator, mode, style, format }, context)));
  return text;
}

function formatCitationUncached(
  item: CslItem,
  { locator, mode, style, format }: { locator: string | undefined; mode: 'parenthetical' | 'narrative'; style: CitationStyle; format: 'html' | 'text' },
  context: readonly CslItem[],
): string {
  const engine = engineFor(context, style);
  const cite = { id: item.id, ...(locator ? parseLocator(locator) : {}) };
  const cluster = (extra: object) => {
    const html = engine.makeCitationCluster([{ ...cite, ...extra }]);
    return format === 'html' ? html : htmlToText(html);
  };
  if (mode === 'parenthetical') return cluster({});
  // Narrative: the author as the style names them, then the rest of the citation in parentheses.
  let author = cluster({ 'author-only': true }).replace(/^\((.*)\)$/, '$1');
  // APA joins authors with "&" inside parentheses but "and" in running text.
  if (style === 'apa') author = author.replace(/ &(?:amp;|#38;)? (?=[^&]*$)/, ' and ');
  const rest = cluster({ 'suppress-author': true });
  return /^\(?\)?$|NO_PRINTED_FORM/.test(rest) ? author : `${author} ${rest}`;
}

/** What "cite this passage" needs to know about a reading and one of its passages. */
export interface PassageCitationInput {
  /** The reading's title, e.g. "The Partner State". */
  title: string;
  /** Authors as CSL names, when the text has any; `{ literal: "P2P Foundation" }` for a body. */
  author?: CslItem['author'];
  /** The site that publishes the edition, e.g. "Annotated Reader". */
  siteName: string;
  /** Absolute permalink of the passage (`…/read/<reading>/#p-<id>`). */
  url: string;
  /** The passage number (¶n), cited as the locator. */
  passageNumber: number;
  /** Publication date of the text or edition, when known. */
  issued?: CslItem['issued'];
  /** Day the reader consulted it (Chicago and MLA print it for undated web texts). */
  accessed?: Date | undefined;
}

/** A passage cited in one style: the reference-list entry and the in-text citation with its ¶ locator. */
export function formatPassageCitation(
  input: PassageCitationInput,
  style: CitationStyle = DEFAULT_CITATION_STYLE,
): { reference: BibliographyEntry; inText: string } {
  const accessed = input.accessed;
  const item: CslItem = {
    id: 'passage',
    type: 'webpage',
    title: input.title,
    'container-title': input.siteName,
    URL: input.url,
    ...(input.author ? { author: input.author } : {}),
    ...(input.issued ? { issued: input.issued } : {}),
    ...(accessed ? { accessed: { 'date-parts': [[accessed.getUTCFullYear(), accessed.getUTCMonth() + 1, accessed.getUTCDate()]] } } : {}),
  };
  const [reference] = formatBibliography([item], style);
  return { reference: reference!, inText: formatCitation(item, { style, locator: `para. ${input.passageNumber}` }) };
}
