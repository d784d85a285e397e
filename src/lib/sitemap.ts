/**
 * sitemap.xml (https://www.sitemaps.org/protocol.html) from the pages a build wrote: every page a
 * search engine should know, as absolute URLs under the site's base.
 */
import { joinBase } from './urls.ts';

const xmlEscape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The absolute URL of a site path (`/read/x/`) for a site (`https://example.org`) and base (`/courses/c/`). */
export const absoluteUrl = (site: string, base: string, sitePath: string) => new URL(joinBase(base, sitePath), site).href;

/**
 * The readings in the order the home page lists them (their `order`, then title): the ids of its
 * links to `/read/<id>/`, first appearance first, whatever the base before them.
 */
export const readingOrderOf = (homeHtml: string) => [...new Set([...homeHtml.matchAll(/\/read\/([^/"#?]+)\/"/g)].map((m) => m[1]!))];

/**
 * Which built pages belong in the sitemap, and in what order: not error pages, not pages that ask
 * not to be indexed; the home page first, then each reading's pages in the readings' order (the
 * home page's), then the rest by path.
 */
export function sitemapPages(pages: readonly { sitePath: string; html: string }[]): string[] {
  const order = readingOrderOf(pages.find((page) => page.sitePath === '/')?.html ?? '');
  const rank = (sitePath: string) => {
    if (sitePath === '/') return -1;
    const reading = /^\/read\/([^/]+)\//.exec(sitePath)?.[1];
    const index = reading === undefined ? -1 : order.indexOf(reading);
    return index < 0 ? order.length : index;
  };
  return pages
    .filter(({ sitePath, html }) => !/^\/(404|500)(\.html|\/)$/.test(sitePath) && !/<meta\s+name="robots"\s+content="[^"]*noindex/i.test(html))
    .map((page) => page.sitePath)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function sitemapXml(urls: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    urls.map((url) => `  <url><loc>${xmlEscape(url)}</loc></url>\n`).join('') +
    '</urlset>\n'
  );
}
