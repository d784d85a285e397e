/**
 * Turns YAML parse errors and zod issues into editor-facing problems that carry the file, the line
 * and the field, so "invalid input" becomes "reading.yaml:12 (passages[3].role) …, fix: …".
 */
import { LineCounter, parseDocument, isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem, ErrorKind } from './content-errors.ts';
import { ERROR_KINDS, didYouMean } from './content-errors.ts';
import { isForbiddenControl } from './text-encoding.ts';

export interface ParsedYaml {
  data: unknown;
  /** 1-based line where the value at `path` starts (or of its nearest existing parent). */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
  problems: ContentProblem[];
}

/**
 * Most values a file's aliases may expand to. An anchor reused a few hundred times is ordinary
 * (an author, a publisher); an alias "bomb" (anchors of aliases of anchors, "billion laughs")
 * expands a few lines to billions of values, which the schemas and pages would then walk.
 */
export const MAX_YAML_ALIAS_VALUES = 100_000;

const YAML_SYNTAX_FIX = 'fix the YAML syntax (indentation, a missing colon or an unclosed quote).';

/**
 * The alias at which the document's expansion passes `limit` values, or undefined. Each alias
 * costs the values under its anchor, with the aliases inside that anchor expanded in turn.
 */
export function aliasOverflow(doc: Document, limit = MAX_YAML_ALIAS_VALUES): { alias: Alias; total: number } | undefined {
  // In document order, an alias refers to the last anchor of its name before it (YAML 1.2, 7.1).
  const anchors = new Map<string, Node>();
  const sourceOf = new Map<Alias, Node | undefined>();
  const aliases: Alias[] = [];
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        sourceOf.set(node, anchors.get(node.source));
        aliases.push(node);
      } else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  if (!aliases.length) return undefined;
  const sizes = new Map<Node, number>();
  const sizeOf = (node: Node): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // An anchor that contains an alias of itself never ends.
    sizes.set(node, Infinity);
    let size = 0;
    visit(node, {
      Node: (_key, inner) => {
        if (!isAlias(inner)) size += 1;
        else {
          const source = sourceOf.get(inner);
          size += source ? sizeOf(source) : 1;
        }
      },
    });
    sizes.set(node, size);
    return size;
  };
  let total = 0;
  for (const alias of aliases) {
    const source = sourceOf.get(alias);
    total += source ? sizeOf(source) : 1;
    if (total > limit) return { alias, total };
  }
  return undefined;
}

/** Parses YAML keeping positions; `lineOffset` shifts lines when the YAML is frontmatter. */
export function parseYamlWithLines(text: string, file: string, lineOffset = 0): ParsedYaml {
  const counter = new LineCounter();
  const lineAt = (offset: number) => counter.linePos(offset).line + lineOffset;
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  } catch (error) {
    // The parser is recursive: nesting thousands of levels deep exhausts the stack.
    return unparsable(file, lineOffset + 1, `the YAML could not be parsed (${(error as Error).message}).`, YAML_SYNTAX_FIX);
  }
  // The parser reports exhausting its stack as errors of its own, with follow-on errors after them:
  // that one cause is all the editor needs to hear.
  const tooDeep = doc.errors.find((error) => /call stack|stack overflow/i.test(error.message));
  const problems: ContentProblem[] = tooDeep
    ? [
        {
          kind: 'invalid-yaml',
          file,
          line: lineAt(tooDeep.pos[0]),
          message: 'the YAML is nested too deeply to be read (thousands of brackets or indentation levels).',
          fix: 'flatten the structure: content files need only a few levels of nesting.',
        },
      ]
    : firstSyntaxError(doc.errors, text, lineAt, lineOffset, file);
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
    return offset === undefined ? undefined : lineAt(offset);
  };
  if (problems.length) return { data: undefined, lineOf, problems };
  try {
    const overflow = aliasOverflow(doc);
    if (overflow) {
      const line = overflow.alias.range ? lineAt(overflow.alias.range[0]) : lineOffset + 1;
      return unparsable(
        file,
        line,
        `the alias *${overflow.alias.source} takes the file's aliases past ${MAX_YAML_ALIAS_VALUES.toLocaleString('en')} values (aliases reused too often, or nested inside one another).`,
        `write the values out instead of aliasing them: a YAML file's aliases may expand to at most ${MAX_YAML_ALIAS_VALUES.toLocaleString('en')} values.`,
        lineOf,
      );
    }
    const escaped = escapedControl(doc);
    if (escaped) {
      return unparsable(
        file,
        escaped.node.range ? lineAt(escaped.node.range[0]) : lineOffset + 1,
        `a quoted value contains ${escaped.what}, written as an escape${escaped.count > 1 ? ` (${escaped.count} values in all)` : ''}; text may contain tabs and line breaks but no other control characters.`,
        'remove the escape (such as \\u0001, \\x1b or \\ud800) from the quoted value.',
        lineOf,
        'invalid-encoding',
      );
    }
    // yaml's own limit stays on as a second guard; ours is the one that names the line.
    return { data: doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_VALUES }), lineOf, problems };
  } catch (error) {
    return unparsable(file, lineOffset + 1, `the YAML could not be read (${(error as Error).message}).`, YAML_SYNTAX_FIX, lineOf);
  }
}

/**
 * One problem for a file that does not parse: its first error. The parser goes on after a mistake
 * and reports what follows from it (a value with two colons is two errors on one line; a line
 * indented by mistake is also "Implicit keys need to be on a single line"), so the first error is
 * the one cause worth reading. When its line has an unquoted value with ": " in it, that is what
 * the message names, with the value quoted.
 */
function firstSyntaxError(
  errors: readonly { pos: [number, number]; message: string }[],
  text: string,
  lineAt: (offset: number) => number,
  lineOffset: number,
  file: string,
): ContentProblem[] {
  const first = [...errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (!first) return [];
  const line = lineAt(first.pos[0]);
  const colon = colonInPlainValue(text.split('\n')[line - lineOffset - 1] ?? '');
  if (colon) {
    return [
      {
        kind: 'invalid-yaml',
        file,
        line,
        message: `the value of ${colon.key} contains ": " (a colon and a space), which YAML reads as the start of another field.`,
        fix: `quote the value: \`${colon.key}: ${quoteYaml(colon.value)}\`.`,
      },
    ];
  }
  return [{ kind: 'invalid-yaml', file, line, message: first.message.split('\n')[0]!, fix: YAML_SYNTAX_FIX }];
}

/**
 * `key: value` on one line where the unquoted value has ": " (or ends in ":"), in block style
 * (`title: Odyssey: Book One`, also after a list's `- `) or inside a flow mapping
 * (`{ id: a, title: Odyssey: Book One }`): the key and the value as written, comment left out.
 */
export function colonInPlainValue(lineText: string): { key: string; value: string } | undefined {
  const plain = String.raw`[^\s'"{\[|>&*!#%@\`,\]}][^#]*?`;
  const colonInside = (value: string) => /:(?:\s|$)/.test(value);
  const block = new RegExp(String.raw`^\s*(?:-\s+)?([^\s'"{\[#-][^:#]*?):[ \t]+(${plain})(?:[ \t]+#.*)?$`).exec(lineText.trimEnd());
  if (block && colonInside(block[2]!.trimEnd())) return { key: block[1]!, value: block[2]!.trimEnd() };
  for (const match of lineText.matchAll(/[{,]\s*([^\s'"{}\[\],:#][^{}\[\],:#]*?):\s+([^\s'"{\[|>&*!#][^{}\[\],]*?)\s*(?=[,}]|$)/g)) {
    if (colonInside(match[2]!)) return { key: match[1]!, value: match[2]! };
  }
  return undefined;
}

/** `value` as a quoted YAML scalar: double quotes unless it has its own, then single quotes. */
export function quoteYaml(value: string): string {
  if (!/["\\]/.test(value)) return `"${value}"`;
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The bytes of a YAML file are checked as text before it is parsed, but a double-quoted value can
 * still spell a control character or half a surrogate pair as an escape ("\\u0001", "\\ud800"),
 * which would reach every page and make the EPUB's XML ill-formed: the first such value, and how
 * many values have one.
 */
function escapedControl(doc: Document): { node: Node; what: string; count: number } | undefined {
  let first: { node: Node; what: string } | undefined;
  let count = 0;
  visit(doc, {
    Scalar: (_key, node) => {
      if (!isScalar(node) || typeof node.value !== 'string') return;
      const what = forbiddenIn(node.value);
      if (!what) return;
      count++;
      first ??= { node, what };
    },
  });
  return first && { ...first, count };
}

function forbiddenIn(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const hex = (n: number) => `U+${n.toString(16).toUpperCase().padStart(4, '0')}`;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `${hex(unit)} (half of a surrogate pair)`;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return `${hex(unit)} (half of a surrogate pair)`;
    if (isForbiddenControl(unit)) return `${hex(unit)} (a control character)`;
  }
  return undefined;
}

function unparsable(
  file: string,
  line: number,
  message: string,
  fix: string,
  lineOf: ParsedYaml['lineOf'] = () => undefined,
  kind: ErrorKind = 'invalid-yaml',
): ParsedYaml {
  return { data: undefined, lineOf, problems: [{ kind, file, line, message, fix }] };
}

/** Dotted path as editors read it: `passages[3].role`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * The `params` of a custom zod issue (`ctx.addIssue({ code: 'custom', message, params })`) that is
 * its own kind of problem, such as a URL the policy refuses: printed under `kind`, with `fix` as
 * its fix line, instead of as an invalid field whose message has to carry the fix too.
 */
export interface ProblemParams {
  kind: ErrorKind;
  /** What to do about it, in the imperative, ending with a full stop. */
  fix: string;
}

function problemParams(issue: z.core.$ZodIssue): ProblemParams | undefined {
  if (issue.code !== 'custom') return undefined;
  const params: unknown = issue.params;
  if (typeof params !== 'object' || params === null) return undefined;
  const { kind, fix } = params as Record<string, unknown>;
  return typeof kind === 'string' && Object.hasOwn(ERROR_KINDS, kind) && typeof fix === 'string' ? { kind: kind as ErrorKind, fix } : undefined;
}

/**
 * What zodProblems may know besides the issues: the schema the value was checked against (for the
 * fields of an object, the single source of truth for what a field holds) and the value itself.
 */
export interface SchemaContext {
  schema: z.ZodType;
  /** The value that was checked (at `schema`'s root), to quote what was written. */
  data?: unknown;
  /** How many leading segments of an issue's path lie outside `schema` (an item's index in a list). */
  at?: number;
}

/**
 * Maps zod issues to problems; given the schema the value was checked against, unknown keys get a
 * "did you mean" from the schema's own keys, and a field that must be a mapping names its fields.
 */
export function zodProblems(
  error: z.ZodError,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  context?: SchemaContext,
): ContentProblem[] {
  const inSchema = (path: readonly PropertyKey[]) => path.slice(context?.at ?? 0);
  const knownKeysAt = (path: readonly PropertyKey[]) => (context ? keysOfSchemaAt(context.schema, inSchema(path)) : []);
  const problems: ContentProblem[] = [];
  // An object's own refinement ("a date needs `date-parts` or `literal`") fails when a field of it
  // was misspelt: the unknown field, with its "did you mean", is the one cause to report.
  const misspelt = new Set(error.issues.filter((i) => i.code === 'unrecognized_keys').map((i) => formatPath(i.path)));
  for (const issue of error.issues) {
    if (issue.code === 'custom' && !problemParams(issue) && misspelt.has(formatPath(issue.path))) continue;
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
    const at = { file, line: lineOf(issue.path), field: formatPath(issue.path) || 'top level' };
    const own = problemParams(issue);
    if (own) {
      problems.push({ kind: own.kind, ...at, message: `${issue.message}.`, fix: own.fix });
      continue;
    }
    const missing = isMissing(issue);
    if (context && issue.code === 'invalid_union') {
      // A mapping whose fields fit one of the choices (a name with `family`) is held to that one.
      const value = valueAt(context.data, inSchema(issue.path));
      const fitting = issue.errors.filter((branch) => !branch.some((i) => i.code === 'unrecognized_keys' || isMissing(i)));
      if (isMapping(value) && fitting.length === 1) {
        const issues = fitting[0]!.map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
        problems.push(...zodProblems({ issues } as z.ZodError, file, lineOf, context));
        continue;
      }
    }
    const choices =
      context && ((issue.code === 'invalid_type' && issue.expected === 'object') || issue.code === 'invalid_union')
        ? mappingChoices(schemaAt(context.schema, inSchema(issue.path)))
        : [];
    if (choices.length) {
      problems.push({ kind: 'invalid-field', ...at, ...mappingProblem(issue.path, at.field, choices, missing ? undefined : { value: valueAt(context?.data, inSchema(issue.path)) }) });
      continue;
    }
    if (context && !missing && issue.code === 'invalid_type' && issue.expected === 'array' && issue.path.length && typeof issue.path.at(-1) === 'string') {
      const list = listProblem(String(issue.path.at(-1)), at.field, schemaAt(context.schema, inSchema(issue.path)), valueAt(context.data, inSchema(issue.path)));
      if (list) {
        problems.push({ kind: 'invalid-field', ...at, ...list });
        continue;
      }
    }
    problems.push({
      kind: 'invalid-field',
      ...at,
      message: missing ? 'this required field is missing.' : `${issue.message}.`,
      fix: missing ? `add \`${String(issue.path.at(-1))}:\`.` : fixFor(issue),
    });
  }
  return problems;
}

/** A required field that is not there (zod reports it as the wrong type, undefined). */
const isMissing = (issue: z.core.$ZodIssue) => issue.code === 'invalid_type' && issue.message.includes('received undefined');

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What was written instead of a mapping, as the message names it. */
function writtenAs(value: unknown): string {
  if (typeof value === 'string') return 'a string of text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'empty';
  const keys = Object.keys(value);
  return keys.length ? `one with ${listed(keys)}` : 'an empty mapping';
}

const listed = (keys: readonly string[]) => (keys.length < 2 ? keys.join('') : `${keys.slice(0, -1).join(', ')} and ${keys.at(-1)}`);

/**
 * The problem of a value that must be a mapping (or one of several kinds of mapping): each kind
 * with its fields, and an example of each. `written` is undefined when the field is missing.
 */
function mappingProblem(path: readonly PropertyKey[], field: string, choices: readonly ObjectFields[], written?: { value: unknown }): { message: string; fix: string } {
  const name = path.length ? String(path.at(-1)) : undefined;
  const label = name === undefined ? 'the file' : field;
  const kinds = choices.map(describeMapping);
  const must = `${label} must be ${kinds.length > 1 ? 'either ' : ''}${kinds.join(' or ')}`;
  if (name === undefined) {
    const first = choices[0]!;
    return { message: `${must}, not ${writtenAs(written?.value)}.`, fix: `write one field per line, e.g. \`${first.required[0] ?? first.optional[0]}: …\`.` };
  }
  const item = typeof path.at(-1) === 'number';
  const examples = choices.map((choice) => `\`${item ? '- ' : `${name}: `}${exampleMapping(choice, written?.value)}\``).join(' or ');
  const lines = item ? 'one field per line, the first after the `- `' : `one field per line, indented under \`${name}:\``;
  return written
    ? { message: `${must}, not ${writtenAs(written.value)}.`, fix: `write it as a mapping, e.g. ${examples} (or ${lines}).` }
    : { message: `this required field is missing: ${must}.`, fix: `add it as a mapping, e.g. ${examples} (or ${lines}).` };
}

/**
 * A value where a list belongs (`authors: Homer`): the message says so, and the example is a list
 * of one item made from what was written (`authors: [{ family: "Homer" }]`).
 */
function listProblem(name: string, field: string, schema: unknown, written: unknown): { message: string; fix: string } | undefined {
  const def = defOf(schema);
  if (def?.type !== 'array') return undefined;
  const element = defOf(def.element);
  const choice = mappingChoices(def.element)[0];
  const item = choice
    ? exampleMapping(choice, written)
    : typeof written === 'string' && element?.type === 'string'
      ? quoteYaml(written)
      : element?.type === 'enum'
        ? String(Object.values(element.entries ?? {})[0] ?? '…')
        : '…';
  return {
    message: `${field} must be a list, not ${writtenAs(written)}.`,
    fix: `write it as a list, e.g. \`${name}: [${item}]\` (or one item per line under \`${name}:\`, each after a \`- \`).`,
  };
}

/** The kinds of mapping a schema accepts: one for an object, one per option for a union of objects. */
export function mappingChoices(schema: unknown): ObjectFields[] {
  const def = defOf(schema);
  const options = def?.type === 'union' ? (def.options ?? []) : [schema];
  const choices = options.map(objectFields);
  return choices.every((choice) => choice && (choice.required.length || choice.optional.length)) ? (choices as ObjectFields[]) : [];
}

/** The fields of an object schema, required first, each in the schema's order. */
export interface ObjectFields {
  required: string[];
  optional: string[];
  /** The schema of each field, for examples. */
  shape: Record<string, unknown>;
}

/** The fields of `schema` when it is an object (after optional/default wrappers), else undefined. */
export function objectFields(schema: unknown): ObjectFields | undefined {
  const def = defOf(schema);
  if (def?.type !== 'object' || !def.shape) return undefined;
  const { shape } = def;
  const keys = Object.keys(shape);
  const isOptional = (key: string) => ['optional', 'default', 'prefault'].includes(ownDef(shape[key])?.type ?? '');
  return { required: keys.filter((k) => !isOptional(k)), optional: keys.filter(isOptional), shape };
}

/** "licence must be a mapping with name and url (note is optional)". */
export function mappingWith(field: string, fields: ObjectFields): string {
  return `${field} must be ${describeMapping(fields)}`;
}

/** "a mapping with name and url (note is optional)". */
function describeMapping(fields: ObjectFields): string {
  const { required, optional } = fields;
  if (!required.length) return `a mapping with any of ${listed(optional)}`;
  const shown = optional.length > 4 ? [...optional.slice(0, 4), `${optional.length - 4} more`] : optional;
  const optionalPart = optional.length ? ` (${listed(shown)} ${optional.length === 1 ? 'is' : 'are'} optional)` : '';
  return `a mapping with ${listed(required)}${optionalPart}`;
}

/**
 * A flow mapping of the required fields (or the first optional one), each with a placeholder of its
 * type; a string that was written where the mapping belongs becomes the first text field's value
 * (`licence: Public domain` → `{ name: "Public domain", url: … }`).
 */
function exampleMapping(fields: ObjectFields, written: unknown): string {
  const keys = fields.required.length ? fields.required : fields.optional.slice(0, 1);
  let used = typeof written !== 'string';
  const entries = keys.map((key) => {
    const type = defOf(fields.shape[key]);
    if (!used && type?.type === 'string') {
      used = true;
      return `${key}: ${quoteYaml(written as string)}`;
    }
    const placeholder =
      type?.type === 'enum' ? String(Object.values(type.entries ?? {})[0] ?? '…') : type?.type === 'array' ? '[…]' : type?.type === 'object' ? '{ … }' : type?.type === 'number' ? '1' : type?.type === 'boolean' ? 'true' : '…';
    return `${key}: ${placeholder}`;
  });
  return `{ ${entries.join(', ')} }`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function fixFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
  }
  return 'correct the value as the message says.';
}

/** The schema of the value at `path`, following object fields and list items; undefined past a union. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): unknown {
  let current: unknown = schema;
  for (const key of path) {
    const def = defOf(current);
    if (def?.type === 'object' && typeof key === 'string') current = def.shape?.[key];
    else if (def?.type === 'array') current = def.element;
    else return undefined;
  }
  return current;
}

/** Lists the keys a strict zod object accepts, following the issue path into nested objects/arrays. */
export function keysOfSchemaAt(schema: z.ZodType, path: readonly PropertyKey[]): readonly string[] {
  return Object.keys(objectFields(schemaAt(schema, path))?.shape ?? {});
}

/** What these messages read of a zod schema's definition. */
interface SchemaDef {
  type?: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  options?: unknown[];
  entries?: Record<string, unknown>;
  innerType?: unknown;
}

const ownDef = (schema: unknown) => (schema as { def?: SchemaDef } | null | undefined)?.def;

/** The definition of `schema` under its optional, default and nullable wrappers. */
function defOf(schema: unknown): SchemaDef | undefined {
  let def = ownDef(schema);
  while (def && ['optional', 'default', 'nullable', 'prefault'].includes(def.type ?? '')) def = ownDef(def.innerType);
  return def;
}
