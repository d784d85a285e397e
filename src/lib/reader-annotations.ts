/**
 * Turns the edition's view of one reading into what the reader page renders: notes per passage
 * (with their rendered bodies), textual apparatus entries per passage and in order, term marks per
 * passage, and the reading-wide questions. Rendering is injected, so this stays testable without Astro.
 */
import type { EditionNote, EditionReading } from './edition.ts';
import type { TermMark } from './annotate-passage.ts';

export interface RenderedNote {
  id: string;
  number: number;
  kind: EditionNote['kind'];
  /** The passage's id and number (¶n): the apparatus table names the passage of each entry. */
  passage?: string | undefined;
  passageNumber?: number | undefined;
  start?: number | undefined;
  end?: number | undefined;
  exact?: string | undefined;
  correction?: string | undefined;
  Content: unknown;
}

export async function readerAnnotations(
  reading: EditionReading | undefined,
  renderNote: (note: EditionNote) => Promise<unknown>,
) {
  const notesByPassage = new Map<string, RenderedNote[]>();
  const apparatusByPassage = new Map<string, RenderedNote[]>();
  const termsByPassage = new Map<string, TermMark[]>();
  const questions: RenderedNote[] = [];
  const apparatus: RenderedNote[] = [];
  const result = () => ({ annotations: { notesByPassage, apparatusByPassage, termsByPassage }, questions, apparatus });
  if (!reading) return result();

  const view = async (note: EditionNote): Promise<RenderedNote> => ({
    id: note.id,
    number: note.number,
    kind: note.kind,
    passage: note.passage,
    passageNumber: note.passageNumber,
    start: note.range?.start,
    end: note.range?.end,
    exact: note.exact,
    correction: note.correction,
    Content: await renderNote(note),
  });
  for (const [passageId, notes] of reading.notesByPassage) {
    notesByPassage.set(passageId, await Promise.all(notes.map(view)));
  }
  questions.push(...(await Promise.all(reading.questions.map(view))));
  apparatus.push(...(await Promise.all(reading.apparatus.map(view))));
  for (const entry of apparatus) {
    const list = apparatusByPassage.get(entry.passage!) ?? [];
    list.push(entry);
    apparatusByPassage.set(entry.passage!, list);
  }

  // Headings stay unmarked: a button in a heading is noise, and the term recurs in the text below.
  const headings = new Set(reading.passages.filter((p) => (p as { role?: string }).role === 'heading').map((p) => p.id));
  for (const [passageId, occurrences] of reading.termsByPassage) {
    if (headings.has(passageId)) continue;
    termsByPassage.set(
      passageId,
      occurrences.map((o) => ({ termId: o.termId, start: o.start, end: o.end })),
    );
  }
  return result();
}

/**
 * The part of a reading one section page shows: its passages with their notes, terms and
 * apparatus entries. The reading-wide questions stay on the reading's own page (its contents),
 * with the citation and provenance, so each section page carries only its own share.
 */
export function sectionView(reading: EditionReading, passageIds: ReadonlySet<string>): EditionReading {
  const own = <K extends string, T>(map: ReadonlyMap<K, T>) => new Map([...map].filter(([id]) => passageIds.has(id)));
  return {
    ...reading,
    passages: reading.passages.filter((p) => passageIds.has(p.id)),
    notes: reading.notes.filter((n) => n.passage !== undefined && passageIds.has(n.passage)),
    apparatus: reading.apparatus.filter((n) => n.passage !== undefined && passageIds.has(n.passage)),
    questions: [],
    notesByPassage: own(reading.notesByPassage),
    termsByPassage: own(reading.termsByPassage),
  };
}
