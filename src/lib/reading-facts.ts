/**
 * What the site says about a reading wherever it lists or describes one (home page, reading page,
 * EPUB, structured data, search filters): the order readings stand in, their authors and date as
 * people read them, the language by name, and where an imported text came from. Pure: the pages and
 * the EPUB writer share one wording.
 */
import type { ReadingMeta } from '../schemas/reading.ts';
import { compareReadings } from './edition.ts';

/** Collection entries (`{ id, data: { title, order } }`) in reading order, as a new array. */
export const inReadingOrder = <T extends { id: string; data: { title: string; order?: number | undefined } }>(entries: readonly T[]): T[] =>
  [...entries].sort((a, b) => compareReadings({ id: a.id, ...a.data }, { id: b.id, ...b.data }));

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A language tag as an English name: "grc" → "Ancient Greek", "en-GB" → "British English"; an unknown tag as itself. */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

type Author = NonNullable<ReadingMeta['authors']>[number];

/** A CSL name as it is read: "Karl Marx", "Ludwig van Beethoven", "Homer". */
export function authorName(name: Author): string {
  if ('literal' in name) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const main = [name.given, name['dropping-particle'], family].filter(Boolean).join(' ');
  return name.suffix ? `${main} ${name.suffix}` : main;
}

/** Several names as a phrase: "A", "A and B", "A, B and C". */
export function authorList(authors: readonly Author[]): string {
  const names = authors.map(authorName);
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An original date as people read it: "1848", "February 1848", "21 February 1848", "700 BCE". */
export function displayDate(date: string): string {
  const match = /^(-?)(\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, minus, year, month, day] = match;
  const y = minus ? `${Number(year)} BCE` : String(Number(year));
  const m = month ? MONTHS[Number(month) - 1] : undefined;
  return [day && String(Number(day)), m, y].filter(Boolean).join(' ');
}

/** An original date for `<time datetime>`: "0850", "1848-02"; undefined for a year BCE, which HTML cannot state (show it as text, not in <time>). */
export const dateTimeAttribute = (date: string) => (date.startsWith('-') ? undefined : date.replace(/^\d{1,3}(?=-|$)/, (year) => year.padStart(4, '0')));

/** How the formats an import reads are named to readers. */
export const IMPORT_FORMAT_LABELS: Record<NonNullable<ReadingMeta['provenance']>['format'], string> = {
  text: 'plain text',
  gutenberg: 'Project Gutenberg plain text',
  markdown: 'Markdown',
  html: 'HTML page',
  docx: 'Word document (.docx)',
  epub: 'EPUB',
  tei: 'TEI XML',
};

/** What the reader and the EPUB say when the source states no licence. */
export const LICENCE_NOT_STATED = 'Not stated in the source';

/** One sentence on an imported file: "Imported from “essay.docx” (Word document (.docx)), SHA-256 ab…". */
export function provenanceSentence(provenance: NonNullable<ReadingMeta['provenance']>): string {
  return `Imported from the file \u201C${provenance.file}\u201D (${IMPORT_FORMAT_LABELS[provenance.format]}), whose SHA-256 is ${provenance.sha256}.`;
}

/** A reading's length as the cards and the reading page give it: "4 passages · about 1 min read". */
export const lengthLabel = (passages: number, minutes: number) => `${passages} ${passages === 1 ? 'passage' : 'passages'} · about ${minutes} min read`;
