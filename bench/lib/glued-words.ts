/**
 * Finds words glued together across an inline element boundary (`<span>23 passages</span><span>
 * about</span>` reads "passagesabout"): what Astro 7's default `compressHTML: 'jsx'` does to
 * elements written on separate lines. Exempt on purpose: code-like and math elements, sup/sub,
 * and editorial marks in the text (note markers, textual apparatus marks), which sit against the word they follow by design.
 */
import { IN_TEXT_MARK_CLASSES } from '../../src/lib/constants.ts';
import { attribute, elementsOf, tokens, type HtmlDocument, type HtmlNode } from './html.ts';

/** Elements that start a new line or box: words on either side of them never run together. */
const BLOCKS = new Set(
  ('address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hgroup hr img input legend li main menu nav ol option p search section select summary ' +
    'table tbody td textarea tfoot th thead tr ul video audio iframe canvas').split(' '),
);
/** Elements whose content is skipped: not prose, or joined to their neighbour on purpose. */
const SKIPPED = new Set('script style template noscript pre code kbd samp var math svg sup sub ruby'.split(' '));
const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

export interface GluedWord {
  /** The text on both sides, e.g. `passages|about`. */
  join: string;
  /** The tags between them, e.g. `</span><span>`. */
  tags: string;
}

export function findGluedWords(doc: HtmlDocument): GluedWord[] {
  const found: GluedWord[] = [];
  let before = ''; // text since the last block boundary
  let tags = ''; // inline tags crossed since the last text
  const text = (value: string) => {
    if (value === '') return;
    if (tags && WORD_END.test(before) && WORD_START.test(value)) {
      found.push({ join: `${before.split(/\s/).pop()}|${value.split(/\s/)[0]}`, tags });
    }
    before = value;
    tags = '';
  };
  const breakFlow = () => {
    before = '';
    tags = '';
  };
  const walk = (node: HtmlNode) => {
    if (node.nodeName === '#text' && 'value' in node) return text(node.value);
    if (!('tagName' in node)) return;
    const name = node.tagName;
    if (attribute(node, 'hidden') !== undefined) return;
    const exempt = SKIPPED.has(name) || tokens(attribute(node, 'class')).some((name) => IN_TEXT_MARK_CLASSES.includes(name));
    if (exempt) {
      breakFlow();
      return;
    }
    const block = BLOCKS.has(name) || attribute(node, 'popover') !== undefined;
    if (block) breakFlow();
    else tags += `<${name}>`;
    node.childNodes.forEach(walk);
    if (block) breakFlow();
    else tags += `</${name}>`;
  };
  const body = [...elementsOf(doc)].find((e) => e.tagName === 'body');
  if (body) walk(body);
  return found;
}
