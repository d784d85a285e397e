/**
 * <ar-annotations> wraps the reading body and enhances notes and glossary terms that already work
 * without JavaScript (markers are links to the notes, terms are popover buttons):
 * - hovering or focusing a phrase or its marker lights its note, and the other way round;
 * - on narrow screens a marker folds its note open right after the phrase instead of jumping;
 * - a glossary term (a link to its entry) opens its definition popover on click and on keyboard
 *   focus instead of navigating; the popover links on to the full entry. Escape, focus moving on
 *   and a mouse moving away close it; Enter on the term follows its link.
 */
import { CLASS, DATA, noteAnchor, noteIdOf, noteIdOfRef, noteRefAnchor, numberIn, numbersIn } from '../lib/constants.ts';
import type { TermPopover } from './term-popover.ts';

const WIDE_QUERY = '(min-width: 1100px)';
const LIT = 'is-lit';
const MARKER = `a.${CLASS.noteRef}`;
const TERM = `a.${CLASS.term}`;
/** A marker, phrase or note: whatever belongs to one note. */
const OF_A_NOTE = `${MARKER}, .${CLASS.phrase}, .${CLASS.note}`;

/** A passage's notes by their numbers (the number in each one's head). */
function notesByNumber(passage: Element | null): Map<string, Element> {
  const notes = passage ? [...passage.querySelectorAll(`.${CLASS.note}`)] : [];
  return new Map(notes.map((note) => [numberIn(note.querySelector(`.${CLASS.noteHead}`)?.textContent) ?? '', note]));
}

/**
 * The notes of a marker: the one it links to, or, for a marker shared by the notes that end at one
 * place ("Notes 3, 4, 5"), its passage's notes with those numbers, in its order.
 */
function noteIdsOfMarker(marker: Element): string[] {
  const numbers = numbersIn(marker.getAttribute('aria-label'));
  if (numbers.length > 1) {
    const notes = notesByNumber(marker.closest(`.${CLASS.passage}`));
    return numbers.flatMap((number) => noteIdOf(notes.get(number)?.id) ?? []);
  }
  const id = noteIdOf(marker.getAttribute('href'));
  return id ? [id] : [];
}

/** The notes a marker, phrase or note element belongs to, read from its link or id. */
function noteIdsOfElement(el: Element): string[] {
  if (el.matches(MARKER)) return noteIdsOfMarker(el);
  const id = el.matches(`.${CLASS.phrase}`) ? (el.getAttribute(DATA.anno) ?? noteIdOfRef(el.id)) : noteIdOf(el.id);
  return id ? [id] : [];
}

class ArAnnotations extends HTMLElement {
  #wide = window.matchMedia(WIDE_QUERY);
  #placeholders = new Map<string, Comment>();

  connectedCallback() {
    this.addEventListener('pointerover', this.#onEnter);
    this.addEventListener('focusin', this.#onEnter);
    this.addEventListener('pointerout', this.#onLeave);
    this.addEventListener('focusout', this.#onLeave);
    this.addEventListener('click', this.#onClick);
    this.addEventListener('keydown', this.#onMarkerKey);
    this.addEventListener('click', this.#onTermClick);
    this.addEventListener('focusin', this.#onTermFocus);
    this.addEventListener('focusout', this.#onTermBlur);
    this.addEventListener('pointerout', this.#onTermPointerOut);
    this.addEventListener('pointerover', this.#onTermPointerOver);
    this.addEventListener('pointerover', this.#loadTerms, { once: true });
    this.addEventListener('focusin', this.#loadTerms, { once: true });
    for (const term of this.querySelectorAll(TERM)) {
      term.setAttribute('aria-haspopup', 'dialog');
      term.setAttribute('aria-expanded', 'false');
    }
    this.#wide.addEventListener('change', this.#applyMode);
    this.#applyMode();
  }

  disconnectedCallback() {
    this.#wide.removeEventListener('change', this.#applyMode);
  }

  /** The notes an event target belongs to: a phrase, a marker (one note or several), or a note itself. */
  #noteIdsOf(target: EventTarget | null): string[] {
    if (!(target instanceof Element)) return [];
    const el = target.closest(OF_A_NOTE);
    return el ? noteIdsOfElement(el) : [];
  }

  /** A note's marker: its own, or the one it shares with the notes that end where it does. */
  #marker(id: string) {
    const own = this.querySelector<HTMLAnchorElement>(`${MARKER}[href="#${CSS.escape(noteAnchor(id))}"]`);
    if (own) return own;
    const note = this.querySelector(`#${CSS.escape(noteAnchor(id))}`);
    // An open note sits inside the text, next to its marker; a closed one in its passage's list.
    const passage = note?.closest(`.${CLASS.passage}`) ?? null;
    const number = numberIn(note?.querySelector(`.${CLASS.noteHead}`)?.textContent);
    const markers = passage ? [...passage.querySelectorAll<HTMLAnchorElement>(MARKER)] : [];
    return markers.find((marker) => number !== undefined && numbersIn(marker.getAttribute('aria-label')).includes(number)) ?? null;
  }

  #light(id: string, on: boolean) {
    const ids = [noteRefAnchor(id), noteAnchor(id)].map((anchor) => `#${CSS.escape(anchor)}`);
    const selector = [...ids, `[${DATA.anno}="${CSS.escape(id)}"]`].join(', ');
    for (const el of [...this.querySelectorAll(selector), this.#marker(id)]) el?.classList.toggle(LIT, on);
  }

  #onEnter = (event: Event) => {
    for (const id of this.#noteIdsOf(event.target)) this.#light(id, true);
  };

  #onLeave = (event: Event) => {
    const next = this.#noteIdsOf((event as FocusEvent | PointerEvent).relatedTarget);
    for (const id of this.#noteIdsOf(event.target)) if (!next.includes(id)) this.#light(id, false);
  };

  /** Narrow screens: notes are folded away and open in place, right after their phrase. */
  #applyMode = () => {
    const fold = !this.#wide.matches;
    this.toggleAttribute('data-fold', fold);
    for (const marker of this.querySelectorAll<HTMLAnchorElement>(MARKER)) {
      const ids = noteIdsOfMarker(marker);
      if (fold && ids.length) {
        marker.setAttribute('role', 'button');
        marker.setAttribute('aria-expanded', String(ids.every((id) => this.#isOpen(id))));
        marker.setAttribute('aria-controls', ids.map(noteAnchor).join(' '));
      } else {
        marker.removeAttribute('role');
        marker.removeAttribute('aria-expanded');
        marker.removeAttribute('aria-controls');
      }
    }
    if (!fold) for (const id of [...this.#placeholders.keys()]) this.#fold(id, false);
  };

  #isOpen(id: string) {
    return this.#placeholders.has(id);
  }

  /** Opens every note of a marker in place, or closes them all when they are all open. */
  #toggle(marker: Element) {
    const ids = noteIdsOfMarker(marker);
    const open = !ids.every((id) => this.#isOpen(id));
    for (const id of ids) this.#fold(id, open);
  }

  /** Moves the note next to its marker (open; after its fellows' notes already open there) or back to its list (closed). */
  #fold(id: string, open: boolean) {
    const note = this.querySelector<HTMLElement>(`#${CSS.escape(noteAnchor(id))}`);
    const marker = this.#marker(id);
    if (!note || !marker) return;
    if (open && !this.#placeholders.has(id)) {
      const placeholder = document.createComment(`note ${id}`);
      note.before(placeholder);
      this.#placeholders.set(id, placeholder);
      // The note is a list item: it travels inside a list of its own to stay a valid <li>.
      const holder = document.createElement('span');
      holder.className = 'note-fold';
      const list = document.createElement('ol');
      list.append(note);
      holder.append(list);
      let place: Element = marker;
      while (place.nextElementSibling?.classList.contains('note-fold')) place = place.nextElementSibling;
      place.after(holder);
    } else if (!open && this.#placeholders.has(id)) {
      const placeholder = this.#placeholders.get(id)!;
      const holder = note.closest('.note-fold');
      placeholder.replaceWith(note);
      holder?.remove();
      this.#placeholders.delete(id);
    }
    if (this.hasAttribute('data-fold')) marker.setAttribute('aria-expanded', String(noteIdsOfMarker(marker).every((each) => this.#isOpen(each))));
  }

  /** A folded marker is announced as a button, so Space works it as well as Enter (a link knows only Enter). */
  #onMarkerKey = (event: KeyboardEvent) => {
    if (event.key !== ' ' || event.altKey || event.ctrlKey || event.metaKey || !this.hasAttribute('data-fold')) return;
    const marker = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(`${MARKER}[role="button"]`) : null;
    if (!marker) return;
    event.preventDefault();
    this.#toggle(marker);
  };

  #onClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    const back = target?.closest<HTMLAnchorElement>(`.${CLASS.noteHead} a`);
    const backId = back ? this.#noteIdsOf(back)[0] : undefined;
    if (!this.hasAttribute('data-fold')) {
      // A note's number links back to its phrase, which cannot take focus: once the link has
      // scrolled there, put the keyboard on the phrase's marker, one Enter away from the note again.
      if (backId) setTimeout(() => this.#marker(backId)?.focus({ preventScroll: true }));
      return;
    }
    const marker = target?.closest<HTMLAnchorElement>(MARKER);
    if (marker) {
      event.preventDefault();
      this.#toggle(marker);
      return;
    }
    // The back-link inside an open note closes it and returns to the marker.
    if (backId && this.#isOpen(backId)) {
      event.preventDefault();
      this.#fold(backId, false);
      this.#marker(backId)?.focus();
    }
  };

  /** The term link an event concerns, if any. */
  #termOf(target: EventTarget | null): HTMLAnchorElement | undefined {
    return target instanceof Element ? (target.closest<HTMLAnchorElement>(TERM) ?? undefined) : undefined;
  }

  #terms: Promise<TermPopover> | undefined;
  /** The definitions' popover, once its code has come. */
  #termPopover: TermPopover | undefined;

  /**
   * The definitions, with the popover's code and rules (term-popover.ts), fetched once, on the first
   * interaction with the text, so they are there when a term is reached.
   */
  #loadTerms = () =>
    (this.#terms ??= import('./term-popover.ts').then(({ TermPopover }) => (this.#termPopover = new TermPopover(this, this.getAttribute(DATA.termsUrl)))));

  #onTermClick = (event: MouseEvent) => {
    const term = this.#termOf(event.target);
    if (!term || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    // Enter on a focused term (a click with no pointer: detail 0) follows the link to the entry;
    // focus has already shown the definition.
    if (event.detail === 0) return;
    event.preventDefault();
    if (this.#termPopover?.isOpen(term)) this.#termPopover.close();
    else void this.#loadTerms().then((terms) => terms.show(term));
  };

  /** Keyboard focus on a term shows its definition (a click does too). */
  #onTermFocus = (event: FocusEvent) => {
    const term = this.#termOf(event.target);
    if (term?.matches(':focus-visible')) void this.#loadTerms().then((terms) => terms.show(term, { whileFocused: true }));
  };

  #onTermBlur = (event: FocusEvent) => {
    const term = this.#termOf(event.target);
    if (term && term === this.#termPopover?.openTerm) this.#termPopover.closeUnlessStillWithin(event.relatedTarget);
  };

  /** A mouse moving off the term, not into it: the definition closes after a moment (term-popover.ts). */
  #onTermPointerOut = (event: PointerEvent) => {
    const term = this.#termOf(event.target);
    const popover = this.#termPopover;
    if (!popover || !term || term !== popover.openTerm || (event.relatedTarget instanceof Node && term.contains(event.relatedTarget))) return;
    popover.onPointerLeave(event);
  };

  #onTermPointerOver = (event: PointerEvent) => {
    if (this.#termPopover && this.#termOf(event.target) === this.#termPopover.openTerm) this.#termPopover.cancelPointerClose();
  };
}

if (!customElements.get('ar-annotations')) customElements.define('ar-annotations', ArAnnotations);
