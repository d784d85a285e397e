/**
 * Print handout preparation (src/styles/print.css does the layout). What CSS cannot do alone:
 * - print the full address of every link a reader may want to follow from paper, including links
 *   within the site (CSS only sees the href as written), via `data-print-href`;
 * - collect the editorial notes as endnotes, when the reader chose that in the settings;
 * - add the reader's own notes at the end, when they have some and show them.
 * The added sections are hidden on screen and rebuilt whenever this runs, so it is safe to repeat.
 */
import { readStoredSettings } from './settings.ts';
import { hasStoredNotes, readerContext } from './reader-context.ts';

const ENDNOTES_CLASS = 'print-endnotes';
const MY_NOTES_CLASS = 'print-my-notes';

/**
 * Links whose address would only clutter the page: the site's own (glossary terms, citations and
 * cross-references, whose targets are in the notes and the bibliography; numbers, contents) and
 * the text's own marks. Only addresses elsewhere are printed.
 */
const UNPRINTED_LINKS = '.passage-text a, .passage-number, .note-ref, .note-head a, .toc a';

function markLinks() {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.reading a[href]')) {
    if (link.getAttribute('href')!.startsWith('#') || link.origin === location.origin || link.matches(UNPRINTED_LINKS)) continue;
    link.dataset.printHref = link.href;
  }
}

/** A copy that can sit in the same page: no ids (they would repeat), no focus stops. */
function inert<T extends Element>(element: T): T {
  const copy = element.cloneNode(true) as T;
  for (const el of [copy, ...copy.querySelectorAll('[id]')]) el.removeAttribute('id');
  for (const el of copy.querySelectorAll('a, button')) el.setAttribute('tabindex', '-1');
  return copy;
}

function section(className: string, title: string, list: HTMLOListElement): HTMLElement {
  const element = document.createElement('section');
  element.className = className;
  element.setAttribute('aria-hidden', 'true');
  const heading = document.createElement('h2');
  heading.textContent = title;
  element.append(heading, list);
  return element;
}

function buildEndnotes(): HTMLElement | undefined {
  const notes = [...document.querySelectorAll<HTMLElement>('.reading-body .passage-notes .note, .reading-body .note-fold .note')];
  if (notes.length === 0) return undefined;
  const list = document.createElement('ol');
  list.className = 'print-note-list';
  for (const note of notes) list.append(inert(note));
  return section(ENDNOTES_CLASS, 'Notes', list);
}

async function buildMyNotes(): Promise<HTMLElement | undefined> {
  if (!hasStoredNotes(readerContext().readingId)) return undefined;
  const notes = await import('./notes-runtime.ts');
  await notes.startNotes();
  const all = notes.allNotes();
  if (all.length === 0) return undefined;
  const numberOf = new Map(readerContext().passages.map((p) => [p.id, p.number]));
  const list = document.createElement('ol');
  list.className = 'print-note-list';
  for (const note of all) {
    const item = document.createElement('li');
    const where = document.createElement('p');
    where.className = 'print-my-note-where';
    where.textContent = `Passage ${numberOf.get(note.passage) ?? note.passage}${note.quote ? `: “${note.quote.exact}”` : ''}`;
    item.append(where);
    if (note.text) {
      const text = document.createElement('p');
      text.className = 'my-note-text';
      text.textContent = note.text;
      item.append(text);
    }
    list.append(item);
  }
  return section(MY_NOTES_CLASS, 'My notes', list);
}

export async function prepareForPrint() {
  markLinks();
  const settings = readStoredSettings();
  for (const old of document.querySelectorAll(`.${ENDNOTES_CLASS}, .${MY_NOTES_CLASS}`)) old.remove();
  const anchor = document.querySelector('.reading-body');
  if (!anchor) return;
  const added: HTMLElement[] = [];
  const endnotes = settings.print === 'endnotes' && settings.notes === 'on' && settings.clean === 'off' ? buildEndnotes() : undefined;
  if (endnotes) added.push(endnotes);
  const mine = settings.mine === 'on' && settings.clean === 'off' ? await buildMyNotes() : undefined;
  if (mine) added.push(mine);
  anchor.after(...added);
}

export async function printHandout() {
  await prepareForPrint();
  window.print();
}
