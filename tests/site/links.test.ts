import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtSiteDir, siteAddress } from '../../bench/lib/built-site.ts';
import { checkLinks, formatExternalLinks } from '../../bench/lib/links.ts';

const EXTERNAL_REPORT = 'tests/.output/external-links.txt';

describe('links across the built site', () => {
  const dist = builtSiteDir();
  const report = checkLinks(dist, siteAddress(dist));

  test('every internal link, resource, #fragment and id reference resolves (base-aware)', () => {
    expect(report.pages).toBeGreaterThan(1);
    expect(report.checked).toBeGreaterThan(report.pages);
    // One line per broken reference, with the pages it is on (a layout link breaks every page).
    const grouped = new Map<string, string[]>();
    for (const p of report.problems) {
      const key = `${p.where}="${p.value}": ${p.problem}`;
      grouped.set(key, [...new Set([...(grouped.get(key) ?? []), p.page])]);
    }
    const lines = [...grouped].map(([key, pages]) => `${key} — on ${pages.length > 3 ? `${pages.slice(0, 3).join(', ')} and ${pages.length - 3} more` : pages.join(', ')}`);
    expect(lines).toEqual([]);
  });

  test(`external links are listed in ${EXTERNAL_REPORT}, not fetched`, () => {
    mkdirSync('tests/.output', { recursive: true });
    writeFileSync(EXTERNAL_REPORT, formatExternalLinks(report.external));
    // The reading credits its origin and licence, so the edition always links out somewhere.
    expect(report.external.size).toBeGreaterThan(0);
  });
});
