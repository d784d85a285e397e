/**
 * Courses on plain objects: the schema's refusals, what `checkCourse` reports (file, line, field,
 * fix), the resolved model (`resolveCourse`) and the calendar file, parsed back by ical.js.
 */
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/content-errors.ts';
import { checkCourse, renderCourseMarkdown, resolveCourse, type CourseReading } from '../../src/lib/course.ts';
import { courseCalendar, escapeText, foldLine } from '../../src/lib/ical.ts';
import { parseYamlWithLines, zodProblems } from '../../src/lib/schema-problems.ts';
import { CourseSchema, type Course } from '../../src/schemas/course.ts';

const reading: CourseReading = {
  id: 'sample',
  title: 'The Sample, a Text',
  sections: [
    { id: 'one', title: 'One' },
    { id: 'two', title: 'Two' },
    { id: 'three', title: 'Three' },
  ],
  passages: [
    { id: 'a', number: 1, section: 'one', text: 'Alpha beta gamma.' },
    { id: 'b', number: 2, section: 'one', text: 'Delta epsilon.' },
    { id: 'c', number: 3, section: 'two', text: 'Zeta eta theta iota.' },
    { id: 'd', number: 4, section: 'three', text: 'Kappa.' },
  ],
};

const yamlText = `title: Commons, States; and Markets
code: POL 101
term: Spring 2027
instructors: [A. Teacher]
description: What a state can do for the commons.
sessions:
  - id: opening
    title: What is a partner state?
    date: 2027-01-12
    assigned:
      - { reading: sample, from: a, to: b }
    questions: |
      1. What does *enable* mean here?
      2. <b>Bold</b>, <em>kept</em>.
  - id: sections
    title: Two sections apart
    week: 2
    assigned:
      - { reading: sample, sections: [one, three] }
    note: Read slowly.
  - id: whole
    title: The whole text
    date: 2027-01-26
    assigned:
      - { reading: sample }
`;

function parse(text: string) {
  const yaml = parseYamlWithLines(text, 'src/content/courses/pol-101/course.yaml');
  const parsed = CourseSchema.safeParse(yaml.data);
  return { yaml, parsed };
}

const where = (text: string) => ({ id: 'pol-101', file: 'src/content/courses/pol-101/course.yaml', lineOf: parseYamlWithLines(text, 'x').lineOf });

describe('course schema', () => {
  test('a session needs a date or a week, and a part is sections or a range', () => {
    const text = yamlText.replace('    week: 2\n', '').replace('{ reading: sample, sections: [one, three] }', '{ reading: sample, sections: [one], to: b }');
    const { yaml, parsed } = parse(text);
    expect(parsed.success).toBe(false);
    const problems = zodProblems(parsed.error!, 'course.yaml', yaml.lineOf, { schema: CourseSchema, data: yaml.data }).map(formatProblem);
    expect(problems).toEqual([
      expect.stringContaining('course.yaml:18 (sessions[1].assigned[0].sections) [invalid-field] a part is either sections or a passage range, not both.'),
      expect.stringContaining('course.yaml:18 (sessions[1].assigned[0].to) [invalid-field] `to` ends a passage range, but the range has no `from`.'),
      expect.stringContaining('course.yaml:15 (sessions[1]) [invalid-field] session "sections" has neither a date nor a week.'),
    ]);
  });

  test('a day that is not in the calendar is refused', () => {
    const { parsed } = parse(yamlText.replace('2027-01-12', '2027-02-30'));
    expect(parsed.error?.issues[0]?.message).toBe('this day does not exist in the calendar');
  });
});

describe('checkCourse', () => {
  const problemsOf = (text: string) => {
    const { parsed } = parse(text);
    return checkCourse(parsed.data as Course, where(text), [reading]).map(formatProblem);
  };

  test('the example is clean', () => expect(problemsOf(yamlText)).toEqual([]));

  test('an unknown reading, section or passage and a reversed range: one message each, with line and fix', () => {
    const text = yamlText
      .replace('{ reading: sample, from: a, to: b }', '{ reading: sample, from: c, to: a }')
      .replace('sections: [one, three]', 'sections: [one, thre]')
      .replace('      - { reading: sample }\n', '      - { reading: smaple }\n      - { reading: sample, from: x }\n');
    expect(problemsOf(text)).toEqual([
      '  src/content/courses/pol-101/course.yaml:11 (sessions[0].assigned[0].to) [invalid-field] the range runs backwards: "a" (¶1) comes before "c" (¶3) in "sample".\n    fix: swap them: `from: a` and `to: c`.',
      '  src/content/courses/pol-101/course.yaml:19 (sessions[1].assigned[0].sections[1]) [unknown-section] section "thre" is not a section of "sample".\n    fix: did you mean "three"? (sections are the `sections` of the reading\'s reading.yaml).',
      '  src/content/courses/pol-101/course.yaml:25 (sessions[2].assigned[0].reading) [unknown-reading] reading "smaple" does not exist.\n    fix: did you mean "sample"? (a reading\'s id is its folder name under src/content/readings/).',
      expect.stringContaining('course.yaml:26 (sessions[2].assigned[1].from) [unknown-passage] passage "x" is not in the passage map of "sample".'),
    ]);
  });

  test('raw HTML outside the allowlist and author components in questions are refused at their line', () => {
    const text = yamlText
      .replace('1. What does *enable* mean here?', '1. See <Term id="commons">commons</Term>.')
      .replace('<em>kept</em>', '<script>alert(1)</script>');
    const problems = problemsOf(text).sort();
    expect(problems).toEqual([
      expect.stringMatching(/^ {2}src\/content\/courses\/pol-101\/course\.yaml:13 \(sessions\[0\]\.questions\) \[invalid-component\] <Term> cannot be used/),
      expect.stringMatching(/course\.yaml:14 \(sessions\[0\]\.questions\) \[unsafe-html\] <script>/),
    ]);
  });

  test('repeated session ids and sessions out of date order', () => {
    const text = yamlText.replace('id: whole', 'id: opening').replace('2027-01-26', '2027-01-05');
    expect(problemsOf(text)).toEqual([
      expect.stringContaining('course.yaml:21 (sessions[2].id) [duplicate-id] session id "opening" is already used by sessions[0].'),
      expect.stringContaining('course.yaml:23 (sessions[2].date) [invalid-field] session "opening" is on 2027-01-05, before sessions[0] (2027-01-12)'),
    ]);
  });
});

describe('resolveCourse', () => {
  const { parsed } = parse(yamlText);
  const course = resolveCourse('pol-101', parsed.data!, [reading]);

  test('each session: its parts as exact passage runs, with paths, numbers, words and minutes', () => {
    expect(course.sessions.map((s) => [s.number, s.id, s.date, s.week, s.words, s.minutes])).toEqual([
      [1, 'opening', '2027-01-12', undefined, 5, 1],
      [2, 'sections', undefined, 2, 6, 1],
      [3, 'whole', '2027-01-26', undefined, 10, 1],
    ]);
    expect(course.sessions[0]!.parts).toEqual([
      expect.objectContaining({ kind: 'range', passageIds: ['a', 'b'], firstNumber: 1, lastNumber: 2, path: '/read/sample/?assigned=pol-101.opening.1#p-a', words: 5 }),
    ]);
    // Two sections apart are two runs, each linked exactly.
    expect(course.sessions[1]!.parts.map((p) => [p.passageIds, p.sectionTitles, p.key])).toEqual([
      [['a', 'b'], ['One'], 'pol-101.sections.1'],
      [['d'], ['Three'], 'pol-101.sections.2'],
    ]);
    expect(course.sessions[2]!.parts[0]).toMatchObject({ kind: 'reading', firstNumber: 1, lastNumber: 4, readingTitle: 'The Sample, a Text' });
    expect(course).toMatchObject({ syllabusPath: '/courses/pol-101/', calendarPath: '/courses/pol-101.ics', language: 'en' });
  });

  test('questions and notes are sanitised HTML from Markdown', () => {
    expect(course.sessions[0]!.questionsHtml).toBe('<ol>\n<li>What does <em>enable</em> mean here?</li>\n<li><b>Bold</b>, <em>kept</em>.</li>\n</ol>');
    expect(course.sessions[1]!.noteHtml).toBe('<p>Read slowly.</p>');
    // The check refuses these; the renderer's allowlist is the second line of defence.
    expect(renderCourseMarkdown('Hi <span onclick="x()">there</span> [x](javascript:alert(1))')).not.toMatch(/onclick|javascript/);
  });
});

describe('the calendar file', () => {
  const { parsed } = parse(yamlText);
  const course = resolveCourse('pol-101', parsed.data!, [reading], (md) => md);
  const stamp = new Date('2027-01-01T10:00:00Z');
  const text = courseCalendar(course, { syllabusUrl: 'https://example.edu/courses/pol-101/', host: 'example.edu', stamp });

  test('is parsed by ical.js: one all-day event per dated session, with stable UIDs', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.startDate.isDate, e.endDate.toString(), e.summary])).toEqual([
      ['pol-101-opening@example.edu', '2027-01-12', true, '2027-01-13', 'POL 101, session 1: What is a partner state?'],
      ['pol-101-whole@example.edu', '2027-01-26', true, '2027-01-27', 'POL 101, session 3: The whole text'],
    ]);
    expect(events[0]!.description).toBe('Read: The Sample, a Text, ¶1–¶2 (about 1 min).\nSyllabus: https://example.edu/courses/pol-101/#session-opening');
    // An X- property is not parsed as TEXT by ical.js; its line shows the escaping.
    expect(text).toContain('X-WR-CALNAME:POL 101: Commons\\, States\\; and Markets\r\n');
  });

  test('uses CRLF, and no line is longer than 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  test('escaping and folding keep every character, multi-byte ones whole', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    const long = `SUMMARY:${'é'.repeat(60)}¶`;
    const folded = foldLine(long);
    expect(folded.split('\r\n ').join('')).toBe(long);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
});
