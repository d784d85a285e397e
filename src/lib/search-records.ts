/**
 * Search records from built HTML. A reader page is indexed as one record per passage and one per
 * editorial note, each with its own permalink (`#p-<id>`, `#note-<id>`) and its own filters, instead
 * of as one page: Pagefind's sub-results split a page only at headings or titled anchors and carry
 * the page's filters, so they could neither filter by speaker nor land on a paragraph.
 *
 * Reading the finished HTML (not the content collections) keeps search decoupled from how pages
 * are assembled: whatever the reader shows is what gets indexed. The markup contract:
 *  - a passage is an element of class `passage` with an id `p-<id>` (its permalink fragment), inside
 *    an element with `data-reading` whose first <h1> is the reading's title, inside an element with
 *    `data-section-title`; its speaker is its `data-speaker`, its number the text of its
 *    `passage-number` link;
 *  - a note is an element of class `note` with an id `note-<id>` and its kind's label in its
 *    `note-head` (none: a reading-wide discussion question), inside the passage it annotates (or outside any passage for reading-wide notes); its marker in
 *    the text (a `note-ref` link to `#note-<id>`) gives its number and its phrase (id `ref-<id>`)
 *    the words it is about;
 *  - a textual apparatus entry is a note too, a row of the table (class `apparatus`) after the text:
 *    its kind is `apparatus`, and its passage is the one its mark (an `app-ref` link) sits in. It is
 *    a record of its own rather than part of its passage's, so the passage's record stays the
 *    verbatim text (what a result excerpts and marks) and a search for the corrected word
 *    ("Ronfeldt") lands on the entry that gives it;
 *  - text inside `data-pagefind-ignore` (popover copies) or of an UNSEARCHED_CLASSES class
 *    (passage numbers, note markers, note heads) is not indexed, here just as in Pagefind's own
 *    HTML indexing; notes are left out of their passage's text because they are records of their own.
 * Pages with `data-pagefind-body` (glossary entries, sources) are indexed by Pagefind as pages; a
 * passage or note inside one would be counted twice, which `extractSearchRecords` refuses.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { CLASS, DATA, NOTE_ANCHOR_PREFIX, PASSAGE_ANCHOR_PREFIX, SEARCH, UNSEARCHED_CLASSES, noteIdOf, noteIdOfRef, numberIn, passageIdOf, type SearchFilter } from './constants.ts';
import { APPARATUS_KIND, noteKindOfLabel } from './note-kinds.ts';
import { escapeAttribute, escapeHtml } from './mdx-html.ts';
import { writePartTitle } from './search.ts';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

export interface SearchRecord {
  /** Site path with fragment, as if the site sat at `/` (the search page adds the base). */
  url: string;
  /** Plain text that is searched and excerpted. */
  content: string;
  /**
   * Pagefind searches every meta value, so meta holds only what a search should match besides the
   * text: the number (`¶13`), and for a note the phrase it is about. Words every record shares
   * (the reading's title, "Note") would make every record match them.
   */
  meta: { number?: string; passage?: string; phrase?: string };
  /** Not searched, returned with each result: what the result shows, and what facets filter on. */
  filters: Partial<Record<SearchFilter | 'noteKind', string[]>>;
  /**
   * The language most of its words are in (`lang` of the elements holding them, lower case), so
   * the index step can give it that language's stemmer; undefined when no element says.
   */
  language: string | undefined;
}

export interface PageRecords {
  /** `lang` of the page's <html>, when it has one. */
  language: string | undefined;
  /** Whether Pagefind should index the page itself (it has `data-pagefind-body`). */
  pageIndexed: boolean;
  records: SearchRecord[];
}

const PAGEFIND_IGNORE = 'data-pagefind-ignore';
const PAGEFIND_BODY = 'data-pagefind-body';
/** Elements whose edges separate words even when the HTML has no whitespace between them. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'td',
  'th', 'tr', 'ul',
]);
const NEVER_TEXT = new Set(['script', 'style', 'template', 'noscript']);

const isElement = (node: Node): node is Element => 'tagName' in node;
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const hasAttr = (el: Element, name: string) => el.attrs.some((a) => a.name === name);
// Stryker disable next-line StringLiteral,Regex: splitting at single spaces only adds empty names, and no class is called like Stryker's filler text.
const hasClass = (el: Element, name: string) => (attr(el, 'class') ?? '').split(/\s+/).includes(name);
const unsearched = (el: Element) => hasAttr(el, PAGEFIND_IGNORE) || UNSEARCHED_CLASSES.some((name) => hasClass(el, name));
const isPassage = (el: Element) => hasClass(el, CLASS.passage);
const isNote = (el: Element) => hasClass(el, CLASS.note);
const childrenOf = (node: Node) => ('childNodes' in node ? node.childNodes : []);

function findAll(root: Node, test: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of childrenOf(root)) {
    if (!isElement(child)) continue;
    if (test(child)) out.push(child);
    findAll(child, test, out);
  }
  return out;
}

function closest(el: Element, test: (el: Element) => boolean): Element | undefined {
  let node: Node | null = el;
  while (node && isElement(node)) {
    if (test(node)) return node;
    node = node.parentNode as Node | null;
  }
  return undefined;
}

/** Visible words of `root`, minus ignored subtrees and whatever `skip` names, whitespace collapsed. */
// Stryker disable next-line ArrowFunction: a skip that returns undefined skips nothing, as false does.
export function textOf(root: Node, skip: (el: Element) => boolean = () => false): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (child.nodeName === '#text') parts.push((child as DefaultTreeAdapterTypes.TextNode).value);
      else if (isElement(child)) {
        if (NEVER_TEXT.has(child.tagName) || unsearched(child) || skip(child)) continue;
        const block = BLOCK.has(child.tagName);
        if (block) parts.push(' ');
        walk(child);
        if (block) parts.push(' ');
      }
    }
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * The language most of `root`'s visible words are in (by characters, the same text `textOf`
 * reads): a passage of Arabic with an English title in it is Arabic, an English paragraph with
 * a Latin phrase English. Each word's language is the `lang` of its nearest element that has one.
 */
// Stryker disable next-line ArrowFunction: a skip that returns undefined skips nothing, as false does.
export function languageOf(root: Element, skip: (el: Element) => boolean = () => false): string | undefined {
  const counts = new Map<string, number>();
  const inherited = closest(root, (el) => hasAttr(el, 'lang'));
  const walk = (node: Node, language: string | undefined) => {
    for (const child of childrenOf(node)) {
      if (child.nodeName === '#text') {
        const letters = (child as DefaultTreeAdapterTypes.TextNode).value.replace(/[\s\p{P}\p{N}]+/gu, '').length;
        if (language && letters) counts.set(language, (counts.get(language) ?? 0) + letters);
      } else if (isElement(child)) {
        if (NEVER_TEXT.has(child.tagName) || unsearched(child) || skip(child)) continue;
        walk(child, attr(child, 'lang')?.trim().toLowerCase() || language);
      }
    }
  };
  walk(root, inherited && (attr(inherited, 'lang')?.trim().toLowerCase() || undefined));
  let best: string | undefined;
  for (const [language, count] of counts) if (best === undefined || count > counts.get(best)!) best = language;
  return best;
}

/** `/read/partner-state/` from `read/partner-state/index.html` (paths as the site serves them). */
export function sitePathOf(htmlFile: string): string {
  const clean = htmlFile.split('\\').join('/').replace(/^\/+/, '');
  if (clean === 'index.html') return '/';
  if (clean.endsWith('/index.html')) return `/${clean.slice(0, -'index.html'.length)}`;
  return `/${clean}`;
}

const compact = (filters: Partial<Record<SearchFilter | 'noteKind', (string | undefined)[]>>) =>
  Object.fromEntries(
    Object.entries(filters)
      .map(([key, values]) => [key, values!.filter((v): v is string => Boolean(v && v.trim()))])
      .filter(([, values]) => values!.length > 0),
  ) as SearchRecord['filters'];

const compactMeta = (meta: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== '')) as SearchRecord['meta'];

/**
 * The search records of one built page (empty for pages without passages or notes).
 * Throws when the markup breaks the contract: a passage or note without an id, or one that
 * Pagefind would also index as part of a `data-pagefind-body` page.
 */
export function extractSearchRecords(html: string, htmlFile: string): PageRecords {
  const document = parse(html);
  const page = sitePathOf(htmlFile);
  const htmlElement = findAll(document, (el) => el.tagName === 'html')[0];
  const language = htmlElement ? attr(htmlElement, 'lang') : undefined;
  const pageIndexed = findAll(document, (el) => hasAttr(el, PAGEFIND_BODY)).length > 0;
  const records: SearchRecord[] = [];

  // Looked up once per reading and per id: searching the whole page for each passage or note
  // made indexing quadratic (a 1,000-passage reading took minutes).
  const titles = new Map<Element, string | undefined>();
  const readingOf = (el: Element) => {
    const reading = closest(el, (e) => hasAttr(e, 'data-reading'));
    if (!reading) return undefined;
    if (!titles.has(reading)) {
      const heading = findAll(reading, (e) => e.tagName === 'h1')[0];
      titles.set(reading, heading ? textOf(heading) : undefined);
    }
    return titles.get(reading);
  };
  const sectionOf = (el: Element) => {
    const section = closest(el, (e) => hasAttr(e, DATA.sectionTitle));
    return section ? attr(section, DATA.sectionTitle) : undefined;
  };
  /** The record's URL; `id` is what the element's id names (undefined when it has none of the right form). */
  const anchorOf = (el: Element, what: string, id: string | undefined) => {
    const anchor = attr(el, 'id');
    if (!anchor || !id) {
      const start = textOf(el).slice(0, 40);
      throw new Error(`${htmlFile}: the ${what} "${start}" has no id of the form ${what === 'passage' ? PASSAGE_ANCHOR_PREFIX : NOTE_ANCHOR_PREFIX}<id>, so no search result can link to it.`);
    }
    const body = closest(el, (e) => hasAttr(e, PAGEFIND_BODY));
    if (body && !closest(el, (e) => hasAttr(e, PAGEFIND_IGNORE))) {
      throw new Error(
        `${htmlFile}: the ${what} "${id}" is inside data-pagefind-body, so its text would be indexed twice ` +
          `(as its own record and as part of the page); remove data-pagefind-body or mark the ${what} data-pagefind-ignore.`,
      );
    }
    return `${page}#${anchor}`;
  };

  const numberOf = (passage: Element) => {
    const link = findAll(passage, (el) => hasClass(el, CLASS.passageNumber))[0];
    return link ? numberIn(textOfRaw(link)) : undefined;
  };
  for (const passage of findAll(document, isPassage)) {
    const id = passageIdOf(attr(passage, 'id'));
    const url = anchorOf(passage, 'passage', id);
    const content = textOf(passage, isNote);
    if (!content) continue;
    const reading = readingOf(passage);
    const section = sectionOf(passage);
    const speaker = attr(passage, DATA.speaker);
    const number = numberOf(passage);
    records.push({
      url,
      content,
      meta: compactMeta({ number }),
      filters: compact({ kind: ['passage'], reading: [reading], section: [section], speaker: [speaker] }),
      language: languageOf(passage, isNote),
    });
  }

  // A note's marker and phrase, found once by the note they belong to (a phrase split around
  // another keeps its id on the first piece).
  const markers = new Map<string, Element>();
  const phrases = new Map<string, Element>();
  for (const el of findAll(document, (e) => hasClass(e, CLASS.noteRef) || hasClass(e, CLASS.apparatusRef) || hasClass(e, CLASS.phrase))) {
    const marker = hasClass(el, CLASS.noteRef) || hasClass(el, CLASS.apparatusRef);
    const id = marker ? noteIdOf(attr(el, 'href')) : noteIdOfRef(attr(el, 'id'));
    const found = marker ? markers : phrases;
    if (id && !found.has(id)) found.set(id, el);
  }
  // The kind a note's head shows; the questions after the text have no head, being all questions.
  const kindOf = (note: Element) => {
    if (closest(note, (el) => hasClass(el, CLASS.apparatus))) return APPARATUS_KIND;
    const head = findAll(note, (el) => hasClass(el, CLASS.noteHead))[0];
    const label = head?.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'span');
    return head ? noteKindOfLabel(label && textOfRaw(label)) : 'question';
  };
  for (const note of findAll(document, isNote)) {
    const id = noteIdOf(attr(note, 'id'));
    const url = anchorOf(note, 'note', id);
    const content = textOf(note);
    if (!content) continue;
    // A note's number is in its head ("Note 7, back to the text"; a marker may stand for several
    // notes); a note without a head (a reading-wide question) is numbered by its place in its list.
    const marker = markers.get(id!);
    // An apparatus row is after the text: its passage is where its mark is.
    const passage = closest(note, isPassage) ?? (marker && closest(marker, isPassage));
    const passageNumber = passage && numberOf(passage);
    const head = findAll(note, (el) => hasClass(el, CLASS.noteHead))[0];
    const number = head ? numberIn(textOfRaw(head)) : positionInList(note);
    const phraseElement = phrases.get(id!);
    const phrase = phraseElement ? textOf(phraseElement) : undefined;
    records.push({
      url,
      content,
      meta: compactMeta({ number, passage: passageNumber, phrase }),
      filters: compact({
        kind: ['annotation'],
        reading: [readingOf(note)],
        section: [passage ? sectionOf(passage) : undefined],
        speaker: [passage ? attr(passage, DATA.speaker) : undefined],
        noteKind: [kindOf(note)],
      }),
      language: languageOf(note),
    });
  }
  // A thread of an annotation layer, on the layer's page: a record landing on the passage it is
  // about on the reading page, filtered by its layer (src/lib/layers.ts, threadHtml).
  for (const thread of findAll(document, (el) => hasClass(el, 'layer-annotation') && hasAttr(el, 'data-layer-result'))) {
    const content = textOf(thread, (el) => hasClass(el, 'layer-where'));
    if (!content) continue;
    records.push({
      url: attr(thread, 'data-layer-result')!,
      content,
      meta: {},
      filters: compact({ kind: ['layer'], reading: [attr(thread, 'data-layer-reading')], layer: [attr(thread, 'data-layer-title')] }),
      language: languageOf(thread),
    });
  }
  return { language, pageIndexed, records };
}

/** 1-based position of a list item in its <ol>, as the list numbers it. */
function positionInList(item: Element): string | undefined {
  const list = item.parentNode as Node | null;
  if (!list || !isElement(list) || list.tagName !== 'ol' || item.tagName !== 'li') return undefined;
  return String(list.childNodes.filter((n) => isElement(n) && n.tagName === 'li').indexOf(item) + 1);
}

/** All text of an element, ignored parts included (a note marker is itself data-pagefind-ignore). */
function textOfRaw(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (child.nodeName === '#text') parts.push((child as DefaultTreeAdapterTypes.TextNode).value);
      else if (isElement(child)) walk(child);
    }
  };
  walk(el);
  return parts.join('');
}

/**
 * What Pagefind is given: the passages (or the notes) of one page that share every filter, as one
 * document whose parts are the records. A result then loads one fragment per section page, not
 * one per paragraph, and the index's metadata and filter files (which the first search downloads
 * whole) grow with the pages of a library instead of with its passages: at 50,000 passages that
 * is about 5,000 documents where there were 75,000 records.
 *
 * Each record is an element with its own id and a part title (`data-pagefind-title`), which
 * Pagefind's sub-results split at: a search still lands on the passage or note that matched, with
 * an excerpt of that part only. The part title carries what the result row shows besides the
 * text (its number, its passage's number, a note's phrase and kind; see `partTitle`), since it is
 * returned with the part but not searched. Grouping by every filter keeps each filter exact: a
 * speaker filter finds only that speaker's passages, never a page where they also speak.
 */
export interface SearchDocument {
  /** The page's path with the first part's fragment, so each document's address is its own. */
  url: string;
  language: string | undefined;
  /** A page for Pagefind's HTML indexer: the filters, then the parts in page order. */
  html: string;
  /** The records it holds, in page order. */
  records: SearchRecord[];
}

/**
 * The passages and notes of each page as documents, and the records that stay single: a layer's
 * thread lands on a reading page other than the page it is on, so it cannot be a part of that page.
 */
export function groupSearchRecords(records: readonly SearchRecord[]): { documents: SearchDocument[]; single: SearchRecord[] } {
  const groups = new Map<string, SearchRecord[]>();
  const single: SearchRecord[] = [];
  for (const record of records) {
    const kind = record.filters.kind?.[0];
    if (kind !== 'passage' && kind !== 'annotation') {
      single.push(record);
      continue;
    }
    const { noteKind: _shownNotFiltered, ...filters } = record.filters;
    const key = JSON.stringify([pagePathOf(record.url), record.language ?? '', ...SEARCH.filters.map((name) => filters[name] ?? [])]);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const documents = [...groups.values()].map((members) => {
    const { noteKind: _shownNotFiltered, ...filters } = members[0]!.filters;
    // Outside the body, so the values are filters and not searched words.
    const filterElements = Object.entries(filters)
      .flatMap(([name, values]) => values!.map((value) => `<span data-pagefind-filter="${escapeAttribute(name)}">${escapeHtml(value)}</span>`))
      .join('');
    const parts = members
      .map((record) => {
        const id = record.url.slice(record.url.indexOf('#') + 1);
        return `<p id="${escapeAttribute(id)}" data-pagefind-title="${escapeAttribute(partTitle(record))}">${escapeHtml(record.content)}</p>`;
      })
      .join('\n');
    return {
      url: members[0]!.url,
      language: members[0]!.language,
      html: `<!doctype html><html><head><meta charset="utf-8"><title></title></head><body>${filterElements}<main data-pagefind-body>\n${parts}\n</main></body></html>`,
      records: members,
    };
  });
  return { documents, single };
}

const pagePathOf = (url: string) => url.split('#')[0]!;

/** A record's part title: what its result row shows besides its text (see `readPartTitle`). */
export function partTitle(record: SearchRecord): string {
  return writePartTitle({ ...record.meta, noteKind: record.filters.noteKind?.[0] });
}
