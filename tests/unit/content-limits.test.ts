import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { idNameProblem, suggestSlug } from '../../src/lib/file-names.ts';
import { DEFAULT_LIMITS, fileTooLarge, limitBytes } from '../../src/lib/limits.ts';
import { aliasOverflow, MAX_YAML_ALIAS_VALUES, parseYamlWithLines } from '../../src/lib/schema-problems.ts';
import { PersonalNoteSchema } from '../../src/schemas/personal-note.ts';
import { ReaderConfigSchema } from '../../src/schemas/reader-config.ts';

describe('id names: folder and file names that become ids', () => {
  test.each([
    ['partner-state (copy)', 'partner-state-copy'],
    ['Why_Not', 'why-not'],
    ['p\u0430rtner-st\u0430te', 'partner-state'],
    ['\u03bdaive', 'vaive'],
    ['Café', 'cafe'],
    ['ｆｕｌｌ', 'full'],
    ['..', ''],
  ])('suggestSlug(%j) = %j', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });

  test('a valid id has no problem, and the loader accepts exactly the reading ids readers\u2019 notes accept', () => {
    const note = (reading: string) => ({
      id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      reading,
      passage: 'p',
      text: '',
      created: '2026-01-01T00:00:00Z',
      modified: '2026-01-01T00:00:00Z',
    });
    for (const name of ['partner-state', 'a1', 'partner-state (copy)', 'p\u0430rtner', 'Partner', 'a--b', '-a', '']) {
      const accepted = idNameProblem(name, 'reading', '') === undefined;
      expect(PersonalNoteSchema.safeParse(note(name)).success, name).toBe(accepted);
    }
  });

  test('a look-alike letter is named with its position, code point, script and the letter it imitates', () => {
    expect(idNameProblem('s\u0430mple', 'reading', '')).toEqual({
      message: '"s\u0430mple" is not a valid reading id: its 2nd character "\u0430" is U+0430 (Cyrillic), which looks like the Latin "a" but is not.',
      fix: 'rename the folder to "sample", typed in plain Latin letters: lower-case a-z, digits and single hyphens.',
    });
  });

  test('an invisible character is called invisible', () => {
    expect(idNameProblem('zero\u200bwidth', 'note', '.mdx')?.message).toBe('"zero\u200bwidth" is not a valid note id: its 5th character is U+200B, which is invisible.');
  });

  test('a letter that imitates nothing is still named', () => {
    expect(idNameProblem('stra\u00dfe', 'term', '.mdx')).toEqual({
      message: '"stra\u00dfe" is not a valid term id: its 5th character "\u00df" is U+00DF (Latin), which ids cannot contain.',
      fix: 'rename the file to "stra-e.mdx", typed in plain Latin letters: lower-case a-z, digits and single hyphens.',
    });
  });

  test('ASCII mistakes keep the catalogue\u2019s wording', () => {
    expect(idNameProblem('Why_Not', 'note', '.mdx')).toEqual({
      message: '"Why_Not" is not a valid note id (the file name is the id).',
      fix: 'rename the file to "why-not.mdx": lower-case letters, digits and single hyphens.',
    });
  });
});

describe('size limits', () => {
  test('defaults: 64 KB per note or term file, 20 MB per source text, 4 MB per YAML file', () => {
    expect(DEFAULT_LIMITS).toEqual({ noteKB: 64, sourceMB: 20, yamlKB: 4096 });
    expect(limitBytes(DEFAULT_LIMITS, 'noteKB')).toBe(65_536);
    expect(limitBytes(DEFAULT_LIMITS, 'sourceMB')).toBe(20 * 1024 * 1024);
  });

  test('reader.config.yaml may set any of them; the others keep their defaults; typos and nonsense are refused', () => {
    expect(ReaderConfigSchema.parse({})).toEqual({
      limits: DEFAULT_LIMITS,
      home: 'readings',
      citation: { styles: ['chicago-author-date', 'apa', 'modern-language-association'] },
      sectionPages: { above: 200, shortest: 30 },
    });
    expect(ReaderConfigSchema.parse({ sectionPages: { above: 50 } }).sectionPages).toEqual({ above: 50, shortest: 30 });
    expect(ReaderConfigSchema.safeParse({ sectionPages: { above: 0 } }).success).toBe(false);
    expect(ReaderConfigSchema.safeParse({ sectionPages: { abov: 50 } }).success).toBe(false);
    expect(ReaderConfigSchema.parse({ limits: { noteKB: 128 } }).limits).toEqual({ ...DEFAULT_LIMITS, noteKB: 128 });
    expect(ReaderConfigSchema.safeParse({ limits: { noteKb: 128 } }).success).toBe(false);
    expect(ReaderConfigSchema.safeParse({ limits: { sourceMB: -1 } }).success).toBe(false);
    expect(ReaderConfigSchema.safeParse({ limits: { sourceMB: 1.5 } }).success).toBe(false);
  });

  test('the message says the size, the limit and the setting that would let the file through', () => {
    expect(fileTooLarge('src/content/readings/r/source.txt', 25 * 1024 * 1024 + 1, DEFAULT_LIMITS, 'sourceMB')).toEqual({
      kind: 'file-too-large',
      file: 'src/content/readings/r/source.txt',
      message: 'the file is 25.0 MB; a source text may be at most 20 MB.',
      fix: 'split the work into several readings (one per part or chapter), or raise the limit for this project: `limits: { sourceMB: 26 }` in reader.config.yaml.',
    });
  });
});

describe('YAML: aliases within a budget, every error with its file and line', () => {
  const reuse = (times: number) => `author: &a { family: Bauwens, given: Michel }\nitems:\n${'  - *a\n'.repeat(times)}`;

  test('an anchor reused 100 times, or many thousand times, is ordinary and parses', () => {
    for (const times of [100, 5000]) {
      const parsed = parseYamlWithLines(reuse(times), 'annotations/sources.yaml');
      expect(parsed.problems).toEqual([]);
      expect((parsed.data as { items: unknown[] }).items).toHaveLength(times);
    }
  });

  test('reuse past the budget is refused at the alias that crosses it', () => {
    // The anchored map counts 5 values (the map, two keys, two values), so alias n brings the total to 5n.
    const times = Math.floor(MAX_YAML_ALIAS_VALUES / 5) + 1;
    const parsed = parseYamlWithLines(reuse(times), 'annotations/sources.yaml');
    expect(parsed.problems).toEqual([
      {
        kind: 'invalid-yaml',
        file: 'annotations/sources.yaml',
        line: 2 + times,
        message: "the alias *a takes the file's aliases past 100,000 values (aliases reused too often, or nested inside one another).",
        fix: "write the values out instead of aliasing them: a YAML file's aliases may expand to at most 100,000 values.",
      },
    ]);
  });

  test('a billion laughs is refused without expanding it, in frontmatter lines', () => {
    const names = 'abcdefghij'.split('');
    const bomb = names.map((n, i) => (i === 0 ? `${n}: &${n} [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]` : `${n}: &${n} [${Array(10).fill(`*${names[i - 1]}`).join(', ')}]`)).join('\n');
    const started = performance.now();
    const parsed = parseYamlWithLines(bomb, 'annotations/r/n.mdx', 1);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parsed.problems).toHaveLength(1);
    // a costs 11, each *a 11, each *b 111, each *c 1,111, each *d 11,111: the 8th *d (YAML line 5) passes 100,000.
    expect(parsed.problems[0]).toMatchObject({ kind: 'invalid-yaml', file: 'annotations/r/n.mdx', line: 6 });
    expect(parsed.problems[0]!.message).toMatch(/^the alias \*d takes/);
  });

  test('aliasOverflow counts nested aliases through their anchors', () => {
    expect(aliasOverflow(parseDocument('a: &a [1, 2]\nb: &b [*a, *a]\nc: [*b, *b]'), 1000)).toBeUndefined();
    // *a costs 3 (the list and its two items); *b costs 1 + 3 + 3 = 7: 3 + 3 + 7 + 7 = 20.
    expect(aliasOverflow(parseDocument('a: &a [1, 2]\nb: &b [*a, *a]\nc: [*b, *b]'), 19)?.alias.source).toBe('b');
  });

  test('an anchor that contains its own alias is refused, not followed for ever', () => {
    const parsed = parseYamlWithLines('a: &a [1, *a]\n', 'x.yaml');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ kind: 'invalid-yaml', file: 'x.yaml', line: 1 });
  });

  test('a syntax error names the line, shifted for frontmatter', () => {
    // Frontmatter as splitFrontmatter hands it over: without the newline before the closing fence.
    const parsed = parseYamlWithLines('passage: p\nkind: [gloss', 'annotations/r/n.mdx', 1);
    expect(parsed.problems.map((p) => [p.kind, p.line])).toEqual([['invalid-yaml', 3]]);
  });

  test('nesting thousands of levels deep is a problem with a line, not a crash', () => {
    const parsed = parseYamlWithLines(`title: x\nitems: ${'['.repeat(20_000)}${']'.repeat(20_000)}`, 'deep.yaml');
    expect(parsed.problems).toEqual([
      {
        kind: 'invalid-yaml',
        file: 'deep.yaml',
        line: 2,
        message: 'the YAML is nested too deeply to be read (thousands of brackets or indentation levels).',
        fix: 'flatten the structure: content files need only a few levels of nesting.',
      },
    ]);
  });
});
