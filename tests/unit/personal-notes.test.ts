import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import {
  describeIssue,
  mergeNotes,
  markdownLine,
  notesToMarkdown,
  parseNotesFile,
  parseStoredNotes,
  readingIdOfSource,
  serializeStoredNotes,
  sortNotes,
  toAnnotationCollection,
  toWebAnnotation,
  uuidFromBytes,
  type NotesContext,
} from '../../src/lib/personal-notes.ts';
import { MAX_IMPORT_BYTES, type PersonalNote } from '../../src/schemas/personal-note.ts';

const id = (n: number) => `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const context: NotesContext & { title: string } = {
  readingId: 'partner-state',
  readingUrl: 'https://example.org/courses/pol-101/reader/read/partner-state/',
  passages: [
    { id: 'definition', number: 1 },
    { id: 'three-roles', number: 8 },
  ],
  title: 'The Partner State',
};
const note = (n: number, over: Partial<PersonalNote> = {}): PersonalNote => ({
  id: id(n),
  reading: 'partner-state',
  passage: 'three-roles',
  quote: { exact: 'kicking of', prefix: '  • ', suffix: ' or providing', start: 4, end: 14 },
  text: `note ${n}`,
  created: '2026-01-01T10:00:00.000Z',
  modified: '2026-01-01T10:00:00.000Z',
  ...over,
});
const exported = (notes: PersonalNote[]) => JSON.stringify(toAnnotationCollection(notes, context));

describe('Web Annotation export and import', () => {
  test('a note becomes a W3C annotation: passage fragment refined by quote and by position', () => {
    expect(toWebAnnotation(note(1), context.readingUrl)).toEqual({
      id: id(1),
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-01-01T10:00:00.000Z',
      modified: '2026-01-01T10:00:00.000Z',
      body: { type: 'TextualBody', value: 'note 1', format: 'text/plain', purpose: 'commenting' },
      target: {
        source: context.readingUrl,
        selector: [
          {
            type: 'FragmentSelector',
            conformsTo: 'http://tools.ietf.org/rfc/rfc3987',
            value: 'p-three-roles',
            refinedBy: { type: 'TextQuoteSelector', exact: 'kicking of', prefix: '  • ', suffix: ' or providing' },
          },
          {
            type: 'FragmentSelector',
            conformsTo: 'http://tools.ietf.org/rfc/rfc3987',
            value: 'p-three-roles',
            refinedBy: { type: 'TextPositionSelector', start: 4, end: 14 },
          },
        ],
      },
    });
  });

  test('a highlight has no body and a whole-passage note one fragment selector', () => {
    expect(toWebAnnotation(note(2, { text: '' }), context.readingUrl)).toMatchObject({ motivation: 'highlighting' });
    expect(toWebAnnotation(note(2, { text: '' }), context.readingUrl)).not.toHaveProperty('body');
    const whole = note(3);
    delete whole.quote;
    expect(toWebAnnotation(whole, context.readingUrl).target.selector).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3987',
      value: 'p-three-roles',
    });
  });

  test('export then import gives back the same notes, from any copy of the site', () => {
    const whole = note(3, { passage: 'definition' });
    delete whole.quote;
    const notes = [note(1), note(2, { text: '' }), whole];
    const result = parseNotesFile(exported(notes), { ...context, readingUrl: 'http://localhost:4321/read/partner-state/' });
    expect(result).toEqual({ ok: true, notes: sortNotes(notes, context.passages) });
  });

  test('the collection is a W3C AnnotationCollection with a label and total', () => {
    const collection = toAnnotationCollection([note(1)], context);
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 1, first: { type: 'AnnotationPage' } });
  });

  test('a single annotation or a bare list from another tool is accepted too', () => {
    const anno = { '@context': 'http://www.w3.org/ns/anno.jsonld', ...toWebAnnotation(note(1), context.readingUrl) };
    expect(parseNotesFile(JSON.stringify(anno), context)).toMatchObject({ ok: true, notes: [{ id: id(1) }] });
    expect(parseNotesFile(JSON.stringify([anno]), context)).toMatchObject({ ok: true, notes: [{ id: id(1) }] });
  });

  test('script in a note is kept as the plain text it is', () => {
    const text = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const result = parseNotesFile(exported([note(1, { text })]), context);
    expect(result).toMatchObject({ ok: true, notes: [{ text }] });
  });

  const withItem = (change: (item: any) => void) => {
    const collection = toAnnotationCollection([note(1), note(2)], context) as any;
    change(collection.first.items[1]);
    return JSON.stringify(collection);
  };
  test.each([
    ['not JSON', '<html>notes</html>', /not JSON/],
    ['JSON of another kind', '{"notes": []}', /not a W3C Web Annotation file/],
    ['an HTML body', withItem((i) => (i.body.format = 'text/html')), /first\.items\[1\]\.body\.format should be "text\/plain" \(only plain-text notes/],
    ['a body that is not text', withItem((i) => (i.body.value = { html: '<b>x</b>' })), /first\.items\[1\]\.body\.value should be string/],
    ['a missing target', withItem((i) => delete i.target), /first\.items\[1\]\.target is missing/],
    ['a bad id', withItem((i) => (i.id = 'javascript:alert(1)')), /first\.items\[1\]\.id is not in the expected form/],
    ['an unknown passage', withItem((i) => (i.target.selector[0].value = i.target.selector[1].value = 'p-nowhere')), /passages this reading does not have: “nowhere”/],
    ['another reading', withItem((i) => (i.target.source = 'https://example.org/read/other-text/')), /another reading \(“other-text”\)/],
    ['two passages in one note', withItem((i) => (i.target.selector[1].value = 'p-definition')), /several passages/],
    ['a repeated id', withItem((i) => (i.id = id(1))), /more than one note with the same id/],
    ['an empty collection', JSON.stringify(toAnnotationCollection([], context)), /holds no notes/],
    ['a note text over the limit', withItem((i) => (i.body.value = 'x'.repeat(10_001))), /body\.value is too long/],
  ])('refuses %s, with a message saying why', (_label, file, message) => {
    const result = parseNotesFile(file, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(message);
  });

  test('refuses an oversized file before reading it', () => {
    const result = parseNotesFile('[]', context, MAX_IMPORT_BYTES + 1);
    expect(result).toEqual({ ok: false, problems: ['The file is 1.0 MB; a notes file can be at most 1 MB.'] });
  });

  test.each([
    ['https://example.org/read/partner-state/', 'partner-state'],
    ['http://127.0.0.1:4405/courses/pol-101/reader/read/partner-state/#p-x', 'partner-state'],
    ['https://example.org/glossary/commons/', undefined],
    ['not a url at all', undefined],
  ])('readingIdOfSource(%s)', (source, expected) => {
    expect(readingIdOfSource(source)).toBe(expected);
  });
});

describe('merging an import', () => {
  const later = '2026-02-01T10:00:00.000Z';
  test.each([
    ['a new note is added', [note(1)], [note(2)], { added: 1, updated: 0, kept: 0 }, [id(1), id(2)], 'note 2'],
    ['the same note is kept once', [note(1)], [note(1)], { added: 0, updated: 0, kept: 1 }, [id(1)], 'note 1'],
    ['a newer edit in the file replaces the older one here', [note(1)], [note(1, { text: 'edited', modified: later })], { added: 0, updated: 1, kept: 0 }, [id(1)], 'edited'],
    ['an older version in the file never replaces a newer one here', [note(1, { text: 'mine', modified: later })], [note(1)], { added: 0, updated: 0, kept: 1 }, [id(1)], 'mine'],
  ])('%s', (_label, existing, incoming, counts, ids, firstText) => {
    const result = mergeNotes(existing, incoming);
    expect(result).toMatchObject(counts);
    expect(result.notes.map((n) => n.id).sort()).toEqual(ids);
    expect(result.notes.find((n) => n.id === incoming[0]!.id)!.text).toBe(firstText);
  });

  test('a note that is only here is never removed', () => {
    const mine = [note(1), note(2), note(3)];
    const result = mergeNotes(mine, [note(4)]);
    for (const n of mine) expect(result.notes).toContainEqual(n);
  });
});

describe('storage', () => {
  test('round trip', () => {
    const stored = { notes: [note(1), note(2)], unreadable: [] };
    expect(parseStoredNotes(serializeStoredNotes(stored))).toEqual(stored);
  });

  test('an entry that no longer fits the schema is set aside and written back, not lost', () => {
    const broken = { id: 'old-format', text: 'from an old version' };
    const raw = JSON.stringify({ version: 1, notes: [note(1), broken] });
    const stored = parseStoredNotes(raw);
    expect(stored.notes).toEqual([note(1)]);
    expect(stored.unreadable).toEqual([broken]);
    expect(JSON.parse(serializeStoredNotes({ ...stored, notes: [...stored.notes, note(2)] })).notes).toContainEqual(broken);
  });

  test.each([
    ['nothing', null, 0],
    ['corrupt JSON', '{"version":1,', 1],
    ['another format', '{"version":7}', 1],
  ])('%s: no notes, and what was there is kept aside', (_label, raw, unreadable) => {
    const stored = parseStoredNotes(raw);
    expect(stored.notes).toEqual([]);
    expect(stored.unreadable).toHaveLength(unreadable);
  });
});

describe('order, Markdown and ids', () => {
  test('notes sort by passage, then place in the passage (whole-passage first), then time', () => {
    const whole = note(4, { created: '2026-03-01T00:00:00.000Z' });
    delete whole.quote;
    const first = note(5, { passage: 'definition' });
    const late = note(6, { quote: { exact: 'x', prefix: '', suffix: '', start: 40, end: 41 } });
    expect(sortNotes([late, note(1), whole, first], context.passages).map((n) => n.id)).toEqual([id(5), id(4), id(1), id(6)]);
  });

  test('Markdown export: passages as headings, quotes as block quotes, note text as written', () => {
    const markdown = notesToMarkdown([note(1, { text: 'line one\nline two' }), note(2, { text: '', passage: 'definition' })], {
      ...context,
      exportedAt: '2026-05-01T12:00:00.000Z',
    });
    expect(markdown).toBe(
      [
        '# My notes on “The Partner State”',
        '',
        `From <${context.readingUrl}>, exported 2026-05-01: 2 notes.`,
        '',
        '## Passage 1',
        '',
        `<${context.readingUrl}#p-definition>`,
        '',
        '> kicking of',
        '',
        '*(highlight)*',
        '',
        '<small>Highlight, 2026-01-01</small>',
        '',
        '## Passage 8',
        '',
        `<${context.readingUrl}#p-three-roles>`,
        '',
        '> kicking of',
        '',
        'line one\nline two',
        '',
        '<small>Note, 2026-01-01</small>',
        '',
      ].join('\n'),
    );
  });

  test('uuidFromBytes makes a version 4 UUID URN', () => {
    expect(uuidFromBytes(new Uint8Array(16).fill(255))).toBe('urn:uuid:ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});

describe('Markdown export shows notes literally (notes may come from an imported file)', () => {
  test.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['![x](javascript:alert(1))', '\\!\\[x\\](javascript:alert(1))'],
    ['<javascript:alert(1)>', '&lt;javascript:alert(1)&gt;'],
    ['[a]: javascript:alert(1)', '\\[a\\]: javascript:alert(1)'],
    ['&lt;script&gt; & co', '&amp;lt;script&amp;gt; &amp; co'],
    ['*not* _emphasis_ `code` ~~gone~~ a|b \\', '\\*not\\* \\_emphasis\\_ \\`code\\` \\~\\~gone\\~\\~ a\\|b \\\\'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['12. not a list', '12\\. not a list'],
    ['    not code', '&#32;&#32;&#32;&#32;not code'],
    ['plain words, e.g. these (kept as written).', 'plain words, e.g. these (kept as written).'],
  ])('%s', (text, markdown) => {
    expect(markdownLine(text)).toBe(markdown);
  });

  const HOSTILE = [
    '<img src=x onerror=alert(1)>',
    '[click me](javascript:alert(1)) and ![](javascript:alert(2))',
    '<script>alert(3)</script>',
    '<javascript:alert(4)>',
    '[ref]',
    '',
    '[ref]: javascript:alert(5)',
    '<a href="javascript:alert(6)">link</a>',
  ].join('\n');

  test('a hostile note and quote, rendered by a Markdown processor that passes HTML through: no element, no link, the text as written', () => {
    const markdown = notesToMarkdown([note(1, { text: HOSTILE, quote: { exact: '<b onclick=alert(7)>x</b> [y](javascript:alert(8))', prefix: '', suffix: '' } })], {
      ...context,
      exportedAt: '2026-05-01T12:00:00.000Z',
    });
    const { html } = markdownToHtml(markdown);
    expect(html).not.toMatch(/<(?:img|script|b)\b/);
    // The only links are the export's own, to the reading.
    expect([...html.matchAll(/<a\b[^>]*>/g)].map(([tag]) => tag)).toEqual([
      `<a href="${context.readingUrl}">`,
      `<a href="${context.readingUrl}#p-three-roles">`,
    ]);
    // Every line of the note shows as written (entities decoded as a browser would).
    const text = html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    for (const line of HOSTILE.split('\n').filter(Boolean)) expect(text).toContain(line);
    expect(text).toContain('<b onclick=alert(7)>x</b> [y](javascript:alert(8))');
  });
});

describe('the edges of export, import and merge', () => {
  const whole = (n: number, over: Partial<PersonalNote> = {}) => {
    const made = note(n, over);
    delete made.quote;
    return made;
  };

  test('uuidFromBytes reads only the first 16 bytes and writes each as two hex digits', () => {
    const bytes = Uint8Array.from({ length: 17 }, (_, i) => i);
    expect(uuidFromBytes(bytes)).toBe('urn:uuid:00010203-0405-4607-8809-0a0b0c0d0e0f');
  });

  test('stored text that is not JSON is kept aside as the text it was', () => {
    expect(parseStoredNotes('not json')).toEqual({ notes: [], unreadable: ['not json'] });
  });

  test('a whole-passage note sorts before a quote at the passage\u2019s first character, and unknown passages last', () => {
    const atStart = note(1, { quote: { exact: 'x', prefix: '', suffix: '', start: 0, end: 1 }, created: '2026-01-01T00:00:00.000Z' });
    const passageWide = whole(2, { created: '2026-06-01T00:00:00.000Z' });
    const gone = note(3, { passage: 'gone' });
    const first = note(4, { passage: 'definition' });
    expect(sortNotes([atStart, passageWide, gone, first], context.passages).map((n) => n.id)).toEqual([id(4), id(2), id(1), id(3)]);
    expect(sortNotes([gone, passageWide, first, atStart], context.passages).map((n) => n.id)).toEqual([id(4), id(2), id(1), id(3)]);
  });

  test('a quote without a position is exported with the quote selector alone', () => {
    const noPosition = note(1, { quote: { exact: 'kicking of', prefix: '', suffix: '' } });
    const selector = toWebAnnotation(noPosition, context.readingUrl).target.selector;
    expect(selector).toEqual([
      {
        type: 'FragmentSelector',
        conformsTo: 'http://tools.ietf.org/rfc/rfc3987',
        value: 'p-three-roles',
        refinedBy: { type: 'TextQuoteSelector', exact: 'kicking of', prefix: '', suffix: '' },
      },
    ]);
  });

  test('Markdown: one note is "1 note"; two notes on one passage share its heading; a quote of several lines, blank ones included; a passage not in the reading by its id', () => {
    const markdown = (notes: PersonalNote[]) => notesToMarkdown(notes, { ...context, exportedAt: '2026-05-01T12:00:00.000Z' });
    expect(markdown([whole(1)]).split('\n').slice(0, 3)).toEqual(['# My notes on “The Partner State”', '', `From <${context.readingUrl}>, exported 2026-05-01: 1 note.`]);
    const text = markdown([
      note(1, { quote: { exact: 'one\n\n\ttwo', prefix: '', suffix: '', start: 0, end: 8 } }),
      whole(2),
      whole(3, { passage: 'gone' }),
    ]);
    expect(text.split('\n').slice(4)).toEqual([
      '## Passage 8',
      '',
      `<${context.readingUrl}#p-three-roles>`,
      '',
      'note 2',
      '',
      '<small>Note, 2026-01-01</small>',
      '',
      '> one',
      '>',
      '> &#9;two',
      '',
      'note 1',
      '',
      '<small>Note, 2026-01-01</small>',
      '',
      '## Passage “gone”',
      '',
      `<${context.readingUrl}#p-gone>`,
      '',
      'note 3',
      '',
      '<small>Note, 2026-01-01</small>',
      '',
    ]);
  });

  test.each([
    ['https://example.org/read/the-partner-state/', 'the-partner-state'],
    ['https://example.org/read/partner-state', 'partner-state'],
    ['https://example.org/read/partner-state/extra/', undefined],
  ])('readingIdOfSource(%s)', (source, expected) => {
    expect(readingIdOfSource(source)).toBe(expected);
  });

  test.each([
    [{ code: 'too_small', minimum: 1, origin: 'string', path: ['first', 'items', 0, 'id'], message: '', input: '' }, 'first.items[0].id is too short (at least 1).'],
    [{ code: 'too_big', maximum: 3, origin: 'string', path: ['body', 'value'], message: '', input: 'abcd' }, 'body.value is too long (at most 3).'],
    [{ code: 'invalid_value', values: ['a', 'b'], path: ['type'], message: '', input: 'c' }, 'type should be "a" or "b".'],
    [{ code: 'invalid_format', format: 'datetime', path: ['created'], message: '', input: 'x' }, 'created is not a valid datetime.'],
    [{ code: 'invalid_union', errors: [], path: ['target'], message: '', input: 1 }, 'target has an unexpected shape.'],
    [{ code: 'invalid_type', expected: 'string', path: ['body', 'format'], message: '', input: 1 }, 'body.format should be string (only plain-text notes can be imported, never HTML).'],
    [{ code: 'custom', path: [], message: '', input: 1 }, 'the file is not valid.'],
    [{ code: 'custom', path: [], message: 'needs a passage', input: 1 }, 'the file needs a passage.'],
  ])('describeIssue %#: %s', (issue, expected) => {
    expect(describeIssue(issue as Parameters<typeof describeIssue>[0])).toBe(expected);
  });

  test('a file of exactly the size limit is read; null is no notes file', () => {
    expect(parseNotesFile('[]', context, MAX_IMPORT_BYTES)).toEqual({ ok: false, problems: ['The file holds no notes.'] });
    expect(parseNotesFile('null', context)).toEqual({
      ok: false,
      problems: ['The file is not a W3C Web Annotation file: expected "type": "AnnotationCollection" (as this site exports) or "Annotation".'],
    });
  });

  test('five schema problems are listed; past five, how many more', () => {
    const badIds = (count: number) => {
      const collection = toAnnotationCollection(Array.from({ length: count }, (_, i) => note(i + 1)), context) as any;
      for (const item of collection.first.items) item.id = 'bad';
      return JSON.stringify(collection);
    };
    const listed = [0, 1, 2, 3, 4].map((i) => `first.items[${i}].id is not in the expected form.`);
    expect(parseNotesFile(badIds(5), context)).toEqual({ ok: false, problems: listed });
    expect(parseNotesFile(badIds(7), context)).toEqual({ ok: false, problems: [...listed, '… and 2 more problems.'] });
  });

  test('five unknown passages are named; past five, how many more', () => {
    const passages = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const file = exported(passages.map((passage, i) => whole(i + 1, { passage })));
    expect(parseNotesFile(file, context)).toEqual({
      ok: false,
      problems: ['Some notes point to passages this reading does not have: “a”, “b”, “c”, “d”, “e” and 2 more.'],
    });
  });

  test('import: a missing prefix and suffix are empty, a backwards position is dropped, an empty one kept, a missing modified date is the created one', () => {
    const collection = toAnnotationCollection([note(1), note(2)], context) as any;
    const [first, second] = collection.first.items;
    delete first.target.selector[0].refinedBy.prefix;
    delete first.target.selector[0].refinedBy.suffix;
    first.target.selector[1].refinedBy = { type: 'TextPositionSelector', start: 14, end: 4 };
    second.target.selector[1].refinedBy = { type: 'TextPositionSelector', start: 4, end: 4 };
    delete second.modified;
    const result = parseNotesFile(JSON.stringify(collection), context);
    expect(result).toMatchObject({ ok: true });
    const [one, two] = (result as { notes: PersonalNote[] }).notes;
    expect(one!.quote).toEqual({ exact: 'kicking of', prefix: '', suffix: '' });
    expect(two!.quote).toEqual({ exact: 'kicking of', prefix: '  • ', suffix: ' or providing', start: 4, end: 4 });
    expect(two!.modified).toBe(two!.created);
  });

  const later = '2026-02-01T10:00:00.000Z';
  test.each([
    ['the same content edited later is kept, not counted as updated', note(1), note(1, { modified: later }), 'kept'],
    ['two versions of a whole-passage note with the same content', whole(1), whole(1, { modified: later }), 'kept'],
    ['other content with the same date is kept', note(1), note(1, { text: 'other' }), 'kept'],
    ['another passage, edited later, updates', note(1), note(1, { passage: 'definition', modified: later }), 'updated'],
    ['another quote, edited later, updates', note(1), note(1, { quote: { exact: 'other', prefix: '', suffix: '', start: 4, end: 9 }, modified: later }), 'updated'],
    ['the same quote at another place, edited later, updates', note(1), note(1, { quote: { ...note(1).quote!, start: 40, end: 50 }, modified: later }), 'updated'],
  ] as const)('merge: %s', (_label, here, incoming, outcome) => {
    const result = mergeNotes([here], [incoming]);
    expect({ kept: result.kept, updated: result.updated, added: result.added }).toEqual({ kept: outcome === 'kept' ? 1 : 0, updated: outcome === 'updated' ? 1 : 0, added: 0 });
  });
});
