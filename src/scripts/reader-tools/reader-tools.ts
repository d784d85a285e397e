/**
 * <ar-reader-tools>: the reader's own tools on a reading page. This module is what loads with the
 * page, so it stays small: it watches the selection, shows the small toolbar next to it (Highlight,
 * Note, Cite, Link), offers the same for a whole passage when its number is clicked, and loads
 * everything else (notes, panels, citations) on first use; print preparation, once the page is idle.
 *
 * Keyboard: select text (or click a passage number), then Tab reaches the toolbar; with a selection,
 * Alt+Shift+H highlights it and Alt+Shift+N opens a note on it. Without a mouse or caret browsing
 * (static text has no caret), Enter on a passage number offers its tools, and "Select words…" there
 * chooses any of its words by arrow keys or by typing them (word-picker.ts).
 */
import { CLASS } from '../../lib/constants.ts';
import { type ReadingSettings } from '../../lib/reading-settings.ts';
import { passageIdOfElement, passageNumberOf, passageOf, rangeToOffsets, textElementOf } from './passage-text.ts';
import { hasStoredNotes, initContext, readerContext, withDialogStyles } from './reader-context.ts';
import { SETTINGS_EVENT, readStoredSettings } from './settings.ts';
import { whenIdle } from '../schedule.ts';
import { plainCitationLine, watchCopying, type CopiedWords } from './copy.ts';
// Print preparation runs on every reading page once it is idle, so its code (about 1 KB gzip) is in
// the page's script rather than a chunk of its own: one request fewer before any interaction.
import { prepareForPrint, printHandout, printWholeReading } from './print.ts';

/** A span of one passage's text, or the whole passage (no offsets). */
export interface Target {
  passage: string;
  start?: number;
  end?: number;
}

type Action = 'highlight' | 'note' | 'cite' | 'link' | 'choose';
const SHORTCUTS: Partial<Record<string, Action>> = { KeyH: 'highlight', KeyN: 'note' };
const BUTTONS: [Action, string, string?][] = [
  ['highlight', 'Highlight', 'Alt+Shift+H'],
  ['note', 'Note', 'Alt+Shift+N'],
  ['cite', 'Cite'],
  ['link', 'Copy link'],
  // A passage's tools only: the way to choose some of its words without a mouse.
  ['choose', 'Select words…'],
];

/** Labels of the toolbar docked on a phone, where all its buttons must fit one row. */
const DOCKED_LABELS: Partial<Record<Action, string>> = { choose: 'Words…' };

// The notes' highlights and markers are styled by the dialogs' stylesheet: it comes with them.
const loadNotes = () => withDialogStyles(import('./notes-runtime.ts'));
const loadNotesUi = () => withDialogStyles(import('./notes-ui.ts'));
const loadCite = () => withDialogStyles(import('./cite.ts'));
const loadPicker = () => withDialogStyles(import('./word-picker.ts'));

/** Room the system leaves under a touch selection for its handles (and above it for its own menu). */
const TOUCH_HANDLE_ROOM_PX = 40;

/** The how-to under the toolbar, folded under its line "How to highlight, note and cite". */
function howToText(): HTMLParagraphElement {
  const text = document.createElement('p');
  const choice = document.createElement('i');
  choice.textContent = 'Select words…';
  text.append(
    'Select words in the text to highlight, note, cite or link to them; a passage number offers the same for the whole passage. ' +
      'With the keyboard: Tab to a passage number, press Enter, then choose ',
    choice,
    ' to pick words with the arrow keys (Shift extends the choice) or by typing them; or turn on caret browsing (F7) to select ' +
      'with Shift and the arrow keys, then press Alt+Shift+H to highlight or Alt+Shift+N to add a note.',
  );
  return text;
}

class ArReaderTools extends HTMLElement {
  #bar = document.createElement('div');
  #target: Target | undefined;
  #timer = 0;
  /** How the reader last pressed: a finger's selection gets the toolbar docked, clear of the system's handles. */
  #pointerType: string | undefined;
  #coarse = window.matchMedia('(pointer: coarse)');
  /** Whether copied words get their citation after them, and the line once the styles have come. */
  #copyCited = false;
  #copyCitation: ((copied: CopiedWords) => string) | undefined;

  connectedCallback() {
    initContext(this);
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    this.querySelector('.tool-hint')?.append(howToText());
    this.#buildBar();
    this.addEventListener('click', this.#onToolbarClick);
    document.addEventListener('selectionchange', this.#onSelectionChange);
    document.addEventListener('pointerup', this.#checkSoon);
    document.addEventListener('pointerdown', (event) => (this.#pointerType = event.pointerType), { capture: true, passive: true });
    document.addEventListener('keydown', this.#onKey);
    document.addEventListener('click', this.#onPageClick);
    document.addEventListener('focusin', this.#onFocusIn);
    document.addEventListener(SETTINGS_EVENT, (event) => this.#applySettings((event as CustomEvent<ReadingSettings>).detail));
    window.addEventListener('beforeprint', () => void prepareForPrint());
    const body = document.querySelector<HTMLElement>('.reading-body');
    if (body) watchCopying(body, (copied) => (this.#copyCited ? (this.#copyCitation ?? plainCitationLine)(copied) : undefined));
    this.#applySettings(readStoredSettings());
    // The reader's notes (and the schema that checks them) load once the page is idle, and only
    // for a reader who has notes here.
    whenIdle(() => {
      if (hasStoredNotes(readerContext().readingId)) void loadNotes().then((notes) => notes.startNotes());
      void prepareForPrint();
    });
  }

  #buildBar() {
    this.#bar.className = 'selection-tools';
    this.#bar.setAttribute('role', 'group');
    this.#bar.dataset.pagefindIgnore = 'all';
    this.#bar.hidden = true;
    for (const [action, label, keys] of BUTTONS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.action = action;
      button.textContent = label;
      if (keys) button.setAttribute('aria-keyshortcuts', keys);
      this.#bar.append(button);
    }
    // Keep the selection when the toolbar is pressed with a mouse or finger.
    this.#bar.addEventListener('pointerdown', (event) => event.preventDefault());
    this.#bar.addEventListener('click', (event) => {
      const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action as Action | undefined;
      if (action) void this.#act(action);
    });
    this.#bar.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.#hideBar(true);
    });
  }

  /**
   * Focus moving on past the toolbar (or away from the passage number that opened it) closes it,
   * so it never covers the next focus stop. A dialog the toolbar opened keeps it: focus returns
   * to the button that opened the dialog.
   */
  #onFocusIn = (event: FocusEvent) => {
    if (this.#bar.hidden || !(event.target instanceof Element)) return;
    const target = event.target;
    if (this.#bar.contains(target) || target.closest('dialog, [popover]')) return;
    // The stops of its passage before it (the number, links in the text) are the way to it.
    const passage = this.#target && readerContext().passageElement(this.#target.passage);
    const before = (target.compareDocumentPosition(this.#bar) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    if (passage?.contains(target) && before) return;
    this.#hideBar(false);
  };

  #onSelectionChange = () => {
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => this.#checkSelection(), 180);
  };

  #checkSoon = () => {
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => this.#checkSelection(), 10);
  };

  /** Shows the toolbar for a selection inside one passage's text, hides it otherwise. */
  #checkSelection() {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      if (this.#target?.start !== undefined && !this.#bar.contains(document.activeElement)) this.#hideBar(false);
      return;
    }
    const range = selection.getRangeAt(0);
    const passage = passageOf(range.startContainer);
    const text = passage && passage.closest('.reading-body') ? textElementOf(passage) : null;
    const offsets = text ? rangeToOffsets(text, range) : undefined;
    if (!passage || !text || !offsets) {
      this.#hideBar(false);
      return;
    }
    this.#target = { passage: passageIdOfElement(passage), ...offsets };
    this.#showBar(passage, text, range.getBoundingClientRect(), 'Selected text');
  }

  #showBar(passage: HTMLElement, after: Element, anchor: DOMRect, label: string) {
    const whole = this.#target?.start === undefined;
    const number = passageNumberOf(passage);
    const docked = this.#isTouch();
    this.#bar.setAttribute('aria-label', whole ? `Passage ${number}` : label);
    for (const button of this.#bar.querySelectorAll<HTMLButtonElement>('[data-action]')) {
      const [action, base, keys] = BUTTONS.find(([name]) => name === button.dataset.action)!;
      button.hidden = !whole && action === 'choose';
      // Docked, the bar is one row a phone wide: the passage's number is in the bar's name alone,
      // and a long label is shortened to words its full name (kept) contains.
      const short = docked ? DOCKED_LABELS[action] : undefined;
      button.textContent = short ?? (whole && !docked && action !== 'link' && action !== 'choose' ? `${base} ¶${number}` : base);
      if (short) button.setAttribute('aria-label', base);
      else button.removeAttribute('aria-label');
      // The shortcuts act on a selection, not on a passage.
      if (keys && !whole) button.setAttribute('aria-keyshortcuts', keys);
      else button.removeAttribute('aria-keyshortcuts');
    }
    after.after(this.#bar);
    this.#bar.hidden = false;
    if (this.#dock(anchor, docked)) return;
    const box = passage.getBoundingClientRect();
    const width = this.#bar.offsetWidth;
    const left = Math.min(Math.max(anchor.left - box.left, 0), Math.max(box.width - width, 0));
    this.#bar.style.insetBlockStart = `${anchor.bottom - box.top + 6}px`;
    this.#bar.style.insetInlineStart = `${left}px`;
  }

  /**
   * On touch the toolbar is one row docked at the bottom of the screen (at the top when the
   * selection is down there): next to the selection it would sit where the system draws its
   * handles and menu, and cover the lines that follow. It stays after the passage's text in the
   * document, so the order of focus is the same.
   */
  #dock(anchor: DOMRect, docked: boolean): boolean {
    this.#bar.classList.toggle('is-docked', docked);
    this.#bar.style.insetBlockStart = '';
    this.#bar.style.insetInlineStart = '';
    if (!docked) return false;
    const room = window.innerHeight - this.#bar.offsetHeight - TOUCH_HANDLE_ROOM_PX;
    this.#bar.classList.toggle('is-docked-top', anchor.bottom > room);
    return true;
  }

  #isTouch() {
    return this.#pointerType === 'touch' || (this.#pointerType === undefined && this.#coarse.matches);
  }

  /** Hides the toolbar; with `returnFocus`, focus it held goes back to its passage's number, never to the page. */
  #hideBar(returnFocus: boolean) {
    const hadFocus = this.#bar.contains(document.activeElement);
    this.#bar.hidden = true;
    if (returnFocus && hadFocus && this.#target) this.#numberOf(this.#target.passage)?.focus();
    this.#target = undefined;
  }

  #numberOf = (passage: string) => readerContext().passageElement(passage)?.querySelector<HTMLElement>(`.${CLASS.passageNumber}`) ?? null;

  /** A click on a passage number offers the passage's tools; a click elsewhere closes them. */
  #onPageClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || this.#bar.contains(target)) return;
    const number = target.closest<HTMLElement>(`.reading-body .${CLASS.passageNumber}`);
    const passage = number && passageOf(number);
    if (passage) {
      // A plain click or tap offers the tools where the number is: the address becomes the
      // passage's permalink, but the page neither jumps nor gains a history entry. With a
      // modifier (a new tab or window) the link works as a link.
      if (!(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) && event.button === 0 && number instanceof HTMLAnchorElement) {
        event.preventDefault();
        history.replaceState(history.state, '', number.href);
      }
      this.#target = { passage: passageIdOfElement(passage) };
      // The number's grid cell runs the passage's whole height: place the bar under its text.
      const text = document.createRange();
      text.selectNodeContents(number);
      this.#showBar(passage, number, text.getBoundingClientRect(), '');
    } else if (this.#target?.start === undefined && !this.#bar.hidden) this.#hideBar(false);
  };

  #onKey = (event: KeyboardEvent) => {
    const action = event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey ? SHORTCUTS[event.code] : undefined;
    if (!action) return;
    this.#checkSelection();
    if (this.#target?.start === undefined) return;
    event.preventDefault();
    void this.#act(action);
  };

  /** The reading toolbar's buttons (My notes, Print). */
  #onToolbarClick = (event: MouseEvent) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-tool]');
    if (button?.dataset.tool === 'notes') void loadNotesUi().then((ui) => ui.openPanel(button));
    if (button?.dataset.tool === 'print') void printHandout();
    if (button?.dataset.tool === 'print-all') void printWholeReading();
  };

  /**
   * Acts on the toolbar's target, or on words chosen in the word picker (`chosen`): then focus,
   * once the action is done, returns to the passage's number, where the reader started.
   */
  async #act(action: Action, chosen?: Target) {
    const target = chosen ?? this.#target;
    if (!target) return;
    const number = this.#numberOf(target.passage);
    const opener = chosen ? (number ?? undefined) : (this.#bar.querySelector<HTMLElement>(`[data-action="${action}"]`) ?? undefined);
    if (chosen) this.#hideBar(false);
    if (action === 'choose') {
      (await loadPicker()).openWordPicker(target.passage, (picked, words) => void this.#act(picked, words));
    } else if (action === 'highlight') {
      const notes = await loadNotes();
      await notes.startNotes();
      notes.addNote(target, '');
      getSelection()?.removeAllRanges();
      // Focus never drops to the page: the toolbar's button is gone, its passage number takes it.
      this.#hideBar(true);
      if (chosen) number?.focus();
    } else if (action === 'note') {
      (await loadNotesUi()).openEditor({ target }, opener);
    } else if (action === 'cite') {
      await (await loadCite()).openCite(target, opener);
    } else {
      await (await loadCite()).copyLink(target);
      if (chosen) number?.focus();
    }
  }

  /** Side effects of settings that CSS alone cannot do. */
  #applySettings(settings: ReadingSettings) {
    // Hidden glossary marks should not be tab stops either.
    const termsHidden = settings.glossary === 'off' || settings.clean === 'on';
    for (const term of document.querySelectorAll<HTMLElement>(`.reading-body .${CLASS.term}`)) {
      if (termsHidden) term.tabIndex = -1;
      else term.removeAttribute('tabindex');
    }
    if (settings.print === 'endnotes') void prepareForPrint();
    this.#copyCited = settings.copy === 'cited';
    if (this.#copyCited && !this.#copyCitation) void loadCite().then(async (cite) => (this.#copyCitation = await cite.preparedCopyCitation()));
  }
}

if (!customElements.get('ar-reader-tools')) customElements.define('ar-reader-tools', ArReaderTools);
