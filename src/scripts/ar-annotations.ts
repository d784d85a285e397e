/**
 * <ar-annotations> wraps the reading body and enhances notes and glossary terms that already work
 * without JavaScript (markers are links to the notes, terms are popover buttons):
 * - hovering or focusing a phrase or its marker lights its note, and the other way round;
 * - on narrow screens a marker folds its note open right after the phrase instead of jumping;
 * - a glossary term (a link to its entry) opens its definition popover on click and on keyboard
 *   focus instead of navigating; the popover links on to the full entry. Escape, focus moving on
 *   and a mouse moving away close it; Enter on the term follows its link.
 */
import { CLASS, DATA, TERM_POPOVER_ID, noteAnchor, noteIdOf, noteIdOfRef, noteRefAnchor, numberIn, numbersIn } from '../lib/constants.ts';
import { parseTermDefinitions, type TermDefinitions } from '../lib/term-definitions.ts';
import { glossaryTermOf } from '../lib/urls.ts';

const WIDE_QUERY = '(min-width: 1100px)';
/** How long a mouse may be off a term and its definition before the definition closes. */
const POINTER_CLOSE_DELAY_MS = 400;
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
    this.addEventListener('pointerover', this.#loadDefinitions, { once: true });
    this.addEventListener('focusin', this.#loadDefinitions, { once: true });
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

  #definitions: Promise<TermDefinitions> | undefined;
  #popover: HTMLElement | undefined;
  #openTerm: HTMLAnchorElement | undefined;

  /** Fetched once, on the first interaction with the text, so it is there when a term is reached. */
  #loadDefinitions = () => {
    const url = this.getAttribute(DATA.termsUrl);
    this.#definitions ??= url
      ? fetch(url).then((r) => (r.ok ? r.json() : {})).then(parseTermDefinitions, () => ({}))
      : Promise.resolve({});
    return this.#definitions;
  };

  /** The one popover every term shares (platform `popover`: Escape and clicking outside close it). */
  #popoverElement(): HTMLElement {
    if (this.#popover) return this.#popover;
    const popover = document.createElement('div');
    popover.id = TERM_POPOVER_ID;
    popover.className = 'term-popover';
    popover.popover = 'auto';
    popover.setAttribute('role', 'dialog');
    // Escape or a click outside closed it: the term it belonged to is no longer expanded.
    popover.addEventListener('toggle', () => {
      if (!popover.matches(':popover-open')) this.#releaseTerm();
    });
    // Focus leaving the definition for anything but its own term closes it, so it never covers
    // the next focus stop (WCAG 2.4.11).
    popover.addEventListener('focusout', (event) => this.#closeUnlessStillWithin(event.relatedTarget));
    popover.addEventListener('pointerleave', this.#onPointerLeave);
    popover.addEventListener('pointerenter', this.#cancelPointerClose);
    this.append(popover);
    return (this.#popover = popover);
  }

  /** The term whose definition was showing: not expanded, not described by it, any more. */
  #releaseTerm() {
    const term = this.#openTerm;
    if (!term) return;
    term.setAttribute('aria-expanded', 'false');
    term.removeAttribute('aria-describedby');
    this.#openTerm = undefined;
  }

  #closeTerm() {
    clearTimeout(this.#pointerCloseTimer);
    if (this.#popover?.matches(':popover-open')) this.#popover.hidePopover();
    this.#releaseTerm();
  }

  /** Closes the definition unless `next` (where focus or the pointer went) is its term or inside it. */
  #closeUnlessStillWithin(next: EventTarget | null) {
    if (!this.#openTerm) return;
    if (next instanceof Node && (this.#popover?.contains(next) || this.#openTerm.contains(next))) return;
    this.#closeTerm();
  }

  /** Shows a term's definition; one asked for by focus only if focus is still there once definitions have loaded. */
  async #showTerm(term: HTMLAnchorElement, { whileFocused = false } = {}) {
    const definition = (await this.#loadDefinitions())[glossaryTermOf(term.getAttribute('href') ?? '') ?? ''];
    if (!definition) return; // the link still leads to the full entry
    if (whileFocused && document.activeElement !== term) return;
    const popover = this.#popoverElement();
    if (this.#openTerm === term && popover.matches(':popover-open')) return;
    this.#closeTerm();
    const head = document.createElement('p');
    head.className = 'term-popover-head';
    const dfn = document.createElement('dfn');
    dfn.textContent = definition.term;
    const kind = document.createElement('span');
    kind.className = 'term-kind';
    kind.textContent = definition.kind;
    head.append(dfn, ' ', kind);
    const short = document.createElement('p');
    short.id = `${TERM_POPOVER_ID}-short`;
    short.textContent = definition.short;
    const more = document.createElement('p');
    const link = document.createElement('a');
    link.href = definition.url;
    link.textContent = `Full entry: ${definition.term}`;
    more.append(link);
    popover.replaceChildren(head, short, more);
    popover.setAttribute('aria-label', `Definition: ${definition.term}`);
    // The definition is the term's description, so a screen reader reads it with the term.
    term.setAttribute('aria-describedby', short.id);
    this.#openTerm = term;
    try {
      // `source` makes the term the invoker: the anchor for positioning, and the popover follows
      // it in the focus order.
      popover.showPopover({ source: term } as ShowPopoverOptions);
    } catch {
      popover.showPopover();
    }
    term.setAttribute('aria-expanded', 'true');
  }

  #onTermClick = (event: MouseEvent) => {
    const term = this.#termOf(event.target);
    if (!term || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    // Enter on a focused term (a click with no pointer: detail 0) follows the link to the entry;
    // focus has already shown the definition.
    if (event.detail === 0) return;
    event.preventDefault();
    if (this.#openTerm === term && this.#popover?.matches(':popover-open')) this.#closeTerm();
    else void this.#showTerm(term);
  };

  /** Keyboard focus on a term shows its definition (a click does too). */
  #onTermFocus = (event: FocusEvent) => {
    const term = this.#termOf(event.target);
    if (term?.matches(':focus-visible')) void this.#showTerm(term, { whileFocused: true });
  };

  #onTermBlur = (event: FocusEvent) => {
    const term = this.#termOf(event.target);
    if (term && term === this.#openTerm) this.#closeUnlessStillWithin(event.relatedTarget);
  };

  /**
   * A mouse moving off the term and its definition closes it after a moment (time to cross the gap
   * between them); a touch has no hover, and focus inside the definition keeps it.
   */
  #pointerCloseTimer: number | undefined;
  #onPointerLeave = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse' || !this.#openTerm) return;
    if (this.#popover?.contains(document.activeElement)) return;
    clearTimeout(this.#pointerCloseTimer);
    this.#pointerCloseTimer = window.setTimeout(() => this.#closeTerm(), POINTER_CLOSE_DELAY_MS);
  };

  #cancelPointerClose = () => clearTimeout(this.#pointerCloseTimer);

  #onTermPointerOut = (event: PointerEvent) => {
    const term = this.#termOf(event.target);
    if (!term || term !== this.#openTerm || (event.relatedTarget instanceof Node && term.contains(event.relatedTarget))) return;
    this.#onPointerLeave(event);
  };

  #onTermPointerOver = (event: PointerEvent) => {
    if (this.#termOf(event.target) === this.#openTerm) this.#cancelPointerClose();
  };
}

interface ShowPopoverOptions {
  source?: HTMLElement;
}

if (!customElements.get('ar-annotations')) customElements.define('ar-annotations', ArAnnotations);
