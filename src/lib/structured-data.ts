/**
 * schema.org JSON-LD for a reading page: what search engines and link previews read about it
 * (title, language, licence, where the text comes from, the EPUB). Emitted as a data block
 * (<script type="application/ld+json">), which browsers never execute, so the page's CSP is untouched.
 */
export interface ReadingFacts {
  title: string;
  subtitle?: string | undefined;
  description: string;
  attribution: string;
  language: string;
  origin: { url: string; title: string; site: string };
  licence: { name: string; url: string };
  wordCount: number;
  minutes: number;
}

export interface ReadingUrls {
  /** Absolute URL of the reading page. */
  page: string;
  /** Absolute URL of the site's home page. */
  site: string;
  epub: string;
}

export function readingJsonLd(reading: ReadingFacts, urls: ReadingUrls, siteName: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': urls.page,
    url: urls.page,
    headline: reading.title,
    name: reading.title,
    ...(reading.subtitle ? { alternativeHeadline: reading.subtitle } : {}),
    description: reading.description,
    inLanguage: reading.language,
    creditText: reading.attribution,
    license: reading.licence.url,
    wordCount: reading.wordCount,
    timeRequired: `PT${reading.minutes}M`,
    isAccessibleForFree: true,
    isPartOf: { '@type': 'WebSite', name: siteName, url: urls.site },
    isBasedOn: {
      '@type': 'WebPage',
      name: reading.origin.title,
      url: reading.origin.url,
      publisher: { '@type': 'Organization', name: reading.origin.site },
    },
    encoding: { '@type': 'MediaObject', encodingFormat: 'application/epub+zip', contentUrl: urls.epub },
  };
}

/** JSON that is safe inside a <script> element: no `</script>` or `<!--` can end or alter it. */
export const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
