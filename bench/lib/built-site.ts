/**
 * The built site as files: which pages exist (discovered from dist/, never a fixed list), which
 * file a URL is served from (the same rules as the static server, base-aware) and what kind of
 * page each one is, so checks and budgets cover every page type that appears as the site grows.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { resolveRequestPath } from '../../src/cli/static-server.ts';
import { attribute, elementsOf, parseHtml, tokens } from './html.ts';
import { SPLIT_READING_ATTRIBUTE } from '../../src/lib/reading-layout.ts';

/** Folders of generated assets, not pages. */
const ASSET_FOLDERS = new Set(['_astro', 'pagefind']);

/** Site path of an HTML file relative to the output folder: `read/x/index.html` → `/read/x/`. */
export function sitePathOfFile(relativeFile: string): string {
  const posix = relativeFile.split(path.sep).join('/');
  if (posix === 'index.html') return '/';
  if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
  return `/${posix}`;
}

/** The HTML file of a site path from listPages: `/read/x/` → `<dist>/read/x/index.html`. */
export const fileOfSitePath = (dist: string, sitePath: string) =>
  path.join(dist, ...sitePath.split('/').filter(Boolean), sitePath.endsWith('/') ? 'index.html' : '');

/** Every HTML page in the output folder, as site paths (`/`, `/read/x/`, `/404.html`), sorted. */
export function listPages(dist: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) {
        if (folder !== dist || !ASSET_FOLDERS.has(name)) walk(full);
      } else if (name.endsWith('.html')) pages.push(sitePathOfFile(path.relative(dist, full)));
    }
  };
  walk(dist);
  return pages.sort();
}

/** Joins the site's base and a site path: (`/course/`, `/read/x/`) → `/course/read/x/`. */
export const withBasePath = (base: string, sitePath: string) => `${base.replace(/\/$/, '')}${sitePath}`;

export type FileLookup =
  | { kind: 'file'; file: string }
  | { kind: 'missing' }
  | { kind: 'outside-base' }
  | { kind: 'needs-slash'; file: string };

/**
 * The file the static server answers a URL path (base included) with. A folder requested
 * without its trailing slash is answered with a redirect, which a link should not rely on.
 */
export function lookupFile(dist: string, base: string, urlPath: string): FileLookup {
  const resolved = resolveRequestPath(path.resolve(dist), base, urlPath);
  if (!resolved) return { kind: 'outside-base' };
  if (!existsSync(resolved)) return { kind: 'missing' };
  if (statSync(resolved).isDirectory()) {
    const index = path.join(resolved, 'index.html');
    if (!existsSync(index)) return { kind: 'missing' };
    return urlPath.endsWith('/') ? { kind: 'file', file: index } : { kind: 'needs-slash', file: index };
  }
  return { kind: 'file', file: resolved };
}

/** Readable names for the page types this site has; any other type is named by its pattern. */
const PAGE_TYPE_NAMES: Record<string, string> = {
  '/': 'home',
  '/read/*/': 'reader',
  '/glossary/': 'glossary',
  '/glossary/*/': 'glossary entry',
  '/sources/': 'sources',
  '/search/': 'search',
  '/guide/': 'guide',
  '/404.html': 'not found',
};

/**
 * The kind of page a site path is: the path with its entry segment (the second) replaced by `*`,
 * so `/read/partner-state/` and `/read/another/` are both `reader`, and a new section such as
 * `/read/x/print/` becomes its own type `/read/*\/print/` without anyone listing it.
 */
export function pageType(sitePath: string): string {
  const segments = sitePath.split('/');
  // '/read/x/' splits to ['', 'read', 'x', '']: the entry segment is index 2 when more follow.
  if (segments.length > 3 && segments[2]) segments[2] = '*';
  const pattern = segments.join('/');
  return PAGE_TYPE_NAMES[pattern] ?? pattern;
}

/**
 * `pageType`, knowing the page's HTML: a long reading served a page per section (its pages carry
 * SPLIT_READING_ATTRIBUTE) has each section page a reader, whatever its section is called, and its
 * contents page, without text, a type of its own.
 */
export function pageTypeOf(sitePath: string, html: string): string {
  if (!sitePath.startsWith('/read/') || !html.includes(`${SPLIT_READING_ATTRIBUTE}=`)) return pageType(sitePath);
  return /class="passage[ "]/.test(html) ? 'reader' : 'reading contents';
}

/** One page per type (the first in sorted order), for checks too slow to run on every page. */
export function onePagePerType(sitePaths: string[]): string[] {
  const seen = new Map<string, string>();
  for (const sitePath of sitePaths) if (!seen.has(pageType(sitePath))) seen.set(pageType(sitePath), sitePath);
  return [...seen.values()];
}

export interface SiteAddress {
  /** The origin the site is deployed at (from the home page's canonical link). */
  origin: string;
  /** The sub-path it is served under, with slashes on both ends. */
  base: string;
}

/**
 * Where the built site says it lives: the home page's canonical URL is the deployed origin plus
 * the base, so the checks need no copy of the build's settings.
 */
export function siteAddress(dist: string): SiteAddress {
  const home = path.join(dist, 'index.html');
  const doc = parseHtml(readFileSync(home, 'utf8'));
  const canonical = [...elementsOf(doc)].find((e) => e.tagName === 'link' && tokens(attribute(e, 'rel')).includes('canonical'));
  const href = canonical && attribute(canonical, 'href');
  if (!href) throw new Error(`${home} has no <link rel="canonical">: the checks read the site's origin and base from it.`);
  const url = new URL(href);
  return { origin: url.origin, base: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/` };
}

/** The built site the checks read: READER_OUT_DIR (as the build and the browser harness use it), or dist/. */
export const builtSiteDir = () => path.resolve(process.env.READER_OUT_DIR ?? 'dist');
