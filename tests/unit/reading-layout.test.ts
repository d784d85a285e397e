import { describe, expect, test } from 'vitest';
import {
  noteHref,
  pageWithinReading,
  passageHref,
  passagePageMap,
  passagePagePath,
  readingLayout,
  sectionIndexOfAnchor,
  sectionOfFragment,
} from '../../src/lib/reading-layout.ts';
import { sectionPageProblems } from '../../src/lib/reading-pages.ts';

const sections = [
  { id: 'intro', title: 'Introduction' },
  { id: 'one', title: 'Chapter One' },
  { id: 'two', title: 'Chapter Two' },
];
const passages = [
  { id: 'title', section: 'intro' },
  { id: 'opening', section: 'intro' },
  { id: 'one-heading', section: 'one' },
  { id: 'one-a', section: 'one' },
  { id: 'two-heading', section: 'two' },
  { id: 'two-a', section: 'two' },
];

describe('which page holds a passage', () => {
  test('a reading at or under the threshold is one page: every passage on /read/<reading>/', () => {
    const layout = readingLayout('book', passages, sections, { above: 6 });
    expect(layout.sections).toEqual([]);
    expect(passageHref(layout, 'two-a')).toBe('/read/book/#p-two-a');
    expect(noteHref(layout, { id: 'n1', passage: 'two-a' })).toBe('/read/book/#note-n1');
    expect(pageWithinReading(layout, 'two-a')).toBe('');
  });

  test('a longer one is a page per section, with each section’s passage numbers', () => {
    const layout = readingLayout('book', passages, sections, { above: 5 });
    expect(layout.sections.map(({ id, title, path, first, last, firstPassage }) => [id, title, path, first, last, firstPassage])).toEqual([
      ['intro', 'Introduction', '/read/book/intro/', 1, 2, 'title'],
      ['one', 'Chapter One', '/read/book/one/', 3, 4, 'one-heading'],
      ['two', 'Chapter Two', '/read/book/two/', 5, 6, 'two-heading'],
    ]);
    expect(passagePagePath(layout, 'opening')).toBe('/read/book/intro/');
    expect(passageHref(layout, 'one-a')).toBe('/read/book/one/#p-one-a');
    expect(noteHref(layout, { id: 'n1', passage: 'two-a' })).toBe('/read/book/two/#note-n1');
    // A reading-wide question is on the contents page.
    expect(noteHref(layout, { id: 'q1' })).toBe('/read/book/#note-q1');
    expect(pageWithinReading(layout, 'one-a')).toBe('one/');
  });

  test('short sections share a page: with the sections after them, and the last with the one before', () => {
    const sizes = { a: 1, b: 3, c: 3, d: 1 };
    const many = Object.entries(sizes).flatMap(([section, n]) => Array.from({ length: n }, (_, i) => ({ id: `${section}${i + 1}`, section })));
    const titled = Object.keys(sizes).map((id) => ({ id, title: id.toUpperCase() }));
    const layout = readingLayout('book', many, titled, { above: 5, shortest: 3 });
    expect(layout.sections.map(({ id, title, path, first, last, firstPassage }) => [id, title, path, first, last, firstPassage])).toEqual([
      ['a', 'A, B', '/read/book/a/', 1, 4, 'a1'],
      ['c', 'C, D', '/read/book/c/', 5, 8, 'c1'],
    ]);
    expect(passageHref(layout, 'b3')).toBe('/read/book/a/#p-b3');
    expect(passageHref(layout, 'd1')).toBe('/read/book/c/#p-d1');
    // Every section short: the whole reading is one page after all.
    expect(readingLayout('book', many, titled, { above: 5, shortest: 8 }).sections).toEqual([]);
  });

  test('a reading of one section cannot be split, however long', () => {
    const layout = readingLayout('book', passages.map((p) => ({ ...p, section: 'intro' })), sections, { above: 1 });
    expect(layout.sections).toEqual([]);
  });
});

describe('the map that follows old permalinks', () => {
  const layout = readingLayout('book', passages, sections, { above: 5 });
  const map = passagePageMap(layout, [{ id: 'n1', passage: 'one-a' }, { id: 'q1' }]);

  test('holds each passage and passage note by its fragment id, and nothing for reading-wide notes', () => {
    expect(map).toEqual({
      sections: ['intro', 'one', 'two'],
      anchors: { 'p-title': 0, 'p-opening': 0, 'p-one-heading': 1, 'p-one-a': 1, 'p-two-heading': 2, 'p-two-a': 2, 'note-n1': 1 },
    });
  });

  test('finds the section of a passage, a note, a verse line, and a passage behind a text directive', () => {
    expect(sectionOfFragment(map, '#p-two-a')).toBe('two');
    expect(sectionOfFragment(map, '#note-n1')).toBe('one');
    expect(sectionOfFragment(map, '#p-one-a-l3')).toBe('one');
    expect(sectionOfFragment(map, '#p-opening:~:text=words')).toBe('intro');
  });

  test('gives the index of the section, for comparing where two anchors lie', () => {
    expect(sectionIndexOfAnchor(map, 'p-title')).toBe(0);
    expect(sectionIndexOfAnchor(map, 'p-two-a-l2')).toBe(2);
    expect(sectionIndexOfAnchor(map, 'note-n1')).toBe(1);
    expect(sectionIndexOfAnchor(map, 'toString')).toBeUndefined();
  });

  test('finds nothing for other fragments, inherited names or broken escapes', () => {
    expect(sectionOfFragment(map, '#note-q1')).toBeUndefined();
    expect(sectionOfFragment(map, '#cite-this-reading')).toBeUndefined();
    expect(sectionOfFragment(map, '#constructor')).toBeUndefined();
    expect(sectionOfFragment(map, '#p-%E0%A4%A')).toBeUndefined();
  });
});

describe('section ids that would share an address', () => {
  const layout = readingLayout('book', passages, [...sections.slice(0, 2), { id: 'citation', title: 'Two' }], { above: 5 });
  const renamed = passages.map((p) => (p.section === 'two' ? { ...p, section: 'citation' } : p));
  const clashing = readingLayout('book', renamed, [...sections.slice(0, 2), { id: 'citation', title: 'Two' }], { above: 5 });
  const reading = { id: 'book', metaFile: 'src/content/readings/book/reading.yaml', sections: [...sections.slice(0, 2), { id: 'citation' }] };

  test('a section named like a study page is refused, naming the file, the field and both fixes', () => {
    expect(sectionPageProblems(reading, layout, ['one'])).toEqual([
      {
        kind: 'invalid-field',
        file: 'src/content/readings/book/reading.yaml',
        field: 'sections[1].id',
        message:
          'the reading is long enough to be served one page per section, and section "one" would be published at /read/book/one/, which is the study page annotations/book/pages/one.mdx.',
        fix: 'rename the section (its `id:` and the `section:` of its passages), e.g. to "one-text", or rename the page file.',
      },
    ]);
  });

  test('a section named like another of the reading’s addresses is refused', () => {
    expect(sectionPageProblems(reading, clashing, [])).toEqual([
      {
        kind: 'invalid-field',
        file: 'src/content/readings/book/reading.yaml',
        field: 'sections[2].id',
        message:
          'the reading is long enough to be served one page per section, and section "citation" would be published at /read/book/citation/, which is another of the reading\'s addresses.',
        fix: 'rename the section (its `id:` and the `section:` of its passages), e.g. to "citation-text".',
      },
    ]);
  });

  test('a one-page reading has no section pages, so nothing clashes', () => {
    expect(sectionPageProblems(reading, readingLayout('book', passages, sections, { above: 100 }), ['one'])).toEqual([]);
  });
});
