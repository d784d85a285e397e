/**
 * Reading built HTML the way a browser does (parse5 is the WHATWG parsing algorithm), for the
 * checks over dist/: links and fragments, the Content-Security-Policy, what a page loads, and
 * words glued together by whitespace compression. Pure functions over strings.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

export type HtmlNode = DefaultTreeAdapterMap['node'];
export type HtmlElement = DefaultTreeAdapterMap['element'];
export type HtmlDocument = DefaultTreeAdapterMap['document'];

export const parseHtml = (html: string): HtmlDocument => parse(html);

const isElement = (node: HtmlNode): node is HtmlElement => 'tagName' in node;

/**
 * Every element in document order. The content of <template>s is included unless
 * `templates` is false: it is not part of the page until a script clones it (so its links are
 * placeholders and its ids no targets), but what it holds is still subject to the page's policy.
 */
export function* elementsOf(node: HtmlNode | HtmlDocument, templates = true): Generator<HtmlElement> {
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) {
    if (!isElement(child)) continue;
    yield child;
    yield* elementsOf(child, templates);
    if (templates && child.tagName === 'template' && 'content' in child) yield* elementsOf(child.content as HtmlNode, templates);
  }
}

export const attribute = (element: HtmlElement, name: string): string | undefined =>
  element.attrs.find((a) => a.name === name)?.value;

/** Text of an element's children (for inline <script> and <style>). */
export const rawText = (element: HtmlElement): string =>
  element.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');

/** Space-separated tokens of an attribute (rel, aria-labelledby, headers). */
export const tokens = (value: string | undefined): string[] => (value ?? '').split(/\s+/).filter(Boolean);

/** Elements that hold no rendered text. */
export const NOT_RENDERED = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

/**
 * The text a sighted reader sees, whitespace collapsed: everything in <body> except scripts,
 * styles, templates and elements marked `hidden`.
 */
export function visibleText(doc: HtmlDocument): string {
  const parts: string[] = [];
  const walk = (node: HtmlNode) => {
    if (node.nodeName === '#text' && 'value' in node) parts.push(node.value);
    if (!isElement(node)) return;
    if (NOT_RENDERED.has(node.tagName) || attribute(node, 'hidden') !== undefined) return;
    node.childNodes.forEach(walk);
  };
  const body = [...elementsOf(doc)].find((e) => e.tagName === 'body');
  if (body) walk(body);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Attributes that hold a URL, by element. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  input: ['src', 'formaction'],
  button: ['formaction'],
  blockquote: ['cite'],
  q: ['cite'],
  ins: ['cite'],
  del: ['cite'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};
/** <meta> properties whose content is a URL (Open Graph, Twitter cards). */
const URL_META = new Set(['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'og:audio', 'og:video', 'twitter:image']);

export interface UrlReference {
  /** e.g. `a[href]`, `img[srcset]`, `meta[og:image]`. */
  where: string;
  value: string;
}

/** The URLs in a `srcset`: candidates are `url [descriptor]`, separated by commas (after the spec's parser). */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    let url = '';
    while (i < srcset.length && !/\s/.test(srcset[i]!)) url += srcset[i++];
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      let depth = 0;
      while (i < srcset.length && (srcset[i] !== ',' || depth > 0)) {
        if (srcset[i] === '(') depth++;
        if (srcset[i] === ')') depth--;
        i++;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/** Every URL the document refers to, in order (template placeholders aside). */
export function urlReferences(doc: HtmlDocument): UrlReference[] {
  const found: UrlReference[] = [];
  for (const element of elementsOf(doc, false)) {
    if (element.tagName === 'meta') {
      const key = attribute(element, 'property') ?? attribute(element, 'name');
      const content = attribute(element, 'content');
      if (key && content && URL_META.has(key)) found.push({ where: `meta[${key}]`, value: content.trim() });
      continue;
    }
    for (const name of URL_ATTRIBUTES[element.tagName] ?? []) {
      const value = attribute(element, name);
      if (value === undefined) continue;
      const where = `${element.tagName}[${name}]`;
      if (name === 'srcset') for (const url of srcsetUrls(value)) found.push({ where, value: url });
      else found.push({ where, value: value.trim() });
    }
  }
  return found;
}

/** Ids a fragment can land on: every `id`, and `name` on <a> (legacy anchors), outside templates. */
export function fragmentTargets(doc: HtmlDocument): Set<string> {
  const ids = new Set<string>();
  for (const element of elementsOf(doc, false)) {
    const id = attribute(element, 'id');
    if (id) ids.add(id);
    const name = element.tagName === 'a' ? attribute(element, 'name') : undefined;
    if (name) ids.add(name);
  }
  return ids;
}

/** Attributes that name other elements of the same page by id. */
const IDREF_ATTRIBUTES = ['for', 'form', 'list', 'popovertarget', 'commandfor', 'anchor', 'aria-activedescendant', 'aria-details', 'aria-errormessage'];
const IDREFS_ATTRIBUTES = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-flowto', 'headers'];

export interface IdReference {
  where: string;
  id: string;
}

/** Every reference by id (label[for], aria-*, popovertarget…) in the document, outside templates. */
export function idReferences(doc: HtmlDocument): IdReference[] {
  const found: IdReference[] = [];
  for (const element of elementsOf(doc, false)) {
    // <output for> and <label for> are idrefs; <meta>/<script for> are not.
    for (const name of IDREF_ATTRIBUTES) {
      const value = attribute(element, name);
      if (value === undefined || (name === 'for' && !['label', 'output'].includes(element.tagName))) continue;
      if (name === 'form' && !['button', 'fieldset', 'input', 'object', 'output', 'select', 'textarea'].includes(element.tagName)) continue;
      found.push({ where: `${element.tagName}[${name}]`, id: value });
    }
    for (const name of IDREFS_ATTRIBUTES) {
      for (const id of tokens(attribute(element, name))) found.push({ where: `${element.tagName}[${name}]`, id });
    }
  }
  return found;
}
