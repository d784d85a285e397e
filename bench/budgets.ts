/**
 * The site's byte budgets: the one place they are set. `npm test` fails when any built page
 * exceeds one (tests/site/budgets.test.ts); `npm run budgets` prints the current figures; and
 * `npm run bench` checks them on a generated 10,000-passage book as well, so they hold at any size.
 * Sizes are gzip bytes of what a page loads before the reader interacts (1 KB = 1,000 bytes),
 * except `htmlBytes`.
 */
export interface Budgets {
  /** JavaScript loaded before any interaction, static imports included, per page. */
  jsBeforeInteraction: number;
  /** Stylesheets (and what they import), per page. */
  css: number;
  /** Everything the page loads up front: HTML, CSS, JS, icons, images, fonts. */
  totalOnLoad: number;
  /**
   * Requests before any interaction: the page and each file it names or imports statically (see
   * `requestCount`). Inlined CSS and `data:` URLs cost none.
   */
  requestsBeforeInteraction: number;
  /** Pagefind files loaded before the first search interaction: none. */
  pagefindFilesBeforeSearch: number;
  /**
   * HTML gzip over the gzip of the page's own visible text, by page type: markup overhead on
   * the pages that carry the text.
   */
  htmlToTextRatio: Record<string, number>;
  /**
   * The page's HTML as stored, uncompressed: what a phone must parse and lay out, whatever the
   * wire saves. Long readings are split into section pages, and long lists paged, to stay under it.
   */
  htmlBytes: number;
}

export const BUDGETS: Budgets = {
  jsBeforeInteraction: 15_000,
  css: 15_000,
  totalOnLoad: 100_000,
  requestsBeforeInteraction: 4,
  pagefindFilesBeforeSearch: 0,
  htmlToTextRatio: { reader: 1.5 },
  htmlBytes: 300_000,
};

/**
 * Pages allowed past a budget, each with the figure it may reach and why. Every exception is
 * shown in the README's budget table; a page not listed here gets BUDGETS.
 */
export const EXCEPTIONS: Record<string, { budget: Partial<Budgets>; reason: string }> = {};

/** The budgets that apply to one page. */
export function budgetsFor(sitePath: string, exceptions: typeof EXCEPTIONS = EXCEPTIONS): Budgets {
  const exception = exceptions[sitePath]?.budget;
  return exception ? { ...BUDGETS, ...exception, htmlToTextRatio: { ...BUDGETS.htmlToTextRatio, ...exception.htmlToTextRatio } } : BUDGETS;
}
