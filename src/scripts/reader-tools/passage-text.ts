/**
 * A passage's displayed text as one string, and the way between offsets in that string and DOM
 * ranges. Editorial apparatus inside the text (note markers) is not part of it, so a reader's note
 * anchors to the words of the source whatever markers the edition adds or removes later.
 */
import { CLASS, IN_TEXT_MARK_CLASSES, numberIn, passageIdOf } from '../../lib/constants.ts';

export const PASSAGE_TEXT_SELECTOR = '.passage-text';
/**
 * What sits inside the text but is not the text: note and apparatus marks, and a note folded open
 * after its phrase on a narrow screen.
 */
const NOT_TEXT = [...IN_TEXT_MARK_CLASSES, CLASS.note, 'note-fold'].map((name) => `.${name}`).join(', ');

/** The passage row an element is in, or null. */
export const passageOf = (node: Node | null): HTMLElement | null =>
  (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>(`.${CLASS.passage}`) ?? null;

/** A passage row's passage id, from its element id. */
export const passageIdOfElement = (passage: Element) => passageIdOf(passage.id) ?? '';

/** A passage row's number, from its number link ("Passage 7"). */
export const passageNumberOf = (passage: Element) => Number(numberIn(passage.querySelector(`.${CLASS.passageNumber}`)?.textContent));

/** The element holding a passage's verbatim text. */
export const textElementOf = (passage: Element): HTMLElement | null => passage.querySelector<HTMLElement>(PASSAGE_TEXT_SELECTOR);

interface Piece {
  node: Text;
  /** Offset of the node's first character in the passage text. */
  start: number;
}

/** The text nodes that make up the passage text, in order, with their offsets. */
export function textPieces(container: Element): Piece[] {
  const pieces: Piece[] = [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(NOT_TEXT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let offset = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    pieces.push({ node, start: offset });
    offset += node.data.length;
  }
  return pieces;
}

export const textOf = (container: Element) => textPieces(container).map((p) => p.node.data).join('');

/** Offset in the passage text of a DOM boundary point (a range's start or end). */
function offsetOf(pieces: Piece[], container: Element, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(node, offset);
  let total = 0;
  for (const piece of pieces) {
    if (piece.node === node) return piece.start + offset;
    if (before.comparePoint(piece.node, piece.node.data.length) <= 0) total = piece.start + piece.node.data.length;
    else break;
  }
  return total;
}

/** The part of `range` inside the passage text, as offsets; undefined when nothing of it is. */
export function rangeToOffsets(container: Element, range: Range): { start: number; end: number } | undefined {
  const pieces = textPieces(container);
  const whole = document.createRange();
  whole.selectNodeContents(container);
  const startInside = whole.comparePoint(range.startContainer, range.startOffset) >= 0;
  const endInside = whole.comparePoint(range.endContainer, range.endOffset) <= 0;
  const length = pieces.reduce((sum, p) => sum + p.node.data.length, 0);
  const start = startInside ? offsetOf(pieces, container, range.startContainer, range.startOffset) : 0;
  const end = endInside ? offsetOf(pieces, container, range.endContainer, range.endOffset) : length;
  return end > start ? { start, end } : undefined;
}

/** A DOM range over `start`–`end` of the passage text. */
export function offsetsToRange(container: Element, start: number, end: number): Range {
  const pieces = textPieces(container);
  const range = document.createRange();
  const locate = (at: number, preferNext: boolean) => {
    for (const piece of pieces) {
      const pieceEnd = piece.start + piece.node.data.length;
      if (at < pieceEnd || (at === pieceEnd && !preferNext)) return { node: piece.node, offset: at - piece.start };
    }
    const last = pieces.at(-1);
    return last ? { node: last.node, offset: last.node.data.length } : { node: container, offset: container.childNodes.length };
  };
  const from = locate(start, true);
  const to = locate(end, false);
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
