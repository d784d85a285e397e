/**
 * Reads `src/content/courses/<course-id>/course.yaml` from disk with line numbers, validates each
 * against the course schema and checks what it names against the readings. Called by
 * `checkEditionFiles`, so `npm run check`, the build and `astro dev` refuse the same courses with
 * the same messages.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ContentProblem } from '../lib/content-errors.ts';
import { checkCourse, type CourseReading } from '../lib/course.ts';
import { suggestSlug } from '../lib/file-names.ts';
import { SLUG_PATTERN } from '../lib/ids.ts';
import { CONFIG_FILE } from '../lib/limits.ts';
import { parseYamlWithLines, zodProblems } from '../lib/schema-problems.ts';
import { CourseSchema, type Course } from '../schemas/course.ts';
import type { HomePage } from '../schemas/reader-config.ts';
import { EDITOR_TEXT, guarded, inspect, notAFile, readContentFile, relativeTo, type Project } from './content-files.ts';
import type { LoadedReading } from './reading-files.ts';

export const COURSES_FOLDER = 'src/content/courses';
export const COURSE_FILE = 'course.yaml';

/** A course that passed its checks. */
export interface LoadedCourse {
  id: string;
  file: string;
  course: Course;
}

/** What a course needs of a loaded reading. */
export const courseReading = (reading: LoadedReading): CourseReading => ({
  id: reading.id,
  title: reading.meta.title,
  sections: reading.meta.sections,
  passages: reading.segmentation.passages,
});

/** One course folder: its course.yaml read, validated and checked; the course when it passed. */
async function readCourse(project: Project, folder: string, readings: readonly CourseReading[], unavailable: readonly string[]) {
  const id = path.basename(folder);
  const file = path.join(folder, COURSE_FILE);
  const shown = relativeTo(project.root, file);
  const read = await readContentFile(project, file, { limit: 'yamlKB', text: EDITOR_TEXT });
  if (!read) {
    return {
      problems: [
        {
          kind: 'missing-file',
          file: shown,
          message: `the course folder has no ${COURSE_FILE}.`,
          fix: `add ${COURSE_FILE} with title, code, term, instructors, description and sessions (see the README's "Hosting a course"), or remove the folder.`,
        },
      ] satisfies ContentProblem[],
    };
  }
  if (read.text === undefined) return { problems: read.problems };
  const yaml = parseYamlWithLines(read.text, shown);
  if (yaml.problems.length) return { problems: yaml.problems };
  const parsed = CourseSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) return { problems: zodProblems(parsed.error, shown, yaml.lineOf, { schema: CourseSchema, data: yaml.data }) };
  const problems = checkCourse(parsed.data, { id, file: shown, lineOf: yaml.lineOf }, readings, unavailable);
  return problems.length ? { problems } : { problems, course: { id, file: shown, course: parsed.data } };
}

/**
 * Every course under src/content/courses/, each refused with its problems or returned. No folder
 * is no courses. `home: courses` in reader.config.yaml needs at least one course to show.
 */
export async function readCourseFiles(
  project: Project,
  readings: readonly LoadedReading[],
  unavailable: readonly string[],
): Promise<{ courses: LoadedCourse[]; problems: ContentProblem[] }> {
  const dir = path.join(project.root, COURSES_FOLDER);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => !name.startsWith('.')).sort();
  const courseReadings = readings.map(courseReading);
  const courses: LoadedCourse[] = [];
  const problems: ContentProblem[] = [];
  for (const name of names) {
    const folder = path.join(dir, name);
    const shown = relativeTo(project.root, folder);
    const entry = await guarded(shown, () => inspect(project, folder), (problem) => ({ problem }));
    if (!entry) continue;
    if (entry.problem) problems.push(entry.problem);
    else if (entry.type !== 'folder') problems.push({ ...notAFile(shown, 'other'), message: 'only folders are read here, one per course; this is not a folder.', fix: `move it into a course folder as ${COURSE_FILE}, or out of ${COURSES_FOLDER}/.` });
    else if (!SLUG_PATTERN.test(name)) {
      const suggestion = suggestSlug(name);
      problems.push({
        kind: 'invalid-file-name',
        file: shown,
        message: `"${name}" is not a valid course id (the folder name is the id and the syllabus's address).`,
        fix: `rename the folder to ${suggestion ? `"${suggestion}"` : 'lower-case letters, digits and single hyphens'}.`,
      });
    } else {
      const result = await guarded(relativeTo(project.root, path.join(folder, COURSE_FILE)), () => readCourse(project, folder, courseReadings, unavailable), (problem) => ({ problems: [problem] }));
      problems.push(...result.problems);
      if ('course' in result && result.course) courses.push(result.course);
    }
  }
  if (project.home === 'courses' && !names.length) problems.push(noCourseForHome(project.home));
  return { courses, problems };
}

const noCourseForHome = (home: HomePage): ContentProblem => ({
  kind: 'invalid-field',
  file: CONFIG_FILE,
  field: 'home',
  message: `\`home: ${home}\` makes the home page the course (or the list of courses), but ${COURSES_FOLDER}/ has none.`,
  fix: `add a course (${COURSES_FOLDER}/<course-id>/${COURSE_FILE}), or remove \`home: ${home}\` to list the readings.`,
});
