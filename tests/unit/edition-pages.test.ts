/**
 * The study pages of "The Partner State" as shipped (annotations/partner-state/pages/), read through
 * the loader `npm run check` and the build use. Pins what the edition promises students and
 * instructors: an introduction of 1,200–2,000 words, a timeline of at least 12 dated and sourced
 * events, a map of positions with every voice of the text and its critic, at least 10 annotated
 * further-reading entries with critics among them, and an outline answer to every question.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkEditionFiles, type EditionCheck } from '../../src/loaders/edition-files.ts';
import { countWords, readingQuestions, type ReadingPageInput } from '../../src/lib/reading-pages.ts';
import { scanMdxBody } from '../../src/lib/mdx-scan.ts';
import type { ReadingPageKind } from '../../src/schemas/reading-page.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let check: EditionCheck;
const pageOf = (kind: ReadingPageKind): ReadingPageInput => {
  const found = check.pages.filter((p) => p.reading === 'partner-state' && p.data.kind === kind);
  expect(found, `one ${kind} page`).toHaveLength(1);
  return found[0]!;
};
const cites = (text: string) => scanMdxBody(text).uses.filter((u) => u.component === 'Cite').map((u) => u.props.id);
/** Top-level items of the body's lists (ordered or not), as their Markdown text. */
const listItems = (body: string) => body.split(/\n(?=(?:\d+\.|-) )/).filter((chunk) => /^(?:\d+\.|-) /.test(chunk));

beforeAll(async () => {
  check = await checkEditionFiles(ROOT);
});

describe('the study pages of The Partner State', () => {
  test('they load without problems', () => {
    expect(check.problems.filter((p) => p.file.includes('/pages/')).map((p) => `${p.file}:${p.line ?? ''} ${p.message}`)).toEqual([]);
  });

  test('there is one page of each kind; only the teaching guide is for instructors', () => {
    const kinds = check.pages.filter((p) => p.reading === 'partner-state').map((p) => [p.data.kind, p.data.audience]);
    expect(Object.fromEntries(kinds)).toEqual({
      introduction: 'students',
      timeline: 'students',
      positions: 'students',
      'further-reading': 'students',
      'teaching-guide': 'instructors',
    });
  });

  test('every work a page cites is in its list of sources', () => {
    for (const page of check.pages) {
      const cited = [...cites(page.body), ...Object.values(page.data.answers ?? {}).flatMap(cites)];
      expect(cited.filter((id) => !page.data.sources.includes(id)), page.file).toEqual([]);
    }
  });

  test('the introduction has 1,200 to 2,000 words and covers origin, positions, debate and how to read', () => {
    const intro = pageOf('introduction');
    const words = countWords(intro.body);
    expect(words).toBeGreaterThanOrEqual(1200);
    expect(words).toBeLessThanOrEqual(2000);
    for (const name of ['Orsi', 'Bauwens', 'Kostakis', 'Fattori', 'Helfrich', 'Kleiner', 'Smith', 'Ronfeldt']) expect(intro.body).toContain(name);
    expect(intro.body.match(/^## .+$/gm)).toEqual(expect.arrayContaining(['## Where the concept comes from', '## The debate around it', '## How to read this edition']));
  });

  test('the timeline has at least 12 events, each with a machine-readable date and a source, in date order', () => {
    const events = listItems(pageOf('timeline').body);
    expect(events.length).toBeGreaterThanOrEqual(12);
    const dates = events.map((event) => {
      const date = /^\d+\. <time datetime="(\d{4}(?:-\d{2}(?:-\d{2})?)?)">[^<]+<\/time>/.exec(event)?.[1];
      expect(date, event).toBeDefined();
      expect(cites(event).length, event).toBeGreaterThan(0);
      return date!;
    });
    // In order to the precision both dates have: a year alone fits anywhere in its year.
    dates.slice(1).forEach((date, i) => {
      const length = Math.min(date.length, dates[i]!.length);
      expect(date.slice(0, length) >= dates[i]!.slice(0, length), `${dates[i]} then ${date}`).toBe(true);
    });
  });

  test('the map of positions has a captioned table with a row for each voice of the text and its critic', () => {
    const body = pageOf('positions').body;
    expect(body).toMatch(/^Table: .+\n\n\| Voice \| Role of the state \|/m);
    const rows = body.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Voice') && !line.startsWith('| ---'));
    expect(rows.length).toBeGreaterThanOrEqual(8);
    const voices = rows.map((row) => row.split(' | ')[0]!.slice(2));
    for (const voice of ['Kostakis and Bauwens', 'Fattori', 'Helfrich', 'Kleiner', 'Smith', 'Ronfeldt']) {
      expect(voices.some((v) => v.includes(voice)), voice).toBe(true);
    }
    // Every row says where to check it: a passage of the text or a cited work.
    for (const row of rows) expect(/<PassageRef |<Cite /.test(row), row).toBe(true);
  });

  test('further reading has at least 10 annotated entries, each one work, critics among them', () => {
    const entries = listItems(pageOf('further-reading').body);
    expect(entries.length).toBeGreaterThanOrEqual(10);
    const works = entries.map((entry) => {
      const cited = cites(entry);
      expect(cited.length, entry).toBeGreaterThan(0);
      expect(countWords(entry), entry).toBeGreaterThanOrEqual(25);
      return cited[0]!;
    });
    expect(new Set(works).size).toBe(works.length);
    expect(works).toEqual(expect.arrayContaining(['ronfeldt-2011-part1', 'ronfeldt-2011-part3', 'kleiner-2010']));
    expect(pageOf('further-reading').body).toContain('## Critics and other views');
  });

  test('the teaching guide has a session plan and an outline answer to every discussion question', () => {
    const guide = pageOf('teaching-guide');
    expect(guide.body).toMatch(/^## A plan for one session/m);
    const questions = readingQuestions(check.edition, 'partner-state').map((q) => q.id as string);
    expect(questions.length).toBeGreaterThanOrEqual(13);
    const answers = guide.data.answers ?? {};
    expect(Object.keys(answers).sort()).toEqual([...questions].sort());
    for (const id of questions) expect(countWords(answers[id]!), id).toBeGreaterThanOrEqual(40);
  });
});
