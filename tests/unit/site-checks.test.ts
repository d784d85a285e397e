import { describe, expect, test } from 'vitest';
import { pageType, pageTypeOf, onePagePerType, sitePathOfFile } from '../../bench/lib/built-site.ts';
import { pageCspProblems, policyProblems } from '../../bench/lib/csp.ts';
import { findGluedWords } from '../../bench/lib/glued-words.ts';
import { fragmentTargets, idReferences, parseHtml, srcsetUrls, urlReferences, visibleText } from '../../bench/lib/html.ts';
import { cssUrls } from '../../bench/lib/links.ts';
import { initialRequests, staticImports, type PageWeight } from '../../bench/lib/page-weight.ts';
import { overruns } from '../../bench/lib/budget-report.ts';
import { BUDGETS, budgetsFor } from '../../bench/budgets.ts';
import { hashSource, parsePolicy, printPolicy, trimHashes } from '../../src/lib/csp-policy.ts';
import { trimPagePolicy } from '../../src/cli/trim-csp.ts';
import { siteScriptBoot } from '../../src/lib/site-script-boot.ts';

const page = (head: string, body = '') => `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
const STRICT = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const csp = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy}">`;

describe('page discovery and types', () => {
  test.each([
    ['index.html', '/'],
    ['read/partner-state/index.html', '/read/partner-state/'],
    ['404.html', '/404.html'],
    ['read/partner-state/print.html', '/read/partner-state/print.html'],
  ])('%s is served at %s', (file, sitePath) => expect(sitePathOfFile(file)).toBe(sitePath));

  test.each([
    ['/', 'home'],
    ['/read/partner-state/', 'reader'],
    ['/read/another/', 'reader'],
    ['/glossary/', 'glossary'],
    ['/glossary/commons/', 'glossary entry'],
    ['/sources/', 'sources'],
    ['/search/', 'search'],
    ['/404.html', 'not found'],
    ['/read/partner-state/print/', '/read/*/print/'],
    ['/about/', '/about/'],
  ])('%s is a %s page', (sitePath, type) => expect(pageType(sitePath)).toBe(type));

  test('a long reading’s section pages are readers whatever their section is called; its contents page is not; study pages keep their type', () => {
    const section = '<article class="reading" data-reading="book" data-section-pages="book"><div class="passage passage--paragraph" id="p-a">';
    const contents = '<article class="reading" data-reading="book" data-section-pages="book"><nav class="section-contents">';
    expect(pageTypeOf('/read/book/chapter-4/', section)).toBe('reader');
    expect(pageTypeOf('/read/book/', contents)).toBe('reading contents');
    expect(pageTypeOf('/read/book/introduction/', '<article class="page">')).toBe('/read/*/introduction/');
    expect(pageTypeOf('/read/partner-state/', '<article class="reading" data-reading="partner-state"><div class="passage" id="p-a">')).toBe('reader');
  });

  test('one page per type keeps the first of each', () => {
    expect(onePagePerType(['/', '/glossary/a/', '/glossary/b/', '/read/x/'])).toEqual(['/', '/glossary/a/', '/read/x/']);
  });
});

describe('reading HTML', () => {
  test.each([
    ['a.png', ['a.png']],
    ['a.png 1x, b.png 2x', ['a.png', 'b.png']],
    ['a.png 1x,b.png 2x', ['a.png', 'b.png']],
    ['/i/a,b.png 480w, /i/c.png 800w', ['/i/a,b.png', '/i/c.png']],
  ])('srcset %j lists %j', (srcset, urls) => expect(srcsetUrls(srcset)).toEqual(urls));

  test('urlReferences finds links, resources and Open Graph URLs, entities decoded', () => {
    const doc = parseHtml(page('<link rel="stylesheet" href="/a.css"><meta property="og:image" content="https://x.test/i.png"><meta name="description" content="/not-a-url">', '<a href="/q?a=1&amp;b=2#f">x</a><img src="/i.png" srcset="/i2.png 2x" alt=""><form action="/s/"></form>'));
    expect(urlReferences(doc)).toEqual([
      { where: 'link[href]', value: '/a.css' },
      { where: 'meta[og:image]', value: 'https://x.test/i.png' },
      { where: 'a[href]', value: '/q?a=1&b=2#f' },
      { where: 'img[src]', value: '/i.png' },
      { where: 'img[srcset]', value: '/i2.png' },
      { where: 'form[action]', value: '/s/' },
    ]);
  });

  test('fragment targets are ids and named anchors; template placeholders are neither links nor targets', () => {
    const doc = parseHtml(page('', '<p id="a">x</p><a name="old"></a><template><b id="t"></b><a href="#p-token">x</a></template>'));
    expect([...fragmentTargets(doc)].sort()).toEqual(['a', 'old']);
    expect(urlReferences(doc)).toEqual([]);
  });

  test('id references cover labels, ARIA lists and popover targets, but not <script for>', () => {
    const doc = parseHtml(page('<script for="x"></script>', '<label for="f">F</label><p aria-labelledby="a b"></p><button popovertarget="pop"></button>'));
    expect(idReferences(doc).map((r) => `${r.where}→${r.id}`)).toEqual(['label[for]→f', 'p[aria-labelledby]→a', 'p[aria-labelledby]→b', 'button[popovertarget]→pop']);
  });

  test('visible text leaves out scripts, styles, templates and hidden elements', () => {
    const doc = parseHtml(page('<title>T</title>', '<p>One  two</p><script>x()</script><div hidden>gone</div><template>t</template><p>three</p>'));
    expect(visibleText(doc)).toBe('One twothree');
  });

  test.each([
    ['@font-face{src:url(/f.woff2) format("woff2")}', ['/f.woff2']],
    ["a{background:url('i.png')} b{background:url(\"j.svg\")}", ['i.png', 'j.svg']],
    ['@import "x.css"; a{b:url(data:image/png;base64,AA)}', ['data:image/png;base64,AA', 'x.css']],
  ])('cssUrls(%j)', (css, urls) => expect(cssUrls(css).sort()).toEqual(urls.sort()));
});

describe('what loads before any interaction', () => {
  test.each([
    ['import{a as b}from"./chunk.js";b()', ['./chunk.js']],
    ['import"./side.js";export{x}from"./re.js"', ['./side.js', './re.js']],
    ['const m=()=>import("./lazy.js");', []],
    ['import("/pagefind/pagefind.js").then(p=>p.init())', []],
  ])('static imports of %j', (source, imports) => expect(staticImports(source)).toEqual(imports));

  test('initial requests: stylesheets, scripts, preloads, icons, images (first srcset candidate)', () => {
    const doc = parseHtml(
      page(
        '<link rel="stylesheet" href="/a.css"><link rel="icon" href="/f.svg"><link rel="modulepreload" href="/m.js"><link rel="canonical" href="/"><script type="module" src="/s.js"></script>',
        '<img srcset="/small.png 1x, /big.png 2x" alt=""><a href="/other/">x</a>',
      ),
    );
    expect(initialRequests(doc)).toEqual([
      { url: '/a.css', kind: 'css' },
      { url: '/f.svg', kind: 'other' },
      { url: '/m.js', kind: 'js' },
      { url: '/s.js', kind: 'js' },
      { url: '/small.png', kind: 'other' },
    ]);
  });
});

describe('budgets', () => {
  const weight = (gzip: Partial<PageWeight['gzip']>, extra: Partial<PageWeight> = {}): PageWeight => ({
    resources: [{ path: '/page/', kind: 'html', bytes: 300_000, gzip: 1_000 }],
    gzip: { html: 1_000, css: 1_000, js: 0, other: 0, total: 2_000, ...gzip },
    pagefind: [],
    htmlToTextRatio: 1,
    ...extra,
  });
  test.each([
    ['within every budget', 'reader', weight({}), []],
    ['too much JavaScript', 'home', weight({ js: 15_001 }), ['JavaScript before interaction 15.0 KB > 15.0 KB']],
    ['too much CSS', 'home', weight({ css: 20_000 }), ['CSS 20.0 KB > 15.0 KB']],
    ['too heavy in all', 'home', weight({ total: 100_001 }), ['total on load 100.0 KB > 100.0 KB']],
    ['Pagefind up front', 'search', weight({}, { pagefind: ['/pagefind/pagefind.js'] }), ['Pagefind loads before any search: /pagefind/pagefind.js']],
    ['markup-heavy reader', 'reader', weight({}, { htmlToTextRatio: 1.6 }), ['HTML is 1.60 × its visible text (gzip) > 1.5']],
    ['markup ratio only on reader pages', 'glossary entry', weight({}, { htmlToTextRatio: 3 }), []],
    [
      'too many requests: five files',
      'home',
      weight({}, { resources: ['/page/', '/page/ <style>', '/s.js', '/c.js', '/f.svg', '/manifest.webmanifest'].map((path) => ({ path, kind: 'other', bytes: 1, gzip: 1 })) }),
      ['5 requests before any interaction > 4 (/page/, /s.js, /c.js, /f.svg, /manifest.webmanifest)'],
    ],
    ['four files, the inlined CSS no request', 'home', weight({}, { resources: ['/page/', '/page/ <style>', '/s.js', '/f.svg', '/manifest.webmanifest'].map((path) => ({ path, kind: 'other', bytes: 1, gzip: 1 })) }), []],
    ['too much HTML to parse, however well it compresses', 'glossary entry', weight({}, { resources: [{ path: '/glossary/', kind: 'html', bytes: 300_001, gzip: 20_000 }] }), ['HTML 300.0 KB uncompressed > 300.0 KB']],
  ])('%s', (_name, type, w, expected) => expect(overruns(type, w, BUDGETS)).toEqual(expected));

  test('an exception raises only the budget it names, for only its page', () => {
    const exceptions = { '/read/dense/': { budget: { htmlToTextRatio: { reader: 1.8 } }, reason: 'test' } };
    expect(budgetsFor('/read/other/', exceptions)).toBe(BUDGETS);
    const excepted = budgetsFor('/read/dense/', exceptions);
    expect(excepted.jsBeforeInteraction).toBe(BUDGETS.jsBeforeInteraction);
    expect(excepted.htmlToTextRatio['reader']).toBe(1.8);
  });

  test('no page is excepted: the seed reading meets the budgets', () => {
    expect(budgetsFor('/read/partner-state/')).toBe(BUDGETS);
  });
});

describe('Content-Security-Policy', () => {
  test('parse and print keep directive order; the first of a repeated directive wins', () => {
    const policy = parsePolicy("default-src 'self';script-src 'self' 'sha256-AA=';  script-src *");
    expect([...policy.keys()]).toEqual(['default-src', 'script-src']);
    expect(printPolicy(policy)).toBe("default-src 'self'; script-src 'self' 'sha256-AA='");
  });

  test.each([
    [STRICT, []],
    [`${STRICT.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")}`, ["script-src allows 'unsafe-inline'"]],
    [`${STRICT.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'")}`, ["script-src allows 'unsafe-eval'"]],
    [`${STRICT.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")}`, ["style-src allows 'unsafe-inline'"]],
    [`${STRICT}; connect-src https://cdn.example`, ['connect-src allows https://cdn.example']],
    [`${STRICT}; connect-src data:`, ['connect-src allows data:']],
    [STRICT.replace("object-src 'none'; ", ''), ["object-src is missing (expected 'none')"]],
    [STRICT.replace("default-src 'self'", 'default-src *'), ['default-src is "*" (expected \'self\' or \'none\')']],
  ])('policy %j has problems %j', (policy, problems) => expect(policyProblems(parsePolicy(policy))).toEqual(problems));

  const inline = 'document.documentElement.dataset.theme="dark"';
  test.each([
    ['strict policy, nothing inline', page(csp(STRICT) + '<link rel="stylesheet" href="/a.css">', '<p>x</p>'), []],
    ['no policy', page('', '<p>x</p>'), ['expected one <meta http-equiv="content-security-policy">, found 0']],
    ['a stylesheet before the policy', page('<link rel="stylesheet" href="/a.css">' + csp(STRICT)), ['<link> comes before the policy <meta>, so the policy does not govern it']],
    [
      'an inline script without its hash',
      page(csp(STRICT) + `<script>${inline}</script>`),
      [`inline <script> ${JSON.stringify(inline.slice(0, 60))}… has no hash in script-src (it will be blocked)`],
    ],
    ['an inline script with its hash', page(csp(STRICT.replace("script-src 'self'", `script-src 'self' ${hashSource('256', inline)}`)) + `<script>${inline}</script>`), []],
    ['JSON-LD needs no hash', page(csp(STRICT) + '<script type="application/ld+json">{"@type":"Book"}</script>'), []],
    ['a style attribute', page(csp(STRICT), '<p style="color:red">x</p>'), ['<p> has a style="" attribute, which the policy blocks: use a class']],
    ['an inline handler', page(csp(STRICT), '<button onclick="go()">x</button>'), ['<button> has an inline onclick handler, which the policy blocks: listen from a bundled script']],
  ])('%s', (_name, html, problems) => expect(pageCspProblems(html)).toEqual(problems));

  test('trimming keeps the hashes of the inline code, drops the rest', () => {
    const used = hashSource('256', 'a()');
    const unused = hashSource('256', 'b()');
    const style = hashSource('256', 'p{}');
    const policy = parsePolicy(`default-src 'self'; script-src 'self' ${used} ${unused}; style-src 'self' ${style} ${unused}`);
    const trimmed = trimHashes(policy, { scripts: ['a()'], styles: ['p{}'] });
    expect(printPolicy(trimmed)).toBe(`default-src 'self'; script-src 'self' ${used}; style-src 'self' ${style}`);
  });

  test('hash sources are the base64 digests of the code (values from openssl dgst)', () => {
    expect(hashSource('256', 'alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    expect(hashSource('384', '')).toBe("'sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb'");
  });

  test('trimming covers script-src-elem and style-src-attr too, and leaves hashes in other directives alone', () => {
    const script = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='";
    const style = "'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y='";
    const policy = parsePolicy(`default-src 'self' ${script}; script-src-elem 'self' ${script} ${style}; style-src-attr ${script} ${style}`);
    expect(printPolicy(trimHashes(policy, { scripts: ['alert(1)'], styles: ['p{}'] }))).toBe(
      `default-src 'self' ${script}; script-src-elem 'self' ${script}; style-src-attr ${style}`,
    );
  });

  test('trimPagePolicy trims the policy and moves it right after <meta charset>, leaving the rest as it was', () => {
    const used = hashSource('256', 'a()');
    const unused = hashSource('256', 'b()');
    const html = page(`<meta charset="utf-8"><title>T</title><script>a()</script>${csp(`script-src 'self' ${used} ${unused}`)}<link rel="stylesheet" href="/a.css">`, '<p>x</p>');
    expect(trimPagePolicy(html)).toBe(
      page(`<meta charset="utf-8">${csp(`script-src 'self' ${used}`)}<title>T</title><script>a()</script><link rel="stylesheet" href="/a.css">`, '<p>x</p>'),
    );
    expect(trimPagePolicy(page(`<title>T</title>${csp("script-src 'self'")}`))).toBe(page(`${csp("script-src 'self'")}<title>T</title>`));
    expect(trimPagePolicy(page('<meta charset="utf-8">'))).toBeUndefined();
  });

  test('trimPagePolicy starts the site script after the first paint, allowed by the hash of the inline script that starts it', () => {
    const html = page(`<meta charset="utf-8">${csp(STRICT)}<script type="module" src="/_astro/site.Ab1.js"></script>`, '<p>x</p>');
    const boot = siteScriptBoot('/_astro/site.Ab1.js');
    expect(boot).toContain('import("/_astro/site.Ab1.js")');
    expect(trimPagePolicy(html)).toBe(page(`<meta charset="utf-8">${csp(STRICT.replace("'wasm-unsafe-eval'", `'wasm-unsafe-eval' ${hashSource('256', boot)}`))}<script>${boot}</script>`, '<p>x</p>'));
  });

  test('a page with a second module script fails the build, naming both', () => {
    const html = page(`${csp(STRICT)}<script type="module" src="/_astro/site.Ab1.js"></script><script type="module" src="/_astro/Map.Cd2.js"></script>`);
    expect(() => trimPagePolicy(html)).toThrow('A page has 2 module scripts (/_astro/site.Ab1.js, /_astro/Map.Cd2.js); the site\'s layout writes one, the site script, and only it may start after the first paint. Import other code from src/scripts/site.ts instead of a <script> in a component.');
  });
});

describe('words glued by HTML compression', () => {
  test.each([
    ['jsx-compressed spans', '<p><span>23 passages</span><span>about 5 min read</span><a href="#a">Provenance</a></p>', ['passages|about', 'read|Provenance']],
    ['text against a link', '<p>Read the<a href="/d/">docs</a>.</p>', ['the|docs']],
    ['spaces kept', '<p><span>23 passages</span> <span>about</span> <a href="#a">x</a></p>', []],
    ['blocks separate words', '<div>one</div><div>two</div><p>three</p>four<br>five', []],
    ['punctuation is not a word', '<p><em>word</em>, and <b>more</b>.</p>', []],
    ['footnote marks', '<p>word<sup>1</sup> and term<a class="note-ref" href="#n"><span>Note </span>2</a></p>', []],
    ['code is left alone', '<p><code><span>const</span><span>x</span></code></p>', []],
    ['hidden elements are not read', '<p>one<span hidden>two</span></p>', []],
  ])('%s', (_name, body, joins) => expect(findGluedWords(parseHtml(page('', body))).map((g) => g.join)).toEqual(joins));
});
