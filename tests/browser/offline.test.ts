/**
 * Offline reading, end to end in Chromium: after one visit the worker has saved the whole build;
 * offline, the reader reloads, another page opens and a search runs, with not one request reaching
 * the server and the footer saying so. Then the site is rebuilt in the folder being served and,
 * back online, the next page loaded switches to the new build, whole: one cache, the new one.
 *
 * The site served is a copy of the build under test (dist/, or the sub-path build in the second
 * run, at its base), so it can be rebuilt in place. The rebuild is the build's last step run
 * again on a copy whose pages were changed (src/cli/offline.ts, as `npm run build` runs it):
 * what this test asks is whether a new worker is picked up, not whether Astro builds.
 */
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeOfflineWorker } from '../../src/cli/offline.ts';
import { cachePrefixFor, OFFLINE } from '../../src/lib/offline.ts';
import { BASE, DIST, openPage, outputFolder, startSession, type Session } from './harness.ts';

const WORK = outputFolder('offline');
const SERVED = path.join(WORK, 'site');
const READER = '/read/partner-state/';
const FOOTER = 'A static, annotated edition.';
const REBUILT = 'A static, annotated edition (second printing).';
const patiently = { timeout: 30_000, interval: 100 };

const htmlFilesUnder = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? htmlFilesUnder(full) : name.endsWith('.html') ? [full] : [];
  });

/** Version of the build in `folder`, as its worker carries it. */
const versionOf = (folder: string) => /"version":"([0-9a-f]+)"/.exec(readFileSync(path.join(folder, OFFLINE.worker), 'utf8'))![1]!;

/** Rebuilds the served site as `npm run build` would: the next build beside it, then swapped in. */
async function rebuildInPlace(): Promise<string> {
  const next = path.join(WORK, 'next');
  rmSync(next, { recursive: true, force: true });
  cpSync(DIST, next, { recursive: true });
  for (const file of htmlFilesUnder(next)) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes(FOOTER)) throw new Error(`${file} has no footer "${FOOTER}" to change; update this test's FOOTER`);
    writeFileSync(file, html.replace(FOOTER, REBUILT));
  }
  const { version } = await writeOfflineWorker(next, BASE);
  renameSync(SERVED, `${SERVED}-old`);
  renameSync(next, SERVED);
  rmSync(`${SERVED}-old`, { recursive: true, force: true });
  return version;
}

describe('offline reading', () => {
  let session: Session;
  /** Paths the server was asked for, in order. */
  const served: string[] = [];
  beforeAll(async () => {
    rmSync(WORK, { recursive: true, force: true });
    cpSync(DIST, SERVED, { recursive: true });
    session = await startSession({ root: SERVED, base: BASE });
    session.server.server.on('request', (request) => served.push(request.url ?? ''));
  });
  afterAll(async () => {
    await session?.close();
  });

  test('after one visit every page reads and searches offline; a rebuilt site is picked up whole', async () => {
    const { page, context, record } = await openPage(session, { serviceWorkers: 'allow' });
    const status = page.locator('ar-offline [role="status"]');
    const footer = () => page.locator('.site-footer').textContent();
    const cacheNames = () => page.evaluate(() => caches.keys());
    await page.goto(session.url(READER));
    await expect.poll(() => status.textContent(), patiently).toBe('Available offline.');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // Its scope is the site's base, its one cache is named with the base and holds every saved file.
    const saved = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const names = await caches.keys();
      return { scope: registration.scope, names, files: names.length === 1 ? (await (await caches.open(names[0]!)).keys()).length : 0 };
    });
    expect(saved.scope).toBe(session.baseUrl);
    const firstVersion = versionOf(SERVED);
    expect(saved.names).toEqual([`${cachePrefixFor(BASE)}${firstVersion}`]);
    const listed = readFileSync(path.join(SERVED, OFFLINE.worker), 'utf8').match(/"url":/g)!.length;
    expect(saved.files).toBe(listed);

    await context.setOffline(true);
    const requestsOnline = served.length;
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/\S/);
    await expect.poll(() => status.textContent(), patiently).toBe('Offline: reading the copy saved on this device.');

    // Another page, by its link in the header.
    await Promise.all([page.waitForURL(/\/glossary\/$/), page.locator('.site-nav a[href$="/glossary/"]').click()]);
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/\S/);

    // A search: the search page loads the dialog's code, Pagefind's engine, WebAssembly and index.
    await page.goto(session.url('/search/?q=partner'));
    await expect.poll(() => page.textContent('.search-status'), patiently).toContain('“partner”');
    expect(await page.locator('[data-search-page] .search-result').count()).toBeGreaterThan(0);
    await page.goto(session.url(READER));
    expect(served.slice(requestsOnline), 'requests that reached the server while offline').toEqual([]);

    // The site is rebuilt; back online, the open page finds the new build and saves it beside the old.
    const nextVersion = await rebuildInPlace();
    expect(nextVersion).not.toBe(firstVersion);
    await context.setOffline(false);
    const waiting = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? 'none');
    await expect.poll(waiting, patiently).toBe('installed');
    await expect.poll(() => status.textContent(), patiently).toBe('Available offline. A new version opens with the next page you load.');
    expect(await footer()).toContain(FOOTER);

    // The next page loaded is the new build, and only the new build is kept.
    await page.reload();
    await expect.poll(footer, patiently).toContain(REBUILT);
    await expect.poll(() => status.textContent(), patiently).toBe('Available offline.');
    expect(await cacheNames()).toEqual([`${cachePrefixFor(BASE)}${nextVersion}`]);
    await page.goto(session.url('/glossary/'));
    expect(await footer()).toContain(REBUILT);

    expect(record.consoleErrors).toEqual([]);
    expect(record.pageErrors).toEqual([]);
    expect(record.cspViolations).toEqual([]);
    expect(record.foreignRequests).toEqual([]);
    await context.close();
  });
});
