import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readingSource, reassemble, segment, splitBlocks, words } from '../../src/lib/passages.ts';
import { ReadingMetaSchema, type PassageMapEntry } from '../../src/schemas/reading.ts';

const folder = 'src/content/readings/partner-state';
const source = readFileSync(`${folder}/source.txt`, 'utf8');
const meta = ReadingMetaSchema.parse(parse(readFileSync(`${folder}/reading.yaml`, 'utf8')));
const context = { file: 'reading.yaml', sectionIds: ['s'] };
const entry = (id: string, lines: number | string): PassageMapEntry => ({ id, lines, role: 'paragraph', section: 's' });

describe('splitBlocks', () => {
  test.each([
    ['one line', 'abc', [[1, 1, 'abc']]],
    ['blank lines separate blocks', 'a\n\n\nb', [[1, 1, 'a'], [4, 4, 'b']]],
    ['consecutive lines form one block', 'a\nb\n\nc\n', [[1, 2, 'a\nb'], [4, 4, 'c']]],
    ['whitespace-only lines are blank', 'a\n  \t\nb', [[1, 1, 'a'], [3, 3, 'b']]],
    ['CRLF line endings', 'a\r\nb\r\n\r\nc', [[1, 2, 'a\r\nb'], [4, 4, 'c']]],
    ['leading and trailing blanks', '\n\na\n\n', [[3, 3, 'a']]],
  ])('%s', (_name, text, expected) => {
    expect(splitBlocks(text).map((b) => [b.startLine, b.endLine, b.text])).toEqual(expected);
    for (const block of splitBlocks(text)) expect(text.slice(block.start, block.end)).toBe(block.text);
  });

  test('the Partner State source has 23 blocks, the list spanning lines 16-18', () => {
    const blocks = splitBlocks(source);
    expect(blocks).toHaveLength(23);
    expect(blocks.find((b) => b.startLine === 16)).toMatchObject({ endLine: 18 });
  });
});

describe('segment', () => {
  test('the real passage map reassembles the exact original file', () => {
    const { segmentation, problems } = segment(source, meta.passages, {
      file: 'reading.yaml',
      sectionIds: meta.sections.map((s) => s.id),
    });
    expect(problems).toEqual([]);
    expect(reassemble(segmentation!)).toBe(source);
    expect(segmentation!.passages.map((p) => p.number)).toEqual(meta.passages.map((_, i) => i + 1));
    expect(segmentation!.passages.flatMap((p) => words(p.text))).toEqual(words(source));
  });

  test('readingSource rebuilds a stored reading, without its source, byte for byte', () => {
    const text = 'Title\n\n\nOne\ntwo\n\nThree\n\n';
    const { segmentation } = segment(text, [entry('a', 1), entry('b', '4-5'), entry('c', 7)], context);
    const stored = { passages: segmentation!.passages, trailing: segmentation!.trailing };
    expect(readingSource(stored)).toBe(text);
    expect(readingSource(stored)).toBe(readingSource(stored));
  });

  test('keeps gaps and a missing final newline byte for byte', () => {
    const text = 'a\n\n\nb\nc';
    const { segmentation } = segment(text, [entry('a', 1), entry('b', '4-5')], context);
    expect(segmentation!.passages.map((p) => p.gapBefore)).toEqual(['', '\n\n\n']);
    expect(segmentation!.trailing).toBe('');
    expect(reassemble(segmentation!)).toBe(text);
  });

  test.each([
    [
      'uncovered block',
      [entry('a', 1)],
      [
        'passage-uncovered: line 3 of the source ("b") belong to no passage. fix: add an entry with `lines: 3` in text order.',
      ],
    ],
    [
      'overlap',
      [entry('a', 1), entry('b', 3), entry('c', 3)],
      [
        'passage-overlap: passage "c" (line 3) overlaps passage "b" at line 3. fix: make each line belong to one passage: check both `lines` against `cat -n source.txt`.',
      ],
    ],
    [
      'duplicate id',
      [entry('a', 1), entry('a', 3)],
      ['duplicate-id: passage id "a" is already used by passages[0]. fix: give each passage its own id; ids are permanent, so rename the newer one.'],
    ],
    [
      'misaligned span',
      [entry('a', 1), entry('b', '3-4')],
      ['passage-misaligned: passage "b" says lines 3-4, but the block there runs line 3. fix: write `lines: 3`; a passage is one whole block between blank lines.'],
    ],
    [
      'span on a blank line',
      [entry('a', 1), entry('b', 3), entry('c', 2)],
      [
        'passage-misaligned: passage "c" says line 2, but that line is blank or past the end of the text. fix: point `lines` at a block of text (`cat -n source.txt` shows the numbers).',
      ],
    ],
    [
      'out of order',
      [entry('b', 3), entry('a', 1)],
      ['passage-misaligned: passage "a" comes before "b" in the text but after it in the map. fix: list passages in the order of the text.'],
    ],
    [
      'unknown section',
      [entry('a', 1), { ...entry('b', 3), section: 'x' }],
      ['unknown-section: passage "b" names section "x", which is not in `sections`. fix: add it to `sections` or use a defined one ("s").'],
    ],
  ])('refuses a map with %s', (_name, map, expected) => {
    const { segmentation, problems } = segment('a\n\nb', map, context);
    expect(segmentation).toBeUndefined();
    expect(problems.map((p) => `${p.kind}: ${p.message} fix: ${p.fix}`)).toEqual(expected);
  });
});

describe('segment: where each problem points', () => {
  const located = { ...context, entryLines: [4, 7, 9] };
  test.each([
    ['a duplicate id at its id', [entry('a', 1), entry('a', 3)], { file: 'reading.yaml', line: 7, field: 'passages[1].id' }],
    ['an unknown section at its section', [entry('a', 1), { ...entry('b', 3), section: 'x' }], { file: 'reading.yaml', line: 7, field: 'passages[1].section' }],
    ['an overlap at the later entry\u2019s lines', [entry('a', 1), entry('b', 3), entry('c', 3)], { file: 'reading.yaml', line: 9, field: 'passages[2].lines' }],
    ['a misaligned span at its lines', [entry('a', '1-2'), entry('b', 3)], { file: 'reading.yaml', line: 4, field: 'passages[0].lines' }],
    ['an entry out of order at its lines', [entry('b', 3), entry('a', 1)], { file: 'reading.yaml', line: 7, field: 'passages[1].lines' }],
    ['an uncovered block at the whole map, with no line', [entry('a', 1)], { file: 'reading.yaml', line: undefined, field: 'passages' }],
  ])('%s', (_name, map, where) => {
    const { problems } = segment('a\n\nb', map, located);
    expect(problems).toHaveLength(1);
    expect({ file: problems[0]!.file, line: problems[0]!.line, field: problems[0]!.field }).toEqual(where);
  });

  test('an uncovered block of several lines is previewed on one line, cut after 40 characters, with its span quoted', () => {
    const text = 'a\n\nThe quick brown fox jumps over\n   the lazy dog and keeps on running far away';
    const { problems } = segment(text, [entry('a', 1)], context);
    expect(problems.map((p) => `${p.message} fix: ${p.fix}`)).toEqual([
      'lines 3-4 of the source ("The quick brown fox jumps over the lazy \u2026") belong to no passage. fix: add an entry with `lines: "3-4"` in text order.',
    ]);
  });

  test('a preview of exactly 40 characters is whole, and an indented line loses its indent', () => {
    const forty = 'abcdefghij'.repeat(4);
    const { problems } = segment(`a\n\n${forty}\n\n   b  c`, [entry('a', 1)], context);
    expect(problems.map((p) => p.message)).toEqual([
      `line 3 of the source ("${forty}") belong to no passage.`,
      'line 5 of the source ("b c") belong to no passage.',
    ]);
  });

  test('a block before the first entry is uncovered even when the entry after it fits', () => {
    const { problems } = segment('a\n\nb', [entry('b', 3)], context);
    expect(problems.map((p) => p.message)).toEqual(['line 1 of the source ("a") belong to no passage.']);
  });

  test('a span of several lines past the end says those lines', () => {
    const { problems } = segment('a\n\nb', [entry('a', 1), entry('b', 3), entry('c', '5-6')], context);
    expect(problems.map((p) => p.message)).toEqual(['passage "c" says lines 5-6, but those lines are blank or past the end of the text.']);
  });

  test('an empty source: every entry points at no block', () => {
    const { segmentation, problems } = segment('\n\n', [entry('a', 1)], context);
    expect(segmentation).toBeUndefined();
    expect(problems.map((p) => p.kind)).toEqual(['passage-misaligned']);
  });

  test('a passage keeps the level, speaker, language, direction and marks its entry gives, and has none it does not', () => {
    const marks = [{ text: 'b', style: 'emphasis' as const }];
    const { segmentation } = segment(
      'a\n\nb',
      [{ ...entry('a', 1), role: 'heading', level: 3 }, { ...entry('b', 3), speaker: 'Chorus', lang: 'el', dir: 'rtl', marks }],
      context,
    );
    const [first, second] = segmentation!.passages;
    expect(first).toMatchObject({ level: 3 });
    expect(['speaker', 'lang', 'dir', 'marks'].filter((key) => key in first!)).toEqual([]);
    expect(second).toMatchObject({ speaker: 'Chorus', lang: 'el', dir: 'rtl', marks: [{ text: 'b', style: 'emphasis' }] });
    expect('level' in second!).toBe(false);
  });
});

describe('words', () => {
  test.each([
    ['can’t stop', ['can’t', 'stop']],
    ['(co-)management', ['co', 'management']],
    ['P2P, 2014', ['P2P', '2014']],
    ['vis à vis', ['vis', 'à', 'vis']],
    ['a well-known word', ['a', 'well-known', 'word']],
    ['— … —', []],
  ])('%s', (text, expected) => expect(words(text)).toEqual(expected));
});
