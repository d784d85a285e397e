/**
 * Reads the editorial content from disk (annotations/<reading>/*.mdx, annotations/glossary/*.mdx,
 * annotations/sources.yaml) with line numbers, validates each file against its schema, and joins
 * everything with the readings through `buildEdition`. Shared by the Astro content loaders (which
 * throw before any page is built) and `npm run check`, so both refuse exactly the same content.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ContentError, type ContentProblem } from '../lib/content-errors.ts';
import { buildEdition, type Edition, type EditionInput, type NoteInput, type SourceInput, type TermInput } from '../lib/edition.ts';
import { idNameProblem, suggestSlug } from '../lib/file-names.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { parseYamlWithLines, zodProblems } from '../lib/schema-problems.ts';
import { AnnotationSchema } from '../schemas/annotation.ts';
import { ReadingPageSchema } from '../schemas/reading-page.ts';
import { checkReadingPages, PAGES_FOLDER, sectionPageProblems, type ReadingPageInput } from '../lib/reading-pages.ts';
import { GlossaryTermSchema } from '../schemas/glossary.ts';
import { CslItemSchema, SourcesFileSchema } from '../schemas/source.ts';
import { readCitationFiles } from './csl-files.ts';
import { useCitationStyles } from '../lib/citations.ts';
import { EDITOR_TEXT, guarded, inspect, notAFile, openProject, readContentFile, relativeTo, unexpectedProblem, type Project } from './content-files.ts';
import { READING_META_FILE, readReadingFolders, type LoadedReading } from './reading-files.ts';
import { readingLayout } from '../lib/reading-layout.ts';
import { readCourseFiles, type LoadedCourse } from './course-files.ts';
import type { HomePage } from '../schemas/reader-config.ts';
import { LAYERS_FOLDER } from '../schemas/layer.ts';
import type { ResolvedLayer } from '../lib/layers.ts';
import { readLayersFolder, resolveLayerInputs, type LayerInput } from './layer-files.ts';

/** Where content lives, relative to the project root. */
export const CONTENT_PATHS = {
  readings: 'src/content/readings',
  annotations: 'annotations',
  /** The one folder under annotations/ that is not a reading. */
  glossaryFolder: 'glossary',
  glossary: 'annotations/glossary',
  sources: 'annotations/sources.yaml',
} as const;

const listDir = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).sort();

/**
 * Leftovers of operating systems and editors, never content: ignored without being read (refusing
 * them would fail the check whenever a folder is opened in Finder or a note in Vim). Anything
 * else under annotations/ is read or refused with a message, never skipped in silence.
 */
const JUNK = [/^\.DS_Store$/, /^\._/, /^Thumbs\.db$/i, /^desktop\.ini$/i, /^\.gitkeep$/, /^\.gitignore$/, /^\..*\.sw[a-p]$/, /~$/, /^\.#/];
export const isJunk = (name: string) => JUNK.some((pattern) => pattern.test(name));

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
  const problems = zodProblems({ issues } as z.ZodError, file, lineOf, { schema, data: value, at: at.length });
  const unknownKeys = first.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : [undefined]));
  if (unknownKeys.includes(undefined) || typeof value !== 'object' || value === null) return { problems };
  const second = schema.safeParse(Object.fromEntries(Object.entries(value).filter(([key]) => !unknownKeys.includes(key))));
  return second.success ? { data: second.data, problems } : { problems };
}

/** Parses one MDX file's frontmatter against `schema`; returns the data or problems. */
async function readMdxFile<S extends z.ZodType>(project: Project, file: string, schema: S) {
  const relative = relativeTo(project.root, file);
  const read = await readContentFile(project, file, { limit: 'noteKB', text: EDITOR_TEXT });
  if (read?.text === undefined) return { problems: read?.problems ?? [] };
  const split = splitFrontmatter(read.text);
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
    file: relativeTo(root, file),
    message: 'only .mdx files are read here; this file is ignored.',
    fix: `rename it to "${path.basename(file, path.extname(file))}.mdx" if it is a note or a term, or move it out of annotations/.`,
  };
}

/** A file under a sub-folder of annotations/<folder>/: the loader reads no deeper. */
function nestedFile(root: string, folder: string, file: string): ContentProblem {
  const flat = `${CONTENT_PATHS.annotations}/${folder}/${path.basename(file)}`;
  const what = folder === CONTENT_PATHS.glossaryFolder ? 'a term' : 'a note';
  return {
    kind: 'invalid-file-name',
    file: relativeTo(root, file),
    message: `files in sub-folders of ${CONTENT_PATHS.annotations}/${folder}/ are not read.`,
    fix: `move it to ${flat} if it is ${what} (one folder per reading, without sub-folders), or out of ${CONTENT_PATHS.annotations}/.`,
  };
}

/** A dot-file: hidden by most systems, so its content would vanish unnoticed. */
function hiddenFile(root: string, file: string, owner: 'note' | 'term'): ContentProblem {
  const name = path.basename(file);
  const id = suggestSlug(path.basename(name, '.mdx'));
  return {
    kind: 'invalid-file-name',
    file: relativeTo(root, file),
    message: `"${name}" starts with a dot, which hides it on most systems; it is not read.`,
    fix: `delete it if it is not a ${owner}, or rename it to ${id ? `"${id}.mdx"` : `"<id>.mdx"`} (the file name is the ${owner}'s id: lower-case letters, digits and single hyphens).`,
  };
}

/** A file at the top of annotations/, where only sources.yaml and folders belong. */
function topLevelFile(root: string, file: string): ContentProblem {
  return {
    kind: 'invalid-file-name',
    file: relativeTo(root, file),
    message: `only ${path.basename(CONTENT_PATHS.sources)} and folders (${CONTENT_PATHS.glossaryFolder}/ and one per reading) are read at the top of ${CONTENT_PATHS.annotations}/; this file is not read.`,
    fix: `move it into the folder of its reading or into ${CONTENT_PATHS.glossary}/, or out of ${CONTENT_PATHS.annotations}/.`,
  };
}

/** Every file below `dir` (links not followed: none of them is read). */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory() && !isJunk(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * What was refused as a whole, so that the references to it are not reported again, one per use:
 * the refusal already says what to fix (as `unavailableReadings` does for readings).
 */
export interface Refused {
  /** Ids of refused glossary files (and the ids their names suggest). */
  terms: Set<string>;
  /** The glossary folder itself was refused: every term is missing for that one reason. */
  glossary: boolean;
  /** sources.yaml was refused or could not be parsed: every source is missing for that one reason. */
  sources: boolean;
  /** Ids of items of sources.yaml refused for a field of their own (and the ids they suggest). */
  sourceIds: Set<string>;
}

/** A problem that only restates, at a reference, that a refused file is missing. */
function isFollowOn(problem: ContentProblem, refused: Refused): boolean {
  if (problem.kind !== 'unknown-source' && problem.kind !== 'unknown-term') return false;
  // Every such message quotes the id first: <Term id="x">, term "x", <Cite id="x">, source "x".
  const id = /"([^"]*)"/.exec(problem.message)?.[1];
  if (problem.kind === 'unknown-source') return refused.sources || (id !== undefined && refused.sourceIds.has(id));
  return refused.glossary || (id !== undefined && refused.terms.has(id));
}

interface EditionFiles {
  notes: NoteInput[];
  terms: TermInput[];
  /** The reading's own pages (annotations/<reading>/pages/). */
  pages: ReadingPageInput[];
  /** The reading's annotation layers (annotations/<reading>/layers/), not yet anchored. */
  layers: LayerInput[];
  refused: Refused;
  problems: ContentProblem[];
}

/** Reads one note or term file into `files`; false when it was refused. */
async function readEditorialFile(project: Project, folder: string, file: string, files: EditionFiles): Promise<boolean> {
  const shown = relativeTo(project.root, file);
  const onError = (problem: ContentProblem) => ({ problems: [problem] });
  if (folder === CONTENT_PATHS.glossaryFolder) {
    const result = await guarded(shown, () => readMdxFile(project, file, GlossaryTermSchema), onError);
    files.problems.push(...result.problems);
    if ('file' in result && result.file) files.terms.push(result.file);
    return 'file' in result && result.file !== undefined;
  }
  const result = await guarded(shown, () => readMdxFile(project, file, AnnotationSchema), onError);
  files.problems.push(...result.problems);
  if ('file' in result && result.file) files.notes.push({ ...result.file, reading: folder });
  return 'file' in result && result.file !== undefined;
}

/** Each entry of a folder but OS litter, inspected (links resolved, kept inside the project). */
async function* folderEntries(project: Project, folder: string) {
  for (const entryName of await listDir(folder)) {
    if (isJunk(entryName)) continue;
    const file = path.join(folder, entryName);
    const shown = relativeTo(project.root, file);
    const entry = await guarded(shown, () => inspect(project, file), (problem) => ({ problem }));
    if (entry) yield { entryName, file, shown, entry };
  }
}

/** The notes (or terms) of one folder under annotations/; every entry read or refused. */
async function readAnnotationFolder(project: Project, name: string, folder: string, files: EditionFiles) {
  const root = project.root;
  const owner = name === CONTENT_PATHS.glossaryFolder ? 'term' : 'note';
  for await (const { entryName, file, shown, entry } of folderEntries(project, folder)) {
    const before = files.problems.length;
    if (entry.problem) files.problems.push(entry.problem);
    else if (entry.type === 'folder' && owner === 'note' && entryName === PAGES_FOLDER) await readPagesFolder(project, name, file, files);
    else if (entry.type === 'folder' && owner === 'note' && entryName === LAYERS_FOLDER) {
      const read = await readLayersFolder(project, name, file);
      files.layers.push(...read.layers);
      files.problems.push(...read.problems);
    }
    else if (entry.type === 'folder') files.problems.push(...(await filesBelow(file)).map((nested) => nestedFile(root, name, nested)));
    else if (entry.type === 'other') files.problems.push(notAFile(shown, 'other'));
    else if (entryName.startsWith('.')) files.problems.push(hiddenFile(root, file, owner));
    else if (!entryName.endsWith('.mdx')) files.problems.push(strayFile(root, file));
    else {
      const badName = idNameProblem(path.basename(entryName, '.mdx'), owner, '.mdx');
      if (badName) files.problems.push({ kind: 'invalid-file-name', file: shown, ...badName });
      else if (await readEditorialFile(project, name, file, files)) continue;
    }
    if (owner === 'term' && files.problems.length > before) {
      const stem = path.basename(entryName, '.mdx');
      files.refused.terms.add(stem).add(suggestSlug(stem));
    }
  }
}

/** A reading's pages: annotations/<reading>/pages/<page>.mdx, every entry read or refused. */
async function readPagesFolder(project: Project, reading: string, folder: string, files: EditionFiles) {
  const root = project.root;
  for await (const { entryName, file, shown, entry } of folderEntries(project, folder)) {
    const flat = `move it to ${CONTENT_PATHS.annotations}/${reading}/${PAGES_FOLDER}/ as one .mdx file per page`;
    if (entry.problem) files.problems.push(entry.problem);
    else if (entry.type === 'folder') {
      for (const nested of await filesBelow(file)) {
        files.problems.push({ kind: 'invalid-file-name', file: relativeTo(root, nested), message: `files in sub-folders of ${CONTENT_PATHS.annotations}/${reading}/${PAGES_FOLDER}/ are not read.`, fix: `${flat}, or out of ${CONTENT_PATHS.annotations}/.` });
      }
    } else if (entry.type === 'other') files.problems.push(notAFile(shown, 'other'));
    else if (entryName.startsWith('.') || !entryName.endsWith('.mdx')) {
      files.problems.push({ kind: 'invalid-file-name', file: shown, message: `only .mdx files not starting with a dot are read in ${CONTENT_PATHS.annotations}/${reading}/${PAGES_FOLDER}/; this file is not.`, fix: `rename it to "${suggestSlug(path.basename(entryName, path.extname(entryName))) || 'page'}.mdx" if it is a page, or ${flat.replace('move it to', 'move it out of')}.` });
    } else {
      const badName = idNameProblem(path.basename(entryName, '.mdx'), 'page', '.mdx');
      if (badName) {
        files.problems.push({ kind: 'invalid-file-name', file: shown, ...badName });
        continue;
      }
      const result = await guarded(shown, () => readMdxFile(project, file, ReadingPageSchema), (problem) => ({ problems: [problem] }));
      files.problems.push(...result.problems);
      if ('file' in result && result.file) files.pages.push({ ...result.file, reading });
    }
  }
}

/**
 * The items of annotations/sources.yaml, appended to `sources`; `usable` is false when the file as a
 * whole is not. The id of an item refused for one of its fields goes into `refusedIds`: the item
 * exists, and its problem says what to fix, so its uses are not each reported as unknown.
 */
function readSources(text: string, sources: SourceInput[], refusedIds: Set<string>): { problems: ContentProblem[]; usable: boolean } {
  const yaml = parseYamlWithLines(text, CONTENT_PATHS.sources);
  if (yaml.problems.length) return { problems: yaml.problems, usable: false };
  const list = yaml.data ?? [];
  if (!Array.isArray(list)) return { problems: parseLenient(SourcesFileSchema, list, CONTENT_PATHS.sources, yaml.lineOf).problems, usable: false };
  const problems: ContentProblem[] = [];
  list.forEach((value, index) => {
    const item = parseLenient(CslItemSchema, value, CONTENT_PATHS.sources, yaml.lineOf, [index]);
    problems.push(...item.problems);
    if (item.data) sources.push({ item: item.data, line: yaml.lineOf([index]) });
    else {
      const id: unknown = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).id : undefined;
      if (typeof id === 'string') refusedIds.add(id).add(suggestSlug(id));
    }
  });
  return { problems, usable: true };
}

/** Everything the edition is made of, parsed, with the problems found while parsing. */
export async function readEditionFiles(
  root: string,
): Promise<{ project: Project; input: EditionInput; pages: ReadingPageInput[]; layers: LayerInput[]; readings: LoadedReading[]; problems: ContentProblem[]; refused: Refused }> {
  const opened = await openProject(root);
  const { project } = opened;
  const readingsDir = path.join(root, CONTENT_PATHS.readings);
  const annotationsDir = path.join(root, CONTENT_PATHS.annotations);
  const files: EditionFiles = { notes: [], terms: [], pages: [], layers: [], refused: { terms: new Set(), glossary: false, sources: false, sourceIds: new Set() }, problems: opened.problems };
  const { problems, refused } = files;
  // Before any note is rendered: a note's <Cite> is formatted in the project's default style.
  const citations = await readCitationFiles(project);
  problems.push(...citations.problems);
  if (citations.setup) useCitationStyles(citations.setup);

  const folders = await readReadingFolders(project, readingsDir);
  problems.push(...folders.problems);
  const { readings, unavailable: unavailableReadings } = folders;

  for (const name of await listDir(annotationsDir)) {
    if (isJunk(name)) continue;
    const full = path.join(annotationsDir, name);
    const shown = relativeTo(root, full);
    if (shown === CONTENT_PATHS.sources) continue;
    const entry = await guarded(shown, () => inspect(project, full), (problem) => ({ problem }));
    if (!entry) continue;
    if (entry.type === 'folder') {
      await readAnnotationFolder(project, name, full, files);
      continue;
    }
    if (entry.problem) problems.push(entry.problem);
    else if (entry.type === 'file') problems.push(topLevelFile(root, full));
    else problems.push(notAFile(shown, 'other'));
    if (name === CONTENT_PATHS.glossaryFolder) refused.glossary = true;
  }

  const sources: SourceInput[] = [];
  const sourcesRead = await readContentFile(project, path.join(root, CONTENT_PATHS.sources), { limit: 'yamlKB', text: EDITOR_TEXT });
  problems.push(...(sourcesRead?.problems ?? []));
  const sourcesText = sourcesRead?.text;
  if (sourcesText !== undefined) {
    const read = await guarded(CONTENT_PATHS.sources, async () => readSources(sourcesText, sources, refused.sourceIds), (problem) => ({ problems: [problem], usable: false }));
    problems.push(...read.problems);
    refused.sources = !read.usable;
  } else if (sourcesRead) refused.sources = true;

  const input: EditionInput = {
    readings: readings.map((r) => ({
      id: r.id,
      title: r.meta.title,
      order: r.meta.order,
      language: r.meta.language,
      passages: r.segmentation.passages,
      source: r.source,
      layout: readingLayout(r.id, r.segmentation.passages, r.meta.sections, project.sectionPages),
    })),
    notes: files.notes,
    terms: files.terms,
    sources,
    sourcesFile: CONTENT_PATHS.sources,
    unavailableReadings,
  };
  return { project, input, pages: files.pages, layers: files.layers, readings, problems, refused };
}

/** Problems in a stable order: by file, then line. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

export interface EditionCheck {
  edition: Edition;
  /** The parsed files the edition was joined from (frontmatter data and MDX bodies). */
  input: EditionInput;
  /** The readings' own pages (introduction, timeline …), checked against the edition. */
  pages: ReadingPageInput[];
  readings: LoadedReading[];
  /** The readings' annotation layers, anchored (orphans included: they are warnings, not problems). */
  layers: ResolvedLayer[];
  /** The courses that passed their checks (src/content/courses/), and what the home page shows. */
  courses: LoadedCourse[];
  home: HomePage;
  problems: ContentProblem[];
  /** What was checked, for the summary line. */
  counts: { readings: number; passages: number; notes: number; terms: number; sources: number; pages: number; courses: number };
}

/**
 * `build` (buildEdition), with an unexpected failure reported as problems instead of a stack trace.
 * When the whole join throws, each note and term is joined on its own to find the files that make
 * it throw; those are reported by name and left out, and the rest is joined and checked as usual.
 */
export function joinEdition(input: EditionInput, build: typeof buildEdition = buildEdition): ReturnType<typeof buildEdition> {
  try {
    return build(input);
  } catch (error) {
    const culprits = new Map<string, ContentProblem>();
    // Only when the readings and sources join on their own can one note or term be to blame.
    const baseline = (() => {
      try {
        build({ ...input, notes: [], terms: [] });
        return true;
      } catch {
        return false;
      }
    })();
    for (const file of baseline ? [...input.notes, ...input.terms] : []) {
      try {
        build({ ...input, notes: input.notes.filter((n) => n === file), terms: input.terms.filter((t) => t === file) });
      } catch (fileError) {
        culprits.set(file.file, unexpectedProblem(file.file, fileError));
      }
    }
    const rest = { ...input, notes: input.notes.filter((n) => !culprits.has(n.file)), terms: input.terms.filter((t) => !culprits.has(t.file)) };
    try {
      if (!culprits.size) throw error;
      const built = build(rest);
      return { ...built, problems: [...culprits.values(), ...built.problems] };
    } catch (restError) {
      const empty = build({ readings: [], notes: [], terms: [], sources: [], sourcesFile: input.sourcesFile });
      const problem = unexpectedProblem(CONTENT_PATHS.annotations, restError);
      return { ...empty, problems: [...culprits.values(), { ...problem, message: problem.message.replace('checking this file', 'joining the edition') }] };
    }
  }
}

/** Reads, validates and joins all content under `root`; never throws for content problems. */
export async function checkEditionFiles(root: string): Promise<EditionCheck> {
  const { project, input, pages, layers, readings, problems, refused } = await readEditionFiles(root);
  const built = joinEdition(input);
  const courses = await readCourseFiles(project, readings, input.unavailableReadings ?? []);
  const pageProblems = checkReadingPages(pages, built.edition, { sourcesFile: input.sourcesFile, unavailableReadings: input.unavailableReadings });
  for (const reading of readings) {
    const layout = built.edition.readingById.get(reading.id)?.layout;
    const pageIds = pages.filter((page) => page.reading === reading.id).map((page) => page.id);
    const metaFile = `${reading.folder}/${READING_META_FILE}`;
    if (layout) pageProblems.push(...sectionPageProblems({ id: reading.id, metaFile, sections: reading.meta.sections }, layout, pageIds));
  }
  return {
    edition: built.edition,
    input,
    pages,
    readings,
    layers: resolveLayerInputs(layers, readings.map((r) => ({ id: r.id, source: r.source, passages: r.segmentation.passages }))),
    courses: courses.courses,
    home: project.home,
    problems: sortProblems([...problems, ...courses.problems, ...[...built.problems, ...pageProblems].filter((problem) => !isFollowOn(problem, refused))]),
    counts: {
      readings: readings.length,
      passages: readings.reduce((sum, r) => sum + r.segmentation.passages.length, 0),
      notes: input.notes.length,
      terms: input.terms.length,
      sources: input.sources.length,
      pages: pages.length,
      courses: courses.courses.length,
    },
  };
}

/** Like `checkEditionFiles`, but throws one ContentError listing every problem. */
export async function loadEditionFiles(root: string): Promise<EditionCheck> {
  const result = await checkEditionFiles(root);
  if (result.problems.length) throw new ContentError(result.problems);
  return result;
}
