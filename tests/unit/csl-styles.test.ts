/**
 * The CSL style and locale reader on its own: what a style says about itself, and the one
 * message for each way a file can be wrong. csl-config.test.ts checks the same through the
 * project's loader; these reach the cases a real project rarely has.
 */
import { describe, expect, test } from 'vitest';
import { checkCslLocale, missingLocale, readCslStyle, styleLocale, unknownStyle } from '../../src/lib/csl-styles.ts';

const CSL = 'http://purl.org/net/xbiblio/csl';
const style = (attributes: string, info: string, parts = '<citation/><bibliography/>') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="${CSL}" version="1.0"${attributes}><info>${info}</info>${parts}</style>`;
const FRESH = 'download it again from https://github.com/citation-style-language/styles (the file\'s "Raw" view) and save it unchanged as src/content/csl/styles/mine.csl';

describe('readCslStyle', () => {
  test('title, citation format and default locale are read from the style', () => {
    const xml = style(' default-locale="en-GB"', '<title> My Style </title><title>Second title</title><category citation-format="note"/><category field="history"/>');
    expect(readCslStyle('mine', xml).style).toEqual({ name: 'mine', title: 'My Style', format: 'note', defaultLocale: 'en-GB', xml });
  });

  test('a style without a known citation format cites author-date; without a default locale it has none', () => {
    const read = readCslStyle('mine', style('', '<title>Plain</title><category citation-format="footnote"/>')).style;
    expect(read).toMatchObject({ format: 'author-date' });
    expect(read!.defaultLocale).toBeUndefined();
    expect(readCslStyle('mine', style('', '<title>Plain</title>')).style).toMatchObject({ format: 'author-date' });
  });

  test('a title outside <info> is not the style’s title', () => {
    expect(readCslStyle('mine', style('', '<id>x</id>', '<citation><title>Not this</title></citation><bibliography/>')).problem).toEqual({
      kind: 'invalid-csl',
      file: 'src/content/csl/styles/mine.csl',
      message: 'the style has no <info><title>, which is how readers are shown its name.',
      fix: `${FRESH}.`,
    });
  });

  test('a <style> in another namespace is not a CSL style, and the message names its namespace', () => {
    expect(readCslStyle('mine', '<style xmlns="http://example.org/x"><info><title>T</title></info><citation/><bibliography/></style>').problem).toEqual({
      kind: 'invalid-csl',
      file: 'src/content/csl/styles/mine.csl',
      message: 'the file\'s root element is <style xmlns="http://example.org/x">, not a CSL <style>.',
      fix: `${FRESH}; a CSL style starts with <style xmlns="http://purl.org/net/xbiblio/csl" …>.`,
    });
  });

  test('an empty file, and XML broken on line 4: the line and column', () => {
    expect(readCslStyle('mine', '').problem).toMatchObject({ line: 1, message: 'the file is not well-formed XML (column 0): document must contain a root element.' });
    expect(readCslStyle('mine', `<?xml version="1.0"?>\n<style xmlns="${CSL}">\n<info><title>T</title></info><citation/>\n</styl>`).problem).toEqual({
      kind: 'invalid-csl',
      file: 'src/content/csl/styles/mine.csl',
      line: 4,
      message: 'the file is not well-formed XML (column 7): unexpected close tag.',
      fix: `${FRESH}; a .csl file is XML, not a web page or a Zotero export.`,
    });
  });

  test('neither <citation> nor <bibliography>: both named', () => {
    expect(readCslStyle('mine', style('', '<title>T</title>', '')).problem?.message).toBe(
      'the style has no <citation> and no <bibliography>: the edition needs both, for in-text citations and for the list of sources.',
    );
    expect(readCslStyle('mine', style('', '<title>T</title>', '<bibliography/>')).problem?.message).toBe(
      'the style has no <citation>: the edition needs both, for in-text citations and for the list of sources.',
    );
  });

  test('a dependent style’s parent is named by its file, from an https address too', () => {
    expect(readCslStyle('mine', style('', '<title>T</title><link href="https://www.zotero.org/styles/apa" rel="independent-parent"/><link href="https://example.org/doc" rel="documentation"/>', '')).problem?.fix).toBe(
      'download the parent style (apa.csl) from https://github.com/citation-style-language/styles into src/content/csl/styles/ and name it in reader.config.yaml instead.',
    );
    // A link that is not the parent does not make a style dependent.
    expect(readCslStyle('mine', style('', '<title>T</title><link href="https://example.org/doc" rel="documentation"/>')).style).toMatchObject({ title: 'T' });
  });
});

describe('locales', () => {
  test('a CSL locale passes; another root, another namespace or broken XML is one problem naming the file', () => {
    expect(checkCslLocale('en-GB', `<locale xmlns="${CSL}" xml:lang="en-GB"><terms/></locale>`)).toBeUndefined();
    const fix = 'download locales-en-GB.xml again from https://github.com/citation-style-language/locales and save it unchanged as src/content/csl/locales/locales-en-GB.xml.';
    expect(checkCslLocale('en-GB', '<locale xmlns="http://example.org/x"/>')).toEqual({
      kind: 'invalid-csl',
      file: 'src/content/csl/locales/locales-en-GB.xml',
      message: 'the file\'s root element is <locale xmlns="http://example.org/x">, not a CSL <locale>.',
      fix,
    });
    expect(checkCslLocale('en-GB', `<locale xmlns="${CSL}">\n<terms>\n</locale>`)).toEqual({
      kind: 'invalid-csl',
      file: 'src/content/csl/locales/locales-en-GB.xml',
      line: 3,
      message: 'the file is not well-formed XML (column 9): unexpected close tag.',
      fix,
    });
  });

  test('the project’s locale, else the style’s, else American English', () => {
    expect(styleLocale({ defaultLocale: 'en-GB' }, 'de-DE')).toBe('de-DE');
    expect(styleLocale({ defaultLocale: 'en-GB' }, undefined)).toBe('en-GB');
    expect(styleLocale({}, undefined)).toBe('en-US');
  });

  test('a missing locale says why the style wants it', () => {
    const ieee = { name: 'ieee', title: 'IEEE', format: 'numeric' as const, xml: '' };
    expect(missingLocale(ieee, 'en-US', false)).toEqual({
      kind: 'missing-file',
      file: 'src/content/csl/styles/ieee.csl',
      message: "it cites in en-US, CSL's default, but src/content/csl/locales/locales-en-US.xml does not exist.",
      fix: 'download locales-en-US.xml from https://github.com/citation-style-language/locales into src/content/csl/locales/.',
    });
  });

  test('an unknown style when the folder has no styles at all', () => {
    expect(unknownStyle('apa', 0, [])).toEqual({
      kind: 'missing-file',
      file: 'reader.config.yaml',
      field: 'citation.styles[0]',
      message: 'the style "apa" is named here, but src/content/csl/styles/apa.csl does not exist.',
      fix: 'download apa.csl from https://github.com/citation-style-language/styles into src/content/csl/styles/, or correct the name (the file name without .csl).',
    });
  });
});
