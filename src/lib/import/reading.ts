/**
 * Blocks → a reading folder's two files. Shared by every format: heading levels and sections from
 * the headings, a readable id for each passage from its words, inline spans as `marks`, languages
 * and directions that differ from the reading's, and the metadata reading.yaml needs (title,
 * authors as CSL names, date, description, attribution, licence, origin, provenance).
 *
 * Ids are derived from the words alone, in text order, so importing the same file again gives the
 * same ids, and notes written against the first import still find their passages.
 */
import { createHash } from 'node:crypto';
import anyAscii from 'any-ascii';
import { Document, isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { indexesOf } from '../anchoring.ts';
import { impliedDirection } from '../languages.ts';
import { SLUG_PATTERN } from '../ids.ts';
import type { IMPORT_FORMATS, ReadingMeta } from '../../schemas/reading.ts';
import { refusals } from './errors.ts';
import { normaliseLanguage, oneLine, type ImportBlock, type ImportedDocument, type MarkStyle, type Span } from './model.ts';

export interface ReadingOptions {
  /** The original file's name (no folders), for provenance and messages. */
  fileName: string;
  /** The original file's bytes, for provenance.sha256. */
  bytes: Uint8Array;
  id?: string | undefined;
  lang?: string | undefined;
  title?: string | undefined;
  author?: string | undefined;
}

export interface ImportedReading {
  id: string;
  /** source.txt */
  source: string;
  /** reading.yaml */
  yaml: string;
  meta: ReadingMeta;
  /** Notices for the editor (printed by the command, not written). */
  warnings: string[];
}

type Mark = NonNullable<ReadingMeta['passages'][number]['marks']>[number];
type CslName = NonNullable<ReadingMeta['authors']>[number];
type Format = (typeof IMPORT_FORMATS)[number];

/** Short words left out of ids (when enough other words remain), so ids say what a passage is about. */
const STOP_WORDS = new Set(
  'a an and are as at be but by for from had has have he her his in is it its of on or she so that the their them then there they this to was we were which with you'.split(' '),
);

/** Lower-case ASCII words of any script (any-ascii transliterates Greek, Arabic, Hebrew, CJK …). */
export function idWords(text: string): string[] {
  return anyAscii(text.normalize('NFC'))
    .toLowerCase()
    .replace(/(\w)['’](\w)/g, '$1$2')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.slice(0, 24));
}

/** A readable slug from the first words that carry meaning; '' when the text has no letters or digits. */
export function slugFromWords(text: string, maxWords: number): string {
  const all = idWords(text);
  const meaningful = all.filter((word) => !STOP_WORDS.has(word));
  const chosen = (meaningful.length >= Math.min(2, all.length) ? meaningful : all).slice(0, maxWords);
  return chosen.join('-');
}

/** Hands out ids unique within one set: the second "preface" is "preface-2". */
export class IdPool {
  private readonly used = new Set<string>();
  /** The next number to try for each stem, so a long book with many alike openings stays linear. */
  private readonly next = new Map<string, number>();
  take(base: string, fallback: string): string {
    const stem = SLUG_PATTERN.test(base) ? base : fallback;
    let id = stem;
    let n = this.next.get(stem) ?? 2;
    if (this.used.has(id)) for (id = `${stem}-${n}`; this.used.has(id); id = `${stem}-${n}`) n++;
    if (id !== stem) this.next.set(stem, n + 1);
    this.used.add(id);
    return id;
  }
}

/** A name as CSL has it: "Jane Austen" → family Austen, given Jane; "Austen, Jane" likewise; "Homer" literal. */
export function cslName(written: string): CslName | undefined {
  const name = oneLine(written).replace(/\.$/, (dot) => (/\b[A-Z]\.$/.test(written.trim()) ? dot : ''));
  if (!name) return undefined;
  const comma = name.indexOf(',');
  if (comma > 0) {
    const family = name.slice(0, comma).trim();
    const given = name.slice(comma + 1).trim();
    if (given && !/^\d/.test(given)) return { family, given };
    return { literal: family };
  }
  const words = name.split(' ');
  const organisation = /\b(foundation|society|press|university|institute|project|wiki|contributors|team|inc|ltd|committee|association|council|group|collective)\b/i;
  if (words.length === 1 || organisation.test(name)) return { literal: name };
  let first = words.length - 1;
  while (first > 1 && /^(van|von|de|der|den|del|della|di|da|du|la|le|ten|ter|bin|ibn|al|el|dos|das)$/.test(words[first - 1]!)) first--;
  const family = words.at(-1)!;
  const given = words.slice(0, first).join(' ');
  const particle = words.slice(first, -1).join(' ');
  return particle ? { family, given, 'non-dropping-particle': particle } : { family, given };
}

const listNames = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** A date as the schema takes it (1848, 1848-02, 1848-02-21, -0700), or undefined. */
export function normaliseDate(value: string | undefined): string | undefined {
  const text = oneLine(value);
  if (!text) return undefined;
  const iso = /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T\s])/.exec(text);
  if (iso) return [iso[1]!.startsWith('-') ? `-${iso[1]!.slice(1).padStart(4, '0')}` : iso[1], iso[2], iso[3]].filter(Boolean).join('-');
  const month = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i.test(text);
  const parsed = month ? Date.parse(text) : Number.NaN;
  if (!Number.isNaN(parsed) && /\b\d{4}\b/.test(text)) {
    const date = new Date(parsed);
    // Stryker disable next-line StringLiteral: the year is a whole run of digits between non-word characters, so what replaces it can neither make nor break a 1–2 digit word.
    const day = /\b\d{1,2}\b/.test(text.replace(/\b\d{4}\b/, ''));
    const y = date.getFullYear();
    const m = String(date.getMonth() + 1).padStart(2, '0');
    const d = String(date.getDate()).padStart(2, '0');
    return day ? `${y}-${m}-${d}` : `${y}-${m}`;
  }
  return /\b(\d{4})\b/.exec(text)?.[1];
}

/** A Creative Commons licence named without its address ("CC BY-SA 4.0") gets its address. */
export function licenceAddress(name: string): string | undefined {
  const cc = /\bCC[ -]?(BY(?:[ -](?:NC|SA|ND))*)[ -]?(\d\.\d)\b/i.exec(name);
  if (cc) return `https://creativecommons.org/licenses/${cc[1]!.toLowerCase().replace(/ /g, '-')}/${cc[2]}/`;
  if (/\bCC0\b/i.test(name)) return 'https://creativecommons.org/publicdomain/zero/1.0/';
  return undefined;
}

/** Where each span's words are: quoted, with which occurrence when they occur more than once. */
export function marksOf(text: string, spans: readonly Span[]): Mark[] {
  const byRange = new Map<string, { start: number; end: number; styles: MarkStyle[]; link?: string; lang?: string }>();
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    let { start, end } = span;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (start >= end) continue;
    const key = `${start}:${end}`;
    const entry = byRange.get(key) ?? { start, end, styles: [] };
    if (span.style && !entry.styles.includes(span.style)) entry.styles.push(span.style);
    if (span.link) entry.link = span.link;
    if (span.lang) entry.lang = span.lang;
    byRange.set(key, entry);
  }
  return [...byRange.values()].map((entry) => {
    const words = text.slice(entry.start, entry.end);
    const mark: Mark = { text: words };
    const starts = indexesOf(text, words);
    if (starts.length > 1) mark.occurrence = starts.indexOf(entry.start) + 1;
    if (entry.styles.length === 1) mark.style = entry.styles[0]!;
    else if (entry.styles.length > 1) mark.style = entry.styles;
    if (entry.link) mark.link = entry.link;
    if (entry.lang) mark.lang = entry.lang;
    return mark;
  });
}

/** A block's words without the bullets and numbers the importer set before each list item. */
const withoutListMarkers = (text: string) => text.replace(/^\s*(?:•|\d+\.)\s+/gm, '');

/** One paragraph's opening, up to about 200 characters, cut at a sentence or a word. */
function summary(text: string): string {
  const flat = oneLine(withoutListMarkers(text));
  if (flat.length <= 200) return flat;
  const sentence = /^(.{60,200}?[.!?;])\s/.exec(flat);
  if (sentence) return sentence[1]!;
  return `${flat.slice(0, 200).replace(/\s+\S*$/, '')} …`;
}

const humanise = (fileName: string) => {
  const stem = fileName.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
  return stem ? stem[0]!.toUpperCase() + stem.slice(1) : 'Untitled';
};

/** Ranks heading depths into levels 2–4; a lone first heading above all others is the title. */
function headingLevels(blocks: readonly ImportBlock[]): Map<ImportBlock, number> {
  const headings = blocks.filter((b) => b.role === 'heading');
  const levels = new Map<ImportBlock, number>();
  const first = blocks[0];
  const titleHeading =
    // Stryker disable next-line OptionalChaining: buildReading refuses a document without blocks before ranking headings, so the first block always exists.
    first?.role === 'heading' && headings.slice(1).every((h) => (h.depth ?? 2) > (first.depth ?? 2)) ? first : undefined;
  const depths = [...new Set(headings.filter((h) => h !== titleHeading).map((h) => h.depth ?? 2))].sort((a, b) => a - b);
  for (const heading of headings) {
    levels.set(heading, heading === titleHeading ? 2 : Math.min(4, 2 + depths.indexOf(heading.depth ?? 2)));
  }
  return levels;
}

/** Builds source.txt and reading.yaml from an imported document. */
export function buildReading(document: ImportedDocument, options: ReadingOptions): ImportedReading {
  const fileName = options.fileName;
  const blocks = document.blocks.filter((block) => block.text.trim() !== '');
  if (blocks.length === 0) throw refusals.noText(fileName);
  let language = document.language;
  if (options.lang !== undefined) {
    language = normaliseLanguage(options.lang);
    if (!language) throw refusals.badLanguage(options.lang);
  }
  if (!language) throw refusals.noLanguage(fileName);
  const warnings = [...document.warnings];

  const title = oneLine(options.title) || oneLine(document.title) || oneLine(blocks.find((b) => b.role === 'heading')?.text) || humanise(fileName);
  const levels = headingLevels(blocks);

  // Sections: one per level-2 heading; what comes before the first is the opening, named by the title.
  const sectionIds = new IdPool();
  const sections: ReadingMeta['sections'] = [];
  const sectionOf: string[] = [];
  let current: string | undefined;
  for (const block of blocks) {
    if (block.role === 'heading' && levels.get(block) === 2) {
      const name = oneLine(block.text);
      current = sectionIds.take(slugFromWords(name, 5), 'section');
      sections.push({ id: current, title: name });
    } else if (current === undefined) {
      current = sectionIds.take(slugFromWords(title, 5), 'opening');
      sections.push({ id: current, title });
    }
    sectionOf.push(current);
  }

  const passageIds = new IdPool();
  const passages: ReadingMeta['passages'] = [];
  const parts: string[] = [];
  let line = 1;
  blocks.forEach((block, index) => {
    const lineCount = block.text.split('\n').length;
    const lines = lineCount === 1 ? line : `${line}-${line + lineCount - 1}`;
    const fallback = block.role === 'heading' ? 'heading' : block.role === 'verse' ? 'stanza' : 'passage';
    const entry: ReadingMeta['passages'][number] = {
      id: passageIds.take(slugFromWords(withoutListMarkers(block.text), 4), fallback),
      lines,
      role: block.role,
      ...(block.role === 'heading' ? { level: levels.get(block) ?? 2 } : {}),
      section: sectionOf[index]!,
      ...(block.speaker ? { speaker: block.speaker } : {}),
    };
    const lang = block.lang && block.lang !== language ? block.lang : undefined;
    if (lang) entry.lang = lang;
    const textLang = lang ?? language;
    if (block.dir && block.dir !== impliedDirection(textLang)) entry.dir = block.dir;
    // A span's language is a mark's only where it is not the passage's; a mark left with nothing to say goes.
    const spans = block.spans.map(({ lang: spanLang, ...span }) => (spanLang !== undefined && spanLang !== textLang ? { ...span, lang: spanLang } : span));
    const marks = marksOf(block.text, spans).filter((m) => m.style || m.link || m.lang);
    if (marks.length) entry.marks = marks;
    passages.push(entry);
    parts.push(block.text);
    line += lineCount + 1;
  });
  const source = `${parts.join('\n\n')}\n`;

  const authorNames = options.author ? [oneLine(options.author)] : document.authors.map(oneLine).filter(Boolean);
  const authors = authorNames.map(cslName).filter((n): n is CslName => n !== undefined);
  const prose = blocks.filter((b) => b.role === 'paragraph' || b.role === 'quote' || b.role === 'verse');
  const firstProse = prose.find((b) => b.text.split(/\s+/).length >= 20) ?? prose[0];
  const description =
    oneLine(document.description) || (firstProse ? summary(firstProse.text) : `${title}, imported from ${fileName}.`);
  const attribution = authorNames.length ? listNames(authorNames) : oneLine(document.origin?.site) || 'Author not stated in the imported file';
  if (!authorNames.length) warnings.push(`the file names no author: attribution says "${attribution}"; run again with --author "…" or edit reading.yaml.`);

  const meta: Record<string, unknown> = { title };
  if (document.subtitle) meta.subtitle = oneLine(document.subtitle);
  if (authors.length) meta.authors = authors;
  const date = normaliseDate(document.date);
  if (date) meta.date = date;
  meta.description = description;
  meta.attribution = attribution;
  if (document.origin) {
    meta.origin = { url: document.origin.url, title: oneLine(document.origin.title) || title, site: oneLine(document.origin.site) || new URL(document.origin.url).hostname };
  }
  if (document.licence) {
    const url = document.licence.url ?? licenceAddress(document.licence.name);
    if (url) meta.licence = { name: oneLine(document.licence.name), url };
    else warnings.push(`the file states the licence "${oneLine(document.licence.name)}" without an address; add \`licence: { name, url }\` to reading.yaml.`);
  }
  meta.language = language;
  if (document.direction && document.direction !== impliedDirection(language)) meta.direction = document.direction;
  const provenance: Record<string, unknown> = {
    file: fileName,
    format: document.format satisfies Format,
    sha256: createHash('sha256').update(options.bytes).digest('hex'),
  };
  if (document.omitted.length) provenance.omitted = document.omitted;
  meta.provenance = provenance;
  meta.sha256 = createHash('sha256').update(source).digest('hex');
  meta.sections = sections;
  meta.passages = passages;

  const id = options.id ?? (slugFromWords(title, 5) || slugFromWords(fileName.replace(/\.[^.]+$/, ''), 5) || 'reading');
  return { id, source, yaml: toYaml(meta, fileName), meta: meta as ReadingMeta, warnings };
}

/** reading.yaml as an editor would write it: fields in the usual order, one passage per line. */
function toYaml(meta: Record<string, unknown>, fileName: string): string {
  const document = new Document(meta);
  document.commentBefore = [
    ` ${String(meta.title)} — metadata and passage map, written by \`npm run import\` from ${fileName}.`,
    ' source.txt beside this file is the imported text: never edit it; mark its defects with editorial notes.',
    ' Ids are permanent once notes or links use them. Line numbers are those of `cat -n source.txt`.',
  ].join('\n');
  const flowItems = (key: string) => {
    const node = document.get(key);
    if (isSeq(node)) for (const item of (node as YAMLSeq).items) if (isMap(item)) (item as YAMLMap).flow = true;
  };
  flowItems('authors');
  flowItems('sections');
  const passages = document.get('passages') as YAMLSeq;
  for (const item of passages.items) {
    const map = item as YAMLMap;
    const marks = map.get('marks');
    if (isSeq(marks)) for (const mark of (marks as YAMLSeq).items) (mark as YAMLMap).flow = true;
    else map.flow = true;
  }
  return document.toString({ lineWidth: 0 });
}
