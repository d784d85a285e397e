/**
 * A reading's own pages (introduction, timeline, map of positions, further reading, teaching
 * guide): `annotations/<reading>/pages/<page>.mdx`, published at `/read/<reading>/<page>/`. Their
 * bodies are checked and rendered exactly as notes are (same scan, same author components, same
 * allowlist); this module resolves what they name against the joined edition, without touching the
 * edition itself, so notes, terms and sources keep one join and pages add their problems to it.
 */
import type { ReadingPage, ReadingPageKind } from '../schemas/reading-page.ts';
import type { ComponentRenderers } from './mdx-html.ts';
import { didYouMean, type ContentProblem } from './content-errors.ts';
import { authorComponents } from './author-components.ts';
import { passageRefReading, type Edition, type EditionNote, type FieldLine } from './edition.ts';
import { asReadingId, asSourceId, asTermId } from './ids.ts';
import { scanMdxBody } from './mdx-scan.ts';
import type { ReadingLayout } from './reading-layout.ts';

/** One page file, parsed and schema-valid. */
export interface ReadingPageInput {
  /** The file name without `.mdx`: the page id, and the last part of its address. */
  id: string;
  /** The reading folder it sits in. */
  reading: string;
  /** Path relative to the project root, for messages. */
  file: string;
  body: string;
  bodyLine?: number | undefined;
  fieldLine?: FieldLine | undefined;
  data: ReadingPage;
}

/** Folder of a reading's pages inside `annotations/<reading>/`. */
export const PAGES_FOLDER = 'pages';

/** What each kind is called in lists and labels. */
export const PAGE_KIND_LABELS: Record<ReadingPageKind, string> = {
  introduction: 'Introduction',
  timeline: 'Timeline',
  positions: 'Map of positions',
  'further-reading': 'Further reading',
  'teaching-guide': 'Teaching guide',
};

/** Page ids that would collide with a reading's other addresses under `/read/<reading>/`. */
const RESERVED_PAGE_IDS = new Set(['annotations', 'citation', 'passage-citations', 'passage-pages', 'layers']);

/**
 * A split reading's section pages share `/read/<reading>/<id>/` with its study pages: a section
 * whose id is a page's, or one of the reading's other addresses, would have two pages at one
 * address. `metaFile` is the reading's reading.yaml, whose `sections` name the ids.
 */
export function sectionPageProblems(
  reading: { id: string; metaFile: string; sections: readonly { id: string }[] },
  layout: ReadingLayout,
  pageIds: readonly string[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const page of layout.sections) {
    const index = reading.sections.findIndex((s) => s.id === page.id);
    const clash = pageIds.includes(page.id) ? `the study page annotations/${reading.id}/${PAGES_FOLDER}/${page.id}.mdx` : RESERVED_PAGE_IDS.has(page.id) ? 'another of the reading\'s addresses' : undefined;
    if (!clash) continue;
    problems.push({
      kind: 'invalid-field',
      file: reading.metaFile,
      field: `sections[${index}].id`,
      message: `the reading is long enough to be served one page per section, and section "${page.id}" would be published at /read/${reading.id}/${page.id}/, which is ${clash}.`,
      fix: `rename the section (its \`id:\` and the \`section:\` of its passages), e.g. to "${page.id}-text"${pageIds.includes(page.id) ? ', or rename the page file' : ''}.`,
    });
  }
  return problems;
}

/** The questions of a reading, in the order the reader shows them: passage notes, then reading-wide ones. */
export function readingQuestions(edition: Edition, reading: string): EditionNote[] {
  const found = edition.readingById.get(asReadingId(reading));
  if (!found) return [];
  return [...found.notes.filter((n) => n.kind === 'question' && n.scope !== 'reading'), ...found.questions];
}

/**
 * Every problem in the pages: what they name (readings, sources, terms, passages, questions) must
 * exist, and a reading has one teaching guide at most. A question without an answer is not a
 * problem here (a new question must not stop the build); the guide page says so, and the
 * edition's content test pins that every question is answered. `unavailableReadings` exist but
 * were refused for their own problems.
 */
export function checkReadingPages(
  pages: readonly ReadingPageInput[],
  edition: Edition,
  { sourcesFile, unavailableReadings = [] }: { sourcesFile: string; unavailableReadings?: readonly string[] | undefined },
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const sourceIds = edition.sources.map((s) => s.id as string);
  const termIds = edition.terms.map((t) => t.id as string);
  const readingIds = edition.readings.map((r) => r.id as string);
  const fieldLine = (page: ReadingPageInput, path: readonly PropertyKey[]) => page.fieldLine?.(path);

  for (const page of pages) {
    const reading = edition.readingById.get(asReadingId(page.reading));
    if (!reading) {
      if (!unavailableReadings.includes(page.reading)) {
        problems.push({
          kind: 'unknown-reading',
          file: page.file,
          message: `the folder annotations/${page.reading}/ is not a reading, so this page belongs to none.`,
          fix: didYouMean(page.reading, readingIds, 'reading id'),
        });
      }
      continue;
    }
    if (RESERVED_PAGE_IDS.has(page.id)) {
      problems.push({
        kind: 'invalid-file-name',
        file: page.file,
        message: `"${page.id}" is an address the reading already uses (/read/${page.reading}/${page.id}…).`,
        fix: `rename the file, e.g. to "${page.id}-page.mdx".`,
      });
    }
    (page.data.sources ?? []).forEach((id, index) => {
      if (sourceIds.includes(id)) return;
      problems.push({
        kind: 'unknown-source',
        file: page.file,
        line: fieldLine(page, ['sources', index]) ?? fieldLine(page, ['sources']),
        field: `sources[${index}]`,
        message: `source "${id}" is not defined.`,
        fix: `${didYouMean(id, sourceIds, 'source id')} (sources are the \`id:\` entries of ${sourcesFile}).`,
      });
    });
    checkBody(page, page.body, (line) => (page.bodyLine ?? 1) + line - 1);

    const answers = page.data.answers;
    if (page.data.kind !== 'teaching-guide' || !answers) continue;
    const questions = readingQuestions(edition, page.reading);
    const questionIds = questions.map((q) => q.id as string);
    for (const [id, answer] of Object.entries(answers)) {
      const line = fieldLine(page, ['answers', id]);
      if (!questionIds.includes(id)) {
        problems.push({
          kind: 'invalid-field',
          file: page.file,
          line,
          field: `answers.${id}`,
          message: `"${id}" is not a discussion question of "${page.reading}" (a note with \`kind: question\`).`,
          fix: `${didYouMean(id, questionIds, 'question')} (a question's id is its file name in annotations/${page.reading}/).`,
        });
      }
      // A block scalar's text starts on the line after its key.
      checkBody(page, answer, (bodyLine) => (line ?? 0) + bodyLine);
    }
  }

  const seen = new Map<string, ReadingPageInput>();
  for (const page of pages) {
    const key = `${page.reading}/${page.data.kind}`;
    const first = seen.get(key);
    if (first && page.data.kind === 'teaching-guide') {
      problems.push({
        kind: 'duplicate-id',
        file: page.file,
        line: fieldLine(page, ['kind']),
        field: 'kind',
        message: `"${page.reading}" already has a teaching guide (${first.file}).`,
        fix: 'keep one teaching guide per reading: merge the two files.',
      });
    } else if (!first) seen.set(key, page);
  }
  return problems;

  function checkBody(page: ReadingPageInput, body: string, toFileLine: (line: number) => number) {
    const at = (line: number) => ({ file: page.file, line: toFileLine(line) });
    const scan = scanMdxBody(body);
    for (const { kind, line, message, fix } of scan.problems) problems.push({ kind, ...at(line), message, fix });
    for (const use of scan.uses) {
      const { id } = use.props;
      if (use.component === 'Term') {
        if (!edition.termById.has(asTermId(id))) {
          problems.push({ kind: 'unknown-term', ...at(use.line), message: `<Term id="${id}"> names a term that is not defined.`, fix: `${didYouMean(id, termIds, 'term id')} (or add annotations/glossary/${id}.mdx).` });
        }
        continue;
      }
      if (use.component === 'Cite') {
        if (!edition.sourceById.has(asSourceId(id))) {
          problems.push({ kind: 'unknown-source', ...at(use.line), message: `<Cite id="${id}"> names a source that is not defined.`, fix: `${didYouMean(id, sourceIds, 'source id')} (or add it to ${sourcesFile}).` });
        }
        continue;
      }
      const resolved = passageRefReading({ named: use.props.reading, own: page.reading }, edition.passageReadings.get(id) ?? []);
      if (resolved.status === 'ambiguous') {
        const named = resolved.readings.map((r) => `"${r}"`);
        problems.push({
          kind: 'invalid-component',
          ...at(use.line),
          message: `<PassageRef id="${id}"> is ambiguous: this page's reading ("${page.reading}") has no passage "${id}", and readings ${named.slice(0, -1).join(', ')} and ${named.at(-1)} both do.`,
          fix: `add reading="…" to say which one it points into: ${resolved.readings.map((r) => `reading="${r}"`).join(' or ')}.`,
        });
        continue;
      }
      const readingId = resolved.status === 'found' ? resolved.reading : page.reading;
      const target = edition.readingById.get(asReadingId(readingId));
      if (!target && !unavailableReadings.includes(readingId)) {
        problems.push({ kind: 'unknown-reading', ...at(use.line), message: `<PassageRef reading="${readingId}"> names a reading that does not exist.`, fix: didYouMean(readingId, readingIds, 'reading id') });
      } else if (target && !target.passageById.get(id)) {
        const fix = didYouMean(id, target.passages.map((p) => p.id), 'passage id');
        problems.push({ kind: 'unknown-passage', ...at(use.line), message: `<PassageRef id="${id}"> names a passage that "${readingId}" does not have.`, fix });
      }
    }
  }
}

/**
 * The author components for a page of `reading`: as for its notes (a `<PassageRef>` without
 * `reading` points into the page's own reading, or the one reading that has the id), except that
 * passage links go to the reading's page (a page is not the reading, so an in-page `#p-…` link
 * would lead nowhere).
 */
export const pageComponents = (edition: Edition, base: string, reading: string): ComponentRenderers =>
  authorComponents(edition, { base, reading, onOtherPage: true });

/**
 * Makes the tables a body's Markdown produced accessible, which GFM alone cannot: header cells get
 * `scope="col"`, each body row's first cell becomes its row header (`<th scope="row">`), and a
 * paragraph right before the table that starts with "Table:" becomes its `<caption>`. Works on the
 * renderer's own output (sanitised, attributes quoted), so plain patterns suffice.
 */
export function accessibleTables(html: string): string {
  return html.replace(/(?:<p>Table:\s*([\s\S]*?)<\/p>\s*)?<table>([\s\S]*?)<\/table>/g, (_all, caption: string | undefined, inner: string) => {
    const head = inner.replace(/<thead>([\s\S]*?)<\/thead>/, (_h, rows: string) => `<thead>${rows.replace(/<th>/g, '<th scope="col">')}</thead>`);
    const body = head.replace(/<tbody>([\s\S]*?)<\/tbody>/, (_b, rows: string) =>
      `<tbody>${rows.replace(/<tr>\s*<td>([\s\S]*?)<\/td>/g, '<tr><th scope="row">$1</th>')}</tbody>`,
    );
    return `<table>${caption ? `<caption>${caption.trim()}</caption>` : ''}${body}</table>`;
  });
}

/** Whether a built page asks search engines not to index it (`<meta name="robots" content="…noindex…">`). */
export const isNoindex = (html: string) => /<meta\s+name="robots"\s+content="[^"]*\bnoindex\b/i.test(html);

/** Words in a body's prose, as a reader counts them (Markdown punctuation and tags not counted). */
export function countWords(text: string): number {
  const prose = text
    .replace(/<[A-Za-z][^>]*\/>/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[#*_>`|[\]-]+(?=\s)/g, ' ');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
