/**
 * "Any text in", end to end: a copy of the project's edition (the Partner State with its notes,
 * glossary and sources) takes in one real document of each format through the import command (a
 * Project Gutenberg text, a saved web page with its chrome, a Word file with headings, lists and
 * italics, an EPUB of verse, a TEI file with Greek verse, an Arabic Markdown file), is built for
 * production (Pagefind indexes it) and read in Chromium: every word of each document in order,
 * sections in the contents, verse lines and their numbers, language and direction on the text with
 * the page in the site's language, italics, search finding each reading and landing on its
 * passage, axe; each reading's EPUB passes epubcheck; and the Partner State builds as it did
 * before the imports. Screenshots of the Greek and the Arabic readings at 375 and 1440 px are kept
 * in tests/.output/screenshots/ for a person to look at.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { words } from '../../src/lib/passages.ts';
import { buildOrThrow, DOCUMENTS, FORMATS, importedId, makeEditionFixture, runImportCommand, type Format } from '../fixtures/any-text-site.ts';
import { snapshot, type Fixture, type RunResult } from '../fixtures/fixture-site.ts';
import { requireDependency } from '../setup/system-dependencies.ts';
import { openPage, runAxe, startSession, type PageRecord, type Session } from './harness.ts';
import { poll } from './reader-tools-helpers.ts';

const java = requireDependency('Java (a JRE, 11 or later)');
const EPUBCHECK = requireDependency('epubcheck');
const SHOTS = path.resolve('tests/.output/screenshots');
const EDITION = 'partner-state';

let fixture: Fixture & { inbox: string };
let before: Fixture;
let session: Session;
const imports = {} as Record<Format, RunResult>;
const ids = {} as Record<Format, string>;
/** epubcheck's report on each reading's book, run beside the browser tests (a JVM each takes seconds). */
const epubchecks = {} as Record<Format, Promise<RunResult>>;

function epubcheck(file: string): Promise<RunResult> {
  return new Promise((resolve) => {
    // C1 compilation and the serial collector: a third of the CPU time for a run this short.
    const child = spawn(java, ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', EPUBCHECK, '--json', '-', file]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

beforeAll(async () => {
  // The edition as it was, built while the six documents go through the command into a second copy;
  // then that copy is built. (Both builds read the same src/, so only the imports tell them apart.)
  before = makeEditionFixture('any-text-before');
  fixture = makeEditionFixture('any-text');
  const builtBefore = buildOrThrow(before);
  for (const format of FORMATS) {
    imports[format] = await runImportCommand(fixture, DOCUMENTS[format]);
    if (imports[format].code !== 0) throw new Error(`npm run import -- ${DOCUMENTS[format]} failed:\n${imports[format].stderr}`);
    ids[format] = importedId(imports[format].stdout);
  }
  await Promise.all([builtBefore, buildOrThrow(fixture)]);
  for (const format of FORMATS) epubchecks[format] = epubcheck(fixture.file(`dist/read/${ids[format]}.epub`));
  session = await startSession({ root: fixture.file('dist'), base: '/' });
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);
afterAll(() => session?.close());

const cleanRecord = (record: PageRecord) => {
  expect(record.pageErrors).toEqual([]);
  expect(record.consoleErrors).toEqual([]);
  expect(record.cspViolations).toEqual([]);
  expect(record.foreignRequests).toEqual([]);
};

async function open(format: Format, width = 1440) {
  const opened = await openPage(session, { viewport: { width, height: 900 } });
  await opened.page.goto(session.url(`/read/${ids[format]}/`), { waitUntil: 'networkidle' });
  return opened;
}

/** The reading's text as the page holds it: every passage in document order, note markers left out. */
const pageText = (page: Page) =>
  page.$$eval('.reading-body .passage .passage-text', (texts) =>
    texts
      .map((text) => {
        const copy = text.cloneNode(true) as Element;
        copy.querySelectorAll('.note-ref, .app-ref, .note-fold').forEach((el) => el.remove());
        return copy.textContent ?? '';
      })
      .join('\n'),
  );

/**
 * Matches the words of `expected` in order within `actual`; returns the words of `actual` left
 * over (the importer's additions: list numbers, a note moved after its paragraph). A word of
 * `expected` not found in order fails, naming it and where the search stood.
 */
function wordsInOrder(actual: string, expected: string): string[] {
  const have = words(actual);
  const left: string[] = [];
  let at = 0;
  for (const word of words(expected)) {
    const found = have.indexOf(word, at);
    expect(found, `"${word}" after word ${at} ("${have.slice(Math.max(0, at - 5), at).join(' ')}")`).toBeGreaterThanOrEqual(0);
    left.push(...have.slice(at, found));
    at = found + 1;
  }
  return [...left, ...have.slice(at)];
}

const inbox = (format: Format) => readFileSync(path.join(fixture.inbox, DOCUMENTS[format]));
const source = (format: Format) => fixture.read(`src/content/readings/${ids[format]}/source.txt`);
const meta = (format: Format) =>
  parseYaml(fixture.read(`src/content/readings/${ids[format]}/reading.yaml`)) as { sections: { id: string; title: string }[]; language: string };

/** The text of XML or HTML parts, read by Chromium's own parser (never by the importer's code). */
function textInBrowser(page: Page, documents: { markup: string; type: 'text/html' | 'application/xhtml+xml' | 'application/xml'; select: string; blocks: string; drop?: string }[]) {
  return page.evaluate((docs) => {
    return docs
      .map(({ markup, type, select, blocks, drop }) => {
        const doc = new DOMParser().parseFromString(markup, type as DOMParserSupportedType);
        const parts = [...doc.querySelectorAll(select)];
        if (!parts.length) throw new Error(`nothing matches ${select}`);
        return parts
          .map((part) => {
            if (drop) part.querySelectorAll(drop).forEach((el) => el.remove());
            // The end of a block (a paragraph, a heading, a line) is the end of a word, as on the page.
            part.querySelectorAll(blocks).forEach((el) => el.append('\n'));
            return part.textContent;
          })
          .join('\n');
      })
      .join('\n');
  }, documents);
}

/**
 * Each original's main text, read independently of the importer, with the words the importer may
 * add (numbers of numbered lists and notes; a TEI footnote set after its paragraph).
 */
async function originalText(format: Format, page: Page): Promise<{ text: string; extra: RegExp }> {
  const numbers = /^\d+$/;
  switch (format) {
    case 'gutenberg': {
      const original = inbox(format).toString('utf8').replace(/\r\n/g, '\n');
      return { text: original.slice(original.indexOf('A CHRISTMAS CAROL\n'), original.indexOf('*** END OF THE PROJECT')), extra: /^$/ };
    }
    case 'web':
      // The article: its header and body, without the page's banner, cookie notice, aside and footers.
      return { text: await textInBrowser(page, [{ markup: inbox(format).toString('utf8'), type: 'text/html', select: 'article > header, article .post-content', blocks: 'p, h1, h2, h3, li' }]), extra: /^$/ };
    case 'word': {
      const xml = strFromU8(unzipSync(inbox(format))['word/document.xml']!);
      return { text: await textInBrowser(page, [{ markup: xml, type: 'application/xml', select: 'body', blocks: 'p' }]), extra: numbers };
    }
    case 'epub': {
      const files = unzipSync(inbox(format));
      const opf = strFromU8(files['OEBPS/content.opf']!);
      const hrefs = new Map([...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"[^>]*?(properties="nav")?\/>/g)].map((m) => [m[1], m[3] ? undefined : m[2]]));
      // The reading order: linear spine items, the navigation document (a table of contents) aside.
      const chapters = [...opf.matchAll(/<itemref idref="([^"]+)"( linear="no")?\/>/g)].filter((m) => !m[2] && hrefs.get(m[1]!)).map((m) => hrefs.get(m[1]!)!);
      expect(chapters).toEqual(['tyger.xhtml', 'note.xhtml']);
      const docs = chapters.map((file) => ({ markup: strFromU8(files[`OEBPS/${file}`]!), type: 'application/xhtml+xml' as const, select: 'body', blocks: 'p, h1, div, aside, br' }));
      return { text: await textInBrowser(page, docs), extra: numbers };
    }
    case 'tei': {
      const markup = inbox(format).toString('utf8');
      const body = await textInBrowser(page, [{ markup, type: 'application/xml', select: 'text', blocks: 'head, l, p, item, bibl', drop: 'note' }]);
      const notes = await textInBrowser(page, [{ markup, type: 'application/xml', select: 'note', blocks: 'note' }]);
      return { text: body, extra: new RegExp(`^(\\d+|${words(notes).join('|')})$`, 'u') };
    }
    case 'rtl': {
      const markdown = inbox(format).toString('utf8');
      // Markdown's syntax, links' addresses, HTML tags and the front matter are not words of the text.
      const text = markdown
        .slice(markdown.indexOf('\n# '))
        .replace(/\[\^1\]:/, '1.')
        .replace(/\[\^1\]/, '1')
        .replace(/\]\(https?:[^)]+\)/g, ']')
        .replace(/<[^>]+>/g, ' ');
      return { text, extra: numbers };
    }
  }
}

test('the import command takes in each document and says what it made of it', () => {
  expect(Object.fromEntries(FORMATS.map((f) => [f, /^Imported .* \((\w+)\) as /.exec(imports[f].stdout)?.[1]]))).toEqual({
    gutenberg: 'gutenberg', web: 'html', word: 'docx', epub: 'epub', tei: 'tei', rtl: 'markdown',
  });
  expect(FORMATS.map((f) => imports[f].stderr)).toEqual(FORMATS.map(() => ''));
});

describe('the existing edition builds untouched', () => {
  /** The differences other readings make on every page of the first, by design. */
  const normalise = (html: string) =>
    html
      // The search control carries the readings' order once there are several (the reading filter
      // sorts by it), and the languages of their texts (search keeps an index for each).
      .replace(/<ar-search [^>]*>/g, '<ar-search>')
      // With several readings, a reading's header links to its own glossary and sources pages.
      .replace(/\s*<a href="\/glossary\/reading\/partner-state\/">Its glossary<\/a>\s*<a href="\/sources\/reading\/partner-state\/">Its sources<\/a>\s*/, '    ');

  /** A file of the site built without the imports (`old`) or with them (`now`). */
  const built = (site: 'old' | 'now', relative: string) => readFileSync((site === 'old' ? before : fixture).file(`dist/${relative}`));

  test('the Partner State\u2019s pages and exports: byte-identical but for the readings list in the search control and the links to its own glossary and sources', () => {
    const old = snapshot(before.file(`dist/read/${EDITION}`));
    const now = snapshot(fixture.file(`dist/read/${EDITION}`));
    expect(Object.keys(now)).toEqual(Object.keys(old));
    const changed = Object.keys(old).filter((file) => old[file] !== now[file]);
    // Exports (annotations, citations) are byte-identical; only the HTML pages change, as above.
    expect(changed.filter((file) => !file.endsWith('.html'))).toEqual([]);
    for (const file of changed) {
      const page = (site: 'old' | 'now') => normalise(built(site, `read/${EDITION}/${file}`).toString('utf8'));
      expect(page('now'), file).toBe(page('old'));
    }
  });

  test('its reading body (text, notes, marks, glossary links) is byte for byte what it was', () => {
    const body = (site: 'old' | 'now') => {
      const html = built(site, `read/${EDITION}/index.html`).toString('utf8');
      return html.slice(html.indexOf('<ar-annotations'), html.indexOf('</ar-annotations>'));
    };
    expect(body('now').length).toBeGreaterThan(50_000);
    expect(body('now')).toBe(body('old'));
  });

  test('its EPUB: every file identical but the modification time', () => {
    const old = unzipSync(built('old', `read/${EDITION}.epub`));
    const now = unzipSync(built('now', `read/${EDITION}.epub`));
    expect(Object.keys(now)).toEqual(Object.keys(old));
    const unstamped = (bytes: Uint8Array) => strFromU8(bytes).replace(/<meta property="dcterms:modified">[^<]*<\/meta>/, '');
    for (const name of Object.keys(old)) expect(unstamped(now[name]!), name).toBe(unstamped(old[name]!));
  });

  test('the site\u2019s styles and scripts are the same files, and no page of the edition is lost', () => {
    const old = snapshot(before.file('dist'));
    const now = snapshot(fixture.file('dist'));
    const assets = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).filter(([file]) => file.startsWith('_astro/')));
    expect(assets(now)).toEqual(assets(old));
    const pages = (tree: Record<string, string>) => Object.keys(tree).filter((file) => !file.startsWith('pagefind/'));
    expect(pages(old).filter((file) => !(file in now))).toEqual([]);
  });
});

/** What each document must show: its sections and the headings within them, its italics, a word search must find. */
const EXPECTED: Record<Format, { sections: string[]; subheadings: string[]; italics: string[]; search: string }> = {
  gutenberg: {
    sections: ['A CHRISTMAS CAROL', 'PREFACE', 'CONTENTS', "STAVE I: MARLEY'S GHOST", 'STAVE II: THE FIRST OF THE THREE SPIRITS', 'STAVE V: THE END OF IT'],
    subheadings: [],
    italics: [],
    search: 'Scrooge',
  },
  web: {
    sections: ['Tending the Commons', 'An old argument', 'What lasting commons share'],
    subheadings: ['A note on sources'],
    italics: ['resource', 'community', 'Governing the Commons', 'accountable to the users'],
    search: 'herdsman',
  },
  word: { sections: ['The Allotment Gardens of Leipzig', 'Origins', 'Today'], subheadings: ['Rules of the colony'], italics: ['Schrebergarten', 'must'], search: 'Schrebergarten' },
  epub: { sections: ['The Tyger', 'A Note on the Text'], subheadings: [], italics: ['Songs of Experience', 'Tyger'], search: 'symmetry' },
  tei: { sections: ['ΟΔΥΣΣΕΙΑΣ Α', "Butler's translation"], subheadings: ['What the opening names'], italics: ['many turns', 'πολύτροπος', 'Odyssey'], search: 'Ἠελίοιο' },
  rtl: { sections: ['المشاعات وإدارتها', 'أصل الفكرة', 'المبادئ'], subheadings: [], italics: ['قواعد', 'Governing the Commons'], search: 'المستخدمون' },
};

/** The language each passage is read in (its own lang, or the page's) and its direction, counted. */
const LANGUAGES: Record<Format, { lang: Record<string, number>; direction: Record<string, number> }> = {
  gutenberg: { lang: { en: 18 }, direction: { ltr: 18 } },
  web: { lang: { 'en-GB': 14 }, direction: { ltr: 14 } },
  word: { lang: { 'en-GB': 11 }, direction: { ltr: 11 } },
  epub: { lang: { en: 8, fr: 1 }, direction: { ltr: 9 } },
  tei: { lang: { grc: 3, en: 7, la: 1 }, direction: { ltr: 11 } },
  rtl: { lang: { ar: 8, en: 1 }, direction: { rtl: 8, ltr: 1 } },
};

describe.each(FORMATS)('%s', (format) => {
  // One load of the reading page serves the checks that only read it.
  let opened: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    opened = await open(format);
  });
  afterAll(() => opened?.context.close());

  test('every word of source.txt, and every word of the original document, in order on the page', async () => {
    const { page, record } = opened;
    const shown = await pageText(page);
    expect(words(shown)).toEqual(words(source(format)));
    const original = await originalText(format, page);
    expect(words(original.text).length).toBeGreaterThan(40);
    const added = wordsInOrder(shown, original.text);
    expect(added.filter((word) => !original.extra.test(word))).toEqual([]);
    cleanRecord(record);
  });

  test('its sections and headings are the contents, each leading to its heading', async () => {
    const { page } = opened;
    expect(meta(format).sections.map((s) => s.title)).toEqual(EXPECTED[format].sections);
    // The contents' entries: a section's at the top level of the list, a heading within it one level down.
    const entries = await page.$$eval('nav.toc li > a', (links) =>
      links.map((a) => ({ text: a.textContent!.trim(), target: a.getAttribute('href')!, nested: Boolean(a.parentElement!.parentElement!.closest('li')) })),
    );
    const toc = entries.filter((entry) => !entry.nested);
    expect(toc.map((entry) => entry.text)).toEqual(EXPECTED[format].sections);
    expect(entries.filter((entry) => entry.nested).map((entry) => entry.text)).toEqual(EXPECTED[format].subheadings);
    for (const entry of toc) {
      // The heading (verbatim: a Gutenberg heading keeps its double space) opens the section of that title.
      expect((await page.locator(`${entry.target} :is(h2, h3, h4)`).textContent())!.replace(/\s+/g, ' ')).toBe(entry.text);
      expect(await page.locator(entry.target).evaluate((el) => el.closest('section')!.getAttribute('data-section-title'))).toBe(entry.text);
    }
  });

  test('the page is in the site\u2019s language, the text in its own, in its direction', async () => {
    const { page } = opened;
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getAttribute('html', 'dir')).toBeNull();
    const passages = await page.$$eval('.reading-body .passage-text', (texts) => texts.map((t) => ({ lang: t.closest('[lang]')!.getAttribute('lang')!, direction: getComputedStyle(t).direction })));
    const count = (values: string[]) => Object.fromEntries([...new Set(values)].map((v) => [v, values.filter((x) => x === v).length]));
    expect({ lang: count(passages.map((p) => p.lang)), direction: count(passages.map((p) => p.direction)) }).toEqual(LANGUAGES[format]);
    if (format === 'rtl') {
      expect(await page.getAttribute('.reading-body', 'dir')).toBe('rtl');
      expect(await page.getAttribute('#p-elinor-ostrom-governing-commons .passage-text', 'dir')).toBe('ltr');
    }
    if (format === 'tei') expect(await page.getAttribute('#p-dic-mihi-musa-virum .passage-text', 'lang')).toBe('la');
    if (format === 'epub') expect(await page.locator('.passage-text[lang="fr"]').textContent()).toBe('Tigre, tigre, feu brûlant dans les forêts de la nuit.');
  });

  test('italics where the document had them', async () => {
    const italics = await opened.page.$$eval('.reading-body .passage-text em', (ems) => ems.map((em) => ({ text: em.textContent, style: getComputedStyle(em).fontStyle })));
    expect(italics.map((i) => i.text)).toEqual(EXPECTED[format].italics);
    expect(italics.every((i) => i.style === 'italic')).toBe(true);
  });

  test('axe finds nothing on the reading page', async () => {
    expect(await runAxe(opened.page)).toEqual([]);
  });

  test('search (Ctrl+K) finds a word of the reading and lands on its passage', async () => {
    const { page, context, record } = await open(format);
    await page.locator('ar-search button').waitFor();
    await page.keyboard.press('Control+k');
    const input = page.locator('dialog[open] input[type="search"]');
    await input.waitFor();
    const word = EXPECTED[format].search;
    await input.fill(word);
    await expect.poll(() => page.textContent('dialog[open] .search-status'), { timeout: 20_000 }).toContain(`“${word}”`);
    const first = page.locator('dialog[open] .search-result a').first();
    const href = new URL((await first.getAttribute('href'))!, session.baseUrl);
    expect(href.pathname).toBe(`/read/${ids[format]}/`);
    const passage = decodeURIComponent(href.hash.slice(1));
    expect(passage).toMatch(/^p-/);
    await Promise.all([page.waitForURL(/highlight=/), first.click()]);
    await poll(() => page.$$eval('mark.search-hit', (marks) => marks.map((m) => m.closest('.passage')?.id))).toContain(passage);
    expect(await page.locator(`#${passage} .passage-text`).textContent()).toContain(word);
    expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(passage);
    cleanRecord(record);
    await context.close();
  });

  test('its EPUB passes epubcheck with 0 errors and 0 warnings', async () => {
    const result = await epubchecks[format];
    expect(result.stdout, result.stderr).toContain('{');
    const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as { messages: { severity: string; ID: string; message: string }[] };
    expect(report.messages.filter((m) => ['FATAL', 'ERROR', 'WARNING'].includes(m.severity)).map((m) => `${m.ID} ${m.message}`)).toEqual([]);
  });
});

describe('verse', () => {
  test('the TEI verse: one line per <l>, each with its anchor, numbered every fifth line as the file numbers them', async () => {
    const { page, context } = await open('tei');
    const lines = await page.$$eval('.verse-line', (els) =>
      els.map((el) => ({ id: el.id, text: el.textContent, n: el.getAttribute('data-n'), shown: getComputedStyle(el, '::before').content, top: Math.round(el.getBoundingClientRect().top), lang: el.closest('[lang]')!.getAttribute('lang') })),
    );
    const tei = inbox('tei').toString('utf8');
    const original = [...tei.matchAll(/<l n="(\d+)">(.*?)<\/l>/g)].map((m) => ({ n: m[1], text: m[2]!.replace(/<[^>]+>/g, '') }));
    expect(original).toHaveLength(10);
    expect(lines.map((l) => l.text)).toEqual(original.map((l) => l.text));
    expect(lines.map((l) => l.id.replace(/^.*-l/, ''))).toEqual(original.map((l) => l.n));
    expect(lines.filter((l) => l.n).map((l) => l.n)).toEqual(['5', '10']);
    for (const line of lines.filter((l) => l.n)) expect(line.shown).toMatch(new RegExp(`^attr\\(data-n\\)|^"${line.n}"`));
    expect(new Set(lines.map((l) => l.lang))).toEqual(new Set(['grc']));
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.top).toBeGreaterThan(lines[i - 1]!.top);
    // A line's anchor lands on that line.
    await page.goto(session.url(`/read/${ids.tei}/#${lines[7]!.id}`));
    await poll(() => page.locator(`#${lines[7]!.id}`).evaluate((el) => el.matches(':target') && el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    await context.close();
  });

  test('the EPUB\u2019s stanzas: one verse line per line of the poem', async () => {
    const { page, context } = await open('epub');
    const lines = await page.$$eval('.verse-line', (els) => els.map((el) => el.textContent));
    expect(lines).toEqual([
      'Tyger Tyger, burning bright,', 'In the forests of the night;', 'What immortal hand or eye,', 'Could frame thy fearful symmetry?',
      'In what distant deeps or skies,', 'Burnt the fire of thine eyes?', 'On what wings dare he aspire?', 'What the hand, dare seize the fire?',
    ]);
    await context.close();
  });
});

// A document's own list is set as a list; the Partner State's quoted lists stay in their quotation.
test('a document\u2019s own list is not set as a quotation', async () => {
  const { page, context } = await openPage(session);
  const quotedLists: Record<string, number> = {};
  for (const format of ['gutenberg', 'web', 'word', 'tei', 'rtl'] as const) {
    await page.goto(session.url(`/read/${ids[format]}/`));
    expect(await page.locator('.passage--list').count(), format).toBeGreaterThan(0);
    quotedLists[format] = await page.$$eval('.passage--list', (lists) => lists.filter((list) => list.closest('blockquote')).length);
  }
  await context.close();
  expect(quotedLists).toEqual({ gutenberg: 0, web: 0, word: 0, tei: 0, rtl: 0 });
});

test.each([
  ['tei', 375], ['tei', 1440], ['rtl', 375], ['rtl', 1440],
] as const)('screenshot of the %s reading at %i px', async (format, width) => {
  const { page, context } = await open(format, width);
  await page.evaluate(() => document.querySelector('.reading-body')!.scrollIntoView());
  await page.screenshot({ path: path.join(SHOTS, `any-text-${format}-${width}.png`) });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  await context.close();
});
