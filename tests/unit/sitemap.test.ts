import { describe, expect, test } from 'vitest';
import { absoluteUrl, sitemapPages, sitemapXml } from '../../src/lib/sitemap.ts';

describe('sitemap', () => {
  test.each([
    ['https://example.org', '/', '/read/partner-state/', 'https://example.org/read/partner-state/'],
    ['https://example.org', '/courses/pol-101/reader/', '/read/partner-state/', 'https://example.org/courses/pol-101/reader/read/partner-state/'],
    ['https://example.org/', '/courses/pol-101/reader', '/', 'https://example.org/courses/pol-101/reader/'],
  ])('absoluteUrl(%s, %s, %s)', (site, base, sitePath, expected) => {
    expect(absoluteUrl(site, base, sitePath)).toBe(expected);
  });

  test('error pages and pages that ask not to be indexed are left out', () => {
    const pages = [
      { sitePath: '/read/a/', html: '<html><head></head></html>' },
      { sitePath: '/404.html', html: '' },
      { sitePath: '/search/', html: '<meta name="robots" content="noindex, follow">' },
      { sitePath: '/', html: '' },
    ];
    expect(sitemapPages(pages)).toEqual(['/', '/read/a/']);
  });

  test('the home page first, then each reading\u2019s pages in the order the home page lists the readings, then the rest by path', () => {
    const home = '<ul class="covers"><li><a href="/base/read/zeta/">Zeta</a><a href="/base/read/zeta/intro/">Intro</a></li><li><a href="/base/read/alpha/">Alpha</a></li></ul>';
    const pages = ['/sources/', '/read/alpha/', '/glossary/', '/read/zeta/intro/', '/read/zeta/', '/', '/read/other/'].map((sitePath) => ({ sitePath, html: sitePath === '/' ? home : '' }));
    expect(sitemapPages(pages)).toEqual(['/', '/read/zeta/', '/read/zeta/intro/', '/read/alpha/', '/glossary/', '/read/other/', '/sources/']);
  });

  test('sitemapXml escapes URLs', () => {
    expect(sitemapXml(['https://x.org/?a=1&b=2'])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n  <url><loc>https://x.org/?a=1&amp;b=2</loc></url>\n</urlset>\n',
    );
  });
});
