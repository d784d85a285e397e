/**
 * Reads one reading folder from disk (reading.yaml + source.txt), validates it and segments it.
 * Shared by the Astro content loader and `npm run check`, so both refuse exactly the same content.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ContentError, type ContentProblem } from '../lib/content-errors.ts';
import { asReadingId, type ReadingId } from '../lib/ids.ts';
import { segment, type Segmentation } from '../lib/passages.ts';
import { keysOfSchemaAt, parseYamlWithLines, zodProblems } from '../lib/schema-problems.ts';
import { ReadingMetaSchema, type ReadingMeta } from '../schemas/reading.ts';

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

const relative = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/** Loads and checks one reading; returns the reading or the problems that stop it. */
export async function loadReadingFolder(
  root: string,
  folder: string,
): Promise<{ reading?: LoadedReading; problems: ContentProblem[] }> {
  const metaPath = path.join(folder, READING_META_FILE);
  const sourcePath = path.join(folder, READING_SOURCE_FILE);
  const metaFile = relative(root, metaPath);
  const sourceFile = relative(root, sourcePath);
  const problems: ContentProblem[] = [];

  const [metaText, sourceBytes] = await Promise.all([
    readFile(metaPath, 'utf8').catch(() => undefined),
    readFile(sourcePath).catch(() => undefined),
  ]);
  if (metaText === undefined) {
    problems.push({
      kind: 'missing-file',
      file: metaFile,
      message: `the reading folder has no ${READING_META_FILE}.`,
      fix: 'add the metadata file with title, origin, licence, sha256 and the passage map (see the README).',
    });
  }
  if (sourceBytes === undefined) {
    problems.push({
      kind: 'missing-file',
      file: sourceFile,
      message: `the reading folder has no ${READING_SOURCE_FILE}.`,
      fix: 'copy the original text here byte for byte.',
    });
  }
  if (metaText === undefined || sourceBytes === undefined) return { problems };

  const yaml = parseYamlWithLines(metaText, metaFile);
  if (yaml.problems.length) return { problems: yaml.problems };
  const parsed = ReadingMetaSchema.safeParse(yaml.data);
  if (!parsed.success) {
    return {
      problems: zodProblems(parsed.error, metaFile, yaml.lineOf, (p) => keysOfSchemaAt(ReadingMetaSchema, p)),
    };
  }
  const meta = parsed.data;

  const actualHash = createHash('sha256').update(sourceBytes).digest('hex');
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

  const source = sourceBytes.toString('utf8');
  const { segmentation, problems: mapProblems } = segment(source, meta.passages, {
    file: metaFile,
    entryLines: meta.passages.map((_, index) => yaml.lineOf(['passages', index])),
    sectionIds: meta.sections.map((section) => section.id),
  });
  if (!segmentation) return { problems: mapProblems };
  const { passages: _map, ...rest } = meta;
  return {
    reading: { id: asReadingId(path.basename(folder)), meta: rest, source, segmentation, folder: relative(root, folder) },
    problems: [],
  };
}

/** Loads every reading folder under `readingsDir`; throws one ContentError listing every problem. */
export async function loadAllReadings(root: string, readingsDir: string): Promise<LoadedReading[]> {
  const names = (await readdir(readingsDir)).sort();
  const readings: LoadedReading[] = [];
  const problems: ContentProblem[] = [];
  for (const name of names) {
    const folder = path.join(readingsDir, name);
    if (!(await stat(folder)).isDirectory()) continue;
    const result = await loadReadingFolder(root, folder);
    problems.push(...result.problems);
    if (result.reading) readings.push(result.reading);
  }
  if (problems.length) throw new ContentError(problems);
  return readings;
}
