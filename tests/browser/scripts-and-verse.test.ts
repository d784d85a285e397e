/**
 * A reading's own setting in the browser, on a fixture site built here (tests/fixtures/scripts):
 * Greek verse with its lines and numbers, an Arabic reading laid out right to left, inline marks,
 * languages on the text only, copying and citing verse by line. Screenshots of both readings at
 * 375 and 1440 px are kept in tests/.output/screenshots/ for a person to look at. The same build,
 * read as files: its pages pass the Nu Html Checker and its books epubcheck, each language has its
 * own search bundle, and a mark whose words are not in the passage stops the build with the
 * check's message.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStaticServer } from '../../src/cli/static-server.ts';
import { splitBlocks } from '../../src/lib/passages.ts';
import { extractSearchRecords } from '../../src/lib/search-records.ts';
import { problemBlocks, runBuild, type Fixture } from '../fixtures/fixture-site.ts';
import { isHtmlMessage, VNU_JAR } from '../setup/nu-checker.ts';
import { requireDependency } from '../setup/system-dependencies.ts';
import { DROPPED_IN_STYLE, makeScriptsFixture, RTL_READING, VERSE_READING } from '../fixtures/scripts-fixture.ts';
import { siteAddress } from '../../bench/lib/built-site.ts';
import { CHROMIUM_PATH, LAUNCH_ARGS, openPage, runAxe, type Session } from './harness.ts';
import { poll, selectPhrase, toolsReady } from './reader-tools-helpers.ts';

const SHOTS = path.resolve('tests/.output/screenshots');

let fixture: Fixture;
let session: Session;
beforeAll(async () => {
  fixture = makeScriptsFixture('browser-scripts');
  // The build is a production build even under Vitest's NODE_ENV=test (src/cli/build.ts), so search works.
  const built = await runBuild(fixture);
  if (built.code !== 0) throw new Error(built.stderr);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
  const server = await startStaticServer({ root: fixture.file('dist'), port: 0, base: '/' });
  const url = (sitePath: string) => new URL(sitePath.replace(/^\//, ''), server.url).href;
  session = { browser, server, baseUrl: server.url, url, close: async () => { await browser.close(); await server.close(); } };
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);
afterAll(() => session?.close());

async function open(reading: string, width = 1440, javaScriptEnabled = true) {
  const opened = await openPage(session, { viewport: { width, height: 900 }, javaScriptEnabled });
  await opened.page.goto(session.url(`/read/${reading}/`));
  return opened;
}

/** Each passage's text as a reader copies it: note markers (and folded notes) left out; line numbers are not in the DOM's text at all. */
const passageTexts = (page: Page) =>
  page.$$eval('.passage', (passages) =>
    passages.map((passage) => {
      const text = passage.querySelector('.passage-text')!.cloneNode(true) as Element;
      text.querySelectorAll('.note-ref, .app-ref, .note-fold').forEach((el) => el.remove());
      const list = text.tagName === 'UL';
      return { id: passage.id.replace(/^p-/, ''), text: list ? [...text.querySelectorAll('li')].map((li) => li.textContent).join('\n') : text.textContent! };
    }),
  );

const sourceBlocks = (reading: string) => splitBlocks(fixture.read(`src/content/readings/${reading}/source.txt`)).map((b) => b.text);

describe.each([VERSE_READING, RTL_READING, 'sample'])('%s', (reading) => {
  test('each passage\u2019s rendered text is its source block, character for character', async () => {
    const { page, context } = await open(reading, 1440, false);
    const blocks = sourceBlocks(reading);
    const texts = await passageTexts(page);
    // A list item drops its indentation on screen (as it always has); everything else is verbatim.
    expect(texts.map((t) => t.text)).toEqual(blocks.map((b, i) => (texts[i]?.id === 'needs' ? b.replace(/^\s+/gm, '') : b)));
    await context.close();
  });

  test('search records hold the plain text: no line numbers, no marks', () => {
    const html = readFileSync(fixture.file(`dist/read/${reading}/index.html`), 'utf8');
    const { records } = extractSearchRecords(html, `read/${reading}/index.html`);
    const passages = records.filter((r) => r.filters.kind?.[0] === 'passage').map((r) => r.content);
    const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(passages.map(flat)).toEqual(sourceBlocks(reading).map(flat));
  });
});

describe('Greek verse', () => {
  test('one line per source line, an anchor on each, numbers every 3rd line through the reading, and the page is in English', async () => {
    const { page, context, record } = await open(VERSE_READING);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const lines = await page.$$eval('.verse-line', (els) =>
      els.map((el) => ({ id: el.id, n: el.getAttribute('data-n'), shown: getComputedStyle(el, '::before').content, top: Math.round(el.getBoundingClientRect().top) })),
    );
    expect(lines.map((l) => l.id)).toEqual(['p-wrath-l1', 'p-wrath-l2', 'p-wrath-l3', 'p-wrath-l4', 'p-wrath-l5', 'p-strife-l6', 'p-strife-l7']);
    expect(lines.filter((l) => l.n).map((l) => l.n)).toEqual(['3', '6']);
    expect(lines.find((l) => l.n === '6')!.shown).toMatch(/^attr\(data-n\)|^"6"/);
    // Each line starts below the one before it.
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.top).toBeGreaterThan(lines[i - 1]!.top);
    // The text is Greek; the notes, the markers' words and the English paragraph are in the page's English.
    expect(await page.getAttribute('#p-wrath .passage-text', 'lang')).toBe('grc');
    expect(await page.getAttribute('#note-wrath', 'lang')).toBe('en');
    expect(await page.getAttribute('#p-wrath .note-ref', 'lang')).toBe('en');
    expect(await page.$eval('#p-edition .passage-text', (el) => el.closest('[lang]')!.getAttribute('lang'))).toBe('en');
    expect(record.pageErrors).toEqual([]);
    await context.close();
  });

  test('inline marks: an italic title, a Latin phrase in italics, small caps, a link', async () => {
    const { page, context } = await open(VERSE_READING);
    const marks = await page.$$eval('#p-edition .passage-text :is(em, .sc, a:not(.note-ref))', (els) =>
      els.map((el) => ({ tag: el.tagName.toLowerCase(), text: el.textContent, lang: el.getAttribute('lang'), style: getComputedStyle(el).fontStyle, variant: getComputedStyle(el).fontVariantCaps, href: el.getAttribute('href') })),
    );
    expect(marks.filter((m) => m.tag === 'em').every((m) => m.style === 'italic')).toBe(true);
    // The Latin phrase is cut in two by the end of a note's phrase; its note marker stays inside the
    // italics, holding no text of its own.
    expect(marks.filter((m) => m.tag === 'em').map((m) => m.text).join('|')).toBe('Oxford Classical Text|editio| maior');
    expect(await page.$$eval('#p-edition .passage-text em .note-ref', (els) => els.map((el) => el.getAttribute('aria-label')))).toEqual(['Note 4']);
    expect(marks.filter((m) => m.lang === 'la').length).toBe(2);
    expect(marks.find((m) => m.tag === 'span')).toMatchObject({ text: 'Greek', variant: 'small-caps' });
    expect(marks.filter((m) => m.tag === 'a').map((m) => m.href)).toEqual(['https://www.perseus.tufts.edu/', 'https://www.perseus.tufts.edu/']);
    await context.close();
  });

  test('copying the verse gives its lines, without line numbers or note markers', async () => {
    const { page, context } = await open(VERSE_READING);
    await selectPhrase(page, 'wrath', 'πολλὰς δ᾽ ἰφθίμους ψυχὰς Ἄϊδι προΐαψεν\nἡρώων');
    expect(await page.evaluate(() => getSelection()!.toString())).toBe('πολλὰς δ᾽ ἰφθίμους ψυχὰς Ἄϊδι προΐαψεν\nἡρώων');
    await context.close();
  });

  test('Cite on words of verse cites their lines', async () => {
    const { page, context, record } = await open(VERSE_READING);
    await toolsReady(page);
    await selectPhrase(page, 'wrath', 'ψυχὰς Ἄϊδι προΐαψεν\nἡρώων');
    const bar = page.locator('.selection-tools');
    await poll(() => bar.isVisible()).toBe(true);
    await bar.getByRole('button', { name: /^Cite/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Cite lines 3\u20134 (passage 2)' });
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('[data-cite-style="chicago-author-date"] .cite-in-text').textContent()).toBe('In the text: (Annotated Reader, n.d., lines 3\u20134)');
    expect(await dialog.locator(`[data-cite-style="${DROPPED_IN_STYLE}"] .cite-in-text`).textContent()).toBe('In the text: [1, lines 3\u20134]');
    expect(await dialog.getByLabel('Link to line 3').inputValue()).toMatch(/\/read\/homer-proem\/#p-wrath-l3$/);
    expect(await runAxe(page)).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    await context.close();
  });
});

describe('a CSL style dropped into the project', () => {
  /** IEEE abbreviates every month longer than four letters, and June and July too (its locale terms). */
  const IEEE_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Oct.', 'Nov.', 'Dec.'];
  const IEEE_TITLE = 'IEEE Reference Guide version 11.29.2023';

  test('IEEE, its file in src/content/csl/styles/ and its name in reader.config.yaml, cites a passage in the Cite dialog', async () => {
    const { page, context, record } = await open(VERSE_READING);
    await toolsReady(page);
    // The date accessed is the build's.
    const [item] = await (await page.request.get(session.url(`/read/${VERSE_READING}/citation.json`))).json();
    const [year, month, day] = item.accessed['date-parts'][0] as number[];
    const { origin, base } = siteAddress(fixture.file('dist'));
    const permalink = `${origin}${base}read/${VERSE_READING}/#p-edition`;
    const number = Number((await page.locator('#p-edition .passage-number').textContent())!.replace(/\D/g, ''));
    await page.locator('#p-edition .passage-number').click();
    const bar = page.locator('.selection-tools');
    await poll(() => bar.isVisible()).toBe(true);
    await bar.getByRole('button', { name: `Cite \u00b6${number}` }).click();
    const dialog = page.getByRole('dialog', { name: `Cite passage ${number}` });
    await poll(() => dialog.isVisible()).toBe(true);
    // Written out from the IEEE Reference Guide (online source: "[n] Title," site. Accessed: date.
    // [Online]. Available: URL), numbered [1] as the only work cited, the passage as ieee.csl labels it;
    // ieee.csl writes the day of access with two digits ("Dec. 03").
    const ieee = dialog.locator(`[data-cite-style="${DROPPED_IN_STYLE}"]`);
    expect(await ieee.locator('h3').textContent()).toBe(IEEE_TITLE);
    expect(await ieee.locator('.cite-reference').textContent()).toBe(
      `[1] \u201cThe Proem of the Iliad,\u201d Annotated Reader. Accessed: ${IEEE_MONTHS[month! - 1]} ${String(day).padStart(2, '0')}, ${year}. [Online]. Available: ${permalink}`,
    );
    expect(await ieee.locator('.cite-in-text').textContent()).toBe(`In the text: [1, Para. ${number}]`);
    expect(await dialog.locator('[data-cite-style]').evaluateAll((sections) => sections.map((s) => s.getAttribute('data-cite-style')))).toEqual([
      'chicago-author-date',
      'apa',
      'modern-language-association',
      DROPPED_IN_STYLE,
    ]);
    expect(await runAxe(page)).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    await context.close();
  });

  test('without JavaScript, the reading\u2019s page cites it in IEEE, and the sources have a page in IEEE', async () => {
    const { page, context } = await open(VERSE_READING, 1440, false);
    const cite = page.locator('#cite-this-reading');
    expect(await cite.locator('dt').allTextContents()).toContain(IEEE_TITLE);
    await page.goto(session.url('/sources/'));
    await page.getByRole('navigation', { name: 'Citation style' }).getByRole('link', { name: IEEE_TITLE }).click();
    await page.waitForURL(/\/sources\/style\/ieee\/$/);
    expect(await page.locator('h1').textContent()).toBe(`Sources in ${IEEE_TITLE}`);
    expect(await page.locator('.bibliography .csl-entry').first().textContent()).toMatch(/^\[1\] /);
    await context.close();
  });
});

describe('search and arrival', () => {
  /** Result links (path and fragment) of a search on /search/, waiting until `expected` is among them (or, without it, until the search is done). */
  async function searchLinks(query: string, filters = '', expected?: string) {
    const { page, context, record } = await openPage(session);
    await page.goto(session.url(`/search/?q=${encodeURIComponent(query)}${filters}`), { waitUntil: 'networkidle' });
    const linksOf = (selector: string) => () =>
      page.$$eval(selector, (as) => as.map((a) => new URL((a as HTMLAnchorElement).href)).map((u) => u.pathname + u.hash));
    // Each result's own link; a result also lists its page's other matching passages under it.
    const links = linksOf('[data-search-page] .search-result a.search-result-link');
    if (expected) await poll(links).toContain(expected);
    else await poll(() => page.locator('[data-search-page] .search-status').textContent()).toMatch(/results? for|No results/);
    const found = await links();
    const everyLink = await linksOf('[data-search-page] .search-result a')();
    const facet = await page.$$eval('[data-search-page] .search-facet--reading .search-option', (labels) => labels.map((l) => [...l.querySelectorAll('span')].map((span) => span.textContent).join(' ')));
    expect(record.pageErrors).toEqual([]);
    expect(record.consoleErrors).toEqual([]);
    expect(record.cspViolations).toEqual([]);
    expect(record.foreignRequests).toEqual([]);
    await context.close();
    return { found, everyLink, facet };
  }

  test.each([
    ['Ἀχιλλεύς', '/read/homer-proem/#p-strife'],
    ['Αχιλλευς', '/read/homer-proem/#p-strife'],
    ['والقلمُ', '/read/mutanabbi/#p-the-line'],
    ['والقلم', '/read/mutanabbi/#p-the-line'],
  ])('searching for %s finds its passage (accents and vowel marks optional)', async (word, site) => {
    expect((await searchLinks(word, '&kind=passage', site)).found).toContain(site);
  });

  // Each language is indexed with its own stemmer (pagefind-el/, pagefind-ar/) and searched by its
  // own engine: none of these forms is in the text, and the English stemmer finds none of them.
  test.each([
    ['خيل', 'الخيلُ, with the article', '/read/mutanabbi/#p-the-line'],
    ['شاعر', 'الشاعر, with the article', '/read/mutanabbi/#p-comment'],
    ['ψυχαί', 'ψυχὰς, another case of ψυχή', '/read/homer-proem/#p-wrath'],
    ['ανδρες', 'ἀνδρῶν, the genitive plural, without accents', '/read/homer-proem/#p-strife'],
  ])('%s finds %s by its stem', async (word, _, site) => {
    expect((await searchLinks(word, '', site)).found).toContain(site);
  });

  test('English results are the English stemmer’s, on the same page as other languages’ (one list, every engine)', async () => {
    // "protecting" is not in the text; its stem is ("protects").
    expect((await searchLinks('protecting', '', '/read/sample/#p-definition')).found).toEqual(['/read/sample/#p-definition']);
    // English words inside the Arabic passage are found there, as the English reading’s are.
    const { everyLink, facet } = await searchLinks('partner', '&kind=passage', '/read/mutanabbi/#p-comment');
    expect(everyLink).toEqual(expect.arrayContaining(['/read/sample/#p-title', '/read/sample/#p-definition', '/read/mutanabbi/#p-comment']));
    // A facet counts results: the sample's two passages with the word are one result, as one section's.
    expect(facet).toEqual(expect.arrayContaining(['A Line of al-Mutanabbi (1)', 'A Sample Reading (1)']));
  });

  test('the filters work on every engine: the Greek reading’s passages, and not under another kind or speaker', async () => {
    const reading = `&reading=${encodeURIComponent('The Proem of the Iliad')}`;
    expect((await searchLinks('ψυχαί', reading, '/read/homer-proem/#p-wrath')).found).toEqual(['/read/homer-proem/#p-wrath']);
    expect((await searchLinks('ψυχαί', `${reading}&kind=annotation`)).found).toEqual([]);
    expect((await searchLinks('ψυχαί', '&speaker=Nobody')).found).toEqual([]);
    expect((await searchLinks('شاعر', `${reading}`)).found).toEqual([]);
  });

  test('under a sub-path, every language’s bundle loads from below the base and its results link there', async () => {
    const base = '/courses/pol-101/reader/';
    const building = runBuild(fixture, 'dist-sub', base);
    const built = await building;
    expect(built.code, built.stderr).toBe(0);
    const server = await startStaticServer({ root: fixture.file('dist-sub'), port: 0, base });
    try {
      const { page, context, record } = await openPage({ ...session, server, baseUrl: server.url, url: (p) => new URL(p.replace(/^\//, ''), server.url).href });
      const bundles = new Set<string>();
      /** Anything not found: a bundle, or a link, that missed the base. */
      const missing: string[] = [];
      page.on('response', (response) => void (response.status() >= 400 && missing.push(response.url())));
      page.on('request', (request) => {
        const match = /^(.*\/pagefind(?:-[a-z]+)?)\//.exec(new URL(request.url()).pathname);
        if (match) bundles.add(match[1]!);
      });
      await page.goto(new URL(`search/?q=${encodeURIComponent('خيل')}`, server.url).href, { waitUntil: 'networkidle' });
      const links = () => page.$$eval('[data-search-page] .search-result a.search-result-link', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href)).map((u) => u.pathname + u.hash));
      await poll(links).toEqual([`${base}read/mutanabbi/#p-the-line`]);
      await page.locator('[data-search-page] input[type="search"]').fill('ψυχαί');
      await poll(links).toEqual([`${base}read/homer-proem/#p-wrath`]);
      expect([...bundles].sort()).toEqual([`${base}pagefind`, `${base}pagefind-ar`, `${base}pagefind-el`]);
      expect([...record.consoleErrors, ...missing]).toEqual([]);
      expect(record.cspViolations).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  }, 120_000);

  test('a verse line’s anchor lands on that line', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 375, height: 500 } });
    await page.goto(session.url('/read/homer-proem/#p-strife-l7'));
    await poll(() => page.locator('#p-strife-l7').evaluate((el) => el.matches(':target') && el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    await context.close();
  });
});

describe('right to left', () => {
  test.each([375, 1440])('at %i px: numbers on the right, the text from the right, notes to its left (or folded), English notes left to right; axe-clean', async (width) => {
    const { page, context, record } = await open(RTL_READING, width);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getAttribute('html', 'dir')).toBeNull();
    expect(await page.getAttribute('.reading-body', 'dir')).toBe('rtl');
    expect(await page.getAttribute('#p-comment .passage-text', 'lang')).toBe('ar');
    expect(await page.getAttribute('#p-comment em', 'lang')).toBe('en');
    expect(await page.getAttribute('#p-comment em', 'dir')).toBe('ltr');
    expect(await page.getAttribute('#note-horses', 'dir')).toBe('ltr');
    const box = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const number = await box('#p-the-line .passage-number');
    const text = await box('#p-the-line .passage-text');
    const firstLine = await box('#p-the-line-l1');
    expect(number.left).toBeGreaterThanOrEqual(text.right - 1);
    // Right-aligned: each line begins at the text's right edge.
    const words = await page.locator('#p-the-line-l1').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return range.getBoundingClientRect().toJSON() as DOMRect;
    });
    expect(Math.abs(words.right - firstLine.right)).toBeLessThan(2 + parseFloat(await page.locator('#p-the-line-l1').evaluate((el) => getComputedStyle(el).paddingRight)));
    if (width >= 1100) {
      const notes = await box('#p-the-line .passage-notes');
      expect(notes.right).toBeLessThanOrEqual(text.left + 1);
      expect(await page.locator('#note-horses').evaluate((el) => getComputedStyle(el).textAlign)).toMatch(/start|left/);
    } else {
      // Folded on a narrow screen: the marker opens the note inside the text, still in English, left to right.
      await page.locator('#p-the-line .note-ref').click();
      const folded = page.locator('#p-the-line .note-fold #note-horses');
      await poll(() => folded.isVisible()).toBe(true);
      expect(await folded.evaluate((el) => [getComputedStyle(el).direction, el.closest('[lang]')!.getAttribute('lang')])).toEqual(['ltr', 'en']);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    await context.close();
  });
});

test.each([
  [VERSE_READING, 375], [VERSE_READING, 1440], [RTL_READING, 375], [RTL_READING, 1440],
])('screenshot of %s at %i px', async (reading, width) => {
  const { page, context } = await open(reading, width);
  await page.locator('.reading-body').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('.reading-body')!.scrollIntoView());
  await page.screenshot({ path: path.join(SHOTS, `${reading}-${width}.png`) });
  await context.close();
});

// What the build wrote, read as files (no browser): one build of the fixture serves both.
describe('the built fixture, as files', () => {
  const java = requireDependency('Java (a JRE, 11 or later)');
  const EPUBCHECK = requireDependency('epubcheck');

  test('the reading pages pass the Nu Html Checker', () => {
    const pages = [VERSE_READING, RTL_READING].map((r) => fixture.file(`dist/read/${r}/index.html`));
    const result = spawnSync(java, ['-Xss2m', '-jar', VNU_JAR, '--format', 'json', '--errors-only', '--exit-zero-always', ...pages], { encoding: 'utf8' });
    expect((JSON.parse(result.stderr).messages as { message: string }[]).filter(isHtmlMessage).map((m) => m.message)).toEqual([]);
  });

  test.each([VERSE_READING, RTL_READING])('read/%s.epub passes epubcheck with 0 errors and 0 warnings', (reading) => {
    const result = spawnSync(java, ['-jar', EPUBCHECK, '--json', '-', fixture.file(`dist/read/${reading}.epub`)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as { messages: { severity: string; ID: string; message: string }[] };
    expect(report.messages.filter((m) => ['FATAL', 'ERROR', 'WARNING'].includes(m.severity)).map((m) => `${m.ID} ${m.message}`)).toEqual([]);
  });

  test('the Greek book keeps its verse lines and its languages', () => {
    const text = strFromU8(unzipSync(readFileSync(fixture.file(`dist/read/${VERSE_READING}.epub`)))['OEBPS/text.xhtml']!);
    expect(text).toMatch(/<html [^>]*xml:lang="grc" lang="grc">/);
    expect(text).toContain('<br/><span class="line" id="p-strife-l7">Ἀτρεΐδης τε ἄναξ ἀνδρῶν καὶ δῖος Ἀχιλλεύς.</span>');
    expect(text).toContain('<em lang="la">editio<a epub:type="noteref"');
  });

  test('the reader page: the site\u2019s language on <html>, the reading\u2019s on its text, the Arabic body right to left', () => {
    const page = (reading: string) => readFileSync(fixture.file(`dist/read/${reading}/index.html`), 'utf8');
    expect(page(VERSE_READING)).toMatch(/^<!DOCTYPE html><html lang="en">/i);
    expect(page(VERSE_READING)).toContain('<p class="passage-text" lang="grc"><span class="verse-line" id="p-wrath-l1">');
    expect(page(RTL_READING)).toMatch(/^<!DOCTYPE html><html lang="en">/i);
    expect(page(RTL_READING)).toContain('<ar-annotations class="reading-body" dir="rtl"');
  });

  test('search: each language its own Pagefind bundle with its own stemmer; the pages name the other languages’ bundles', () => {
    const bundle = (dir: string) => {
      const entry = JSON.parse(readFileSync(fixture.file(`dist/${dir}/pagefind-entry.json`), 'utf8')) as { languages: Record<string, { wasm: string | null; page_count: number }> };
      const wasm = readdirSync(fixture.file(`dist/${dir}`)).filter((f) => f.endsWith('.pagefind'));
      return { languages: Object.fromEntries(Object.entries(entry.languages).map(([l, i]) => [l, { wasm: i.wasm, records: i.page_count }])), wasm };
    };
    // Glossary, sources, notes and English passages in the site's language; Ancient Greek stemmed
    // as Greek (Pagefind has no grc stemmer); Arabic as Arabic. Three passages each, of one section
    // with no speakers: one document each (src/lib/search-records.ts, groupSearchRecords).
    expect(bundle('pagefind')).toMatchObject({ languages: { en: { wasm: 'en' } }, wasm: ['wasm.en.pagefind'] });
    expect(bundle('pagefind-el')).toEqual({ languages: { el: { wasm: 'el', records: 1 } }, wasm: ['wasm.el.pagefind'] });
    expect(bundle('pagefind-ar')).toEqual({ languages: { ar: { wasm: 'ar', records: 1 } }, wasm: ['wasm.ar.pagefind'] });
    for (const page of ['index.html', 'search/index.html', `read/${VERSE_READING}/index.html`]) {
      expect(readFileSync(fixture.file(`dist/${page}`), 'utf8')).toMatch(/<ar-search class="search-control" data-reading-order="[^"]*" data-search-languages="ar el">/);
    }
  });

  test('a mark whose words are not in its passage stops the build with the check\u2019s message', async () => {
    const map = `src/content/readings/${VERSE_READING}/reading.yaml`;
    const good = fixture.read(map);
    fixture.replace(map, '{ text: Greek, style: small-caps }', '{ text: Latin, style: small-caps }');
    const result = await runBuild(fixture, 'dist-bad').finally(() => fixture.write(map, good));
    expect(result.code).not.toBe(0);
    expect(problemBlocks(result.stdout + result.stderr)).toEqual([
      `  src/content/readings/${VERSE_READING}/reading.yaml:31 (passages[3].marks[3]) [mark-not-found] the words "Latin" do not occur in passage "edition" ("The Greek follows the Oxford Classical Text of Monro and All…").
    fix: quote the words exactly as source.txt has them (spelling, accents, punctuation and spaces), within this one passage.`,
    ]);
  });
});
