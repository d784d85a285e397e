/**
 * How a reading of this edition is cited: as a CSL item (a web page of the edition; the wiki text
 * has no named author, so the styles lead with its title), formatted by the project's CSL processor
 * (src/lib/citations.ts) in each style. A passage is cited as the reading with the passage's
 * permalink and its number as the locator ("para. 14").
 *
 * One template per style, formatted with placeholders for the passage (CITE.numberToken,
 * CITE.idToken), is written beside each reading (`PassageCitations`); the browser fills them in, so
 * no citation code ships to it, and the page does not carry them until a passage is cited.
 * `fillCitationTemplate` is that substitution, and the tests hold it equal to formatting each
 * passage directly.
 */
import type { CslItem } from '../schemas/source.ts';
import { CITATION_STYLES, CITATION_STYLE_LABELS, formatBibliography, formatCitation, type CitationStyle } from './citations.ts';
import { CITE, passageAnchor } from './constants.ts';
import type { CitationDownload } from './urls.ts';

export interface CitableReading {
  id: string;
  title: string;
  subtitle?: string | undefined;
  /** BCP 47 language of the text. */
  language: string;
}

/**
 * The date of this edition: when the site was built, or SOURCE_DATE_EPOCH (seconds, the
 * reproducible-builds convention) when set. Citations and the EPUB carry it as the date the page
 * was issued, which is what a reader citing a web page needs (the wiki text itself is undated).
 */
export function editionDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = Number(env['SOURCE_DATE_EPOCH']);
  // One date per build, even when the build runs past midnight.
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : (buildStarted ??= new Date());
}
let buildStarted: Date | undefined;

/** The reading as a CSL item, at `url` (the reading page, or a passage's permalink). */
export function readingCslItem(reading: CitableReading, url: string, siteName: string, issued = editionDate()): CslItem {
  return {
    id: reading.id as CslItem['id'],
    type: 'webpage',
    title: reading.subtitle ? `${reading.title}: ${reading.subtitle}` : reading.title,
    'container-title': siteName,
    issued: { 'date-parts': [[issued.getUTCFullYear(), issued.getUTCMonth() + 1, issued.getUTCDate()]] },
    URL: url,
    language: reading.language,
  } as CslItem;
}

export interface FormattedCitation {
  style: CitationStyle;
  /** How the style is named to readers. */
  label: string;
  /** The reference-list entry: HTML (italics as <i>) and plain text. */
  reference: { html: string; text: string };
  /** The in-text citation, plain text, e.g. (“The Partner State,” n.d., para. 14). */
  inText: string;
}

/** The reading (or, with `passage`, one passage of it) cited in every style. */
export function citeReading(
  reading: CitableReading,
  readingUrl: string,
  siteName: string,
  passage?: { id: string; number: number | string },
  issued = editionDate(),
): FormattedCitation[] {
  const url = passage ? `${readingUrl}#${passageAnchor(passage.id)}` : readingUrl;
  const item = readingCslItem(reading, url, siteName, issued);
  return CITATION_STYLES.map((style) => {
    const [entry] = formatBibliography([item], style);
    return {
      style,
      label: CITATION_STYLE_LABELS[style],
      reference: { html: entry!.html, text: entry!.text },
      inText: formatCitation(item, { style, ...(passage ? { locator: `para. ${passage.number}` } : {}) }),
    };
  });
}

/** The per-style templates for citing any passage: `citeReading` with the placeholders as the passage. */
export const passageCitationTemplates = (reading: CitableReading, readingUrl: string, siteName: string, issued = editionDate()) =>
  citeReading(reading, readingUrl, siteName, { id: CITE.idToken, number: CITE.numberToken }, issued);

/** What the cite dialog fetches: the per-passage templates, and the reading's reference files. */
export interface PassageCitations {
  styles: { style: CitationStyle; label: string; reference: string; inText: string }[];
  downloads: CitationDownload[];
}

/** Puts a passage into a template string (what the page's script does to the template's nodes). */
export const fillCitationTemplate = (template: string, passage: { id: string; number: number }) =>
  template.split(CITE.numberToken).join(String(passage.number)).split(CITE.idToken).join(passage.id);
