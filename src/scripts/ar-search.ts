/**
 * <ar-search> is the header's search control, on every page. Without JavaScript it is a link to
 * /search/. With it, the link becomes a button that opens the search dialog, also opened by
 * Ctrl/Cmd+K and by "/" (unless the reader is typing in a field).
 *
 * This is the only search code a page loads up front, so it stays tiny: the dialog and its UI
 * (search-panel.ts) are imported when the reader shows intent (pointer over or focus on the
 * button, or a shortcut), and Pagefind's engine and index only when the dialog opens. A page
 * reached from a result (`?highlight=`) also loads the small highlighter.
 */
import { SEARCH } from '../lib/constants.ts';
import { SETTINGS_EVENT, settingAttribute } from '../lib/reading-settings.ts';
import { afterFirstPaint } from './schedule.ts';
import { stylesheet } from './stylesheets.ts';
import panelStyles from '../styles/search-panel.css?url';

type SearchPanelModule = typeof import('./search-panel.ts');
let loadedPanel: SearchPanelModule | undefined;
// The panel's rules come with its code (as a URL: a plain CSS import would be hoisted into every
// page's inlined CSS); the dialog waits for both, so it never shows unstyled.
const panel = () => Promise.all([import('./search-panel.ts'), stylesheet(panelStyles)]).then(([module]) => (loadedPanel = module));

/** The reader can turn single-character shortcuts off in the Display panel (WCAG 2.1.4). */
const singleKeysOn = () => document.documentElement.getAttribute(settingAttribute('keys')) !== 'off';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target.matches('input, textarea, select, [contenteditable]:not([contenteditable="false"])'));

class ArSearch extends HTMLElement {
  #button: HTMLButtonElement | null = null;

  connectedCallback() {
    const link = this.querySelector('a');
    this.#button = this.querySelector('button');
    if (!link || !this.#button) return;
    link.hidden = true;
    this.#button.hidden = false;
    // A press on the link made before this script ran is made again on it once it has
    // (site-script-boot.ts): the dialog opens, as it would have from the button.
    link.addEventListener('click', (event) => {
      event.preventDefault();
      this.open();
    });
    // A press that began on the link and ended on the button that replaced it under the pointer
    // lands on this element itself (the two targets' common ancestor): it opens the dialog too.
    this.addEventListener('click', (event) => {
      if (event.target === this) this.open();
    });
    this.#button.addEventListener('click', () => this.open());
    this.#button.addEventListener('pointerenter', panel, { once: true });
    this.#button.addEventListener('focus', panel, { once: true });
    document.addEventListener('keydown', this.#onKey);
    this.#announceShortcuts();
    document.addEventListener(SETTINGS_EVENT, this.#announceShortcuts);
  }

  /** The button names only the shortcuts that work. */
  #announceShortcuts = () => {
    this.#button?.setAttribute('aria-keyshortcuts', singleKeysOn() ? 'Control+K Meta+K /' : 'Control+K Meta+K');
  };

  disconnectedCallback() {
    document.removeEventListener('keydown', this.#onKey);
    document.removeEventListener(SETTINGS_EVENT, this.#announceShortcuts);
  }

  #onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || event.altKey) return;
    const commandK = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isTyping(event.target) && singleKeysOn();
    if (!commandK && !slash) return;
    event.preventDefault();
    this.open();
  };

  /**
   * Opens the dialog. Once the panel's code is loaded this happens within the key press, so the
   * letters typed right after Ctrl+K or "/" land in the field (awaiting even a loaded module
   * waits a task, and a fast typist's first letter went to the page).
   */
  open() {
    if (loadedPanel) loadedPanel.openSearch(this.#button ?? undefined);
    else void panel().then(({ openSearch }) => openSearch(this.#button ?? undefined));
  }
}

if (!customElements.get('ar-search')) customElements.define('ar-search', ArSearch);

// The /search/ page draws the same panel in place, as soon as the page's own text is painted.
const searchPage = document.querySelector<HTMLElement>('[data-search-page]');
// Its rules are in the page already (search.astro), so only the code is fetched.
if (searchPage) afterFirstPaint(() => void import('./search-panel.ts').then((module) => (loadedPanel = module).mountSearchPage(searchPage)));

if (new URLSearchParams(location.search).has(SEARCH.highlightParam)) {
  void import('./search-highlight.ts').then(({ highlightFromUrl }) => highlightFromUrl());
}
