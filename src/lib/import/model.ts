/**
 * The one tree every importer produces: blocks (a heading, a paragraph, a list, a stanza …) with
 * their words as plain text, inline formatting kept beside the text as spans, and the document's
 * metadata. Each format's adapter (src/lib/import/<format>.ts) only turns its parser's output into
 * this; everything after it (ids, sections, source.txt, reading.yaml) is shared (reading.ts).
 */
import type { IMPORT_FORMATS, MARK_STYLES, PassageRole } from '../../schemas/reading.ts';
import { LanguageTagSchema } from '../../schemas/reading.ts';
import type { TextDirection } from '../languages.ts';
import { checkUrl } from '../url-policy.ts';

export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type MarkStyle = (typeof MARK_STYLES)[number];

/** Inline formatting over [start, end) of a block's text. */
export interface Span {
  start: number;
  end: number;
  style?: MarkStyle;
  link?: string;
  lang?: string;
}

export interface ImportBlock {
  role: PassageRole;
  /** Headings: the depth the file gives (h1 = 1, a TEI div nested twice = 2 …); ranked into levels later. */
  depth?: number;
  /** The words, lines separated by \n (list items, verse lines); never a blank line. */
  text: string;
  spans: Span[];
  lang?: string;
  dir?: TextDirection;
  /** Who speaks (a TEI sp's speaker). */
  speaker?: string;
}

export interface ImportedLicence {
  name: string;
  /** Missing: reading.ts gives a Creative Commons licence its address, or warns. */
  url?: string | undefined;
}

export interface ImportedDocument {
  format: ImportFormat;
  title?: string;
  subtitle?: string;
  /** People as the file names them ("Jane Austen", "Austen, Jane"). */
  authors: string[];
  date?: string;
  language?: string;
  direction?: TextDirection;
  description?: string;
  licence?: ImportedLicence;
  /** An empty or missing title or site is the reading's title and the address's host name (reading.ts). */
  origin?: { url: string; title?: string | undefined; site?: string | undefined };
  blocks: ImportBlock[];
  /** What was left out of the passages, in words an editor understands. */
  omitted: string[];
  /** Things the editor should know (a licence without an address, a guessed encoding …). */
  warnings: string[];
}

export const emptyDocument = (format: ImportFormat): ImportedDocument => ({ format, authors: [], blocks: [], omitted: [], warnings: [] });

/** What a markup walker (HTML, TEI) collects: the blocks, and what was not text, counted by kind. */
export class BlockCollector {
  readonly blocks: ImportBlock[] = [];
  private readonly leftOut = new Map<string, number>();

  protected count(kind: string): void {
    this.leftOut.set(kind, (this.leftOut.get(kind) ?? 0) + 1);
  }

  /** What was left out, in words for provenance.omitted. */
  omitted(): string[] {
    return [...this.leftOut].map(([kind, n]) => `${kind} (${n})`);
  }

  /** Adds a block unless it has no words; depth, language, direction and speaker only where there is one. */
  protected add(
    role: PassageRole,
    built: { text: string; spans: Span[] },
    context: { lang?: string | undefined; dir?: TextDirection | undefined; speaker?: string | undefined },
    depth?: number,
  ): void {
    if (built.text.trim() === '') return;
    const block: ImportBlock = { role, text: built.text, spans: built.spans };
    if (depth !== undefined) block.depth = depth;
    if (context.lang) block.lang = context.lang;
    if (context.dir) block.dir = context.dir;
    if (context.speaker) block.speaker = context.speaker;
    this.blocks.push(block);
  }
}

/** The attributes inline content carries down the tree. */
export interface InlineAttributes {
  styles: readonly MarkStyle[];
  link?: string | undefined;
  lang?: string | undefined;
}

export const NO_ATTRIBUTES: InlineAttributes = { styles: [] };

/** Characters that are not text (C0 but tab and newline, DEL, C1, non-characters): source.txt refuses them. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
export const withoutControls = (text: string) => text.replace(CONTROL, '');

/**
 * Builds one block's text from inline pieces as a browser lays them out: runs of white space become
 * one space, none at the start or end of a line, and a line break never leaves a blank line.
 */
export class InlineText {
  text = '';
  spans: Span[] = [];
  private pendingSpace = false;

  /** Appends text; white space collapses unless `preserve` (verbatim lines of <pre>). */
  push(raw: string, attributes: InlineAttributes = NO_ATTRIBUTES, preserve = false): void {
    const clean = withoutControls(raw.replace(/\r\n?/g, '\n'));
    if (preserve) {
      clean.split('\n').forEach((line, index) => {
        if (index > 0) this.lineBreak();
        this.append(line.trimEnd(), attributes);
      });
      return;
    }
    // HTML's collapsible white space: ASCII only, so a no-break space stays what it is.
    // Stryker disable next-line Regex: splitting per white-space character or capturing the words instead yields the same alternation of word and white-space parts, and repeated space() calls act as one.
    for (const part of clean.split(/([ \t\n\f\r]+)/)) {
      if (part === '') continue;
      if (/^[ \t\n\f\r]+$/.test(part)) this.space();
      else this.append(part, attributes);
    }
  }

  private append(run: string, attributes: InlineAttributes): void {
    const atLineStart = this.text === '' || this.text.endsWith('\n');
    // White space alone never starts a line: the line would be blank and split the block.
    if (run.trim() === '' && atLineStart) return;
    if (this.pendingSpace) this.text += ' ';
    this.pendingSpace = false;
    const start = this.text.length + (run.length - run.trimStart().length);
    this.text += run;
    const end = this.text.length;
    if (run.trim() === '') return;
    for (const style of attributes.styles) this.addSpan({ start, end, style });
    if (attributes.link) this.addSpan({ start, end, link: attributes.link });
    if (attributes.lang) this.addSpan({ start, end, lang: attributes.lang });
  }

  /** A space between inline pieces that the markup implies (two paragraphs inside one list item). */
  space(): void {
    if (this.text !== '' && !this.text.endsWith('\n')) this.pendingSpace = true;
  }

  /** A new line within the block (a <br>, the next verse line or list item). */
  lineBreak(): void {
    this.pendingSpace = false;
    if (this.text !== '' && !this.text.endsWith('\n')) this.text += '\n';
  }

  /** Extends the previous span of the same kind when only a space lies between them. */
  private addSpan(span: Span): void {
    const same = this.spans.findLast((s) => s.style === span.style && s.link === span.link && s.lang === span.lang);
    if (same && same.end <= span.start && /^ ?$/.test(this.text.slice(same.end, span.start))) same.end = span.end;
    else this.spans.push(span);
  }

  /** The finished text (trailing line breaks dropped) and its spans. */
  finish(): { text: string; spans: Span[] } {
    const text = this.text.replace(/\n+$/, '');
    // Stryker disable next-line MethodExpression,LogicalOperator: append() only records non-empty spans that end before any trailing line break, so every span passes both tests and the filter drops nothing.
    return { text, spans: this.spans.filter((s) => s.end <= text.length && s.start < s.end) };
  }
}

/** Joins several pieces into one block's text, one per line, moving their spans along. */
export function joinLines(pieces: readonly { text: string; spans: readonly Span[]; indent?: string }[]): { text: string; spans: Span[] } {
  let text = '';
  const spans: Span[] = [];
  for (const piece of pieces) {
    if (piece.text.trim() === '') continue;
    if (text !== '') text += '\n';
    const indent = piece.indent ?? '';
    const offset = text.length + indent.length;
    // A piece may hold several lines (a <br> inside an item): each line gets the indent.
    text += indent + piece.text.split('\n').join(`\n${indent}`);
    for (const span of piece.spans) {
      const shift = (at: number) => offset + at + indent.length * (piece.text.slice(0, at).split('\n').length - 1);
      spans.push({ ...span, start: shift(span.start), end: shift(span.end) });
    }
  }
  return { text, spans };
}

/** A BCP 47 tag as the schema takes it ("en_US" → "en-US"), or undefined when it is not one. */
export function normaliseLanguage(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const trimmed = tag.trim().replace(/_/g, '-');
  if (trimmed === '' || /^(und|mul|zxx|x-none)$/i.test(trimmed)) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    if (canonical && LanguageTagSchema.safeParse(canonical).success) return canonical;
  } catch {
    // not a tag Intl knows: fall through to the name lookup
  }
  return languageByName(trimmed);
}

let namesToCodes: Map<string, string> | undefined;
/**
 * A language named in English ("English", "Greek", "French") as its ISO 639-1 code, for files
 * that name their language instead of tagging it (Project Gutenberg's "Language: English"). The
 * names come from Intl.DisplayNames, so no table is kept here.
 */
export function languageByName(name: string): string | undefined {
  if (!namesToCodes) {
    namesToCodes = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (const a of letters) {
      for (const b of letters) {
        const code = a + b;
        const shown = names.of(code);
        if (shown && shown !== code) namesToCodes.set(shown.toLowerCase(), code);
      }
    }
    namesToCodes.set('ancient greek', 'grc').set('greek, ancient', 'grc').set('latin', 'la');
  }
  const key = name.trim().toLowerCase();
  return namesToCodes.get(key) ?? namesToCodes.get(key.replace(/\s*\(.*\)\s*$/, '').replace(/,.*$/, ''));
}

/** An absolute http(s) address the schema accepts, or undefined. */
export function webAddress(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  return /^https?:\/\//i.test(trimmed) && checkUrl(trimmed, { context: 'external' }).ok ? trimmed : undefined;
}

/** Collapses white space for one-line metadata (a title, an author). */
export const oneLine = (text: string | null | undefined) => withoutControls(text ?? '').replace(/\s+/g, ' ').trim();
