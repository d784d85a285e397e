/**
 * Renders a note or glossary body (MDX) to an HTML string once, when content loads, instead of
 * compiling every file into a JavaScript module of its own. Parsing is the same as the MDX
 * integration's (satteri, with GFM and smart punctuation as Astro renders Markdown); the author
 * components (`<Term>`, `<Cite>`, `<PassageRef>`) are expanded by the functions the caller passes,
 * and HTML-like tags (`<abbr title="…">`) are written as HTML. A book with thousands of notes then
 * costs one parse per note, not one bundled module per note (see the README's build benchmark).
 *
 * The body must already have passed `scanMdxBody` (the integrity check): what it refuses, such as
 * JavaScript expressions or unknown components, throws here. The HTML is then cleaned with the
 * same allowlist the check applies (src/lib/sanitize.ts), author components' output included: for
 * checked content that changes nothing a reader sees, and it stops whatever slipped past.
 */
import { mdxToHast, type HastNode } from 'satteri';
import type { AuthorComponent } from '../schemas/components.ts';
import { sanitizeHtml } from './sanitize.ts';

/** How bodies are parsed, by the renderer and the check alike: as Astro renders Markdown. */
export const MDX_FEATURES = { gfm: true, smartPunctuation: true } as const;

/** Expands one author component; `children` is the rendered HTML between its tags ('' when self-closing). */
export type ComponentRenderer = (props: Record<string, string>, children: string) => string;
export type ComponentRenderers = Record<AuthorComponent, ComponentRenderer>;

const VOID_ELEMENTS = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * A GFM table column's alignment comes as `style="text-align: …"`, which the site's
 * Content-Security-Policy blocks anyway; leaving it out keeps the HTML within the allowlist.
 */
export function withoutAlignment<T extends Record<string, unknown>>(tagName: string, properties: T): T {
  if ((tagName !== 'td' && tagName !== 'th') || !('style' in properties)) return properties;
  const { style: _style, ...rest } = properties;
  return rest as T;
}

/** hast property name → HTML attribute name (`className` → `class`, `ariaLabel` → `aria-label`). */
function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (/^(aria|data)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

function attributes(pairs: Iterable<[string, unknown]>): string {
  let out = '';
  for (const [name, value] of pairs) {
    if (value === false || value === null || value === undefined) continue;
    if (value === true) out += ` ${name}`;
    else out += ` ${name}="${escapeAttribute(Array.isArray(value) ? value.join(' ') : String(value))}"`;
  }
  return out;
}

interface MdxJsxNode {
  type: 'mdxJsxTextElement' | 'mdxJsxFlowElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: HastNode[];
}

/** Renders a parsed tree; exported for tests of single constructs. */
export function hastToHtml(node: HastNode, components: ComponentRenderers): string {
  const children = (list: readonly HastNode[] | undefined) => (list ?? []).map((child) => hastToHtml(child, components)).join('');
  const n = node as HastNode & { type: string; value?: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };
  switch (n.type) {
    case 'root':
      return children(n.children);
    case 'text':
      return escapeHtml(n.value ?? '');
    case 'comment':
      return '';
    case 'element': {
      const tag = n.tagName!;
      const attrs = attributes(Object.entries(withoutAlignment(tag, n.properties ?? {})).map(([key, value]) => [attributeName(key), value]));
      return VOID_ELEMENTS.has(tag) ? `<${tag}${attrs}>` : `<${tag}${attrs}>${children(n.children)}</${tag}>`;
    }
    case 'mdxJsxTextElement':
    case 'mdxJsxFlowElement': {
      const jsx = n as unknown as MdxJsxNode;
      const props: Record<string, string> = {};
      for (const attribute of jsx.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || !(typeof attribute.value === 'string' || attribute.value === null)) {
          throw new Error(`<${jsx.name}>: only plain name="value" attributes can be rendered.`);
        }
        props[attribute.name] = attribute.value ?? '';
      }
      const inner = children(jsx.children);
      if (!jsx.name) return inner;
      const component = components[jsx.name as AuthorComponent];
      if (component) return component(props, inner);
      if (/^[A-Z]/.test(jsx.name)) throw new Error(`<${jsx.name}> is not an author component.`);
      const attrs = attributes(Object.entries(props).map(([key, value]) => [key, value === '' ? true : value]));
      return VOID_ELEMENTS.has(jsx.name) ? `<${jsx.name}${attrs}>` : `<${jsx.name}${attrs}>${inner}</${jsx.name}>`;
    }
    default:
      throw new Error(`MDX ${n.type} cannot be rendered in a note (JavaScript expressions and import/export are not supported).`);
  }
}

/** MDX body → HTML, with the author components expanded by `components`, cleaned by the allowlist. */
export function renderMdxBody(body: string, components: ComponentRenderers): string {
  const tree = mdxToHast(body, { features: MDX_FEATURES, position: false });
  return sanitizeHtml(hastToHtml(tree, components).trim());
}
