import { describe, expect, test } from 'vitest';
import { checkDoi, checkUrl, showUrl, type UrlContext } from '../../src/lib/url-policy.ts';

const JAVASCRIPT = 'javascript: URLs run code in the reader\u2019s browser';
const THIRD_PARTY = 'an image from another site is a request to a third party on every page view';

describe('checkUrl: allowed', () => {
  test.each([
    ['https://example.org/a?b=1&c=2#d', 'link'],
    ['http://example.org', 'link'],
    ['HTTPS://EXAMPLE.ORG/', 'link'],
    ['mailto:editor@example.org', 'link'],
    ['mailto:editor@example.org?subject=a%0Ab', 'link'],
    ['/read/sample/#p-intro', 'link'],
    ['../glossary/commons/', 'link'],
    ['glossary/commons/', 'link'],
    ['#p-intro', 'link'],
    ['?q=commons', 'link'],
    ['/images/map%20large.png', 'image'],
    ['images/map.png', 'image'],
    ['./map.png', 'image'],
    ['https://example.org/sample', 'external'],
    ['http://example.org/a_(b)', 'external'],
  ] as [string, UrlContext][])('%s as %s', (url, context) => {
    expect(checkUrl(url, { context })).toEqual({ ok: true });
  });
});

describe('checkUrl: refused, with the reason', () => {
  test.each([
    ['javascript:alert(1)', 'link', JAVASCRIPT],
    ['JaVaScRiPt:alert(1)', 'link', JAVASCRIPT],
    ['java&#x09;script:alert(1)', 'link', JAVASCRIPT],
    ['java&Tab;script:alert(1)', 'link', JAVASCRIPT],
    ['&#106;avascript:alert(1)', 'link', JAVASCRIPT],
    ['&#x6A;avascript&colon;alert(1)', 'link', JAVASCRIPT],
    ['&#106avascript:alert(1)', 'link', JAVASCRIPT],
    ['&amp;#106;avascript:alert(1)', 'link', JAVASCRIPT],
    [' javascript:alert(1)', 'link', JAVASCRIPT],
    ['\tjavascript:alert(1)', 'link', JAVASCRIPT],
    ['jav\u0000ascript:alert(1)', 'link', JAVASCRIPT],
    ['java\nscript:alert(1)', 'link', JAVASCRIPT],
    ['java\u200Bscript:alert(1)', 'link', JAVASCRIPT],
    ['%6Aavascript:alert(1)', 'link', JAVASCRIPT],
    ['java%09script:alert(1)', 'link', JAVASCRIPT],
    ['javascript%3Aalert(1)', 'link', JAVASCRIPT],
    ['vbscript:msgbox(1)', 'link', 'vbscript: URLs run code in the reader\u2019s browser'],
    ['data:text/html,<script>alert(1)</script>', 'link', 'data: URLs carry content the check cannot read'],
    ['DATA:text/html,x', 'link', 'data: URLs carry content the check cannot read'],
    ['file:///etc/passwd', 'link', 'file: URLs point at a file on the editor\u2019s own computer'],
    ['blob:https://example.org/x', 'link', 'blob: URLs exist only inside one browser tab'],
    ['ftp://example.org/', 'link', '"ftp:" is not an allowed scheme'],
    ['tel:+441234', 'link', '"tel:" is not an allowed scheme'],
    ['//evil.example/', 'link', 'a URL starting with // leaves the site without saying how'],
    ['\\\\evil.example/', 'link', 'a URL starting with // leaves the site without saying how'],
    ['/\\evil.example/', 'link', 'a URL starting with // leaves the site without saying how'],
    ['https:evil.example', 'link', 'it is not a valid web address'],
    ['https://', 'link', 'it is not a valid web address'],
    ['https://example.org/a b', 'link', 'it contains a space, a quote, a backslash or an angle bracket'],
    ['https://example.org/"onmouseover="x', 'link', 'it contains a space, a quote, a backslash or an angle bracket'],
    ['/a\u0001b', 'link', 'it contains a control character (invisible, and dropped by browsers)'],
    ['https://evil.example/a.png', 'image', THIRD_PARTY],
    ['//evil.example/a.png', 'image', THIRD_PARTY],
    ['HTTP://evil.example/a.png', 'image', THIRD_PARTY],
    ['data:image/png;base64,AAAA', 'image', 'data: URLs carry content the check cannot read; images must come from this site'],
    ['javascript:alert(1)', 'image', `${JAVASCRIPT}; images must come from this site`],
    ['/local/page', 'external', 'it is not a full address (it needs https://)'],
    ['example.org', 'external', 'it is not a full address (it needs https://)'],
    ['mailto:x@example.org', 'external', '"mailto:" is not an allowed scheme'],
    ['javascript:alert(1)', 'external', JAVASCRIPT],
  ] as [string, UrlContext, string][])('%j as %s', (url, context, reason) => {
    const verdict = checkUrl(url, { context });
    expect(verdict).toMatchObject({ ok: false, reason });
    expect(verdict.ok || verdict.fix.length > 20).toBe(true);
  });

  test('the fix says what to write, for each context', () => {
    expect(checkUrl('javascript:x', { context: 'link' })).toMatchObject({ fix: 'link to an http(s) page, a mailto: address, a path on this site (/…) or a fragment (#…).' });
    expect(checkUrl('https://x.example/a.png', { context: 'image' })).toMatchObject({ fix: expect.stringContaining('public/') });
    expect(checkUrl('/x', { context: 'external' })).toMatchObject({ fix: 'write the full https:// address of the page.' });
  });
});

describe('checkDoi', () => {
  test.each(['10.1057/9781137406897', '10.1000/xyz(123)', '10.12345/a.b-c_d;e:f/g'])('%s is a DOI', (doi) => {
    expect(checkDoi(doi)).toEqual({ ok: true });
  });

  test.each([
    ['https://doi.org/10.1057/9781137406897', 'a DOI is written without a resolver or a "doi:" prefix', 'write "10.1057/9781137406897" (the styles add https://doi.org/).'],
    ['http://dx.doi.org/10.1057/x', 'a DOI is written without a resolver or a "doi:" prefix', 'write "10.1057/x" (the styles add https://doi.org/).'],
    ['doi:10.1057/x', 'a DOI is written without a resolver or a "doi:" prefix', 'write "10.1057/x" (the styles add https://doi.org/).'],
    ['javascript:alert(1)', 'this is not a DOI (a DOI is 10., a registrant number, a slash and a suffix)', undefined],
    ['https://evil.example/10.1057/x', 'this is not a DOI (a DOI is 10., a registrant number, a slash and a suffix)', undefined],
    ['10.12/x', 'this is not a DOI (a DOI is 10., a registrant number, a slash and a suffix)', undefined],
    ['10.1057/', 'this is not a DOI (a DOI is 10., a registrant number, a slash and a suffix)', undefined],
    ['10.1057/a b', 'a DOI cannot contain spaces or control characters', undefined],
    ['10.1057/a\u0000b', 'a DOI cannot contain spaces or control characters', undefined],
    ['10.1057/x"><script>', 'a DOI cannot contain quotes, backslashes or angle brackets here', undefined],
  ])('%j is refused', (doi, reason, fix) => {
    expect(checkDoi(doi)).toMatchObject({ ok: false, reason, ...(fix ? { fix } : {}) });
  });
});

describe('showUrl', () => {
  test.each([
    ['https://example.org/', '"https://example.org/"'],
    ['jav\u0000a\tscript:', '"jav\\u0000a\\u0009script:"'],
    [`https://example.org/${'a'.repeat(80)}`, `"https://example.org/${'a'.repeat(39)}…"`],
  ])('%j', (url, shown) => {
    expect(showUrl(url)).toBe(shown);
  });
});
