/**
 * The reader's notes on this page: kept in localStorage, re-anchored in the current text on load,
 * painted with the CSS Custom Highlight API (the text's DOM is never touched, so the verbatim text,
 * selection, search highlighting and screen readers see exactly what they saw before), and marked
 * by a small button beside each passage that has notes, which is how keyboards and screen readers
 * reach them. Loaded only when the reader has notes or makes the first one.
 *
 * CSS highlights are not in the accessibility tree, so each passage with notes also gets a
 * visually hidden summary after its text ("Your highlights and notes in passage 3: highlighted
 * “…”; note on “…”: …"), which a screen reader reads in the flow of the text. Wrapping the words
 * in <mark> instead would change the text's DOM, which the notes promise never to touch (search
 * highlighting, the copied text and the verbatim checks all read it), and a description on the
 * paragraph (aria-describedby) is read by screen readers only on focusable elements.
 */
import { mergeNotes, parseStoredNotes, serializeStoredNotes, sortNotes, uuidFromBytes, type MergeResult, type StoredNotes } from '../../lib/personal-notes.ts';
import { describeRange, reanchor } from '../../lib/reanchor.ts';
import { keptOpenings, openingsStorageKey, parseOpenings, passageOpening } from '../../lib/passage-openings.ts';
import type { PersonalNote } from '../../schemas/personal-note.ts';
import { offsetsToRange, textElementOf, textOf } from './passage-text.ts';
import { announce, notesStorageKey, readerContext, withDialogStyles } from './reader-context.ts';
import { layoutFromMap, SPLIT_READING_ATTRIBUTE } from '../../lib/reading-layout.ts';
import { passagePages } from '../section-pages.ts';
import type { Target } from './reader-tools.ts';

/** Highlight registry names; reader-tools.css paints `::highlight(<name>)`. */
const HIGHLIGHT = 'ar-mine';
const HIGHLIGHT_WITH_NOTE = 'ar-mine-note';
const SUMMARY_CLASS = 'my-notes-summary';

let stored: StoredNotes | undefined;
/** Notes on words, by id, where they are now (a click inside one opens it). */
const placed = new Map<string, Range>();
const listeners = new Set<() => void>();

const key = () => notesStorageKey(readerContext().readingId);

function load() {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(key());
  } catch {
    // Storage disabled: notes live for this page view only.
  }
  stored = parseStoredNotes(raw);
}

/** Writes the notes; on failure says so and throws, so the caller keeps the UI unchanged. */
function save(next: PersonalNote[]) {
  const serialized = serializeStoredNotes({ notes: next, unreadable: stored!.unreadable });
  try {
    localStorage.setItem(key(), serialized);
  } catch (error) {
    announce('Your browser refused to store the note (storage is full or disabled). Export your notes to keep them.');
    throw error;
  }
  stored!.notes = next;
  keepOpenings();
  paint();
  for (const listener of listeners) listener();
}

/** The first words of the passages with notes, this page's as seen and the others' as kept. */
let openings = new Map<string, string>();

/**
 * Keeps the first words of this page's passages that have notes, for My notes on the reading's
 * other section pages (see passage-openings.ts), and drops those of passages left without notes.
 */
function keepOpenings() {
  const { readingId, passageElement } = readerContext();
  const withNotes = new Set(stored!.notes.map((note) => note.passage));
  const seen = new Map<string, string>();
  for (const passage of withNotes) {
    const element = passageElement(passage);
    const text = element && textElementOf(element);
    if (text) seen.set(passage, passageOpening(textOf(text)));
  }
  const storageKey = openingsStorageKey(readingId);
  try {
    const kept = keptOpenings(parseOpenings(localStorage.getItem(storageKey)), seen, withNotes);
    openings = kept.openings;
    if (!kept.changed) return;
    if (openings.size === 0) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, JSON.stringify(Object.fromEntries(openings)));
  } catch {
    // A cache: without storage My notes shows this page's openings and the others' numbers alone.
    openings = seen;
  }
}

/** A passage's first words, from its page or as kept when it was last seen; undefined if never seen. */
export const openingOf = (passage: string): string | undefined => openings.get(passage);

/**
 * On a page of a reading split into section pages, loads the reading's passage map once, so the
 * context knows every passage and the page holding it; elsewhere returns at once.
 */
async function wholeReading(): Promise<void> {
  const current = readerContext();
  const map = document.querySelector(`[${SPLIT_READING_ATTRIBUTE}]`) ? await passagePages(current.readingId) : undefined;
  if (map && !current.layout) Object.assign(current, layoutFromMap(current.readingId, map));
}

let starting: Promise<void> | undefined;

/** Loads the notes and paints them, once (every caller waits for the same start). */
export const startNotes = (): Promise<void> => (starting ??= start());

async function start() {
  // Kept per reading: on a section page, the notes on the other sections' passages are listed too.
  await wholeReading();
  load();
  keepOpenings();
  paint();
  window.addEventListener('storage', (event) => {
    if (event.key !== key()) return;
    load();
    keepOpenings();
    paint();
    for (const listener of listeners) listener();
  });
  document.querySelector('.reading-body')?.addEventListener('click', onTextClick);
}

export const onNotesChange = (listener: () => void) => listeners.add(listener);

/** The notes, in reading order. */
export const allNotes = (): PersonalNote[] => sortNotes(stored?.notes ?? [], readerContext().passages);

/** Where a note is in the text now; undefined when its phrase is no longer found (or it is a passage note). */
export const placementOf = (id: string) => placed.get(id);

function newId(): string {
  if (crypto.randomUUID) return `urn:uuid:${crypto.randomUUID()}`;
  return uuidFromBytes(crypto.getRandomValues(new Uint8Array(16)));
}

export function addNote(target: Target, text: string): PersonalNote {
  const now = new Date().toISOString();
  const note: PersonalNote = { id: newId(), reading: readerContext().readingId, passage: target.passage, text, created: now, modified: now };
  const element = textElementOf(readerContext().passageElement(target.passage)!);
  if (target.start !== undefined && target.end !== undefined && element) {
    note.quote = describeRange(textOf(element), { start: target.start, end: target.end });
  }
  save([...stored!.notes, note]);
  announce(text ? 'Note saved.' : 'Highlighted.');
  return note;
}

export function updateNote(id: string, text: string) {
  save(stored!.notes.map((note) => (note.id === id ? { ...note, text, modified: new Date().toISOString() } : note)));
  announce('Note saved.');
}

export function removeNote(id: string): PersonalNote | undefined {
  const note = stored!.notes.find((n) => n.id === id);
  save(stored!.notes.filter((n) => n.id !== id));
  return note;
}

export function restoreNote(note: PersonalNote) {
  save([...stored!.notes.filter((n) => n.id !== note.id), note]);
}

export function importNotes(incoming: PersonalNote[]): MergeResult {
  const result = mergeNotes(stored!.notes, incoming);
  save(result.notes);
  return result;
}

/** Re-anchors every note in the current text and repaints highlights and passage markers. */
function paint() {
  const { passages, passageElement } = readerContext();
  placed.clear();
  const plain: Range[] = [];
  const noted: Range[] = [];
  const perPassage = new Map<string, number>();
  for (const note of stored!.notes) {
    perPassage.set(note.passage, (perPassage.get(note.passage) ?? 0) + 1);
    const element = passageElement(note.passage);
    const text = element && textElementOf(element);
    if (!text) continue;
    if (!note.quote) {
      // A highlight or note on the whole passage paints all of its text.
      (note.text ? noted : plain).push(offsetsToRange(text, 0, textOf(text).length));
      continue;
    }
    const at = reanchor(textOf(text), note.quote, note.quote.start !== undefined ? { start: note.quote.start, end: note.quote.end ?? note.quote.start } : undefined);
    if (!at) continue;
    const range = offsetsToRange(text, at.start, at.end);
    placed.set(note.id, range);
    (note.text ? noted : plain).push(range);
  }
  if ('highlights' in CSS) {
    CSS.highlights.set(HIGHLIGHT, new Highlight(...plain));
    CSS.highlights.set(HIGHLIGHT_WITH_NOTE, new Highlight(...noted));
  }
  for (const marker of document.querySelectorAll(`.my-notes-marker, .${SUMMARY_CLASS}`)) marker.remove();
  for (const { id, number } of passages) {
    const count = perPassage.get(id);
    const element = passageElement(id);
    if (!count || !element) continue;
    const marker = document.createElement('button');
    marker.type = 'button';
    marker.className = 'my-notes-marker';
    marker.dataset.passageNotes = id;
    marker.dataset.pagefindIgnore = '';
    marker.innerHTML = '<svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M11.5 2.5l2 2L6 12l-2.8.8L4 10z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/></svg>';
    const label = document.createElement('span');
    label.className = 'visually-hidden';
    label.textContent = `My notes on passage ${number}: `;
    const shown = document.createElement('span');
    shown.textContent = String(count);
    marker.append(label, shown);
    marker.addEventListener('click', () => void withDialogStyles(import('./notes-ui.ts')).then((ui) => ui.openPanel(marker, id)));
    element.querySelector('.passage-number')?.after(marker);
    textElementOf(element)?.after(summaryOf(id, number));
  }
  const total = stored!.notes.length;
  for (const count of document.querySelectorAll('[data-notes-count]')) count.textContent = total ? String(total) : '';
}

/**
 * What a screen reader reads after a passage's text: the reader's highlights and notes on it, in
 * the text's order, each with its words and the note's text. Visually hidden (the painted
 * highlights show it), never copied with a selection, never searched.
 */
function summaryOf(passage: string, number: number): HTMLElement {
  const notes = sortNotes(stored!.notes.filter((note) => note.passage === passage), readerContext().passages);
  const summary = document.createElement('div');
  summary.className = `${SUMMARY_CLASS} visually-hidden`;
  summary.dataset.pagefindIgnore = 'all';
  const intro = document.createElement('p');
  intro.textContent = `Your highlights and notes in passage ${number}:`;
  const list = document.createElement('ul');
  for (const note of notes) {
    const item = document.createElement('li');
    const words = note.quote ? `“${note.quote.exact}”` : 'the whole passage';
    const lost = note.quote && !placed.has(note.id) ? ' (these words are no longer in the text)' : '';
    item.textContent = note.text ? `Note on ${words}${lost}: ${note.text}` : `Highlighted ${words}${lost}.`;
    list.append(item);
  }
  summary.append(intro, list);
  return summary;
}

/** A click inside one of the reader's highlights opens that note in the notes panel. */
function onTextClick(event: Event) {
  const { clientX: x, clientY: y, target } = event as MouseEvent;
  if (!getSelection()?.isCollapsed || (target instanceof Element && target.closest('a, button'))) return;
  const caret = document.caretPositionFromPoint?.(x, y);
  const point = caret ? { node: caret.offsetNode, offset: caret.offset } : undefined;
  if (!point) return;
  for (const [id, range] of placed) {
    if (range.isPointInRange(point.node, point.offset)) {
      const note = stored!.notes.find((n) => n.id === id);
      void withDialogStyles(import('./notes-ui.ts')).then((ui) => ui.openPanel(undefined, note?.passage, id));
      return;
    }
  }
}
