/**
 * How a reading of this edition is cited: as a CSL item (a web page of the edition), formatted by
 * the project's CSL processor
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
import { citationStyles, formatBibliography, formatCitation, type CitationStyle } from './citations.ts';
import { CITE, passageAnchor } from './constants.ts';
import type { CitationDownload } from './urls.ts';

export interface CitableReading {
  id: string;
  title: string;
  subtitle?: string | undefined;
  /** BCP 47 language of the text. */
  language: string;
  /** Who wrote the text, as CSL names (reading.yaml `authors`). */
  authors?: readonly CslName[] | undefined;
  /** When the text was first written or published: "1848", "1848-02-21", "-0700" (reading.yaml `date`). */
  date?: string | undefined;
}

type CslName = NonNullable<CslItem['author']>[number];

/** An original date as CSL date-parts: "1848-02" → [[1848, 2]], "-0700" (700 BCE) → [[-700]]. */
export function originalDateParts(date: string): number[][] {
  const match = /^(-?)(\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return [];
  const [, sign, year, month, day] = match;
  return [[Number(`${sign}${year}`), ...[month, day].filter((part) => part !== undefined).map(Number)]];
}

/**
 * The date of this edition: when the site was built, or SOURCE_DATE_EPOCH (seconds, the
 * reproducible-builds convention) when set. Citations carry it as the date the reader accessed the
 * page (the text's own date is `date` in reading.yaml), the EPUB as its modification date.
 */
export function editionDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = Number(env['SOURCE_DATE_EPOCH']);
  // One date per build, even when the build runs past midnight.
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : (buildStarted ??= new Date());
}
let buildStarted: Date | undefined;

/**
 * The reading as a CSL item, at `url` (the reading page, or a passage's permalink). Its author and
 * date are the text's own (`authors`, `date`); the date of this edition is when the reader
 * accessed it, never the date the text was issued. A reading without `authors` has no author in
 * the citation, and the styles lead with its title, as they do for any unsigned work: its
 * `attribution` is a credit line in prose ("Contributors to the P2P Foundation wiki; the quoted
 * passages are by …"), and made into a name it would be cited as an author called that sentence.
 * A reading without `date` is cited "n.d." (Chicago, APA) or without a date (MLA), with the access date.
 */
export function readingCslItem(reading: CitableReading, url: string, siteName: string, accessed = editionDate()): CslItem {
  const issued = reading.date ? originalDateParts(reading.date) : [];
  return {
    id: reading.id as CslItem['id'],
    type: 'webpage',
    ...(reading.authors?.length ? { author: reading.authors.map((name) => ({ ...name })) } : {}),
    title: reading.subtitle ? `${reading.title}: ${reading.subtitle}` : reading.title,
    'container-title': siteName,
    ...(issued.length ? { issued: { 'date-parts': issued } } : {}),
    accessed: { 'date-parts': [[accessed.getUTCFullYear(), accessed.getUTCMonth() + 1, accessed.getUTCDate()]] },
    URL: url,
    language: reading.language,
  } as CslItem;
}

export interface FormattedCitation {
  style: CitationStyle;
  /** How the style is named to readers: its CSL file's <info><title>. */
  label: string;
  /** The reference-list entry: HTML (italics as <i>) and plain text. */
  reference: { html: string; text: string };
  /** The in-text citation, plain text, e.g. (“The Partner State,” n.d., para. 14). */
  inText: string;
}

/** The reading (or, with `passage`, one passage of it) cited in every style the project offers. */
export function citeReading(
  reading: CitableReading,
  readingUrl: string,
  siteName: string,
  passage?: { id: string; number: number | string },
  accessed = editionDate(),
): FormattedCitation[] {
  const url = passage ? `${readingUrl}#${passageAnchor(passage.id)}` : readingUrl;
  const item = readingCslItem(reading, url, siteName, accessed);
  return citationStyles().map(({ name: style, title }) => {
    const [entry] = formatBibliography([item], style);
    return {
      style,
      label: title,
      reference: { html: entry!.html, text: entry!.text },
      inText: formatCitation(item, { style, ...(passage ? { locator: `para. ${passage.number}` } : {}) }),
    };
  });
}

/** The per-style templates for citing any passage: `citeReading` with the placeholders as the passage. */
export const passageCitationTemplates = (reading: CitableReading, readingUrl: string, siteName: string, accessed = editionDate()) =>
  citeReading(reading, readingUrl, siteName, { id: CITE.idToken, number: CITE.numberToken }, accessed);

/** What the cite dialog fetches: the per-passage templates, and the reading's reference files. */
export interface PassageCitations {
  styles: { style: CitationStyle; label: string; reference: string; inText: string }[];
  downloads: CitationDownload[];
}

/** Puts a passage into a template string (what the page's script does to the template's nodes). */
export const fillCitationTemplate = (template: string, passage: { id: string; number: number }) =>
  template.split(CITE.numberToken).join(String(passage.number)).split(CITE.idToken).join(passage.id);
