import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cacheNameFor, cachePrefixFor, isSavedOffline, normalBase, offlineStatusText, precacheVersion, urlPathOfFile, webManifest, type OfflineState } from '../../src/lib/offline.ts';
import { svgDataUrl } from '../../src/lib/urls.ts';

describe('what is saved for offline reading', () => {
  test('every file a page can open, not the worker or what only crawlers read', () => {
    expect(['index.html', '404.html', '_astro/site.Ab1.js', 'pagefind/pagefind.js', 'pagefind-el/wasm.el.pagefind', 'read/x.epub', 'manifest.webmanifest', 'icon-192.png'].every(isSavedOffline)).toBe(true);
    expect(['sw.js', 'sitemap.xml', 'robots.txt', '.htaccess', 'read/.DS_Store'].some(isSavedOffline)).toBe(false);
  });
  test('a file is read at its URL under the base, a folder index at the folder', () => {
    expect(urlPathOfFile('index.html', '/')).toBe('/');
    expect(urlPathOfFile('read/partner-state/index.html', '/courses/pol-101/reader/')).toBe('/courses/pol-101/reader/read/partner-state/');
    expect(urlPathOfFile('pagefind/pagefind-entry.json', 'courses/x')).toBe('/courses/x/pagefind/pagefind-entry.json');
    expect(urlPathOfFile('glossary/café/index.html', '/')).toBe(new URL('http://h/glossary/café/').pathname);
    expect(normalBase('')).toBe('/');
  });
  test('caches are named with the base, so two sites on one host never share or delete each other’s', () => {
    expect(cacheNameFor('/courses/a/', 'v1')).toBe('annotated-reader /courses/a/ v1');
    expect(cacheNameFor('/courses/ab/', 'v1').startsWith(cachePrefixFor('/courses/a/'))).toBe(false);
  });
  test('any change of a file or its place gives a new version; the order of the list does not', async () => {
    const a = [{ url: '/', hash: '1' }, { url: '/x/', hash: '2' }];
    const v = await precacheVersion(a);
    expect(await precacheVersion([...a].reverse())).toBe(v);
    expect(await precacheVersion([{ url: '/', hash: '1' }, { url: '/x/', hash: '3' }])).not.toBe(v);
    expect(await precacheVersion([{ url: '/', hash: '1' }, { url: '/y/', hash: '2' }])).not.toBe(v);
  });
  test('the manifest uses only relative URLs, so it works under any base; its SVG icon is carried in it', () => {
    const manifest = webManifest({ name: 'Annotated Reader', description: 'd', lang: 'en', iconSvg: '<svg/>' });
    const [svg, ...files] = manifest.icons;
    for (const url of [manifest.start_url, manifest.scope, ...files.map((icon) => icon.src)]) expect(url).not.toMatch(/^\/|:/);
    expect(svg).toEqual({ src: 'data:image/svg+xml,%3Csvg%2F%3E', sizes: 'any', type: 'image/svg+xml', purpose: 'any' });
    expect(manifest.icons.some((icon) => icon.sizes === '512x512' && icon.purpose === 'maskable')).toBe(true);
  });
});

describe('the offline status line', () => {
  const state = (change: Partial<OfflineState>): OfflineState => ({ supported: true, online: true, saved: false, saving: false, update: 'none', failed: false, ...change });
  test('says nothing where nothing can be saved or nothing has started', () => {
    expect(offlineStatusText(state({ supported: false, saved: true }))).toBe('');
    expect(offlineStatusText(state({}))).toBe('');
  });
  test('follows the copy from saving to saved, offline and updated', () => {
    expect(offlineStatusText(state({ saving: true }))).toBe('Saving this site for offline reading…');
    expect(offlineStatusText(state({ saved: true }))).toBe('Available offline.');
    expect(offlineStatusText(state({ saved: true, online: false }))).toBe('Offline: reading the copy saved on this device.');
    expect(offlineStatusText(state({ online: false }))).toBe('Offline: this site is not saved on this device yet.');
    expect(offlineStatusText(state({ saved: true, update: 'ready' }))).toMatch(/next page/);
    expect(offlineStatusText(state({ saved: true, update: 'blocked' }))).toMatch(/other tabs are closed/);
    expect(offlineStatusText(state({ failed: true }))).toMatch(/try again/);
  });
});

describe('the site\'s icon, carried in the manifest', () => {
  test('is icon.svg as a data: URL that decodes to the file, with nothing a URL would misread', () => {
    const svg = readFileSync(new URL('../../public/icon.svg', import.meta.url), 'utf8');
    const url = svgDataUrl(`${svg}\n`);
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:image/svg+xml,'.length))).toBe(svg.trim());
    expect(url).not.toMatch(/[<>"#%\s](?![0-9A-F]{2})/);
  });
});
