/**
 * sitemap.xml (https://www.sitemaps.org/protocol.html) from the pages a build wrote: every page a
 * search engine should know, as absolute URLs under the site's base.
 */
import { joinBase } from './urls.ts';

const xmlEscape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The absolute URL of a site path (`/read/x/`) for a site (`https://example.org`) and base (`/courses/c/`). */
export const absoluteUrl = (site: string, base: string, sitePath: string) => new URL(joinBase(base, sitePath), site).href;

/** Which built pages belong in the sitemap: not error pages, not pages that ask not to be indexed. */
export function sitemapPages(pages: readonly { sitePath: string; html: string }[]): string[] {
  return pages
    .filter(({ sitePath, html }) => !/^\/(404|500)(\.html|\/)$/.test(sitePath) && !/<meta\s+name="robots"\s+content="[^"]*noindex/i.test(html))
    .map((page) => page.sitePath)
    .sort();
}

export function sitemapXml(urls: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    urls.map((url) => `  <url><loc>${xmlEscape(url)}</loc></url>\n`).join('') +
    '</urlset>\n'
  );
}
