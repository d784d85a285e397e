/**
 * The textual apparatus (`kind: apparatus`) in each place notes go: the schema, the Web Annotation
 * export, the search records read from the reader's HTML, the EPUB and the names notes are linked by.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { epubFiles, type Book } from '../../src/lib/epub/book.ts';
import { xmlWellFormednessErrors } from '../../src/lib/epub/check.ts';
import { buildEdition } from '../../src/lib/edition.ts';
import { noteName } from '../../src/lib/note-kinds.ts';
import { zodProblems } from '../../src/lib/schema-problems.ts';
import { extractSearchRecords } from '../../src/lib/search-records.ts';
import { recordTitle } from '../../src/lib/search.ts';
import { usesByReading } from '../../src/lib/usage.ts';
import { annotationCollection } from '../../src/lib/web-annotations.ts';
import { AnnotationSchema } from '../../src/schemas/annotation.ts';

describe('the schema', () => {
  test('`kind: apparatus` is a note kind', () => {
    expect(AnnotationSchema.safeParse({ passage: 'p', exact: 'x', kind: 'apparatus', correction: 'y' }).success).toBe(true);
  });

  test('a misspelt kind is refused at its line, with every kind in the fix', () => {
    const result = AnnotationSchema.safeParse({ passage: 'p', kind: 'aparatus' });
    expect(result.success).toBe(false);
    const [problem] = zodProblems(result.error!, 'annotations/r/n.mdx', () => 3);
    expect(problem).toMatchObject({ kind: 'invalid-field', line: 3, field: 'kind' });
    expect(problem!.fix).toBe('use one of: "context", "gloss", "editorial", "question", "cross-reference", "apparatus".');
  });
});

describe('names', () => {
  test.each([
    [{ kind: 'apparatus', number: 3 }, 'Textual note 3'],
    [{ kind: 'editorial', number: 3 }, 'Note 3'],
    [{ kind: 'question', scope: 'reading' as const, number: 2 }, 'Question 2'],
  ])('%j is linked as "%s"', (note, name) => expect(noteName(note)).toBe(name));

  test('a search result for an apparatus entry is titled like its mark', () => {
    expect(recordTitle('annotation', 'R', { number: '3', passage: '14' }, 'apparatus')).toBe('Textual note 3 on ¶14');
  });
});

const source = 'Ronfeld wrote this.\n\nIt ends';
// Built before each test, not once as the file loads: mutation testing switches a mutant on only
// while the tests run, so what is computed at load time would never see one.
const build = () => buildEdition({
  readings: [{ id: 'r', title: 'R', passages: [{ id: 'a', number: 1, start: 0, text: 'Ronfeld wrote this.' }, { id: 'b', number: 2, start: 21, text: 'It ends' }], source }],
  notes: [
    { id: 'typo', reading: 'r', file: 'a.mdx', data: { passage: 'a', exact: 'Ronfeld', kind: 'apparatus', correction: 'Ronfeldt' }, body: 'Misspelt.' },
    { id: 'eol', reading: 'r', file: 'b.mdx', data: { passage: 'b', kind: 'apparatus' }, body: 'No final line break.' },
    { id: 'who', reading: 'r', file: 'c.mdx', data: { passage: 'a', exact: 'wrote', kind: 'context' }, body: 'A blog post.' },
  ],
  terms: [],
  sources: [],
  sourcesFile: 'sources.yaml',
});

describe('the Web Annotation export', () => {
  const page = 'https://example.org/read/r/';
  const exported = () => {
    const { edition } = build();
    return annotationCollection(edition, edition.readings[0]!, { pageUrl: page, collectionUrl: `${page}annotations.jsonld` });
  };

  test('the input is consistent', () => expect(build().problems).toEqual([]));

  test('apparatus entries are exported after the margin notes, as `editing`, with the correction and a tag', () => {
    const collection = exported();
    expect(collection.total).toBe(3);
    expect(collection.first.items.map((a) => a.id.split('#')[1])).toEqual(['note-who', 'note-typo', 'note-eol']);
    const typo = collection.first.items[1]!;
    expect(typo.motivation).toBe('editing');
    expect(typo.body).toEqual([
      { type: 'TextualBody', value: 'Misspelt.', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'Ronfeldt', format: 'text/plain', purpose: 'editing' },
      { type: 'TextualBody', value: 'textual apparatus', format: 'text/plain', purpose: 'tagging' },
    ]);
    expect(typo.target).toMatchObject({ selector: [{ type: 'TextQuoteSelector', exact: 'Ronfeld' }, { type: 'TextPositionSelector', start: 0, end: 7 }] });
  });
});

describe('usage lists', () => {
  test('a source cited only by an apparatus entry lists it, with its passage', () => {
    const { edition: cited } = buildEdition({
      readings: [{ id: 'r', title: 'R', passages: [{ id: 'a', number: 1, start: 0, text: 'Ronfeld wrote this.' }], source: 'Ronfeld wrote this.' }],
      notes: [{ id: 'typo', reading: 'r', file: 'a.mdx', data: { passage: 'a', exact: 'Ronfeld', kind: 'apparatus', sources: ['k'] }, body: 'Misspelt.' }],
      terms: [],
      sources: [{ item: { id: 'k', type: 'book', title: 'K' } }],
      sourcesFile: 'sources.yaml',
    });
    const [group] = usesByReading(cited, cited.sourceUsage.get('k' as never)!);
    expect(group!.notes.map((n) => [n.note, n.kind, n.number, n.passageNumber])).toEqual([['typo', 'apparatus', 1, 1]]);
  });
});

describe('search records', () => {
  // The reader's markup, as the page renders it (TextualApparatus.astro, annotatePassageHtml).
  const html = `<!doctype html><html lang="en"><body><article data-reading="r"><h1>R</h1>
    <section data-section-title="Main">
      <div class="passage" id="p-a"><a class="passage-number" href="#p-a"><span>Passage </span>1</a>
        <p class="passage-text">Ronfeld<a class="app-ref" href="#note-typo" id="ref-typo" aria-label="Textual note 1"></a> wrote this.</p>
      </div>
    </section>
    <section class="apparatus"><h2>Textual apparatus</h2><table><tbody>
      <tr class="note" id="note-typo"><th scope="row" class="note-head"><a href="#ref-typo"><span>Textual note </span>1<span>, back to the text</span></a></th>
        <td data-pagefind-ignore><a href="#p-a">¶1</a></td><td><q>Ronfeld</q></td><td><p class="note-correction"><ins>Ronfeldt</ins></p><p>Misspelt.</p></td></tr>
    </tbody></table></section>
  </article></body></html>`;
  let records: ReturnType<typeof extractSearchRecords>['records'];
  beforeEach(() => {
    ({ records } = extractSearchRecords(html, 'read/r/index.html'));
  });

  test('the passage keeps its verbatim words, without the mark', () => {
    expect(records[0]).toMatchObject({ url: '/read/r/#p-a', content: 'Ronfeld wrote this.' });
  });

  test('an apparatus entry is a record of its own: the reading as printed, the correction and the remark, filed under its passage', () => {
    expect(records[1]).toEqual({
      url: '/read/r/#note-typo',
      content: 'Ronfeld Ronfeldt Misspelt.',
      // Indexed in the language most of its letters carry (src/lib/search-languages.ts).
      language: 'en',
      meta: { number: '1', passage: '1' },
      filters: { kind: ['annotation'], reading: ['R'], section: ['Main'], noteKind: ['apparatus'] },
    });
  });
});

describe('the EPUB', () => {
  const book: Book = {
    identifier: 'https://example.org/read/r/',
    title: 'R',
    language: 'en',
    attribution: 'Someone',
    description: 'A test.',
    siteName: 'Annotated Reader',
    url: 'https://example.org/read/r/',
    modified: new Date(Date.UTC(2026, 0, 2)),
    licence: { name: 'CC BY-SA 3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/' },
    origin: { url: 'https://example.org/origin', title: 'Origin', site: 'A wiki' },
    sections: [{ id: 's', title: 'Section' }],
    passages: [{ id: 'a', number: 1, role: 'paragraph', section: 's', text: 'Ronfeld wrote this.' }],
    notes: [{ id: 'who', number: 1, passage: 'a', end: 13, kindLabel: 'Context', body: '<p>A blog post.</p>' }],
    apparatus: [{ id: 'typo', number: 1, passage: 'a', end: 7, kindLabel: 'Apparatus', body: '<p>Misspelt.</p>', exact: 'Ronfeld', correction: 'Ronfeldt' }],
    questions: [],
    terms: [],
    sources: [],
  };
  let files: ReturnType<typeof epubFiles>;
  let text: string;
  beforeEach(() => {
    files = epubFiles(book);
    text = files['OEBPS/text.xhtml']!;
  });

  test('a small mark in the text links to its row in a table after the text, and the row links back', () => {
    expect(text).toContain('Ronfeld<a class="appref" href="#note-typo" id="ref-typo" aria-label="Textual note 1">°</a> wrote<a epub:type="noteref"');
    expect(text).toContain('<section id="apparatus" aria-labelledby="apparatus-title"><h2 id="apparatus-title">Textual apparatus</h2>');
    expect(text).toContain(
      '<tr id="note-typo"><th scope="row"><a href="#ref-typo">1</a></th><td><a href="#p-a">¶1</a></td><td><span class="lemma">Ronfeld</span></td><td><p class="correction">Read <ins>Ronfeldt</ins></p><p>Misspelt.</p></td></tr>',
    );
    expect(text).not.toContain('<aside epub:type="footnote" role="doc-footnote" class="note" id="note-typo">');
  });

  test('the contents list the apparatus, and every file is well-formed XML', () => {
    expect(files['OEBPS/nav.xhtml']).toContain('<li><a href="text.xhtml#apparatus">Textual apparatus</a></li>');
    for (const [name, content] of Object.entries(files)) if (!name.endsWith('.css')) expect(xmlWellFormednessErrors(content), name).toEqual([]);
  });

  test('a book without apparatus has no empty table', () => {
    expect(epubFiles({ ...book, apparatus: [] })['OEBPS/text.xhtml']).not.toContain('apparatus');
  });
});
