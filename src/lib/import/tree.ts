/**
 * A small element tree that every markup importer walks: XML (TEI, EPUB packages, Word's
 * properties) parsed by saxes, HTML (saved pages, Markdown and Word rendered to HTML, EPUB chapters
 * that are not well-formed XML) by linkedom. Element names are lower-case local names; attributes
 * keep their qualified names (`xml:lang`, `epub:type`).
 */
import { parseHTML } from 'linkedom';
import { SaxesParser } from 'saxes';
import { oneLine } from './model.ts';

export interface XElement {
  name: string;
  attrs: Record<string, string>;
  children: XChild[];
}
export type XChild = XElement | string;

export const isElement = (child: XChild | undefined): child is XElement => typeof child === 'object';

/** Parses well-formed XML; throws an Error whose message is saxes's `line:column: what`. */
export function parseXml(text: string): XElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XElement = { name: '#document', attrs: {}, children: [] };
  const stack: XElement[] = [root];
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attrs[name] = typeof attribute === 'string' ? attribute : attribute.value;
    const element: XElement = { name: (tag.local ?? tag.name).toLowerCase(), attrs, children: [] };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (value: string) => {
    const parent = stack.at(-1)!;
    const last = parent.children.at(-1);
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + value;
    else parent.children.push(value);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure) throw failure;
  const element = root.children.find(isElement);
  if (!element) throw new Error('the file holds no element');
  return element;
}

interface DomNode {
  nodeType: number;
  nodeValue?: string | null;
  localName?: string;
  tagName?: string;
  attributes?: ArrayLike<{ name: string; value: string }>;
  childNodes: ArrayLike<DomNode>;
}

/** Copies a DOM subtree (linkedom) into the small tree; comments and processing instructions are dropped. */
export function fromDom(node: DomNode): XElement {
  const attrs: Record<string, string> = {};
  for (const attribute of Array.from(node.attributes ?? [])) attrs[attribute.name.toLowerCase()] = attribute.value;
  const element: XElement = { name: (node.localName ?? node.tagName ?? '').toLowerCase(), attrs, children: [] };
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) element.children.push(child.nodeValue ?? '');
    else if (child.nodeType === 1) element.children.push(fromDom(child));
  }
  return element;
}

/** Parses HTML as a browser would (linkedom); returns the document element and the DOM document. */
export function parseHtmlDocument(html: string) {
  const { document } = parseHTML(html);
  return { document, root: fromDom(document.documentElement as unknown as DomNode) };
}

/** The element's text, all descendants, white space as written. */
export function textOf(element: XChild | undefined): string {
  if (element === undefined) return '';
  if (typeof element === 'string') return element;
  return element.children.map(textOf).join('');
}

/** The element's text on one line, as metadata wants it (a title, a name, a date). */
export const textLine = (element: XChild | undefined) => oneLine(textOf(element));

export const elementChildren = (element: XElement | undefined, name?: string) =>
  (element?.children ?? []).filter((c): c is XElement => isElement(c) && (name === undefined || c.name === name));

/** The first descendant (depth first) with one of the names. */
export function find(element: XElement | undefined, ...names: string[]): XElement | undefined {
  for (const child of element?.children ?? []) {
    if (!isElement(child)) continue;
    if (names.includes(child.name)) return child;
    const deeper = find(child, ...names);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Every descendant with one of the names, in document order. */
export function findAll(element: XElement | undefined, ...names: string[]): XElement[] {
  const found: XElement[] = [];
  const visit = (node: XElement) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (names.includes(child.name)) found.push(child);
      visit(child);
    }
  };
  if (element) visit(element);
  return found;
}

/** Follows a path of child names (`find(tei, 'teiheader', 'filedesc')` searches; this does not). */
export function child(element: XElement | undefined, ...path: string[]): XElement | undefined {
  let current = element;
  for (const name of path) current = elementChildren(current, name)[0];
  return current;
}

/** An element's language: `xml:lang` (XML) or `lang` (HTML). */
export const langOf = (element: XElement) => element.attrs['xml:lang'] ?? element.attrs.lang;

export const classesOf = (element: XElement) => (element.attrs.class ?? '').toLowerCase().split(/\s+/).filter(Boolean);
