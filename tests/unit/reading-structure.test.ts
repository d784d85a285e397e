import { describe, expect, test } from 'vitest';
import { buildSections, passagesBySection, type StructuredPassage } from '../../src/lib/reading-structure.ts';
import type { PassageRole } from '../../src/schemas/reading.ts';

const passage = (id: string, role: PassageRole, speaker?: string): StructuredPassage => ({ id, role, section: 'main', speaker, text: id });
const shape = (passages: StructuredPassage[]) =>
  buildSections(passages, [{ id: 'main', title: 'Main' }])[0]!.blocks.map((block) =>
    block.kind === 'passage' ? block.passage.id : `${block.kind}(${block.passages.map((p) => p.id).join(' ')})`,
  );

describe('quotations and lists', () => {
  test('a list a quoted speaker goes on to give is part of the quotation', () => {
    expect(shape([passage('intro', 'paragraph'), passage('says', 'quote', 'Helfrich'), passage('roles', 'list', 'Helfrich')])).toEqual(['intro', 'voice(says roles)']);
  });
  test('a list with a speaker is a quotation on its own', () => {
    expect(shape([passage('intro', 'paragraph'), passage('roles', 'list', 'Helfrich')])).toEqual(['intro', 'voice(roles)']);
  });
  test("a document's own list between its paragraphs is not a quotation", () => {
    expect(shape([passage('intro', 'paragraph'), passage('steps', 'list'), passage('after', 'paragraph')])).toEqual(['intro', 'steps', 'after']);
  });
  test('references gather into one list; quotes in a row into one voice', () => {
    expect(shape([passage('q1', 'quote', 'A'), passage('q2', 'quote', 'B'), passage('r1', 'reference'), passage('r2', 'reference')])).toEqual(['voice(q1 q2)', 'references(r1 r2)']);
  });
});

describe('passagesBySection', () => {
  test('groups passages by section in text order, whatever order the sections come in', () => {
    const passages = [
      { id: 'a', section: 'one' },
      { id: 'b', section: 'two' },
      { id: 'c', section: 'one' },
      { id: 'd', section: 'three' },
      { id: 'e', section: 'two' },
    ];
    const grouped = passagesBySection(passages);
    expect([...grouped.keys()]).toEqual(['one', 'two', 'three']);
    expect(grouped.get('one')!.map((p) => p.id)).toEqual(['a', 'c']);
    expect(grouped.get('two')!.map((p) => p.id)).toEqual(['b', 'e']);
    expect(grouped.get('three')!.map((p) => p.id)).toEqual(['d']);
    expect(grouped.get('four')).toBeUndefined();
  });
});
