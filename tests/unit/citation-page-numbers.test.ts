/**
 * `formatCitation` puts a plain page number into the citation citeproc made for two probe numbers
 * (src/lib/citations.ts, `numberTemplate`), instead of asking citeproc for each page a note cites.
 * Here that shortcut is held to citeproc itself, on every style the edition offers and two dropped
 * in, every source of annotations/sources.yaml, both modes and both formats; and a style that
 * prints page numbers in roman numerals shows the shortcut stepping aside.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { citeprocCitation, formatCitation, useCitationStyles } from '../../src/lib/citations.ts';
import { readCslStyle } from '../../src/lib/csl-styles.ts';
import { CslItemSchema } from '../../src/schemas/source.ts';
import { STYLES, TEST_LOCALES, readTestStyles } from './citation-test-styles.ts';

// Building an engine for the official Chicago style takes a second or two, more on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const SOURCES = (parse(readFileSync('annotations/sources.yaml', 'utf8')) as unknown[]).map((item) => CslItemSchema.parse(item));

/** A style that prints a locator in small roman numerals: its citations differ by more than the number. */
const ROMAN = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Roman pages</title><id>roman-pages</id><updated>2026-12-03T00:00:00+00:00</updated></info>
  <citation><layout prefix="(" suffix=")" delimiter="; "><group delimiter=", "><text variable="title"/><number variable="locator" form="roman"/></group></layout></citation>
  <bibliography><layout><text variable="title"/></layout></bibliography>
</style>`;

describe('a plain page number goes into the citation as citeproc would put it', () => {
  beforeAll(() => {
    useCitationStyles({
      styles: [...readTestStyles(), readCslStyle('roman-pages', ROMAN).style!],
      defaultStyle: 'chicago-author-date',
      locales: TEST_LOCALES,
    });
  });

  test.each(STYLES)('%s: every source, both modes, both formats, pages 1 to 9999 and other locators', (style) => {
    for (const item of SOURCES) {
      for (const mode of ['parenthetical', 'narrative'] as const) {
        for (const format of ['text', 'html'] as const) {
          for (const locator of ['p. 7', '12', 'p. 300', 'page 1000', 'p. 9999', 'pp. 3-5', 'chap. 2', 'para. 14', 'p. 012']) {
            const options = { locator, mode, format, style, context: SOURCES };
            expect(formatCitation(item, options), `${item.id} ${mode} ${format} "${locator}"`).toBe(citeprocCitation(item, options));
          }
        }
      }
    }
  });

  test('written out: the page number where each style puts it', () => {
    const work = SOURCES.find((item) => item.id === 'kostakis-bauwens-2014')!;
    const cite = (style: string, locator: string, mode: 'parenthetical' | 'narrative' = 'parenthetical') => formatCitation(work, { style, locator, mode });
    expect(cite('chicago-author-date', 'p. 12')).toBe('(Kostakis and Bauwens 2014, 12)');
    expect(cite('chicago-author-date', 'p. 13')).toBe('(Kostakis and Bauwens 2014, 13)');
    expect(cite('apa', 'p. 12')).toBe('(Kostakis & Bauwens, 2014, p. 12)');
    expect(cite('apa', 'p. 12', 'narrative')).toBe('Kostakis and Bauwens (2014, p. 12)');
    expect(cite('modern-language-association', '250')).toBe('(Kostakis and Bauwens 250)');
  });

  test('a style that prints the number otherwise keeps citeproc for every page', () => {
    const work = SOURCES.find((item) => item.id === 'kostakis-bauwens-2014')!;
    expect(formatCitation(work, { style: 'roman-pages', locator: 'p. 12' })).toBe(`(${work.title}, xii)`);
    expect(formatCitation(work, { style: 'roman-pages', locator: 'p. 4' })).toBe(`(${work.title}, iv)`);
  });
});
