/**
 * What a page makes the browser download before the reader does anything, computed from the
 * built files (deterministic, no timing): the HTML, its stylesheets and what they import, its
 * scripts and every module they import statically (a script file's dynamic import() waits for
 * an interaction; an inline script's import() of a fixed URL is the site script, which a page that
 * needs it at once loads after its first paint, so it is counted), preloads, icons and images. Sizes are gzip (level 6, what servers commonly send).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { initSync, parse as parseModule } from 'es-module-lexer';
import { lookupFile, withBasePath, type SiteAddress } from './built-site.ts';
import { attribute, elementsOf, parseHtml, rawText, srcsetUrls, tokens, visibleText, type HtmlDocument } from './html.ts';
import { cssUrls } from './links.ts';

export type ResourceKind = 'html' | 'css' | 'js' | 'other';

export interface LoadedResource {
  /** URL path on the site (base included). */
  path: string;
  kind: ResourceKind;
  bytes: number;
  gzip: number;
}

export interface PageWeight {
  resources: LoadedResource[];
  /** gzip bytes by kind, and in all. */
  gzip: Record<ResourceKind | 'total', number>;
  /** Loaded files that belong to Pagefind (must be none before the first search). */
  pagefind: string[];
  /** gzip size of the HTML over the gzip size of the page's visible text. */
  htmlToTextRatio: number;
}

/** gzip size, or the raw size when the file is already compressed (fonts, images, Pagefind chunks). */
export const gzipSize = (bytes: Uint8Array) => Math.min(bytes.length, gzipSync(bytes, { level: 6 }).length);

/** Module specifiers of one kind of import in a script (es-module-lexer: 1 static, 2 dynamic). */
function importsOfType(source: string, type: 1 | 2): string[] {
  initSync();
  const [imports] = parseModule(source);
  // `n` is undefined for a dynamic import() of anything but a string literal.
  return imports.filter((i) => i.t === type && i.n !== undefined).map((i) => i.n!);
}

/** Module specifiers a script imports statically (`import … from`, `export … from`, bare `import '…'`). */
export const staticImports = (source: string) => importsOfType(source, 1);

/** Resource URLs the HTML itself asks for before any interaction. */
export function initialRequests(doc: HtmlDocument): { url: string; kind: ResourceKind }[] {
  const requests: { url: string; kind: ResourceKind }[] = [];
  for (const element of elementsOf(doc)) {
    const rel = tokens(attribute(element, 'rel')?.toLowerCase());
    const href = attribute(element, 'href');
    if (element.tagName === 'link' && href) {
      if (rel.includes('stylesheet')) requests.push({ url: href, kind: 'css' });
      else if (rel.includes('modulepreload')) requests.push({ url: href, kind: 'js' });
      else if (rel.some((r) => ['preload', 'prefetch'].includes(r))) {
        const as = attribute(element, 'as');
        requests.push({ url: href, kind: as === 'script' ? 'js' : as === 'style' ? 'css' : 'other' });
      } else if (rel.some((r) => ['icon', 'apple-touch-icon', 'manifest'].includes(r))) requests.push({ url: href, kind: 'other' });
    }
    if (element.tagName === 'script') {
      const src = attribute(element, 'src');
      if (src) requests.push({ url: src, kind: 'js' });
    }
    if (['img', 'source', 'video', 'audio', 'input'].includes(element.tagName)) {
      if (element.tagName === 'input' && attribute(element, 'type') !== 'image') continue;
      const src = attribute(element, 'src') ?? attribute(element, 'poster');
      const srcset = attribute(element, 'srcset');
      // One candidate of a srcset is fetched; count the first, which is what a phone picks.
      const url = src ?? (srcset ? srcsetUrls(srcset)[0] : undefined);
      if (url) requests.push({ url, kind: 'other' });
    }
  }
  return requests;
}

/** Inlined CSS and scripts are weighed as resources of their own, but they are part of the HTML: no request. */
export const isInlined = (resource: LoadedResource) => / <(style|script)>$/.test(resource.path);

/**
 * A <style> element, or a <script> without src, start to end tag (its text ends at the first
 * </style> or </script>, the parser's own rule).
 */
const INLINE_CODE = /<style[^>]*>[\s\S]*?<\/style>|<script(?![^>]*\ssrc=)[^>]*>[\s\S]*?<\/script>/gi;

/** Module specifiers a script imports with import() of a string literal. */
export const literalDynamicImports = (source: string) => importsOfType(source, 2);

const isPagefind = (urlPath: string) => /(^|\/)pagefind[-/._]/i.test(urlPath);

/**
 * Everything a page loads up front, following stylesheets into their @import and url() files
 * and scripts through their static imports. `sitePath` is the page's path without the base.
 */
export function pageWeight(dist: string, address: SiteAddress, sitePath: string): PageWeight {
  const pageUrl = new URL(withBasePath(address.base, sitePath), address.origin);
  const htmlFile = lookupFile(dist, address.base, pageUrl.pathname);
  if (htmlFile.kind !== 'file') throw new Error(`No file for ${pageUrl.pathname}`);
  const html = readFileSync(htmlFile.file, 'utf8');
  const doc = parseHtml(html);
  // CSS inlined is still CSS, and a script inlined still script: the <style> elements' text is
  // weighed as the page's CSS (against the CSS budget), inline scripts' text as its JavaScript, and
  // the rest of the file as its HTML (against the HTML-to-text ratio). Three gzip streams weigh a
  // little more than one, so the sum errs on the heavy side.
  const inlineScripts = [...elementsOf(doc)].filter((e) => e.tagName === 'script' && attribute(e, 'src') === undefined);
  const inlineCss = [...elementsOf(doc)].filter((e) => e.tagName === 'style').map(rawText).join('\n');
  const inlineJs = inlineScripts.map(rawText).join('\n');
  const markup = Buffer.from(html.replace(INLINE_CODE, ''), 'utf8');
  const resources: LoadedResource[] = [{ path: pageUrl.pathname, kind: 'html', bytes: markup.length, gzip: gzipSize(markup) }];
  for (const [code, tag, kind] of [[inlineCss, 'style', 'css'], [inlineJs, 'script', 'js']] as const) {
    if (!code) continue;
    const bytes = Buffer.from(code, 'utf8');
    resources.push({ path: `${pageUrl.pathname} <${tag}>`, kind, bytes: bytes.length, gzip: gzipSize(bytes) });
  }
  const seen = new Set<string>([pageUrl.pathname]);

  const load = (value: string, from: URL, kind: ResourceKind) => {
    const url = new URL(value, from);
    if (url.origin !== address.origin || seen.has(url.pathname)) return;
    seen.add(url.pathname);
    const found = lookupFile(dist, address.base, url.pathname);
    if (found.kind !== 'file') return; // a broken reference: the link check reports it
    const bytes = readFileSync(found.file);
    resources.push({ path: url.pathname, kind, bytes: bytes.length, gzip: gzipSize(bytes) });
    if (kind === 'css') for (const inner of cssUrls(bytes.toString('utf8'))) load(inner, url, /\.css($|\?)/.test(inner) ? 'css' : 'other');
    if (kind === 'js') for (const inner of staticImports(bytes.toString('utf8'))) load(inner, url, 'js');
  };
  for (const request of initialRequests(doc)) load(request.url, pageUrl, request.kind);

  // What inline scripts import: statically (a module), or the site script they start.
  for (const element of inlineScripts) {
    const text = rawText(element);
    if (attribute(element, 'type') === 'module') for (const inner of staticImports(text)) load(inner, pageUrl, 'js');
    for (const inner of literalDynamicImports(text)) load(inner, pageUrl, 'js');
  }

  const gzip = { html: 0, css: 0, js: 0, other: 0, total: 0 };
  for (const resource of resources) {
    gzip[resource.kind] += resource.gzip;
    gzip.total += resource.gzip;
  }
  const text = visibleText(doc);
  return {
    resources,
    gzip,
    pagefind: resources.filter((r) => isPagefind(r.path)).map((r) => r.path),
    htmlToTextRatio: gzip.html / Math.max(1, gzipSize(Buffer.from(text, 'utf8'))),
  };
}
