/**
 * Reads an MDX body the way the build will: parses it with the same MDX parser Astro's MDX
 * integration compiles with (satteri), reports syntax errors with their line, and lists every use of
 * the author components (`<Term>`, `<Cite>`, `<PassageRef>`) with its line and props, so the integrity
 * check can resolve each id and the glossary and sources pages can say where things are used.
 */
import { mdxToMdast, type MdastNode } from 'satteri';
import { AUTHOR_COMPONENTS, type AuthorComponent, type CiteProps, type PassageRefProps, type TermProps } from '../schemas/components.ts';

/** One component in a body; `line` is 1-based within the body. */
export type ComponentUse =
  | { component: 'Term'; line: number; props: TermProps }
  | { component: 'Cite'; line: number; props: CiteProps }
  | { component: 'PassageRef'; line: number; props: PassageRefProps };

/** Something wrong in a body, before ids are resolved. */
export interface BodyProblem {
  kind: 'mdx-syntax' | 'invalid-component';
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
  let tree: MdastNode;
  try {
    tree = mdxToMdast(body);
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
  const visit = (node: JsxNode) => {
    const line = node.position?.start.line ?? 1;
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
      } else problems.push(...scanHtmlTag(name, node, line));
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
    node.children?.forEach(visit);
  };
  visit(tree as unknown as JsxNode);
  return { uses, problems };
}

/**
 * HTML-like tags (`<abbr title="…">`) are written out as HTML, so their attributes must be plain
 * text, and the site's Content-Security-Policy forbids inline styles and event handlers.
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
    } else if (attribute.name === 'style' || /^on/i.test(attribute.name)) {
      problems.push({
        kind: 'invalid-component',
        line,
        message: `<${name} ${attribute.name}="…"> is not allowed: the site's Content-Security-Policy blocks inline styles and scripts.`,
        fix: 'remove the attribute; style text with Markdown (*emphasis*, **strong**) instead.',
      });
    }
  }
  return problems;
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
