/**
 * Print handout preparation (src/styles/print.css does the layout). What CSS cannot do alone:
 * - print the full address of every link a reader may want to follow from paper, including links
 *   within the site (CSS only sees the href as written), via `data-print-href`;
 * - collect the editorial notes as endnotes, when the reader chose that in the settings;
 * - add the reader's own notes at the end, when they have some and show them.
 * The added sections are hidden on screen and rebuilt whenever this runs, so it is safe to repeat.
 */
import { readStoredSettings } from './settings.ts';
import { announce, hasStoredNotes, readerContext } from './reader-context.ts';
import { sectionPagePath } from '../../lib/reading-layout.ts';
import { withBase } from '../../lib/urls.ts';
import { passagePages } from '../section-pages.ts';

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

/** Sections of a long reading brought into this page to print it whole. */
const BORROWED_CLASS = 'print-borrowed';

/** The text (sections, with their notes) of another page of the reading, parsed inert. */
async function sectionsOf(path: string): Promise<Element[]> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  const html = await response.text();
  // The body only: a parsed document takes this page's content security policy, under which
  // another page's inline head (its style, allowed there by its own hash) would be a violation.
  const page = new DOMParser().parseFromString(html.slice(Math.max(0, html.search(/<body[\s>]/))), 'text/html');
  return [...page.querySelectorAll('.reading-body > .reading-section')].map((section) => {
    const adopted = document.adoptNode(section);
    adopted.classList.add(BORROWED_CLASS);
    return adopted;
  });
}

/**
 * The whole of a long reading on paper. No page of the site holds all of a long book (none could
 * stay light enough for a phone), so its other section pages are fetched when asked, their
 * sections put before and after this page's own, in order, and the page printed as usual; they
 * are taken out again once printing is done. The EPUB is the whole reading as one file.
 */
export async function printWholeReading() {
  const { readingId } = readerContext();
  const map = await passagePages(readingId);
  if (!map) {
    announce('The other parts of the reading could not be loaded; print this section, or download the EPUB.');
    return;
  }
  announce('Preparing the whole reading for printing…');
  for (const old of document.querySelectorAll(`.${BORROWED_CLASS}`)) old.remove();
  const paths = map.sections.map((id) => withBase(sectionPagePath(readingId, id)));
  const here = paths.indexOf(location.pathname);
  let parts: Element[][];
  try {
    parts = await Promise.all(paths.map((path, i) => (i === here ? Promise.resolve([]) : sectionsOf(path))));
  } catch {
    announce('The other parts of the reading could not be loaded; print this section, or download the EPUB.');
    return;
  }
  let body = document.querySelector('.reading-body');
  if (!body) {
    // The contents page has no text of its own: the reading goes after the contents.
    body = document.createElement('div');
    body.className = `reading-body ${BORROWED_CLASS}`;
    (document.querySelector('.section-contents') ?? document.querySelector('.reading-header'))!.after(body);
  }
  const own = body.querySelector(':scope > .reading-section');
  parts.forEach((sections, i) => {
    if (i < here && own) own.before(...sections);
    else body.append(...sections);
  });
  await prepareForPrint();
  addEventListener('afterprint', () => document.querySelectorAll(`.${BORROWED_CLASS}`).forEach((el) => el.remove()), { once: true });
  window.print();
}
