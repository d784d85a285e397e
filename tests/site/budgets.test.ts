import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

describe('the first paint builds no image documents', () => {
  const files = (readdirSync(builtSiteDir(), { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.(html|css)$/.test(f));

  test('no page or stylesheet draws a data: SVG image (an icon is inline SVG: see Icon.astro)', () => {
    expect(files.length).toBeGreaterThan(10);
    const drawing = files.filter((f) => /url\(\s*["']?data:image\/svg/i.test(readFileSync(path.join(builtSiteDir(), f), 'utf8')));
    expect(drawing).toEqual([]);
  });

  test('the header buttons carry their icons inline, hidden from assistive technology', () => {
    const html = readFileSync(path.join(builtSiteDir(), 'read/partner-state/index.html'), 'utf8');
    for (const button of ['settings-button', 'search-trigger']) {
      expect(html, button).toMatch(new RegExp(`class="${button}"[^>]*>\\s*<svg class="icon"[^>]*aria-hidden="true"`));
    }
  });
});

describe('the site script is named for what it is', () => {
  test('every page that loads it names /_astro/site.<hash>.js, not the component\'s hoisted-script id (astro.config.mjs)', () => {
    const pages = (readdirSync(builtSiteDir(), { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html'));
    const named = pages.flatMap((f) => [...readFileSync(path.join(builtSiteDir(), f), 'utf8').matchAll(/\/_astro\/([^"'/]+)\.js/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(10);
    expect([...new Set(named.map((name) => name.replace(/\.[\w-]+$/, '')))]).toEqual(['site']);
  });
});
