/**
 * A reading's study pages in the built site: each student page is searchable as a study page and
 * linked from the reading and the home page; the teaching guide is noindex, unsearched, out of the
 * sitemap, and linked from no page but the authoring guide. Pages are found from the content files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtSiteDir, listPages, siteAddress } from '../../bench/lib/built-site.ts';
import { isNoindex } from '../../src/lib/reading-pages.ts';
import { checkEditionFiles } from '../../src/loaders/edition-files.ts';

const dist = builtSiteDir();
const { base } = siteAddress(dist);
const html = (sitePath: string) => readFileSync(path.join(dist, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath), 'utf8');
const { pages } = await checkEditionFiles(path.resolve(import.meta.dirname, '../..'));
const pathOf = (page: (typeof pages)[number]) => `/read/${page.reading}/${page.id}/`;
const students = pages.filter((p) => p.data.audience === 'students');
const instructors = pages.filter((p) => p.data.audience === 'instructors');
const linksTo = (from: string, to: string) => html(from).includes(`href="${base}${to.slice(1)}"`);

describe('study pages in the built site', () => {
  test('there are student pages and a teaching guide to check', () => {
    expect(students.length).toBeGreaterThanOrEqual(4);
    expect(instructors.map((p) => p.data.kind)).toContain('teaching-guide');
  });

  test.each(students.map((p) => [pathOf(p), p] as const))('%s is searchable as a study page and linked from its reading and the home page', (sitePath, page) => {
    const own = html(sitePath);
    expect(own).toMatch(/<article[^>]* data-pagefind-body[^>]* data-pagefind-filter="kind:study-page"/);
    expect(isNoindex(own)).toBe(false);
    expect(linksTo(`/read/${page.reading}/`, sitePath)).toBe(true);
    expect(linksTo('/', sitePath)).toBe(true);
    expect(readFileSync(path.join(dist, 'sitemap.xml'), 'utf8')).toContain(`${base}${sitePath.slice(1)}</loc>`);
  });

  test.each(instructors.map((p) => [pathOf(p)] as const))('%s is kept off the students\u2019 path', (sitePath) => {
    const own = html(sitePath);
    expect(isNoindex(own)).toBe(true);
    expect(own).not.toContain('data-pagefind-body');
    expect(readFileSync(path.join(dist, 'sitemap.xml'), 'utf8')).not.toContain(`${base}${sitePath.slice(1)}</loc>`);
    const linkedFrom = listPages(dist).filter((p) => p !== sitePath && linksTo(p, sitePath));
    expect(linkedFrom).toEqual(['/guide/']);
  });

  test('tables of the map of positions have a caption and headers with scope', () => {
    for (const page of students.filter((p) => p.data.kind === 'positions')) {
      const own = html(pathOf(page));
      expect(own).toMatch(/<table><caption>[^<]+<\/caption>/);
      expect(own).not.toMatch(/<th>/);
      expect((own.match(/<th scope="row">/g) ?? []).length).toBeGreaterThanOrEqual(6);
    }
  });
});
