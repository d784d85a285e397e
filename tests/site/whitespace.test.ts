import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtSiteDir, fileOfSitePath, listPages } from '../../bench/lib/built-site.ts';
import { findGluedWords } from '../../bench/lib/glued-words.ts';
import { parseHtml } from '../../bench/lib/html.ts';

const dist = builtSiteDir();

describe('whitespace survives HTML compression', () => {
  test.each(listPages(dist))('%s: no two words run together across an inline element', (sitePath) => {
    const glued = findGluedWords(parseHtml(readFileSync(fileOfSitePath(dist, sitePath), 'utf8')));
    expect(glued.map((g) => `${g.join}  (${g.tags})`)).toEqual([]);
  });
});
