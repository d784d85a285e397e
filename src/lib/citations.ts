/**
 * Citations and bibliographies formatted by a real CSL processor (citeproc-js, the reference
 * implementation of CSL, through citation-js's CSL plugin), never by string concatenation. The
 * styles are CSL files from the CSL styles repository, named in reader.config.yaml and read from
 * src/content/csl/ (src/loaders/csl-files.ts); the edition's are Chicago author-date (its default), APA 7
 * and MLA 9.
 *
 * In-text citations are formatted against the whole bibliography (`context`), so a year suffix
 * ("Bauwens 2012a") or an added given name matches the bibliography entry it links to.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import CSL from 'citeproc';
import type { CslItem } from '../schemas/source.ts';
import { DEFAULT_CITATION_STYLES } from '../schemas/reader-config.ts';
import { cslLocalePath, cslStylePath, readCslStyle, styleLocale, type CslStyle } from './csl-styles.ts';
import { checkDoi, checkUrl } from './url-policy.ts';
import { CSL_FORMAT_CLASSES } from './csl/output-classes.ts';

export { CSL_FORMAT_CLASSES };

/** A style, by its file name in src/content/csl/styles/ without `.csl` ("chicago-author-date", "ieee"). */
export type CitationStyle = string;

/** The styles a project cites in, read from its src/content/csl/ folder. */
export interface CitationSetup {
  /** In the order reader.config.yaml lists them. */
  styles: readonly CslStyle[];
  /** The style of the notes' citations and the sources page. */
  defaultStyle: CitationStyle;
  /** Locale files by code ("en-US"), as XML. */
  locales: Readonly<Record<string, string>>;
  /** `citation.locale`, when the project sets one for every style. */
  locale?: string | undefined;
}

let setup: CitationSetup | undefined;

/** Makes `next` the styles every function here formats with (the loaders and pages call it with the project's). */
export function useCitationStyles(next: CitationSetup): void {
  const same =
    setup &&
    setup.defaultStyle === next.defaultStyle &&
    setup.locale === next.locale &&
    setup.styles.length === next.styles.length &&
    setup.styles.every((style, i) => style.name === next.styles[i]!.name && style.xml === next.styles[i]!.xml) &&
    JSON.stringify(setup.locales) === JSON.stringify(next.locales);
  if (same) return;
  setup = next;
  setupKey = createHash('sha256')
    .update(JSON.stringify([next.locale ?? '', next.styles.map((style) => [style.name, style.xml]), next.locales]))
    .digest('hex');
}

/**
 * The styles in use: those set by `useCitationStyles`, else the edition's defaults read from src/content/csl/
 * in the working folder (what a script or a unit test run from the project gets).
 */
export function citationSetup(): CitationSetup {
  if (!setup) {
    const read = (file: string) => readFileSync(path.resolve(file), 'utf8');
    const styles = DEFAULT_CITATION_STYLES.map((name) => {
      const { style, problem } = readCslStyle(name, read(cslStylePath(name)));
      if (!style) throw new Error(`${problem!.file}: ${problem!.message}`);
      return style;
    });
    useCitationStyles({ styles, defaultStyle: styles[0]!.name, locales: { 'en-US': read(cslLocalePath('en-US')) } });
  }
  return setup!;
}

/** The styles offered to readers, in order: name, title (the style's own) and how it cites. */
export const citationStyles = (): readonly CslStyle[] => citationSetup().styles;
export const defaultCitationStyle = (): CitationStyle => citationSetup().defaultStyle;

function styleNamed(name: CitationStyle): CslStyle {
  const style = citationSetup().styles.find((s) => s.name === name);
  if (!style) throw new Error(`No citation style "${name}" (the styles are ${citationSetup().styles.map((s) => s.name).join(', ')}).`);
  return style;
}

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
  makeBibliography: () => [object, string[]] | false;
  opt: { development_extensions: { wrap_url_and_doi: boolean } };
}

const csl = plugins.config.get('@csl') as { locales: { get: (lang: string) => string } };

/**
 * Engines, kept for the life of the process: building one costs from ten milliseconds (IEEE) to a
 * second and a half (the official Chicago style, 170 KB of CSL), formatting with it a few
 * milliseconds, and feeding it a bibliography a few milliseconds per item. Our own instances,
 * because the plugin's shared engine is reset by every other caller.
 *
 * Up to two per style: one holds the edition's bibliography (the notes' citations and the
 * sources page), the other takes one-off sets (a reading cited on its own), so neither refills
 * the other's items. Kept on `globalThis`, keyed by the style's and locales' text: the content
 * loaders and the rendered pages run this module as two copies in one process, and would
 * otherwise each build the same engines.
 */
interface StyleEngine {
  engine: CiteprocEngine;
  items: Map<string, Record<string, unknown>>;
  key: string;
}
const ENGINES_PER_STYLE = 2;
const engines: Map<string, StyleEngine[]> = ((globalThis as unknown as Record<symbol, Map<string, StyleEngine[]> | undefined>)[Symbol.for('annotated-reader.citeproc-engines')] ??= new Map());
/** The current setup's engines' key: a digest of its styles and locales, set with the setup. */
let setupKey = '';

/** The key of an item set: its CSL-JSON, computed once per array (a book cites its one bibliography thousands of times). */
const itemKeys = new WeakMap<readonly CslItem[], { key: string; data: Record<string, unknown>[] }>();
function itemSet(items: readonly CslItem[]): { key: string; data: Record<string, unknown>[] } {
  let found = itemKeys.get(items);
  if (!found) {
    const data = items.map(toCslJson);
    itemKeys.set(items, (found = { key: JSON.stringify(data), data }));
  }
  return found;
}

function newEngine(name: CitationStyle): StyleEngine {
  const { locales, locale } = citationSetup();
  const style = styleNamed(name);
  const store = new Map<string, Record<string, unknown>>();
  const engine: CiteprocEngine = new CSL.Engine(
    {
      // The project's locale files; citeproc also asks for American English as its fallback,
      // which the CSL plugin carries when the project has no copy.
      retrieveLocale: (lang: string) => locales[lang] ?? csl.locales.get(lang),
      retrieveItem: (id: string) => store.get(id),
      // Honoured by the CSL plugin's entry hook: marks each entry with its id (a style may skip
      // items, as APA does personal communications, so positions cannot be trusted).
      wrapBibliographyEntry: (id: string) => [`${ENTRY_MARK}${id}${ENTRY_MARK}`, ''],
    },
    style.xml,
    styleLocale(style, locale),
    true,
  );
  // HTML only: links in the bibliography; plain text is derived from it (one engine, not two).
  engine.setOutputFormat(OUTPUT_FORMAT);
  engine.opt.development_extensions.wrap_url_and_doi = true;
  return { engine, items: store, key: '' };
}

function engineFor(items: readonly CslItem[], name: CitationStyle): CiteprocEngine {
  citationSetup();
  const slot = `${setupKey}\0${name}`;
  let kept = engines.get(slot);
  if (!kept) engines.set(slot, (kept = []));
  const { key, data } = itemSet(items);
  let entry = kept.find((candidate) => candidate.key === key);
  if (!entry) {
    // A new engine while there is room, else the one holding fewer items (cheaper to refill).
    if (kept.length < ENGINES_PER_STYLE) kept.push((entry = newEngine(name)));
    else entry = kept.reduce((a, b) => (b.items.size < a.items.size ? b : a));
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
  // "n.d." written as the date (as sources.yaml does for undated pages) is no date: each style then
  // prints its own term for it, and tells two undated works by one author apart its own way
  // ("n.d.-a"), instead of appending a letter to the literal ("n.d.h").
  for (const key of ['issued', 'original-date'] as const) {
    if (/^n\.?\s?d\.?$/i.test(item[key]?.literal?.trim() ?? '')) delete json[key];
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
  /**
   * The style cites this work in the text only and lists no entry for it (Chicago and APA do so
   * for personal communications): the entry is then the in-text citation without its parentheses,
   * so the sources page still shows every work, and every link to it has its target.
   */
  inTextOnly?: true;
}

const ENTRY_MARK = '\u0002';
const MARKED = new RegExp(`${ENTRY_MARK}([^${ENTRY_MARK}]*)${ENTRY_MARK}`);
/**
 * The entry inside its wrapping div. A style that sets its numbers in the margin (IEEE's "[1]")
 * wraps the parts in divs of their own (csl-left-margin, csl-right-inline): they become spans with
 * a space between, so the entry stays one line of text that can sit in a <p>, and its text reads
 * "[1] Title" as citeproc's plain text does.
 */
const unwrapEntry = (html: string) =>
  html
    .replace(/^\s*<div class="csl-entry">/, '')
    .replace(/<\/div>\s*$/, '')
    .replace(/<div class="(csl-(?:block|left-margin|right-inline|indent))">([^]*?)<\/div>\s*/g, '<span class="$1">$2</span> ')
    .trim();

/** The bibliography in the style's order (Chicago, APA, MLA: by author, then date or title; IEEE: as cited). */
export function formatBibliography(items: readonly CslItem[], style: CitationStyle = defaultCitationStyle()): BibliographyEntry[] {
  if (items.length === 0) return [];
  const engine = engineFor(items, style);
  const made = engine.makeBibliography();
  const listed: BibliographyEntry[] = (made ? made[1] : []).map((entry) => {
    const html = unwrapEntry(entry.replace(MARKED, ''));
    return { id: MARKED.exec(entry)?.[1] ?? '', html, text: htmlToText(html) };
  });
  const ids = new Set(listed.map((entry) => entry.id));
  const unlisted = items
    .filter((item) => !ids.has(item.id))
    .map((item): BibliographyEntry => {
      const html = engine.makeCitationCluster([{ id: item.id }]).replace(/^\((.*)\)$/s, '$1');
      return { id: item.id, html, text: htmlToText(html), inTextOnly: true };
    });
  return [...listed, ...unlisted];
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
/**
 * Kept on `globalThis`, as the engines are: the content loaders format every note's citations,
 * and the pages (a second copy of this module in the same process, handed the same edition) ask
 * for the same ones again in the notes' plain text; formatting them twice cost 1.9 s at 10,000
 * passages.
 */
const shared = ((globalThis as unknown as Record<symbol, CitationCaches | undefined>)[Symbol.for('annotated-reader.citation-caches')] ??= {
  formatted: new WeakMap(),
  contexts: new WeakMap(),
  contextNumbers: new Map(),
});
interface CitationCaches {
  formatted: WeakMap<CslItem, Map<string, string>>;
  /** A citation context's ids, once per array: a book's notes all pass the one bibliography. */
  contexts: WeakMap<readonly CslItem[], { ids: Set<string>; key: string }>;
  /** Contexts' ids joined, each numbered once: the number, not a library's 500 ids, goes into each key. */
  contextNumbers: Map<string, number>;
}
const { formatted, contexts, contextNumbers } = shared;
function contextOf(context: readonly CslItem[]): { ids: Set<string>; key: string } {
  let found = contexts.get(context);
  if (!found) {
    const ids = JSON.stringify(context.map((other) => other.id));
    let number = contextNumbers.get(ids);
    if (number === undefined) contextNumbers.set(ids, (number = contextNumbers.size));
    contexts.set(context, (found = { ids: new Set(context.map((other) => other.id)), key: `context ${number}` }));
  }
  return found;
}

/** The works cited alongside `item` (the given context, with `item` added when it is not in it), and the context's ids. */
function citationContext(item: CslItem, given: readonly CslItem[] | undefined) {
  const ids = given && contextOf(given);
  return { given: ids, context: ids?.ids.has(item.id) ? given! : [...(given ?? []), item] };
}

/** An in-text citation of one item, e.g. "(Kostakis and Bauwens 2014, 12)". */
export function formatCitation(item: CslItem, options: CitationOptions = {}): string {
  const { locator, mode = 'parenthetical', style = defaultCitationStyle(), format = 'text' } = options;
  const { given, context } = citationContext(item, options.context);
  let cache = formatted.get(item);
  if (!cache) formatted.set(item, (cache = new Map()));
  // Disambiguation ("2012a") depends on which other works are cited alongside, so they are part of the key.
  // The setup's digest, not a counter of this copy's: the copies share what they format.
  const keyFor = (where: string) => JSON.stringify([setupKey, style, format, mode, where, given?.ids.has(item.id) ? given.key : context.map((other) => other.id)]);
  const key = keyFor(locator ?? '');
  let text = cache.get(key);
  if (text === undefined) {
    const parsed = locator ? parseLocator(locator) : undefined;
    const settings = { mode, style, format };
    // A plain page number, the commonest locator, goes into the citation citeproc made for two
    // probe numbers when those two differ by the number alone: a book's notes cite pages of a few
    // works, each page a new citation, and citeproc took about 0.6 ms for each.
    const around = parsed && PLAIN_NUMBER.test(parsed.locator) ? numberTemplate(item, settings, context, parsed.label, cache, keyFor(`\0number ${parsed.label}`)) : undefined;
    text = around ? `${around[0]}${parsed!.locator}${around[1]}` : formatCitationUncached(item, { ...settings, locator: parsed }, context);
    cache.set(key, text);
  }
  return text;
}

/**
 * A citation straight from citeproc, with no cache and no page-number shortcut: what
 * `formatCitation` gives, made the long way (the tests hold the two together).
 */
export function citeprocCitation(item: CslItem, options: CitationOptions = {}): string {
  const { locator, mode = 'parenthetical', style = defaultCitationStyle(), format = 'text' } = options;
  const { context } = citationContext(item, options.context);
  return formatCitationUncached(item, { mode, style, format, locator: locator ? parseLocator(locator) : undefined }, context);
}

/** A locator that is a page number and nothing else, as styles print it digit for digit. */
const PLAIN_NUMBER = /^[1-9]\d{0,3}$/;
/** Numbers no real locator of PLAIN_NUMBER can be, of another length, so a probe is never taken for one. */
const PROBES = ['98765', '43210'] as const;

type CitationSettings = { mode: 'parenthetical' | 'narrative'; style: CitationStyle; format: 'html' | 'text' };

/**
 * What comes before and after a plain page number in this citation, or undefined when the style
 * does more to the number than print it (roman numerals, separators, a different form for other
 * numbers): then the two probes' citations differ by more than the probe, and every number is
 * given to citeproc. Kept in the item's cache under `templateKey`: the citation's key with the
 * label for its locator.
 */
function numberTemplate(
  item: CslItem,
  settings: CitationSettings,
  context: readonly CslItem[],
  label: string,
  cache: Map<string, string>,
  templateKey: string,
): [string, string] | undefined {
  let found = cache.get(templateKey);
  if (found === undefined) {
    const [one, other] = PROBES.map((probe) => formatCitationUncached(item, { ...settings, locator: { locator: probe, label } }, context)) as [string, string];
    const parts = one.split(PROBES[0]);
    found = parts.length === 2 && !one.includes(PROBES[1]) && other === parts.join(PROBES[1]) ? JSON.stringify(parts) : '';
    cache.set(templateKey, found);
  }
  return found ? (JSON.parse(found) as [string, string]) : undefined;
}

function formatCitationUncached(
  item: CslItem,
  { locator, mode, style, format }: CitationSettings & { locator: { locator: string; label: string } | undefined },
  context: readonly CslItem[],
): string {
  const engine = engineFor(context, style);
  const cite = { id: item.id, ...locator };
  const cluster = (extra: object) => {
    const html = engine.makeCitationCluster([{ ...cite, ...extra }]);
    return format === 'html' ? html : htmlToText(html);
  };
  // A number or a note has no author to put in the sentence: the citation is the same in both modes.
  if (mode === 'parenthetical' || !['author-date', 'author'].includes(styleNamed(style).format)) return cluster({});
  // Narrative: the author as the style names them, then the rest of the citation in parentheses.
  // APA joins authors with "&" inside parentheses but "and" in running text (APA 7, 8.17); the
  // other styles write "and" in both.
  const author = cluster({ 'author-only': true })
    .replace(/^\((.*)\)$/, '$1')
    .replace(/ &(?:amp;|#38;)? (?=[^&]*$)/, ' and ');
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
  style: CitationStyle = defaultCitationStyle(),
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
