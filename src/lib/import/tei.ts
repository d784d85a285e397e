/**
 * TEI P5 XML, parsed by saxes (already a dependency). The teiHeader gives the title, authors,
 * licence, source address and dates; the text's divisions give sections and headings (a nested
 * div is a deeper heading), p and ab paragraphs, quote and cit quotations, list lists, lg stanzas
 * (each l one line of source.txt), and xml:lang on any element the passage's or a mark's language.
 * Page and line breaks, forme work and gaps are not words of the text and are left out; notes are
 * kept, each as a reference passage right after the passage they belong to.
 */
import { refusals } from './errors.ts';
import { BlockCollector, emptyDocument, InlineText, joinLines, NO_ATTRIBUTES, normaliseLanguage, webAddress, type ImportBlock, type ImportedDocument, type InlineAttributes, type MarkStyle, type Span } from './model.ts';
import { child, elementChildren, find, findAll, isElement, langOf, parseXml, textLine, textOf, type XChild, type XElement } from './tree.ts';

interface Context {
  lang?: string | undefined;
  quote: boolean;
  depth: number;
  /** Inside an sp: who speaks. */
  speaker?: string | undefined;
}

const DIV = /^div[1-7]?$/;
const NOT_TEXT = new Set(['pb', 'cb', 'milestone', 'fw', 'gap', 'graphic', 'figdesc', 'anchor', 'space', 'media', 'formula']);
const BLOCKS = new Set(['p', 'ab', 'lg', 'l', 'list', 'table', 'quote', 'cit', 'head', 'div', 'sp', 'speaker', 'stage', 'listbibl', 'bibl', 'figure', 'opener', 'closer', 'byline', 'dateline', 'signed', 'salute', 'docauthor', 'titlepart', 'doctitle', 'epigraph', 'argument', 'floatingtext', 'note', 'trailer', 'label', 'item']);
const ATTRIBUTION = new Set(['byline', 'dateline', 'signed', 'docauthor', 'docimprint', 'docdate', 'salute']);

function stylesOf(rend: string | undefined): MarkStyle[] {
  const styles: MarkStyle[] = [];
  const value = (rend ?? '').toLowerCase();
  if (/\b(italics?|i)\b/.test(value)) styles.push('emphasis');
  if (/\b(bold|b|strong)\b/.test(value)) styles.push('strong');
  if (/\b(sup|superscript)\b/.test(value)) styles.push('superscript');
  if (/\b(sub|subscript)\b/.test(value)) styles.push('subscript');
  if (/\b(small-?caps|sc)\b/.test(value)) styles.push('small-caps');
  return styles;
}

/** Children that make an element a container of blocks rather than a paragraph (a note, a quotation or a title inside a paragraph stay inline). */
const CONTAINED_BLOCKS = new Set(['p', 'ab', 'lg', 'l', 'list', 'listbibl', 'table', 'head', 'sp', 'figure', 'opener', 'closer', 'epigraph', 'floatingtext', 'titlepart', 'doctitle', 'docauthor', 'byline', 'dateline', 'trailer', 'argument']);
const hasBlocks = (element: XElement): boolean =>
  element.children.some((c) => isElement(c) && (CONTAINED_BLOCKS.has(c.name) || DIV.test(c.name) || ((c.name === 'quote' || c.name === 'cit') && hasBlocks(c))));

class TeiBlocks extends BlockCollector {
  private notes: XElement[] = [];

  private contextOf(element: XElement, outer: Context): Context {
    return { ...outer, lang: normaliseLanguage(langOf(element)) ?? outer.lang };
  }

  private emit(role: ImportBlock['role'], built: { text: string; spans: Span[] }, context: Context, depth?: number) {
    this.add(role, built, context, depth);
    // Notes found inside this block follow it, each a passage of its own.
    const notes = this.notes;
    this.notes = [];
    for (const note of notes) this.emit('reference', this.inlineOf(note, this.contextOf(note, context)), this.contextOf(note, context));
  }

  walk(element: XElement, outer: Context): void {
    const context = this.contextOf(element, outer);
    let lines: XElement[] = [];
    const flushLines = () => {
      if (lines.length) this.emit('verse', joinLines(lines.map((l) => this.inlineOf(l, context))), context);
      lines = [];
    };
    for (const node of element.children) {
      if (!isElement(node)) {
        if (node.trim()) this.emit(context.quote ? 'quote' : 'paragraph', this.inlineOfChildren([node], context), context);
        continue;
      }
      if (node.name === 'l') {
        lines.push(node);
        continue;
      }
      flushLines();
      this.block(node, context);
    }
    flushLines();
  }

  private block(element: XElement, outer: Context): void {
    const context = this.contextOf(element, outer);
    const name = element.name;
    if (NOT_TEXT.has(name)) return this.count(name === 'pb' ? 'page breaks' : name === 'fw' ? 'running heads and page numbers (fw)' : `<${name}> elements`);
    if (name === 'teiheader') return;
    if (DIV.test(name)) return this.walk(element, { ...context, depth: name === 'div' ? context.depth + 1 : Number(name.slice(3)) });
    switch (name) {
      case 'head':
      case 'titlepart':
        return this.emit('heading', this.inlineOf(element, context), context, Math.max(1, context.depth));
      case 'doctitle':
        return this.walk(element, context);
      case 'sp': {
        // A speech: every passage in it is the speaker's; the speaker's name is an attribution.
        const named = child(element, 'speaker');
        const speaker = textLine(named).replace(/[.:,]$/, '') || element.attrs.who?.replace(/^#/, '');
        return this.walk(element, { ...context, speaker });
      }
      case 'speaker':
        return this.emit('attribution', this.inlineOf(element, context), context);
      case 'p':
      case 'ab':
      case 'stage':
      case 'label':
      case 'trailer':
        return hasBlocks(element) ? this.walk(element, context) : this.emit(context.quote ? 'quote' : 'paragraph', this.inlineOf(element, context), context);
      case 'lg':
        if (elementChildren(element).some((c) => c.name === 'lg')) return this.walk(element, context);
        for (const head of elementChildren(element, 'head')) this.emit('heading', this.inlineOf(head, context), context, context.depth + 1);
        return this.emit('verse', joinLines(elementChildren(element, 'l').map((l) => this.inlineOf(l, this.contextOf(l, context)))), context);
      case 'quote':
      case 'cit':
      case 'q':
      case 'epigraph':
        return hasBlocks(element) ? this.walk(element, { ...context, quote: true }) : this.emit('quote', this.inlineOf(element, context), context);
      case 'list':
      case 'listbibl':
        return this.list(element, context);
      case 'bibl':
      case 'note':
        return this.emit('reference', this.inlineOf(element, context), context);
      case 'table':
        return this.emit('list', joinLines(findAll(element, 'row').map((row) => this.cells(row, context))), context);
      case 'figure':
        this.count('figures');
        for (const head of elementChildren(element, 'head')) this.emit('paragraph', this.inlineOf(head, context), context);
        return;
      default:
        if (ATTRIBUTION.has(name)) return this.emit('attribution', this.inlineOf(element, context), context);
        return hasBlocks(element) ? this.walk(element, context) : this.emit(context.quote ? 'quote' : 'paragraph', this.inlineOf(element, context), context);
    }
  }

  private cells(row: XElement, context: Context) {
    const text = new InlineText();
    elementChildren(row, 'cell').forEach((cell, index) => {
      if (index > 0) text.push(' | ');
      for (const node of cell.children) this.inline(node, text, NO_ATTRIBUTES, context.lang);
    });
    return text.finish();
  }

  private list(list: XElement, context: Context): void {
    for (const head of elementChildren(list, 'head')) this.emit('heading', this.inlineOf(head, context), context, context.depth + 1);
    const numbered = /\b(numbered|ordered)\b/.test(list.attrs.rend ?? '') || list.attrs.type === 'ordered';
    const lines: { text: string; spans: Span[] }[] = [];
    let label: string | undefined;
    let number = 1;
    for (const node of elementChildren(list)) {
      if (node.name === 'label') {
        label = textLine(node);
        continue;
      }
      if (node.name !== 'item' && node.name !== 'bibl') continue;
      const text = new InlineText();
      text.push(label ?? (numbered ? `${number}.` : '•'));
      text.space();
      for (const inner of node.children) this.inline(inner, text, NO_ATTRIBUTES, context.lang);
      lines.push(text.finish());
      label = undefined;
      number++;
    }
    this.emit(list.name === 'listbibl' ? 'reference' : 'list', joinLines(lines), context);
  }

  private inlineOf(element: XElement, context: Context) {
    return this.inlineOfChildren(element.children, context);
  }

  private inlineOfChildren(children: readonly XChild[], context: Context) {
    const text = new InlineText();
    for (const node of children) this.inline(node, text, NO_ATTRIBUTES, context.lang);
    return text.finish();
  }

  private inline(node: XChild, text: InlineText, outer: InlineAttributes, blockLang: string | undefined): void {
    if (!isElement(node)) return text.push(node, outer);
    const name = node.name;
    // A line or column break ends a word (cb is also in NOT_TEXT, so this comes first).
    if (name === 'lb' || name === 'cb') return text.space();
    if (NOT_TEXT.has(name)) {
      if (name === 'pb') this.count('page breaks');
      return;
    }
    if (name === 'note') {
      this.notes.push(node);
      return;
    }
    if (name === 'choice') {
      const preferred = ['sic', 'orig', 'abbr'].map((n) => child(node, n)).find(Boolean) ?? elementChildren(node)[0];
      if (preferred) this.inline(preferred, text, outer, blockLang);
      return;
    }
    if (name === 'app') {
      const lemma = child(node, 'lem');
      if (lemma) this.inline(lemma, text, outer, blockLang);
      return;
    }
    const styles = new Set(outer.styles);
    for (const style of stylesOf(node.attrs.rend)) styles.add(style);
    if (name === 'emph') styles.add('emphasis');
    const attributes: InlineAttributes = { styles: [...styles], link: outer.link, lang: outer.lang };
    if (name === 'ref' || name === 'ptr') attributes.link = webAddress(node.attrs.target);
    const lang = normaliseLanguage(langOf(node));
    if (lang) attributes.lang = lang === blockLang ? undefined : lang;
    if (BLOCKS.has(name)) text.space();
    for (const inner of node.children) this.inline(inner, text, attributes, blockLang);
    if (BLOCKS.has(name)) text.space();
  }
}

function personName(author: XElement): string {
  const pers = find(author, 'persname') ?? author;
  const surname = textLine(find(pers, 'surname'));
  const forename = findAll(pers, 'forename').map(textLine).join(' ');
  if (surname && forename) return `${surname}, ${forename}`;
  return textLine(pers);
}

export function importTei(text: string, fileName: string): ImportedDocument {
  let root: XElement;
  try {
    root = parseXml(text);
  } catch (error) {
    throw refusals.corrupt(fileName, 'XML file', `it is not well-formed: ${(error as Error).message}`);
  }
  if (root.name !== 'tei' && root.name !== 'teicorpus') throw refusals.notTei(fileName, root.name);
  const document = emptyDocument('tei');
  const header = child(root, 'teiheader');
  const fileDesc = child(header, 'filedesc');
  const titleStmt = child(fileDesc, 'titlestmt');
  const titles = elementChildren(titleStmt, 'title');
  const main = titles.find((t) => t.attrs.type === 'main') ?? titles.find((t) => !t.attrs.type) ?? titles[0];
  if (main) document.title = textLine(main);
  const sub = titles.find((t) => t.attrs.type === 'sub');
  if (sub) document.subtitle = textLine(sub);
  document.authors = elementChildren(titleStmt, 'author').map(personName).filter(Boolean);

  const publication = child(fileDesc, 'publicationstmt');
  const availability = find(publication, 'availability');
  const licence = find(availability, 'licence');
  if (licence) {
    const url = webAddress(licence.attrs.target);
    const name = textLine(licence) || url;
    if (name) document.licence = { name, url };
  } else {
    const statement = textLine(availability);
    if (statement) document.licence = { name: statement };
  }
  const idno = findAll(publication, 'idno', 'ptr', 'ref').map((e) => webAddress(e.attrs.target ?? textOf(e))).find(Boolean);
  const sourceDesc = child(fileDesc, 'sourcedesc');
  const sourceUrl = findAll(sourceDesc, 'ref', 'ptr', 'idno').map((e) => webAddress(e.attrs.target ?? textOf(e))).find(Boolean);
  const url = idno ?? sourceUrl;
  const publisher = textLine(find(publication, 'publisher', 'distributor', 'authority'));
  if (url) document.origin = { url, title: document.title, site: publisher };
  const creation = find(find(child(header, 'profiledesc'), 'creation'), 'date');
  const sourceDate = creation ?? find(sourceDesc, 'date');
  const date = sourceDate?.attrs.when ?? textLine(sourceDate);
  const publicationDate = find(publication, 'date');
  const chosen = date || publicationDate?.attrs.when || textLine(publicationDate);
  if (chosen) document.date = chosen;
  const abstract = textLine(find(child(header, 'profiledesc'), 'abstract'));
  if (abstract) document.description = abstract;

  const textElement = child(root, 'text') ?? find(root, 'text');
  const language =
    normaliseLanguage(textElement ? langOf(textElement) : undefined) ??
    normaliseLanguage(langOf(root)) ??
    normaliseLanguage(find(find(header, 'langusage'), 'language')?.attrs.ident);
  if (language) document.language = language;

  const walker = new TeiBlocks();
  if (textElement) walker.walk(textElement, { quote: false, depth: 0, lang: language });
  document.blocks = walker.blocks;
  document.omitted.push('the TEI header (its title, authors, licence and source are in reading.yaml)');
  document.omitted.push(...walker.omitted());
  return document;
}
