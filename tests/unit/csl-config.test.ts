/**
 * `citation` in reader.config.yaml and the CSL files it names: each mistake an editor can make is
 * one message with the file, the field or line, what is wrong and the fix, as `npm run check`
 * prints it. A project folder per case, with only reader.config.yaml and src/content/csl/ in it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/lib/content-errors.ts';
import { openProject } from '../../src/loaders/content-files.ts';
import { readCitationFiles } from '../../src/loaders/csl-files.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'reader-csl-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const IEEE = readFileSync('tests/fixtures/csl/ieee.csl', 'utf8');

let count = 0;
/** A project with these files: the config's problems, and the styles read (or their problems). */
async function project(files: Record<string, string>) {
  const root = path.join(work, String((count += 1)));
  mkdirSync(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const opened = await openProject(root);
  return { config: opened.problems, ...(await readCitationFiles(opened.project)) };
}

/** The problems `npm run check` would print for a project with these files, as it prints them. */
async function check(files: Record<string, string>): Promise<string[]> {
  const { config, problems } = await project(files);
  return (config.length ? config : problems).map(formatProblem);
}

describe('citation styles in reader.config.yaml', () => {
  test('without a citation field: the reader\u2019s Chicago author-date (the default), APA and MLA, with their titles', async () => {
    const { setup, problems } = await project({});
    expect(problems).toEqual([]);
    expect(setup!.defaultStyle).toBe('chicago-author-date');
    expect(setup!.styles.map((style) => [style.name, style.title, style.format])).toEqual([
      ['chicago-author-date', 'Chicago Manual of Style 18th edition (author-date)', 'author-date'],
      ['apa', 'APA Style 7th edition', 'author-date'],
      ['modern-language-association', 'MLA Handbook 9th edition (in-text citations)', 'author'],
    ]);
    expect(Object.keys(setup!.locales)).toEqual(['en-US']);
  });

  test('a style dropped into src/content/csl/styles/ and named, as the default', async () => {
    const { setup, problems } = await project({ 'src/content/csl/styles/ieee.csl': IEEE, 'reader.config.yaml': 'citation:\n  styles: [apa, ieee]\n  default: ieee\n' });
    expect(problems).toEqual([]);
    expect(setup!.defaultStyle).toBe('ieee');
    expect(setup!.styles.map((style) => [style.name, style.title, style.format])).toEqual([
      ['apa', 'APA Style 7th edition', 'author-date'],
      ['ieee', 'IEEE Reference Guide version 11.29.2023', 'numeric'],
    ]);
  });

  test('a style name with no file', async () => {
    expect(await check({ 'reader.config.yaml': 'citation:\n  styles: [chicago-author-date, iee]\n' })).toEqual([
      `  reader.config.yaml (citation.styles[1]) [missing-file] the style "iee" is named here, but src/content/csl/styles/iee.csl does not exist (the styles in src/content/csl/styles/ are "apa", "chicago-author-date", "modern-language-association").
    fix: download iee.csl from https://github.com/citation-style-language/styles into src/content/csl/styles/, or correct the name (the file name without .csl).`,
    ]);
  });

  test('a default that is not one of the styles', async () => {
    expect(await check({ 'reader.config.yaml': 'citation:\n  styles: [apa]\n  default: ieee\n' })).toEqual([
      expect.stringMatching(/^ {2}reader\.config\.yaml:3 \(citation\.default\) \[invalid-field\] the default style must be one of citation\.styles/),
    ]);
  });

  test('a style saved as a web page, not XML', async () => {
    expect(await check({ 'reader.config.yaml': 'citation:\n  styles: [ieee]\n', 'src/content/csl/styles/ieee.csl': '<!DOCTYPE html>\n<html><body><p>IEEE<p>Download</body></html>\n' })).toEqual([
      `  src/content/csl/styles/ieee.csl:2 [invalid-csl] the file is not well-formed XML (column 37): unexpected close tag.
    fix: download it again from https://github.com/citation-style-language/styles (the file's "Raw" view) and save it unchanged as src/content/csl/styles/ieee.csl; a .csl file is XML, not a web page or a Zotero export.`,
    ]);
  });

  test('XML that is not a CSL style', async () => {
    expect(await check({ 'reader.config.yaml': 'citation:\n  styles: [ieee]\n', 'src/content/csl/styles/ieee.csl': '<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>\n' })).toEqual([
      `  src/content/csl/styles/ieee.csl [invalid-csl] the file's root element is <rss>, not a CSL <style>.
    fix: download it again from https://github.com/citation-style-language/styles (the file's "Raw" view) and save it unchanged as src/content/csl/styles/ieee.csl; a CSL style starts with <style xmlns="http://purl.org/net/xbiblio/csl" …>.`,
    ]);
  });

  test('a style without a bibliography', async () => {
    const noBibliography = IEEE.replace(/<bibliography[^]*<\/bibliography>/, '');
    expect(await check({ 'reader.config.yaml': 'citation:\n  styles: [ieee]\n', 'src/content/csl/styles/ieee.csl': noBibliography })).toEqual([
      `  src/content/csl/styles/ieee.csl [invalid-csl] the style has no <bibliography>: the edition needs both, for in-text citations and for the list of sources.
    fix: use a style that defines both (every style in https://github.com/citation-style-language/styles that is not a dependent one does), or download it again from https://github.com/citation-style-language/styles (the file's "Raw" view) and save it unchanged as src/content/csl/styles/ieee.csl.`,
    ]);
  });

  test('a dependent style, which only names its parent', async () => {
    const dependent = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-US">
  <info>
    <title>IEEE Transactions on Software Engineering</title>
    <id>http://www.zotero.org/styles/ieee-transactions-on-software-engineering</id>
    <link href="http://www.zotero.org/styles/ieee" rel="independent-parent"/>
    <category citation-format="numeric"/>
  </info>
</style>
`;
    expect(await check({ 'reader.config.yaml': 'citation:\n  styles: [ieee-transactions-on-software-engineering]\n', 'src/content/csl/styles/ieee-transactions-on-software-engineering.csl': dependent })).toEqual([
      `  src/content/csl/styles/ieee-transactions-on-software-engineering.csl [invalid-csl] this is a dependent style: it only points to its parent style (http://www.zotero.org/styles/ieee) and has no rules of its own.
    fix: download the parent style (ieee.csl) from https://github.com/citation-style-language/styles into src/content/csl/styles/ and name it in reader.config.yaml instead.`,
    ]);
  });

  test('a locale that src/content/csl/locales/ does not have: one message, however many styles cite in it', async () => {
    expect(await check({ 'reader.config.yaml': 'citation:\n  locale: de-DE\n' })).toEqual([
      `  src/content/csl/styles/chicago-author-date.csl [missing-file] citation.locale in reader.config.yaml is de-DE, but src/content/csl/locales/locales-de-DE.xml does not exist.
    fix: download locales-de-DE.xml from https://github.com/citation-style-language/locales into src/content/csl/locales/, or set citation.locale to a locale that is there.`,
    ]);
  });

  test('a style whose own default-locale is missing', async () => {
    const british = IEEE.replace('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text"', '<style xmlns="http://purl.org/net/xbiblio/csl" default-locale="en-GB" class="in-text"');
    expect(british).not.toBe(IEEE);
    expect(await check({ 'reader.config.yaml': 'citation:\n  styles: [ieee]\n', 'src/content/csl/styles/ieee.csl': british })).toEqual([
      `  src/content/csl/styles/ieee.csl [missing-file] the style's default-locale is en-GB, but src/content/csl/locales/locales-en-GB.xml does not exist.
    fix: download locales-en-GB.xml from https://github.com/citation-style-language/locales into src/content/csl/locales/.`,
    ]);
  });

  test('a locale file that is not a CSL locale', async () => {
    expect(await check({ 'reader.config.yaml': 'citation:\n  locale: en-GB\n', 'src/content/csl/locales/locales-en-GB.xml': '<style xmlns="http://purl.org/net/xbiblio/csl"/>\n' })).toEqual([
      `  src/content/csl/locales/locales-en-GB.xml [invalid-csl] the file's root element is <style>, not a CSL <locale>.
    fix: download locales-en-GB.xml again from https://github.com/citation-style-language/locales and save it unchanged as src/content/csl/locales/locales-en-GB.xml.`,
    ]);
  });

  test('a style name that is not a file name', async () => {
    expect(await check({ 'reader.config.yaml': 'citation:\n  styles: [IEEE.csl]\n' })).toEqual([
      expect.stringMatching(/^ {2}reader\.config\.yaml:2 \(citation\.styles\[0\]\) \[invalid-field\] a style is named by its file name in src\/content\/csl\/styles\/ without "\.csl"/),
    ]);
  });
});
