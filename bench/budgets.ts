/**
 * The site's byte budgets: the one place they are set. `npm test` fails when any built page
 * exceeds one (tests/site/budgets.test.ts); `npm run budgets` prints the current figures.
 * Sizes are gzip bytes of what a page loads before the reader interacts (1 KB = 1,000 bytes).
 */
export const BUDGETS = {
  /** JavaScript loaded before any interaction, static imports included, per page. */
  jsBeforeInteraction: 15_000,
  /** Stylesheets (and what they import), per page. */
  css: 15_000,
  /** Everything the page loads up front: HTML, CSS, JS, icons, images, fonts. */
  totalOnLoad: 100_000,
  /** Pagefind files loaded before the first search interaction: none. */
  pagefindFilesBeforeSearch: 0,
  /**
   * HTML gzip over the gzip of the page's own visible text, by page type: markup overhead on
   * the pages that carry the text.
   */
  htmlToTextRatio: { reader: 1.5 } as Record<string, number>,
} as const;
