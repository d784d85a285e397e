/**
 * HTML → blocks: the shared adapter for every format that is HTML or becomes HTML (a saved page
 * after Readability, Markdown rendered by satteri, Word rendered by mammoth, EPUB chapters).
 * Headings, paragraphs, block quotations, lists, tables, preformatted text and poems become
 * blocks; emphasis, strong, links, super- and subscript, code, small capitals and words in
 * another language become spans. What is not text (images, scripts, forms, page numbers) is
 * counted and reported as left out.
 */
import type { TextDirection } from '../languages.ts';
import { BlockCollector, InlineText, joinLines, NO_ATTRIBUTES, normaliseLanguage, webAddress, type InlineAttributes, type MarkStyle, type Span } from './model.ts';
import { classesOf, find, isElement, langOf, parseHtmlDocument, type XChild, type XElement } from './tree.ts';

const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);

/** Elements that hold no text of the work, by what the report calls them. */
const LEFT_OUT: Record<string, string> = {
  img: 'images', picture: 'images', svg: 'images', canvas: 'images',
  video: 'audio and video', audio: 'audio and video', iframe: 'embedded frames', object: 'embedded frames', embed: 'embedded frames',
  script: 'scripts', noscript: 'scripts', style: 'style sheets', template: 'templates',
  form: 'forms', input: 'forms', button: 'forms', select: 'forms', textarea: 'forms',
  nav: 'navigation', head: 'page head', math: 'formulas',
};

const STYLE_OF: Record<string, MarkStyle> = {
  em: 'emphasis', i: 'emphasis', cite: 'emphasis', dfn: 'emphasis', var: 'emphasis',
  strong: 'strong', b: 'strong',
  sup: 'superscript', sub: 'subscript',
  code: 'code', kbd: 'code', samp: 'code', tt: 'code',
};

interface Context {
  lang?: string | undefined;
  dir?: TextDirection | undefined;
  quote: boolean;
}

const isVerseContainer = (element: XElement) => classesOf(element).some((c) => /^(poem|poetry|verse|stanza|lg)$/.test(c));
const isStanza = (element: XElement) => classesOf(element).some((c) => c === 'stanza' || c === 'lg');
const hasType = (element: XElement, ...types: string[]) => {
  const declared = `${element.attrs['epub:type'] ?? ''} ${element.attrs.role ?? ''}`.toLowerCase().split(/\s+/);
  return types.some((t) => declared.includes(t));
};
const isPageBreak = (element: XElement) => hasType(element, 'pagebreak', 'doc-pagebreak');
const isFootnotes = (element: XElement) =>
  element.attrs['data-footnotes'] !== undefined || hasType(element, 'footnote', 'footnotes', 'endnote', 'endnotes', 'rearnote', 'rearnotes', 'doc-endnotes', 'doc-footnote');
const isByline = (element: XElement) => classesOf(element).some((c) => /^(byline|author|dateline|signature)$/.test(c));
const isSmallCaps = (element: XElement) =>
  classesOf(element).some((c) => /^(small-?caps|sc|smcap|smallcaps)$/.test(c)) || /font-variant\s*:\s*small-caps/i.test(element.attrs.style ?? '');
const isGutenbergBoilerplate = (element: XElement) =>
  element.attrs.id === 'pg-header' || element.attrs.id === 'pg-footer' || classesOf(element).includes('pg-boilerplate');
const isHidden = (element: XElement) => element.attrs.hidden !== undefined || element.attrs['aria-hidden'] === 'true';

/** Walks HTML and collects blocks, counting what was not text. */
export class HtmlBlocks extends BlockCollector {
  private contextOf(element: XElement, outer: Context): Context {
    const lang = normaliseLanguage(langOf(element)) ?? outer.lang;
    const dirAttribute = element.attrs.dir?.toLowerCase();
    const dir = dirAttribute === 'rtl' || dirAttribute === 'ltr' ? dirAttribute : outer.dir;
    return { ...outer, lang, dir };
  }

  /** Skips what is not text; true when the element was dealt with. */
  private skipped(element: XElement): boolean {
    const kind = LEFT_OUT[element.name];
    if (kind) {
      this.count(kind);
      return true;
    }
    if (isPageBreak(element)) {
      this.count('page numbers');
      return true;
    }
    if (isGutenbergBoilerplate(element)) {
      this.count('the Project Gutenberg header and licence');
      return true;
    }
    return isHidden(element);
  }

  /** The children of a block container: runs of inline content become paragraphs. */
  walk(element: XElement, outer: Context = { quote: false }): void {
    const context = this.contextOf(element, outer);
    let pending: InlineText | undefined;
    const flush = () => {
      if (pending) this.add(context.quote ? 'quote' : 'paragraph', pending.finish(), context);
      pending = undefined;
    };
    for (const node of element.children) {
      if (!isElement(node)) {
        if (node.trim() !== '' || pending) (pending ??= new InlineText()).push(node);
        continue;
      }
      if (this.skipped(node)) continue;
      if (!BLOCK_ELEMENTS.has(node.name) && !isVerseContainer(node)) {
        this.inline(node, (pending ??= new InlineText()), NO_ATTRIBUTES, context.lang);
        continue;
      }
      flush();
      this.block(node, context);
    }
    flush();
  }

  private block(element: XElement, outer: Context): void {
    const context = this.contextOf(element, outer);
    const name = element.name;
    if (isVerseContainer(element)) return this.verse(element, context);
    if (isFootnotes(element)) return this.footnotes(element, context);
    if (/^h[1-6]$/.test(name)) return this.add('heading', this.inlineOf(element, context), context, Number(name[1]));
    switch (name) {
      case 'p': {
        const built = this.inlineOf(element, context);
        return this.add(isByline(element) ? 'attribution' : looksLikeVerse(built.text) ? 'verse' : context.quote ? 'quote' : 'paragraph', built, context);
      }
      case 'dt':
      case 'dd':
      case 'summary':
      case 'figcaption':
        return this.add(isByline(element) ? 'attribution' : context.quote ? 'quote' : 'paragraph', this.inlineOf(element, context), context);
      case 'address':
        return this.add('attribution', this.inlineOf(element, context), context);
      case 'blockquote':
        return this.walk(element, { ...context, quote: true });
      case 'ul':
      case 'ol':
        return this.add('list', joinLines(this.listItems(element, context, 0)), context);
      case 'li':
        return this.add('list', joinLines(this.listItems({ name: 'ul', attrs: {}, children: [element] }, context, 0)), context);
      case 'pre':
        return this.add(context.quote ? 'quote' : 'paragraph', this.inlineOf(element, context, true), context);
      case 'table':
        return this.add('list', joinLines(this.tableRows(element, context)), context);
      case 'hr':
        return;
      default:
        if (isByline(element) && !element.children.some((c) => isElement(c) && BLOCK_ELEMENTS.has(c.name))) {
          return this.add('attribution', this.inlineOf(element, context), context);
        }
        return this.walk(element, context);
    }
  }

  /** One element's inline content as a block's text. */
  private inlineOf(element: XElement, context: Context, preserve = false) {
    const text = new InlineText();
    for (const node of element.children) this.inlineChild(node, text, NO_ATTRIBUTES, context.lang, preserve);
    return text.finish();
  }

  private inlineChild(node: XChild, text: InlineText, attributes: InlineAttributes, blockLang: string | undefined, preserve = false) {
    if (!isElement(node)) text.push(node, attributes, preserve);
    else this.inline(node, text, attributes, blockLang, preserve);
  }

  /** Inline markup: styles, links and languages accumulate down the tree. */
  inline(element: XElement, text: InlineText, outer: InlineAttributes, blockLang: string | undefined, preserve = false): void {
    if (this.skipped(element)) return;
    if (element.name === 'br') return text.lineBreak();
    if (element.name === 'wbr') return;
    if (BLOCK_ELEMENTS.has(element.name)) {
      // A paragraph inside an item or a cell: its words continue the line after a space.
      text.space();
      for (const node of element.children) this.inlineChild(node, text, outer, blockLang, preserve);
      text.space();
      return;
    }
    const styles = new Set(outer.styles);
    const style = STYLE_OF[element.name];
    if (style) styles.add(style);
    if (isSmallCaps(element)) styles.add('small-caps');
    if (/font-style\s*:\s*italic/i.test(element.attrs.style ?? '')) styles.add('emphasis');
    if (/font-weight\s*:\s*(bold|[6-9]00)/i.test(element.attrs.style ?? '')) styles.add('strong');
    const attributes: InlineAttributes = { styles: [...styles], link: outer.link, lang: outer.lang };
    if (element.name === 'a') attributes.link = webAddress(element.attrs.href);
    const lang = normaliseLanguage(langOf(element));
    if (lang) attributes.lang = lang === blockLang ? undefined : lang;
    for (const node of element.children) this.inlineChild(node, text, attributes, blockLang, preserve || element.name === 'pre');
  }

  /** Items of a list, nested lists indented under their item, each line marked as the list numbers it. */
  private listItems(list: XElement, context: Context, depth: number): { text: string; spans: Span[]; indent: string }[] {
    const lines: { text: string; spans: Span[]; indent: string }[] = [];
    let number = Number.parseInt(list.attrs.start ?? '1', 10) || 1;
    const ordered = list.name === 'ol';
    for (const item of list.children) {
      if (!isElement(item)) continue;
      if (item.name !== 'li') {
        if (item.name === 'ul' || item.name === 'ol') lines.push(...this.listItems(item, context, depth + 1));
        continue;
      }
      if (item.attrs.value) number = Number.parseInt(item.attrs.value, 10) || number;
      const text = new InlineText();
      text.push(ordered ? `${number}.` : '•');
      text.space();
      number++;
      const nested: XElement[] = [];
      for (const node of item.children) {
        if (isElement(node) && (node.name === 'ul' || node.name === 'ol')) nested.push(node);
        else if (isElement(node) && node.name === 'input') continue;
        else this.inlineChild(node, text, NO_ATTRIBUTES, context.lang);
      }
      lines.push({ ...text.finish(), indent: '  '.repeat(depth) });
      for (const inner of nested) lines.push(...this.listItems(inner, context, depth + 1));
    }
    return lines;
  }

  private tableRows(table: XElement, context: Context) {
    const rows: { text: string; spans: Span[] }[] = [];
    const visit = (element: XElement) => {
      for (const node of element.children) {
        if (!isElement(node)) continue;
        if (node.name === 'tr') {
          const text = new InlineText();
          node.children.filter(isElement).filter((cell) => cell.name === 'td' || cell.name === 'th').forEach((cell, index) => {
            if (index > 0) text.push(' | ');
            for (const inner of cell.children) this.inlineChild(inner, text, NO_ATTRIBUTES, context.lang);
          });
          rows.push(text.finish());
        } else if (node.name === 'caption') rows.push(this.inlineOf(node, context));
        else if (!this.skipped(node)) visit(node);
      }
    };
    visit(table);
    return rows;
  }

  /** A poem: each stanza one verse block, each verse line one line. */
  private verse(element: XElement, context: Context): void {
    const stanzas = element.children.filter(isElement).filter((c) => isStanza(c) || c.name === 'div' || c.name === 'p');
    if (stanzas.length === 0 || isStanza(element)) {
      this.add('verse', this.verseLines(element, context), context);
      return;
    }
    for (const node of element.children) {
      if (!isElement(node) || this.skipped(node)) continue;
      if (stanzas.includes(node)) {
        const stanza = this.contextOf(node, context);
        this.add('verse', this.verseLines(node, stanza), stanza);
      } else if (BLOCK_ELEMENTS.has(node.name)) this.block(node, context);
    }
  }

  private verseLines(stanza: XElement, context: Context) {
    const text = new InlineText();
    const visit = (element: XElement) => {
      for (const node of element.children) {
        if (!isElement(node)) {
          text.push(node);
          continue;
        }
        if (this.skipped(node)) continue;
        if (node.name === 'br') text.lineBreak();
        else if (BLOCK_ELEMENTS.has(node.name) || classesOf(node).some((c) => /^(line|l|verse-line)$/.test(c))) {
          text.lineBreak();
          visit(node);
          text.lineBreak();
        } else this.inline(node, text, NO_ATTRIBUTES, context.lang);
      }
    };
    visit(stanza);
    return text.finish();
  }

  /** Footnotes and endnotes: each note a reference block, numbered as the list numbers them. */
  private footnotes(element: XElement, context: Context): void {
    for (const node of element.children) {
      if (!isElement(node) || this.skipped(node)) continue;
      const heading = /^h[1-6]$/.test(node.name);
      // satteri's visually hidden "Footnotes" label is the renderer's, not the author's.
      if (heading && classesOf(node).includes('sr-only')) continue;
      if (heading) this.block(node, context);
      else if (node.name === 'ol' || node.name === 'ul') {
        for (const line of this.listItems(withoutBackLinks(node), context, 0)) this.add('reference', line, context);
      } else if (BLOCK_ELEMENTS.has(node.name)) {
        this.add('reference', this.inlineOf(withoutBackLinks(node), context), context);
      } else {
        const text = new InlineText();
        this.inline(node, text, NO_ATTRIBUTES, context.lang);
        this.add('reference', text.finish(), context);
      }
    }
  }
}

/** The blocks of an HTML fragment a converter wrote (satteri for Markdown, mammoth for Word), read as a page's body. */
export function fragmentBlocks(html: string, lang: string | undefined): HtmlBlocks {
  const { root } = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`);
  const walker = new HtmlBlocks();
  const body = find(root, 'body');
  if (body) walker.walk(body, { quote: false, lang });
  return walker;
}

/**
 * A paragraph broken into short lines (line breaks in Markdown, Shift+Enter in Word, <br> in HTML)
 * is a stanza: each line one verse line. Prose broken by hand into long lines stays a paragraph.
 */
export function looksLikeVerse(text: string): boolean {
  const lines = text.split('\n');
  return lines.length >= 2 && lines.every((line) => line.trim().length > 0 && line.length <= 72);
}

/** A copy without the "↩" links back to the reference (the renderer's, not the author's). */
function withoutBackLinks(element: XElement): XElement {
  return {
    ...element,
    children: element.children
      .filter((c) => !(isElement(c) && (c.attrs['data-footnote-backref'] !== undefined || hasType(c, 'doc-backlink'))))
      .map((c) => (isElement(c) ? withoutBackLinks(c) : c)),
  };
}
