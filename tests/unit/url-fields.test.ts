/** The URL policy where addresses are data: reading.yaml's origin and licence, a source's URL and DOI, and the links citeproc makes of them. */
import { describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { formatBibliography, toCslJson } from '../../src/lib/citations.ts';
import { formatProblem } from '../../src/lib/content-errors.ts';
import { zodProblems } from '../../src/lib/schema-problems.ts';
import { ReadingMetaSchema } from '../../src/schemas/reading.ts';
import { CslItemSchema, type CslItem } from '../../src/schemas/source.ts';

// The first citation builds the official CSL style's engine: a second or two, more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

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

/** Each issue as `path: message` and, for a refusal of the policy, its kind and fix (printed as its own fix line). */
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string; params?: unknown }[] } }) =>
  result.success
    ? []
    : result.error!.issues.map((i) => {
        const params = i.params as { kind?: string; fix?: string } | undefined;
        return `${i.path.join('.')}: ${i.message}${params ? ` [${params.kind}] fix: ${params.fix}` : ''}`;
      });

const EXTERNAL_FIX = '[unsafe-url] fix: write the full https:// address of the page.';

describe('reading.yaml: origin.url and licence.url', () => {
  test('https addresses pass', () => expect(messages(ReadingMetaSchema.safeParse(READING))).toEqual([]));

  test.each([
    ['origin', 'javascript:alert(1)', `origin.url: origin.url "javascript:alert(1)" is not allowed: javascript: URLs run code in the reader\u2019s browser ${EXTERNAL_FIX}`],
    ['origin', ' JaVaScRiPt:alert(1)', `origin.url: origin.url " JaVaScRiPt:alert(1)" is not allowed: javascript: URLs run code in the reader\u2019s browser ${EXTERNAL_FIX}`],
    ['licence', 'data:text/html,x', `licence.url: licence.url "data:text/html,x" is not allowed: data: URLs carry content the check cannot read ${EXTERNAL_FIX}`],
    ['licence', '/licence/', `licence.url: licence.url "/licence/" is not allowed: it is not a full address (it needs https://) ${EXTERNAL_FIX}`],
    ['origin', 'not a url', `origin.url: origin.url "not a url" is not allowed: it is not a full address (it needs https://) ${EXTERNAL_FIX}`],
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
    [{ URL: 'javascript:alert(1)' }, `URL: URL "javascript:alert(1)" is not allowed: javascript: URLs run code in the reader\u2019s browser ${EXTERNAL_FIX}`],
    [{ URL: 'https://example.org/"onmouseover="x' }, 'URL: URL "https://example.org/\\"onmouseover=\\"x" is not allowed: it contains a space, a quote, a backslash or an angle bracket [unsafe-url] fix: write a space as %20 and a quote as %22, or copy the address from the browser\u2019s address bar.'],
    [{ DOI: 'https://doi.org/10.1057/x' }, 'DOI: DOI "https://doi.org/10.1057/x" is not allowed: a DOI is written without a resolver or a "doi:" prefix [unsafe-url] fix: write "10.1057/x" (the styles add https://doi.org/).'],
    [{ DOI: 'javascript:alert(1)' }, 'DOI: DOI "javascript:alert(1)" is not allowed: this is not a DOI (a DOI is 10., a registrant number, a slash and a suffix) [unsafe-url] fix: write the bare DOI, e.g. 10.1057/9781137406897, or put a web address in URL.'],
  ])('%j is refused', (extra, message) => expect(messages(CslItemSchema.safeParse({ ...item, ...extra }))).toEqual([message]));
});

describe('as printed: the kind of the refusal and its own fix line', () => {
  const printed = (schema: z.ZodType, value: unknown, file: string) => {
    const result = schema.safeParse(value);
    return result.success ? [] : zodProblems(result.error, file, () => 6).map(formatProblem);
  };

  test('a javascript: origin.url', () => {
    const reading = { ...READING, origin: { ...READING.origin, url: 'javascript:alert(1)' } };
    expect(printed(ReadingMetaSchema, reading, 'reading.yaml')).toEqual([
      '  reading.yaml:6 (origin.url) [unsafe-url] origin.url "javascript:alert(1)" is not allowed: javascript: URLs run code in the reader\u2019s browser.\n    fix: write the full https:// address of the page.',
    ]);
  });

  test('a DOI with a resolver prefix', () => {
    expect(printed(CslItemSchema, { id: 'k-2014', type: 'book', DOI: 'https://doi.org/10.1057/x' }, 'sources.yaml')).toEqual([
      '  sources.yaml:6 (DOI) [unsafe-url] DOI "https://doi.org/10.1057/x" is not allowed: a DOI is written without a resolver or a "doi:" prefix.\n    fix: write "10.1057/x" (the styles add https://doi.org/).',
    ]);
  });

  test('a custom issue without a known kind and a fix stays an invalid field', () => {
    const schema = z.string().superRefine((_value, ctx) => ctx.addIssue({ code: 'custom', message: 'no', params: { kind: 'not-a-kind', fix: 'f.' } }));
    expect(printed(schema, 'x', 'f.yaml')).toEqual(['  f.yaml:6 (top level) [invalid-field] no.\n    fix: correct the value as the message says.']);
  });
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
