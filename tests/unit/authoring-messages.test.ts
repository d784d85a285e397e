/**
 * The pieces of the messages that spare a new editor a round trip (src/lib/schema-problems.ts): the
 * unquoted ": " found on the line YAML stopped at, the value quoted back, one problem for a file
 * that does not parse, and a field that must be a mapping described from its schema.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { formatProblem } from '../../src/lib/content-errors.ts';
import { colonInPlainValue, mappingWith, objectFields, parseYamlWithLines, quoteYaml, zodProblems } from '../../src/lib/schema-problems.ts';

describe('an unquoted ": " in a value', () => {
  test.each([
    ['title: Odyssey: Book One', { key: 'title', value: 'Odyssey: Book One' }],
    ['  title: Odyssey: Book One   # the first book', { key: 'title', value: 'Odyssey: Book One' }],
    ['- title: Odyssey:', { key: 'title', value: 'Odyssey:' }],
    ['  container-title: Wealth: Commons', { key: 'container-title', value: 'Wealth: Commons' }],
    ['  - { id: a, title: Odyssey: Book One }', { key: 'title', value: 'Odyssey: Book One' }],
    ['  author: { family: Homer: Poet, given: X }', { key: 'family', value: 'Homer: Poet' }],
    ['title: "Odyssey: Book One"', undefined],
    ["title: 'Odyssey: Book One'", undefined],
    ['URL: https://example.org/a:b', undefined],
    ['note: >-', undefined],
    ['issued: { date-parts: [[2014]] }', undefined],
    ['title: Odyssey', undefined],
  ])('%j → %j', (line, expected) => {
    expect(colonInPlainValue(line)).toEqual(expected);
  });

  test.each([
    ['Odyssey: Book One', '"Odyssey: Book One"'],
    ['Say "yes": then', `'Say "yes": then'`],
    [`Say "it's": then`, `'Say "it''s": then'`],
    ['C:\\path: x', `'C:\\path: x'`],
  ])('%s is quoted as %s', (value, quoted) => {
    expect(quoteYaml(value)).toBe(quoted);
  });

  test('a file that does not parse is one problem, at its first error, with the value quoted in the fix', () => {
    const parsed = parseYamlWithLines('- id: a\n  title: Commons: Logic: One\n- id: b\n  title: Fine\n', 'annotations/sources.yaml');
    expect(parsed.problems).toEqual([
      {
        kind: 'invalid-yaml',
        file: 'annotations/sources.yaml',
        line: 2,
        message: 'the value of title contains ": " (a colon and a space), which YAML reads as the start of another field.',
        fix: 'quote the value: `title: "Commons: Logic: One"`.',
      },
    ]);
  });

  test('in frontmatter the line counts from the top of the file', () => {
    const parsed = parseYamlWithLines('passage: a\nexact: Odyssey: Book One\n', 'annotations/r/n.mdx', 1);
    expect(parsed.problems.map((p) => [p.line, p.fix])).toEqual([[3, 'quote the value: `exact: "Odyssey: Book One"`.']]);
  });

  test('another syntax error keeps the parser\u2019s words and the general fix', () => {
    const parsed = parseYamlWithLines('title: "open\nnext: x\n', 'r.yaml');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.fix).toBe('fix the YAML syntax (indentation, a missing colon or an unclosed quote).');
  });
});

describe('a field that must be a mapping', () => {
  const fields = (shape: z.ZodRawShape) => objectFields(z.object(shape).strict())!;
  test.each([
    [{ name: z.string(), url: z.string(), note: z.string().optional() }, 'licence must be a mapping with name and url (note is optional)'],
    [{ id: z.string(), title: z.string() }, 'licence must be a mapping with id and title'],
    [{ a: z.string().optional(), b: z.string().optional() }, 'licence must be a mapping with any of a and b'],
    [
      { id: z.string(), a: z.string().optional(), b: z.number().optional(), c: z.string().optional(), d: z.string().optional(), e: z.string().optional(), f: z.string().default('x') },
      'licence must be a mapping with id (a, b, c, d and 2 more are optional)',
    ],
  ])('%#: %s', (shape, expected) => {
    expect(mappingWith('licence', fields(shape))).toBe(expected);
  });

  test('only an object (after optional) has fields', () => {
    expect(objectFields(z.object({ a: z.string() }).optional())?.required).toEqual(['a']);
    expect(objectFields(z.string())).toBeUndefined();
    expect(objectFields(undefined)).toBeUndefined();
  });

  const Schema = z
    .object({
      licence: z.object({ name: z.string(), url: z.string(), note: z.string().optional() }).strict(),
      sections: z.array(z.object({ id: z.string(), level: z.number().optional(), kind: z.enum(['part', 'chapter']) }).strict()),
    })
    .strict();
  const problems = (data: unknown) => {
    const result = Schema.safeParse(data);
    return result.success ? [] : zodProblems(result.error, 'r.yaml', () => 4, { schema: Schema, data }).map(formatProblem);
  };

  test.each([
    [
      'a string where the mapping belongs: the string becomes the first text field of the example',
      { licence: 'Public domain', sections: [] },
      `  r.yaml:4 (licence) [invalid-field] licence must be a mapping with name and url (note is optional), not a string of text.
    fix: write it as a mapping, e.g. \`licence: { name: "Public domain", url: … }\` (or one field per line, indented under \`licence:\`).`,
    ],
    [
      'a missing mapping',
      { sections: [] },
      `  r.yaml:4 (licence) [invalid-field] this required field is missing: licence must be a mapping with name and url (note is optional).
    fix: add it as a mapping, e.g. \`licence: { name: …, url: … }\` (or one field per line, indented under \`licence:\`).`,
    ],
    [
      'a list item that is a number: placeholders by type, an enum by its first value',
      { licence: { name: 'x', url: 'y' }, sections: [7] },
      `  r.yaml:4 (sections[0]) [invalid-field] sections[0] must be a mapping with id and kind (level is optional), not a number.
    fix: write it as a mapping, e.g. \`- { id: …, kind: part }\` (or one field per line, the first after the \`- \`).`,
    ],
  ])('%s', (_name, data, expected) => {
    expect(problems(data)).toEqual([expected]);
  });
});
