import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtSiteDir, fileOfSitePath, listPages } from '../../bench/lib/built-site.ts';
import { pageCspProblems } from '../../bench/lib/csp.ts';

const dist = builtSiteDir();
const pages = listPages(dist);

describe('Content-Security-Policy in the built pages', () => {
  test('the site has pages to check', () => {
    expect(pages.length).toBeGreaterThan(1);
  });

  test.each(pages)('%s: a strict policy arrives first and covers all its inline code; no style="" or on* attributes', (sitePath) => {
    expect(pageCspProblems(readFileSync(fileOfSitePath(dist, sitePath), 'utf8'))).toEqual([]);
  });
});
