/**
 * Many readings side by side: where a `<PassageRef>` without `reading` points, and that adding a
 * reading never breaks what already resolved.
 */
import { describe, expect, test } from 'vitest';
import { buildEdition, passageRefReading, passageRefTarget, readingsByPassage, type EditionInput, type NoteInput, type TermInput } from '../../src/lib/edition.ts';

describe('readingsByPassage', () => {
  test('lists, per id, the readings that have it, in reading order', () => {
    const map = readingsByPassage([
      { id: 'a', passages: [{ id: 'intro' }, { id: 'only-a' }] },
      { id: 'b', passages: [{ id: 'intro' }, { id: 'only-b' }] },
    ]);
    expect(Object.fromEntries(map)).toEqual({ intro: ['a', 'b'], 'only-a': ['a'], 'only-b': ['b'] });
  });
});

describe('passageRefReading', () => {
  test.each([
    ['the reading it names, whatever has the id', { named: 'c', own: 'a' }, ['a', 'b'], { status: 'found', reading: 'c' }],
    ['its own reading when that has the id', { own: 'a' }, ['a', 'b'], { status: 'found', reading: 'a' }],
    ['another reading when only that one has it', { own: 'a' }, ['b'], { status: 'found', reading: 'b' }],
    ['from a glossary entry, the one reading that has it', {}, ['b'], { status: 'found', reading: 'b' }],
    ['ambiguous: two other readings have it', { own: 'a' }, ['b', 'c'], { status: 'ambiguous', readings: ['b', 'c'] }],
    ['ambiguous: from a glossary entry, two readings have it', {}, ['a', 'b'], { status: 'ambiguous', readings: ['a', 'b'] }],
    ['no reading has it', { own: 'a' }, [], { status: 'not-found' }],
  ] as const)('%s', (_name, context, having, expected) => {
    expect(passageRefReading(context, having)).toEqual(expected);
  });
});

const reading = (id: string, ids: string[]) => ({
  id,
  title: id,
  source: '',
  passages: ids.map((pid, index) => ({ id: pid, number: index + 1, start: 0, text: `Passage ${pid}.` })),
});
const note = (readingId: string, id: string, body: string): NoteInput => ({
  id,
  reading: readingId,
  file: `annotations/${readingId}/${id}.mdx`,
  data: { passage: readingId === 'sample' ? 'definition' : 'intro', kind: 'context' },
  body,
});
const term = (id: string, body: string): TermInput => ({ id, file: `annotations/glossary/${id}.mdx`, data: { term: id, kind: 'concept', short: 'A term.' }, body });
const sample = reading('sample', ['title', 'definition', 'needs']);
const existing: Pick<EditionInput, 'notes' | 'terms'> = {
  notes: [note('sample', 'n', 'See <PassageRef id="needs" /> and <PassageRef id="title" />.')],
  terms: [term('commons', 'Used in <PassageRef id="definition" />.')],
};
const build = (readings: EditionInput['readings'], extra: Partial<Pick<EditionInput, 'notes' | 'terms'>> = {}) =>
  buildEdition({
    readings,
    notes: [...existing.notes, ...(extra.notes ?? [])],
    terms: [...existing.terms, ...(extra.terms ?? [])],
    sources: [],
    sourcesFile: 'annotations/sources.yaml',
  });

describe('adding a reading', () => {
  test('leaves every existing reference where it pointed, even when the new reading repeats an id', () => {
    const before = build([sample]);
    // "title" repeats an id of the sample; the sample's note still means its own.
    const after = build([sample, reading('second', ['title', 'intro'])]);
    expect(before.problems).toEqual([]);
    expect(after.problems).toEqual([]);
    const refs = (edition: typeof after.edition) => edition.readingById.get('sample' as never)!.notes[0]!.passageRefs;
    expect(refs(after.edition)).toEqual(refs(before.edition));
    expect(refs(after.edition).map((r) => `${r.reading}#${r.passage}`)).toEqual(['sample#needs', 'sample#title']);
    expect(passageRefTarget(after.edition, 'definition', {})?.reading.id).toBe('sample');
  });

  test('a note points into another reading when only that one has the id', () => {
    const { edition, problems } = build([sample, reading('second', ['title', 'intro'])], {
      notes: [note('sample', 'cross', 'Compare <PassageRef id="intro" />.')],
    });
    expect(problems).toEqual([]);
    const cross = edition.readingById.get('sample' as never)!.notes.find((n) => n.id === 'cross')!;
    expect(cross.passageRefs).toEqual([{ reading: 'second', passage: 'intro', number: 2 }]);
    expect(passageRefTarget(edition, 'intro', { own: 'sample' })?.reading.id).toBe('second');
    expect(passageRefTarget(edition, 'title', { own: 'second' })?.reading.id).toBe('second');
  });

  test('only a truly ambiguous id is refused, naming the readings and the fix', () => {
    const { problems } = build([sample, reading('second', ['title', 'intro']), reading('third', ['intro'])], {
      notes: [note('sample', 'cross', 'Compare <PassageRef id="intro" />.')],
      terms: [term('state', 'See <PassageRef id="title" />.')],
    });
    expect(problems.map((p) => `${p.file}:${p.line} [${p.kind}] ${p.message} | ${p.fix}`)).toEqual([
      'annotations/glossary/state.mdx:1 [invalid-component] <PassageRef id="title"> is ambiguous: readings "sample" and "second" both have a passage "title". | add reading="…" to say which one it points into: reading="sample" or reading="second".',
      'annotations/sample/cross.mdx:1 [invalid-component] <PassageRef id="intro"> is ambiguous: this note\'s reading ("sample") has no passage "intro", and readings "second" and "third" both do. | add reading="…" to say which one it points into: reading="second" or reading="third".',
    ]);
  });

  test('an id no reading has names the note\u2019s reading, or says no reading has it', () => {
    const { problems } = build([sample, reading('second', ['intro'])], {
      notes: [note('sample', 'cross', '<PassageRef id="titel" />')],
      terms: [term('state', '<PassageRef id="neds" />')],
    });
    expect(problems.map((p) => `${p.file} ${p.message} | ${p.fix}`)).toEqual([
      'annotations/glossary/state.mdx <PassageRef id="neds"> names a passage that no reading has. | did you mean "needs"?',
      'annotations/sample/cross.mdx <PassageRef id="titel"> names a passage that "sample" does not have. | did you mean "title"?',
    ]);
  });
});
