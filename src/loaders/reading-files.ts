/**
 * Reads one reading folder from disk (reading.yaml + source.txt), validates it and segments it.
 * Shared by the Astro content loader and `npm run check`, so both refuse exactly the same content.
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ContentError, type ContentProblem } from '../lib/content-errors.ts';
import { idNameProblem, suggestSlug } from '../lib/file-names.ts';
import { asReadingId, type ReadingId } from '../lib/ids.ts';
import { segment, type Segmentation } from '../lib/passages.ts';
import { markProblems } from '../lib/inline-marks.ts';
import { parseYamlWithLines, zodProblems } from '../lib/schema-problems.ts';
import { ReadingMetaSchema, type ReadingMeta } from '../schemas/reading.ts';
import { EDITOR_TEXT, guarded, inspect, openProject, readContentFile, relativeTo, type Project } from './content-files.ts';

export const READING_META_FILE = 'reading.yaml';
export const READING_SOURCE_FILE = 'source.txt';

export interface LoadedReading {
  id: ReadingId;
  meta: Omit<ReadingMeta, 'passages'>;
  source: string;
  segmentation: Segmentation;
  /** Folder, relative to the project root. */
  folder: string;
}

/**
 * source.txt is published as it is, and its lines are what the passage map counts: no byte order
 * mark, no CR. Converting it changes its sha256, which the next check prints.
 */
const SOURCE_TEXT = { allowBom: false, allowCarriageReturns: false };
const SOURCE_AFTER_FIX = `then run \`npm run check\` again: it prints the new sha256 to record in ${READING_META_FILE}`;

/** Loads and checks one reading; returns the reading or the problems that stop it. */
export async function loadReadingFolder(
  project: Project,
  folder: string,
): Promise<{ reading?: LoadedReading; problems: ContentProblem[] }> {
  const root = project.root;
  const metaPath = path.join(folder, READING_META_FILE);
  const sourcePath = path.join(folder, READING_SOURCE_FILE);
  const metaFile = relativeTo(root, metaPath);
  const sourceFile = relativeTo(root, sourcePath);
  const problems: ContentProblem[] = [];

  const [metaRead, sourceRead] = await Promise.all([
    readContentFile(project, metaPath, { limit: 'yamlKB', text: EDITOR_TEXT }),
    readContentFile(project, sourcePath, { limit: 'sourceMB', text: SOURCE_TEXT, afterFix: SOURCE_AFTER_FIX }),
  ]);
  if (metaRead === undefined) {
    problems.push({
      kind: 'missing-file',
      file: metaFile,
      message: `the reading folder has no ${READING_META_FILE}.`,
      fix: 'add the metadata file with title, origin, licence, sha256 and the passage map (see the README).',
    });
  }
  if (sourceRead === undefined) {
    problems.push({
      kind: 'missing-file',
      file: sourceFile,
      message: `the reading folder has no ${READING_SOURCE_FILE}.`,
      fix: 'copy the original text here byte for byte.',
    });
  }
  // Unreadable, unsafe, oversized or not text: each file's own problem, and nothing checked against
  // it (a hash mismatch or a misaligned map would only restate the same cause).
  problems.push(...(metaRead?.problems ?? []), ...(sourceRead?.problems ?? []));
  if (problems.length || metaRead?.text === undefined || sourceRead?.bytes === undefined) return { problems };
  const metaText = metaRead.text;
  const sourceBytes = sourceRead.bytes;

  const yaml = parseYamlWithLines(metaText, metaFile);
  if (yaml.problems.length) return { problems: yaml.problems };
  const actualHash = createHash('sha256').update(sourceBytes).digest('hex');
  const parsed = ReadingMetaSchema.safeParse(yaml.data);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, metaFile, yaml.lineOf, { schema: ReadingMetaSchema, data: yaml.data });
    return { problems: problems.map((problem) => (problem.field === 'sha256' ? sha256Problem(problem, yaml.data, actualHash, metaFile) : problem)) };
  }
  const meta = parsed.data;

  if (isPlaceholderHash(meta.sha256)) {
    return { problems: [sha256Problem({ kind: 'invalid-field', file: metaFile, line: yaml.lineOf(['sha256']), field: 'sha256', message: '' }, yaml.data, actualHash, metaFile)] };
  }
  if (actualHash !== meta.sha256) {
    return {
      problems: [
        {
          kind: 'source-hash-mismatch',
          file: sourceFile,
          message: `sha256 is ${actualHash}, but ${READING_META_FILE} records ${meta.sha256}.`,
          fix: `restore the original text byte for byte (never edit it; mark defects with editorial notes). Only if the edition deliberately follows a new original, set \`sha256: ${actualHash}\` in ${metaFile} and re-check the passage map.`,
        },
      ],
    };
  }

  const source = sourceRead.text;
  const { segmentation, problems: mapProblems } = segment(source, meta.passages, {
    file: metaFile,
    entryLines: meta.passages.map((_, index) => yaml.lineOf(['passages', index])),
    sectionIds: meta.sections.map((section) => section.id),
  });
  if (!segmentation) return { problems: withoutRestatedSpans(mapProblems) };
  // Inline marks quote their words like notes do; words not in the passage are refused here.
  const badMarks = markProblems(segmentation.passages, { file: metaFile, lineOf: yaml.lineOf });
  if (badMarks.length) return { problems: badMarks };
  const { passages: _map, ...rest } = meta;
  return {
    reading: { id: asReadingId(path.basename(folder)), meta: rest, source, segmentation, folder: relativeTo(root, folder) },
    problems: [],
  };
}

/**
 * A passage whose `lines` run into another's is reported as an overlap; that its span does not
 * match one block is the same mistake seen again, and its suggested span would only move the
 * overlap (for "6-8" it offered the other passage's "5-6"), so it is left out.
 */
function withoutRestatedSpans(problems: ContentProblem[]): ContentProblem[] {
  const overlapping = new Set(problems.filter((p) => p.kind === 'passage-overlap').map((p) => p.field));
  return problems.filter((p) => !(p.kind === 'passage-misaligned' && overlapping.has(p.field)));
}

/** 64 times the same digit: written to be replaced (`sha256sum` is not on every system). */
const isPlaceholderHash = (hash: string) => /^(.)\1{63}$/.test(hash);

/**
 * sha256 missing, malformed or a placeholder: the message gives the value to write, computed from
 * source.txt as it is now, so no one needs a checksum tool (macOS and Windows lack `sha256sum`).
 */
function sha256Problem(problem: ContentProblem, data: unknown, actualHash: string, metaFile: string): ContentProblem {
  const written: unknown = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).sha256 : undefined;
  const what =
    written === undefined || written === null
      ? 'sha256 is missing'
      : written === 0 || (typeof written === 'string' && isPlaceholderHash(written))
        ? `sha256 is a placeholder (${String(written).slice(0, 8)}…)`
        : `sha256 ${JSON.stringify(written)} is not a sha256 (64 lower-case hex digits)`;
  return {
    ...problem,
    message: `${what}; the sha256 of ${READING_SOURCE_FILE} as it is now is ${actualHash}.`,
    fix: `write \`sha256: ${actualHash}\` in ${metaFile}, once ${READING_SOURCE_FILE} is the original text byte for byte (the build then refuses any change to it).`,
  };
}

export interface ReadingFolders {
  readings: LoadedReading[];
  problems: ContentProblem[];
  /**
   * Folder names of readings that exist but were refused, and the ids their names suggest:
   * notes under annotations/ for them are not reported again as notes of an unknown reading.
   */
  unavailable: string[];
}

/**
 * Every reading under `readingsDir`. A folder whose name is not a valid id is refused (a reader's
 * saved highlights on it could never be restored), and so is a link leading out of the project.
 */
export async function readReadingFolders(project: Project, readingsDir: string): Promise<ReadingFolders> {
  const result: ReadingFolders = { readings: [], problems: [], unavailable: [] };
  const names = (await readdir(readingsDir).catch(() => [] as string[])).sort();
  for (const name of names) {
    const folder = path.join(readingsDir, name);
    const shown = relativeTo(project.root, folder);
    const refuse = (problems: ContentProblem[]) => {
      result.problems.push(...problems);
      result.unavailable.push(name, suggestSlug(name));
    };
    const entry = await guarded(shown, () => inspect(project, folder), (problem) => ({ problem }));
    if (entry?.problem) {
      refuse([entry.problem]);
      continue;
    }
    if (entry?.type !== 'folder') continue;
    const badName = idNameProblem(name, 'reading', '');
    if (badName) {
      refuse([{ kind: 'invalid-file-name', file: shown, ...badName }]);
      continue;
    }
    const loaded = await guarded(shown, () => loadReadingFolder(project, folder), (problem) => ({ problems: [problem] }));
    if (loaded.reading) result.readings.push(loaded.reading);
    else refuse(loaded.problems);
  }
  return result;
}

/** Loads every reading folder under `readingsDir`; throws one ContentError listing every problem. */
export async function loadAllReadings(root: string, readingsDir: string): Promise<{ project: Project; readings: LoadedReading[] }> {
  const { project, problems } = await openProject(root);
  const folders = await readReadingFolders(project, readingsDir);
  problems.push(...folders.problems);
  if (problems.length) throw new ContentError(problems);
  return { project, readings: folders.readings };
}
