/**
 * Turns YAML parse errors and zod issues into editor-facing problems that carry the file, the line
 * and the field, so "invalid input" becomes "reading.yaml:12 (passages[3].role) …, fix: …".
 */
import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './content-errors.ts';
import { didYouMean } from './content-errors.ts';

export interface ParsedYaml {
  data: unknown;
  /** 1-based line where the value at `path` starts (or of its nearest existing parent). */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
  problems: ContentProblem[];
}

/** Parses YAML keeping positions; `lineOffset` shifts lines when the YAML is frontmatter. */
export function parseYamlWithLines(text: string, file: string, lineOffset = 0): ParsedYaml {
  const counter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const problems: ContentProblem[] = doc.errors.map((error) => ({
    kind: 'invalid-yaml',
    file,
    line: counter.linePos(error.pos[0]).line + lineOffset,
    message: error.message.split('\n')[0]!,
    fix: 'fix the YAML syntax (indentation, a missing colon or an unclosed quote).',
  }));
  const lineOf = (path: readonly PropertyKey[]) => {
    let node: unknown = doc.contents;
    let found: Node | undefined = doc.contents ?? undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (item.key as { value?: unknown })?.value === key);
        if (!pair) break;
        found = (pair.key as Node) ?? found;
        node = pair.value;
        if (!isMap(node) && !isSeq(node)) {
          found = (pair.key as Node) ?? found;
          break;
        }
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item) break;
        found = item;
        node = item;
      } else break;
    }
    const offset = found?.range?.[0];
    return offset === undefined ? undefined : counter.linePos(offset).line + lineOffset;
  };
  return { data: problems.length ? undefined : doc.toJS(), lineOf, problems };
}

/** Dotted path as editors read it: `passages[3].role`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Maps zod issues to problems; unknown keys get a "did you mean" from the schema's own keys. */
export function zodProblems(
  error: z.ZodError,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  knownKeysAt: (path: readonly PropertyKey[]) => readonly string[] = () => [],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({
          kind: 'unknown-field',
          file,
          line: lineOf(path),
          field: formatPath(path),
          message: `"${key}" is not a known field.`,
          fix: `remove it or rename it: ${didYouMean(key, knownKeysAt(issue.path), 'field')}`,
        });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && issue.message.includes('received undefined');
    problems.push({
      kind: 'invalid-field',
      file,
      line: lineOf(issue.path),
      field: formatPath(issue.path) || '(top level)',
      message: missing ? 'this required field is missing.' : `${issue.message}.`,
      fix: missing ? `add \`${String(issue.path.at(-1))}:\`.` : fixFor(issue),
    });
  }
  return problems;
}

function fixFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
  }
  return 'correct the value as the message says.';
}

/** Lists the keys a strict zod object accepts, following the issue path into nested objects/arrays. */
export function keysOfSchemaAt(schema: z.ZodType, path: readonly PropertyKey[]): readonly string[] {
  let current: unknown = schema;
  for (const key of path) {
    current = unwrap(current);
    const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && typeof key === 'string') current = def.shape?.[key];
    else if (def?.type === 'array') current = def.element;
    else return [];
  }
  current = unwrap(current);
  const def = (current as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { type?: string; innerType?: unknown } };
  while (current?.def && ['optional', 'default', 'nullable', 'prefault'].includes(current.def.type ?? '')) {
    current = current.def.innerType as typeof current;
  }
  return current;
}
