/** The citation styles the citation tests run on: every style the edition offers, and two dropped in. */
import { readFileSync } from 'node:fs';
import { readCslStyle } from '../../src/lib/csl-styles.ts';

export const STYLE_FILES = {
  'chicago-author-date': 'src/content/csl/styles/chicago-author-date.csl',
  apa: 'src/content/csl/styles/apa.csl',
  'modern-language-association': 'src/content/csl/styles/modern-language-association.csl',
  ieee: 'tests/fixtures/csl/ieee.csl',
  'harvard-cite-them-right': 'tests/fixtures/csl/harvard-cite-them-right.csl',
};
export const STYLES = Object.keys(STYLE_FILES) as (keyof typeof STYLE_FILES)[];

/** Each style, read and checked as the edition reads a style file. */
export const readTestStyles = () => STYLES.map((name) => readCslStyle(name, readFileSync(STYLE_FILES[name], 'utf8')).style!);
export const TEST_LOCALES = { 'en-US': readFileSync('src/content/csl/locales/locales-en-US.xml', 'utf8') };
