/**
 * A long reading served one page per section, in Chromium, on a generated book of 300 passages in
 * 8 chapters (tests/fixtures/long-book.ts, split above 100 passages), built once at the run's base
 * (the sub-path pass runs the suite again): the contents page and the section pages without
 * JavaScript, prev/next, old `#p-` and `#note-` permalinks landing on the section page that holds
 * them (the map fetched only then), a course part over three pages marked on each, search
 * results, glossary "where used" links and citations pointing at section pages, personal notes
 * kept per reading and listed together, printing a section or the whole reading, the EPUB still
 * one book with its links inside it, and axe.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { runBuild, type Fixture } from '../fixtures/fixture-site.ts';
import { longBookFixture, LONG_BOOK_PASSAGES } from '../fixtures/long-book.ts';
import { BASE, openPage, runAxe, startSession, type PageRecord, type Session } from './harness.ts';
import { poll, toolsReady } from './reader-tools-helpers.ts';

const READING = 'synthetic-book';
const CONTENTS = `/read/${READING}/`;
/**
 * The generator writes a chapter every 40 passages; the last, of 20, is shorter than a page's
 * least (sectionPages.shortest, 30 by default), so it shares chapter 7's page.
 */
const CHAPTERS = 7;
const chapterOf = (passageNumber: number) => Math.min(Math.ceil(passageNumber / 40), CHAPTERS);
const chapterPath = (chapter: number) => `/read/${READING}/chapter-${chapter}/`;
/** The course part the book's course assigns: passages 51 to 131 (indexes here), chapters 2 to 4. */
const COURSE = 'long';
const SPAN = { from: 50, to: 130 };

let fixture: Fixture;
let session: Session;
/** Passage ids in reading order, from the reading's own passage map (reading.yaml). */
let passageIds: string[];
/** Notes of the book: id → passage. */
let notePassage: Map<string, string>;

beforeAll(async () => {
  const made = longBookFixture(BASE === '/' ? 'section-pages-browser' : 'section-pages-browser-subpath');
  fixture = made.fixture;
  const ids = (parse(fixture.read(`src/content/readings/${READING}/reading.yaml`)) as { passages: { id: string }[] }).passages.map((p) => p.id);
  // A course whose one part runs from chapter 2 over chapter 3 into chapter 4.
  fixture.write(
    `src/content/courses/${COURSE}/course.yaml`,
    `title: A Long Course\ncode: LC 1\nterm: Spring 2027\ninstructors: [A. Teacher]\ndescription: One part over three pages.\nsessions:\n  - id: span\n    title: Across chapters\n    date: 2027-02-01\n    assigned:\n      - { reading: ${READING}, from: ${ids[SPAN.from]}, to: ${ids[SPAN.to]} }\n`,
  );
  // At the run's base: under a sub-path the redirect, prev/next, contents and every passage link must keep it.
  const built = await runBuild(fixture, 'dist', BASE);
  if (built.code !== 0) throw new Error(`the long book did not build:\n${built.stderr}`);
  passageIds = ids;
  expect(passageIds).toHaveLength(LONG_BOOK_PASSAGES);
  notePassage = new Map(
    Array.from({ length: made.book.notes }, (_, i) => {
      const note = `note-${i + 1}`;
      return [note, /^passage: (\S+)$/m.exec(fixture.read(`annotations/${READING}/${note}.mdx`))![1]!] as const;
    }),
  );
  session = await startSession({ root: fixture.file('dist'), base: BASE });
}, 180_000);
afterAll(() => session?.close());

const clean = (record: PageRecord) =>
  expect([...record.pageErrors, ...record.consoleErrors, ...record.cspViolations, ...record.foreignRequests, ...record.navigationsAway]).toEqual([]);
const numberOf = (id: string) => passageIds.indexOf(id) + 1;
/** An address or href as a site path, the base taken off (the suite also runs under a sub-path). */
const sitePathname = (address: string) => `/${new URL(address, 'http://site.invalid').pathname.slice(BASE.replace(/\/?$/, '/').length)}`;
const sitePath = (address: string) => {
  const url = new URL(address, 'http://site.invalid');
  return `${sitePathname(address)}${url.search}${url.hash}`;
};
const hrefOf = async (link: Locator) => sitePath((await link.getAttribute('href'))!);
/** Requests the page made for the reading's passage map. */
const mapRequests = (page: Page) => {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/passage-pages.json')) seen.push(request.url());
  });
  return seen;
};

describe('without JavaScript', () => {
  test('the contents page: title, each part with its passage range and link, no text; provenance and citation stay here', async () => {
    const { page, context, record } = await openPage(session, { javaScriptEnabled: false });
    await page.goto(session.url(CONTENTS));
    expect(await page.locator('h1').innerText()).toBe('A Synthetic Book');
    const parts = page.locator('.section-contents li');
    expect(await parts.count()).toBe(CHAPTERS);
    expect(await parts.nth(0).innerText()).toBe('Chapter 1 Passages 1–40');
    expect(await parts.nth(CHAPTERS - 1).innerText()).toBe(`Chapter 7, Chapter 8 Passages 241–${LONG_BOOK_PASSAGES}`);
    expect(await hrefOf(parts.nth(2).locator('a'))).toBe(chapterPath(3));
    expect(await page.locator('.section-contents').innerText()).toContain("without JavaScript, find the passage's number below");
    expect(await page.locator('.passage').count()).toBe(0);
    expect(await page.locator('#about-this-text').count()).toBe(1);
    expect(await page.locator('#cite-this-reading').count()).toBe(1);
    clean(record);
    await context.close();
  });

  test('a section page: its own passages only, in order, with its notes; previous, next and contents, in the text and the head', async () => {
    const { page, context } = await openPage(session, { javaScriptEnabled: false });
    await page.goto(session.url(chapterPath(2)));
    expect(await page.title()).toContain('Chapter 2');
    expect(await page.locator('h1').innerText()).toBe('A Synthetic Book');
    const ids = await page.locator('.passage').evaluateAll((els) => els.map((el) => el.id.replace(/^p-/, '')));
    expect(ids).toEqual(passageIds.slice(40, 80));
    const notesHere = [...notePassage].filter(([, passage]) => chapterOf(numberOf(passage)) === 2).map(([note]) => note).sort();
    expect((await page.locator('.reading-body .note').evaluateAll((els) => els.map((el) => el.id.replace(/^note-/, '')))).sort()).toEqual(notesHere);
    expect(await hrefOf(page.locator('head link[rel="prev"]'))).toBe(chapterPath(1));
    expect(await hrefOf(page.locator('head link[rel="next"]'))).toBe(chapterPath(3));
    const nav = page.locator('.section-nav').last();
    expect(await nav.locator('a[rel="prev"]').innerText()).toBe('Previous: Chapter 1');
    expect(await nav.locator('a[rel="next"]').innerText()).toBe('Next: Chapter 3');
    await nav.getByRole('link', { name: 'Next: Chapter 3' }).click();
    await page.waitForURL(session.url(chapterPath(3)));
    expect(await page.locator('.passage').first().getAttribute('id')).toBe(`p-${passageIds[80]}`);
    // The first part has no previous, the last no next.
    await page.goto(session.url(chapterPath(1)));
    expect(await page.locator('a[rel="prev"], link[rel="prev"]').count()).toBe(0);
    await page.goto(session.url(chapterPath(CHAPTERS)));
    expect(await page.locator('a[rel="next"], link[rel="next"]').count()).toBe(0);
    await context.close();
  });
});

describe('old permalinks', () => {
  test('/read/<reading>/#p-<id> lands on the passage in its section page, query kept, the map fetched only then', async () => {
    const { page, context, record } = await openPage(session);
    const requests = mapRequests(page);
    // A page of the reading opened without a fragment asks for nothing more.
    await page.goto(session.url(CONTENTS), { waitUntil: 'networkidle' });
    await page.goto(session.url(chapterPath(4)), { waitUntil: 'networkidle' });
    expect(requests).toEqual([]);

    const target = passageIds[212]!;
    await page.goto(session.url(`${CONTENTS}?layer=none#p-${target}`));
    await page.waitForURL((url) => sitePathname(url.href) === chapterPath(chapterOf(213)));
    expect(sitePath(page.url())).toBe(`${chapterPath(6)}?layer=none#p-${target}`);
    await poll(() => page.evaluate(() => document.querySelector(':target')?.id)).toBe(`p-${target}`);
    await poll(() => page.locator(`#p-${target}`).isVisible()).toBe(true);
    const box = await page.locator(`#p-${target}`).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    expect(requests).toHaveLength(1);
    // Back leads to where the reader was before, not to the page that sent them on.
    await page.goBack();
    expect(sitePathname(page.url())).toBe(chapterPath(4));
    clean(record);
    await context.close();
  });

  test('a note’s old permalink, and a passage link given to the wrong section page, land too; an unknown fragment stays', async () => {
    const { page, context, record } = await openPage(session);
    const [note, passage] = [...notePassage].find(([, p]) => chapterOf(numberOf(p)) === 7)!;
    await page.goto(session.url(`${CONTENTS}#note-${note}`));
    await page.waitForURL((url) => sitePathname(url.href) === chapterPath(7));
    expect(new URL(page.url()).hash).toBe(`#note-${note}`);
    expect(chapterOf(numberOf(passage))).toBe(7);

    await page.goto(session.url(`${chapterPath(1)}#p-${passageIds[130]}`));
    await page.waitForURL((url) => sitePathname(url.href) === chapterPath(4));

    // An old link to words in a passage: the browser keeps the words part from scripts, the passage part still leads on.
    await page.goto(session.url(`${CONTENTS}#p-${passageIds[290]}:~:text=${encodeURIComponent('no such words')}`));
    await page.waitForURL((url) => sitePathname(url.href) === chapterPath(7));
    expect(new URL(page.url()).hash).toBe(`#p-${passageIds[290]}`);

    await page.goto(session.url(`${CONTENTS}#no-such-passage`), { waitUntil: 'networkidle' });
    expect(sitePath(page.url())).toBe(`${CONTENTS}#no-such-passage`);
    clean(record);
    await context.close();
  });

  test('without JavaScript an old permalink opens the contents page, which says where each passage is', async () => {
    const { page, context } = await openPage(session, { javaScriptEnabled: false });
    await page.goto(session.url(`${CONTENTS}#p-${passageIds[212]}`));
    expect(sitePathname(page.url())).toBe(CONTENTS);
    const part = page.locator('.section-contents li', { hasText: 'Passages 201–240' });
    expect(await hrefOf(part.locator('a'))).toBe(chapterPath(6));
    await context.close();
  });
});

describe('links that follow a passage to its page', () => {
  test('search results point at the section page holding each passage and open on it', async () => {
    const { page, context, record } = await openPage(session);
    await page.goto(session.url('/search/?q=commons&kind=passage'), { waitUntil: 'networkidle' });
    const links = page.locator('[data-search-page] .search-result a');
    await poll(() => links.count()).toBeGreaterThan(3);
    const hrefs = await links.evaluateAll((els) => els.map((el) => el.getAttribute('href')!));
    const passageLinks = hrefs.map((href) => new URL(href, 'http://site.invalid')).filter((url) => url.hash.startsWith('#p-'));
    expect(passageLinks.length).toBeGreaterThan(3);
    for (const url of passageLinks) {
      const id = url.hash.slice(3);
      expect(sitePathname(url.href), id).toBe(chapterPath(chapterOf(numberOf(id))));
    }
    const last = passageLinks.at(-1)!;
    await links.nth(hrefs.findIndex((href) => href.includes(last.hash))).click();
    await page.waitForURL((url) => url.pathname === last.pathname);
    await poll(() => page.evaluate(() => document.querySelector(':target')?.id)).toBe(last.hash.slice(1));
    clean(record);
    await context.close();
  });

  test('a glossary entry’s "where used" and a note’s cross-reference link to the section page', async () => {
    const { page, context } = await openPage(session, { javaScriptEnabled: false });
    await page.goto(session.url('/glossary/term-1/'));
    const uses = await page.locator('.use-link').evaluateAll((els) => els.map((el) => el.getAttribute('href')!));
    expect(uses.length).toBeGreaterThan(0);
    for (const href of uses) {
      const url = new URL(href, 'http://site.invalid');
      const id = url.hash.replace(/^#(p|note)-/, '');
      const passage = url.hash.startsWith('#note-') ? notePassage.get(id)! : id;
      expect(sitePathname(href), href).toBe(chapterPath(chapterOf(numberOf(passage))));
    }
    // A note's <PassageRef> names the page of the passage, even on its own section's page.
    await page.goto(session.url(chapterPath(1)));
    const refs = await page.locator('.reading-body .note a[href*="#p-"]').evaluateAll((els) => els.map((el) => el.getAttribute('href')!));
    expect(refs.length).toBeGreaterThan(0);
    for (const href of refs) {
      const url = new URL(href, 'http://site.invalid');
      expect(sitePathname(href), href).toBe(chapterPath(chapterOf(numberOf(url.hash.slice(3)))));
    }
    await context.close();
  });

  test('Cite on a section page: permalink and references give the section page', async () => {
    const { page, context, record } = await openPage(session);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(session.url(chapterPath(5)));
    await toolsReady(page);
    const passage = passageIds[170]!;
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toMatch(new RegExp(`/read/${READING}/chapter-5/$`));
    await page.locator(`#p-${passage} .passage-number`).click();
    const bar = page.locator('.selection-tools');
    await poll(() => bar.isVisible()).toBe(true);
    await bar.getByRole('button', { name: 'Cite ¶171' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cite passage 171' });
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel('Permalink').inputValue()).toBe(`${canonical}#p-${passage}`);
    const references = await dialog.locator('.cite-reference').allTextContents();
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(reference).toContain(`${canonical}#p-${passage}`);
      expect(reference).not.toContain('arpassage');
    }
    expect(await runAxe(page)).toEqual([]);
    clean(record);
    await context.close();
  });
});

describe('a course part over several section pages', () => {
  test('the syllabus link opens its first page; each page of the part shows the banner and marks its share, all of a page in between', async () => {
    const { page, context, record } = await openPage(session);
    await page.goto(session.url(`/courses/${COURSE}/`));
    const key = `${COURSE}.span.1`;
    const link = page.locator(`a[href*="assigned=${key}"]`).first();
    expect(await hrefOf(link)).toBe(`${chapterPath(2)}?assigned=${key}#p-${passageIds[SPAN.from]}`);
    const marked = async () => {
      await poll(() => page.locator('.assigned-banner').count()).toBe(1);
      return page.locator('.passage[data-assigned]').evaluateAll((els) => els.map((el) => el.id.replace(/^p-/, '')));
    };
    await link.click();
    expect(await marked()).toEqual(passageIds.slice(SPAN.from, 80));
    await page.goto(session.url(`${chapterPath(3)}?assigned=${key}`));
    expect(await marked()).toEqual(passageIds.slice(80, 120));
    await page.goto(session.url(`${chapterPath(4)}?assigned=${key}`));
    expect(await marked()).toEqual(passageIds.slice(120, SPAN.to + 1));
    // Past the part: no banner, nothing marked.
    await page.goto(session.url(`${chapterPath(5)}?assigned=${key}`), { waitUntil: 'networkidle' });
    expect(await page.locator('.assigned-banner, .passage[data-assigned]').count()).toBe(0);
    clean(record);
    await context.close();
  });
});

describe('personal notes across section pages', () => {
  const stamp = '2027-01-05T10:00:00.000Z';
  const note = (n: number, passage: string, text: string) => ({
    id: `urn:uuid:00000000-0000-4000-8000-00000000000${n}`,
    reading: READING,
    passage,
    text,
    created: stamp,
    modified: stamp,
  });

  test('kept per reading: each shows on the page holding its passage; My notes lists them all, in order, numbered, linked', async () => {
    const { page, context, record } = await openPage(session);
    const early = passageIds[5]!;
    const late = passageIds[250]!;
    const notes = [note(2, late, 'On the late passage'), note(1, early, 'On the early passage')];
    await page.addInitScript(
      ([key, value]) => {
        if (!localStorage.getItem(key!)) localStorage.setItem(key!, value!);
      },
      [`ar-notes:${READING}`, JSON.stringify({ version: 1, notes })],
    );
    await page.goto(session.url(chapterPath(1)));
    await toolsReady(page);
    await poll(() => page.locator(`#p-${early} .my-notes-marker`).count()).toBe(1);
    expect(await page.locator('.my-notes-marker').count()).toBe(1);
    await page.locator('.reader-toolbar [data-tool="notes"]').click();
    const groups = page.locator('dialog[open] .notes-group');
    await poll(() => groups.count()).toBe(2);
    expect(await groups.locator('h3 a').allInnerTexts()).toEqual(['Passage 6', 'Passage 251']);
    // The first words of a passage on this page; a passage never seen here has its number alone.
    const earlyOpening = (await groups.nth(0).locator('.notes-group-opening').innerText()).trim();
    expect(earlyOpening.length).toBeGreaterThan(10);
    expect((await page.locator(`#p-${early} .passage-text`).innerText()).replace(/\s+/g, ' ')).toContain(earlyOpening.replace(/…$/, ''));
    expect(await groups.nth(1).locator('.notes-group-opening').count()).toBe(0);
    const lateLink = groups.nth(1).locator('h3 a');
    expect(await hrefOf(lateLink)).toBe(`${chapterPath(7)}#p-${late}`);
    expect(await runAxe(page)).toEqual([]);
    await lateLink.click();
    await page.waitForURL((url) => sitePathname(url.href) === chapterPath(7));
    await poll(() => page.locator(`#p-${late} .my-notes-marker`).count()).toBe(1);
    expect(await page.locator('.my-notes-marker').count()).toBe(1);
    // On another section page, the early passage keeps the first words seen on its own page.
    await page.locator('.reader-toolbar [data-tool="notes"]').click();
    await poll(() => groups.count()).toBe(2);
    expect((await groups.nth(0).locator('.notes-group-opening').innerText()).trim()).toBe(earlyOpening);
    expect((await groups.nth(1).locator('.notes-group-opening').innerText()).length).toBeGreaterThan(10);
    clean(record);
    await context.close();
  });
});

describe('print', () => {
  const stubPrint = (page: Page) =>
    page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });

  test('a section page prints this section, or the whole reading in order with every passage once', async () => {
    const { page, context, record } = await openPage(session);
    await stubPrint(page);
    await page.goto(session.url(chapterPath(3)));
    await toolsReady(page);
    const tools = page.locator('.reader-toolbar');
    await tools.getByRole('button', { name: 'Print this section' }).click();
    await poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.locator('.passage').count()).toBe(40);

    await tools.getByRole('button', { name: 'Print the whole reading' }).click();
    await poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(2);
    const ids = await page.locator('.reading-body .passage').evaluateAll((els) => els.map((el) => el.id.replace(/^p-/, '')));
    expect(ids).toEqual(passageIds);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.section-nav').first().evaluate((el) => getComputedStyle(el).display)).toBe('none');
    // Once printed, the page is this section again.
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    expect(await page.locator('.passage').count()).toBe(40);
    clean(record);
    await context.close();
  });

  test('the contents page prints the whole reading', async () => {
    const { page, context, record } = await openPage(session);
    await stubPrint(page);
    await page.goto(session.url(CONTENTS));
    await toolsReady(page);
    expect(await page.locator('.reader-toolbar').getByRole('button', { name: 'Print this section' }).count()).toBe(0);
    await page.locator('.reader-toolbar').getByRole('button', { name: 'Print the whole reading' }).click();
    await poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.locator('.reading-body .passage').count()).toBe(LONG_BOOK_PASSAGES);
    clean(record);
    await context.close();
  });
});

describe('the EPUB, the export and accessibility', () => {
  test('the EPUB is one book of every passage; a note’s cross-reference points inside it', () => {
    const files = unzipSync(readFileSync(fixture.file(`dist/read/${READING}.epub`)));
    const text = strFromU8(files['OEBPS/text.xhtml']!);
    expect([...text.matchAll(/ id="p-([a-z0-9-]+)"/g)].map((m) => m[1])).toEqual(passageIds);
    const refs = [...text.matchAll(/href="([^"]*#p-[^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const href of refs) expect(href).toMatch(/^(text\.xhtml)?#p-[a-z0-9-]+$/);
  });

  test('the Web Annotation export gives each note its section page; the target stays the reading, whose whole text the positions count in', () => {
    const collection = JSON.parse(readFileSync(fixture.file(`dist/read/${READING}/annotations.jsonld`), 'utf8')) as {
      first: { items: { id: string; target: { source: string } | string }[] };
    };
    const items = collection.first.items;
    expect(items).toHaveLength(notePassage.size);
    for (const item of items) {
      const id = new URL(item.id);
      const note = id.hash.replace(/^#note-/, '');
      expect(sitePathname(id.href), item.id).toBe(chapterPath(chapterOf(numberOf(notePassage.get(note)!))));
      expect(sitePathname(typeof item.target === 'string' ? item.target : item.target.source)).toBe(CONTENTS);
    }
  });

  test('axe: the contents page and a section page', async () => {
    const { page, context } = await openPage(session);
    for (const sitePath of [CONTENTS, chapterPath(2)]) {
      await page.goto(session.url(sitePath));
      await toolsReady(page);
      expect(await runAxe(page), sitePath).toEqual([]);
    }
    await context.close();
  });
});
