/**
 * Courses: a course.yaml (schema in src/schemas/course.ts) checked against the readings it names,
 * and resolved into the model the syllabus, the calendar file, the reading page's banners and the
 * Common Cartridge export all read. Pure: readings come in as plain objects, so it is tested on
 * them without a build.
 */
import type { AssignedPart, Course } from '../schemas/course.ts';
import { ASSIGNED_PARAM, assignedKey } from './assigned-range.ts';
import { passageAnchor, READING_WORDS_PER_MINUTE } from './constants.ts';
import { didYouMean, type ContentProblem } from './content-errors.ts';
import { renderMdxBody, type ComponentRenderers } from './mdx-html.ts';
import { scanMdxBody } from './mdx-scan.ts';
import { words } from './passages.ts';
import { onePageLayout, passagePagePath, type ReadingLayout } from './reading-layout.ts';

/** What a course needs to know of a reading. */
export interface CourseReading {
  id: string;
  title: string;
  sections: readonly { id: string; title: string }[];
  /** In reading order; `number` is the passage's number as the reader shows it. */
  passages: readonly { id: string; number: number; section: string; text: string }[];
  /** Which page holds each passage; one page when left out. */
  layout?: ReadingLayout | undefined;
}

/** One run of consecutive passages a session assigns. */
export interface ResolvedPart {
  reading: string;
  readingTitle: string;
  /** What the course file asked for: the whole reading, some sections, or a passage range. */
  kind: 'reading' | 'sections' | 'range';
  /** The titles of the sections it covers (of a `sections` part), for its label. */
  sectionTitles: string[];
  passageIds: string[];
  firstNumber: number;
  lastNumber: number;
  /** Site path (no base) to the part: the reading with the assignment key, at its first passage. */
  path: string;
  /** The assignment key the path carries (see src/lib/assigned-range.ts). */
  key: string;
  words: number;
  minutes: number;
}

export interface ResolvedSession {
  id: string;
  /** 1-based position in the course: "Session 2". */
  number: number;
  title: string;
  date?: string | undefined;
  week?: number | undefined;
  /** The session's element id on the syllabus. */
  anchor: string;
  parts: ResolvedPart[];
  words: number;
  minutes: number;
  /** The questions and the instructor's note, as sanitised HTML. */
  questionsHtml?: string | undefined;
  noteHtml?: string | undefined;
}

export interface ResolvedCourse {
  id: string;
  title: string;
  code: string;
  term: string;
  instructors: string[];
  description: string;
  language: string;
  /** Site paths (no base) of the syllabus and the calendar file. */
  syllabusPath: string;
  calendarPath: string;
  sessions: ResolvedSession[];
}

export const coursePath = (courseId: string) => `/courses/${courseId}/`;
export const courseCalendarPath = (courseId: string) => `/courses/${courseId}.ics`;
export const courseCartridgePath = (courseId: string) => `/courses/${courseId}.imscc`;
export const sessionAnchor = (sessionId: string) => `session-${sessionId}`;

const minutesFor = (count: number) => Math.max(1, Math.round(count / READING_WORDS_PER_MINUTE));

/** "¶4" or "¶4–¶12": how the syllabus and the banner name a run of passages. */
export const passageSpan = (first: number, last: number) => (first === last ? `¶${first}` : `¶${first}–¶${last}`);

/**
 * Questions and notes are Markdown with the notes' allowlist of HTML; author components have no
 * reading to resolve against here, so the check refuses them and rendering never meets one.
 */
const refuse = (name: string) => () => {
  throw new Error(`<${name}> cannot be used in a course file.`);
};
const NO_COMPONENTS: ComponentRenderers = { Term: refuse('Term'), Cite: refuse('Cite'), PassageRef: refuse('PassageRef') };

export const renderCourseMarkdown = (markdown: string) => renderMdxBody(markdown, NO_COMPONENTS);

/** The passages a part names, in reading order; [] for an id the check would refuse. */
function partPassages(part: AssignedPart, reading: CourseReading) {
  if (part.sections) return reading.passages.filter((p) => part.sections!.includes(p.section));
  if (part.from) {
    const first = reading.passages.findIndex((p) => p.id === part.from);
    const last = reading.passages.findIndex((p) => p.id === (part.to ?? part.from));
    return first < 0 || last < first ? [] : reading.passages.slice(first, last + 1);
  }
  return [...reading.passages];
}

/** Consecutive runs of passage numbers: two sections apart are two parts, each linked exactly. */
function runs<P extends { number: number }>(passages: readonly P[]): P[][] {
  const out: P[][] = [];
  for (const passage of passages) {
    const run = out.at(-1);
    if (run && run.at(-1)!.number + 1 === passage.number) run.push(passage);
    else out.push([passage]);
  }
  return out;
}

/**
 * Resolves a checked course against the readings into the model every course output reads: the
 * syllabus page, the `.ics` calendar, the banners on reading pages and the Common Cartridge
 * export. Each session keeps its id, title, date or week and 1-based number, and its assigned
 * parts become runs of consecutive passages (a part of two sections apart becomes two), each with
 * its passage ids, first and last passage numbers, word count, reading time, and the site path
 * that opens the reading at exactly that run (`/read/<reading>/?assigned=<key>#p-<first id>`,
 * without the site's base: callers add it with `withBase`, or the site's origin for absolute
 * links). Questions and the instructor's note are rendered to sanitised HTML by `render` (the
 * notes' Markdown pipeline by default). The course must have passed `checkCourse`: an id it would
 * refuse throws here.
 */
export function resolveCourse(
  id: string,
  course: Course,
  readings: readonly CourseReading[],
  render: (markdown: string) => string = renderCourseMarkdown,
): ResolvedCourse {
  const byId = new Map(readings.map((reading) => [reading.id, reading]));
  const sessions = course.sessions.map((session, index): ResolvedSession => {
    const parts: ResolvedPart[] = [];
    for (const part of session.assigned) {
      const reading = byId.get(part.reading);
      if (!reading) throw new Error(`Course "${id}", session "${session.id}": no reading "${part.reading}".`);
      const passages = partPassages(part, reading);
      if (!passages.length) throw new Error(`Course "${id}", session "${session.id}": the part of "${part.reading}" names no passage.`);
      const kind = part.sections ? 'sections' : part.from ? 'range' : 'reading';
      for (const run of runs(passages)) {
        const key = assignedKey(id, session.id, parts.length + 1);
        const count = run.reduce((sum, p) => sum + words(p.text).length, 0);
        const sectionIds = [...new Set(run.map((p) => p.section))];
        parts.push({
          reading: reading.id,
          readingTitle: reading.title,
          kind,
          sectionTitles: kind === 'sections' ? sectionIds.map((s) => reading.sections.find((x) => x.id === s)?.title ?? s) : [],
          passageIds: run.map((p) => p.id),
          firstNumber: run[0]!.number,
          lastNumber: run.at(-1)!.number,
          // The page holding the part's first passage (a long reading is split into section pages).
          path: `${passagePagePath(reading.layout ?? onePageLayout(reading.id), run[0]!.id)}?${ASSIGNED_PARAM}=${key}#${passageAnchor(run[0]!.id)}`,
          key,
          words: count,
          minutes: minutesFor(count),
        });
      }
    }
    const total = parts.reduce((sum, p) => sum + p.words, 0);
    return {
      id: session.id,
      number: index + 1,
      title: session.title,
      date: session.date,
      week: session.week,
      anchor: sessionAnchor(session.id),
      parts,
      words: total,
      minutes: minutesFor(total),
      questionsHtml: session.questions === undefined ? undefined : render(session.questions),
      noteHtml: session.note === undefined ? undefined : render(session.note),
    };
  });
  return {
    id,
    title: course.title,
    code: course.code,
    term: course.term,
    instructors: [...course.instructors],
    description: course.description,
    language: course.language,
    syllabusPath: coursePath(id),
    calendarPath: courseCalendarPath(id),
    sessions,
  };
}

/** The session's date or week as the syllabus and the calendar's titles show it. */
export function sessionWhen(session: Pick<ResolvedSession, 'date' | 'week'>): string | undefined {
  const date = session.date ? new Date(`${session.date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : undefined;
  const week = session.week === undefined ? undefined : `Week ${session.week}`;
  return [week, date].filter(Boolean).join(', ') || undefined;
}

/** Where a course's messages point: its file and the line of a field. */
export interface CourseFile {
  id: string;
  /** Path relative to the project root. */
  file: string;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/**
 * Every problem in what a schema-valid course names: each reading, section and passage must exist,
 * a range must run forwards, session ids must differ, dated sessions must be listed in date order,
 * and questions and notes must pass the notes' Markdown check. `unavailableReadings` exist but
 * were refused for problems of their own, already reported.
 */
export function checkCourse(course: Course, where: CourseFile, readings: readonly CourseReading[], unavailableReadings: readonly string[] = []): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const byId = new Map(readings.map((reading) => [reading.id, reading]));
  const readingIds = readings.map((r) => r.id);
  const at = (path: readonly PropertyKey[], field: string) => ({ file: where.file, line: where.lineOf(path), field });
  const seen = new Map<string, number>();
  let lastDate: { date: string; index: number } | undefined;

  course.sessions.forEach((session, s) => {
    const sessionPath = ['sessions', s];
    const earlier = seen.get(session.id);
    if (earlier !== undefined) {
      problems.push({
        kind: 'duplicate-id',
        ...at([...sessionPath, 'id'], `sessions[${s}].id`),
        message: `session id "${session.id}" is already used by sessions[${earlier}].`,
        fix: 'give each session an id of its own (it is the session\u2019s address on the syllabus and its calendar event\u2019s id).',
      });
    } else seen.set(session.id, s);
    if (session.date) {
      if (lastDate && session.date < lastDate.date) {
        problems.push({
          kind: 'invalid-field',
          ...at([...sessionPath, 'date'], `sessions[${s}].date`),
          message: `session "${session.id}" is on ${session.date}, before sessions[${lastDate.index}] (${lastDate.date}); sessions are listed in the order they meet.`,
          fix: 'move the session to its place in the list, or correct its date.',
        });
      }
      lastDate = { date: session.date, index: s };
    }

    session.assigned.forEach((part, p) => {
      const partPath = [...sessionPath, 'assigned', p];
      const field = (name?: string) => `sessions[${s}].assigned[${p}]${name ? `.${name}` : ''}`;
      const reading = byId.get(part.reading);
      if (!reading) {
        if (unavailableReadings.includes(part.reading)) return;
        problems.push({
          kind: 'unknown-reading',
          ...at([...partPath, 'reading'], field('reading')),
          message: `reading "${part.reading}" does not exist.`,
          fix: `${didYouMean(part.reading, readingIds, 'reading id')} (a reading's id is its folder name under src/content/readings/).`,
        });
        return;
      }
      const sectionIds = reading.sections.map((x) => x.id);
      part.sections?.forEach((section, i) => {
        if (sectionIds.includes(section)) return;
        problems.push({
          kind: 'unknown-section',
          ...at([...partPath, 'sections', i], field(`sections[${i}]`)),
          message: `section "${section}" is not a section of "${reading.id}".`,
          fix: `${didYouMean(section, sectionIds, 'section id')} (sections are the \`sections\` of the reading's reading.yaml).`,
        });
      });
      const passageIds = reading.passages.map((x) => x.id);
      const indexOf = (name: 'from' | 'to') => {
        const passage = part[name];
        if (passage === undefined) return undefined;
        const index = passageIds.indexOf(passage);
        if (index < 0) {
          problems.push({
            kind: 'unknown-passage',
            ...at([...partPath, name], field(name)),
            message: `passage "${passage}" is not in the passage map of "${reading.id}".`,
            fix: `${didYouMean(passage, passageIds, 'passage id')} (passage ids are the \`id\`s under \`passages\` in its reading.yaml).`,
          });
        }
        return index;
      };
      const from = indexOf('from');
      const to = indexOf('to');
      if (from !== undefined && to !== undefined && from >= 0 && to >= 0 && to < from) {
        const [first, last] = [reading.passages[from]!, reading.passages[to]!];
        problems.push({
          kind: 'invalid-field',
          ...at([...partPath, 'to'], field('to')),
          message: `the range runs backwards: "${last.id}" (¶${last.number}) comes before "${first.id}" (¶${first.number}) in "${reading.id}".`,
          fix: `swap them: \`from: ${last.id}\` and \`to: ${first.id}\`.`,
        });
      }
    });

    for (const name of ['questions', 'note'] as const) {
      const body = session[name];
      if (body === undefined) continue;
      // A block scalar's text starts on the line after its key.
      const keyLine = where.lineOf([...sessionPath, name]) ?? 0;
      const bodyAt = (line: number) => ({ file: where.file, line: keyLine + line, field: `sessions[${s}].${name}` });
      const scan = scanMdxBody(body);
      for (const { kind, line, message, fix } of scan.problems) problems.push({ kind, ...bodyAt(line), message, fix });
      for (const use of scan.uses) {
        problems.push({
          kind: 'invalid-component',
          ...bodyAt(use.line),
          message: `<${use.component}> cannot be used in a course's ${name === 'note' ? 'notes' : 'questions'}: they are Markdown, shown on the syllabus and exported to learning platforms, away from the edition.`,
          fix: 'write the words alone, or a Markdown link to a web address: the syllabus already links each assigned part.',
        });
      }
    }
  });
  return problems;
}

/** What a reading page's banner shows for one assigned part (see assignedBanners). */
export interface AssignedBanner {
  /** "Session 2: read ¶3–¶9" */
  heading: string;
  /** "(Welfare state, Big Society, enclosure, POL 101)" */
  context: string;
  /** The session on the syllabus, base included. */
  syllabus: string;
  from: string;
  to: string;
}

/** Each assigned part's banner by its assignment key, for `/courses/<course>/assigned.json`. */
export function assignedBanners(course: ResolvedCourse, withBase: (path: string) => string): Record<string, AssignedBanner> {
  const banners: Record<string, AssignedBanner> = {};
  for (const session of course.sessions) {
    for (const part of session.parts) {
      banners[part.key] = {
        heading: `Session ${session.number}: read ${passageSpan(part.firstNumber, part.lastNumber)}`,
        context: `(${session.title}, ${course.code})`,
        syllabus: withBase(`${course.syllabusPath}#${session.anchor}`),
        from: part.passageIds[0]!,
        to: part.passageIds.at(-1)!,
      };
    }
  }
  return banners;
}
