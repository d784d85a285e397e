/**
 * Copying from the text. Markers hold no text, so a selection inside one passage copies the
 * source's words even without this script; across passages the browser would also copy the passage
 * numbers and the notes between them. This puts on the clipboard the selected words of each
 * passage alone, passages a blank line apart, and, when the reader asked for it in the settings,
 * the citation on a line after (see copyCitationLine in cite.ts). Loaded with the page: a copy
 * event must be answered at once.
 */
import { passageAnchor } from '../../lib/constants.ts';
import { passageIdOfElement, passageNumberOf, rangeToOffsets, textElementOf, textOf } from './passage-text.ts';
import { readerContext } from './reader-context.ts';

export interface CopiedWords {
  text: string;
  /** The passages the words are from, in order, with the words' offsets in each one's text. */
  passages: { id: string; number: number; start: number; end: number }[];
}

/** The source's words under a selection, passage by passage; undefined when it holds none. */
export function copiedWords(range: Range, root: Element): CopiedWords | undefined {
  const parts: string[] = [];
  const passages: CopiedWords['passages'] = [];
  for (const passage of root.querySelectorAll<HTMLElement>('.passage')) {
    if (!range.intersectsNode(passage)) continue;
    const text = textElementOf(passage);
    const offsets = text && rangeToOffsets(text, range);
    if (!text || !offsets) continue;
    parts.push(textOf(text).slice(offsets.start, offsets.end));
    passages.push({ id: passageIdOfElement(passage), number: passageNumberOf(passage), ...offsets });
  }
  return passages.length ? { text: parts.join('\n\n'), passages } : undefined;
}

/** "¶3" or "¶3–4": the passages copied words are from. */
export const passageSpan = (copied: CopiedWords) => {
  const first = copied.passages[0]!.number;
  const last = copied.passages.at(-1)!.number;
  return first === last ? String(first) : `${first}–${last}`;
};

/** The citation line before the citation styles have come: the title, the passages, the permalink. */
export function plainCitationLine(copied: CopiedWords): string {
  const { title, readingUrl } = readerContext();
  return `${title}, ¶${passageSpan(copied)} ${readingUrl}#${passageAnchor(copied.passages[0]!.id)}`;
}

/**
 * Answers copying inside `root` (the reading's body) with the source's words; `citationLine` gives
 * the line to add after them, or undefined for none.
 */
export function watchCopying(root: HTMLElement, citationLine: (copied: CopiedWords) => string | undefined) {
  root.addEventListener('copy', (event: ClipboardEvent) => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !event.clipboardData) return;
    const copied = copiedWords(selection.getRangeAt(0), root);
    if (!copied) return;
    const line = citationLine(copied);
    event.clipboardData.setData('text/plain', line ? `${copied.text}\n${line}` : copied.text);
    event.preventDefault();
  });
}
