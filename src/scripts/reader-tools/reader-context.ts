/**
 * What the reader tools know about the page, read once from the server-rendered markup: the
 * reading, its passages, and a polite live region for short confirmations ("Link copied").
 */
import { CLASS, passageAnchor } from '../../lib/constants.ts';
import { passageIdOfElement, passageNumberOf } from './passage-text.ts';
import type { PassageInfo } from '../../lib/personal-notes.ts';
import type { ReadingLayout } from '../../lib/reading-layout.ts';
// As a URL: a plain CSS import would be hoisted by Astro into every page's inlined CSS.
import dialogStylesHref from '../../styles/tool-dialogs.css?url';
import { stylesheet } from '../stylesheets.ts';

export interface ReaderContext {
  /** The <ar-reader-tools> element: dialogs and the live region live inside it. */
  root: HTMLElement;
  readingId: string;
  title: string;
  /** This page's canonical address, without fragment or query: the base of permalinks. */
  readingUrl: string;
  /**
   * The reading's passages in order. On a section page of a long reading, this page's until
   * `wholeReading()` has loaded all of them (personal notes are kept per reading, so they need them).
   */
  passages: PassageInfo[];
  passageElement: (id: string) => HTMLElement | null;
  /** Which page holds each passage (src/lib/reading-layout.ts), once `wholeReading()` has loaded it on a split reading. */
  layout?: ReadingLayout | undefined;
  /** The reading's own address (its contents page when split): what exports of a reader's notes point at. */
  readingHomeUrl: string;
}

/** The localStorage key holding one reading's notes. */
export const notesStorageKey = (readingId: string) => `ar-notes:${readingId}`;

/** Whether the reader has notes on this reading, without loading the notes code. */
export function hasStoredNotes(readingId: string): boolean {
  try {
    return Boolean(localStorage.getItem(notesStorageKey(readingId)));
  } catch {
    return false;
  }
}

let context: ReaderContext | undefined;

export function initContext(root: HTMLElement): ReaderContext {
  const elements = [...document.querySelectorAll<HTMLElement>(`.${CLASS.passage}`)];
  // The canonical address (where the site is published), which is what citations and links give.
  const readingUrl = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? `${location.origin}${location.pathname}`;
  context = {
    root,
    readingId: root.dataset.reading ?? '',
    title: root.dataset.title ?? document.title,
    readingUrl,
    passages: elements.map((el) => ({ id: passageIdOfElement(el), number: passageNumberOf(el) })),
    passageElement: (id) => document.getElementById(passageAnchor(id)),
    readingHomeUrl: root.dataset.contents ? new URL(root.dataset.contents, readingUrl).href : readingUrl,
  };
  return context;
}

export function readerContext(): ReaderContext {
  if (!context) throw new Error('reader tools used before <ar-reader-tools> connected');
  return context;
}

/** Says something to screen readers and shows it briefly on screen. */
export function announce(message: string) {
  const region = readerContext().root.querySelector<HTMLElement>('.tool-status');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick is announced even when the message repeats.
  requestAnimationFrame(() => {
    region.textContent = message;
    region.classList.add('is-shown');
    clearTimeout(Number(region.dataset.timer));
    region.dataset.timer = String(setTimeout(() => region.classList.remove('is-shown'), 4000));
  });
}

/** Copies text (and, where supported, rich HTML) to the clipboard; false when the browser refuses. */
export async function copyToClipboard(text: string, html?: string): Promise<boolean> {
  try {
    if (html && 'ClipboardItem' in window) {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) }),
      ]);
    } else await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * `module` (the code of a dialog: notes panel, note editor, "Select words…", citation) once the
 * dialogs' stylesheet has loaded too: no dialog exists before a reader opens one, so their rules
 * come with the first dialog's code, and the dialog never shows unstyled.
 */
export async function withDialogStyles<T>(module: Promise<T>): Promise<T> {
  const [loaded] = await Promise.all([module, stylesheet(dialogStylesHref)]);
  return loaded;
}
