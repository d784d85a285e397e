import { describe, expect, test } from 'vitest';
import { builtSiteDir } from '../../bench/lib/built-site.ts';
import { weighSite } from '../../bench/lib/budget-report.ts';

const pages = weighSite(builtSiteDir());

describe('byte budgets (bench/budgets.ts), from the built files', () => {
  test('every page type is weighed, the reader included', () => {
    expect(pages.map((p) => p.type)).toEqual(expect.arrayContaining(['home', 'reader']));
  });

  test.each(pages.map((p) => [p.sitePath, p] as const))('%s is within budget', (_sitePath, page) => {
    // The HTML itself is always among what loads; a page weighing nothing was not read.
    expect(page.weight.gzip.html).toBeGreaterThan(0);
    expect(page.overruns).toEqual([]);
  });
});
