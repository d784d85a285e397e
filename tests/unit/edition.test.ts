import { beforeEach, describe, expect, test } from 'vitest';
import type { ContentProblem } from '../../src/lib/content-errors.ts';
import { buildEdition, compareNotes, compareSortKeys, type Edition, type EditionInput, type EditionReading, type NoteInput, type TermInput } from '../../src/lib/edition.ts';
import type { Annotation } from '../../src/schemas/annotation.ts';
import type { GlossaryTerm } from '../../src/schemas/glossary.ts';

const passages = [
  { id: 'title', number: 1, start: 0, text: 'The Partner State' },
  { id: 'definition', number: 2, start: 19, text: 'The partner state protects the commons. The commons are shared; the state enables them.' },
  { id: 'needs', number: 3, start: 108, text: '  • “Peer production” needs the commons\n  • Naïve markets do not' },
];
const reading = { id: 'sample', title: 'Sample', passages, source: '' };
/** Frontmatter fields sit on lines 2.. in declaration order, the body starts after them. */
const lines = (data: object) => {
  const keys = Object.keys(data);
  return (path: readonly PropertyKey[]) => (keys.includes(String(path[0])) ? keys.indexOf(String(path[0])) + 2 : undefined);
};
const note = (id: string, data: Annotation, body = ''): NoteInput => ({
  id,
  reading: 'sample',
  file: `annotations/sample/${id}.mdx`,
  data,
  body,
  bodyLine: Object.keys(data).length + 3,
  fieldLine: lines(data),
});
const term = (id: string, data: GlossaryTerm, body = ''): TermInput => ({
  id,
  file: `annotations/glossary/${id}.mdx`,
  data,
  body,
  bodyLine: Object.keys(data).length + 3,
  fieldLine: lines(data),
});
const terms = [
  term('commons', { term: 'commons', kind: 'concept', short: 'Shared.', related: ['partner-state'] }),
  term('partner-state', { term: 'partner state', kind: 'concept', short: 'A state.', aliases: ['partner states'], sources: ['k-2014'] }),
  term('bauwens', { term: 'Michel Bauwens', kind: 'person', short: 'A person.', sortAs: 'Bauwens, Michel' }),
];
const sources = [
  { item: { id: 'k-2014', type: 'book' as const, title: 'K' }, line: 1 },
  { item: { id: 'h-2012', type: 'chapter' as const, title: 'H' }, line: 5 },
];
const input = (over: Partial<EditionInput> = {}): EditionInput => ({
  readings: [reading],
  notes: [],
  terms,
  sources,
  sourcesFile: 'annotations/sources.yaml',
  ...over,
});

describe('compareNotes: the order of the markers in the text, which numbers the notes', () => {
  test.each([
    // An earlier passage first, wherever the markers sit in each.
    [{ passageNumber: 1, markerAt: 90, start: 50, id: 'z' }, { passageNumber: 2, markerAt: 4, start: 0, id: 'a' }, -1],
    // A phrase that starts later but ends first has the earlier marker.
    [{ passageNumber: 2, markerAt: 20, start: 15, id: 'a' }, { passageNumber: 2, markerAt: 40, start: 3, id: 'b' }, -1],
    // A note on the whole passage has its marker at the passage's end: after a phrase ending earlier…
    [{ passageNumber: 2, markerAt: 60, start: undefined, id: 'a' }, { passageNumber: 2, markerAt: 30, start: 10, id: 'b' }, 1],
    // …and first among the notes that share that marker, then the longer phrase, then by id.
    [{ passageNumber: 2, markerAt: 60, start: undefined, id: 'z' }, { passageNumber: 2, markerAt: 60, start: 0, id: 'a' }, -1],
    [{ passageNumber: 2, markerAt: 60, start: 5, id: 'a' }, { passageNumber: 2, markerAt: 60, start: 12, id: 'b' }, -1],
    [{ passageNumber: 2, markerAt: 60, start: 5, id: 'b' }, { passageNumber: 2, markerAt: 60, start: 5, id: 'a' }, 1],
  ])('%j vs %j', (a, b, sign) => {
    expect(Math.sign(compareNotes(a, b))).toBe(sign);
    expect(Math.sign(compareNotes(b, a))).toBe(-sign);
  });
});

describe('compareSortKeys', () => {
  test('case- and accent-insensitive A–Z, numbers in order', () => {
    expect(['state', 'Bauwens, Michel', 'état', 'commons', 'item 10', 'item 2'].sort(compareSortKeys)).toEqual([
      'Bauwens, Michel',
      'commons',
      'état',
      'item 2',
      'item 10',
      'state',
    ]);
  });
});

describe('buildEdition: the join', () => {
  // Built before each test, not once as the file loads: mutation testing switches a mutant on only
  // while the tests run, so an edition built at load time would never see one.
  let edition: Edition;
  let problems: ContentProblem[];
  let sample: EditionReading;
  beforeEach(() => {
    ({ edition, problems } = buildEdition(
      input({
        notes: [
          note('later', { passage: 'definition', exact: 'enables', kind: 'context' }, 'See <Cite id="h-2012" />.'),
          note('whole', { passage: 'definition', kind: 'gloss', terms: ['commons'] }),
          note('first-in-text', { passage: 'title', exact: 'Partner', kind: 'context', sources: ['k-2014'] }),
          note('capital', { passage: 'definition', exact: 'commons', prefix: 'The ', kind: 'gloss' }, 'About <Term id="partner-state" />; <PassageRef id="needs" />.'),
          note('naive', { passage: 'needs', exact: 'Naïve markets', kind: 'editorial', correction: 'Naive markets' }),
          note('q-b', { scope: 'reading', kind: 'question' }, '<Cite id="k-2014" />'),
          note('q-a', { scope: 'reading', kind: 'question' }),
        ],
      }),
    ));
    sample = edition.readings[0]!;
  });

  test('no problems', () => expect(problems).toEqual([]));

  test('notes numbered in the order of their markers: a note on the whole passage has its marker at the end', () => {
    expect(passages.find((p) => p.id === 'definition')!.text.length).toBeGreaterThan(81);
    expect(sample.notes.map((n) => [n.number, n.id, n.passage, n.range])).toEqual([
      [1, 'first-in-text', 'title', { start: 4, end: 11 }],
      [2, 'capital', 'definition', { start: 44, end: 51 }],
      [3, 'later', 'definition', { start: 74, end: 81 }],
      [4, 'whole', 'definition', undefined],
      [5, 'naive', 'needs', { start: 44, end: 57 }],
    ]);
    for (const n of sample.notes) {
      const text = passages.find((p) => p.id === n.passage)!.text;
      if (n.range) expect(text.slice(n.range.start, n.range.end)).toBe(n.exact);
    }
  });

  test('reading-wide questions apart, numbered by id', () => {
    expect(sample.questions.map((n) => [n.number, n.id, n.scope, n.passage])).toEqual([
      [1, 'q-a', 'reading', undefined],
      [2, 'q-b', 'reading', undefined],
    ]);
  });

  test('sources and terms from frontmatter and body', () => {
    const byId = new Map(sample.notes.map((n) => [n.id as string, n]));
    expect(byId.get('later')!.sources).toEqual(['h-2012']);
    expect(byId.get('capital')!.terms).toEqual(['partner-state']);
    expect(byId.get('capital')!.passageRefs).toEqual([{ reading: 'sample', passage: 'needs', number: 3 }]);
    expect(byId.get('naive')!.correction).toBe('Naive markets');
    expect(sample.notesByPassage.get('definition' as never)!.map((n) => n.id)).toEqual(['capital', 'later', 'whole']);
  });

  test('terms A–Z by sort key', () => {
    expect(edition.terms.map((t) => t.id)).toEqual(['bauwens', 'commons', 'partner-state']);
  });

  test('term marks per passage', () => {
    expect(Object.fromEntries([...sample.termsByPassage].map(([p, list]) => [p, list.map((o) => o.text)]))).toEqual({
      title: ['Partner State'],
      definition: ['partner state', 'commons'],
      needs: ['commons'],
    });
  });

  test('where each term is used', () => {
    const usage = (id: string) => {
      const u = edition.termUsage.get(id as never)!;
      return { passages: u.passages.map((p) => p.passage), notes: u.notes.map((n) => n.note), terms: u.terms };
    };
    expect(usage('commons')).toEqual({ passages: ['definition', 'needs'], notes: ['whole'], terms: [] });
    expect(usage('partner-state')).toEqual({ passages: ['title', 'definition'], notes: ['capital'], terms: ['commons'] });
    expect(usage('bauwens')).toEqual({ passages: [], notes: [], terms: [] });
  });

  test('where each source is cited', () => {
    const usage = (id: string) => {
      const u = edition.sourceUsage.get(id as never)!;
      return { passages: u.passages.map((p) => p.passage), notes: u.notes.map((n) => `${n.scope}:${n.note}`), terms: u.terms };
    };
    expect(usage('k-2014')).toEqual({ passages: ['title'], notes: ['passage:first-in-text', 'reading:q-b'], terms: ['partner-state'] });
    expect(usage('h-2012')).toEqual({ passages: ['definition'], notes: ['passage:later'], terms: [] });
  });
});

describe('buildEdition: the textual apparatus', () => {
  let edition: Edition;
  let problems: ContentProblem[];
  let r: EditionReading | undefined;
  beforeEach(() => {
    ({ edition, problems } = buildEdition(
      input({
        notes: [
          note('typo-late', { passage: 'definition', exact: 'shared', kind: 'apparatus', correction: 'Shared', sources: ['k-2014'] }),
          note('why', { passage: 'definition', exact: 'protects', kind: 'context' }),
          note('typo-title', { passage: 'title', kind: 'apparatus' }),
          note('naive', { passage: 'needs', exact: 'Naïve', kind: 'editorial', correction: 'Naive' }),
        ],
      }),
    ));
    [r] = edition.readings;
  });

  test('an apparatus note may give a correction, like an editorial one', () => expect(problems).toEqual([]));

  test('apparatus notes are numbered 1..k on their own, in reading order, and left out of the margin', () => {
    expect(r!.apparatus.map((n) => [n.id, n.number])).toEqual([['typo-title', 1], ['typo-late', 2]]);
    expect(r!.notes.map((n) => [n.id, n.number])).toEqual([['why', 1], ['naive', 2]]);
    expect([...r!.notesByPassage.values()].flat().map((n) => n.id)).toEqual(['why', 'naive']);
    expect(r!.apparatus[1]).toMatchObject({ kind: 'apparatus', passage: 'definition', passageNumber: 2, exact: 'shared', correction: 'Shared' });
  });

  test('their sources and terms still count as used', () => {
    expect(edition.sourceUsage.get('k-2014' as never)!.notes.map((n) => [n.note, n.kind, n.number])).toEqual([['typo-late', 'apparatus', 2]]);
  });

  test('an apparatus note cannot be reading-wide', () => {
    const { problems } = buildEdition(input({ notes: [note('n', { scope: 'reading', kind: 'apparatus' })] }));
    expect(problems).toMatchObject([{ kind: 'invalid-scope', field: 'scope', message: '`scope: reading` is for discussion questions, but this note is `kind: apparatus`.' }]);
  });
});

describe('buildEdition: the empty edition', () => {
  test('no annotations, no glossary, no sources: empty lists, no problems', () => {
    const { edition, problems } = buildEdition(input({ terms: [], sources: [] }));
    expect(problems).toEqual([]);
    expect(edition.readings[0]!).toMatchObject({ notes: [], apparatus: [], questions: [] });
    expect(edition.readings[0]!.termsByPassage.size).toBe(0);
    expect(edition.terms).toEqual([]);
    expect(edition.sources).toEqual([]);
  });
});

describe('buildEdition: every problem, with file, line, field and fix', () => {
  const problemsOf = (over: Partial<EditionInput>) =>
    buildEdition(input(over)).problems.map((p) => ({ kind: p.kind, file: p.file, line: p.line, field: p.field, message: p.message, fix: p.fix }));

  test.each([
    [
      'unknown passage',
      { notes: [note('n', { passage: 'defintion', kind: 'context' })] },
      { kind: 'unknown-passage', line: 2, field: 'passage', message: 'passage "defintion" is not in the passage map of "sample".', fix: 'did you mean "definition"?' },
    ],
    [
      'phrase not found',
      { notes: [note('n', { passage: 'definition', exact: 'Commons are', kind: 'context' })] },
      { kind: 'phrase-not-found', line: 3, field: 'exact', message: '"Commons are" does not occur in passage "definition" ("The partner state protects the commons. The commons are shar…").', fix: 'write it as the passage does: exact: "commons are".' },
    ],
    [
      'phrase found, but not with the prefix',
      { notes: [note('n', { passage: 'definition', exact: 'commons', prefix: 'our ', kind: 'context' })] },
      { kind: 'phrase-not-found', message: '"commons" occurs 2 times in passage "definition", but never with this prefix.' },
    ],
    [
      'phrase ambiguous',
      { notes: [note('n', { passage: 'definition', exact: 'state', kind: 'context' })] },
      { kind: 'phrase-ambiguous', line: 3, message: '"state" occurs 2 times in passage "definition"; the note must pick one.', fix: 'add text around it to pick the occurrence, e.g. for the first one `prefix: "partner "` or `suffix: " protects"`, or lengthen `exact`.' },
    ],
    [
      'unknown source in frontmatter',
      { notes: [note('n', { passage: 'definition', kind: 'context', sources: ['k-2041'] })] },
      { kind: 'unknown-source', line: 4, field: 'sources[0]', message: 'source "k-2041" is not defined.', fix: 'did you mean "k-2014"? (sources are the `id:` entries of annotations/sources.yaml).' },
    ],
    [
      'unknown term in a body, on its file line',
      { notes: [note('n', { passage: 'definition', kind: 'context' }, 'one\n<Term id="comons">x</Term>')] },
      { kind: 'unknown-term', line: 6, field: undefined, message: '<Term id="comons"> names a term that is not defined.', fix: 'did you mean "commons"? (or add annotations/glossary/comons.mdx).' },
    ],
    [
      'unknown source in a body',
      { notes: [note('n', { passage: 'definition', kind: 'context' }, '<Cite id="h-2021" />')] },
      { kind: 'unknown-source', line: 5, message: '<Cite id="h-2021"> names a source that is not defined.' },
    ],
    [
      'unknown related term',
      { terms: [...terms, term('x', { term: 'x', kind: 'concept', short: 'X.', related: ['partner-states'] })] },
      { kind: 'unknown-term', file: 'annotations/glossary/x.mdx', line: 5, field: 'related[0]', message: 'related term "partner-states" is not defined.' },
    ],
    [
      'alias repeating another headword, ignoring case',
      { terms: [...terms, term('x', { term: 'x', kind: 'concept', short: 'X.', aliases: ['Partner State'] })] },
      { kind: 'duplicate-alias', file: 'annotations/glossary/x.mdx', line: 5, field: 'aliases[0]', message: '"Partner State" is already the headword of term "partner-state" (matching ignores case).' },
    ],
    [
      'headword repeating another alias',
      { terms: [...terms, term('x', { term: 'Partner  states', kind: 'concept', short: 'X.' })] },
      { kind: 'duplicate-alias', line: 2, field: 'term', message: '"Partner  states" is already an alias of term "partner-state" (matching ignores case).' },
    ],
    [
      'duplicate source id',
      { sources: [...sources, { item: { id: 'k-2014', type: 'book' as const }, line: 9 }] },
      { kind: 'duplicate-id', file: 'annotations/sources.yaml', line: 9, message: 'source id "k-2014" is used by more than one entry.' },
    ],
    [
      'correction on a non-editorial note',
      { notes: [note('n', { passage: 'needs', exact: 'Naïve', kind: 'gloss', correction: 'Naive' })] },
      { kind: 'correction-not-editorial', line: 5, field: 'correction', message: '`correction` is only for editorial and apparatus notes, but this note is `kind: gloss`.' },
    ],
    [
      'scope: reading with a phrase',
      { notes: [note('n', { scope: 'reading', kind: 'question', exact: 'x' })] },
      { kind: 'invalid-scope', line: 4, field: 'exact', message: 'a reading-wide note (`scope: reading`) cannot have `exact`.' },
    ],
    [
      'scope: reading for a non-question',
      { notes: [note('n', { scope: 'reading', kind: 'context' })] },
      { kind: 'invalid-scope', line: 2, field: 'scope', message: '`scope: reading` is for discussion questions, but this note is `kind: context`.' },
    ],
    [
      'no passage and no scope',
      { notes: [note('n', { kind: 'context' })] },
      { kind: 'invalid-field', field: 'passage', message: 'the note names no passage.' },
    ],
    [
      'prefix without exact',
      { notes: [note('n', { passage: 'definition', prefix: 'The ', kind: 'context' })] },
      { kind: 'invalid-field', field: 'prefix', message: '`prefix` only narrows down `exact`, and the note has no `exact`.' },
    ],
    [
      'a folder that is not a reading',
      { notes: [{ ...note('n', { passage: 'definition', kind: 'context' }), reading: 'sampel', file: 'annotations/sampel/n.mdx' }] },
      { kind: 'unknown-reading', file: 'annotations/sampel/n.mdx', message: 'the folder annotations/sampel/ is not a reading.', fix: 'move the note into the folder of its reading: did you mean "sample"?' },
    ],
    [
      'a file name that is not an id',
      { notes: [note('My Note', { passage: 'definition', kind: 'context' })] },
      { kind: 'invalid-file-name', message: '"My Note" is not a valid note id (the file name is the id).', fix: 'rename the file to "my-note.mdx": lower-case letters, digits and single hyphens.' },
    ],
    [
      'unknown passage in <PassageRef>',
      { notes: [note('n', { passage: 'definition', kind: 'context' }, '<PassageRef id="need" />')] },
      { kind: 'unknown-passage', line: 5, message: '<PassageRef id="need"> names a passage that "sample" does not have.', fix: 'did you mean "needs"?' },
    ],
    [
      'MDX syntax error, on its file line',
      { notes: [note('n', { passage: 'definition', kind: 'context' }, 'ok\n\n<Term id="commons">open')] },
      { kind: 'mdx-syntax', line: 7 },
    ],
  ])('%s', (_name, over, expected) => {
    const problems = problemsOf(over as Partial<EditionInput>);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject(expected);
  });

  test.each([
    ['straight quotes for typographic ones', 'needs', '"Peer production"', 'write it as the passage does: exact: "“Peer production”".'],
    ['a line break typed as a space', 'needs', 'commons •', 'write it as the passage does: exact: "commons\\n  •".'],
    ['a hyphen for a dash', 'definition', 'shared - the', 'copy the phrase from the passage exactly as written (typographic quotes, spelling and spacing count).'],
    ['other capitals', 'definition', 'THE PARTNER', 'write it as the passage does: exact: "The partner".'],
  ])('phrase hint: %s', (_name, passage, exact, fix) => {
    const [problem] = problemsOf({ notes: [note('n', { passage, exact, kind: 'context' })] });
    expect(problem).toMatchObject({ kind: 'phrase-not-found', fix });
  });

  test('every problem is reported in one pass', () => {
    const problems = problemsOf({
      notes: [
        note('a', { passage: 'nope', kind: 'context', sources: ['nope'] }, '<Term id="nope" />'),
        note('b', { passage: 'definition', exact: 'state', kind: 'gloss', correction: 'x' }),
      ],
    });
    expect(problems.map((p) => p.kind).sort()).toEqual(['correction-not-editorial', 'phrase-ambiguous', 'unknown-passage', 'unknown-source', 'unknown-term']);
  });
});

describe('buildEdition: each refused note, its problems in full, and the note left out of the edition', () => {
  const DEF = 'annotations/sample/n.mdx';
  const COPY = 'copy `prefix`/`suffix` from the text exactly (spaces and punctuation count), or remove them if the phrase is unique.';
  test.each([
    [
      'found once, never with this suffix',
      note('n', { passage: 'definition', exact: 'protects', suffix: ' nothing', kind: 'context' }),
      [{ kind: 'phrase-not-found', file: DEF, line: 3, field: 'exact', message: '"protects" occurs once in passage "definition", but never with this suffix.', fix: COPY }],
    ],
    [
      'found twice, never with this prefix and suffix',
      note('n', { passage: 'definition', exact: 'commons', prefix: 'our ', suffix: '!', kind: 'context' }),
      [{ kind: 'phrase-not-found', file: DEF, line: 3, field: 'exact', message: '"commons" occurs 2 times in passage "definition", but never with this prefix and suffix.', fix: COPY }],
    ],
    [
      'narrowed, but the phrase is not there at all',
      note('n', { passage: 'title', exact: 'Market', prefix: 'The ', kind: 'context' }),
      [{ kind: 'phrase-not-found', file: DEF, line: 3, field: 'exact', message: '"Market" does not occur in passage "title" ("The Partner State").', fix: 'copy the phrase from the passage exactly as written (typographic quotes, spelling and spacing count).' }],
    ],
    [
      'ambiguous even with a suffix',
      note('n', { passage: 'definition', exact: 'the', suffix: ' ', kind: 'context' }),
      [{ kind: 'phrase-ambiguous', file: DEF, line: 3, field: 'exact', message: '"the" occurs 2 times in passage "definition" even with this prefix/suffix; the note must pick one.', fix: 'add text around it to pick the occurrence, e.g. for the first one `prefix: "protects "` or `suffix: " commons."`, or lengthen `exact`.' }],
    ],
    [
      'a reading-wide question with a passage',
      note('n', { scope: 'reading', kind: 'question', passage: 'title' }),
      [{ kind: 'invalid-scope', file: DEF, line: 4, field: 'passage', message: 'a reading-wide note (`scope: reading`) cannot have `passage`.', fix: 'remove `scope: reading` to anchor the note to this passage, or remove `passage`.' }],
    ],
    [
      'a reading-wide question with a suffix',
      note('n', { scope: 'reading', kind: 'question', suffix: 'x' }),
      [{ kind: 'invalid-scope', file: DEF, line: 4, field: 'suffix', message: 'a reading-wide note (`scope: reading`) cannot have `suffix`.', fix: 'remove `suffix`, or anchor the note to a passage instead of the reading.' }],
    ],
    [
      'a reading-wide context note',
      note('n', { scope: 'reading', kind: 'context' }),
      [{ kind: 'invalid-scope', file: DEF, line: 2, field: 'scope', message: '`scope: reading` is for discussion questions, but this note is `kind: context`.', fix: 'write `kind: question`, or anchor the note to a passage with `passage:`.' }],
    ],
    [
      'no passage: the line above the body',
      note('n', { kind: 'context' }),
      [{ kind: 'invalid-field', file: DEF, line: 3, field: 'passage', message: 'the note names no passage.', fix: 'add `passage: <passage id>` (see the reading\u2019s reading.yaml), or `scope: reading` for a reading-wide question.' }],
    ],
    [
      'no passage and no line numbers known',
      { ...note('n', { kind: 'context' }), fieldLine: undefined },
      [{ kind: 'invalid-field', file: DEF, line: undefined, field: 'passage', message: 'the note names no passage.', fix: 'add `passage: <passage id>` (see the reading\u2019s reading.yaml), or `scope: reading` for a reading-wide question.' }],
    ],
    [
      'a correction on a gloss',
      note('n', { passage: 'needs', exact: 'Naïve', kind: 'gloss', correction: 'Naive' }),
      [{ kind: 'correction-not-editorial', file: DEF, line: 5, field: 'correction', message: '`correction` is only for editorial and apparatus notes, but this note is `kind: gloss`.', fix: 'write `kind: editorial` (or `kind: apparatus` for a purely typographic slip) if the note marks a defect of the source, or remove `correction`.' }],
    ],
    [
      'a suffix without exact',
      note('n', { passage: 'definition', suffix: ' x', kind: 'context' }),
      [{ kind: 'invalid-field', file: DEF, line: 3, field: 'suffix', message: '`suffix` only narrows down `exact`, and the note has no `exact`.', fix: 'add `exact:` with the phrase, or remove `suffix` to annotate the whole passage.' }],
    ],
    [
      'an editorial correction without exact',
      note('n', { passage: 'needs', kind: 'editorial', correction: 'Naive' }),
      [{ kind: 'invalid-field', file: DEF, line: 4, field: 'correction', message: '`correction` replaces a phrase, and the note has no `exact`.', fix: 'add `exact:` with the defective phrase, verbatim.' }],
    ],
    [
      'an unknown passage',
      note('n', { passage: 'neds', kind: 'context' }),
      [{ kind: 'unknown-passage', file: DEF, line: 2, field: 'passage', message: 'passage "neds" is not in the passage map of "sample".', fix: 'did you mean "needs"?' }],
    ],
  ])('%s', (_name, refused, expected) => {
    const { edition, problems } = buildEdition(input({ notes: [refused] }));
    expect(problems.map((p) => ({ kind: p.kind, file: p.file, line: p.line, field: p.field, message: p.message, fix: p.fix }))).toEqual(expected);
    const [only] = edition.readings;
    expect([...only!.notes, ...only!.apparatus, ...only!.questions]).toEqual([]);
  });
});
