/**
 * Reads an MDX body the way the build will: parses it with the same MDX parser Astro's MDX
 * integration compiles with (satteri), reports syntax errors with their line, and lists every use of
 * the author components (`<Term>`, `<Cite>`, `<PassageRef>`) with its line and props, so the integrity
 * check can resolve each id and the glossary and sources pages can say where things are used.
 *
 * It also refuses, with the line and the fix, every element, attribute and URL outside the
 * allowlist (src/lib/sanitize.ts, src/lib/url-policy.ts): the renderer would remove them, and an
 * editor must learn that rather than see their text change silently.
 */
import type { Element } from 'hast';
import { mdxToHast, mdxToMdast, type MdastNode } from 'satteri';
import { MDX_FEATURES, withoutAlignment } from './mdx-html.ts';
import { allowedAttributesOf, checkElement, isAllowedElement, toProperty, type UnsafeFinding } from './sanitize.ts';
import { showUrl } from './url-policy.ts';
import { AUTHOR_COMPONENTS, type AuthorComponent, type CiteProps, type PassageRefProps, type TermProps } from '../schemas/components.ts';

/** One component in a body; `line` is 1-based within the body. */
export type ComponentUse =
  | { component: 'Term'; line: number; props: TermProps }
  | { component: 'Cite'; line: number; props: CiteProps }
  | { component: 'PassageRef'; line: number; props: PassageRefProps };

/** Something wrong in a body, before ids are resolved. */
export interface BodyProblem {
  kind: 'mdx-syntax' | 'invalid-component' | 'unsafe-html' | 'unsafe-url';
  /** 1-based within the body. */
  line: number;
  message: string;
  fix: string;
}

export interface BodyScan {
  uses: ComponentUse[];
  problems: BodyProblem[];
}

const isAuthorComponent = (name: string): name is AuthorComponent => Object.hasOwn(AUTHOR_COMPONENTS, name);
const COMPONENT_NAMES = Object.keys(AUTHOR_COMPONENTS) as AuthorComponent[];

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: JsxNode[];
  /** Elements Markdown produced (`hast`). */
  tagName?: string;
  properties?: Element['properties'];
}

/** `3:7: Expected a closing tag … (mdx-jsx:…)` → line 3 and the message without the location. */
export function parseSyntaxError(error: unknown): { line: number; message: string } {
  const text = error instanceof Error ? error.message : String(error);
  const located = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(text);
  const line = located ? Number(located[1]) : 1;
  const message = (located ? text.slice(located[0].length) : text).replace(/\s*\([\w-]+:[\w-]+\)\s*$/, '').replace(/\s*\(\d+:\d+\)/g, '');
  return { line, message };
}

/** Parses `body` and lists component uses and problems. Lines are relative to the body. */
export function scanMdxBody(body: string): BodyScan {
  let tree: JsxNode;
  try {
    // The tree the renderer gets (GFM, smart punctuation), so the check sees what would be published.
    tree = mdxToHast(body, { features: MDX_FEATURES, position: true }) as unknown as JsxNode;
  } catch (error) {
    const { line, message } = parseSyntaxError(error);
    return {
      uses: [],
      problems: [
        {
          kind: 'mdx-syntax',
          line,
          message: `MDX syntax error: ${message}.`,
          fix: 'close every tag you open (`<Term id="…">…</Term>` or self-closing `<Cite id="…" />`), quote attribute values, and write a literal `{`, `<` as `\\{`, `&lt;`.',
        },
      ],
    };
  }
  const uses: ComponentUse[] = [];
  const problems: BodyProblem[] = [];
  const visit = (node: JsxNode, parentLine: number) => {
    const line = node.position?.start.line ?? parentLine;
    if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name) {
      const name = node.name;
      if (isAuthorComponent(name)) scanComponent(name, node, line, uses, problems);
      else if (/^[A-Z]/.test(name)) {
        problems.push({
          kind: 'invalid-component',
          line,
          message: `<${name}> is not an author component.`,
          fix: `use one of ${COMPONENT_NAMES.map((n) => `<${n}>`).join(', ')} (they need no import).`,
        });
      } else if (!isAllowedElement(name)) {
        problems.push(refusedElement(name, line));
        return;
      } else problems.push(...scanHtmlTag(name, node, line));
    } else if (node.type === 'element' && node.tagName) {
      const refused = scanMarkdownElement(node as JsxNode & { tagName: string }, line, problems);
      if (refused) return;
    } else if (node.type === 'mdxjsEsm') {
      problems.push({
        kind: 'mdx-syntax',
        line,
        message: 'MDX syntax error: import and export are not supported in notes and glossary entries.',
        fix: 'remove the line; the author components need no import.',
      });
    } else if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') {
      problems.push({
        kind: 'mdx-syntax',
        line,
        message: 'MDX syntax error: JavaScript expressions in braces are not supported in notes and glossary entries.',
        fix: 'write a literal brace as `\\{` and `\\}`.',
      });
    }
    for (const child of node.children ?? []) visit(child, line);
  };
  visit(tree, 1);
  return { uses, problems };
}

/** Why a tag is refused, by what it could do to readers. */
const ELEMENT_DANGERS: [RegExp, string][] = [
  [/^(?:script|noscript|template)$/, "it carries code or markup the reader's page would run or hide"],
  [/^(?:iframe|frame|frameset|object|embed|applet|portal|fencedframe)$/, "it embeds another page or program in the reader's page"],
  [/^(?:form|input|button|textarea|select|option|optgroup|label|fieldset|legend|datalist|output|selectedcontent)$/, 'a form can collect what readers type and send it elsewhere'],
  [/^(?:meta|base|link|head|html|body|title)$/, 'it acts on the whole page: it can redirect readers, re-point every link or load a stylesheet'],
  [/^style$/, 'it restyles the whole page'],
  [/^(?:svg|math)$/, 'it can carry scripts, styles and links of its own'],
  [/^(?:audio|video|source|track|picture|canvas|map|area|dialog)$/, 'media, dialogs and image maps are not part of a note'],
];

const INLINE_TAGS = '<abbr title>, <cite>, <q>, <kbd>, <mark>, <small>, <sub>, <sup>, <span lang>, <bdi>, <dfn>';

function refusedElement(name: string, line: number): BodyProblem {
  const danger = ELEMENT_DANGERS.find(([pattern]) => pattern.test(name.toLowerCase()))?.[1] ?? 'it is not one of the tags a note may use';
  return {
    kind: 'unsafe-html',
    line,
    message: `<${name}> is not allowed in a note: ${danger}.`,
    fix: `remove <${name}> and everything inside it; write the note in Markdown, with inline tags such as ${INLINE_TAGS} where needed.`,
  };
}

/** The problem for one finding; `origin` says whether the editor wrote HTML or Markdown, `written` the attribute's name as written. */
function findingProblem(finding: UnsafeFinding, line: number, origin: 'html' | 'markdown', written?: string): BodyProblem {
  const { tagName } = finding;
  if (finding.kind === 'element') return refusedElement(tagName, line);
  const name = written ?? finding.attribute;
  if (finding.kind === 'url') {
    const what =
      origin === 'markdown' ? `the ${tagName === 'img' ? 'image' : 'link'} ${showUrl(finding.value)}` : `<${tagName} ${name}=${showUrl(finding.value)}>`;
    return { kind: 'unsafe-url', line, message: `${what} is not allowed: ${finding.verdict.reason}.`, fix: finding.verdict.fix };
  }
  const shown = `<${tagName} ${name}="…">`;
  if (/^on/i.test(name)) {
    return {
      kind: 'unsafe-html',
      line,
      message: `${shown} is not allowed: event handlers run code, and the site's Content-Security-Policy blocks them.`,
      fix: 'remove the attribute.',
    };
  }
  if (name.toLowerCase() === 'style') {
    return {
      kind: 'unsafe-html',
      line,
      message: `${shown} is not allowed: the site's Content-Security-Policy blocks inline styles.`,
      fix: 'remove the attribute; style text with Markdown (*emphasis*, **strong**) instead.',
    };
  }
  const allowed = allowedAttributesOf(tagName);
  const known = allowed.includes(finding.attribute);
  return {
    kind: 'unsafe-html',
    line,
    message: known
      ? `<${tagName} ${name}=${showUrl(finding.value)}> is not allowed: that value is not one a note may use.`
      : `${shown} is not allowed: a note may not use the attribute "${name}" on <${tagName}>.`,
    fix: `remove the attribute; <${tagName}> may have ${allowed.map((a) => `"${a}"`).join(', ')}.`,
  };
}

/**
 * HTML-like tags (`<abbr title="…">`) are written out as HTML, so their attributes must be plain
 * text, and must be on the allowlist, as their URLs must pass the URL policy.
 */
function scanHtmlTag(name: string, node: JsxNode, line: number): BodyProblem[] {
  const problems: BodyProblem[] = [];
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || !(typeof attribute.value === 'string' || attribute.value === null)) {
      problems.push({
        kind: 'invalid-component',
        line,
        message: `<${name}> has an attribute whose value is not plain text.`,
        fix: 'write each attribute as name="value" (no braces, no spread).',
      });
      continue;
    }
    // One attribute at a time, as written: `<a href="/" HREF="javascript:…">` must fail on the second.
    const [property, value] = toProperty(attribute.name, attribute.value as string | null);
    const element: Element = { type: 'element', tagName: name, properties: { [property]: value }, children: [] };
    for (const finding of checkElement(element)) problems.push(findingProblem(finding, line, 'html', attribute.name));
  }
  return problems;
}

/**
 * An element Markdown produced. Most are on the allowlist by construction; footnotes, task lists
 * and a level-1 heading are not, and are explained as the Markdown the editor wrote. Returns true
 * when the element's content need not be looked at.
 */
/** Markdown constructs whose HTML is outside the allowlist, explained as the Markdown written. */
const MARKDOWN_REFUSALS = {
  footnote: {
    message: 'a footnote ([^…]) is not allowed in a note: its numbers and links would clash with the other notes on the page.',
    fix: 'write the remark into the note itself, or cite the work with <Cite id="…" />.',
  },
  checkbox: {
    message: "a task-list checkbox (- [ ] or - [x]) is not allowed in a note: it would be a form control in the reader's page.",
    fix: 'write the list without the brackets.',
  },
  h1: {
    message: "a level-1 heading (# …) is not allowed in a note: the page's title is its only level-1 heading.",
    fix: 'use ## or a lower level.',
  },
} as const;

function markdownRefusal(node: JsxNode & { tagName: string }): keyof typeof MARKDOWN_REFUSALS | undefined {
  if (node.tagName === 'sup' && node.children?.some((child) => child.properties?.dataFootnoteRef)) return 'footnote';
  if (node.tagName === 'input') return 'checkbox';
  if (node.tagName === 'h1') return 'h1';
  return undefined;
}

function scanMarkdownElement(node: JsxNode & { tagName: string }, line: number, problems: BodyProblem[]): boolean {
  const properties = node.properties ?? {};
  // The footnotes' list: each reference was reported already.
  if (node.tagName === 'section' && properties.dataFootnotes) return true;
  const refusal = markdownRefusal(node);
  if (refusal) {
    problems.push({ kind: 'unsafe-html', line, ...MARKDOWN_REFUSALS[refusal] });
    return refusal !== 'h1';
  }
  // The task list's classes go with its checkboxes, which are reported (once each) instead.
  const { className, ...rest } = withoutAlignment(node.tagName, properties);
  const taskList = Array.isArray(className) && className.some((c) => c === 'contains-task-list' || c === 'task-list-item');
  const element: Element = { type: 'element', tagName: node.tagName, properties: taskList ? rest : { ...rest, className }, children: [] };
  const findings = checkElement(element);
  for (const finding of findings) problems.push(findingProblem(finding, line, 'markdown'));
  return findings.some((f) => f.kind === 'element');
}

function scanComponent(name: AuthorComponent, node: JsxNode, line: number, uses: ComponentUse[], problems: BodyProblem[]): void {
  const props: Record<string, string> = {};
  let valid = true;
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      problems.push({
        kind: 'invalid-component',
        line,
        message: `<${name}> has a spread attribute; its props cannot be checked.`,
        fix: 'write each prop as name="value".',
      });
      valid = false;
    } else if (typeof attribute.value !== 'string') {
      problems.push({
        kind: 'invalid-component',
        line,
        message: `<${name} ${attribute.name}> needs a plain quoted value.`,
        fix: `write ${attribute.name}="…" (no braces, no bare attribute).`,
      });
      valid = false;
    } else props[attribute.name] = attribute.value;
  }
  if (!valid) return;
  const schema = AUTHOR_COMPONENTS[name];
  const parsed = schema.safeParse(props);
  if (!parsed.success) {
    const allowed = Object.keys(schema.shape);
    for (const issue of parsed.error.issues) {
      const prop = issue.code === 'unrecognized_keys' ? issue.keys.join('", "') : String(issue.path[0] ?? '');
      const missing = issue.code === 'invalid_type' && props[prop] === undefined;
      problems.push({
        kind: 'invalid-component',
        line,
        message:
          issue.code === 'unrecognized_keys'
            ? `<${name}> has no prop "${prop}".`
            : missing
              ? `<${name}> needs the prop "${prop}".`
              : `<${name} ${prop}="${props[prop]}">: ${issue.message}.`,
        fix:
          issue.code === 'unrecognized_keys'
            ? `use only ${allowed.map((p) => `"${p}"`).join(', ')}.`
            : missing
              ? `add ${prop}="…".`
              : 'correct the value as the message says.',
      });
    }
    return;
  }
  uses.push({ component: name, line, props: parsed.data } as ComponentUse);
}

/** Plain text of a body (MDX syntax removed), for exports and search: paragraphs separated by blank lines. */
export function mdxPlainText(body: string, renderComponent: (use: { name: string; props: Record<string, string>; text: string }) => string = (u) => u.text): string {
  let tree: MdastNode;
  try {
    tree = mdxToMdast(body);
  } catch {
    return body.trim();
  }
  const blocks: string[] = [];
  const inline = (node: JsxNode & { value?: string }): string => {
    if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
    if (node.type === 'break') return '\n';
    const text = (node.children ?? []).map(inline).join('');
    if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name) {
      const props = Object.fromEntries(
        (node.attributes ?? []).flatMap((a) => (a.name && typeof a.value === 'string' ? [[a.name, a.value]] : [])),
      );
      return renderComponent({ name: node.name, props, text });
    }
    return text;
  };
  const block = (node: JsxNode & { value?: string }) => {
    if (['paragraph', 'heading', 'blockquote', 'code', 'mdxJsxFlowElement'].includes(node.type)) {
      const text = node.type === 'code' ? (node.value ?? '') : node.type === 'blockquote' ? (node.children ?? []).map(inline).join('\n') : inline(node);
      if (text.trim()) blocks.push(text.trim());
    } else if (node.type === 'list') {
      for (const item of node.children ?? []) blocks.push(`• ${(item.children ?? []).map(inline).join(' ').trim()}`);
    } else node.children?.forEach(block);
  };
  block(tree as unknown as JsxNode);
  return blocks.join('\n\n');
}
