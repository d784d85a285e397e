/**
 * Reads the editorial content from disk (annotations/<reading>/*.mdx, annotations/glossary/*.mdx,
 * annotations/sources.yaml) with line numbers, validates each file against its schema, and joins
 * everything with the readings through `buildEdition`. Shared by the Astro content loaders (which
 * throw before any page is built) and `npm run check`, so both refuse exactly the same content.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ContentError, type ContentProblem } from '../lib/content-errors.ts';
import { buildEdition, type Edition, type EditionInput, type NoteInput, type SourceInput, type TermInput } from '../lib/edition.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { keysOfSchemaAt, parseYamlWithLines, zodProblems } from '../lib/schema-problems.ts';
import { AnnotationSchema } from '../schemas/annotation.ts';
import { GlossaryTermSchema } from '../schemas/glossary.ts';
import { CslItemSchema, SourcesFileSchema } from '../schemas/source.ts';
import { loadReadingFolder, type LoadedReading } from './reading-files.ts';

/** Where content lives, relative to the project root. */
export const CONTENT_PATHS = {
  readings: 'src/content/readings',
  annotations: 'annotations',
  /** The one folder under annotations/ that is not a reading. */
  glossaryFolder: 'glossary',
  glossary: 'annotations/glossary',
  sources: 'annotations/sources.yaml',
} as const;

const toPosix = (file: string) => file.split(path.sep).join('/');
const listDir = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).sort();
const isDir = async (file: string) => (await stat(file).catch(() => undefined))?.isDirectory() ?? false;

/**
 * Validates `value` against a strict object schema. When the only mistakes are unknown field names,
 * the data without them is still returned (with the problems), so the rest of the file is checked
 * in the same run and the editor sees everything at once. `at` prefixes paths (an item's index).
 */
function parseLenient<S extends z.ZodType>(
  schema: S,
  value: unknown,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  at: readonly PropertyKey[] = [],
): { data?: z.infer<S>; problems: ContentProblem[] } {
  const first = schema.safeParse(value);
  if (first.success) return { data: first.data, problems: [] };
  const issues = first.error.issues.map((issue) => ({ ...issue, path: [...at, ...issue.path] }));
  const problems = zodProblems({ issues } as z.ZodError, file, lineOf, (p) => keysOfSchemaAt(schema, p.slice(at.length)));
  const unknownKeys = first.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : [undefined]));
  if (unknownKeys.includes(undefined) || typeof value !== 'object' || value === null) return { problems };
  const second = schema.safeParse(Object.fromEntries(Object.entries(value).filter(([key]) => !unknownKeys.includes(key))));
  return second.success ? { data: second.data, problems } : { problems };
}

/** Parses one MDX file's frontmatter against `schema`; returns the data or problems. */
async function readMdxFile<S extends z.ZodType>(root: string, file: string, schema: S) {
  const relative = toPosix(path.relative(root, file));
  const text = await readFile(file, 'utf8');
  const split = splitFrontmatter(text);
  if (split.frontmatter === undefined) {
    return {
      problems: [
        {
          kind: 'invalid-field' as const,
          file: relative,
          line: 1,
          message: 'the file has no frontmatter.',
          fix: 'start the file with the fields between two `---` lines (see /guide/).',
        },
      ],
    };
  }
  const yaml = parseYamlWithLines(split.frontmatter, relative, split.frontmatterLine - 1);
  if (yaml.problems.length) return { problems: yaml.problems };
  const { data, problems } = parseLenient(schema, yaml.data ?? {}, relative, yaml.lineOf);
  if (data === undefined) return { problems };
  return {
    file: {
      id: path.basename(file, '.mdx'),
      file: relative,
      body: split.body,
      bodyLine: split.bodyLine,
      fieldLine: yaml.lineOf,
      data,
    },
    problems,
  };
}

/** Files under annotations/ that the build would silently skip: say so instead. */
function strayFile(root: string, file: string): ContentProblem {
  return {
    kind: 'invalid-file-name',
    file: toPosix(path.relative(root, file)),
    message: 'only .mdx files are read here; this file is ignored.',
    fix: `rename it to "${path.basename(file, path.extname(file))}.mdx" if it is a note or a term, or move it out of annotations/.`,
  };
}

/** Everything the edition is made of, parsed, with the problems found while parsing. */
export async function readEditionFiles(root: string): Promise<{ input: EditionInput; readings: LoadedReading[]; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = [];
  const readingsDir = path.join(root, CONTENT_PATHS.readings);
  const annotationsDir = path.join(root, CONTENT_PATHS.annotations);

  const readings: LoadedReading[] = [];
  const unavailableReadings: string[] = [];
  for (const name of await listDir(readingsDir)) {
    const folder = path.join(readingsDir, name);
    if (!(await isDir(folder))) continue;
    const result = await loadReadingFolder(root, folder);
    problems.push(...result.problems);
    if (result.reading) readings.push(result.reading);
    else unavailableReadings.push(name);
  }

  const notes: NoteInput[] = [];
  const terms: TermInput[] = [];
  for (const name of await listDir(annotationsDir)) {
    const folder = path.join(annotationsDir, name);
    if (name.startsWith('.') || !(await isDir(folder))) continue;
    for (const entry of await listDir(folder)) {
      if (entry.startsWith('.')) continue;
      const file = path.join(folder, entry);
      if (await isDir(file)) continue;
      if (!entry.endsWith('.mdx')) {
        problems.push(strayFile(root, file));
        continue;
      }
      if (name === CONTENT_PATHS.glossaryFolder) {
        const result = await readMdxFile(root, file, GlossaryTermSchema);
        problems.push(...result.problems);
        if (result.file) terms.push(result.file);
      } else {
        const result = await readMdxFile(root, file, AnnotationSchema);
        problems.push(...result.problems);
        if (result.file) notes.push({ ...result.file, reading: name });
      }
    }
  }

  const sources: SourceInput[] = [];
  const sourcesPath = path.join(root, CONTENT_PATHS.sources);
  const sourcesText = await readFile(sourcesPath, 'utf8').catch(() => undefined);
  if (sourcesText !== undefined) {
    const yaml = parseYamlWithLines(sourcesText, CONTENT_PATHS.sources);
    problems.push(...yaml.problems);
    if (!yaml.problems.length) {
      const list = yaml.data ?? [];
      if (!Array.isArray(list)) {
        problems.push(...parseLenient(SourcesFileSchema, list, CONTENT_PATHS.sources, yaml.lineOf).problems);
      } else {
        list.forEach((value, index) => {
          const item = parseLenient(CslItemSchema, value, CONTENT_PATHS.sources, yaml.lineOf, [index]);
          problems.push(...item.problems);
          if (item.data) sources.push({ item: item.data, line: yaml.lineOf([index]) });
        });
      }
    }
  }

  const input: EditionInput = {
    readings: readings.map((r) => ({ id: r.id, title: r.meta.title, passages: r.segmentation.passages, source: r.source })),
    notes,
    terms,
    sources,
    sourcesFile: CONTENT_PATHS.sources,
    unavailableReadings,
  };
  return { input, readings, problems };
}

/** Problems in a stable order: by file, then line. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

export interface EditionCheck {
  edition: Edition;
  /** The parsed files the edition was joined from (frontmatter data and MDX bodies). */
  input: EditionInput;
  readings: LoadedReading[];
  problems: ContentProblem[];
  /** What was checked, for the summary line. */
  counts: { readings: number; passages: number; notes: number; terms: number; sources: number };
}

/** Reads, validates and joins all content under `root`; never throws for content problems. */
export async function checkEditionFiles(root: string): Promise<EditionCheck> {
  const { input, readings, problems } = await readEditionFiles(root);
  const built = buildEdition(input);
  return {
    edition: built.edition,
    input,
    readings,
    problems: sortProblems([...problems, ...built.problems]),
    counts: {
      readings: readings.length,
      passages: readings.reduce((sum, r) => sum + r.segmentation.passages.length, 0),
      notes: input.notes.length,
      terms: input.terms.length,
      sources: input.sources.length,
    },
  };
}

/** Like `checkEditionFiles`, but throws one ContentError listing every problem. */
export async function loadEditionFiles(root: string): Promise<EditionCheck> {
  const result = await checkEditionFiles(root);
  if (result.problems.length) throw new ContentError(result.problems);
  return result;
}
