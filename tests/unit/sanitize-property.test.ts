/**
 * Property tests: whatever an editor, an import or a careless paste puts in a body, the note
 * renderer's HTML holds only what the allowlist allows (parsed here by parse5, as a browser would),
 * and whatever the check lets through reaches the page unchanged: nothing is cleaned silently.
 */
import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, test } from 'vitest';
import { authorComponents } from '../../src/lib/author-components.ts';
import { buildEdition } from '../../src/lib/edition.ts';
import { hastToHtml, MDX_FEATURES, renderMdxBody, type ComponentRenderers } from '../../src/lib/mdx-html.ts';
import { scanMdxBody } from '../../src/lib/mdx-scan.ts';
import { isAllowedAttribute, isAllowedElement, propertyNameOf, URL_ATTRIBUTES } from '../../src/lib/sanitize.ts';
import { checkUrl } from '../../src/lib/url-policy.ts';
import { mdxToHast } from 'satteri';

type Node = DefaultTreeAdapterMap['node'];
type ParsedElement = DefaultTreeAdapterMap['element'];

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Everything in `html` outside the allowlist or the URL policy, as readable strings. */
function violations(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    if ('tagName' in node) {
      const element = node as ParsedElement;
      if (element.namespaceURI !== HTML_NS || !isAllowedElement(element.tagName)) found.push(`<${element.tagName}>`);
      for (const { name, value } of element.attrs) {
        if (/^on|^style$|^srcdoc$|^formaction$|^srcset$|^ping$/i.test(name)) found.push(`<${element.tagName} ${name}>`);
        const property = propertyNameOf(name);
        const parsed = property === 'className' ? value.split(/\s+/).filter(Boolean) : value;
        if (!isAllowedAttribute(element.tagName, property, name === 'disabled' ? true : parsed)) found.push(`<${element.tagName} ${name}="${value}">`);
        const context = URL_ATTRIBUTES[name];
        if (context && !checkUrl(value, { context }).ok) found.push(`<${element.tagName} ${name}="${value}"> (URL)`);
      }
      // Only an HTML <template> has content; one inside <svg> is a foreign element with children.
      if (element.tagName === 'template' && element.namespaceURI === HTML_NS) visit((element as DefaultTreeAdapterMap['template']).content);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parseFragment(html));
  return found;
}

/** Elements and attributes of `html`, in order, to compare two renderings of the same body. */
function structure(html: string): string[] {
  const out: string[] = [];
  const visit = (node: Node) => {
    if ('tagName' in node) {
      const element = node as ParsedElement;
      out.push(`<${element.tagName}${element.attrs.map((a) => ` ${a.name}="${a.value}"`).sort().join('')}>`);
    } else if (node.nodeName === '#text') out.push((node as DefaultTreeAdapterMap['textNode']).value);
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parseFragment(html));
  return out.join('').split(/(?=<)/);
}

// A small edition, so the real author components render links as they do on the site.
const { edition } = buildEdition({
  readings: [{ id: 'sample', title: 'Sample', passages: [{ id: 'intro', number: 1, start: 0, text: 'Intro' }], source: 'Intro' }],
  notes: [],
  terms: [{ id: 'commons', file: 'annotations/glossary/commons.mdx', data: { term: 'commons', kind: 'concept', short: 'Shared.' }, body: '', bodyLine: 5, fieldLine: () => 2 }],
  sources: [{ item: { id: 'k-2014', type: 'book', title: 'T', author: [{ family: 'K' }], issued: { 'date-parts': [[2014]] } }, line: 1 }],
  sourcesFile: 'annotations/sources.yaml',
});
const REAL = authorComponents(edition, { base: '/', reading: 'sample' });

const TAGS = [
  'a', 'abbr', 'b', 'cite', 'code', 'em', 'i', 'kbd', 'mark', 'q', 'small', 'span', 'strong', 'sub', 'sup', 'p', 'img', 'br',
  'script', 'SCRIPT', 'sCrIpT', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'meta', 'base',
  'link', 'svg', 'math', 'template', 'frame', 'frameset', 'noscript', 'portal', 'div', 'h1', 'details', 'video', 'xmp', 'plaintext',
];
const ATTRIBUTES = [
  'href', 'HREF', 'src', 'cite', 'title', 'lang', 'dir', 'alt', 'class', 'id', 'name', 'style', 'onclick', 'onError', 'ONLOAD',
  'srcdoc', 'formaction', 'srcset', 'ping', 'http-equiv', 'content', 'action', 'data-x', 'xlink:href', 'start', 'type', 'target',
];
const URLS = [
  'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java&#x09;script:alert(1)', '&#106;avascript:alert(1)', ' javascript:alert(1)',
  'java&#x0A;script:x', '%6Aavascript:x', 'data:text/html,x', 'data:image/png;base64,AAAA', 'vbscript:x', 'file:///etc/passwd',
  '//evil.example/x', 'https://evil.example/a.png', 'https://example.org/', 'http://example.org/a?b=1&amp;c=2', '/local/page',
  'images/a.png', '#p-intro', 'mailto:a@example.org', 'ftp://example.org/', '&#x6A;avascript&colon;x', 'https:evil.example',
];
const WORDS = ['commons', 'the', '&amp;', '&lt;script&gt;', '&#60;b&#62;', 'a < b', '*em*', '**strong**', '`code`', '~~del~~', '\\{', 'x_y'];

const word = fc.constantFrom(...WORDS);
const url = fc.constantFrom(...URLS);
const value = fc.oneof(url, word, fc.constantFrom('refresh', '0;url=https://evil.example/', 'visually-hidden', 'term-link', 'rtl', 'up', '3'));

/** Markdown that can carry a URL: links, images, reference definitions, bare addresses. */
const markdownUrl = fc.oneof(
  fc.tuple(word, url).map(([text, u]) => `[${text}](${u})`),
  fc.tuple(word, url).map(([text, u]) => `![${text}](${u})`),
  fc.tuple(word, url).map(([text, u]) => `[${text}](<${u}>)`),
  fc.tuple(word, url).map(([text, u]) => `[${text}][r]\n\n[r]: ${u}`),
  fc.constantFrom('www.evil.example', 'https://example.org/x', 'a@example.org'),
);

const component = fc.oneof(
  fc.constant('<Term id="commons" />'),
  word.map((w) => `<Term id="commons">${w}</Term>`),
  fc.constant('<Cite id="k-2014" locator="p. 2" />'),
  fc.constant('<PassageRef id="intro" />'),
);

type AttributeOf = (tag: string) => fc.Arbitrary<string>;

/** Bodies of Markdown, components and HTML tags drawn from `tags`, with attributes from `attributeOf`: tag soup included. */
function bodies(tags: readonly string[], attributeOf: AttributeOf) {
  const { inline } = fc.letrec<{ inline: string; element: string }>((tie) => ({
    inline: fc.oneof({ depthSize: 'small', withCrossShrink: true }, word, markdownUrl, component, tie('element')),
    element: fc
      .constantFrom(...tags)
      .chain((tag) => fc.tuple(fc.constant(tag), fc.array(attributeOf(tag), { maxLength: 3 }), fc.array(tie('inline'), { maxLength: 3 }), fc.constantFrom('closed', 'self', 'unclosed', 'block')))
      .map(([tag, attrs, children, form]) => {
        const open = `<${tag}${attrs.join('')}`;
        if (form === 'self') return `${open} />`;
        if (form === 'unclosed') return `${open}>${children.join(' ')}`;
        if (form === 'block') return `${open}>\n\n${children.join(' ')}\n\n</${tag}>`;
        return `${open}>${children.join(' ')}</${tag}>`;
      }),
  }));
  const block = fc.oneof(
    fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')),
    fc.array(inline, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
    inline.map((i) => `> ${i}`),
    inline.map((i) => `## ${i}`),
    fc.constantFrom('| a | b |\n|:--|--:|\n| [x](javascript:y) | ![i](https://evil.example/i.png) |', '```html\n<script>alert(1)</script>\n```', '- [ ] task', 'x[^1]\n\n[^1]: note'),
  );
  return { inline, body: fc.array(block, { minLength: 1, maxLength: 4 }).map((blocks) => blocks.join('\n\n')) };
}

const anyAttribute = fc
  .tuple(fc.constantFrom(...ATTRIBUTES), value, fc.boolean())
  .map(([name, v, bare]) => (bare && name !== 'href' ? ` ${name}` : ` ${name}="${v}"`));
const { inline, body } = bodies(TAGS, () => anyAttribute);

/** Each tag with the attributes it may have: many bodies pass the check, and a bad URL or value stands alone. */
const FITTING: Record<string, string[]> = { a: ['href', 'title'], img: ['src', 'alt'], q: ['cite', 'lang'], span: ['lang', 'dir'], abbr: ['title'], bdo: ['dir'], em: ['lang'] };
const { body: nearlySafeBody } = bodies(Object.keys(FITTING), (tag) =>
  fc.tuple(fc.constantFrom(...FITTING[tag]!), fc.oneof(url, word, fc.constantFrom('rtl', 'ltr', 'up'))).map(([name, v]) => ` ${name}="${v}"`),
);

/** Renders, or undefined where the MDX does not parse or the renderer refuses it (the check reports those). */
function tryRender(text: string, components: ComponentRenderers): string | undefined {
  try {
    return renderMdxBody(text, components);
  } catch {
    return undefined;
  }
}

/** FAST_CHECK_SCALE=50 searches fifty times deeper, for a run before a release; CI uses the default. */
const SCALE = Number(process.env.FAST_CHECK_SCALE ?? 1);
const RUNS = { numRuns: 400 * SCALE };
// Each Cite renders through the official Chicago style, several times slower than a compact one.
const TIMEOUT_MS = 20_000 * SCALE;

describe('the note renderer never publishes anything outside the allowlist', () => {
  test('random Markdown and HTML, with the real author components', () => {
    fc.assert(
      fc.property(body, (text) => {
        const html = tryRender(text, REAL);
        if (html !== undefined) expect(violations(html), `${text}\n→ ${html}`).toEqual([]);
      }),
      RUNS,
    );
  }, TIMEOUT_MS);

  test('author components that return hostile HTML are cleaned too', () => {
    const hostile = fc.array(fc.oneof(inline, fc.constantFrom('<img src=x onerror=alert(1)>', '<a href=javascript:alert(1)>x', '</p><script>x</script>', '<svg><script>x</script></svg>', '<!-- c -->', '<math><mi xlink:href="javascript:x">y</mi></math>')), { maxLength: 4 });
    fc.assert(
      fc.property(body, hostile, (text, extra) => {
        const evil: ComponentRenderers = { Term: (_p, children) => `${extra.join('')}${children}`, Cite: () => extra.join(' '), PassageRef: () => `<a href="${extra[0] ?? ''}">p</a>` };
        const html = tryRender(text, evil);
        if (html !== undefined) expect(violations(html), `${text}\n${extra.join('')}\n→ ${html}`).toEqual([]);
      }),
      RUNS,
    );
  }, TIMEOUT_MS);

  test('a body the check passes is published as written: the cleaning removes nothing from it', () => {
    let passed = 0;
    fc.assert(
      fc.property(fc.oneof(body, nearlySafeBody), (text) => {
        if (scanMdxBody(text).problems.length) return;
        passed++;
        const raw = hastToHtml(mdxToHast(text, { features: MDX_FEATURES, position: false }), REAL).trim();
        expect(structure(renderMdxBody(text, REAL)), text).toEqual(structure(raw));
      }),
      { numRuns: 1000 * SCALE },
    );
    expect(passed).toBeGreaterThan(100);
  }, TIMEOUT_MS);

  test('the check refuses every body whose rendering would lose something', () => {
    let refused = 0;
    fc.assert(
      fc.property(body, (text) => {
        const raw = (() => {
          try {
            return hastToHtml(mdxToHast(text, { features: MDX_FEATURES, position: false }), REAL).trim();
          } catch {
            return undefined;
          }
        })();
        if (raw === undefined || violations(raw).length === 0) return;
        refused++;
        expect(scanMdxBody(text).problems.filter((p) => p.kind === 'unsafe-html' || p.kind === 'unsafe-url'), `${text}\n→ ${raw}`).not.toEqual([]);
      }),
      RUNS,
    );
    expect(refused).toBeGreaterThan(20);
  }, TIMEOUT_MS);
});
