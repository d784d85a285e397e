/**
 * The guide's worked examples of `npm run import` are what the importer writes: each example file
 * is imported and the reading.yaml lines the guide shows must appear in the output, in order.
 */
import path from 'node:path';
import { expect, test } from 'vitest';
import { IMPORT_EXAMPLES, IMPORT_MAPPINGS } from '../../src/lib/import/guide.ts';
import { FORMAT_BY_EXTENSION, importFile } from '../../src/lib/import/index.ts';
import { buildDocx, buildEpub, chapter, para, run } from '../fixtures/import/build.ts';

/** The .docx and .epub the guide describes, built from their XML. */
const ZIPPED: Record<string, () => Uint8Array> = {
  '.docx': () =>
    buildDocx({
      title: 'Garden Minutes',
      creator: 'Anna Weber',
      lang: 'en-GB',
      body: [
        para('Garden Minutes', { style: 'Title' }),
        para('Decisions', { style: 'Heading1' }),
        para([run('Plots are '), run('leased', { italic: true }), run(', not owned.')]),
        para('Keep the paths clear.', { list: { numId: 1 } }),
        para('Compost on the plot.', { list: { numId: 1 } }),
      ].join(''),
    }),
  '.epub': () =>
    buildEpub({
      title: 'The Tyger',
      creator: 'William Blake',
      language: 'en',
      chapters: [
        {
          file: 'tyger.xhtml',
          xhtml: chapter('The Tyger', '<h1>The Tyger</h1><div class="poem"><div class="stanza"><span>Tyger Tyger, burning bright,</span><br/><span>In the forests of the night;</span></div></div>'),
        },
      ],
    }),
};

test.each(IMPORT_EXAMPLES.map((example) => [example.file, example] as const))('%s: the guide shows what the import writes', async (file, example) => {
  const extension = path.extname(file);
  const bytes = ZIPPED[extension]?.() ?? Buffer.from(example.input);
  const { yaml } = await importFile(bytes, { fileName: path.basename(file) });
  const lines = yaml.split('\n');
  let at = 0;
  for (const line of example.output.split('\n')) {
    const found = lines.indexOf(line, at);
    expect(found, `"${line}" after line ${at} of\n${yaml}`).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
});

test('the guide has a worked example and a mapping for every format the importer reads', () => {
  const kinds = new Set(Object.values(FORMAT_BY_EXTENSION));
  expect(IMPORT_MAPPINGS).toHaveLength(kinds.size);
  expect(new Set(IMPORT_EXAMPLES.map((e) => FORMAT_BY_EXTENSION[path.extname(e.file)]))).toEqual(kinds);
});
