/**
 * A saved web page: its main article only. Mozilla's Readability (the engine of Firefox's reader
 * view) finds the article over a DOM built by linkedom; navigation, banners, asides, footers and
 * other page chrome stay out and are named in provenance.omitted. The page's head gives the title,
 * author, date, language, description, licence (`rel=license`) and address (canonical link, or the
 * "saved from" comment browsers write).
 */
import { Readability } from '@mozilla/readability';
import { HtmlBlocks } from './html-blocks.ts';
import { emptyDocument, normaliseLanguage, oneLine, webAddress, type ImportBlock, type ImportedDocument } from './model.ts';
import { fromDom, parseHtmlDocument, type XElement } from './tree.ts';

interface DomElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  closest(selector: string): DomElement | null;
  contains(other: unknown): boolean;
  localName: string;
}

const CHROME: [selector: string, name: string][] = [
  ['header, [role="banner"]', 'banner'],
  ['nav, [role="navigation"]', 'navigation'],
  ['aside, [role="complementary"]', 'aside'],
  ['footer, [role="contentinfo"]', 'footer'],
  ['form, [role="search"]', 'form'],
];

// Stryker disable next-line StringLiteral: wordCount is only ever called with strings, so the '' fallback for null is never used.
const wordCount = (text: string | null | undefined) => (text ?? '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
/** An element's text nodes, in order, without those of scripts, style sheets and templates. */
const textNodesOf = (node: unknown): string[] => {
  const collect = (x: XElement): string[] =>
    x.name === 'script' || x.name === 'style' || x.name === 'template' ? [] : x.children.flatMap((c) => (typeof c === 'string' ? [c] : collect(c)));
  return collect(fromDom(node as Parameters<typeof fromDom>[0]));
};
/** Words of text nodes, counted node by node (textContent runs adjacent elements' words together). */
const wordsIn = (textNodes: readonly string[]): number => textNodes.reduce((n, text) => n + wordCount(text), 0);
/**
 * Text with no white space at all, for asking whether one text holds another: an element's text
 * nodes run its paragraphs together ("say.Every day") where the article's blocks part them.
 */
const compact = (text: string) => text.replace(/\s+/g, '');

export function importHtml(html: string): ImportedDocument {
  const document = emptyDocument('html');
  const { document: dom } = parseHtmlDocument(html);
  const meta = (...names: string[]) => {
    for (const name of names) {
      const element = dom.querySelector(`meta[name="${name}" i], meta[property="${name}" i]`);
      const content = element?.getAttribute('content');
      if (content?.trim()) return content.trim();
    }
    return undefined;
  };
  const root = dom.documentElement;
  const lang = normaliseLanguage(root.getAttribute('lang') ?? root.getAttribute('xml:lang') ?? meta('language', 'dc.language'));
  if (lang) document.language = lang;
  const dir = (root.getAttribute('dir') ?? dom.body?.getAttribute('dir'))?.toLowerCase();
  if (dir === 'rtl' || dir === 'ltr') document.direction = dir;
  const firstH1 = oneLine(dom.querySelector('article h1, main h1, h1')?.textContent);
  const author = meta('author', 'dc.creator', 'citation_author', 'article:author');
  const date = meta('article:published_time', 'date', 'dc.date', 'dcterms.created', 'citation_publication_date') ?? dom.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined;
  const description = meta('description', 'og:description', 'dc.description');
  const licenceLink = dom.querySelector('link[rel~="license" i], a[rel~="license" i]');
  const licenceUrl = webAddress(licenceLink?.getAttribute('href'));
  const licenceName = oneLine(licenceLink?.getAttribute('title') ?? (licenceLink?.localName === 'a' ? licenceLink.textContent : '')) || meta('dc.rights', 'dcterms.license', 'rights');
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+)\s*-->/i.exec(html)?.[1];
  const address = webAddress(dom.querySelector('link[rel="canonical" i]')?.getAttribute('href') ?? meta('og:url')) ?? webAddress(savedFrom);
  const siteName = meta('og:site_name', 'application-name');
  const bylineElement = oneLine(dom.querySelector('.byline, [rel="author"], [itemprop="author"], .author')?.textContent);

  // What lies outside the article, measured before Readability changes the document.
  const bodyNodes = dom.body ? textNodesOf(dom.body) : [];
  const bodyText = compact(bodyNodes.join(''));
  const bodyWords = wordsIn(bodyNodes);
  const landmarks = CHROME.flatMap(([selector, name]) =>
    [...dom.querySelectorAll(selector)].map((element) => {
      const nodes = textNodesOf(element);
      return { name, element: element as unknown as DomElement, text: compact(nodes.join('')), words: wordsIn(nodes) };
    }),
  );

  const article = new Readability(dom as unknown as Document, {
    serializer: (node: Node) => node,
    classesToPreserve: ['poem', 'poetry', 'verse', 'stanza', 'byline', 'small-caps', 'smallcaps', 'sc'],
  }).parse();
  const content = article?.content as unknown as Parameters<typeof fromDom>[0] | null | undefined;
  const walker = new HtmlBlocks();
  // Stryker disable next-line OptionalChaining: content is only truthy when Readability returned an article, so article is never null here.
  if (content) walker.walk(fromDom(content), { quote: false, lang: normaliseLanguage(article?.lang) ?? lang });
  const blocks: ImportBlock[] = walker.blocks;

  // Readability drops the article's own heading when it repeats the page title: it is the text's, so it comes back.
  if (firstH1 && !blocks.some((b) => b.role === 'heading' && oneLine(b.text) === firstH1)) {
    blocks.unshift({ role: 'heading', depth: 1, text: firstH1, spans: [], ...(lang ? { lang } : {}) });
  }
  const byline = oneLine(article?.byline).replace(/^by\s+/i, '');
  for (const block of blocks) if (byline && block.role === 'paragraph' && oneLine(block.text).replace(/^by\s+/i, '') === byline) block.role = 'attribution';
  // Readability takes the byline out of the article too; it is the article's, so it comes back under the heading.
  // A byline from the page's head alone (its author meta) was never in the text: it names the authors only.
  if (byline && !blocks.some((b) => oneLine(b.text).includes(byline)) && bodyText.includes(compact(byline))) {
    const at = blocks[0]?.role === 'heading' ? 1 : 0;
    // Stryker disable next-line OptionalChaining: a non-empty byline comes from article.byline, so article is never null here.
    const written = bylineElement.includes(byline) ? bylineElement : oneLine(article?.byline);
    blocks.splice(at, 0, { role: 'attribution', text: written, spans: [], ...(lang ? { lang } : {}) });
  }
  document.blocks = blocks;

  const title = firstH1 || oneLine(article?.title) || oneLine(dom.querySelector('title')?.textContent);
  if (title) document.title = title;
  const authors = author ?? byline;
  if (authors) document.authors = authors.split(/\s*;\s*|\s*,\s*(?=[^,]+\s)|\s+and\s+/).filter(Boolean);
  const published = date ?? article?.publishedTime;
  if (published) document.date = published;
  if (description) document.description = description;
  const licence = licenceName || licenceUrl;
  if (licence) document.licence = { name: licence, url: licenceUrl };
  if (address) document.origin = { url: address, title: document.title, site: siteName };

  const articleText = oneLine(blocks.map((b) => b.text).join(' '));
  // Each outermost landmark left out, with the landmarks inside it ("banner, with its navigation").
  const articleCompact = compact(articleText);
  const outside = landmarks.filter(({ text }) => text && !articleCompact.includes(text));
  let chromeWords = 0;
  const chrome = new Map<string, { count: number; words: number }>();
  for (const { name, element, words } of outside) {
    if (outside.some((other) => other.element !== element && other.element.contains(element))) continue;
    const inner = [...new Set(outside.filter((o) => o.element !== element && element.contains(o.element)).map((o) => o.name))];
    const label = `${name}${inner.length ? `, with its ${inner.join(' and ')}` : ''}`;
    const entry = chrome.get(label) ?? { count: 0, words: 0 };
    chrome.set(label, { count: entry.count + 1, words: entry.words + words });
    chromeWords += words;
  }
  for (const [label, { count, words }] of chrome) {
    document.omitted.push(`${count === 1 ? "the page's" : `${count} of the page's`} ${label}${count === 1 ? '' : 's'} (${words} word${words === 1 ? '' : 's'})`);
  }
  const rest = bodyWords - wordCount(articleText) - chromeWords;
  if (rest > 0) document.omitted.push(`other text outside the main article, as Readability judged it (${rest} word${rest === 1 ? '' : 's'})`);
  // A navigation Readability kept in the article is skipped there too: reported once, as the page's.
  const navigationReported = [...chrome.keys()].some((label) => label.includes('navigation'));
  document.omitted.push(...walker.omitted().filter((entry) => !(navigationReported && entry.startsWith('navigation'))));
  return document;
}
