import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { words } from '../../src/lib/passages.ts';
import type { Page } from 'playwright-core';
import { openPage, startSession, visibleTextWithout, type Session } from './harness.ts';
import { toolsReady } from './reader-tools-helpers.ts';

type Helper = { visibleTextWithout: typeof visibleTextWithout };
/** Makes the harness's text helper callable inside the page. */
const exposeTextHelper = (page: Page) =>
  page.evaluate(`window.visibleTextWithout = ${visibleTextWithout.toString()}`);

const folder = 'src/content/readings/partner-state';
const source = readFileSync(`${folder}/source.txt`, 'utf8');
const meta = parse(readFileSync(`${folder}/reading.yaml`, 'utf8')) as { passages: { id: string; lines: number | string }[] };
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the reader page', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  test('shows every passage, in order, with its number and permalink', async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.url('/read/partner-state/'));
    const shown = await page.$$eval('.passage', (els) =>
      els.map((el) => ({
        id: el.id.replace(/^p-/, ''),
        anchor: el.id,
        number: el.querySelector('.passage-number')?.textContent?.replace(/\D/g, ''),
        href: el.querySelector('.passage-number')?.getAttribute('href'),
      })),
    );
    expect(shown.map((p) => p.id)).toEqual(meta.passages.map((p) => p.id));
    shown.forEach((p, i) => {
      expect(p.anchor).toBe(`p-${p.id}`);
      expect(p.number).toBe(String(i + 1));
      expect(p.href).toBe(`#p-${p.id}`);
    });
    await context.close();
  });

  test('each passage renders exactly its source text, and every word of the source appears in order', async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.url('/read/partner-state/'));
    // Editorial marks inside the text (note markers, apparatus marks) are not part of the source: drop them first.
    await exposeTextHelper(page);
    const rendered = await page.$$eval('.passage .passage-text', (els) =>
      els.map((el) => (window as unknown as Helper).visibleTextWithout(el, '.note-ref, .app-ref')),
    );
    const lines = source.split('\n');
    const expected = meta.passages.map((p) => {
      const [first, last = first] = String(p.lines).split('-').map(Number);
      return lines.slice(first! - 1, last).join('\n');
    });
    expect(rendered.map(collapse)).toEqual(expected.map(collapse));
    // The page as a whole, read top to bottom, contains the source's words in order
    // (catches words glued together by whitespace-stripping HTML compression).
    const bodyWords = words(
      await page.locator('.reading-body').evaluate((el) =>
        (window as unknown as Helper).visibleTextWithout(el, '.note-ref, .app-ref, .passage-notes, .speaker-tag, .voice-caption, [popover]'),
      ),
    );
    let cursor = 0;
    for (const word of words(source)) {
      const found = bodyWords.indexOf(word, cursor);
      expect(found, `word "${word}" after position ${cursor}`).toBeGreaterThanOrEqual(0);
      cursor = found + 1;
    }
    await context.close();
  });

  test('arriving on a permalink highlights that passage and only it', async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.url('/read/partner-state/#p-kleiner-public-funding'));
    const targeted = await page.$$eval('.passage', (els) => els.filter((el) => el.matches(':target')).map((el) => el.id));
    expect(targeted).toEqual(['p-kleiner-public-funding']);
    const textBackground = (id: string) =>
      page.$eval(`#${id} > .passage-text`, (el) => getComputedStyle(el).backgroundColor);
    expect(await textBackground('p-kleiner-public-funding')).not.toBe('rgba(0, 0, 0, 0)');
    expect(await textBackground('p-kmo-question')).toBe('rgba(0, 0, 0, 0)');
    // With the reader tools running, a click on a passage number puts its permalink in the
    // address bar and opens its tools, without a jump or a new history entry.
    // (A fresh page without a permalink: arrival keeps its target in view for a while.)
    await page.goto(session.url('/read/partner-state/'));
    await toolsReady(page);
    const number = page.locator('#p-helfrich-role-of-state .passage-number');
    await number.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const place = () => number.evaluate((el) => ({ entries: history.length, top: Math.round(el.getBoundingClientRect().top) }));
    // Passages near it take their real size as they are drawn: wait until the number stays put.
    let before = await place();
    await expect.poll(async () => {
      const now = await place();
      const same = now.top === before.top;
      before = now;
      return same;
    }, { timeout: 5000, interval: 100 }).toBe(true);
    await number.click();
    expect(new URL(page.url()).hash).toBe('#p-helfrich-role-of-state');
    expect(await place()).toEqual(before);
    expect(await page.locator('.selection-tools').isVisible()).toBe(true);
    await context.close();
  });

  test('shows the structure: headings, quotations with speakers, the list, the references, a contents list', async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.url('/read/partner-state/'));
    expect(await page.locator('h1').innerText()).toBe('The Partner State');
    const heading = await page.locator('#p-opinions-heading h2').evaluate((h) => {
      const copy = h.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.note-ref, .app-ref').forEach((a) => a.remove());
      return copy.textContent;
    });
    expect(heading).toBe('Opinions on the Partner State');
    expect(await page.locator('#p-helfrich-heading h3').count()).toBe(1);
    expect(await page.locator('blockquote #p-kleiner-public-funding').count()).toBe(1);
    expect(await page.locator('#p-helfrich-three-roles ul li').count()).toBe(3);
    expect(await page.locator('.reference-list > li.passage').count()).toBe(2);
    const captions = await page.locator('.voice-caption').allInnerTexts();
    expect(captions).toContain('— KMO, Dmytri Kleiner');
    const tocLinks = await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of tocLinks) expect(await page.locator(href!).count(), href!).toBe(1);
    expect(await page.locator('#about-this-text').count()).toBe(1);
    expect(await page.locator('.provenance').innerText()).toContain('CC BY-SA 3.0');
    await context.close();
  });

  test("Chromium's accessibility tree holds every heading and link of the page, each heading named by its words alone", async () => {
    const { page, context } = await openPage(session);
    await page.goto(session.url('/read/partner-state/'));
    const cdp = await context.newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[] };
    const headingNames = nodes.filter((node) => !node.ignored && node.role?.value === 'heading').map((node) => node.name?.value ?? '');
    // Every heading passage of the map, by its source line (headings are one line each).
    const lines = source.split('\n');
    const expected = (meta.passages as { id: string; lines: number | string; role?: string }[])
      .filter((passage) => passage.role === 'heading')
      .map((passage) => lines[Number(passage.lines) - 1]!.trim());
    expect(expected.length).toBeGreaterThan(5);
    for (const words of expected) expect(headingNames, words).toContain(words);
    expect(headingNames.filter((name) => /Note \d|Textual note/.test(name))).toEqual([]);
    // Nothing the page shows is missing from the tree: every heading and every link of the page,
    // also those far below the first screen (passages skipped while off screen once were).
    const domHeadings = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((els) => els.filter((el) => el.checkVisibility()).length);
    expect(headingNames.length).toBe(domHeadings);
    const domLinks = await page.locator('a[href]').evaluateAll((els) => els.filter((el) => el.checkVisibility()).length);
    const treeLinks = nodes.filter((node) => !node.ignored && node.role?.value === 'link').length;
    expect(treeLinks).toBe(domLinks);
    // The markers are still there, as links, right after their heading.
    expect(await page.locator('#p-opinions-heading .heading-markers a.note-ref').count()).toBeGreaterThan(0);
    await context.close();
  });

  test('at 375 px with text at 200%, nothing widens the page: long words, addresses and the hash wrap', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 375, height: 812 } });
    await page.goto(session.url('/read/partner-state/'));
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    const widest = await page.evaluate(() => {
      const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > innerWidth + 1);
      return { page: document.documentElement.scrollWidth, wide: wide.map((el) => `${el.tagName} ${el.textContent?.slice(0, 40)}`) };
    });
    expect(widest.wide).toEqual([]);
    expect(widest.page).toBeLessThanOrEqual(375);
    await context.close();
  });

  test('on a 375×812 phone the header is one row and the reading starts on the first screen; Menu and Contents unfold', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page, context } = await openPage(session, { viewport: { width: 375, height: 812 }, javaScriptEnabled });
      await page.goto(session.url('/read/partner-state/'));
      const header = await page.locator('.site-header').boundingBox();
      expect(header!.height, `header (JavaScript ${javaScriptEnabled})`).toBeLessThan(60);
      const first = await page.locator('.passage').first().boundingBox();
      expect(first!.y, `first passage (JavaScript ${javaScriptEnabled})`).toBeLessThan(812 - 40);
      // The site's links are one tap away, and the contents too.
      const glossary = page.getByRole('link', { name: 'Glossary', exact: true });
      expect(await glossary.isVisible()).toBe(false);
      await page.getByText('Menu', { exact: true }).click();
      expect(await glossary.isVisible()).toBe(true);
      const contentsLink = page.locator('.toc a').first();
      expect(await contentsLink.isVisible()).toBe(false);
      await page.locator('.toc summary').click();
      expect(await contentsLink.isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await context.close();
    }
    // Wider, nothing is folded: the site's links and the contents show without a click.
    const { page, context } = await openPage(session, { viewport: { width: 1440, height: 900 } });
    await page.goto(session.url('/read/partner-state/'));
    expect(await page.getByRole('link', { name: 'Glossary', exact: true }).isVisible()).toBe(true);
    expect(await page.locator('.toc a').first().isVisible()).toBe(true);
    expect(await page.getByText('Menu', { exact: true }).isVisible()).toBe(false);
    await context.close();
  });

  test('sets a long-reading measure of 60–75 characters a line on wide screens', async () => {
    const { page, context } = await openPage(session, { viewport: { width: 1440, height: 900 } });
    await page.goto(session.url('/read/partner-state/'));
    // Average characters per line of the longest paragraph, measured from its rendered lines.
    const perLine = await page.$eval('#p-smith-critical-theory .passage-text', (el) => {
      const style = getComputedStyle(el);
      const content = el.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      const lines = Math.round(content / parseFloat(style.lineHeight));
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.note-ref, .app-ref').forEach((a) => a.remove());
      return (copy.textContent ?? '').length / lines;
    });
    expect(perLine).toBeGreaterThanOrEqual(60);
    expect(perLine).toBeLessThanOrEqual(75);
    await context.close();
  });

  test('reads completely with JavaScript disabled', async () => {
    const { page, context } = await openPage(session, { javaScriptEnabled: false });
    await page.goto(session.url('/read/partner-state/'));
    expect(await page.locator('.passage').count()).toBe(meta.passages.length);
    const list = page.locator('#p-helfrich-three-roles .passage-text');
    await list.scrollIntoViewIfNeeded(); // an off-screen passage is rendered once it comes near the view
    await expect.poll(() => list.innerText()).toContain('or providing incentives for commoners');
    await context.close();
  });
});
