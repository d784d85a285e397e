/**
 * Offline reading as data: which built files the service worker saves, the URL each is read at,
 * the names of its caches, the version of a build, the web app manifest and the words of the
 * "available offline" status. The worker itself is src/scripts/offline-worker.ts, written into the
 * build by src/cli/offline.ts; the page side is src/scripts/ar-offline.ts.
 */
import { svgDataUrl } from './urls.ts';

export const OFFLINE = {
  /** The worker, at the root of the site so that its scope can be the whole site (its base). */
  worker: 'sw.js',
  manifest: 'manifest.webmanifest',
  /** Every cache of this site starts with this and its base, so sites on one host never share one. */
  cachePrefix: 'annotated-reader',
} as const;

/**
 * Files a reader never opens from a page: the worker itself (the browser fetches it fresh) and
 * what only crawlers read. Everything else in the build is saved: pages, styles, scripts, every
 * search bundle, icons, the EPUB and the citation files, so each link on a page works offline.
 */
const NOT_SAVED = new Set([OFFLINE.worker, 'sitemap.xml', 'robots.txt']);

export function isSavedOffline(relativeFile: string): boolean {
  const posix = relativeFile.split('\\').join('/');
  if (NOT_SAVED.has(posix)) return false;
  // Hidden files (a host's .htaccess, an editor's .DS_Store) are not part of the site.
  return !posix.split('/').some((segment) => segment.startsWith('.'));
}

/** `/courses/x` or `courses/x/` → `/courses/x/`: the form every URL below is built on. */
export function normalBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * The URL path a file is read at, as a browser writes it (`URL.pathname`, percent-encoded):
 * a folder's `index.html` at the folder with its trailing slash, as every link on the site writes it.
 */
export function urlPathOfFile(relativeFile: string, base: string): string {
  const segments = relativeFile.split('\\').join('/').split('/');
  if (segments.at(-1) === 'index.html') segments[segments.length - 1] = '';
  return normalBase(base) + segments.map((segment) => encodeURIComponent(segment)).join('/');
}

export interface PrecacheEntry {
  /** URL path, base included. */
  url: string;
  /**
   * The first 128 bits of the file's SHA-256, hex: the worker checks the bytes it downloads
   * against it. Half the digest keeps the worker small (it lists every file) and still never
   * matches a different file by chance.
   */
  hash: string;
}

export const HASH_HEX_LENGTH = 32;

/** A build's version: a short digest of every saved URL and its hash, so any change gives a new one. */
export async function precacheVersion(entries: readonly PrecacheEntry[]): Promise<string> {
  const text = [...entries]
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .map((entry) => `${entry.url} ${entry.hash}`)
    .join('\n');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Caches of the site at `base`, of any version. */
export const cachePrefixFor = (base: string) => `${OFFLINE.cachePrefix} ${normalBase(base)} `;

/** The one cache holding build `version` of the site at `base`. */
export const cacheNameFor = (base: string, version: string) => `${cachePrefixFor(base)}${version}`;

/** What the worker needs to know, written into it at build time. */
export interface PrecacheManifest {
  base: string;
  version: string;
  cacheName: string;
  cachePrefix: string;
  entries: PrecacheEntry[];
}

export async function precacheManifest(base: string, entries: PrecacheEntry[]): Promise<PrecacheManifest> {
  const version = await precacheVersion(entries);
  const sorted = [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { base: normalBase(base), version, cacheName: cacheNameFor(base, version), cachePrefix: cachePrefixFor(base), entries: sorted };
}

export interface WebManifestInput {
  name: string;
  description: string;
  lang: string;
  /**
   * The site's icon (public/icon.svg), carried in the manifest as a `data:` URL: the page's own icon
   * link names the file, and Chromium, reading the manifest as the page loads, would fetch the
   * same file a second time, a request before the first interaction.
   */
  iconSvg: string;
}

/**
 * The web app manifest. Every URL in it is relative to the manifest's own address, which is at the
 * site's base, so one manifest serves any sub-path. The colours are the light theme's paper and
 * the icon's red (src/styles/global.css, public/icon.svg).
 */
export function webManifest({ name, description, lang, iconSvg }: WebManifestInput) {
  return {
    name,
    short_name: name.length <= 12 ? name : 'Reader',
    description,
    lang,
    start_url: './',
    scope: './',
    id: './',
    display: 'standalone',
    background_color: '#fdf8f1',
    theme_color: '#7a2e1f',
    icons: [
      { src: svgDataUrl(iconSvg), sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}

/** What the page knows about its offline copy. */
export interface OfflineState {
  supported: boolean;
  online: boolean;
  /** A complete copy of this build is saved (an active worker). */
  saved: boolean;
  /** The first copy is being downloaded. */
  saving: boolean;
  /**
   * A newer build: downloading, saved (it opens with the next page loaded), asked to take over,
   * or waiting for the site's other tabs to close (two builds must not serve one reader at once).
   */
  update: 'none' | 'saving' | 'ready' | 'applying' | 'blocked';
  /** The last attempt to save failed (a file missing or changed mid-download, the network gone). */
  failed: boolean;
}

/**
 * The status line's words. Short, because a screen reader speaks each change (politely); empty
 * when there is nothing to say, so a browser without service workers shows and says nothing.
 */
export function offlineStatusText(state: OfflineState): string {
  if (!state.supported) return '';
  if (state.saved) {
    if (!state.online) return 'Offline: reading the copy saved on this device.';
    if (state.update === 'applying') return 'Opening the new version…';
    if (state.update === 'blocked') return 'Available offline. A new version opens once this site’s other tabs are closed.';
    if (state.update === 'ready') return 'Available offline. A new version opens with the next page you load.';
    if (state.update === 'saving') return 'Available offline. Saving a new version…';
    return 'Available offline.';
  }
  if (!state.online) return 'Offline: this site is not saved on this device yet.';
  if (state.failed) return 'Could not save this site for offline reading; it will try again on your next visit.';
  if (state.saving) return 'Saving this site for offline reading…';
  return '';
}
