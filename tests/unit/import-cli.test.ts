/**
 * `npm run import` against a temporary project: each format writes a folder that the project's own
 * loader (loadReadingFolder) and the whole check (checkEditionFiles) accept as it is; each refusal
 * is one exact line naming the file and the fix; --force replaces a reading's text and lists the
 * notes that no longer anchor.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { openProject } from '../../src/loaders/content-files.ts';
import { checkEditionFiles } from '../../src/loaders/edition-files.ts';
import { loadReadingFolder } from '../../src/loaders/reading-files.ts';
import { allotmentDocx, tygerEpub } from '../fixtures/import/documents.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/import');
let root: string;

const write = (name: string, content: string | Uint8Array) => {
  writeFileSync(path.join(root, 'texts', name), content);
  return `texts/${name}`;
};
const readingFolder = (id: string) => path.join(root, 'src/content/readings', id);

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'reader-import-'));
  mkdirSync(path.join(root, 'src/content/readings'), { recursive: true });
  mkdirSync(path.join(root, 'annotations'), { recursive: true });
  cpSync(FIXTURES, path.join(root, 'texts'), { recursive: true, filter: (source) => !source.endsWith('.ts') });
  write('allotments.docx', allotmentDocx());
  write('blake.epub', tygerEpub());
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('each format imports into a folder the project loads as it is', () => {
  test.each([
    ['texts/christmas-carol-pg46.txt', 'christmas-carol-prose-being-ghost', 'gutenberg', 18],
    ['texts/commons-essay.html', 'tending-commons', 'html', 14],
    ['texts/commons-arabic.md', 'lmsh-t-wdrth', 'markdown', 9],
    ['texts/allotments.docx', 'allotment-gardens-leipzig', 'docx', 11],
    ['texts/blake.epub', 'songs-experience-selection', 'epub', 9],
    ['texts/odyssey-book1.xml', 'odyssey', 'tei', 11],
  ])('%s', async (file, id, format, passages) => {
    const run = await runImport([file], root);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out[0]).toMatch(new RegExp(`^Imported ${file.replace(/\./g, '\\.')} \\(${format}\\) as src/content/readings/${id}/: ${passages} passages in \\d+ sections?, language `));
    expect(run.out.at(-1)).toBe(`Next: \`npm run check\`, then write notes in annotations/${id}/ (see /guide/).`);
    const { project } = await openProject(root);
    const loaded = await loadReadingFolder(project, readingFolder(id));
    expect(loaded.problems).toEqual([]);
    expect(loaded.reading?.segmentation.passages).toHaveLength(passages);
  });

  test('the whole check passes with every imported reading', async () => {
    const check = await checkEditionFiles(root);
    expect(check.problems).toEqual([]);
    expect(check.counts.readings).toBe(6);
  });

  test('--id, --lang, --title and --author are written as given', async () => {
    const file = write('plain.txt', 'A short text\n\nIt has two paragraphs, the second one a little longer than the first.\n');
    const run = await runImport([file, '--id', 'short-text', '--lang', 'en_GB', '--title', 'A Short Text', '--author', 'Ada Lovelace'], root);
    expect(run.code).toBe(0);
    const yaml = readFileSync(path.join(readingFolder('short-text'), 'reading.yaml'), 'utf8');
    expect(yaml).toContain('title: A Short Text\nauthors:\n  - { family: Lovelace, given: Ada }\n');
    expect(yaml).toContain('language: en-GB\n');
    expect(readFileSync(path.join(readingFolder('short-text'), 'source.txt'), 'utf8')).toBe('A short text\n\nIt has two paragraphs, the second one a little longer than the first.\n');
  });
});

describe('refusals: one line with the file, what is wrong and the fix', () => {
  const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  test.each<[string, () => string[], string]>([
    ['unknown format', () => [write('report.pdf', '%PDF-1.7')], 'texts/report.pdf: ".pdf" files cannot be imported; save or convert it as .txt, .md, .html, .htm, .docx, .epub or TEI .xml and import that file.'],
    ['not a zip', () => [write('notes.docx', 'just some text')], 'texts/notes.docx: this is not a readable Word document (.docx) (it is not a zip archive); open it in the program that made it, save it again and import the new copy.'],
    ['damaged zip', () => [write('broken.epub', Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0]))], 'texts/broken.epub: this is not a readable EPUB book (the zip archive is damaged: invalid zip data); open it in the program that made it, save it again and import the new copy.'],
    ['encrypted Word document', () => [write('secret.docx', OLE)], 'texts/secret.docx: the document is password-protected (encrypted), so its text cannot be read; remove the password in Word (File › Info › Protect Document › Encrypt with Password), save, and import the saved copy.'],
    ['encrypted EPUB', () => [write('drm.epub', tygerEpub({ encrypted: ['OEBPS/tyger.xhtml'] }))], 'texts/drm.epub: the book is encrypted (DRM) and its text cannot be read (OEBPS/tyger.xhtml is encrypted); import a DRM-free copy of the book.'],
    ['no text', () => [write('empty.md', '---\ntitle: Nothing yet\nlang: en\n---\n\n<!-- to be written -->\n')], 'texts/empty.md: no text was found to import; check that this is the right file and that its text is not only in images (scans need OCR first).'],
    ['a page of scripts', () => [write('app.html', '<!doctype html><html lang="en"><body><script>render()</script><img src="a.png"></body></html>')], 'texts/app.html: no text was found to import; check that this is the right file and that its text is not only in images (scans need OCR first).'],
    ['no language', () => [write('untagged.txt', 'Words without a language.\n')], 'texts/untagged.txt: the file does not say what language it is in; run the import again with --lang <code> (a BCP 47 tag such as en, de or grc).'],
    ['a bad --lang', () => [write('tagged.txt', 'Words.\n'), '--lang', 'English!'], '--lang "English!" is not a language tag; write a BCP 47 tag such as en, en-GB, ar or grc.'],
    ['a bad --id', () => [write('named.txt', 'Words.\n'), '--id', 'My Reading'], '--id "My Reading" is not a valid reading id; use lower-case letters, digits and single hyphens, e.g. "my-reading".'],
    ['XML that is not TEI', () => [write('feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>')], 'texts/feed.xml: this XML file is not TEI P5 (its root element is <rss>, not <TEI>); export the text as TEI P5, or save it as .txt or .html and import that.'],
    ['malformed XML', () => [write('torn.xml', '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Half a paragraph</body></text></TEI>')], 'texts/torn.xml: this is not a readable XML file (it is not well-formed: 1:79: unexpected close tag); open it in the program that made it, save it again and import the new copy.'],
    ['a missing file', () => ['texts/nowhere.txt'], 'texts/nowhere.txt: no such file; check the path (a relative path is read from the project folder).'],
    ['no file named', () => ['--lang', 'en'], 'npm run import: name the file to import, e.g. npm run import -- texts/alice.txt (usage: npm run import -- <file> [--id <reading-id>] [--lang <code>] [--title "…"] [--author "…"] [--force]).'],
  ])('%s', async (_case, args, message) => {
    const run = await runImport(args(), root);
    expect(run.err).toEqual([message]);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
  });

  test('a relative path is read from where the command was typed', async () => {
    const run = await runImport(['christmas-carol-pg46.txt', '--id', 'carol-again'], root, path.join(root, 'texts'));
    expect(run.code).toBe(0);
    const missing = await runImport(['nowhere.txt'], root, path.join(root, 'texts'));
    expect(missing.err).toEqual([`nowhere.txt: no such file; check the path (a relative path is read from ${path.join(root, 'texts')}).`]);
  });

  test('an id already taken', async () => {
    const file = write('again.md', '---\nlang: en\n---\n# Odyssey\n\nAnother text under the same name.\n');
    const run = await runImport([file], root);
    expect(run.err).toEqual([
      'texts/again.md: a reading with the id "odyssey" already exists (src/content/readings/odyssey/); choose another id with --id <new-id>, or replace its text with --force (its notes are then re-checked).',
    ]);
    expect(run.code).toBe(1);
    expect(readFileSync(path.join(readingFolder('odyssey'), 'reading.yaml'), 'utf8')).toContain('format: tei');
  });
});

describe('--force replaces the text and re-checks the reading’s notes', () => {
  const note = (passage: string, exact: string) => `---\npassage: ${passage}\nexact: "${exact}"\nkind: context\n---\nA note.\n`;

  test('notes that still anchor pass; those that do not are listed with their fix', async () => {
    const first = write('essay-v1.md', '---\ntitle: Garden Essay\nlang: en\n---\n# Gardens\n\nA garden is a small republic.\n\nIts hedges are its constitution.\n');
    expect((await runImport([first], root)).code).toBe(0);
    const notes = path.join(root, 'annotations/garden-essay');
    mkdirSync(notes, { recursive: true });
    writeFileSync(path.join(notes, 'republic.mdx'), note('garden-small-republic', 'small republic'));
    writeFileSync(path.join(notes, 'hedges.mdx'), note('hedges-constitution', 'constitution'));
    expect((await checkEditionFiles(root)).problems).toEqual([]);

    const unchanged = await runImport([first, '--force'], root);
    expect(unchanged.code).toBe(0);
    expect(unchanged.out).toContain('  every note under annotations/garden-essay/ still anchors.');

    const second = write('essay-v2.md', '---\ntitle: Garden Essay\nlang: en\n---\n# Gardens\n\nA garden is a small republic.\n\nIts hedges are its laws.\n');
    const run = await runImport([second, '--force'], root);
    expect(run.code).toBe(1);
    expect(run.out[0]).toBe('Replaced texts/essay-v2.md (markdown) as src/content/readings/garden-essay/: 3 passages in 1 section, language en.');
    expect(run.err[0]).toBe('1 note of "garden-essay" no longer anchors in the new text; fix each one (or delete it), then run `npm run check`:');
    expect(run.err[1]).toMatch(/^ {2}annotations\/garden-essay\/hedges\.mdx:2 \(passage\) \[unknown-passage\] /);
    expect(run.err.join('\n')).not.toContain('republic.mdx');
    expect(readFileSync(path.join(readingFolder('garden-essay'), 'source.txt'), 'utf8')).toContain('laws');
  });
});
