/**
 * On arrival from a search result (`?highlight=word&highlight=word#p-…`): marks the searched words
 * in the element the link points at (the passage, note or source entry; the page's main content
 * when there is no fragment) and brings it into view. A few lines of our own instead of Pagefind's
 * 44 KB highlighter: no inline styles (the marks are styled in search.css, so the page's CSP holds)
 * and nothing marked outside the passage the reader came for.
 */
import { CLASS, UNSEARCHED_CLASSES } from '../lib/constants.ts';
import { findHits, highlightTerms } from '../lib/search.ts';

export const HIT_CLASS = 'search-hit';
const SKIP = ['script, style, template, mark, [data-pagefind-ignore], [hidden]', ...UNSEARCHED_CLASSES.map((name) => `.${name}`)].join(', ');

function markText(node: Text, hits: [number, number][]) {
  // Right to left, so earlier offsets stay valid while the node is split.
  for (const [start, end] of [...hits].reverse()) {
    const word = node.splitText(start);
    word.splitText(end - start);
    const mark = document.createElement('mark');
    mark.className = HIT_CLASS;
    word.replaceWith(mark);
    mark.append(word);
  }
}

export function highlightFromUrl(): HTMLElement[] {
  const terms = highlightTerms(location.search);
  if (terms.length === 0) return [];
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  const scope = target ?? document.querySelector<HTMLElement>('[data-pagefind-body]') ?? document.querySelector('main');
  if (!scope) return [];
  // A passage's own notes are records of their own: the passage result matched its text only.
  const skip = target?.classList.contains(CLASS.passage) ? `${SKIP}, .${CLASS.note}` : SKIP;
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const found: [Text, [number, number][]][] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const hits = findHits((node as Text).data, terms);
    if (hits.length) found.push([node as Text, hits]);
  }
  for (const [node, hits] of found) markText(node, hits);
  const marks = [...scope.querySelectorAll<HTMLElement>(`mark.${HIT_CLASS}`)];
  // The browser scrolled to the fragment before the marks existed (and before late layout
  // shifts); bring the passage, or else the first mark, into view once more. Instantly: the page
  // just loaded, and a smooth scroll (the site's default) would glide through the whole reading.
  (target ?? marks[0])?.scrollIntoView({ block: target ? 'start' : 'center', behavior: 'instant' });
  return marks;
}
