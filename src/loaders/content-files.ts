/**
 * Reading content files safely. Everything a loader reads goes through here, so that:
 * - a symbolic link that leaves the project is refused (its target would otherwise be published);
 * - a folder, device or pipe where a file belongs is refused instead of hanging or crashing the build;
 * - a file over its size limit is refused before it is read;
 * - bytes are checked to be plain UTF-8 text before they are decoded (see src/lib/text-encoding.ts).
 */
import { constants } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ContentProblem } from '../lib/content-errors.ts';
import { CONFIG_FILE, DEFAULT_LIMITS, fileTooLarge, limitBytes, type LimitName } from '../lib/limits.ts';
import { parseYamlWithLines, zodProblems } from '../lib/schema-problems.ts';
import { textProblems, type TextRules } from '../lib/text-encoding.ts';
import { CitationSchema, ReaderConfigSchema, type CitationConfig, type ContentLimits, type HomePage, type SectionPagesSettings, SectionPagesSchema } from '../schemas/reader-config.ts';

/** The project being checked: its root (as given and with links resolved) and its limits. */
export interface Project {
  root: string;
  realRoot: string;
  limits: ContentLimits;
  /** What the home page shows (reader.config.yaml `home`). */
  home: HomePage;
  /** Which CSL styles the edition cites in (reader.config.yaml `citation`). */
  citation: CitationConfig;
  /** When a reading is split into section pages (reader.config.yaml `sectionPages`). */
  sectionPages: SectionPagesSettings;
}

export const toPosix = (file: string) => file.split(path.sep).join('/');
export const relativeTo = (root: string, file: string) => toPosix(path.relative(root, file));

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException)?.code;
const isInside = (root: string, file: string) => {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
};

/** A problem for a file whose check failed in a way nothing else describes: never a stack trace. */
export function unexpectedProblem(file: string, error: unknown): ContentProblem {
  return {
    kind: 'unreadable-file',
    file,
    message: `checking this file failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    fix: 'check that it is a plain UTF-8 text file you can open; if it is, report this as a bug with the file attached.',
  };
}

/** Runs `check` for one file; an unexpected error becomes a problem naming that file (`onError` wraps it). */
export async function guarded<T>(file: string, check: () => Promise<T>, onError: (problem: ContentProblem) => NoInfer<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    return onError(unexpectedProblem(file, error));
  }
}

/** What is at a path, links followed, once it is known to stay inside the project. */
export type Entry = { type: 'file' | 'folder' | 'other'; real: string; problem?: undefined } | { type?: undefined; problem: ContentProblem };

const unsafeLink = (file: string, folder: boolean): ContentProblem => ({
  kind: 'unsafe-file',
  file,
  message: `this is a symbolic link to a ${folder ? 'folder' : 'file'} outside the project; it is not read, so nothing outside the project is published.`,
  fix: `replace the link with a copy of the ${folder ? 'folder' : 'file'} it points to, or move that ${folder ? 'folder' : 'file'} into the project and link to it there.`,
});

/** Inspects `file` without reading it; undefined when nothing is there. */
export async function inspect(project: Project, file: string): Promise<Entry | undefined> {
  const shown = relativeTo(project.root, file);
  const own = await lstat(file).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined;
    throw error;
  });
  if (!own) return undefined;
  let real = file;
  if (own.isSymbolicLink()) {
    try {
      real = await realpath(file);
    } catch (error) {
      const loop = errorCode(error) === 'ELOOP';
      return {
        problem: {
          kind: 'unreadable-file',
          file: shown,
          message: loop ? 'this symbolic link leads round in a loop.' : 'this symbolic link points to a file that does not exist.',
          fix: 'delete the link, or replace it with the file it should point to.',
        },
      };
    }
    const target = await stat(real);
    if (!isInside(project.realRoot, real)) return { problem: unsafeLink(shown, target.isDirectory()) };
    return { type: target.isFile() ? 'file' : target.isDirectory() ? 'folder' : 'other', real };
  }
  // A plain entry can still lead outside when a folder above it is a link out of the project.
  real = await realpath(file);
  if (!isInside(project.realRoot, real)) return { problem: unsafeLink(shown, own.isDirectory()) };
  return { type: own.isFile() ? 'file' : own.isDirectory() ? 'folder' : 'other', real };
}

export const notAFile = (file: string, type: 'folder' | 'other'): ContentProblem => ({
  kind: 'unreadable-file',
  file,
  message: type === 'folder' ? 'this is a folder, but a file is expected here.' : 'this is not a regular file (a device, pipe or socket).',
  fix: type === 'folder' ? `move the folder's contents out and put the file itself here.` : 'replace it with a plain text file.',
});

export interface ReadOptions {
  limit: LimitName;
  text: TextRules;
  /** Appended to each encoding fix (for source.txt: how to learn the new sha256). */
  afterFix?: string;
}

export type ReadResult = { bytes: Buffer; text: string; problems: [] } | { bytes?: undefined; text?: undefined; problems: ContentProblem[] };

/**
 * Reads a content file after the checks above; `undefined` when it does not exist. Problems are
 * the reasons it was not read (or, for its bytes, is not text): one per root cause.
 */
export async function readContentFile(project: Project, file: string, options: ReadOptions): Promise<ReadResult | undefined> {
  const shown = relativeTo(project.root, file);
  try {
    return await readChecked(project, file, shown, options);
  } catch (error) {
    return { problems: [unexpectedProblem(shown, error)] };
  }
}

async function readChecked(project: Project, file: string, shown: string, options: ReadOptions): Promise<ReadResult | undefined> {
  const entry = await inspect(project, file);
  if (!entry) return undefined;
  if (entry.problem) return { problems: [entry.problem] };
  if (entry.type !== 'file') return { problems: [notAFile(shown, entry.type)] };
  const max = limitBytes(project.limits, options.limit);
  // The resolved path, not following links again (O_NOFOLLOW), so a link swapped in since the check
  // above fails instead of being followed; O_NONBLOCK, so a swapped-in pipe does not wait for a writer.
  const handle = await open(entry.real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problems: [notAFile(shown, info.isDirectory() ? 'folder' : 'other')] };
    if (info.size > max) return { problems: [fileTooLarge(shown, info.size, project.limits, options.limit)] };
    // Read at most one byte past the limit, whatever the size said: the file may grow meanwhile.
    const buffer = Buffer.alloc(Math.min(info.size, max) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > max) return { problems: [fileTooLarge(shown, length, project.limits, options.limit)] };
    const bytes = buffer.subarray(0, length);
    const problems = textProblems(bytes, shown, options.text, options.afterFix);
    return problems.length ? { problems } : { bytes, text: bytes.toString('utf8'), problems: [] };
  } finally {
    await handle.close();
  }
}

/** YAML and MDX files: their parsers skip a byte order mark and accept CR LF, so only bytes and controls matter. */
export const EDITOR_TEXT: TextRules = { allowBom: true, allowCarriageReturns: true };

/** The project at `root` with its limits (reader.config.yaml when present, else the defaults). */
export async function openProject(root: string): Promise<{ project: Project; problems: ContentProblem[] }> {
  const project: Project = { root, realRoot: await realpath(root).catch(() => root), limits: DEFAULT_LIMITS, home: 'readings', citation: CitationSchema.parse(undefined), sectionPages: SectionPagesSchema.parse(undefined) };
  const file = path.join(root, CONFIG_FILE);
  const read = await readContentFile(project, file, { limit: 'noteKB', text: EDITOR_TEXT });
  if (!read) return { project, problems: [] };
  if (read.text === undefined) return { project, problems: read.problems };
  const yaml = parseYamlWithLines(read.text, CONFIG_FILE);
  if (yaml.problems.length) return { project, problems: yaml.problems };
  const parsed = ReaderConfigSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) {
    return { project, problems: zodProblems(parsed.error, CONFIG_FILE, yaml.lineOf, { schema: ReaderConfigSchema, data: yaml.data }) };
  }
  return { project: { ...project, limits: parsed.data.limits, home: parsed.data.home, citation: parsed.data.citation, sectionPages: parsed.data.sectionPages }, problems: [] };
}
