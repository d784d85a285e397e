/**
 * schema.org JSON-LD for a reading page: what search engines and link previews read about it
 * (title, authors, original date, language, licence, where the text comes from, the EPUB). What the
 * reading.yaml does not state is left out rather than guessed: no `license` for a text whose
 * source states none, no web page it is based on for an imported file without an address. Emitted as a data block
 * (<script type="application/ld+json">), which browsers never execute, so the page's CSP is untouched.
 */
import type { ReadingMeta } from '../schemas/reading.ts';
import { authorName } from './reading-facts.ts';

export interface ReadingFacts {
  title: string;
  subtitle?: string | undefined;
  description: string;
  attribution: string;
  /** CSL names: a person (family, given…) or a literal name. */
  authors?: ReadingMeta['authors'];
  /** The original date: "1848", "1848-02-21", "-0700". */
  date?: string | undefined;
  language: string;
  origin?: { url: string; title: string; site: string } | undefined;
  licence?: { name: string; url: string } | undefined;
  /** An imported file without an address: its name and sha256. */
  provenance?: { file: string; sha256: string } | undefined;
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
    ...(reading.authors?.length ? { author: reading.authors.map(personOf) } : {}),
    // ISO 8601 years BCE are astronomical (year 0 is 1 BCE): "-0700" would read as 701 BCE.
    ...(reading.date && !reading.date.startsWith('-') ? { dateCreated: reading.date } : {}),
    creditText: reading.attribution,
    ...(reading.licence ? { license: reading.licence.url } : {}),
    wordCount: reading.wordCount,
    timeRequired: `PT${reading.minutes}M`,
    isAccessibleForFree: true,
    isPartOf: { '@type': 'WebSite', name: siteName, url: urls.site },
    ...(reading.origin
      ? {
          isBasedOn: {
            '@type': 'WebPage',
            name: reading.origin.title,
            url: reading.origin.url,
            publisher: { '@type': 'Organization', name: reading.origin.site },
          },
        }
      : reading.provenance
        ? { isBasedOn: { '@type': 'MediaObject', name: reading.provenance.file, sha256: reading.provenance.sha256 } }
        : {}),
    encoding: { '@type': 'MediaObject', encodingFormat: 'application/epub+zip', contentUrl: urls.epub },
  };
}

/**
 * A CSL name as schema.org: a person with family and given names; a literal name ("Homer", "P2P
 * Foundation") may be a person or a body, so it is given as a name without a type.
 */
function personOf(name: NonNullable<ReadingFacts['authors']>[number]): Record<string, string> {
  if ('literal' in name) return { name: name.literal };
  return { '@type': 'Person', name: authorName(name), familyName: name.family, ...(name.given ? { givenName: name.given } : {}) };
}

/** JSON that is safe inside a <script> element: no `</script>` or `<!--` can end or alter it. */
export const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
