/**
 * Segmentation: the source text stays byte for byte as published, and the passage map says which
 * block of it each passage is. These functions are pure (strings and arrays in, data out) so that
 * fidelity can be tested without a build.
 */
import type { PassageMapEntry, PassageRole } from '../schemas/reading.ts';
import { asPassageId, type PassageId } from './ids.ts';
import type { ContentProblem } from './content-errors.ts';

/** A maximal run of non-blank lines in the source. */
export interface Block {
  /** 1-based, as `cat -n` numbers lines. */
  startLine: number;
  endLine: number;
  /** UTF-16 offsets into the source: `source.slice(start, end) === text`. */
  start: number;
  end: number;
  text: string;
}

export interface Passage {
  id: PassageId;
  /** 1-based position in the reading, shown in the margin; ids, not numbers, are permanent. */
  number: number;
  role: PassageRole;
  level?: number;
  section: string;
  speaker?: string;
  /** The verbatim block. */
  text: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  /** The whitespace between the previous passage (or the start of the file) and this one. */
  gapBefore: string;
  /** The passage's language and direction, when they are not the reading's. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** Inline formatting of the original, as the map writes it (placed by src/lib/inline-marks.ts). */
  marks?: NonNullable<PassageMapEntry['marks']>;
}

export interface Segmentation {
  passages: Passage[];
  /** Whatever follows the last passage (blank lines, a final newline, or nothing). */
  trailing: string;
}

const isBlank = (line: string) => line.trim() === '';

/** Splits a text into blocks separated by blank lines; line endings are kept out of block text. */
export function splitBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let lineStart = 0;
  let lineNumber = 1;
  let open: Block | undefined;
  const closeLine = (lineEnd: number) => {
    const line = source.slice(lineStart, lineEnd);
    if (isBlank(line)) {
      if (open) blocks.push(open);
      open = undefined;
    } else if (open) {
      open.endLine = lineNumber;
      open.end = lineEnd;
      open.text = source.slice(open.start, lineEnd);
    } else {
      open = { startLine: lineNumber, endLine: lineNumber, start: lineStart, end: lineEnd, text: line };
    }
  };
  for (let match = lineBreak.exec(source); match; match = lineBreak.exec(source)) {
    closeLine(match.index);
    lineStart = match.index + match[0].length;
    lineNumber++;
  }
  // The last line, which no line break ends; empty after a final newline, so blank, closing nothing new.
  closeLine(source.length);
  if (open) blocks.push(open);
  return blocks;
}

/** Parses `4` or `"16-18"` into a first and last line. */
export function parseLineSpan(lines: number | string): { first: number; last: number } {
  if (typeof lines === 'number') return { first: lines, last: lines };
  // Number() ignores the spaces around each part ("16 - 18").
  const [first, last = first] = lines.split('-').map(Number);
  return { first: first!, last: last! };
}

const describeSpan = (first: number, last: number) => (first === last ? `line ${first}` : `lines ${first}-${last}`);
const spanValue = (block: Block) =>
  block.startLine === block.endLine ? `${block.startLine}` : `"${block.startLine}-${block.endLine}"`;
const preview = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
};

export interface MapContext {
  /** Path of the metadata file, for messages. */
  file: string;
  /** Line in `file` where each map entry starts, by index, when known. */
  entryLines?: (number | undefined)[];
  /** Ids of the sections the reading defines. */
  sectionIds: readonly string[];
}

/**
 * Matches the passage map against the blocks of the source. Returns the passages when the map covers
 * every block exactly once, in order; otherwise every problem found.
 */
export function segment(
  source: string,
  map: readonly PassageMapEntry[],
  context: MapContext,
): { segmentation?: Segmentation; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const blocks = splitBlocks(source);
  const at = (index: number) => ({ file: context.file, line: context.entryLines?.[index], field: `passages[${index}]` });

  const seenIds = new Map<string, number>();
  map.forEach((entry, index) => {
    const earlier = seenIds.get(entry.id);
    if (earlier !== undefined) {
      problems.push({
        kind: 'duplicate-id',
        ...at(index),
        field: `passages[${index}].id`,
        message: `passage id "${entry.id}" is already used by passages[${earlier}].`,
        fix: 'give each passage its own id; ids are permanent, so rename the newer one.',
      });
    } else seenIds.set(entry.id, index);
    if (!context.sectionIds.includes(entry.section)) {
      problems.push({
        kind: 'unknown-section',
        ...at(index),
        field: `passages[${index}].section`,
        message: `passage "${entry.id}" names section "${entry.section}", which is not in \`sections\`.`,
        fix: `add it to \`sections\` or use a defined one (${context.sectionIds.map((s) => `"${s}"`).join(', ')}).`,
      });
    }
  });

  // Which map entry claims each line; a line claimed twice is an overlap.
  const claimedBy = new Map<number, number>();
  map.forEach((entry, index) => {
    const { first, last } = parseLineSpan(entry.lines);
    for (let line = first; line <= last; line++) {
      const other = claimedBy.get(line);
      if (other !== undefined) {
        problems.push({
          kind: 'passage-overlap',
          ...at(index),
          field: `passages[${index}].lines`,
          message: `passage "${entry.id}" (${describeSpan(first, last)}) overlaps passage "${map[other]!.id}" at line ${line}.`,
          fix: 'make each line belong to one passage: check both `lines` against `cat -n source.txt`.',
        });
        break;
      }
      claimedBy.set(line, index);
    }
  });

  const blockByFirstLine = new Map(blocks.map((block) => [block.startLine, block]));
  const blockOfLine = (line: number) => blocks.find((b) => b.startLine <= line && line <= b.endLine);
  const matched: (Block | undefined)[] = map.map((entry, index) => {
    const { first, last } = parseLineSpan(entry.lines);
    const block = blockByFirstLine.get(first);
    if (block && block.endLine === last) return block;
    const actual = blockOfLine(first) ?? blockOfLine(last);
    problems.push({
      kind: 'passage-misaligned',
      ...at(index),
      field: `passages[${index}].lines`,
      message: actual
        ? `passage "${entry.id}" says ${describeSpan(first, last)}, but the block there runs ${describeSpan(actual.startLine, actual.endLine)}.`
        : `passage "${entry.id}" says ${describeSpan(first, last)}, but ${first === last ? 'that line is' : 'those lines are'} blank or past the end of the text.`,
      fix: actual
        ? `write \`lines: ${spanValue(actual)}\`; a passage is one whole block between blank lines.`
        : 'point `lines` at a block of text (`cat -n source.txt` shows the numbers).',
    });
    return undefined;
  });

  // Every line some entry spans (claimedBy stops at an overlap; this does not), so a block is
  // checked in its own length instead of against the whole map.
  const lastLine = blocks.at(-1)?.endLine ?? 0;
  const spanned = new Uint8Array(lastLine + 2);
  for (const entry of map) {
    const { first, last } = parseLineSpan(entry.lines);
    for (let line = Math.max(first, 0); line <= Math.min(last, lastLine); line++) spanned[line] = 1;
  }
  for (const block of blocks) {
    let covered = false;
    for (let line = block.startLine; line <= block.endLine && !covered; line++) covered = spanned[line] === 1;
    if (!covered) {
      problems.push({
        kind: 'passage-uncovered',
        file: context.file,
        field: 'passages',
        message: `${describeSpan(block.startLine, block.endLine)} of the source ("${preview(block.text)}") belong to no passage.`,
        fix: `add an entry with \`lines: ${spanValue(block)}\` in text order.`,
      });
    }
  }

  // A map with more or fewer entries than blocks always shows as one of the problems above (a block
  // no entry covers, two entries on one block, an entry on no block): counting is not reported again.

  // Stryker disable next-line EqualityOperator: one step past the end compares with undefined and finds nothing.
  for (let index = 1; index < matched.length; index++) {
    const previous = matched[index - 1];
    const current = matched[index];
    if (previous && current && current.start < previous.start) {
      problems.push({
        kind: 'passage-misaligned',
        ...at(index),
        field: `passages[${index}].lines`,
        message: `passage "${map[index]!.id}" comes before "${map[index - 1]!.id}" in the text but after it in the map.`,
        fix: 'list passages in the order of the text.',
      });
    }
  }

  if (problems.length > 0) return { problems };

  let cursor = 0;
  const passages = map.map((entry, index): Passage => {
    const block = matched[index]!;
    const passage: Passage = {
      id: asPassageId(entry.id),
      number: index + 1,
      role: entry.role,
      section: entry.section,
      text: block.text,
      start: block.start,
      end: block.end,
      startLine: block.startLine,
      endLine: block.endLine,
      gapBefore: source.slice(cursor, block.start),
    };
    if (entry.level !== undefined) passage.level = entry.level;
    if (entry.speaker !== undefined) passage.speaker = entry.speaker;
    if (entry.lang !== undefined) passage.lang = entry.lang;
    if (entry.dir !== undefined) passage.dir = entry.dir;
    if (entry.marks !== undefined) passage.marks = entry.marks;
    cursor = block.end;
    return passage;
  });
  return { segmentation: { passages, trailing: source.slice(cursor) }, problems };
}

/** Rebuilds the source from its passages: the fidelity check's other half. */
export function reassemble({ passages, trailing }: Pick<Segmentation, 'trailing'> & { passages: readonly Pick<Passage, 'gapBefore' | 'text'>[] }): string {
  return passages.map((passage) => passage.gapBefore + passage.text).join('') + trailing;
}

const sources = new WeakMap<object, string>();

/**
 * A stored reading's verbatim source, rebuilt once per entry from its passages and the whitespace
 * between them: the content store holds each text once (in its passages), not twice.
 */
export function readingSource(reading: Parameters<typeof reassemble>[0]): string {
  let source = sources.get(reading);
  if (source === undefined) sources.set(reading, (source = reassemble(reading)));
  return source;
}

const wordCounts = new WeakMap<object, number>();
/**
 * The words of a stored reading, counted once per entry: its contents page, its JSON-LD and the
 * list of readings each ask, and at 10,000 passages one count takes about 0.4 s.
 */
export function readingWordCount(reading: Parameters<typeof reassemble>[0]): number {
  let count = wordCounts.get(reading);
  if (count === undefined) wordCounts.set(reading, (count = words(readingSource(reading)).length));
  return count;
}

/** Words as a reader counts them: runs of letters, digits and inner apostrophes or hyphens. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:[\u2019'\-][\p{L}\p{N}]+)*/gu) ?? [];
}
