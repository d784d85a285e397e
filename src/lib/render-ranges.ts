/**
 * Passage text plus marked ranges → HTML with correctly nested elements.
 *
 * Ranges may overlap or nest (two notes on overlapping phrases, a glossary term inside an annotated
 * phrase). HTML cannot express overlap, so the text is cut at every range boundary and an element
 * that would straddle a closing tag is closed and re-opened around it: one phrase may become two
 * sibling fragments, but the markup is always well nested.
 *
 * Two rules keep the result valid and usable:
 * - `atomic` ranges (interactive elements such as glossary-term buttons) are never split: a
 *   non-atomic range that partly overlaps one is widened to cover it, and insertions that fall
 *   inside one move to its end (a link inside a button would be invalid).
 * - in `list` mode each line of the text is one `<li>`; elements are re-opened inside each item,
 *   and the line's leading indentation is dropped from the output (it stays in the source).
 * - in `verse` mode each line is wrapped the same way, in the element `verseLine` gives it, with
 *   its indentation kept; the lines are joined by the source's line breaks, so the text content is
 *   the source block character for character.
 * - a `link` range (a link the original has) holds no other link: glossary terms that overlap it
 *   are left unmarked there, and insertions (note markers are links) inside it move to its end.
 */
import { escapeHtml } from './render-passage.ts';

export interface MarkRange {
  start: number;
  end: number;
  /** Stable key; also decides order among ranges with identical extent. */
  key: string;
  /** Opening tag for the first fragment (may carry an id). */
  open: string;
  /** Opening tag for later fragments when the range had to be split; defaults to `open`. */
  reopen?: string;
  close: string;
  atomic?: boolean;
  /** The range is a link: no term link inside it, and insertions inside it move to its end. */
  link?: boolean;
}

/** HTML placed at a text offset, after any elements that close there (e.g. a note marker). */
export interface Insertion {
  at: number;
  html: string;
}

export interface RenderOptions {
  mode?: 'inline' | 'list' | 'verse';
  /** In verse mode, the opening and closing tags of the n-th line (from 0). */
  verseLine?: (index: number) => { open: string; close: string };
}

const DEFAULT_VERSE_LINE = () => ({ open: '<span class="verse-line">', close: '</span>' });

/** Widens non-atomic ranges over atomic ones they partly overlap; drops atomic ranges that overlap each other. */
export function normaliseRanges(ranges: readonly MarkRange[], textLength: number): MarkRange[] {
  const inRange = ranges.filter((r) => r.start >= 0 && r.end <= textLength && r.start < r.end);
  const links = inRange.filter((r) => r.link && !r.atomic);
  const valid = inRange.filter((r) => !r.atomic || !links.some((l) => r.start < l.end && l.start < r.end));
  const atomic: MarkRange[] = [];
  for (const range of [...valid].filter((r) => r.atomic).sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!atomic.some((kept) => range.start < kept.end && kept.start < range.end)) atomic.push(range);
  }
  const others = valid
    .filter((r) => !r.atomic)
    .map((range) => {
      let { start, end } = range;
      for (const a of atomic) {
        const partial = start < a.end && a.start < end && !(start <= a.start && a.end <= end);
        const inside = a.start <= start && end <= a.end;
        if (partial && !inside) {
          start = Math.min(start, a.start);
          end = Math.max(end, a.end);
        }
      }
      return { ...range, start, end };
    });
  return [...others, ...atomic];
}

/** Outer ranges first: earlier start, then longer, then non-atomic before atomic, then key. */
const nestingOrder = (a: MarkRange, b: MarkRange) =>
  a.start - b.start || b.end - a.end || Number(Boolean(a.atomic)) - Number(Boolean(b.atomic)) || a.key.localeCompare(b.key);

export function renderRanges(
  text: string,
  ranges: readonly MarkRange[],
  insertions: readonly Insertion[] = [],
  { mode = 'inline', verseLine = DEFAULT_VERSE_LINE }: RenderOptions = {},
): string {
  const marks = normaliseRanges(ranges, text.length).sort(nestingOrder);
  const hosts = marks.filter((r) => r.atomic || r.link);
  const placed = insertions.map((insertion) => {
    const host = hosts.find((a) => a.start < insertion.at && insertion.at < a.end);
    return { at: host ? host.end : Math.min(Math.max(insertion.at, 0), text.length), html: insertion.html };
  });

  // In list mode, each line is an item: [contentStart, lineEnd) with indentation skipped; in verse
  // mode a line keeps its indentation.
  const lines: { start: number; end: number }[] = [];
  if (mode === 'list' || mode === 'verse') {
    const pattern = /[^\r\n]*/g;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        if (pattern.lastIndex > text.length) break;
        continue;
      }
      const indent = mode === 'list' ? m[0].length - m[0].trimStart().length : 0;
      lines.push({ start: m.index + indent, end: m.index + m[0].length });
    }
  } else lines.push({ start: 0, end: text.length });

  let html = '';
  const started = new Set<string>();
  for (const [lineIndex, line] of lines.entries()) {
    const stack: MarkRange[] = [];
    const cuts = new Set<number>([line.start, line.end]);
    for (const r of marks) {
      if (r.start > line.start && r.start < line.end) cuts.add(r.start);
      if (r.end > line.start && r.end < line.end) cuts.add(r.end);
    }
    for (const p of placed) if (p.at >= line.start && p.at <= line.end) cuts.add(p.at);
    const points = [...cuts].sort((a, b) => a - b);
    const isLastLine = lineIndex === lines.length - 1;
    let itemHtml = '';
    const openRange = (range: MarkRange) => {
      itemHtml += started.has(range.key) ? (range.reopen ?? range.open) : range.open;
      started.add(range.key);
      stack.push(range);
    };
    for (let i = 0; i < points.length; i++) {
      const at = points[i]!;
      // Close everything that ends here; anything above it on the stack is closed and re-opened.
      const ending = stack.filter((r) => r.end <= at || at === line.end);
      if (ending.length) {
        const deepest = Math.min(...ending.map((r) => stack.indexOf(r)));
        const reopen = stack.slice(deepest).filter((r) => !ending.includes(r));
        for (const r of stack.splice(deepest).reverse()) itemHtml += r.close;
        if (at < line.end) reopen.forEach(openRange);
      }
      for (const p of placed) {
        // An insertion at a line end belongs to that line; at a shared point it is emitted once.
        if (p.at === at && (at < line.end || at === line.end)) itemHtml += p.html;
      }
      if (at >= line.end) break;
      // Open ranges that start here (or that began on an earlier line and continue into this one).
      marks
        .filter((r) => (r.start === at || (at === line.start && r.start < at && r.end > at)) && !stack.includes(r))
        .forEach(openRange);
      itemHtml += escapeHtml(text.slice(at, points[i + 1]));
    }
    if (mode === 'list') html += `<li>${itemHtml}</li>${isLastLine ? '' : '\n'}`;
    else if (mode === 'verse') {
      const tags = verseLine(lineIndex);
      html += `${tags.open}${itemHtml}${tags.close}${isLastLine ? '' : text.slice(line.end, lines[lineIndex + 1]!.start)}`;
    } else html += itemHtml;
  }
  return html;
}
