/**
 * The CSL styles and locales reader.config.yaml names, read from the project's src/content/csl/ folder and
 * checked (src/lib/csl-styles.ts). A project without its own copy of a style or locale gets the
 * reader's (the src/content/csl/ folder beside this code), so a new project cites in Chicago, APA and MLA
 * before it has a src/content/csl/ folder of its own.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CitationSetup } from '../lib/citations.ts';
import type { ContentProblem } from '../lib/content-errors.ts';
import { checkCslLocale, CSL_FOLDER, cslLocalePath, cslStylePath, missingLocale, readCslStyle, styleLocale, unknownStyle, type CslStyle } from '../lib/csl-styles.ts';
import { EDITOR_TEXT, openProject, readContentFile, type Project } from './content-files.ts';

/** The reader's own project folder: its src/content/csl/ holds the styles the edition ships. */
const READER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A file of src/content/csl/ from the project, else from the reader; undefined when neither has it. */
async function readCslFile(project: Project, relative: string) {
  const own = await readContentFile(project, path.join(project.root, relative), { limit: 'yamlKB', text: EDITOR_TEXT });
  if (own || path.resolve(project.root) === READER_ROOT) return own;
  return readContentFile({ ...project, root: READER_ROOT, realRoot: READER_ROOT }, path.join(READER_ROOT, relative), { limit: 'yamlKB', text: EDITOR_TEXT });
}

const stylesIn = async (root: string) =>
  (await readdir(path.join(root, CSL_FOLDER, 'styles')).catch(() => [] as string[])).filter((name) => name.endsWith('.csl')).map((name) => name.slice(0, -'.csl'.length));

/** The project's citation styles and locales, or the problems that stop the edition citing with them. */
export async function readCitationFiles(project: Project): Promise<{ setup?: CitationSetup; problems: ContentProblem[] }> {
  const { citation } = project;
  const problems: ContentProblem[] = [];
  const styles: CslStyle[] = [];
  for (const [index, name] of citation.styles.entries()) {
    const read = await readCslFile(project, cslStylePath(name));
    if (!read) {
      const available = [...new Set([...(await stylesIn(project.root)), ...(await stylesIn(READER_ROOT))])].sort();
      problems.push(unknownStyle(name, index, available));
      continue;
    }
    if (read.text === undefined) {
      problems.push(...read.problems);
      continue;
    }
    const { style, problem } = readCslStyle(name, read.text);
    if (problem) problems.push(problem);
    if (style) styles.push(style);
  }
  const locales: Record<string, string> = {};
  const looked = new Set<string>();
  for (const style of styles) {
    const locale = styleLocale(style, citation.locale);
    // One problem per missing locale, however many styles cite in it.
    if (looked.has(locale)) continue;
    looked.add(locale);
    const read = await readCslFile(project, cslLocalePath(locale));
    if (!read) {
      problems.push(missingLocale(style, locale, citation.locale !== undefined));
      continue;
    }
    if (read.text === undefined) {
      problems.push(...read.problems);
      continue;
    }
    const problem = checkCslLocale(locale, read.text);
    if (problem) problems.push(problem);
    else locales[locale] = read.text;
  }
  if (problems.length) return { problems };
  return { setup: { styles, defaultStyle: citation.default ?? citation.styles[0]!, locales, locale: citation.locale }, problems };
}

/** `readCitationFiles` for the project at `root` (its reader.config.yaml's problems are the check's to report). */
export async function readProjectCitations(root: string): Promise<CitationSetup | undefined> {
  const { project } = await openProject(root);
  return (await readCitationFiles(project)).setup;
}
