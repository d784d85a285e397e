/**
 * Citations and bibliographies formatted by a real CSL processor (citeproc-js through citation-js's
 * CSL plugin), never by string concatenation. Three styles: Chicago author-date (the edition's
 * default) and MLA 9, both written for this project (src/lib/csl/), and APA 7 as the plugin ships it.
 *
 * In-text citations are formatted against the whole bibliography (`context`), so a year suffix
 * ("Bauwens 2012a") or an added given name matches the bibliography entry it links to.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import CSL from 'citeproc';
import type { CslItem } from '../schemas/source.ts';
import { CHICAGO_AUTHOR_DATE } from './csl/chicago-author-date.ts';
import { MLA } from './csl/mla.ts';

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

interface CiteprocEngine {
  updateItems: (ids: string[]) => void;
  setOutputFormat: (format: string) => void;
  makeCitationCluster: (items: Record<string, unknown>[]) => string;
  makeBibliography: () => [{ entry_ids: string[][] }, string[]];
  opt: { development_extensions: { wrap_url_and_doi: boolean } };
}

const csl = plugins.config.get('@csl') as {
  styles: { has: (name: string) => boolean; add: (name: string, xml: string) => void; get: (name: string) => string };
  locales: { get: (lang: string) => string };
};
// The plugin ships apa, vancouver and harvard1; the edition adds its own Chicago and MLA styles.
if (!csl.styles.has('chicago-author-date')) csl.styles.add('chicago-author-date', CHICAGO_AUTHOR_DATE);
if (!csl.styles.has('mla')) csl.styles.add('mla', MLA);

/**
 * Engines by style, output format and bibliography. Building one and registering ~100 items costs
 * far more than formatting a citation with it, and a page may cite dozens of times, so engines are
 * kept (our own instances: the plugin's shared engine is reset by every other caller).
 */
const engines = new Map<string, CiteprocEngine>();
const MAX_ENGINES = 12;

function engineFor(items: readonly CslItem[], style: CitationStyle, format: 'html' | 'text'): CiteprocEngine {
  const data = items.map(toCslJson);
  const key = `${style}|${format}|${JSON.stringify(data)}`;
  const cached = engines.get(key);
  if (cached) return cached;
  const byId = new Map(data.map((item) => [item.id as string, item]));
  const engine: CiteprocEngine = new CSL.Engine(
    { retrieveLocale: (lang: string) => csl.locales.get(lang), retrieveItem: (id: string) => byId.get(id) },
    csl.styles.get(style),
    LANG,
    true,
  );
  engine.setOutputFormat(format);
  engine.opt.development_extensions.wrap_url_and_doi = false;
  engine.updateItems([...byId.keys()]);
  if (engines.size >= MAX_ENGINES) engines.delete(engines.keys().next().value!);
  engines.set(key, engine);
  return engine;
}

/**
 * The item as CSL-JSON for the processor: the editor's `note` is a remark, not part of the
 * reference; `title-short` (used where a citation needs a title) is the main title before a subtitle.
 */
export function toCslJson(item: CslItem): Record<string, unknown> {
  const { note: _note, ...rest } = item;
  const main = item.title?.split(/:\s/)[0];
  return main && main !== item.title ? { ...rest, 'title-short': main } : rest;
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

const unwrapEntry = (html: string) => html.replace(/^\s*<div class="csl-entry">/, '').replace(/<\/div>\s*$/, '').trim();

/** The bibliography in the style's order (Chicago, APA, MLA: by author, then date or title). */
export function formatBibliography(items: readonly CslItem[], style: CitationStyle = DEFAULT_CITATION_STYLE): BibliographyEntry[] {
  if (items.length === 0) return [];
  const render = (format: 'html' | 'text') => {
    const [meta, entries] = engineFor(items, style, format).makeBibliography();
    return entries.map((entry, index) => ({ id: meta.entry_ids[index]![0]!, entry }));
  };
  const text = new Map(render('text').map(({ id, entry }) => [id, entry.trim()]));
  return render('html').map(({ id, entry }) => ({ id, html: unwrapEntry(entry), text: text.get(id)! }));
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

/** An in-text citation of one item, e.g. "(Kostakis and Bauwens 2014, 12)". */
export function formatCitation(item: CslItem, options: CitationOptions = {}): string {
  const { locator, mode = 'parenthetical', style = DEFAULT_CITATION_STYLE, format = 'text' } = options;
  const context = options.context?.some((other) => other.id === item.id) ? options.context : [...(options.context ?? []), item];
  const engine = engineFor(context, style, format);
  const cite = { id: item.id, ...(locator ? parseLocator(locator) : {}) };
  if (mode === 'parenthetical') return engine.makeCitationCluster([cite]);
  // Narrative: the author as the style names them, then the rest of the citation in parentheses.
  let author = engine.makeCitationCluster([{ ...cite, 'author-only': true }]).replace(/^\((.*)\)$/, '$1');
  // APA joins authors with "&" inside parentheses but "and" in running text.
  if (style === 'apa') author = author.replace(/ &(amp;)? (?=[^&]*$)/, ' and ');
  const rest = engine.makeCitationCluster([{ ...cite, 'suppress-author': true }]);
  return /^\(?\)?$|NO_PRINTED_FORM/.test(rest) ? author : `${author} ${rest}`;
}
