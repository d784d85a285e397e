/**
 * The search UI, drawn on Pagefind's JavaScript API (not Pagefind's prebuilt UI, which would add
 * ~180 KB and inline styles the CSP forbids). One panel serves two places:
 *  - the dialog every page opens from the header (`openSearch`), a native modal <dialog>: focus is
 *    trapped and Escape closes it, and focus returns to the control that opened it;
 *  - the /search/ page (`mountSearchPage`), whose URL holds the search (`?q=…&kind=…`), so a search
 *    can be bookmarked and shared.
 * Keyboard: type, ↓/↑ (or Tab) move through the results, Enter opens one; in the dialog, Enter in
 * the field opens the first result. The live region says how many results there are.
 *
 * Pagefind itself (its script, WebAssembly engine and index chunks) is imported the first time the
 * field gets focus or a search runs, from `<base>/pagefind/`; its result URLs get the same base.
 * A site with text in other languages has one more bundle per language (`pagefind-el/`, named on
 * <ar-search> by the build, see src/lib/search-languages.ts), each with that language's stemmer:
 * their engines start at the same time, every search runs on all of them, and the results are
 * merged by score (`mergeSearches`). Each bundle's own pagefind.js is imported, so each is a
 * separate module with its own worker and WebAssembly module: engines made from one pagefind.js
 * (`mergeIndex`, `createInstance`) share the first one's WebAssembly, and so its stemmer.
 */
import { DATA, SEARCH, type SearchFilter } from '../lib/constants.ts';
import {
  FILTER_LABELS,
  KIND_LABELS,
  filterValueLabel,
  mergeSearches,
  moreFiltersLabel,
  pagefindFilters,
  rankFirstPage,
  readSearchState,
  resultSummary,
  searchStateToQuery,
  toResultRow,
  type PagefindResultData,
  type ResultRow,
  type SearchState,
} from '../lib/search.ts';
import { SEARCH_LANGUAGES_ATTRIBUTE, languageBundleDir, parseSearchLanguages } from '../lib/search-languages.ts';
import { withBase } from '../lib/urls.ts';

interface PagefindSearch {
  results: { id: string; score: number; data: () => Promise<PagefindResultData> }[];
  /** Results per filter value, given the query and the filters applied. */
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  preload: (term: string, options?: object) => Promise<void>;
  search: (term: string, options?: object) => Promise<PagefindSearch>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

/** Results loaded (each one fetches a small fragment file) before "Show more". */
const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 90;

class EngineMissing extends Error {}

/** What the panel searches with: Pagefind's calls, over every language's engine at once. */
interface Engine {
  preload: (term: string) => Promise<void>;
  search: (term: string, options?: object) => Promise<PagefindSearch>;
}

/** Imports and starts the Pagefind engine of the bundle in `dir` (under the site's base). */
async function startPagefind(dir: string): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ withBase(`/${dir}pagefind.js`))) as Pagefind;
  await pagefind.options({
    baseUrl: import.meta.env.BASE_URL,
    excerptLength: 24,
    excerptEllipsis: '…',
    highlightParam: SEARCH.highlightParam,
  });
  await pagefind.init();
  // Loads the filter indexes; until then a search without filters reports no facet counts.
  await pagefind.filters();
  return pagefind;
}

let engine: Promise<Engine> | undefined;
/** The other languages' engines that started; one that failed is tried again by the next search. */
const languageEngines = new Map<string, Promise<Pagefind>>();

/**
 * Starts Pagefind once: the site-language engine, and one per other language the page names. A
 * failed site-language engine is forgotten so the next use retries; a failed other-language
 * engine leaves the search to the ones that work (its results are missing, the rest are not).
 */
export function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    // `astro dev` serves no index: Pagefind's files are written by `npm run build`.
    if (import.meta.env.DEV) throw new EngineMissing('dev');
    const languages = parseSearchLanguages(document.querySelector(`[${SEARCH_LANGUAGES_ATTRIBUTE}]`)?.getAttribute(SEARCH_LANGUAGES_ATTRIBUTE));
    const others = () =>
      Promise.all(
        languages.map((language) => {
          let started = languageEngines.get(language);
          if (!started) {
            started = startPagefind(languageBundleDir(language));
            started.catch(() => languageEngines.delete(language));
            languageEngines.set(language, started);
          }
          return started.catch(() => undefined);
        }),
      ).then((engines) => engines.filter((e): e is Pagefind => e !== undefined));
    const [main] = await Promise.all([startPagefind(SEARCH.bundleDir), others()]);
    if (languages.length === 0) return main;
    return {
      preload: async (term) => {
        await Promise.all([main, ...(await others())].map((e) => e.preload(term)));
      },
      search: async (term, options) => {
        const engines = [main, ...(await others())];
        return mergeSearches(await Promise.all(engines.map((e) => e.search(term, options))));
      },
    } satisfies Engine;
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

let uid = 0;
type Child = Node | string | false | undefined | null;
/** A tiny element builder: attributes set with setAttribute (never style), children as nodes or text. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

class SearchPanel {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  readonly #mode: 'dialog' | 'page';
  readonly #facets: HTMLElement;
  readonly #moreFilters: HTMLDetailsElement;
  readonly #status: HTMLElement;
  readonly #problem: HTMLElement;
  readonly #list: HTMLOListElement;
  readonly #more: HTMLButtonElement;
  readonly #pageLink: HTMLAnchorElement | undefined;
  #state: SearchState;
  #search: PagefindSearch | undefined;
  #shown = 0;
  #rows: ResultRow[] = [];
  #runs = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(mode: 'dialog' | 'page', state: SearchState) {
    this.#mode = mode;
    this.#state = state;
    const id = `search-${++uid}`;
    this.input = h('input', {
      id: `${id}-input`,
      class: 'search-input',
      type: 'search',
      name: SEARCH.queryParam,
      autocomplete: 'off',
      spellcheck: 'false',
      enterkeyhint: 'search',
      'aria-describedby': `${id}-hint`,
      'aria-controls': `${id}-results`,
    });
    this.input.value = state.query;
    const form = h(
      'form',
      { class: 'search-form', role: 'search', action: withBase('/search/'), method: 'get' },
      h('label', { class: 'search-label', for: this.input.id }, 'Search the edition'),
      h('div', { class: 'search-field' }, this.input, mode === 'dialog' && h('button', { type: 'button', class: 'search-close', 'data-close': true }, 'Close')),
      h('p', { id: `${id}-hint`, class: 'search-hint' }, `Passages, notes, glossary and sources. ↓ moves to the results${mode === 'dialog' ? '; Enter opens the first' : ''}.`),
    );
    this.#facets = h('div', { class: 'search-facets' });
    this.#moreFilters = h('details', { class: 'search-more-filters', open: mode === 'page' }, h('summary', {}, 'More filters'));
    this.#status = h('p', { class: 'search-status', role: 'status' });
    this.#problem = h('div', { class: 'search-problem', hidden: true });
    this.#list = h('ol', { id: `${id}-results`, class: 'search-results', 'aria-label': 'Search results' });
    this.#more = h('button', { type: 'button', class: 'search-show-more', hidden: true }, 'Show more results');
    this.#pageLink = mode === 'dialog' ? h('a', { class: 'search-page-link', href: withBase('/search/') }, 'Open this search as a page (a link you can share)') : undefined;
    // In the dialog only the body scrolls, under the field: a result scrolled into view (by focus
    // or by the pointer) is never hidden behind it.
    const body = h('div', { class: 'search-body' }, this.#facets, this.#status, this.#problem, this.#list, this.#more, this.#pageLink && h('p', { class: 'search-page-foot' }, this.#pageLink));
    this.root = h('div', { class: `search-panel search-panel--${mode}` }, form, body);

    form.addEventListener('submit', this.#onSubmit);
    this.input.addEventListener('input', this.#onInput);
    // Start Pagefind as soon as the field is focused; if it cannot start (in `astro dev`, say),
    // say so now rather than after the first query.
    this.input.addEventListener('focus', () => void loadEngine().catch((error) => this.#fail(error)), { once: true });
    this.root.addEventListener('keydown', this.#onKey);
    this.root.addEventListener('change', this.#onFilter);
    this.#more.addEventListener('click', () => void this.#showMore(true));
  }

  get state() {
    return this.#state;
  }

  /** Runs the current search now (restoring `?q=`, or after Enter). */
  run = () => {
    clearTimeout(this.#timer);
    return this.#run();
  };

  setState(state: SearchState) {
    this.#state = state;
    this.input.value = state.query;
    return this.run();
  }

  #onInput = () => {
    this.#state = { ...this.#state, query: this.input.value };
    clearTimeout(this.#timer);
    const query = this.input.value.trim();
    if (query) void loadEngine().then((pagefind) => pagefind.preload(query), () => undefined);
    this.#timer = setTimeout(() => void this.#run(), TYPING_PAUSE_MS);
  };

  #onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    await this.run();
    if (this.#mode === 'dialog') this.#list.querySelector('a')?.click();
  };

  #onFilter = (event: Event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    const name = box.name as SearchFilter;
    const values = new Set(this.#state.filters[name] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    this.#state = { ...this.#state, filters: { ...this.#state.filters, [name]: [...values] } };
    void this.run();
  };

  /** ↓/↑ walk from the field through the result links and back; Tab works as usual too. */
  #onKey = (event: KeyboardEvent) => {
    // In the dialog, Escape closes at once (a search field would first clear itself); the query
    // stays for the next time the dialog opens.
    if (event.key === 'Escape' && this.#mode === 'dialog') {
      event.preventDefault();
      this.root.closest('dialog')?.close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const target = event.target as HTMLElement;
    const links = [...this.#list.querySelectorAll<HTMLAnchorElement>('a')];
    const stops = [this.input, ...links];
    const at = stops.indexOf(target as HTMLInputElement & HTMLAnchorElement);
    if (at < 0 || links.length === 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, stops.length - 1) : Math.max(at - 1, 0);
    stops[next]!.focus();
  };

  #say(message: string) {
    this.#status.textContent = message;
  }

  #clear() {
    this.#search = undefined;
    this.#rows = [];
    this.#shown = 0;
    this.#list.replaceChildren();
    this.#facets.replaceChildren();
    this.#more.hidden = true;
  }

  async #run() {
    const run = ++this.#runs;
    const { query, filters } = this.#state;
    const trimmed = query.trim();
    const address = searchStateToQuery(this.#state);
    if (this.#mode === 'page') history.replaceState(history.state, '', `${location.pathname}${address}`);
    if (this.#pageLink) this.#pageLink.href = `${withBase('/search/')}${address}`;
    this.#problem.hidden = true;
    if (!trimmed) {
      this.#clear();
      this.#say('');
      return;
    }
    let pagefind: Engine;
    try {
      if (!engine) this.#say('Loading search…');
      pagefind = await loadEngine();
    } catch (error) {
      if (run === this.#runs) this.#fail(error);
      return;
    }
    const active = SEARCH.filters.filter((name) => filters[name]?.length);
    // A facet's counts ignore its own selection (choosing "Notes" must not zero "Passages"),
    // so each active facet gets one more search without it.
    const [search, ...without] = await Promise.all([
      pagefind.search(trimmed, { filters: pagefindFilters(filters) }),
      ...active.map((name) => pagefind.search(trimmed, { filters: pagefindFilters(filters, name) })),
    ]);
    if (run !== this.#runs || !search) return;
    const counts = { ...search.filters };
    active.forEach((name, i) => (counts[name] = without[i]?.filters[name] ?? {}));
    this.#search = search;
    this.#rows = [];
    this.#shown = 0;
    this.#list.replaceChildren();
    this.#renderFacets(counts);
    await this.#showMore(false, run);
    if (run !== this.#runs) return;
    this.#say(resultSummary(search.results.length, trimmed, active.length > 0));
  }

  async #showMore(moveFocus: boolean, run = this.#runs) {
    const search = this.#search;
    if (!search) return;
    const batch = search.results.slice(this.#shown, this.#shown + PAGE_SIZE);
    const data = await Promise.all(batch.map((result) => result.data()));
    if (run !== this.#runs) return;
    const start = this.#shown;
    this.#shown += batch.length;
    const rows = data.map((result) => toResultRow(result, this.#state.query));
    // Reordered on the first page only, where the reader looks first; later pages keep Pagefind's order.
    const ordered = start === 0 ? rankFirstPage(rows, this.#state.query) : rows;
    this.#rows.push(...ordered);
    const items = ordered.map((row, i) => this.#renderRow(row, start + i));
    this.#list.append(...items);
    this.#more.hidden = this.#shown >= search.results.length;
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }

  #renderRow(row: ResultRow, index: number): HTMLLIElement {
    const id = `${this.#list.id}-${index}`;
    const meta = h(
      'p',
      { class: 'search-result-meta', id: `${id}-meta` },
      h('span', { class: 'search-kind' }, row.kind ? KIND_LABELS[row.kind].one : 'Page'),
      row.phrase && h('span', {}, `on “${row.phrase}”`),
      row.section && h('span', {}, row.section),
      row.speaker && h('span', {}, row.speaker),
    );
    const excerpt = h('p', { class: 'search-excerpt', id: `${id}-excerpt` });
    for (const segment of row.excerpt) excerpt.append(segment.hit ? h('mark', {}, segment.text) : segment.text);
    const link = h('a', { class: 'search-result-link', href: row.url, 'aria-describedby': `${id}-meta ${id}-excerpt` }, row.title);
    link.addEventListener('click', this.#onResultClick);
    const more =
      row.more.length > 0 &&
      h('ul', { class: 'search-result-more', 'aria-label': row.moreLabel }, ...row.more.map((item) => {
        const a = h('a', { href: item.url }, item.title);
        a.addEventListener('click', this.#onResultClick);
        return h('li', {}, a);
      }));
    return h('li', { class: `search-result search-result--${row.kind ?? 'page'}` }, link, meta, excerpt, more);
  }

  /** A result on this very page only moves the fragment: close the dialog and mark the words. */
  #onResultClick = (event: MouseEvent) => {
    if (this.#mode !== 'dialog' || event.defaultPrevented) return;
    const url = new URL((event.currentTarget as HTMLAnchorElement).href);
    this.root.closest('dialog')?.close();
    if (url.pathname === location.pathname && url.search === location.search) {
      addEventListener('hashchange', () => void import('./search-highlight.ts').then((m) => m.highlightFromUrl()), { once: true });
    }
  };

  #renderFacets(counts: Record<string, Record<string, number>>) {
    const titles = readingTitlesInOrder();
    const readingRank = (title: string) => (titles.includes(title) ? titles.indexOf(title) : titles.length);
    const focused = document.activeElement instanceof HTMLInputElement && this.#facets.contains(document.activeElement) ? document.activeElement : undefined;
    const groups = SEARCH.filters.map((name) => {
      const checked = new Set(this.#state.filters[name] ?? []);
      const values = Object.entries(counts[name] ?? {}).filter(([value, count]) => count > 0 || checked.has(value));
      for (const value of checked) if (!values.some(([v]) => v === value)) values.push([value, 0]);
      // A facet with one value cannot narrow anything (a single reading, say), unless it is in use.
      if (values.length < 2 && checked.size === 0) return undefined;
      const order = name === 'kind' ? (v: string) => (SEARCH.kinds as readonly string[]).indexOf(v) : name === 'reading' ? readingRank : () => 0;
      values.sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
      return h(
        'fieldset',
        { class: `search-facet search-facet--${name}` },
        h('legend', {}, FILTER_LABELS[name]),
        ...values.map(([value, count]) =>
          h(
            'label',
            { class: 'search-option' },
            h('input', { type: 'checkbox', name, value, checked: checked.has(value) }),
            h('span', {}, filterValueLabel(name, value)),
            h('span', { class: 'search-count' }, `(${count})`),
          ),
        ),
      );
    });
    const [kind, ...rest] = groups;
    const others = rest.filter((g): g is HTMLFieldSetElement => Boolean(g));
    const summary = this.#moreFilters.querySelector('summary')!;
    // Named after the filters it holds this time ("Section, speaker and layer").
    summary.textContent = moreFiltersLabel(SEARCH.filters.filter((name, i) => name !== 'kind' && groups[i]));
    this.#moreFilters.replaceChildren(summary, ...others);
    if (others.some((g) => g.querySelector('input:checked'))) this.#moreFilters.open = true;
    this.#facets.replaceChildren(...(kind ? [kind] : []), ...(others.length ? [this.#moreFilters] : []));
    if (focused) {
      const same = this.#facets.querySelector<HTMLInputElement>(`input[name="${CSS.escape(focused.name)}"][value="${CSS.escape(focused.value)}"]`);
      same?.focus();
    }
  }

  #fail(error: unknown) {
    this.#clear();
    const dev = error instanceof EngineMissing;
    this.#say(
      dev
        ? 'Search is not available in development: its index is made by the production build.'
        : 'Search could not be loaded.',
    );
    const help = dev
      ? [h('p', {}, 'Run ', h('code', {}, 'npm start'), ' (or ', h('code', {}, 'npm run build'), ' then ', h('code', {}, 'npm run serve'), ') and search the built site.')]
      : [
          h('p', {}, 'Check your connection and reload the page to try again. Meanwhile, browse the ', h('a', { href: withBase('/glossary/') }, 'glossary'), ' or a reading’s table of contents from the ', h('a', { href: withBase('/') }, 'list of readings'), '.'),
        ];
    this.#problem.replaceChildren(...help);
    this.#problem.hidden = false;
  }
}

let dialog: HTMLDialogElement | undefined;
let dialogPanel: SearchPanel | undefined;
let opener: HTMLElement | undefined;

/**
 * Opens the search dialog (or, on /search/ itself, focuses that page's field). Focus goes back to
 * `trigger` when the dialog closes.
 */
export function openSearch(trigger?: HTMLElement) {
  const pageField = document.querySelector<HTMLInputElement>('[data-search-page] input[type="search"]');
  if (pageField) {
    pageField.focus();
    pageField.select();
    return;
  }
  if (!dialog || !dialogPanel) {
    dialogPanel = new SearchPanel('dialog', { query: '', filters: {} });
    dialog = h('dialog', { class: 'search-dialog', 'aria-label': 'Search' }, dialogPanel.root);
    dialog.addEventListener('close', () => opener?.focus());
    // A click on the backdrop lands on the <dialog> itself, outside its content box.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialogPanel.root.querySelector('[data-close]')?.addEventListener('click', () => dialog?.close());
    document.body.append(dialog);
  }
  if (!dialog.open) {
    opener = trigger ?? (document.activeElement instanceof HTMLElement ? document.activeElement : undefined);
    dialog.showModal();
  }
  dialogPanel.input.focus();
  dialogPanel.input.select();
}

/** The /search/ page: replaces the "needs JavaScript" note with the panel and restores `?q=`. */
export function mountSearchPage(container: HTMLElement) {
  const panel = new SearchPanel('page', readSearchState(location.search));
  container.replaceChildren(panel.root);
  if (panel.state.query) void panel.run();
  addEventListener('popstate', () => void panel.setState(readSearchState(location.search)));
}

/** The readings' titles in the site's order (see DATA.readingOrder); none when there is one reading. */
function readingTitlesInOrder(): string[] {
  const json = document.querySelector(`[${DATA.readingOrder}]`)?.getAttribute(DATA.readingOrder);
  try {
    const titles: unknown = json ? JSON.parse(json) : [];
    return Array.isArray(titles) ? titles.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}
