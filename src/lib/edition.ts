/**
 * The edition joined once: readings ⨝ notes ⨝ glossary ⨝ sources. `buildEdition` is pure (parsed
 * content in, the joined edition and every integrity problem out), so the Astro pages, `npm run
 * check` and the tests all see the same edition and refuse the same mistakes.
 *
 * Offsets are UTF-16 code units within a passage's `text` (what `String.prototype.slice` takes).
 */
import type { Annotation, NoteKind } from '../schemas/annotation.ts';
import type { GlossaryTerm, TermKind, TermMatchMode } from '../schemas/glossary.ts';
import type { CslItem } from '../schemas/source.ts';
import { anchorQuote, disambiguatingPrefix, disambiguatingSuffix, type TextRange } from './anchoring.ts';
import { didYouMean, type ContentProblem } from './content-errors.ts';
import { idNameProblem } from './file-names.ts';
import { termMatches, type MatchableTerm, type TermOccurrence } from './glossary-match.ts';
import {
  asNoteId,
  asPassageId,
  asReadingId,
  asSourceId,
  asTermId,
  type NoteId,
  type PassageId,
  type ReadingId,
  type SourceId,
  type TermId,
} from './ids.ts';
import { scanMdxBody, type ComponentUse } from './mdx-scan.ts';
import { onePageLayout, type ReadingLayout } from './reading-layout.ts';

// ─── Input: parsed, schema-valid content ────────────────────────────────────────────────────────

/** The fields of a passage the edition needs (the readings collection's passages fit). */
export interface PassageInput {
  id: string;
  number: number;
  text: string;
  /** UTF-16 offset of the passage in the whole source text. */
  start: number;
}

export interface ReadingInput {
  id: string;
  title: string;
  /** Where it stands among the readings (see `compareReadings`). */
  order?: number | undefined;
  /** BCP 47 language of the text, for pages that name the reading. */
  language?: string | undefined;
  passages: readonly PassageInput[];
  /** The whole source text (for exports that address positions in it). */
  source: string;
  /** Which page holds each passage (src/lib/reading-layout.ts); one page when left out. */
  layout?: ReadingLayout | undefined;
}

/** Lines in the file of a frontmatter field, for messages; optional (Astro entries have none). */
export type FieldLine = (path: readonly PropertyKey[]) => number | undefined;

interface MdxFileInput {
  /** The file name without `.mdx`: the note or term id. */
  id: string;
  /** Path relative to the project root, for messages. */
  file: string;
  body: string;
  /** File line where the body starts (default 1). */
  bodyLine?: number | undefined;
  fieldLine?: FieldLine | undefined;
}

export interface NoteInput extends MdxFileInput {
  /** The folder name under annotations/: the reading the note belongs to. */
  reading: string;
  data: Annotation;
}

export interface TermInput extends MdxFileInput {
  data: GlossaryTerm;
}

export interface SourceInput {
  item: CslItem;
  /** Line of the item in the sources file. */
  line?: number | undefined;
}

export interface EditionInput {
  readings: readonly ReadingInput[];
  notes: readonly NoteInput[];
  terms: readonly TermInput[];
  sources: readonly SourceInput[];
  /** Path of the bibliography, for messages. */
  sourcesFile: string;
  /**
   * Readings that exist but failed their own checks: their notes are not checked (the reading's
   * problems are reported instead of one "not a reading" per note).
   */
  unavailableReadings?: readonly string[] | undefined;
}

// ─── Output: the joined edition ─────────────────────────────────────────────────────────────────

/** A passage of a reading, addressed for links: `/read/<reading>/#p-<passage>`. */
export interface PassageLocation {
  reading: ReadingId;
  passage: PassageId;
  /** The passage's number in its reading (¶n). */
  number: number;
  /** In a term's usage: where the term first occurs in the passage's text, [start, end). */
  match?: { start: number; end: number } | undefined;
}

/** A note, addressed for links: `/read/<reading>/#note-<note>`. */
export interface NoteLocation {
  reading: ReadingId;
  note: NoteId;
  /** The note's number: among the reading's notes, or among its questions for reading-wide ones. */
  number: number;
  kind: NoteKind;
  /** `reading` for reading-wide questions (numbered among the questions, linked as `#note-<id>` too). */
  scope: 'passage' | 'reading';
  /** The passage it is about; undefined for reading-wide questions. */
  passage?: PassageId | undefined;
}

/** Where a term or a source is used. Lists are in reading order (passage, then note number). */
export interface Usage {
  /** Passages whose text contains the term, or that a note citing the source is about. */
  passages: PassageLocation[];
  /** Notes naming it in frontmatter (`terms:`/`sources:`) or in their body (`<Term>`/`<Cite>`). */
  notes: NoteLocation[];
  /** Glossary terms naming it (`related:`/`sources:`, or `<Term>`/`<Cite>` in their body). */
  terms: TermId[];
}

export interface EditionNote {
  id: NoteId;
  reading: ReadingId;
  /** Entry id in the `notes` collection (`<reading>/<note>`), for `getEntry` and `render`. */
  entryId: string;
  file: string;
  kind: NoteKind;
  /** 1..n in reading order for margin notes; 1..k in the apparatus; 1..m among the questions for reading-wide ones. */
  number: number;
  scope: 'passage' | 'reading';
  /** The passage the note is about; undefined when `scope` is `reading`. */
  passage?: PassageId | undefined;
  /** Passage number (¶n); undefined when `scope` is `reading`. */
  passageNumber?: number | undefined;
  /** The anchored phrase within the passage's text; undefined = the whole passage (or the reading). */
  range?: TextRange | undefined;
  /** The TextQuoteSelector as written. */
  exact?: string | undefined;
  prefix?: string | undefined;
  suffix?: string | undefined;
  /** The editor's reading of a defective phrase (editorial and apparatus notes only). */
  correction?: string | undefined;
  /** Sources cited: frontmatter first, then `<Cite>` in the body, without repeats. */
  sources: SourceId[];
  /** Terms named: frontmatter first, then `<Term>` in the body, without repeats. */
  terms: TermId[];
  /** Passages the body points at with `<PassageRef>`. */
  passageRefs: PassageLocation[];
  /** The raw MDX body (render it with `render(entry)`; this is for plain-text exports). */
  body: string;
}

export interface EditionTerm {
  id: TermId;
  /** Entry id in the `glossary` collection. */
  entryId: string;
  file: string;
  term: string;
  kind: TermKind;
  aliases: string[];
  short: string;
  related: TermId[];
  /** Sources: frontmatter first, then `<Cite>` in the body, without repeats. */
  sources: SourceId[];
  /** Terms its body links to with `<Term>`. */
  bodyTerms: TermId[];
  match: TermMatchMode;
  /** A–Z key: `sortAs`, else the headword. */
  sortKey: string;
  body: string;
}

export interface EditionSource {
  id: SourceId;
  /** The CSL-JSON item as written (its `note` is the editor's remark, not part of the reference). */
  item: CslItem;
}

export interface EditionReading {
  id: ReadingId;
  title: string;
  /** BCP 47 language of the text (when the input gave it). */
  language?: string | undefined;
  source: string;
  passages: readonly PassageInput[];
  /** The same passages by id: a book's thousands of notes and references each look one up. */
  passageById: ReadonlyMap<string, PassageInput>;
  /** Which page holds each passage: every link to a passage is built from it (`passageHref`). */
  layout: ReadingLayout;
  /** Passage notes shown in the margin, numbered 1..n in reading order (passage, start of phrase, whole passage first, id). */
  notes: EditionNote[];
  /** The textual apparatus (`kind: apparatus`): typographic notes in the same order, numbered 1..k apart from the margin's. */
  apparatus: EditionNote[];
  /** Reading-wide discussion questions (`scope: reading`), numbered 1..m in id order. */
  questions: EditionNote[];
  /** Margin notes of each passage, in order (the apparatus is not here); passages without notes are absent. */
  notesByPassage: ReadonlyMap<PassageId, EditionNote[]>;
  /** Glossary terms to mark in each passage (after `match` and longest-match rules), in text order. */
  termsByPassage: ReadonlyMap<PassageId, TermOccurrence<TermId>[]>;
}

export interface Edition {
  /** In reading order (see `compareReadings`). */
  readings: EditionReading[];
  readingById: ReadonlyMap<ReadingId, EditionReading>;
  /** A–Z by sort key. */
  terms: EditionTerm[];
  termById: ReadonlyMap<TermId, EditionTerm>;
  /** In file order. */
  sources: EditionSource[];
  sourceById: ReadonlyMap<SourceId, EditionSource>;
  /** Every term (also unused ones, with empty lists). */
  termUsage: ReadonlyMap<TermId, Usage>;
  /** Every source (also unused ones, with empty lists). */
  sourceUsage: ReadonlyMap<SourceId, Usage>;
  /** For each passage id, the readings that have it (see `passageRefTarget`). */
  passageReadings: ReadonlyMap<string, readonly ReadingId[]>;
}

export type { TermOccurrence, TextRange };

const bibliographies = new WeakMap<Pick<Edition, 'sources'>, CslItem[]>();

/**
 * The edition's bibliography as CSL items, one array per edition: citations are formatted against
 * it, and the citation code keys its work by the array, so a book's thousands of citations share it.
 */
export function bibliographyItems(edition: Pick<Edition, 'sources'>): CslItem[] {
  let items = bibliographies.get(edition);
  if (!items) bibliographies.set(edition, (items = edition.sources.map((s) => s.item)));
  return items;
}

// ─── Pure helpers ───────────────────────────────────────────────────────────────────────────────

/** Where a note's marker sits and what it marks: `markerAt` is its phrase's end, or for a note on the whole passage the passage's end. */
export interface NoteOrderKey {
  passageNumber: number;
  markerAt: number;
  /** Start of the phrase; undefined for a note on the whole passage. */
  start?: number | undefined;
  id: string;
}

/**
 * Reading order of notes, which numbers them: the order of their markers in the text (passage,
 * then the marker's place), so the numbers a reader meets ascend. Notes sharing one marker (ending
 * at one place) follow the note on the whole passage first, then the longer phrase, then id.
 */
export function compareNotes(a: NoteOrderKey, b: NoteOrderKey): number {
  return a.passageNumber - b.passageNumber || a.markerAt - b.markerAt || (a.start ?? -1) - (b.start ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A–Z key comparison, case- and accent-insensitive, numbers in natural order. */
export const compareSortKeys = (a: string, b: string) =>
  a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);

/** The fields that decide where a reading stands among the others. */
export interface OrderedReading {
  id: string;
  title: string;
  /** `order` in reading.yaml: lowest first; readings without one follow. */
  order?: number | undefined;
}

/**
 * The order readings stand in everywhere they are listed (home page, search filters, glossary and
 * sources pages, usage lists): by `order`, lowest first, then those without one by title; the id
 * breaks ties, so the order never depends on how the files were read.
 */
export function compareReadings(a: OrderedReading, b: OrderedReading): number {
  const byOrder = a.order === b.order ? 0 : a.order === undefined ? 1 : b.order === undefined ? -1 : a.order - b.order;
  return byOrder || compareSortKeys(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** For each passage id, the readings whose passage map has it, in reading order. */
export function readingsByPassage<R extends string>(readings: readonly { id: R; passages: readonly { id: string }[] }[]): Map<string, R[]> {
  const byId = new Map<string, R[]>();
  for (const reading of readings) {
    for (const passage of reading.passages) {
      const list = byId.get(passage.id);
      if (!list) byId.set(passage.id, [reading.id]);
      else if (!list.includes(reading.id)) list.push(reading.id);
    }
  }
  return byId;
}

export type PassageRefReading =
  | { status: 'found'; reading: string }
  | { status: 'ambiguous'; readings: string[] }
  | { status: 'not-found' };

/**
 * Which reading a `<PassageRef id>` points into. The reading it names, if it names one; else the
 * reading it is written in (a note's, a study page's), when that has the id; else the one reading
 * that has the id. Only an id in two or more readings, none of them its own, is ambiguous; so
 * adding a reading never changes where an existing reference points, unless the new reading
 * repeats an id that a glossary entry (or another reading's note) relied on being unique.
 *
 * `having` lists the readings whose passage map has the id (see `readingsByPassage`).
 */
export function passageRefReading(
  { named, own }: { named?: string | undefined; own?: string | undefined },
  having: readonly string[],
): PassageRefReading {
  if (named !== undefined) return { status: 'found', reading: named };
  if (own !== undefined && having.includes(own)) return { status: 'found', reading: own };
  if (having.length === 1) return { status: 'found', reading: having[0]! };
  if (having.length > 1) return { status: 'ambiguous', readings: [...having] };
  return { status: 'not-found' };
}

/**
 * The passage a checked `<PassageRef>` points at, for the renderers (the integrity check refused
 * every reference this cannot resolve).
 */
export function passageRefTarget(
  edition: Pick<Edition, 'readingById' | 'passageReadings'>,
  id: string,
  context: { named?: string | undefined; own?: string | undefined },
): { reading: EditionReading; passage: PassageInput } | undefined {
  const target = passageRefReading(context, edition.passageReadings.get(id) ?? []);
  if (target.status !== 'found') return undefined;
  const reading = edition.readingById.get(asReadingId(target.reading));
  const passage = reading?.passageById.get(id);
  return reading && passage ? { reading, passage } : undefined;
}

/** The glossary terms and sources one reading uses (see `readingScope`). */
export interface ReadingScope {
  terms: ReadonlySet<TermId>;
  sources: ReadonlySet<SourceId>;
}

/**
 * What one reading uses, for its EPUB and the glossary and sources pages filtered to it: the terms
 * that occur in its text or that its notes name, the terms those terms' entries link to (and so on,
 * so no link in its glossary leads out of it), and the sources its notes cite and those terms cite.
 */
export function readingScope(edition: Pick<Edition, 'readingById' | 'termById' | 'termUsage'>, readingId: string): ReadingScope {
  // Every per-reading page lists every reading's count: computed once per edition and reading.
  let memo = scopes.get(edition);
  if (!memo) scopes.set(edition, (memo = new Map()));
  let scope = memo.get(readingId);
  if (!scope) memo.set(readingId, (scope = computeReadingScope(edition, readingId)));
  return scope;
}
const scopes = new WeakMap<object, Map<string, ReadingScope>>();

function computeReadingScope(edition: Pick<Edition, 'readingById' | 'termById' | 'termUsage'>, readingId: string): ReadingScope {
  const reading = edition.readingById.get(asReadingId(readingId));
  const terms = new Set<TermId>();
  const sources = new Set<SourceId>();
  if (!reading) return { terms, sources };
  for (const [id, usage] of edition.termUsage) {
    if (usage.passages.some((p) => p.reading === reading.id) || usage.notes.some((n) => n.reading === reading.id)) terms.add(id);
  }
  for (const note of [...reading.notes, ...reading.apparatus, ...reading.questions]) {
    for (const id of note.terms) terms.add(id);
    for (const id of note.sources) sources.add(id);
  }
  // Sets iterate over what is added while iterating: this walks the closure.
  for (const id of terms) {
    const term = edition.termById.get(id);
    for (const named of term?.bodyTerms ?? []) terms.add(named);
    for (const source of term?.sources ?? []) sources.add(source);
  }
  return { terms, sources };
}

/**
 * The pages that show one reading's share of an edition-wide page (its glossary, its sources):
 * one per reading, and none while the edition has only one (the whole page is then its share).
 */
export const perReadingPaths = (edition: Pick<Edition, 'readings'>) =>
  edition.readings.length > 1 ? edition.readings.map((reading) => ({ params: { reading: reading.id as string } })) : [];

/** A reading by the id in a page's address, with its scope (see `perReadingPaths`). */
export function readingWithScope(edition: Edition, readingId: string | undefined): { reading: EditionReading; scope: ReadingScope } {
  const reading = edition.readingById.get(asReadingId(readingId ?? ''));
  if (!reading) throw new Error(`No reading "${readingId}" in the edition.`);
  return { reading, scope: readingScope(edition, reading.id) };
}

/** Kinds that mark a defect of the source and so may give the editor's reading in `correction`. */
const CORRECTABLE_KINDS: ReadonlySet<NoteKind> = new Set<NoteKind>(['editorial', 'apparatus']);
const unique = <T>(values: Iterable<T>) => [...new Set(values)];
const quote = (value: string) => JSON.stringify(value);
const preview = (text: string, max = 60) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

// ─── The join and the integrity check ───────────────────────────────────────────────────────────

/**
 * Joins parsed content into the edition and checks every reference. Problems never stop the join
 * early: whatever can be resolved is, so one run reports everything an editor must fix.
 */
export function buildEdition(input: EditionInput): { edition: Edition; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  // Readings in their order from the start, so every list and message built from them follows it.
  input = { ...input, readings: [...input.readings].sort(compareReadings) };
  const readingIds = input.readings.map((r) => r.id);
  const readingInputs = new Map(input.readings.map((r) => [r.id, r]));
  // Passages by id, per reading (kept on each EditionReading for the pages and exports too).
  const passageIndex = new Map(input.readings.map((r) => [r.id, new Map(r.passages.map((p) => [p.id, p]))]));
  const findPassage = (reading: ReadingInput, id: string) => passageIndex.get(reading.id)?.get(id);
  const passageReadings = readingsByPassage(input.readings.map((r) => ({ id: asReadingId(r.id), passages: r.passages })));
  const termIds = input.terms.map((t) => t.id);
  const termIdSet = new Set(termIds);

  // Sources: ids unique.
  const sourceById = new Map<SourceId, EditionSource>();
  const sources: EditionSource[] = [];
  for (const { item, line } of input.sources) {
    const id = asSourceId(item.id);
    if (sourceById.has(id)) {
      problems.push({
        kind: 'duplicate-id',
        file: input.sourcesFile,
        line,
        field: 'id',
        message: `source id "${item.id}" is used by more than one entry.`,
        fix: 'give each work its own id (e.g. add a letter: "smith-2014a", "smith-2014b"), or merge the duplicates.',
      });
      continue;
    }
    const source = { id, item };
    sourceById.set(id, source);
    sources.push(source);
  }
  const sourceIds = [...sourceById.keys()] as string[];

  const fieldLine = (file: MdxFileInput, path: readonly PropertyKey[]) => file.fieldLine?.(path);
  const bodyLine = (file: MdxFileInput, line: number) => (file.bodyLine ?? 1) + line - 1;

  /** Checks a list of ids in frontmatter (`sources:`, `terms:`, `related:`). */
  const checkIds = (
    file: MdxFileInput,
    field: string,
    ids: readonly string[] | undefined,
    known: readonly string[],
    knownSet: { has: (id: string) => boolean },
    kind: 'unknown-source' | 'unknown-term',
    what: string,
  ) =>
    (ids ?? []).filter((id, index) => {
      if (knownSet.has(id)) return true;
      problems.push({
        kind,
        file: file.file,
        line: fieldLine(file, [field, index]) ?? fieldLine(file, [field]),
        field: `${field}[${index}]`,
        message: `${what} "${id}" is not defined.`,
        fix:
          kind === 'unknown-source'
            ? `${didYouMean(id, known, 'source id')} (sources are the \`id:\` entries of ${input.sourcesFile}).`
            : `${didYouMean(id, known, 'term id')} (terms are the file names in annotations/glossary/).`,
      });
      return false;
    });

  /** Scans an MDX body; resolves its component ids; returns what it uses. */
  const scanBody = (file: MdxFileInput, defaultReading: string | undefined) => {
    const scan = scanMdxBody(file.body);
    for (const problem of scan.problems) {
      problems.push({ kind: problem.kind, file: file.file, line: bodyLine(file, problem.line), message: problem.message, fix: problem.fix });
    }
    const terms: TermId[] = [];
    const cites: SourceId[] = [];
    const passageRefs: PassageLocation[] = [];
    for (const use of scan.uses) {
      const line = bodyLine(file, use.line);
      if (use.component === 'Term' || use.component === 'Cite') {
        const ref = use.component === 'Term'
          ? { kind: 'unknown-term' as const, known: termIds, noun: 'term id', what: 'term', orAdd: `add annotations/glossary/${use.props.id}.mdx` }
          : { kind: 'unknown-source' as const, known: sourceIds, noun: 'source id', what: 'source', orAdd: `add it to ${input.sourcesFile}` };
        if (ref.known.includes(use.props.id)) (use.component === 'Term' ? terms : cites).push(use.props.id as TermId & SourceId);
        else {
          problems.push({
            kind: ref.kind,
            file: file.file,
            line,
            message: `<${use.component} id="${use.props.id}"> names a ${ref.what} that is not defined.`,
            fix: `${didYouMean(use.props.id, ref.known, ref.noun)} (or ${ref.orAdd}).`,
          });
        }
      } else {
        const location = resolvePassageRef(file, use, line, defaultReading);
        if (location) passageRefs.push(location);
      }
    }
    return { terms, cites, passageRefs };
  };

  const resolvePassageRef = (
    file: MdxFileInput,
    use: Extract<ComponentUse, { component: 'PassageRef' }>,
    line: number,
    defaultReading: string | undefined,
  ): PassageLocation | undefined => {
    const { id } = use.props;
    const target = passageRefReading({ named: use.props.reading, own: defaultReading }, passageReadings.get(id) ?? []);
    if (target.status === 'ambiguous') {
      const named = target.readings.map(quote);
      const list = `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
      problems.push({
        kind: 'invalid-component',
        file: file.file,
        line,
        message: defaultReading
          ? `<PassageRef id="${id}"> is ambiguous: this note's reading (${quote(defaultReading)}) has no passage "${id}", and readings ${list} both do.`
          : `<PassageRef id="${id}"> is ambiguous: readings ${list} both have a passage "${id}".`,
        fix: `add reading="…" to say which one it points into: ${target.readings.map((r) => `reading="${r}"`).join(' or ')}.`,
      });
      return undefined;
    }
    // Not found anywhere: the reading to blame is the note's own, or the only one there is.
    const readingId = target.status === 'found' ? target.reading : defaultReading ?? (readingIds.length === 1 ? readingIds[0] : undefined);
    // A reading refused for its own problems still exists (and may be the only one): pointing into
    // it is not a second mistake, and its problems already say what to fix.
    const refused = input.unavailableReadings ?? [];
    if (readingId === undefined ? refused.length > 0 : refused.includes(readingId) && !readingInputs.has(readingId)) return undefined;
    if (readingId === undefined) {
      const known = [...passageReadings.keys()];
      problems.push({
        kind: 'unknown-passage',
        file: file.file,
        line,
        message: `<PassageRef id="${id}"> names a passage that no reading has.`,
        fix: didYouMean(id, known, 'passage id'),
      });
      return undefined;
    }
    const reading = readingInputs.get(readingId);
    if (!reading) {
      problems.push({
        kind: 'unknown-reading',
        file: file.file,
        line,
        message: `<PassageRef reading="${readingId}"> names a reading that does not exist.`,
        fix: didYouMean(readingId, readingIds, 'reading id'),
      });
      return undefined;
    }
    const passage = findPassage(reading, id);
    if (!passage) {
      problems.push({
        kind: 'unknown-passage',
        file: file.file,
        line,
        message: `<PassageRef id="${id}"> names a passage that "${reading.id}" does not have.`,
        fix: didYouMean(id, reading.passages.map((p) => p.id), 'passage id'),
      });
      return undefined;
    }
    return { reading: asReadingId(reading.id), passage: asPassageId(passage.id), number: passage.number };
  };

  // The loader refuses such names before the join; this keeps buildEdition safe for other callers.
  const checkFileName = (file: MdxFileInput, owner: 'note' | 'term') => {
    const badName = idNameProblem(file.id, owner, '.mdx');
    if (badName) problems.push({ kind: 'invalid-file-name', file: file.file, ...badName });
  };

  // Glossary: headwords and aliases unique (case-insensitive) across all terms.
  const formOwner = new Map<string, { term: string; form: string; field: string }>();
  for (const term of input.terms) {
    checkFileName(term, 'term');
    const forms: [string, string][] = [[term.data.term, 'term'], ...(term.data.aliases ?? []).map((a, i): [string, string] => [a, `aliases[${i}]`])];
    for (const [form, field] of forms) {
      const key = form.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
      const owner = formOwner.get(key);
      if (!owner) {
        formOwner.set(key, { term: term.id, form, field });
        continue;
      }
      const path = field === 'term' ? ['term'] : ['aliases', Number(field.slice(8, -1))];
      problems.push({
        kind: 'duplicate-alias',
        file: term.file,
        line: fieldLine(term, path),
        field,
        message:
          owner.term === term.id
            ? `"${form}" is listed twice for this term (matching ignores case).`
            : `"${form}" is already ${owner.field === 'term' ? 'the headword' : 'an alias'} of term "${owner.term}" (matching ignores case).`,
        fix:
          owner.term === term.id
            ? 'remove the repeated form.'
            : `keep each form in one term only: remove it here or from annotations/glossary/${owner.term}.mdx.`,
      });
    }
  }

  /** Terms named by `<Term>` in each glossary body, kept aside for the reverse index. */
  const termBodyTerms = new Map<TermId, TermId[]>();
  const terms: EditionTerm[] = input.terms.map((term) => {
    const related = checkIds(term, 'related', term.data.related, termIds, termIdSet, 'unknown-term', 'related term');
    related.forEach((id, index) => {
      if (id === term.id) {
        problems.push({
          kind: 'unknown-term',
          file: term.file,
          line: fieldLine(term, ['related', index]),
          field: `related[${index}]`,
          message: `the term lists itself as related.`,
          fix: 'remove it from `related`.',
        });
      }
    });
    const frontSources = checkIds(term, 'sources', term.data.sources, sourceIds, { has: (id) => sourceById.has(asSourceId(id)) }, 'unknown-source', 'source');
    const scan = scanBody(term, undefined);
    return {
      id: asTermId(term.id),
      entryId: term.id,
      file: term.file,
      term: term.data.term,
      kind: term.data.kind,
      aliases: term.data.aliases ?? [],
      short: term.data.short,
      related: unique(related.filter((id) => id !== term.id).map(asTermId)),
      sources: unique([...frontSources.map(asSourceId), ...scan.cites]),
      match: term.data.match ?? 'first',
      sortKey: term.data.sortAs ?? term.data.term,
      body: term.body,
      bodyTerms: scan.terms,
    };
  });
  for (const term of terms) termBodyTerms.set(term.id, term.bodyTerms);
  terms.sort((a, b) => compareSortKeys(a.sortKey, b.sortKey));
  const termById = new Map(terms.map((t) => [t.id, t]));
  const matchable: MatchableTerm<TermId>[] = terms.map((t) => ({ id: t.id, forms: [t.term, ...t.aliases], match: t.match }));

  // Notes, grouped by reading.
  const notesByReading = new Map<string, EditionNote[]>();
  for (const note of input.notes) {
    checkFileName(note, 'note');
    const reading = readingInputs.get(note.reading);
    if (!reading && input.unavailableReadings?.includes(note.reading)) continue;
    if (!reading) {
      problems.push({
        kind: 'unknown-reading',
        file: note.file,
        message: `the folder annotations/${note.reading}/ is not a reading.`,
        fix: `move the note into the folder of its reading: ${didYouMean(note.reading, readingIds, 'reading id')}`,
      });
      continue;
    }
    const edited = resolveNote(note, reading);
    if (edited) {
      const list = notesByReading.get(reading.id) ?? [];
      list.push(edited);
      notesByReading.set(reading.id, list);
    }
  }

  function resolveNote(note: NoteInput, reading: ReadingInput): EditionNote | undefined {
    const { data } = note;
    const at = (field: string) => ({ file: note.file, line: fieldLine(note, [field]), field });
    let ok = true;
    const readingScope = data.scope === 'reading';
    if (readingScope) {
      for (const field of ['passage', 'exact', 'prefix', 'suffix'] as const) {
        if (data[field] === undefined) continue;
        ok = false;
        problems.push({
          kind: 'invalid-scope',
          ...at(field),
          message: `a reading-wide note (\`scope: reading\`) cannot have \`${field}\`.`,
          fix: field === 'passage' ? 'remove `scope: reading` to anchor the note to this passage, or remove `passage`.' : `remove \`${field}\`, or anchor the note to a passage instead of the reading.`,
        });
      }
      if (data.kind !== 'question') {
        ok = false;
        problems.push({
          kind: 'invalid-scope',
          ...at('scope'),
          message: `\`scope: reading\` is for discussion questions, but this note is \`kind: ${data.kind}\`.`,
          fix: 'write `kind: question`, or anchor the note to a passage with `passage:`.',
        });
      }
    } else if (data.passage === undefined) {
      ok = false;
      problems.push({
        kind: 'invalid-field',
        file: note.file,
        line: note.fieldLine ? (note.bodyLine ?? 2) - 1 : undefined,
        field: 'passage',
        message: 'the note names no passage.',
        fix: 'add `passage: <passage id>` (see the reading\u2019s reading.yaml), or `scope: reading` for a reading-wide question.',
      });
    }
    if (data.correction !== undefined && !CORRECTABLE_KINDS.has(data.kind)) {
      ok = false;
      problems.push({
        kind: 'correction-not-editorial',
        ...at('correction'),
        message: `\`correction\` is only for editorial and apparatus notes, but this note is \`kind: ${data.kind}\`.`,
        fix: 'write `kind: editorial` (or `kind: apparatus` for a purely typographic slip) if the note marks a defect of the source, or remove `correction`.',
      });
    }
    if (data.exact === undefined) {
      for (const field of ['prefix', 'suffix'] as const) {
        if (data[field] === undefined || readingScope) continue;
        ok = false;
        problems.push({
          kind: 'invalid-field',
          ...at(field),
          message: `\`${field}\` only narrows down \`exact\`, and the note has no \`exact\`.`,
          fix: `add \`exact:\` with the phrase, or remove \`${field}\` to annotate the whole passage.`,
        });
      }
      if (data.correction !== undefined && CORRECTABLE_KINDS.has(data.kind)) {
        ok = false;
        problems.push({
          kind: 'invalid-field',
          ...at('correction'),
          message: '`correction` replaces a phrase, and the note has no `exact`.',
          fix: 'add `exact:` with the defective phrase, verbatim.',
        });
      }
    }

    let passage: PassageInput | undefined;
    let range: TextRange | undefined;
    if (!readingScope && data.passage !== undefined) {
      passage = findPassage(reading, data.passage);
      if (!passage) {
        ok = false;
        problems.push({
          kind: 'unknown-passage',
          ...at('passage'),
          message: `passage "${data.passage}" is not in the passage map of "${reading.id}".`,
          fix: didYouMean(data.passage, reading.passages.map((p) => p.id), 'passage id'),
        });
      } else if (data.exact !== undefined) {
        range = anchorNote(note, passage);
        if (!range) ok = false;
      }
    }

    const frontSources = checkIds(note, 'sources', data.sources, sourceIds, { has: (id) => sourceById.has(asSourceId(id)) }, 'unknown-source', 'source');
    const frontTerms = checkIds(note, 'terms', data.terms, termIds, termIdSet, 'unknown-term', 'term');
    const scan = scanBody(note, reading.id);
    if (!ok) return undefined;
    return {
      id: asNoteId(note.id),
      reading: asReadingId(reading.id),
      entryId: `${reading.id}/${note.id}`,
      file: note.file,
      kind: data.kind,
      number: 0,
      scope: readingScope ? 'reading' : 'passage',
      passage: passage ? asPassageId(passage.id) : undefined,
      passageNumber: passage?.number,
      range,
      exact: data.exact,
      prefix: data.prefix,
      suffix: data.suffix,
      correction: data.correction,
      sources: unique([...frontSources.map(asSourceId), ...scan.cites]),
      terms: unique([...frontTerms.map(asTermId), ...scan.terms]),
      passageRefs: scan.passageRefs,
      body: note.body,
    };
  }

  function anchorNote(note: NoteInput, passage: PassageInput): TextRange | undefined {
    const { exact, prefix, suffix } = note.data;
    const result = anchorQuote(passage.text, { exact: exact!, prefix, suffix });
    if (result.status === 'found') return result.range;
    const at = { file: note.file, line: fieldLine(note, ['exact']), field: 'exact' };
    if (result.status === 'not-found') {
      const narrowed = prefix !== undefined || suffix !== undefined;
      problems.push({
        kind: 'phrase-not-found',
        ...at,
        message:
          narrowed && result.occurrences > 0
            ? `"${exact}" occurs ${result.occurrences === 1 ? 'once' : `${result.occurrences} times`} in passage "${passage.id}", but never with this ${[prefix !== undefined && 'prefix', suffix !== undefined && 'suffix'].filter(Boolean).join(' and ')}.`
            : `"${exact}" does not occur in passage "${passage.id}" ("${preview(passage.text)}").`,
        fix:
          narrowed && result.occurrences > 0
            ? 'copy `prefix`/`suffix` from the text exactly (spaces and punctuation count), or remove them if the phrase is unique.'
            : closePhraseHint(passage.text, exact!),
      });
      return undefined;
    }
    const [first] = result.ranges;
    const hintPrefix = disambiguatingPrefix(passage.text, exact!, first!);
    const hintSuffix = disambiguatingSuffix(passage.text, exact!, first!);
    const hints = [hintPrefix !== undefined && `prefix: ${quote(hintPrefix)}`, hintSuffix !== undefined && `suffix: ${quote(hintSuffix)}`].filter(Boolean);
    problems.push({
      kind: 'phrase-ambiguous',
      ...at,
      message: `"${exact}" occurs ${result.matching} times in passage "${passage.id}"${prefix !== undefined || suffix !== undefined ? ' even with this prefix/suffix' : ''}; the note must pick one.`,
      fix: hints.length
        ? `add text around it to pick the occurrence, e.g. for the first one \`${hints.join('` or `')}\`, or lengthen \`exact\`.`
        : 'lengthen `exact`, or add `prefix`/`suffix` with the text right before or after the occurrence you mean.',
    });
    return undefined;
  }

  const occurrencesByPassage = new Map<PassageInput, TermOccurrence<TermId>[]>();
  const readings: EditionReading[] = input.readings.map((reading) => {
    const all = notesByReading.get(reading.id) ?? [];
    const textLength = new Map(reading.passages.map((p) => [p.id, p.text.length]));
    const orderKey = (note: EditionNote): NoteOrderKey => ({
      passageNumber: note.passageNumber!,
      markerAt: note.range?.end ?? textLength.get(note.passage!) ?? 0,
      start: note.range?.start,
      id: note.id,
    });
    const inOrder = all.filter((n) => n.scope === 'passage').sort((a, b) => compareNotes(orderKey(a), orderKey(b)));
    // The apparatus is numbered on its own, so moving a typographic note there does not leave a
    // gap in the margin's numbers, and its table counts 1..k.
    const notes = inOrder.filter((n) => n.kind !== 'apparatus');
    const apparatus = inOrder.filter((n) => n.kind === 'apparatus');
    notes.forEach((note, index) => (note.number = index + 1));
    apparatus.forEach((note, index) => (note.number = index + 1));
    const questions = all.filter((n) => n.scope === 'reading').sort((a, b) => (a.id < b.id ? -1 : 1));
    questions.forEach((note, index) => (note.number = index + 1));
    const notesByPassage = new Map<PassageId, EditionNote[]>();
    for (const note of notes) {
      const list = notesByPassage.get(note.passage!) ?? [];
      list.push(note);
      notesByPassage.set(note.passage!, list);
    }
    const termsByPassage = new Map<PassageId, TermOccurrence<TermId>[]>();
    for (const passage of reading.passages) {
      const { marks, all } = termMatches(passage.text, matchable);
      if (marks.length) termsByPassage.set(asPassageId(passage.id), marks);
      occurrencesByPassage.set(passage, all);
    }
    const passageById = passageIndex.get(reading.id)!;
    return { id: asReadingId(reading.id), title: reading.title, language: reading.language, source: reading.source, passages: reading.passages, passageById, layout: reading.layout ?? onePageLayout(reading.id), notes, apparatus, questions, notesByPassage, termsByPassage };
  });

  // Reverse indexes.
  const emptyUsage = (): Usage => ({ passages: [], notes: [], terms: [] });
  const termUsage = new Map<TermId, Usage>(terms.map((t) => [t.id, emptyUsage()]));
  const sourceUsage = new Map<SourceId, Usage>(sources.map((s) => [s.id, emptyUsage()]));
  const listed = new WeakMap<Usage, Set<string>>();
  const addPassage = (usage: Usage | undefined, location: PassageLocation) => {
    if (!usage) return;
    let keys = listed.get(usage);
    if (!keys) listed.set(usage, (keys = new Set()));
    const key = `${location.reading}\0${location.passage}`;
    if (keys.has(key)) return;
    keys.add(key);
    usage.passages.push(location);
  };
  const noteLocation = (note: EditionNote): NoteLocation => ({
    reading: note.reading,
    note: note.id,
    number: note.number,
    kind: note.kind,
    scope: note.scope,
    passage: note.passage,
  });
  for (const reading of readings) {
    for (const passage of reading.passages) {
      const location = { reading: reading.id, passage: asPassageId(passage.id), number: passage.number };
      // The first occurrence of each term is kept with its place, so a usage list can quote it
      // without matching the glossary against the passage again (once per term page, on a book).
      for (const { termId, start, end } of occurrencesByPassage.get(passage) ?? []) addPassage(termUsage.get(termId), { ...location, match: { start, end } });
    }
    for (const note of [...reading.notes, ...reading.apparatus, ...reading.questions]) {
      for (const id of note.terms) termUsage.get(id)?.notes.push(noteLocation(note));
      for (const id of note.sources) {
        const usage = sourceUsage.get(id);
        usage?.notes.push(noteLocation(note));
        if (note.passage) addPassage(usage, { reading: reading.id, passage: note.passage, number: note.passageNumber! });
      }
    }
  }
  for (const term of terms) {
    for (const id of unique([...term.related, ...(termBodyTerms.get(term.id) ?? [])])) {
      const usage = termUsage.get(id);
      if (usage && id !== term.id && !usage.terms.includes(term.id)) usage.terms.push(term.id);
    }
    for (const id of term.sources) sourceUsage.get(id)?.terms.push(term.id);
  }
  const byReadingOrder = (a: PassageLocation, b: PassageLocation) =>
    readingIds.indexOf(a.reading) - readingIds.indexOf(b.reading) || a.number - b.number;
  for (const usage of [...termUsage.values(), ...sourceUsage.values()]) usage.passages.sort(byReadingOrder);

  return {
    edition: {
      readings,
      readingById: new Map(readings.map((r) => [r.id, r])),
      terms,
      termById,
      sources,
      sourceById,
      termUsage,
      sourceUsage,
      passageReadings,
    },
    problems,
  };
}

/** Characters editors type for the typographic ones a source may use, and back. */
const LOOKALIKES: Record<string, string> = {
  "'": "'\u2018\u2019", '\u2018': "'\u2018\u2019", '\u2019': "'\u2018\u2019",
  '"': '"\u201C\u201D', '\u201C': '"\u201C\u201D', '\u201D': '"\u201C\u201D',
  '-': '-\u2010\u2011\u2013\u2014', '\u2013': '-\u2013\u2014', '\u2014': '-\u2013\u2014',
};
const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const escapeClass = (value: string) => value.replace(/[\]\\^-]/g, '\\$&');

/**
 * "did you mean" for a phrase: the stretch of the passage that matches it when capitals, quote and
 * dash styles and spacing are ignored, so the editor can copy the verbatim form.
 */
function closePhraseHint(text: string, exact: string): string {
  const pattern = exact
    .trim()
    .split(/(\s+)/)
    .map((part) => (/^\s+$/.test(part) ? '\\s+' : [...part].map((c) => (LOOKALIKES[c] ? `[${escapeClass(LOOKALIKES[c])}]` : escapeRegExp(c))).join('')))
    .join('');
  const found = pattern ? new RegExp(pattern, 'iu').exec(text)?.[0] : undefined;
  if (found !== undefined) return `write it as the passage does: exact: ${quote(found)}.`;
  return 'copy the phrase from the passage exactly as written (typographic quotes, spelling and spacing count).';
}
