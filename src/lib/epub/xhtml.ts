/**
 * The XHTML an EPUB needs, from the HTML the site renders. An EPUB content document is XML: every
 * element closed, only the five XML entities, no HTML-only attributes (popovertarget, …). Rendered
 * note and glossary bodies pass through `htmlToXhtml`, which keeps a small set of phrasing and
 * block elements, drops everything else but its text, and lets the caller rewrite links (site
 * pages become places inside the book).
 */
import { parseFragment } from 'parse5';
import { checkUrl } from '../url-policy.ts';

/** Escapes text or an attribute value for XML. */
export const xml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Elements kept (with their children); any other element is replaced by its children. */
const KEPT = new Set([
  'p', 'a', 'em', 'i', 'b', 'strong', 'cite', 'q', 'span', 'br', 'ul', 'ol', 'li', 'blockquote',
  'code', 'sup', 'sub', 'dfn', 'abbr', 'small', 'ins', 'del', 'mark', 's',
]);
/** Elements dropped with everything inside them (not part of the text a reader of the book needs). */
const DROPPED = new Set(['script', 'style', 'template', 'button', 'svg', 'img', 'iframe', 'form', 'input']);
const VOID = new Set(['br']);
const ATTRIBUTES = new Set(['href', 'title', 'lang', 'class']);

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}

export interface XhtmlOptions {
  /** New href for a link, or undefined to keep the text without the link. */
  rewriteHref?: (href: string) => string | undefined;
  /** Told of each link removed because the book may not carry it (see bookLinkAllowed). */
  onUnsafeLink?: (href: string) => void;
}

/** A document of the book, maybe with a fragment: `glossary.xhtml#term-commons`. */
const IN_BOOK = /^[a-z0-9-]+\.xhtml(?:#[^\s#]*)?$/;

/**
 * Whether a book may link to `href`: the site's URL policy for links (http, https, mailto; no
 * disguised scheme, no control character), narrowed to what an e-reader can follow. A site path
 * is not in the book (bookHref makes the ones it knows absolute or in-book), so only the book's
 * own documents and fragments are allowed as relative links. Anything else is removed, its text kept.
 */
export function bookLinkAllowed(href: string): boolean {
  if (!checkUrl(href, { context: 'link' }).ok) return false;
  return /^(?:https?:\/\/|mailto:)/i.test(href) || /^#[^\s#]*$/.test(href) || IN_BOOK.test(href);
}

/** Converts an HTML fragment to well-formed XHTML (see the module comment for what is kept). */
export function htmlToXhtml(html: string, options: XhtmlOptions = {}): string {
  const rewriteHref = options.rewriteHref ?? ((href: string) => href);
  // The policy applies to what is written, after the caller's rewriting.
  const rewrite = (href: string) => {
    const written = rewriteHref(href);
    if (written === undefined || bookLinkAllowed(written)) return written;
    options.onUnsafeLink?.(href);
    return undefined;
  };
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === '#text') {
      out.push(xml(node.value ?? ''));
      return;
    }
    if (node.nodeName === '#comment') return;
    const tag = node.tagName;
    const children = () => node.childNodes?.forEach(walk);
    if (!tag) return children();
    if (DROPPED.has(tag)) {
      // A glossary term button still carries the words of the text: keep its text.
      if (tag === 'button') children();
      return;
    }
    // Screen-reader-only labels ("passage ") read oddly in a book; other wrappers just go.
    if (tag === 'span' && node.attrs?.some((a) => a.name === 'class' && /\bvisually-hidden\b/.test(a.value))) return;
    if (!KEPT.has(tag)) return children();
    const attributes: string[] = [];
    let linkDropped = false;
    for (const { name, value } of node.attrs ?? []) {
      if (!ATTRIBUTES.has(name)) continue;
      if (name === 'href') {
        const href = rewrite(value);
        if (href === undefined) linkDropped = true;
        else attributes.push(`href="${xml(href)}"`);
      } else attributes.push(`${name}="${xml(value)}"`);
    }
    if (tag === 'a' && linkDropped) return children();
    const open = `<${tag}${attributes.length ? ` ${attributes.join(' ')}` : ''}`;
    if (VOID.has(tag)) {
      out.push(`${open}/>`);
      return;
    }
    out.push(`${open}>`);
    children();
    out.push(`</${tag}>`);
  };
  (parseFragment(html) as unknown as Node).childNodes?.forEach(walk);
  return out.join('');
}

export interface LinkTargets {
  /** Absolute URL of the site's home, for links to pages the book does not contain. */
  siteUrl: string;
  /** The site's base path, e.g. `/` or `/courses/pol-101/reader/`. */
  base: string;
  readingId: string;
  /** Documents of the book. */
  text: string;
  glossary: string;
  bibliography: string;
}

/**
 * Where a site link goes in the book: glossary entries, sources and passages of this reading become
 * places in the book; other pages of the site become absolute links; the web stays the web.
 */
export function bookHref(href: string, targets: LinkTargets): string {
  // Other schemes are left for bookLinkAllowed to judge.
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  const base = targets.base.endsWith('/') ? targets.base : `${targets.base}/`;
  if (href.startsWith('#')) return `${targets.text}${href}`;
  const path = href.startsWith(base) ? `/${href.slice(base.length)}` : href;
  const glossary = /^\/glossary\/([a-z0-9-]+)\/?$/.exec(path);
  if (glossary) return `${targets.glossary}#term-${glossary[1]}`;
  const source = /^\/sources\/?#(source-[a-z0-9-]+)$/.exec(path);
  if (source) return `${targets.bibliography}#${source[1]}`;
  const passage = new RegExp(`^/read/${targets.readingId}/?(#.*)?$`).exec(path);
  if (passage) return `${targets.text}${passage[1] ?? ''}`;
  // A passage or note on a section page of a long reading: the book holds the whole text in one document.
  const onSection = new RegExp(`^/read/${targets.readingId}/[a-z0-9-]+/(#(?:p|note)-.*)$`).exec(path);
  if (onSection) return `${targets.text}${onSection[1]}`;
  return new URL(path.replace(/^\//, ''), targets.siteUrl).href;
}
