import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findUnsafe, parseFragment } from '../../src/lib/sanitize.ts';
import {
  anchorLayerAnnotation,
  layerCollection,
  orphanWarnings,
  parseLayerFile,
  renderLayerMarkdown,
  resolveLayer,
  type LayerAnnotation,
  type LayerReading,
} from '../../src/lib/layers.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const SOURCE = readFileSync(path.join(FIXTURES, 'base/src/content/readings/sample/source.txt'), 'utf8');
const BLOCKS = ['title', 'definition', 'needs', 'reference'];
/** The sample reading's passages, found as its blank-line blocks (what its reading.yaml maps). */
const READING: LayerReading = {
  id: 'sample',
  source: SOURCE,
  passages: SOURCE.replace(/\n$/, '')
    .split(/\n\n/)
    .map((text, i) => ({ id: BLOCKS[i]!, number: i + 1, text, start: SOURCE.indexOf(text) })),
};
const HYPOTHESIS = 'annotations/sample/layers/seminar/group-export.json';
const MY_NOTES = 'annotations/sample/layers/my-notes/maria.jsonld';
const hypothesis = () => parseLayerFile(HYPOTHESIS, readFileSync(path.join(FIXTURES, 'layers/seminar/group-export.json'), 'utf8'));
const myNotes = () => parseLayerFile(MY_NOTES, readFileSync(path.join(FIXTURES, 'layers/my-notes/maria.jsonld'), 'utf8'), { authors: { 'maria.jsonld': 'Maria O.' } });
const meta = { title: 'Seminar discussion', attribution: 'The seminar', shown: true, consent: 'Agreed, CC BY 4.0.' };

describe('reading a Hypothesis export', () => {
  test('each annotation with its author, date, tags, quote, position and parent', () => {
    const { annotations, problems } = hypothesis();
    expect(problems).toEqual([]);
    expect(annotations.map((a) => a.id)).toEqual(['Zk3qv2mIEe-9aLrB1cQ0nA', 'b7Yw2mIFEe-kkQ9oVZ3xUw', 'c1Pq3mIGEe-Tt5hZ0kP2Lg', 'dX0m4mIHEe-Rr2cW8nB7Ja', 'e9Nn5mIIEe-Uu3dX1mC8Kb', 'f4Hh6mIJEe-Vv4eY2lD9Lc', 'g2Kk7mIKEe-Ww5fZ3mE0Md']);
    const [first, reply, , hinted] = annotations;
    expect(first).toMatchObject({
      author: 'Amara N.',
      created: '2027-01-20T09:00:00.000000+00:00',
      tags: ['question', 'week 2'],
      quote: { exact: 'protects the commons', prefix: 'The partner state ', suffix: '. The commons are' },
      position: { start: 1203, end: 1223 },
      parent: undefined,
      format: 'hypothesis',
    });
    expect(first!.html).toBe('<p>Who decides what counts as <strong>the commons</strong> here?</p>');
    // No display name: the account's user name.
    expect(reply).toMatchObject({ author: 'jo_k', parent: 'Zk3qv2mIEe-9aLrB1cQ0nA', quote: undefined });
    expect(hinted).toMatchObject({ quote: { exact: 'the commons' }, position: { start: 136, end: 147 } });
  });

  test('a hostile body is text: no script, no javascript: link, nothing loaded from elsewhere', () => {
    const hostile = hypothesis().annotations.find((a) => a.id === 'f4Hh6mIJEe-Vv4eY2lD9Lc')!;
    expect(hostile.author).toBe('<b>Mallory</b>');
    expect(hostile.html).toBe(
      // The address is a plain link (links may leave the site); nothing is loaded from it.
      '<p>Look: &lt;script>alert(1)&lt;/script> here &lt;img src=<a href="http://evil.example/x.png">http://evil.example/x.png</a> onerror=alert(2)> [tracker]</p>',
    );
  });

  test('Markdown: links to the web stay, raw HTML blocks are text, headings do not break the outline', () => {
    expect(renderLayerMarkdown('# Big\n\n<div onclick="x()">hi</div>\n\n[a](https://example.org/) [b](data:text/html,x)')).toBe(
      '<p><strong>Big</strong></p>\n<p>&lt;div onclick="x()">hi&lt;/div></p>\n<p><a href="https://example.org/">a</a> b</p>',
    );
  });
});

test('property: whatever Markdown an annotator writes, the HTML is within the allowlist, loads nothing and links only where it may', () => {
  const pieces = fc.constantFrom(
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '![i](http://evil.example/i.png)', '[a](javascript:alert(1))',
    '[b](JaVaScRiPt&#58;x)', '[c](data:text/html,x)', '<a href="https://example.org">x</a>', '<iframe src=//evil.example>', '<style>*{}</style>',
    '<svg onload=alert(1)>', '# heading', '**bold**', '`code`', '> quote', '\n\n', '\n- item', ' ', '<', '>', '"', '&', '[', ']', '(', ')',
  );
  fc.assert(
    fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 12 }), (parts) => {
      const tree = parseFragment(renderLayerMarkdown(parts.join('')));
      expect(findUnsafe(tree)).toEqual([]);
      const elements: { tagName: string; properties: Record<string, unknown> }[] = [];
      const visit = (node: { type: string; children?: unknown[] }) => {
        if (node.type === 'element') elements.push(node as never);
        for (const child of node.children ?? []) visit(child as never);
      };
      visit(tree as never);
      expect(elements.filter((e) => e.tagName === 'img' || /^h[1-6]$/.test(e.tagName))).toEqual([]);
      expect(elements.filter((e) => e.tagName === 'a' && !e.properties['href'])).toEqual([]);
    }),
    { numRuns: 300 },
  );
});

describe('reading a "My notes" export', () => {
  test('notes with their passage, quote and position; the author from layer.yaml', () => {
    const { annotations, problems } = myNotes();
    expect(problems).toEqual([]);
    expect(annotations).toHaveLength(3);
    expect(annotations[0]).toMatchObject({
      id: 'urn:uuid:6f1c2b9e-3d4a-4f5b-8c7d-1e2f3a4b5c6d',
      author: 'Maria O.',
      passage: 'definition',
      quote: { exact: 'The commons are shared' },
      position: { start: 40, end: 62 },
      format: 'web-annotation',
    });
    // Plain text stays plain: the tags are shown, not applied.
    expect(annotations[0]!.html).toBe('<p>Shared by whom? &lt;em&gt;Nobody says.&lt;/em&gt;</p>');
    expect(annotations[1]).toMatchObject({ text: '', passage: 'reference', quote: { exact: 'Kostakis and Bauwens' } });
  });

  test('without layer.yaml authors, the annotations are by "A reader"', () => {
    const { annotations } = parseLayerFile(MY_NOTES, readFileSync(path.join(FIXTURES, 'layers/my-notes/maria.jsonld'), 'utf8'));
    expect(annotations[0]!.author).toBe('A reader');
  });
});

describe('problems in a layer file', () => {
  test.each([
    ['not JSON', '{"annotations": [', [{ kind: 'invalid-annotation-file', message: /^the file is not valid JSON: / }]],
    ['another kind of JSON', '[1, 2]', [{ kind: 'invalid-annotation-file', message: 'this is neither a Hypothesis export (an object with "annotations") nor a W3C Web Annotation collection ("type": "AnnotationCollection").' }]],
    [
      'a Hypothesis annotation with a bad date',
      JSON.stringify({ export_date: '2027-02-03T10:15:00.000Z', annotations: [{ id: 'abc', created: 'yesterday', user: 'acct:a@hypothes.is' }] }),
      [{ kind: 'invalid-field', field: 'annotations[0].created', message: 'Invalid ISO datetime.', fix: 'export the annotations again from Hypothesis (its Export, JSON format), or correct this field.' }],
    ],
    [
      'a note naming no passage',
      JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [{ id: 'urn:uuid:6f1c2b9e-3d4a-4f5b-8c7d-1e2f3a4b5c6d', type: 'Annotation', created: '2027-01-25T10:00:00.000Z', target: { source: 'x', selector: { type: 'FragmentSelector', value: 'nowhere' } } }] } }),
      [{ kind: 'invalid-field', field: 'first.items[0].target.selector.value', message: 'a passage fragment is "p-" and the passage id.', fix: 'export the notes again from the reading page (My notes, then Export as JSON-LD), or correct this field.' }],
    ],
  ])('%s', (_, text, expected) => {
    const { annotations, problems } = parseLayerFile('annotations/sample/layers/x/file.json', text);
    expect(annotations).toEqual([]);
    expect(problems).toMatchObject(expected.map((p) => ({ file: 'annotations/sample/layers/x/file.json', ...p, message: p.message ?? expect.any(String) })));
  });
});

describe('anchoring', () => {
  const annotation = (fields: Partial<LayerAnnotation>): LayerAnnotation => ({ id: 'x', file: 'f.json', format: 'hypothesis', author: 'A', created: '2027-01-01T00:00:00Z', text: '', html: '', tags: [], ...fields });

  test('the quote first: a position far off (the page had menus) does not move it', () => {
    expect(anchorLayerAnnotation(READING, annotation({ quote: { exact: 'protects the commons', prefix: 'The partner state ' }, position: { start: 1203, end: 1223 } }))).toEqual({
      placed: true,
      passage: 'definition',
      number: 2,
      range: { start: 18, end: 38 },
      how: 'quote',
    });
  });

  test('the position breaks the tie between two places of the same words', () => {
    const second = SOURCE.indexOf('the commons', SOURCE.indexOf('needs'));
    const near = (start: number) => anchorLayerAnnotation(READING, annotation({ quote: { exact: 'the commons' }, position: { start, end: start + 11 } }));
    expect(near(second)).toMatchObject({ placed: true, passage: 'needs', range: { start: 28, end: 39 } });
    expect(near(20)).toMatchObject({ placed: true, passage: 'definition', range: { start: 27, end: 38 } });
  });

  test('context beats position: the prefix picks the place even when the position points elsewhere', () => {
    expect(anchorLayerAnnotation(READING, annotation({ quote: { exact: 'the commons', prefix: 'needs ' }, position: { start: 0, end: 11 } }))).toMatchObject({ passage: 'needs' });
  });

  test('a re-spaced quote still anchors; words that are gone do not', () => {
    expect(anchorLayerAnnotation(READING, annotation({ quote: { exact: 'protects  the\ncommons' } }))).toMatchObject({ placed: true, how: 'whitespace', range: { start: 18, end: 38 } });
    expect(anchorLayerAnnotation(READING, annotation({ quote: { exact: 'the market state withers' } }))).toEqual({ placed: false, reason: '\u201Cthe market state withers\u201D is not in the text' });
    expect(anchorLayerAnnotation(READING, annotation({}))).toEqual({ placed: false, reason: 'it quotes no text (no TextQuoteSelector)' });
  });

  test("an annotation made on another reading's page is an orphan saying so, even where its words occur here", () => {
    const elsewhere = annotation({ quote: { exact: 'the commons' }, page: 'https://reader.example.org/courses/pol-101/read/other-reading/' });
    expect(anchorLayerAnnotation(READING, elsewhere)).toEqual({ placed: false, reason: "it was made on another reading's page (https://reader.example.org/courses/pol-101/read/other-reading/)" });
    expect(anchorLayerAnnotation(READING, { ...elsewhere, page: 'https://reader.example.org/read/sample/' })).toMatchObject({ placed: true });
  });

  test('a My-notes annotation anchors in its passage; a missing passage makes an orphan', () => {
    expect(anchorLayerAnnotation(READING, annotation({ passage: 'definition', quote: { exact: 'The commons are shared' }, position: { start: 40, end: 62 } }))).toMatchObject({ placed: true, how: 'position', range: { start: 40, end: 62 } });
    expect(anchorLayerAnnotation(READING, annotation({ passage: 'reference' }))).toEqual({ placed: true, passage: 'reference', number: 4, how: 'passage' });
    expect(anchorLayerAnnotation(READING, annotation({ passage: 'earlier-paragraph' }))).toEqual({ placed: false, reason: 'passage \u201Cearlier-paragraph\u201D is not in this reading' });
  });
});

describe('threads', () => {
  const layer = () => resolveLayer(READING, 'seminar', meta, hypothesis().annotations);

  test('replies under the annotation they answer, at their depth, in date order; threads in reading order', () => {
    const { threads } = layer();
    expect(threads.map((t) => [t.root.id, t.anchoring.placed && t.anchoring.passage])).toEqual([
      ['Zk3qv2mIEe-9aLrB1cQ0nA', 'definition'],
      ['f4Hh6mIJEe-Vv4eY2lD9Lc', 'definition'],
      ['dX0m4mIHEe-Rr2cW8nB7Ja', 'needs'],
    ]);
    expect(threads[0]!.replies.map((r) => [r.id, r.depth])).toEqual([
      ['b7Yw2mIFEe-kkQ9oVZ3xUw', 1],
      ['c1Pq3mIGEe-Tt5hZ0kP2Lg', 2],
    ]);
  });

  test('a page note (no quote, no position) is a note on the whole reading, neither placed nor an orphan', () => {
    const resolved = layer();
    expect(resolved.pageNotes.map((t) => [t.root.id, t.root.text])).toEqual([['g2Kk7mIKEe-Ww5fZ3mE0Md', 'Page note for Tuesday: which passage did you find hardest, and why?']]);
    expect(resolved.orphans.map((t) => t.root.id)).not.toContain('g2Kk7mIKEe-Ww5fZ3mE0Md');
    // Made on another reading's page, it is that page's note: an orphan here.
    const elsewhere = { ...resolved.pageNotes[0]!.root, page: 'https://reader.example.org/read/other/' };
    expect(resolveLayer(READING, 'x', meta, [elsewhere]).orphans.map((t) => t.root.id)).toEqual(['g2Kk7mIKEe-Ww5fZ3mE0Md']);
  });

  test('orphans are kept and warned about with file, id and quote', () => {
    const resolved = layer();
    expect(resolved.orphans.map((t) => t.root.id)).toEqual(['e9Nn5mIIEe-Uu3dX1mC8Kb']);
    expect(orphanWarnings(resolved)).toEqual([
      `${HYPOTHESIS}: annotation e9Nn5mIIEe-Uu3dX1mC8Kb \u201Cthe market state withers\u201D does not anchor (\u201Cthe market state withers\u201D is not in the text); it is listed on the layer's page.`,
    ]);
  });

  test('a reply whose thread is missing is an orphan; the same annotation in two exports is kept once, its latest version', () => {
    const [root, reply] = hypothesis().annotations;
    const older = { ...root!, text: 'old', updated: '2027-01-01T00:00:00Z' };
    const resolved = resolveLayer(READING, 'x', meta, [older, root!, { ...reply!, id: 'lonely', parent: 'gone' }]);
    expect(resolved.threads.map((t) => t.root.text)).toEqual([root!.text]);
    expect(resolved.orphans.map((t) => [t.root.id, !t.anchoring.placed && t.anchoring.reason])).toEqual([['lonely', 'it replies to annotation \u201Cgone\u201D, which is not in this layer']]);
  });
});

describe('export as W3C Web Annotation', () => {
  const collection = () =>
    layerCollection(READING, resolveLayer(READING, 'seminar', meta, hypothesis().annotations), {
      readingUrl: 'https://example.org/read/sample/',
      collectionUrl: 'https://example.org/read/sample/layers/seminar.jsonld',
    });

  test('an AnnotationCollection of every annotation, orphans and replies included', () => {
    const c = collection();
    expect(c).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', label: 'Seminar discussion', total: 7 });
    expect(c.first.items).toHaveLength(7);
  });

  test('a placed annotation targets its passage and phrase, with its author, tags and Markdown body', () => {
    expect(collection().first.items[0]).toEqual({
      id: 'https://hypothes.is/a/Zk3qv2mIEe-9aLrB1cQ0nA',
      type: 'Annotation',
      created: '2027-01-20T09:00:00.000000+00:00',
      modified: '2027-01-20T09:00:00.000000+00:00',
      creator: { type: 'Person', name: 'Amara N.' },
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: 'Who decides what counts as **the commons** here?', format: 'text/markdown', purpose: 'commenting' },
        { type: 'TextualBody', value: 'question', purpose: 'tagging' },
        { type: 'TextualBody', value: 'week 2', purpose: 'tagging' },
      ],
      target: {
        source: 'https://example.org/read/sample/',
        selector: [
          { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3987', value: 'p-definition', refinedBy: { type: 'TextQuoteSelector', exact: 'protects the commons', prefix: 'The partner state ', suffix: '. The commons are shared; the st' } },
          { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3987', value: 'p-definition', refinedBy: { type: 'TextPositionSelector', start: 18, end: 38 } },
        ],
      },
    });
  });

  test('a reply targets the annotation it answers, motivation replying', () => {
    const items = collection().first.items as { id: string; motivation: string; target: unknown }[];
    expect(items[2]).toMatchObject({ id: 'https://hypothes.is/a/c1Pq3mIGEe-Tt5hZ0kP2Lg', motivation: 'replying', target: 'https://hypothes.is/a/b7Yw2mIFEe-kkQ9oVZ3xUw' });
    expect(items.find((i) => i.id === 'https://hypothes.is/a/g2Kk7mIKEe-Ww5fZ3mE0Md')).toMatchObject({ motivation: 'commenting', target: 'https://example.org/read/sample/' });
    expect(items.at(-1)).toMatchObject({ id: 'https://hypothes.is/a/e9Nn5mIIEe-Uu3dX1mC8Kb', target: { source: 'https://example.org/read/sample/', selector: { type: 'TextQuoteSelector', exact: 'the market state withers' } } });
  });
});
