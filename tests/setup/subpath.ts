/**
 * Course hosting: the same site built for a sub-path, and the browser suites whose subject depends
 * on the site's address run against it: every link and asset, requests and the CSP, search and its
 * result links, the course's calendar and cartridge, the offline worker's scope, share and citation
 * addresses (a personal note's export among them), permalinks and the 404 page, and a long
 * reading's section pages (their suite builds its own book, at the run's base). The others (focus,
 * keyboard, settings, screenshots, notes and terms on the page, personal highlights and notes, and
 * the suites that build their own sites at `/`) test nothing the base changes. Nor does every-page: axe, widths and layout shifts are the same under any base, and
 * csp-and-requests loads one page of each type under the sub-path, each served (200) with no failed
 * or foreign request, error or violation.
 *
 * One list for the Vitest project that runs them (vitest.config.ts) and for `npm test`, which
 * builds the sub-path site before Vitest starts (tests/run-all.ts).
 */
export const SUBPATH_BASE = '/courses/pol-101/reader/';

export const SUBPATH_SUITES = [
  'csp-and-requests',
  'search',
  'course',
  'offline',
  'not-found',
  'reader',
  'reader-tools-cite',
  'reader-tools-sharing',
  'section-pages',
].map((name) => `tests/browser/${name}.test.ts`);

/** Where the sub-path build goes and its Astro cache: beside the root build's, never over it. */
export const subpathBuildEnv = (env: NodeJS.ProcessEnv = process.env) => ({
  READER_BASE: SUBPATH_BASE,
  READER_OUT_DIR: `${env.READER_OUT_DIR ?? 'dist'}-subpath`,
  READER_CACHE_DIR: `${env.READER_CACHE_DIR ?? 'node_modules/.astro'}-subpath`,
});
