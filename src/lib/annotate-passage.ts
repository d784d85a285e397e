/**
 * The reader's passage HTML: verbatim text with annotated phrases marked, a numbered marker after
 * each phrase linking to its note, and glossary terms as links to their entries, which a script turns
 * into openers of a definition popover. (Links, not <button popovertarget>: a button is an
 * inline-block, so a term could not wrap inside a line or keep its following punctuation. And the
 * definitions load on first use rather than being repeated in every page.)
 * Built on renderRanges, so overlapping and nested phrases stay well nested.
 */
import { CLASS, DATA, noteAnchor, noteRefAnchor } from './constants.ts';
import { APPARATUS_KIND, DISTINCT_PHRASE_KINDS } from './note-kinds.ts';
import { glossaryPath } from './urls.ts';
import { escapeHtml } from './render-passage.ts';
import { renderRanges, type Insertion, type MarkRange } from './render-ranges.ts';
import { markRange, type PlacedMark } from './inline-marks.ts';
import type { TextDirection } from './languages.ts';
import { verseLineTags } from './verse.ts';

export interface NoteMark {
  id: string;
  /** Number of the note in the reading, shown as the marker. */
  number: number;
  kind: string;
  /** Offsets of the phrase in the passage text; absent for a note on the whole passage. */
  start?: number | undefined;
  end?: number | undefined;
}

export interface TermMark {
  termId: string;
  start: number;
  end: number;
}

const attr = (value: string) => escapeHtml(value);

/**
 * Most notes that can end at one place; more are split over markers side by side. The stylesheet
 * counts a shared marker's notes by its class `k<n>`, written for 2 to this many.
 */
export const MAX_NOTES_PER_MARKER = 9;

/**
 * A marker holds no text: it is named by `aria-label` ("Note 7"), and the stylesheet draws its
 * number with a counter of the page's notes, which the build numbers in the order of their markers.
 * Words or numbers in the DOM would be copied with the source's words and written into the quotes
 * that Hypothesis and text fragments take from the page; generated content is neither.
 */
function markerLink(className: string, href: string, label: string, extra: string, shown = ''): string {
  return `<a class="${className}" href="#${attr(href)}"${extra} aria-label="${attr(label)}"${shown}></a>`;
}

/**
 * The marker after an annotated phrase (or at the end of the passage for whole-passage notes).
 * `id` is given only when there is no phrase to carry the note's `ref-` id.
 */
export function noteMarker(note: Pick<NoteMark, 'id' | 'number'>, withId = false, lang?: string): string {
  const id = withId ? ` id="${attr(noteRefAnchor(note.id))}"` : '';
  const language = lang ? ` lang="${attr(lang)}"` : '';
  return markerLink(CLASS.noteRef, noteAnchor(note.id), `Note ${note.number}`, `${id}${language}`);
}

/**
 * One marker for the notes that end at the same place ("Notes 4, 5, 6", visibly "4, 5, 6"): one
 * target of at least 24 px rather than numbers 10 px apart. Their numbers follow each other, so
 * the stylesheet draws them from `data-n` and moves the page's count on by the class `k3`. It links
 * to the first note, whose siblings follow it in the passage's notes; the script opens or lights
 * them all, finding them by the numbers in its name. A note on the whole passage links back to its
 * marker, so each one's `ref-` id is here: the first on the link, the others on empty anchors just
 * before it.
 */
export function noteMarkers(notes: readonly { note: Pick<NoteMark, 'id' | 'number'>; whole: boolean }[], lang?: string): string {
  if (notes.length > MAX_NOTES_PER_MARKER) {
    const groups = [];
    for (let i = 0; i < notes.length; i += MAX_NOTES_PER_MARKER) groups.push(notes.slice(i, i + MAX_NOTES_PER_MARKER));
    return groups.map((group) => noteMarkers(group, lang)).join('');
  }
  const [first] = notes;
  if (!first) return '';
  if (notes.length === 1) return noteMarker(first.note, first.whole, lang);
  const [linkAnchor, ...otherAnchors] = notes.filter((n) => n.whole).map((n) => noteRefAnchor(n.note.id));
  const anchors = otherAnchors.map((id) => `<span id="${attr(id)}"></span>`).join('');
  const id = linkAnchor ? ` id="${attr(linkAnchor)}"` : '';
  const language = lang ? ` lang="${attr(lang)}"` : '';
  const numbers = notes.map((n) => n.note.number).join(', ');
  const shown = ` ${DATA.markerNumbers}="${attr(numbers)}"`;
  return `${anchors}${markerLink(`${CLASS.noteRef} k${notes.length}`, noteAnchor(first.note.id), `Notes ${numbers}`, `${id}${language}`, shown)}`;
}

/**
 * The mark of a textual apparatus entry: a small sign after its phrase (or at the end of the passage)
 * linking to its row in the apparatus table. It carries the `ref-` id itself, since its phrase is
 * not marked: the apparatus is meant to stay out of the reader's way. The sign is drawn by the
 * stylesheet with empty alternative text, so assistive technology reads its label, "Textual note 3".
 */
export function apparatusMark(note: Pick<NoteMark, 'id' | 'number'>, lang?: string): string {
  const language = lang ? ` lang="${attr(lang)}"` : '';
  return markerLink(CLASS.apparatusRef, noteAnchor(note.id), `Textual note ${note.number}`, ` id="${attr(noteRefAnchor(note.id))}"${language}`);
}

/** What the original's setting adds to a passage: inline marks, verse lines, its direction. */
export interface PassageFormat {
  /** Inline formatting, placed in the text (see placeMarks). */
  marks?: readonly PlacedMark[] | undefined;
  /** The passage text's direction, against which a mark in another script gets its own. */
  direction?: TextDirection | undefined;
  /** A verse passage: the number of its first line in the reading, and how often a number shows. */
  verse?: { passageId: string; firstLine: number; every: number } | undefined;
  /** The site's language, for the hidden words of note and apparatus marks when the text is in another. */
  markerLang?: string | undefined;
  /**
   * Markers kept out of the text and collected here, in reading order, instead: a heading's
   * accessible name is its words alone ("Opinions on the Partner State", not "…StateNote 15"),
   * so its markers go beside it.
   */
  markersApart?: string[] | undefined;
}

export function annotatePassageHtml(
  passage: { text: string; role: string },
  notes: readonly NoteMark[],
  terms: readonly TermMark[],
  /** Prefixes site paths with the deployment base (e.g. `/courses/pol-101/reader`). */
  withBase: (path: string) => string = (path) => path,
  format: PassageFormat = {},
): string {
  const ranges: MarkRange[] = [];
  const insertions: Insertion[] = [];
  const insert = (insertion: Insertion) => (format.markersApart ? format.markersApart.push(insertion.html) : insertions.push(insertion));
  // Margin notes first, then apparatus marks: the two are numbered apart, and where a phrase ends
  // in both, the note's number comes before the discreet apparatus sign.
  const byNumber = [...notes].sort((a, b) => a.number - b.number);
  const markersAt = new Map<number, { note: NoteMark; whole: boolean }[]>();
  for (const note of byNumber.filter((n) => n.kind !== APPARATUS_KIND)) {
    const whole = note.start === undefined || note.end === undefined;
    if (!whole) {
      const classes = DISTINCT_PHRASE_KINDS.includes(note.kind) ? `${CLASS.phrase} ${CLASS.phrase}--${attr(note.kind)}` : CLASS.phrase;
      // The note links back to the phrase's first piece; a piece after a split names the note instead.
      const open = `<span class="${classes}" id="${attr(noteRefAnchor(note.id))}">`;
      const reopen = `<span class="${classes}" ${DATA.anno}="${attr(note.id)}">`;
      ranges.push({ key: `n-${note.id}`, start: note.start!, end: note.end!, open, reopen, close: '</span>' });
    }
    const at = whole ? passage.text.length : note.end!;
    markersAt.set(at, [...(markersAt.get(at) ?? []), { note, whole }]);
  }
  // In reading order, which matters where the markers are kept apart from the text: there they
  // all sit side by side, so they make one marker.
  const groups = [...markersAt].sort(([a], [b]) => a - b).map(([at, group]) => ({ at, group }));
  const placed = format.markersApart && groups.length > 1 ? [{ at: passage.text.length, group: groups.flatMap((g) => g.group) }] : groups;
  for (const { at, group } of placed) insert({ at, html: noteMarkers(group, format.markerLang) });
  for (const note of byNumber.filter((n) => n.kind === APPARATUS_KIND)) {
    const whole = note.start === undefined || note.end === undefined;
    insert({ at: whole ? passage.text.length : note.end!, html: apparatusMark(note, format.markerLang) });
  }
  for (const term of terms) {
    ranges.push({
      key: `t-${term.termId}-${term.start}`,
      start: term.start,
      end: term.end,
      atomic: true,
      open: `<a class="${CLASS.term}" href="${attr(withBase(glossaryPath(term.termId)))}">`,
      close: '</a>',
    });
  }
  (format.marks ?? []).forEach((mark, index) => ranges.push(markRange(mark, index, format.direction ?? 'ltr')));
  const { verse } = format;
  if (passage.role === 'verse' && verse) {
    return renderRanges(passage.text, ranges, insertions, { mode: 'verse', verseLine: verseLineTags(verse.passageId, verse.firstLine, verse.every) });
  }
  return renderRanges(passage.text, ranges, insertions, { mode: passage.role === 'list' ? 'list' : 'inline' });
}
