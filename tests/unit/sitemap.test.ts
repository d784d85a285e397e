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

  test('sitemapXml escapes URLs', () => {
    expect(sitemapXml(['https://x.org/?a=1&b=2'])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n  <url><loc>https://x.org/?a=1&amp;b=2</loc></url>\n</urlset>\n',
    );
  });
});
