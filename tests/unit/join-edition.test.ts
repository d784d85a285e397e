import { describe, expect, test } from 'vitest';
import { buildEdition, type EditionInput, type NoteInput } from '../../src/lib/edition.ts';
import { joinEdition } from '../../src/loaders/edition-files.ts';

const text = 'The partner state protects the commons.';
const note = (id: string): NoteInput => ({
  id,
  reading: 'sample',
  file: `annotations/sample/${id}.mdx`,
  body: 'A note.',
  data: { passage: 'definition', exact: 'protects', kind: 'gloss' } as NoteInput['data'],
});
const input = (...ids: string[]): EditionInput => ({
  readings: [{ id: 'sample', title: 'Sample', source: text, passages: [{ id: 'definition', number: 1, start: 0, text }] } as EditionInput['readings'][number]],
  notes: ids.map(note),
  terms: [],
  sources: [],
  sourcesFile: 'annotations/sources.yaml',
});

/** buildEdition, except that a note named "bad" makes it throw, as a bug triggered by one file would. */
const fragile: typeof buildEdition = (edition) => {
  if (edition.notes.some((n) => n.id === 'bad')) throw new TypeError("Cannot read properties of undefined (reading 'x')");
  return buildEdition(edition);
};

describe('joinEdition: an unexpected failure names its file', () => {
  test('content that joins is joined as usual', () => {
    expect(joinEdition(input('good'), fragile).problems).toEqual([]);
  });

  test('the file that makes the join throw is reported and left out; the rest is still checked', () => {
    const joined = joinEdition(input('good', 'bad'), fragile);
    expect(joined.problems).toEqual([
      {
        kind: 'unreadable-file',
        file: 'annotations/sample/bad.mdx',
        message: "checking this file failed unexpectedly: Cannot read properties of undefined (reading 'x')",
        fix: 'check that it is a plain UTF-8 text file you can open; if it is, report this as a bug with the file attached.',
      },
    ]);
    expect(joined.edition.readings[0]!.notes.map((n) => n.id)).toEqual(['good']);
  });

  test('a failure no single file explains is one problem, not a stack trace', () => {
    const broken: typeof buildEdition = (edition) => {
      if (edition.readings.length) throw new Error('boom');
      return buildEdition(edition);
    };
    expect(joinEdition(input('good'), broken).problems).toEqual([
      expect.objectContaining({ kind: 'unreadable-file', file: 'annotations', message: 'joining the edition failed unexpectedly: boom' }),
    ]);
  });
});
