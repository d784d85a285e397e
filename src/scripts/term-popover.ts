/**
 * A glossary term's definition in the reader, in a popover (platform `popover`: Escape and clicking
 * outside close it). <ar-annotations> loads this, the definitions and the popover's rules on the
 * reader's first pointer over or focus in the text, so they are there when a term is reached and
 * weigh nothing before. Without it a term stays what it is without JavaScript: a link to its entry.
 */
import { TERM_POPOVER_ID } from '../lib/constants.ts';
import { parseTermDefinitions, type TermDefinitions } from '../lib/term-definitions.ts';
import { glossaryTermOf } from '../lib/urls.ts';
import { stylesheet } from './stylesheets.ts';
// As a URL: a plain CSS import would be hoisted by Astro into every reading's inlined CSS.
import popoverStyles from '../styles/term-popover.css?url';

/** How long a mouse may be off a term and its definition before the definition closes. */
const POINTER_CLOSE_DELAY_MS = 400;

export class TermPopover {
  #root: HTMLElement;
  #definitions: Promise<TermDefinitions>;
  #popover: HTMLElement | undefined;
  #openTerm: HTMLAnchorElement | undefined;
  #pointerCloseTimer: number | undefined;

  /** `root` holds the popover; `url` is where the definitions are (none: every term stays a plain link). */
  constructor(root: HTMLElement, url: string | null) {
    this.#root = root;
    const definitions = url ? fetch(url).then((r) => (r.ok ? r.json() : {})).then(parseTermDefinitions, () => ({})) : Promise.resolve({});
    // A definition is shown only once the popover's rules are in too: never unstyled.
    this.#definitions = Promise.all([definitions, stylesheet(popoverStyles)]).then(([loaded]) => loaded);
  }

  /** The term whose definition is showing. */
  get openTerm(): HTMLAnchorElement | undefined {
    return this.#openTerm;
  }

  isOpen(term: HTMLAnchorElement): boolean {
    return this.#openTerm === term && Boolean(this.#popover?.matches(':popover-open'));
  }

  /** The one popover every term shares. */
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
    popover.addEventListener('focusout', (event) => this.closeUnlessStillWithin(event.relatedTarget));
    popover.addEventListener('pointerleave', this.onPointerLeave);
    popover.addEventListener('pointerenter', this.cancelPointerClose);
    this.#root.append(popover);
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

  close() {
    clearTimeout(this.#pointerCloseTimer);
    if (this.#popover?.matches(':popover-open')) this.#popover.hidePopover();
    this.#releaseTerm();
  }

  /** Closes the definition unless `next` (where focus or the pointer went) is its term or inside it. */
  closeUnlessStillWithin(next: EventTarget | null) {
    if (!this.#openTerm) return;
    if (next instanceof Node && (this.#popover?.contains(next) || this.#openTerm.contains(next))) return;
    this.close();
  }

  /** Shows a term's definition; one asked for by focus only if focus is still there once definitions have loaded. */
  async show(term: HTMLAnchorElement, { whileFocused = false } = {}) {
    const definition = (await this.#definitions)[glossaryTermOf(term.getAttribute('href') ?? '') ?? ''];
    if (!definition) return; // the link still leads to the full entry
    if (whileFocused && document.activeElement !== term) return;
    const popover = this.#popoverElement();
    if (this.#openTerm === term && popover.matches(':popover-open')) return;
    this.close();
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
      popover.showPopover({ source: term });
    } catch {
      popover.showPopover();
    }
    term.setAttribute('aria-expanded', 'true');
  }

  /**
   * A mouse moving off the term and its definition closes it after a moment (time to cross the gap
   * between them); a touch has no hover, and focus inside the definition keeps it.
   */
  onPointerLeave = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse' || !this.#openTerm) return;
    if (this.#popover?.contains(document.activeElement)) return;
    clearTimeout(this.#pointerCloseTimer);
    this.#pointerCloseTimer = window.setTimeout(() => this.close(), POINTER_CLOSE_DELAY_MS);
  };

  cancelPointerClose = () => clearTimeout(this.#pointerCloseTimer);
}
