/**
 * `npm run import -- <file> [--id <reading-id>] [--lang <code>] [--title "…"] [--author "…"] [--force]`
 *
 * Creates src/content/readings/<id>/ (source.txt and reading.yaml) from a .txt (Project Gutenberg
 * too), .md, .html, .docx, .epub or TEI .xml file, then loads the folder with the project's own
 * loader, so what it writes is what `npm run check` accepts. With --force an existing reading's
 * text is replaced and every note under annotations/<id>/ is checked against the new text; the
 * notes that no longer anchor are listed (and the command exits 1).
 *
 * Refusals are one line: the file, what is wrong, how to fix it. READER_ROOT points it at another
 * project folder (the tests use a temporary copy).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, type ContentProblem } from '../lib/content-errors.ts';
import { suggestSlug } from '../lib/file-names.ts';
import { SLUG_PATTERN } from '../lib/ids.ts';
import { ImportError, importFile, refusals } from '../lib/import/index.ts';
import { openProject } from '../loaders/content-files.ts';
import { CONTENT_PATHS, checkEditionFiles } from '../loaders/edition-files.ts';
import { loadReadingFolder, READING_META_FILE, READING_SOURCE_FILE } from '../loaders/reading-files.ts';

export interface ImportRun {
  code: number;
  out: string[];
  err: string[];
}

/** Problems that mean a note no longer finds its words (or its passage) in the new text. */
const ANCHOR_KINDS = new Set<ContentProblem['kind']>(['unknown-passage', 'phrase-not-found', 'phrase-ambiguous']);

const USAGE = 'npm run import -- <file> [--id <reading-id>] [--lang <code>] [--title "…"] [--author "…"] [--force]';

/**
 * Runs the command against the project at `root`; never throws for an author's mistake. A relative
 * file name is read from `cwd` (where the command was typed: npm itself runs scripts in the project
 * folder and says where it was called from in INIT_CWD).
 */
export async function runImport(args: readonly string[], root: string, cwd: string = root): Promise<ImportRun> {
  const run: ImportRun = { code: 0, out: [], err: [] };
  const refuse = (message: string) => {
    run.err.push(message);
    run.code = 1;
    return run;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { id: { type: 'string' }, lang: { type: 'string' }, title: { type: 'string' }, author: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    return refuse(`npm run import: ${(error as Error).message.split('\n')[0]} Usage: ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    run.out.push(`Usage: ${USAGE}`);
    return run;
  }
  if (positionals.length !== 1) {
    return refuse(`npm run import: ${positionals.length ? 'name one file at a time' : 'name the file to import'}, e.g. npm run import -- texts/alice.txt (usage: ${USAGE}).`);
  }
  const file = positionals[0]!;
  const fileName = path.basename(file);
  if (values.id !== undefined && !SLUG_PATTERN.test(values.id)) return refuse(refusals.badId(values.id, suggestSlug(values.id)).message);

  const full = path.resolve(cwd, file);
  const info = await stat(full).catch(() => undefined);
  const from = path.isAbsolute(file) ? '' : ` (a relative path is read from ${path.resolve(cwd) === path.resolve(root) ? 'the project folder' : path.resolve(cwd)})`;
  if (!info) return refuse(`${file}: no such file; check the path${from}.`);
  if (!info.isFile()) return refuse(`${file}: this is not a file; name the document itself, e.g. ${path.join(file, 'text.docx')}.`);

  let imported;
  try {
    imported = await importFile(await readFile(full), {
      fileName,
      id: values.id,
      lang: values.lang,
      title: values.title,
      author: values.author,
    });
  } catch (error) {
    if (error instanceof ImportError) return refuse(error.message.startsWith(`${fileName}:`) ? `${file}${error.message.slice(fileName.length)}` : error.message);
    return refuse(`${file}: the import stopped unexpectedly (${(error as Error).message.split('\n')[0]}); check that the file opens in its own program, and if it does, report this as a bug with the file attached.`);
  }

  const folder = path.join(root, CONTENT_PATHS.readings, imported.id);
  const shownFolder = `${CONTENT_PATHS.readings}/${imported.id}`;
  const exists = await stat(folder).then(() => true, () => false);
  if (exists && !values.force) return refuse(refusals.idTaken(file, imported.id, shownFolder).message);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, READING_SOURCE_FILE), imported.source);
  await writeFile(path.join(folder, READING_META_FILE), imported.yaml);

  // What was written must load as any reading does.
  const { project } = await openProject(root);
  const loaded = await loadReadingFolder(project, folder);
  if (!loaded.reading) {
    run.err.push(`${shownFolder}: the imported reading does not pass the check (a bug in the importer; please report it with the file):`);
    run.err.push(...loaded.problems.map(formatProblem));
    run.code = 1;
    return run;
  }

  const passages = imported.meta.passages.length;
  const sections = imported.meta.sections.length;
  run.out.push(
    `${exists ? 'Replaced' : 'Imported'} ${file} (${imported.meta.provenance?.format}) as ${shownFolder}/: ${passages} passage${passages === 1 ? '' : 's'} in ${sections} section${sections === 1 ? '' : 's'}, language ${imported.meta.language}.`,
  );
  for (const left of imported.meta.provenance?.omitted ?? []) run.out.push(`  left out: ${left}`);
  for (const warning of imported.warnings) run.out.push(`  note: ${warning}`);

  if (exists) {
    const check = await checkEditionFiles(root);
    const prefix = `${CONTENT_PATHS.annotations}/${imported.id}/`;
    const broken = check.problems.filter((p) => p.file.startsWith(prefix) && ANCHOR_KINDS.has(p.kind));
    if (broken.length) {
      const files = new Set(broken.map((p) => p.file));
      run.err.push(`${files.size} note${files.size === 1 ? '' : 's'} of "${imported.id}" no longer anchor${files.size === 1 ? 's' : ''} in the new text; fix each one (or delete it), then run \`npm run check\`:`);
      run.err.push(...broken.map(formatProblem));
      run.code = 1;
      return run;
    }
    run.out.push(`  every note under ${prefix} still anchors.`);
  }
  run.out.push(`Next: \`npm run check\`, then write notes in ${CONTENT_PATHS.annotations}/${imported.id}/ (see /guide/).`);
  return run;
}

if (import.meta.main) {
  const result = await runImport(process.argv.slice(2), path.resolve(process.env.READER_ROOT ?? '.'), process.env.INIT_CWD ?? process.cwd());
  for (const line of result.out) console.log(line);
  for (const line of result.err) console.error(line);
  process.exitCode = result.code;
}
