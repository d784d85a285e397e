import { describe, expect, test, vi } from 'vitest';
import { buildEdition } from '../../src/lib/edition.ts';
import { annotationCollection, codePointIndex, codePointOffset, noteBodyText, sliceCodePoints, toEditorialAnnotation } from '../../src/lib/web-annotations.ts';

// The first citation builds the official CSL style's engine: a second or two, more on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

describe('code points', () => {
  test.each([
    ['abc', 2, 2],
    ['😀bc', 2, 1],
    ['😀bc', 3, 2],
    ['a😀😀b', 5, 3],
    ['é', 1, 1],
  ])('codePointOffset(%j, %i) = %i', (text, offset, expected) => {
    expect(codePointOffset(text, offset)).toBe(expected);
  });

  test('the index agrees with counting at every offset, surrogate pairs included', () => {
    const text = 'a😀b é😀😀\n“c”';
    const { points, atOffset } = codePointIndex(text);
    expect(points).toEqual(Array.from(text));
    for (let offset = 0; offset <= text.length; offset++) {
      expect(atOffset[offset], `offset ${offset}`).toBe(Array.from(text.slice(0, offset)).length);
    }
  });

  test('sliceCodePoints', () => {
    expect(sliceCodePoints('a😀b😀c', 1, 4)).toBe('😀b😀');
  });
});

// A source with characters outside the BMP before the annotated phrases, so UTF-16 and code points differ.
const source = 'Title 😀\n\nThe 🌍 partner state protects the commons.\n';
const passages = [
  { id: 'title', number: 1, start: 0, text: 'Title 😀' },
  { id: 'body', number: 2, start: 10, text: 'The 🌍 partner state protects the commons.' },
];
const { edition, problems } = buildEdition({
  readings: [{ id: 'r', title: 'R', passages, source }],
  notes: [
    { id: 'phrase', reading: 'r', file: 'a.mdx', data: { passage: 'body', exact: 'partner state', kind: 'gloss' }, body: 'A *state*, see <PassageRef id="title" /> and <Term id="commons" />.' },
    { id: 'whole', reading: 'r', file: 'b.mdx', data: { passage: 'title', kind: 'context' }, body: 'Cited: <Cite id="k" locator="p. 3" />.' },
    { id: 'fix', reading: 'r', file: 'c.mdx', data: { passage: 'body', exact: 'protects', kind: 'editorial', correction: 'protect' }, body: 'Sic.' },
    { id: 'q', reading: 'r', file: 'd.mdx', data: { scope: 'reading', kind: 'question' }, body: 'Why?' },
  ],
  terms: [{ id: 'commons', file: 'g.mdx', data: { term: 'commons', kind: 'concept', short: 'Shared.' }, body: '' }],
  sources: [{ item: { id: 'k', type: 'book', author: [{ family: 'Kostakis', given: 'Vasilis' }], title: 'T', issued: { 'date-parts': [[2014]] } } }],
  sourcesFile: 'sources.yaml',
});
const reading = edition.readings[0]!;
const page = 'https://example.org/read/r/';

test('the input is consistent', () => expect(problems).toEqual([]));

describe('toEditorialAnnotation', () => {
  test('a phrase: quote and code-point position in the whole source', () => {
    const annotation = toEditorialAnnotation(reading.notes.find((n) => n.id === 'phrase')!, reading, page, 'text');
    expect(annotation).toEqual({
      id: 'https://example.org/read/r/#note-phrase',
      type: 'Annotation',
      motivation: 'describing',
      body: [{ type: 'TextualBody', value: 'text', format: 'text/plain', purpose: 'describing' }],
      target: {
        source: page,
        selector: [
          { type: 'TextQuoteSelector', exact: 'partner state', prefix: 'Title 😀\n\nThe 🌍 ', suffix: ' protects the commons.\n' },
          { type: 'TextPositionSelector', start: 15, end: 28 },
        ],
      },
    });
    expect(sliceCodePoints(source, 15, 28)).toBe('partner state');
  });

  test('a whole-passage note selects the passage', () => {
    const annotation = toEditorialAnnotation(reading.notes.find((n) => n.id === 'whole')!, reading, page, 'text');
    expect(annotation.target).toMatchObject({ selector: [{ exact: 'Title 😀', prefix: '' }, { start: 0, end: 7 }] });
  });

  test('an editorial correction is a second body with purpose editing', () => {
    const annotation = toEditorialAnnotation(reading.notes.find((n) => n.id === 'fix')!, reading, page, 'Sic.');
    expect(annotation.motivation).toBe('editing');
    expect(annotation.body).toEqual([
      { type: 'TextualBody', value: 'Sic.', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'protect', format: 'text/plain', purpose: 'editing' },
    ]);
  });

  test('a reading-wide question targets the page', () => {
    expect(toEditorialAnnotation(reading.questions[0]!, reading, page, 'Why?')).toMatchObject({ motivation: 'questioning', target: page });
  });
});

describe('noteBodyText', () => {
  test.each([
    ['phrase', 'A state, see ¶1 and commons.'],
    ['whole', 'Cited: (Kostakis 2014, 3).'],
  ])('%s', (id, expected) => {
    expect(noteBodyText(reading.notes.find((n) => n.id === id)!.body, edition, reading)).toBe(expected);
  });
});

test('annotationCollection: passage notes in order, then questions', () => {
  const collection = annotationCollection(edition, reading, { pageUrl: page, collectionUrl: `${page}annotations.jsonld` });
  expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 4 });
  expect(collection.first.items.map((a) => a.id.split('#')[1])).toEqual(['note-whole', 'note-phrase', 'note-fix', 'note-q']);
});
