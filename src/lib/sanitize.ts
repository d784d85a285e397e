/**
 * The one allowlist for HTML nobody here wrote: note and glossary bodies today, imported documents
 * and class annotation layers later. `NOTE_SCHEMA` (a hast-util-sanitize schema) says which elements
 * and attributes a body may contain: what Markdown with GFM produces, a few inline tags editors use
 * (`<abbr title>`, `<span lang>`, `<q cite>` …), and what the author components render. URLs in
 * `href`, `src` and `cite` must also pass the URL policy (src/lib/url-policy.ts).
 *
 * Two uses, one schema: `findUnsafe` lists what a parsed tree has outside the allowlist, so the
 * check can refuse it with the line and the fix (content is never cleaned silently), and
 * `sanitizeHtml` cleans rendered HTML before it reaches a page, in case something slipped past.
 */
import type { Element, Nodes, Properties, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { parseFragment as parseHtmlFragment } from 'parse5';
import { find, html as htmlSchema } from 'property-information';
import { checkUrl, type UrlContext, type UrlVerdict } from './url-policy.ts';

type AttributeRule = NonNullable<Schema['attributes']>[string][number];

/** Attributes that hold a URL, and what the URL policy expects of each. */
export const URL_ATTRIBUTES: Readonly<Record<string, UrlContext>> = { href: 'link', cite: 'link', src: 'image' };

const HEADINGS = ['h2', 'h3', 'h4', 'h5', 'h6'];

/** What an editor may write in a body: element → the hast properties it may carry (beyond `*`). */
const ELEMENTS: Record<string, AttributeRule[]> = {
  // Markdown and GFM
  p: [],
  br: [],
  hr: [],
  ...Object.fromEntries(HEADINGS.map((h) => [h, []])),
  em: [],
  strong: [],
  // Links have no class, the author components' (Term, Cite, PassageRef) included.
  a: ['href'],
  ul: [],
  ol: [['start', /^\d{1,9}$/]],
  li: [],
  blockquote: ['cite'],
  code: [['className', /^language-[\w+#.-]+$/]],
  pre: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: [],
  td: [],
  del: [],
  img: ['src', 'alt'],
  // Inline HTML editors use for meaning, not looks
  abbr: [],
  b: [],
  i: [],
  u: [],
  s: [],
  ins: [],
  cite: [],
  q: ['cite'],
  dfn: [],
  kbd: [],
  samp: [],
  var: [],
  mark: [],
  small: [],
  sub: [],
  sup: [],
  // `<PassageRef>` renders `<span class="visually-hidden">passage </span>` for screen readers.
  span: [['className', 'visually-hidden']],
  bdi: [],
  bdo: [],
  wbr: [],
  time: ['dateTime'],
  ruby: [],
  rt: [],
  rp: [],
  dl: [],
  dt: [],
  dd: [],
};

/** Attributes any allowed element may carry: language, direction and a tooltip. */
const GLOBAL_ATTRIBUTES: AttributeRule[] = ['lang', ['dir', 'ltr', 'rtl', 'auto'], 'title'];

export const NOTE_SCHEMA: Schema = {
  tagNames: Object.keys(ELEMENTS),
  attributes: { ...ELEMENTS, '*': GLOBAL_ATTRIBUTES },
  // The URL policy decides; these schemes are the outer bound the library enforces on its own. A
  // `cite` is held to the same policy as a link (the check lets `mailto:` through), so the bound is
  // the same: a narrower one here silently dropped what the check had passed.
  protocols: { href: ['http', 'https', 'mailto'], cite: ['http', 'https', 'mailto'], src: [] },
  // Elements whose content is code or page chrome, never text a reader should see.
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'select', 'svg', 'math', 'object'],
  // An <li> or <td> outside its list or table is odd but harmless; cleaning must not drop it silently.
  ancestors: {},
  clobber: [],
  clobberPrefix: '',
  required: {},
  allowComments: false,
  allowDoctypes: false,
};

const ALLOWED_TAGS: ReadonlySet<string> = new Set(NOTE_SCHEMA.tagNames);

/** The HTML attribute name of a hast property (`className` → `class`). */
export const attributeNameOf = (property: string) => find(htmlSchema, property).attribute;
/** The hast property name of an HTML attribute, whatever its case (`onClick` → `onClick`, `CLASS` → `className`). */
export const propertyNameOf = (attribute: string) => find(htmlSchema, attribute).property;

export const isAllowedElement = (tagName: string) => ALLOWED_TAGS.has(tagName);

/** A written attribute as an HTML parser stores it: name normalised, token lists split, a bare name `true`. */
export function toProperty(attribute: string, value: string | null): [string, Properties[string]] {
  const info = find(htmlSchema, attribute);
  if (value === null || info.boolean) return [info.property, true];
  if (info.spaceSeparated) return [info.property, value.split(/[ \t\n\f\r]+/).filter(Boolean)];
  if (info.commaSeparated) return [info.property, value.split(',').map((v) => v.trim()).filter(Boolean)];
  return [info.property, value];
}

/** The attributes an editor may write on `tagName` (the author components' classes left out). */
export function allowedAttributesOf(tagName: string): string[] {
  const names = [...(ELEMENTS[tagName] ?? []), ...GLOBAL_ATTRIBUTES].map((rule) => (typeof rule === 'string' ? rule : rule[0]));
  return names.filter((name) => name !== 'className').map(attributeNameOf);
}

function ruleFor(tagName: string, property: string): AttributeRule | undefined {
  const matches = (rule: AttributeRule) => (typeof rule === 'string' ? rule : rule[0]) === property;
  return ELEMENTS[tagName]?.find(matches) ?? GLOBAL_ATTRIBUTES.find(matches);
}

/** Whether `tagName` may carry `property` with `value`, as `sanitize` with NOTE_SCHEMA decides. */
export function isAllowedAttribute(tagName: string, property: string, value: Properties[string]): boolean {
  const rule = ruleFor(tagName, property);
  if (!rule) return false;
  if (typeof rule === 'string') return true;
  const allowed = rule.slice(1);
  const values = Array.isArray(value) ? value : [value];
  return values.every((v) => allowed.some((a) => (a instanceof RegExp ? a.test(String(v)) : a === v)));
}

/** One thing outside the allowlist. */
export type UnsafeFinding =
  | { kind: 'element'; node: Element; tagName: string }
  | { kind: 'attribute'; node: Element; tagName: string; attribute: string; value: string }
  | { kind: 'url'; node: Element; tagName: string; attribute: string; value: string; verdict: Extract<UrlVerdict, { ok: false }> };

const propertyText = (value: Properties[string]) => (Array.isArray(value) ? value.join(' ') : value === true ? '' : String(value ?? ''));

/** Checks one element's own name and properties (not its children). */
export function checkElement(node: Element): UnsafeFinding[] {
  const { tagName } = node;
  if (!isAllowedElement(tagName)) return [{ kind: 'element', node, tagName }];
  const findings: UnsafeFinding[] = [];
  for (const [property, value] of Object.entries(node.properties ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    const attribute = attributeNameOf(property);
    if (!isAllowedAttribute(tagName, property, value)) {
      findings.push({ kind: 'attribute', node, tagName, attribute, value: propertyText(value) });
      continue;
    }
    const context = URL_ATTRIBUTES[attribute];
    if (context) {
      const verdict = checkUrl(propertyText(value), { context });
      if (!verdict.ok) findings.push({ kind: 'url', node, tagName, attribute, value: propertyText(value), verdict });
    }
  }
  return findings;
}

/**
 * Everything in `tree` outside the allowlist, in document order. A refused element is reported
 * once, without what it contains: removing it (content and all) is the fix.
 */
export function findUnsafe(tree: Nodes): UnsafeFinding[] {
  const findings: UnsafeFinding[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'element') {
      const own = checkElement(node);
      findings.push(...own);
      if (own.some((f) => f.kind === 'element')) return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return findings;
}

/** Removes URL attributes the policy refuses (the schema alone knows schemes, not our rules). */
function dropRefusedUrls(node: Nodes): void {
  if (node.type === 'element') {
    for (const property of Object.keys(node.properties)) {
      const context = URL_ATTRIBUTES[attributeNameOf(property)];
      if (context && !checkUrl(propertyText(node.properties[property]), { context }).ok) delete node.properties[property];
    }
  }
  if ('children' in node) node.children.forEach(dropRefusedUrls);
}

/**
 * Parses `html` as a body fragment, the way a browser would where it is inserted (parse5 is the
 * WHATWG parsing algorithm; straight to parse5 costs half of what a parse through a virtual file does).
 */
export const parseFragment = (html: string): Root => fromParse5(parseHtmlFragment(html)) as Root;

/**
 * `html` cleaned with NOTE_SCHEMA and the URL policy, for HTML that already passed the check: there
 * it changes nothing a reader sees, and anything that slipped past the check is removed.
 */
export function sanitizeHtml(html: string): string {
  const clean = sanitize(parseFragment(html), NOTE_SCHEMA);
  dropRefusedUrls(clean);
  return toHtml(clean, { characterReferences: { useNamedReferences: true } });
}
