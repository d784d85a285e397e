/**
 * A reading's study pages (annotations/<reading>/pages/*.mdx): the schema's rules, the checks on
 * what a page names, the folder's refusals, and the pure helpers (accessible tables, word count,
 * noindex, listing order, passage links). The small sample project of the fixture tests is copied
 * to a temporary folder, so each case adds exactly the files it is about.
 */
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { ContentProblem } from '../../src/lib/content-errors.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { GUIDE_EXAMPLES, READING_PAGE_FIELDS } from '../../src/lib/guide.ts';
import { renderMdxBody } from '../../src/lib/mdx-html.ts';
import { studentPages } from '../../src/lib/reading-page-links.ts';
import { accessibleTables, countWords, isNoindex, pageComponents } from '../../src/lib/reading-pages.ts';
import { checkEditionFiles } from '../../src/loaders/edition-files.ts';
import { ReadingPageFields, ReadingPageSchema } from '../../src/schemas/reading-page.ts';

const BASE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/base');

const page = (fields: string, body = 'A page about <PassageRef id="definition" />.') =>
  `---\n${fields.trim()}\n---\n${body}\n`;
const STUDENT_FIELDS = `title: Introduction
description: What the sample is about.
kind: introduction
order: 1
audience: students
sources: [kostakis-bauwens-2014]`;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'reading-pages-'));
  await cp(BASE, root, { recursive: true });
  await mkdir(path.join(root, 'annotations/sample/pages'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const write = (name: string, text: string) => writeFile(path.join(root, 'annotations/sample/pages', name), text);
/** `file:line (field) [kind] message | fix`, one string per problem, in the check's order. */
const show = (p: ContentProblem) => `${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` (${p.field})` : ''} [${p.kind}] ${p.message} | ${p.fix}`;
const problems = async () => (await checkEditionFiles(root)).problems.map(show);

describe('the schema', () => {
  test('a student page and the guide example pass', () => {
    expect(ReadingPageSchema.safeParse(parse(STUDENT_FIELDS)).success).toBe(true);
    const { frontmatter } = splitFrontmatter(GUIDE_EXAMPLES.page.code);
    expect(ReadingPageSchema.safeParse(parse(frontmatter!)).success).toBe(true);
  });

  test('the guide documents every field', () => {
    expect(Object.keys(READING_PAGE_FIELDS).sort()).toEqual(Object.keys(ReadingPageFields.shape).sort());
  });

  test.each([
    ['a teaching guide for students', 'kind: teaching-guide\naudience: students', 'audience'],
    ['answers on an introduction', 'kind: introduction\naudience: students\nanswers: { why-partner: "Because." }', 'answers'],
    ['no sources', 'kind: timeline\naudience: students\nsources: []', 'sources'],
  ])('refuses %s', (_name, yaml, field) => {
    const data = { title: 'T', description: 'D', order: 1, sources: ['x'], ...parse(yaml) };
    const result = ReadingPageSchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });
});

describe('the check', () => {
  test('a valid page is read, and counted', async () => {
    await write('introduction.mdx', page(STUDENT_FIELDS));
    const check = await checkEditionFiles(root);
    expect(check.problems).toEqual([]);
    expect(check.pages.map((p) => `${p.reading}/${p.id}`)).toEqual(['sample/introduction']);
    expect(check.counts.pages).toBe(1);
  });

  test('each problem names the file, the line and the fix', async () => {
    await write(
      'timeline.mdx',
      page(
        STUDENT_FIELDS.replace('kostakis-bauwens-2014', 'kostakis-bauwens-2104').replace('kind: introduction', 'kind: timeline').concat('\ncolour: red'),
        'See <Term id="comons">the commons</Term>, <PassageRef id="defintion" /> and <Cite id="helfrich-2021" />.\n\n<form action="/x"></form>',
      ),
    );
    expect(await problems()).toEqual([
      expect.stringMatching(/^annotations\/sample\/pages\/timeline\.mdx:7 \(sources\[0\]\) \[unknown-source\] source "kostakis-bauwens-2104" is not defined\. \| did you mean "kostakis-bauwens-2014"/),
      expect.stringMatching(/^annotations\/sample\/pages\/timeline\.mdx:8 \(colour\) \[unknown-field\] "colour" is not a known field\./),
      expect.stringMatching(/^annotations\/sample\/pages\/timeline\.mdx:10 \[unknown-term\] <Term id="comons">.* \| did you mean "commons"/),
      expect.stringMatching(/^annotations\/sample\/pages\/timeline\.mdx:10 \[unknown-passage\] <PassageRef id="defintion"> names a passage that "sample" does not have\. \| did you mean "definition"/),
      expect.stringMatching(/^annotations\/sample\/pages\/timeline\.mdx:10 \[unknown-source\] <Cite id="helfrich-2021">.* \| did you mean "helfrich-2012"/),
      expect.stringMatching(/^annotations\/sample\/pages\/timeline\.mdx:12 \[unsafe-html\] <form> is not allowed/),
    ]);
  });

  test('a teaching guide answers questions of its reading, each answer checked at its own line', async () => {
    await write(
      'teaching-guide.mdx',
      page(`title: Guide
description: For instructors.
kind: teaching-guide
order: 5
audience: instructors
sources: [helfrich-2012]
answers:
  why-partner: |
    Because it enables, see <PassageRef id="definition" />.
  why-partnr: |
    A second paragraph.

    With <Cite id="nobody" />.`),
    );
    expect(await problems()).toEqual([
      expect.stringMatching(/:11 \(answers\.why-partnr\) \[invalid-field\] "why-partnr" is not a discussion question of "sample".* \| did you mean "why-partner"/),
      expect.stringMatching(/:14 \[unknown-source\] <Cite id="nobody">/),
    ]);
  });

  test('one teaching guide per reading', async () => {
    const guide = (order: number) => page(`title: Guide\ndescription: D.\nkind: teaching-guide\norder: ${order}\naudience: instructors\nsources: [helfrich-2012]`);
    await write('guide-a.mdx', guide(1));
    await write('guide-b.mdx', guide(2));
    expect(await problems()).toEqual([expect.stringMatching(/^annotations\/sample\/pages\/guide-b\.mdx:4 \(kind\) \[duplicate-id\] "sample" already has a teaching guide/)]);
  });

  test('files in the pages folder are read or refused, never skipped', async () => {
    await write('Intro Page.mdx', page(STUDENT_FIELDS));
    await write('notes.txt', 'stray');
    await write('.hidden.mdx', page(STUDENT_FIELDS));
    await write('annotations.mdx', page(STUDENT_FIELDS));
    await write('.DS_Store', 'junk');
    await mkdir(path.join(root, 'annotations/sample/pages/old'));
    await write('old/intro.mdx', page(STUDENT_FIELDS));
    await symlink('/etc/hostname', path.join(root, 'annotations/sample/pages/outside.mdx'));
    const found = await problems();
    expect(found.map((p) => p.split(' | ')[0])).toEqual([
      'annotations/sample/pages/.hidden.mdx [invalid-file-name] only .mdx files not starting with a dot are read in annotations/sample/pages/; this file is not.',
      'annotations/sample/pages/Intro Page.mdx [invalid-file-name] "Intro Page" is not a valid page id (the file name is the id).',
      'annotations/sample/pages/annotations.mdx [invalid-file-name] "annotations" is an address the reading already uses (/read/sample/annotations…).',
      'annotations/sample/pages/notes.txt [invalid-file-name] only .mdx files not starting with a dot are read in annotations/sample/pages/; this file is not.',
      'annotations/sample/pages/old/intro.mdx [invalid-file-name] files in sub-folders of annotations/sample/pages/ are not read.',
      'annotations/sample/pages/outside.mdx [unsafe-file] this is a symbolic link to a file outside the project; it is not read, so nothing outside the project is published.',
    ]);
  });

  test('a pages folder in the glossary is still a sub-folder nothing reads', async () => {
    await mkdir(path.join(root, 'annotations/glossary/pages'));
    await writeFile(path.join(root, 'annotations/glossary/pages/intro.mdx'), page(STUDENT_FIELDS));
    expect((await problems()).map((p) => p.split(' | ')[0])).toEqual([
      'annotations/glossary/pages/intro.mdx [invalid-file-name] files in sub-folders of annotations/glossary/ are not read.',
    ]);
  });
});

describe('rendering', () => {
  test('a passage link leads to the reading page, not into the study page', async () => {
    await write('introduction.mdx', page(STUDENT_FIELDS));
    const check = await checkEditionFiles(root);
    const components = pageComponents(check.edition, '/courses/pol-101/reader/', 'sample');
    expect(renderMdxBody('See <PassageRef id="definition" />.', components)).toBe(
      '<p>See <a href="/courses/pol-101/reader/read/sample/#p-definition"><span class="visually-hidden">passage </span>¶2</a>.</p>',
    );
  });

  test('tables get a caption, column headers and row headers', () => {
    const html = renderMdxBody('Table: Voices and roles\n\n| Voice | Role |\n| --- | --- |\n| Kleiner | *theatre* of struggle |\n| Smith | non-state state |', {} as never);
    expect(accessibleTables(html)).toBe(
      '<table><caption>Voices and roles</caption>\n<thead>\n<tr>\n<th scope="col">Voice</th>\n<th scope="col">Role</th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr><th scope="row">Kleiner</th>\n<td><em>theatre</em> of struggle</td>\n</tr>\n<tr><th scope="row">Smith</th>\n<td>non-state state</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  test('a table without a "Table:" paragraph gets no caption, and other paragraphs stay', () => {
    const html = accessibleTables('<p>Before.</p>\n<table>\n<thead>\n<tr>\n<th>A</th>\n</tr>\n</thead>\n</table>');
    expect(html).toBe('<p>Before.</p>\n<table>\n<thead>\n<tr>\n<th scope="col">A</th>\n</tr>\n</thead>\n</table>');
  });
});

describe('helpers', () => {
  test.each([
    ['Two words.', 2],
    ['## A heading\n\n- **Bold** item, with <Cite id="x" /> and [a link](../x/).', 8],
    ['<time datetime="2011">2011</time>: one event', 3],
    ['| a | b |\n| --- | --- |', 2],
  ])('countWords(%j) = %i', (text, words) => expect(countWords(text)).toBe(words));

  test.each([
    ['<meta name="robots" content="noindex">', true],
    ['<meta name="robots" content="noindex, nofollow" />', true],
    ['<meta name="robots" content="index">', false],
    ['<p>noindex</p>', false],
  ])('isNoindex(%j) = %s', (html, expected) => expect(isNoindex(html)).toBe(expected));

  test('student pages of a reading, by order then id; instructors\u2019 pages never listed', () => {
    const at = (page: string, order: number, audience: 'students' | 'instructors' = 'students', reading = 'r') => ({ reading, page, order, audience });
    const pages = [at('b', 2), at('guide', 0, 'instructors'), at('a', 2), at('intro', 1), at('other', 1, 'students', 's')];
    expect(studentPages(pages, 'r').map((p) => p.page)).toEqual(['intro', 'a', 'b']);
  });
});
