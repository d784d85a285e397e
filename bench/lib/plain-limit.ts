/**
 * The physical limit a reading page is measured against: the same reading text as one bare HTML
 * file (title, then each passage as a heading or paragraph of plain text; no stylesheet, script,
 * notes, links or site chrome). Served by the same server in the same Lighthouse run, it shows
 * what the network and the phone cost for the text alone.
 */
import { attribute, elementsOf, parseHtml, tokens, type HtmlElement, type HtmlNode } from './html.ts';

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
