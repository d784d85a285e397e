/** The URL policy where addresses are data: reading.yaml's origin and licence, a source's URL and DOI, and the links citeproc makes of them. */
import { describe, expect, test } from 'vitest';
import { formatBibliography, toCslJson } from '../../src/lib/citations.ts';
import { ReadingMetaSchema } from '../../src/schemas/reading.ts';
import { CslItemSchema, type CslItem } from '../../src/schemas/source.ts';

const READING = {
  title: 'T',
  description: 'D',
  attribution: 'A',
  origin: { url: 'https://example.org/text', title: 'T', site: 'S' },
  licence: { name: 'CC0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  language: 'en',
  sha256: '0'.repeat(64),
  sections: [{ id: 'main', title: 'Main' }],
  passages: [{ id: 'p', lines: 1, role: 'paragraph', section: 'main' }],
};

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('reading.yaml: origin.url and licence.url', () => {
  test('https addresses pass', () => expect(messages(ReadingMetaSchema.safeParse(READING))).toEqual([]));

  test.each([
    ['origin', 'javascript:alert(1)', 'origin.url: origin.url "javascript:alert(1)" is not allowed: javascript: URLs run code in the reader\u2019s browser; write the full https:// address of the page'],
    ['origin', ' JaVaScRiPt:alert(1)', 'origin.url: origin.url " JaVaScRiPt:alert(1)" is not allowed: javascript: URLs run code in the reader\u2019s browser; write the full https:// address of the page'],
    ['licence', 'data:text/html,x', 'licence.url: licence.url "data:text/html,x" is not allowed: data: URLs carry content the check cannot read; write the full https:// address of the page'],
    ['licence', '/licence/', 'licence.url: licence.url "/licence/" is not allowed: it is not a full address (it needs https://); write the full https:// address of the page'],
    ['origin', 'not a url', 'origin.url: origin.url "not a url" is not allowed: it is not a full address (it needs https://); write the full https:// address of the page'],
  ])('%s.url %j: one message, naming the field', (field, url, message) => {
    const reading = { ...READING, [field]: { ...READING[field as 'origin' | 'licence'], url } };
    expect(messages(ReadingMetaSchema.safeParse(reading))).toEqual([message]);
  });
});

describe('sources.yaml: URL and DOI', () => {
  const item = { id: 'k-2014', type: 'book', title: 'T' };

  test.each([
    [{ URL: 'https://example.org/book' }],
    [{ DOI: '10.1057/9781137406897' }],
  ])('%j passes', (extra) => expect(messages(CslItemSchema.safeParse({ ...item, ...extra }))).toEqual([]));

  test.each([
    [{ URL: 'javascript:alert(1)' }, 'URL: URL "javascript:alert(1)" is not allowed: javascript: URLs run code in the reader\u2019s browser; write the full https:// address of the page'],
    [{ URL: 'https://example.org/"onmouseover="x' }, 'URL: URL "https://example.org/\\"onmouseover=\\"x" is not allowed: it contains a space, a quote, a backslash or an angle bracket; write a space as %20 and a quote as %22, or copy the address from the browser\u2019s address bar'],
    [{ DOI: 'https://doi.org/10.1057/x' }, 'DOI: DOI "https://doi.org/10.1057/x" is not allowed: a DOI is written without a resolver or a "doi:" prefix; write "10.1057/x" (the styles add https://doi.org/)'],
    [{ DOI: 'javascript:alert(1)' }, 'DOI: DOI "javascript:alert(1)" is not allowed: this is not a DOI (a DOI is 10., a registrant number, a slash and a suffix); write the bare DOI, e.g. 10.1057/9781137406897, or put a web address in URL'],
  ])('%j is refused', (extra, message) => expect(messages(CslItemSchema.safeParse({ ...item, ...extra }))).toEqual([message]));
});

describe('citations: citeproc never links a URL or DOI the policy refuses', () => {
  const book = (extra: Partial<CslItem> | Record<string, string>) =>
    ({ id: 'k-2014', type: 'webpage', title: 'T', issued: { 'date-parts': [[2014]] }, ...extra }) as CslItem;

  test.each([
    [{ URL: 'javascript:alert(1)' }],
    [{ URL: 'https://example.org/"onmouseover="alert(1)' }],
    [{ DOI: 'javascript:alert(1)' }],
    [{ DOI: '10.1234/"><img src=x onerror=alert(1)>' }],
    [{ DOI: 'https://evil.example/10.1/x' }],
  ])('%j is left out', (extra) => {
    const json = toCslJson(book(extra));
    expect(json.URL).toBeUndefined();
    expect(json.DOI).toBeUndefined();
    expect(formatBibliography([book(extra)])[0]!.html).not.toMatch(/<a |onerror|onmouseover|javascript/);
  });

  test('a good DOI and URL are linked', () => {
    expect(formatBibliography([book({ DOI: '10.1057/9781137406897' })])[0]!.html).toContain('<a href="https://doi.org/10.1057/9781137406897">');
    expect(formatBibliography([book({ URL: 'https://example.org/page' })])[0]!.html).toContain('<a href="https://example.org/page">');
  });
});
