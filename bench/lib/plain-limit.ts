/**
 * The physical limits a reading page is measured against, each one bare HTML file served by the
 * same server in the same Lighthouse run, to show what the network and the phone cost for the text
 * alone:
 * - the same reading text (title, then each passage as a heading or paragraph of plain text; no
 *   stylesheet, script, notes, links or site chrome): `plainPageOf`;
 * - the page's whole visible text (notes, contents, apparatus and all, the text the byte target
 *   is weighed against), a paragraph per block: `wholeTextPageOf`.
 */
import { attribute, elementsOf, NOT_RENDERED, parseHtml, tokens, type HtmlElement, type HtmlNode } from './html.ts';

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Text of an element and its descendants, whitespace collapsed. */
function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}
const collapsed = (node: HtmlNode) => textOf(node).replace(/\s+/g, ' ').trim();

/** The bare page of a built reading page's HTML; throws when the page has no passage text. */
export function plainPageOf(readerHtml: string): string {
  const doc = parseHtml(readerHtml);
  const elements = [...elementsOf(doc, false)];
  const lang = attribute(elements.find((e) => e.tagName === 'html')!, 'lang') ?? 'en';
  const h1 = elements.find((e) => e.tagName === 'h1');
  const passages = elements.filter((e: HtmlElement) => tokens(attribute(e, 'class')).includes('passage-text'));
  if (!h1 || passages.length === 0) throw new Error('The reading page has no <h1> or no element of class "passage-text": is it a reading page?');
  const title = escapeText(collapsed(h1));
  const body = passages.map((p) => {
    const tag = tokens(attribute(p, 'class')).includes('passage-heading') ? 'h2' : 'p';
    return `<${tag}>${escapeText(collapsed(p))}</${tag}>`;
  });
  return `<!doctype html>\n<html lang="${lang}">\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n<h1>${title}</h1>\n${body.join('\n')}\n`;
}

/** Elements whose text runs on in its line; every other element starts a block of its own. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'button', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

/** The bare page of a built page's whole visible text (as `visibleText` reads it), a paragraph per block. */
export function wholeTextPageOf(pageHtml: string): string {
  const doc = parseHtml(pageHtml);
  const elements = [...elementsOf(doc, false)];
  const lang = attribute(elements.find((e) => e.tagName === 'html')!, 'lang') ?? 'en';
  const body = elements.find((e) => e.tagName === 'body');
  const h1 = elements.find((e) => e.tagName === 'h1');
  if (!body || !h1) throw new Error('The page has no <body> or no <h1>.');
  const blocks: string[] = [];
  let line = '';
  const endBlock = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) blocks.push(`<p>${escapeText(text)}</p>`);
    line = '';
  };
  const walk = (node: HtmlNode) => {
    if (node.nodeName === '#text' && 'value' in node) line += node.value;
    if (!('tagName' in node) || NOT_RENDERED.has(node.tagName) || attribute(node, 'hidden') !== undefined) return;
    const block = !INLINE.has(node.tagName);
    if (block) endBlock();
    node.childNodes.forEach(walk);
    if (block) endBlock();
  };
  walk(body);
  return `<!doctype html>\n<html lang="${lang}">\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeText(collapsed(h1))}</title>\n${blocks.join('\n')}\n`;
}
