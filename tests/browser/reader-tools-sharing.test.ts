import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BASE, openPage, startSession, type Session } from './harness.ts';
import { expectClean, NOTES_KEY, openReader, poll, READER_PATH, READING, selectPhrase, storedNotes, toolsReady } from './reader-tools-helpers.ts';

describe('sharing metadata and hosting under a sub-path', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession();
  });
  afterAll(() => session?.close());

  test('the reading has a title, a description, Open Graph tags and schema.org JSON-LD that match it', async () => {
    const { page, context, record } = await openPage(session);
    await page.goto(session.url(READER_PATH));
    const head = await page.evaluate(() => {
      const meta = (selector: string) => document.querySelector<HTMLMetaElement>(selector)?.content;
      return {
        title: document.title,
        h1: document.querySelector('h1')?.textContent,
        description: meta('meta[name="description"]'),
        canonical: document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href,
        og: Object.fromEntries([...document.querySelectorAll<HTMLMetaElement>('meta[property^="og:"]')].map((m) => [m.getAttribute('property'), m.content])),
        jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? '')),
      };
    });
    expect(head.title).toBe(`${head.h1} · Annotated Reader`);
    expect(head.description!.length).toBeGreaterThan(50);
    expect(new URL(head.canonical!).pathname).toBe(`${BASE.replace(/\/$/, '')}${READER_PATH}`);
    expect(head.og).toMatchObject({ 'og:type': 'article', 'og:title': head.title, 'og:description': head.description, 'og:url': head.canonical, 'og:site_name': 'Annotated Reader' });
    expect(head.jsonLd).toHaveLength(1);
    expect(head.jsonLd[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      url: head.canonical,
      headline: head.h1,
      inLanguage: 'en',
      license: expect.stringMatching(/^https:\/\/creativecommons\.org\//),
      encoding: { encodingFormat: 'application/epub+zip', contentUrl: expect.stringMatching(new RegExp(`/read/${READING}\\.epub$`)) },
    });
    // A data block is never executed, so the page's strict policy has nothing to block.
    expect(record.cspViolations).toEqual([]);
    await context.close();
  });

  test('the sitemap lists every page under the site\'s base, and each one is served', async () => {
    const { page, context } = await openPage(session);
    const response = await page.request.get(session.url('/sitemap.xml'));
    expect(response.status()).toBe(200);
    const locs = [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!));
    expect(locs.map((u) => u.pathname)).toEqual(expect.arrayContaining([BASE, `${BASE}read/${READING}/`]));
    for (const url of locs) {
      expect(url.pathname.startsWith(BASE), url.href).toBe(true);
      expect((await page.request.get(new URL(url.pathname, session.baseUrl).href)).status(), url.href).toBe(200);
    }
    await context.close();
  });

  test('every link, script, stylesheet and download on the reader page stays inside the base', async () => {
    const { page, context, record } = await openPage(session);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(session.url(READER_PATH), { waitUntil: 'networkidle' });
    const urls = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[href], [src]')]
        .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
        .filter((u) => u.startsWith('/')),
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const path of [...urls, ...requests]) expect(path.startsWith(BASE), path).toBe(true);
    for (const file of [`read/${READING}.epub`, `read/${READING}/citation.bib`]) {
      expect((await page.request.get(session.url(`/${file}`))).status(), file).toBe(200);
    }
    expect(record.consoleErrors).toEqual([]);
    await context.close();
  });

  // The one part of personal notes the address decides: the reading an exported note names, and
  // finding that reading again on import (the rest of reader-tools.test.ts runs at the root only).
  test('a personal note exported under the base names the reading at its address, and imports back into it', async () => {
    const { page, context, record } = await openReader(session, { acceptDownloads: true });
    await selectPhrase(page, 'kleiner-public-funding', 'kinds of media');
    const bar = page.locator('.selection-tools');
    await poll(() => bar.isVisible()).toBe(true);
    await bar.getByRole('button', { name: 'Highlight' }).click();
    await poll(async () => (await storedNotes(page)).length).toBe(1);
    await page.locator('[data-tool="notes"]').click();
    const panel = page.getByRole('dialog', { name: 'My notes' });
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export JSON-LD' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(new URL(exported.first.items[0].target.source).pathname).toBe(`${BASE.replace(/\/$/, '')}${READER_PATH}`);
    await page.evaluate((key) => localStorage.removeItem(key), NOTES_KEY);
    await page.reload();
    await toolsReady(page);
    await page.locator('[data-tool="notes"]').click();
    await panel.locator('input[type="file"]').setInputFiles((await download.path())!);
    await panel.getByRole('button', { name: 'Import 1 note' }).click();
    await poll(async () => (await storedNotes(page)).length).toBe(1);
    expectClean(record);
    await context.close();
  });
});
