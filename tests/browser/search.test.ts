/**
 * Search, end to end in Chromium on the built site: the index answers for every kind of content
 * and each result lands on its element with the words marked; facets narrow; `?q=` restores a
 * search; everything works from the keyboard; nothing of Pagefind loads before the reader asks;
 * axe finds nothing with the dialog open; and the strict CSP holds throughout.
 *
 * The queries come from the built site and the editorial files, never from a fixed list: each
 * passage or note is searched by a word no other indexed text shares, each glossary term by its
 * headword and aliases, each source by its title. Each kind of content is asserted present as the
 * editorial files define it, so a build that lost one fails here instead of searching nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { onePagePerType } from '../../bench/lib/built-site.ts';
import { extractSearchRecords, groupSearchRecords, type SearchRecord } from '../../src/lib/search-records.ts';
import { fold, wordStem } from '../../src/lib/search.ts';
import { BASE, builtPages, DIST, entriesToSweep, openPage, runAxe, startSession, type PageRecord, type Session } from './harness.ts';

const pages = builtPages();
const htmlOf = (sitePath: string) => readFileSync(path.join(DIST, ...sitePath.split('/').filter(Boolean), 'index.html'), 'utf8');
const built = pages.map((sitePath) => ({ sitePath, html: htmlOf(sitePath), ...extractSearchRecords(htmlOf(sitePath), `${sitePath.slice(1)}index.html`) }));
const records = built.flatMap((page) => page.records);
/** Every text the index holds: the records, and (roughly, tags stripped) the pages indexed whole. */
const searchable = (r: SearchRecord) => [r.content, ...Object.values(r.meta)].join(' ');
const corpus = [...records.map(searchable), ...built.filter((p) => p.pageIndexed).map((p) => p.html.replace(/<[^>]*>/g, ' '))];

/**
 * Which corpus texts hold a word beginning with each prefix of up to five letters, as findHits
 * folds and splits words: the distinctiveness check below asks this once per candidate word, where
 * scanning the whole corpus for each made the notes' test take 22 s instead of 4.
 */
const textsByPrefix = new Map<string, Set<number>>();
corpus.forEach((text, index) => {
  const words = new Set([...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)].map((match) => fold(match[0])));
  for (const word of words) {
    for (let length = 1; length <= Math.min(5, word.length); length++) {
      const prefix = word.slice(0, length);
      const texts = textsByPrefix.get(prefix) ?? new Set<number>();
      texts.add(index);
      textsByPrefix.set(prefix, texts);
    }
  }
});

/**
 * A word of `record` that no other indexed text shares even its first five letters with: Pagefind
 * matches stems ("sustainable" finds "sustains"), so only such a word is sure to find one record.
 */
function distinctiveWord(record: SearchRecord): string | undefined {
  const own = searchable(record);
  const words = [...new Set(fold(record.content).match(/\p{L}{6,}/gu) ?? [])].sort((a, b) => b.length - a.length);
  return words.find((word) => {
    const stem = wordStem(word.slice(0, 5));
    return [...(textsByPrefix.get(stem) ?? [])].every((index) => corpus[index] === own);
  });
}

/** Up to `count` records of a kind, spread over the reading, each with its distinctive word. */
function samples(kind: string, count: number) {
  const ofKind = records.filter((r) => r.filters.kind?.[0] === kind).map((r) => ({ record: r, word: distinctiveWord(r) }));
  const usable = ofKind.filter((s): s is { record: SearchRecord; word: string } => Boolean(s.word));
  const step = Math.max(1, Math.floor(usable.length / count));
  return usable.filter((_, i) => i % step === 0).slice(0, count);
}

/**
 * Checks whose subject the address cannot change (axe, layout, the keyboard inside the dialog, an
 * empty result) are registered in the run at the root only; the sub-path run keeps what the base
 * decides: the engine's files, result links and where they land, the search page's address.
 */
const ROOT_ONLY = BASE === '/';

const readerPage = pages.find((p) => p.startsWith('/read/')) ?? '/read/';
/** `/read/x/#p-y` from a result link that carries the base and `?highlight=`. */
const sitePathOfHref = (href: string) => {
  const url = new URL(href, 'http://site.invalid');
  const base = BASE.endsWith('/') ? BASE : `${BASE}/`;
  return `/${url.pathname.slice(base.length)}${url.hash}`;
};

interface Row {
  href: string;
  /** The link as a site path with its fragment (base and `?highlight=` removed). */
  site: string;
  kind: string;
  title: string;
  meta: string;
  /** Site paths of every link in the row (a page result lists its other matching parts). */
  links: string[];
}

async function rows(page: Page, scope: string): Promise<Row[]> {
  const found = await page.$$eval(`${scope} .search-result`, (items) =>
    items.map((li) => {
      const link = li.querySelector('a')!;
      return {
        href: link.getAttribute('href')!,
        kind: /search-result--(\w+)/.exec(li.className)?.[1] ?? '',
        title: link.textContent ?? '',
        meta: li.querySelector('.search-result-meta')?.textContent ?? '',
        hrefs: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')!),
      };
    }),
  );
  return found.map(({ hrefs, ...row }) => ({ ...row, site: sitePathOfHref(row.href), links: hrefs.map(sitePathOfHref) }));
}

/** Types a query into the open dialog and waits for the live region to report it. */
async function search(page: Page, query: string): Promise<Row[]> {
  await page.locator('dialog[open] input[type="search"]').fill(query);
  await expect.poll(() => page.textContent('dialog[open] .search-status'), patiently).toContain(`“${query}”`);
  return rows(page, 'dialog[open]');
}

/** Polling patience: searches take milliseconds, but a loaded machine can take seconds to start Pagefind. */
const patiently = { timeout: 20_000 };

const cleanRecord = (record: PageRecord) => {
  expect(record.cspViolations).toEqual([]);
  expect(record.pageErrors).toEqual([]);
  expect(record.consoleErrors).toEqual([]);
  expect(record.foreignRequests).toEqual([]);
};

/** Glossary entries from the editorial files, with the page each one should have. */
const glossaryDir = 'annotations/glossary';
const glossary = existsSync(glossaryDir)
  ? readdirSync(glossaryDir)
      .filter((f) => f.endsWith('.mdx'))
      .map((file) => {
        const front = parseYaml(readFileSync(path.join(glossaryDir, file), 'utf8').split(/^---$/m)[1] ?? '') as { term: string; aliases?: string[] };
        return { id: file.replace(/\.mdx$/, ''), term: front.term, aliases: front.aliases ?? [] };
      })
  : [];
const sources = existsSync('annotations/sources.yaml')
  ? ((parseYaml(readFileSync('annotations/sources.yaml', 'utf8')) ?? []) as { id: string; title?: string }[])
  : [];

describe('search', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  async function openDialog(sitePath = readerPage, options: Parameters<typeof openPage>[1] = {}) {
    const opened = await openPage(session, options);
    await opened.page.goto(session.url(sitePath), { waitUntil: 'networkidle' });
    // The shortcut works once <ar-search> has upgraded its link into the button.
    await opened.page.locator('ar-search button').waitFor();
    await opened.page.keyboard.press('Control+k');
    await opened.page.locator('dialog[open] input[type="search"]').waitFor();
    return opened;
  }

  test('nothing of Pagefind loads on a page of any type before the reader asks for search', async () => {
    expect(pages).toContain('/search/');
    // One page per type: the byte-budget check (tests/site) covers every page statically.
    for (const sitePath of onePagePerType(pages)) {
      const { page, context, record } = await openPage(session);
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(session.url(sitePath), { waitUntil: 'networkidle' });
      expect(requested.filter((url) => url.includes('/pagefind/')), sitePath).toEqual([]);
      cleanRecord(record);
      await context.close();
    }
    // The first interaction loads it: opening the dialog from the header.
    const { page, context, record } = await openPage(session);
    await page.goto(session.url(readerPage), { waitUntil: 'networkidle' });
    await page.locator('ar-search button').waitFor();
    const engine = page.waitForRequest((request) => request.url().endsWith('/pagefind/pagefind.js'));
    await page.keyboard.press('/');
    await engine;
    cleanRecord(record);
    await context.close();
  });

  test.each(samples('passage', ROOT_ONLY ? 6 : 2).map((s) => [s.word, s.record.url, s.record] as const))(
    'a passage word (%s) finds its passage first: %s',
    async (word, url) => {
      const { page, context, record } = await openDialog();
      const found = await search(page, word);
      expect(found[0]).toMatchObject({ site: url, kind: 'passage' });
      cleanRecord(record);
      await context.close();
    },
  );

  test('notes are found by their own words and land on the note', async () => {
    const notes = samples('annotation', 6);
    // A note is a list item (margin, questions) or a row of the textual apparatus.
    const noteElements = built.flatMap((p) => [...p.html.matchAll(/<(?:li|tr) class="note" id="note-([^"]+)"/g)].map((m) => m[1]));
    // The edition has notes (one file each under annotations/<reading>/): every one is on the page, and some are searched.
    const noteFiles = readdirSync('annotations').filter((d) => d !== 'glossary' && !d.includes('.')).flatMap((d) => readdirSync(path.join('annotations', d)).filter((f) => f.endsWith('.mdx')));
    expect(noteFiles.length).toBeGreaterThan(0);
    expect(noteElements.length).toBe(noteFiles.length);
    expect(notes.length).toBeGreaterThan(0);
    const { page, context, record } = await openDialog();
    for (const { record: note, word } of notes) {
      const found = await search(page, word);
      expect(found[0], `${word} → ${note.url}`).toMatchObject({ site: note.url, kind: 'annotation' });
    }
    const last = notes.at(-1)!;
    await search(page, last.word);
    await Promise.all([page.waitForURL(/highlight=/), page.locator('dialog[open] .search-result a').first().click()]);
    const fragment = last.record.url.split('#')[1]!;
    await expect.poll(() => page.$$eval('mark.search-hit', (marks) => marks.map((m) => m.closest('[id]')?.id)), patiently).toContain(fragment);
    expect(await page.evaluate(() => decodeURIComponent(location.hash.slice(1)))).toBe(fragment);
    cleanRecord(record);
    await context.close();
  });

  // About 160 searches through the dialog: give it time on a busy machine.
  test('a glossary term or any of its aliases finds its own entry first', { timeout: 400_000 }, async () => {
    const entries = glossary.filter((g) => pages.includes(`/glossary/${g.id}/`));
    // Entry pages are built from the glossary files: every term has its page and must be findable.
    expect(glossary.length).toBeGreaterThan(0);
    expect(entries.length).toBe(glossary.length);
    expect(entries.length).toBe(pages.filter((p) => /^\/glossary\/[^/]+\/$/.test(p)).length);
    const { page, context, record } = await openDialog();
    for (const entry of entriesToSweep(entries)) {
      for (const name of [entry.term, ...entry.aliases]) {
        const found = await search(page, name);
        expect(found[0]?.site.split('#')[0], `"${name}"`).toBe(`/glossary/${entry.id}/`);
        expect(found[0]?.kind).toBe('glossary');
      }
    }
    cleanRecord(record);
    await context.close();
  });

  test('a source’s title, searched among sources, lands on its entry in the bibliography', { timeout: 400_000 }, async () => {
    const listed = pages.includes('/sources/') ? sources.filter((s) => s.title && htmlOf('/sources/').includes(`id="source-${s.id}"`)) : [];
    // Every titled source of the bibliography file is listed on the sources page, and searched.
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBe(sources.filter((s) => s.title).length);
    const { page, context, record } = await openPage(session);
    await page.goto(session.url('/search/?kind=source'), { waitUntil: 'networkidle' });
    const field = page.locator('[data-search-page] input[type="search"]');
    for (const source of entriesToSweep(listed)) {
      await field.fill(source.title!);
      await expect.poll(() => page.textContent('.search-status'), patiently).toContain(`for “${source.title!.trim()}” with these filters`);
      const found = await rows(page, '[data-search-page]');
      const anchor = `/sources/#source-${source.id}`;
      // Two works with one title: either may lead, and the other is listed under it.
      const twins = listed.filter((other) => fold(other.title!) === fold(source.title!)).length;
      if (twins === 1) expect(found[0]?.site, source.title).toBe(anchor);
      else expect(found[0]?.links, source.title).toContain(anchor);
    }
    cleanRecord(record);
    await context.close();
  });

  test('a result holds the matching passages of one page and section: it lands on one, lists the others, and each lands on its passage', async () => {
    // Pagefind indexes each page's passages sharing every filter as one document (groupSearchRecords):
    // a word that several passages of one such document share, found in as few other texts as can be.
    const documents = built.flatMap((p) => groupSearchRecords(p.records).documents).filter((d) => d.records[0]!.filters.kind?.[0] === 'passage');
    const wordsOf = (text: string) => new Set(fold(text).match(/\p{L}{6,}/gu) ?? []);
    const picked = documents
      .flatMap((document) =>
        [...wordsOf(document.records.map((r) => r.content).join(' '))].map((word) => ({
          word,
          document,
          urls: document.records.filter((r) => wordsOf(r.content).has(word)).map((r) => r.url),
          elsewhere: textsByPrefix.get(wordStem(word.slice(0, 5)))?.size ?? 0,
        })),
      )
      .filter((candidate) => candidate.urls.length > 1)
      .sort((a, b) => a.elsewhere - b.elsewhere || b.urls.length - a.urls.length)[0];
    expect(picked, 'a word several passages of one section share').toBeDefined();
    const { word, urls, document } = picked!;
    const { page, context, record } = await openDialog();
    const found = await search(page, word);
    // Its row lists every passage of the document with the word (and any with a variant of it), none from elsewhere.
    const row = found.find((r) => r.links.includes(urls[0]!));
    expect(row, `${word}: ${urls.join(', ')}`).toBeDefined();
    expect(row!.kind).toBe('passage');
    expect(row!.links).toEqual(expect.arrayContaining(urls));
    const own = new Set(document.records.map((r) => r.url));
    expect(row!.links.filter((link) => !own.has(link))).toEqual([]);
    expect(await page.locator('dialog[open] .search-result', { has: page.locator(`a[href$="#${urls[0]!.split('#')[1]}"]`) }).locator('.search-result-more').getAttribute('aria-label')).toMatch(/^More matches in /);
    // A listed passage, not the row's own link, opens on that passage with the word marked.
    const other = row!.links.find((link) => link !== row!.site)!;
    const fragment = other.split('#')[1]!;
    await Promise.all([page.waitForURL(/highlight=/), page.locator(`dialog[open] .search-result-more a[href$="#${fragment}"]`).click()]);
    expect(new URL(page.url()).hash).toBe(`#${fragment}`);
    await expect.poll(() => page.$$eval('mark.search-hit', (marks) => marks.map((m) => m.closest('.passage')?.id)), patiently).toContain(fragment);
    cleanRecord(record);
    await context.close();
  });

  test('facets narrow the results, by kind and by speaker', async () => {
    // A word that passages and notes (if any) share, so the kind facet has something to narrow.
    const counts = new Map<string, { kinds: Set<string>; records: number }>();
    for (const r of records) {
      for (const w of new Set(fold(r.content).match(/\p{L}{5,}/gu) ?? [])) {
        const count = counts.get(w) ?? { kinds: new Set(), records: 0 };
        count.kinds.add(r.filters.kind![0]!);
        count.records++;
        counts.set(w, count);
      }
    }
    const [word, { kinds: wordKinds }] = [...counts].sort((a, b) => b[1].kinds.size - a[1].kinds.size || b[1].records - a[1].records)[0]!;
    const { page, context, record } = await openPage(session);
    await page.goto(session.url(`/search/?q=${word}`), { waitUntil: 'networkidle' });
    await expect.poll(() => page.textContent('.search-status'), patiently).toContain(`“${word}”`);
    const all = Number(/(\d+) results?/.exec((await page.textContent('.search-status'))!)?.[1]);
    expect(all, word).toBeGreaterThan(1);
    const kinds = await page.$$eval('.search-facet--kind input', (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    if (wordKinds.size > 1) expect(kinds.length).toBeGreaterThan(1);
    await page.check('.search-facet--kind input[value="passage"]');
    await expect.poll(() => page.textContent('.search-status'), patiently).toContain('with these filters');
    const passages = await rows(page, '[data-search-page]');
    expect(passages.every((r) => r.kind === 'passage')).toBe(true);
    const narrowed = Number(/(\d+) results?/.exec((await page.textContent('.search-status'))!)?.[1]);
    expect(narrowed).toBeLessThanOrEqual(all);
    if (kinds.length > 1) expect(narrowed).toBeLessThan(all);
    expect(new URL(page.url()).searchParams.getAll('kind')).toEqual(['passage']);
    // Speaker: pick one offered and every row must be that speaker's.
    const speakerBox = page.locator('.search-facet--speaker input').first();
    if ((await speakerBox.count()) > 0) {
      const speaker = (await speakerBox.getAttribute('value'))!;
      await speakerBox.check();
      await expect.poll(async () => new URL(page.url()).searchParams.getAll('speaker'), patiently).toEqual([speaker]);
      await expect.poll(async () => (await rows(page, '[data-search-page]')).every((r) => r.meta.includes(speaker)), patiently).toBe(true);
    }
    cleanRecord(record);
    await context.close();
  });

  if (ROOT_ONLY) {
    test('a query with no hits says so', async () => {
      const { page, context, record } = await openDialog();
      const found = await search(page, 'qzxjvwpt');
      expect(found).toEqual([]);
      expect(await page.textContent('dialog[open] .search-status')).toBe('No results for “qzxjvwpt”.');
      cleanRecord(record);
      await context.close();
    });
  }

  test('?q= restores a search, with its filters, and typing keeps the address shareable', async () => {
    const { record: sample, word } = samples('passage', 1)[0]!;
    const { page, context, record } = await openPage(session);
    await page.goto(session.url(`/search/?q=${encodeURIComponent(word)}&kind=passage`), { waitUntil: 'networkidle' });
    await expect.poll(() => page.textContent('.search-status'), patiently).toContain(`“${word}”`);
    expect(await page.inputValue('[data-search-page] input[type="search"]')).toBe(word);
    expect(await page.isChecked('.search-facet--kind input[value="passage"]')).toBe(true);
    expect((await rows(page, '[data-search-page]'))[0]?.site).toBe(sample.url);
    await page.fill('[data-search-page] input[type="search"]', 'enclosure');
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), patiently).toBe('enclosure');
    expect(new URL(page.url()).searchParams.getAll('kind')).toEqual(['passage']);
    cleanRecord(record);
    await context.close();
  });

  test('without JavaScript, the header links to /search/, which explains and offers the glossary and contents', async () => {
    const { page, context } = await openPage(session, { javaScriptEnabled: false });
    await page.goto(session.url(readerPage));
    const link = page.locator('ar-search a');
    expect(await link.isVisible()).toBe(true);
    expect(await page.locator('ar-search button').isVisible()).toBe(false);
    await Promise.all([page.waitForURL(/\/search\/$/), link.click()]);
    expect(await page.locator('.search-nojs').isVisible()).toBe(true);
    expect(await page.textContent('.search-nojs')).toContain('needs JavaScript');
    const hrefs = await page.$$eval('.search-nojs a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.endsWith('/glossary/'))).toBe(true);
    expect(hrefs.some((h) => /\/read\/[^/]+\/#toc-title$/.test(h ?? ''))).toBe(true);
    await context.close();
  });

  test('keyboard only: / and Ctrl+K open, arrows walk the results, Enter lands on the passage, Escape closes', async () => {
    const { record: sample, word } = samples('passage', 1)[0]!;
    const { page, context, record } = await openPage(session);
    await page.goto(session.url(readerPage), { waitUntil: 'networkidle' });
    const trigger = page.locator('ar-search button');
    await trigger.waitFor();
    // Escape closes and gives focus back to the control that opened the dialog.
    await trigger.focus();
    await page.keyboard.press('Enter');
    await page.locator('dialog[open] input[type="search"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.matches('dialog input[type="search"]'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count(), patiently).toBe(0);
    expect(await trigger.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+k');
    await page.keyboard.type(word);
    await expect.poll(() => page.textContent('dialog[open] .search-status'), patiently).toContain(`“${word}”`);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('.search-result') !== null)).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.matches('input[type="search"]'))).toBe(true);
    // Tab reaches the results too.
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement?.closest('.search-result') !== null)) && tabs++ < 40) await page.keyboard.press('Tab');
    expect(tabs).toBeLessThan(40);
    // Escape in the field closes the dialog at once, even with a query in it, and the query is
    // still there when "/" opens the dialog again.
    await page.locator('dialog[open] input[type="search"]').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count(), patiently).toBe(0);
    await page.keyboard.press('/');
    await page.locator('dialog[open] input[type="search"]').waitFor();
    expect(await page.inputValue('dialog[open] input[type="search"]')).toBe(word);
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(/highlight=/), page.keyboard.press('Enter')]);
    await page.waitForLoadState('networkidle');
    const fragment = sample.url.split('#')[1]!;
    expect(new URL(page.url()).hash).toBe(`#${fragment}`);
    await expect.poll(() => page.$$eval('mark.search-hit', (marks) => marks.map((m) => m.closest('.passage')?.id)), patiently).toEqual(expect.arrayContaining([fragment]));
    const inView = await page.$eval(`#${fragment}`, (el) => {
      const box = el.getBoundingClientRect();
      return box.top < innerHeight && box.bottom > 0;
    });
    expect(inView).toBe(true);
    cleanRecord(record);
    await context.close();
  });

  if (ROOT_ONLY) {
    test('the header control keeps its place and size when the link becomes a button (no layout shift)', async () => {
      const { page, context, record } = await openPage(session);
      await page.goto(session.url(readerPage), { waitUntil: 'networkidle' });
      const button = page.locator('ar-search button');
      await button.waitFor();
      const upgraded = (await button.boundingBox())!;
      // What the page showed before the script ran: the link, with scripting enabled.
      await page.evaluate(() => {
        document.querySelector<HTMLElement>('ar-search button')!.hidden = true;
        document.querySelector<HTMLElement>('ar-search a')!.hidden = false;
      });
      const before = (await page.locator('ar-search a').boundingBox())!;
      for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(upgraded[side] - before[side]), side).toBeLessThan(1);
      cleanRecord(record);
      await context.close();
    });

    test('a result reached from the keyboard is scrolled into view, never hidden under the field (phone size)', async () => {
      const { page, context, record } = await openDialog(readerPage, { viewport: { width: 375, height: 640 } });
      await search(page, 'state');
      const links = await page.locator('dialog[open] .search-result a').count();
      expect(links).toBeGreaterThan(6);
      for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
      const placement = await page.evaluate(() => {
        const focused = document.activeElement!.getBoundingClientRect();
        const field = document.querySelector('dialog[open] .search-form')!.getBoundingClientRect();
        return { top: focused.top, bottom: focused.bottom, fieldBottom: field.bottom, viewport: innerHeight, inResults: !!document.activeElement!.closest('.search-result') };
      });
      expect(placement.inResults).toBe(true);
      expect(placement.top).toBeGreaterThanOrEqual(placement.fieldBottom);
      expect(placement.bottom).toBeLessThanOrEqual(placement.viewport);
      cleanRecord(record);
      await context.close();
    });

    test('"/" typed into a field stays in the field', async () => {
      const { page, context, record } = await openPage(session);
      await page.goto(session.url('/search/'), { waitUntil: 'networkidle' });
      await page.locator('[data-search-page] input[type="search"]').focus();
      await page.keyboard.type('a/b');
      expect(await page.inputValue('[data-search-page] input[type="search"]')).toBe('a/b');
      expect(await page.locator('dialog[open]').count()).toBe(0);
      cleanRecord(record);
      await context.close();
    });
  }

  if (ROOT_ONLY) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds no violations with the dialog open on results (${colorScheme}), and the results are announced`, async () => {
        const { record: sample, word } = samples('passage', 1)[0]!;
        const { page, context, record } = await openDialog(readerPage, { colorScheme });
        await page.locator('dialog[open] input[type="search"]').fill(word.slice(0, 4));
        await expect.poll(() => page.textContent('dialog[open] .search-status'), patiently).toContain('result');
        expect(await page.getAttribute('dialog[open] .search-status', 'role')).toBe('status');
        expect((await rows(page, 'dialog[open]')).length).toBeGreaterThan(0);
        expect(sample.url).toContain('#');
        const violations = await runAxe(page);
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
        cleanRecord(record);
        await context.close();
      });
    }
  }

  test('on arrival with ?highlight=, only the target passage gets marks, and it is in view', async () => {
    const { record: sample, word } = samples('passage', 3).at(-1)!;
    const { page, context, record } = await openPage(session, { viewport: { width: 375, height: 700 } });
    const [pathname, fragment] = sample.url.split('#');
    await page.goto(session.url(`${pathname}?highlight=${encodeURIComponent(word)}#${fragment}`), { waitUntil: 'networkidle' });
    const marked = await page.$$eval('mark.search-hit', (marks) => marks.map((m) => [m.textContent, m.closest('.passage')?.id]));
    expect(marked.length).toBeGreaterThan(0);
    for (const [text, id] of marked) {
      expect(id).toBe(fragment);
      expect(fold(text!)).toContain(word.slice(0, 4));
    }
    expect(await page.$eval(`#${fragment}`, (el) => el.getBoundingClientRect().top < innerHeight)).toBe(true);
    cleanRecord(record);
    await context.close();
  });
});
