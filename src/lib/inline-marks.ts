/**
 * Inline formatting beside the plain text. A passage's text is the source's words alone; a mark in
 * reading.yaml quotes some of them (and which occurrence) and says how the original sets them:
 * italics, bold, a link, another language. Here marks are found in the text (or reported, with the
 * field to fix), and turned into ranges that renderRanges nests with the note phrases and glossary
 * terms, so anchoring, search, citations and copying keep working on the plain text.
 */
import type { ContentProblem } from './content-errors.ts';
import { directionOf, type TextDirection } from './languages.ts';
import { escapeHtml } from './render-passage.ts';
import type { MarkRange } from './render-ranges.ts';
import { checkUrl } from './url-policy.ts';
import type { z } from 'zod';
import type { InlineMarkSchema, MARK_STYLES } from '../schemas/reading.ts';

export type MarkStyle = (typeof MARK_STYLES)[number];

/** A mark as reading.yaml writes it. */
export type InlineMark = z.infer<typeof InlineMarkSchema>;

/** A mark found in its passage: offsets into the passage text. */
export interface PlacedMark {
  start: number;
  end: number;
  styles: MarkStyle[];
  link?: string | undefined;
  lang?: string | undefined;
}

/** Every start offset of `words` in `text` (occurrences may not overlap, as a reader counts them). */
export function occurrencesOf(text: string, words: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(words); at !== -1 && words.length > 0; at = text.indexOf(words, at + words.length)) found.push(at);
  return found;
}

const preview = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
};

const stylesOf = (mark: InlineMark): MarkStyle[] => (mark.style === undefined ? [] : Array.isArray(mark.style) ? mark.style : [mark.style]);

/** Where a mark's words are in the passage, or why they cannot be placed (message and fix). */
export function placeMark(
  text: string,
  mark: InlineMark,
  passageId: string,
): { placed: PlacedMark; problem?: undefined } | { placed?: undefined; problem: { message: string; fix: string } } {
  const found = occurrencesOf(text, mark.text);
  const words = JSON.stringify(mark.text);
  if (found.length === 0) {
    return {
      problem: {
        message: `the words ${words} do not occur in passage "${passageId}" ("${preview(text)}").`,
        fix: 'quote the words exactly as source.txt has them (spelling, accents, punctuation and spaces), within this one passage.',
      },
    };
  }
  if (mark.occurrence !== undefined && mark.occurrence > found.length) {
    const times = found.length === 1 ? 'once' : `${found.length} times`;
    return {
      problem: {
        message: `occurrence ${mark.occurrence} of ${words} is asked for, but passage "${passageId}" has the words ${times}.`,
        fix: found.length === 1 ? 'remove `occurrence`: the words occur once.' : `write an occurrence from 1 to ${found.length}.`,
      },
    };
  }
  if (mark.occurrence === undefined && found.length > 1) {
    return {
      problem: {
        message: `the words ${words} occur ${found.length} times in passage "${passageId}" and no \`occurrence\` says which.`,
        fix: `add \`occurrence: 1\` … \`occurrence: ${found.length}\` (counting from the start of the passage), or quote more words.`,
      },
    };
  }
  const start = found[(mark.occurrence ?? 1) - 1]!;
  const placed: PlacedMark = { start, end: start + mark.text.length, styles: stylesOf(mark) };
  if (mark.link !== undefined) placed.link = mark.link;
  if (mark.lang !== undefined) placed.lang = mark.lang;
  return { placed };
}

export interface MarkCheckContext {
  file: string;
  /** The line in `file` of a field path, when known. */
  lineOf?: (path: (string | number)[]) => number | undefined;
}

/**
 * The content check for marks: one problem per mark that cannot be placed, at its field
 * (`passages[3].marks[0]`). `passages` are the segmented passages, in map order.
 */
export function markProblems(
  passages: readonly { id: string; text: string; marks?: readonly InlineMark[] | undefined }[],
  context: MarkCheckContext,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  passages.forEach((passage, index) => {
    passage.marks?.forEach((mark, markIndex) => {
      const { problem } = placeMark(passage.text, mark, passage.id);
      if (!problem) return;
      problems.push({
        kind: 'mark-not-found',
        file: context.file,
        line: context.lineOf?.(['passages', index, 'marks', markIndex]),
        field: `passages[${index}].marks[${markIndex}]`,
        ...problem,
      });
    });
  });
  return problems;
}

/** The marks of a passage that can be placed (the content check has refused the others). */
export const placeMarks = (text: string, marks: readonly InlineMark[] | undefined, passageId = ''): PlacedMark[] =>
  (marks ?? []).flatMap((mark) => {
    const { placed } = placeMark(text, mark, passageId);
    return placed ? [placed] : [];
  });

const STYLE_TAGS: Record<MarkStyle, readonly [string, string]> = {
  emphasis: ['em', ''],
  strong: ['strong', ''],
  superscript: ['sup', ''],
  subscript: ['sub', ''],
  'small-caps': ['span', 'sc'],
  code: ['code', ''],
};

/**
 * A placed mark as one range: its elements opened outermost first (a link, then the styles in the
 * order written), the language on the outermost one, with a direction when it differs from the
 * passage's. The link is kept only if the URL policy still allows it.
 */
export function markRange(mark: PlacedMark, index: number, passageDirection: TextDirection): MarkRange {
  const tags: { name: string; attrs: string }[] = [];
  if (mark.link !== undefined && checkUrl(mark.link, { context: 'external' }).ok) {
    tags.push({ name: 'a', attrs: ` href="${escapeHtml(mark.link)}"` });
  }
  for (const style of mark.styles) {
    const [name, className] = STYLE_TAGS[style];
    tags.push({ name, attrs: className ? ` class="${className}"` : '' });
  }
  if (mark.lang !== undefined) {
    if (tags.length === 0) tags.push({ name: 'span', attrs: '' });
    const dir = directionOf(mark.lang);
    tags[0]!.attrs += ` lang="${escapeHtml(mark.lang)}"${dir === passageDirection ? '' : ` dir="${dir}"`}`;
  }
  return {
    key: `m-${String(index).padStart(3, '0')}`,
    start: mark.start,
    end: mark.end,
    open: tags.map((tag) => `<${tag.name}${tag.attrs}>`).join(''),
    close: tags.map((tag) => `</${tag.name}>`).reverse().join(''),
    link: tags[0]?.name === 'a',
  };
}
