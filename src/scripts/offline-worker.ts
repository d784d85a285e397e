/**
 * The service worker: saves one whole build of the site in one cache and answers every request for
 * a saved file from that cache, so a page and everything it loads later (scripts imported on
 * demand, the search engine and its index) always come from the same build.
 *
 * src/cli/offline.ts transpiles this file into `<site>/sw.js` after the build and writes the
 * build's precache manifest in front of it as `PRECACHE`; so no import, and only the few worker
 * types it uses, declared here (the project's types are the DOM's, not a worker's).
 *
 * Lifecycle (README, Offline reading):
 *  - install: download every file of the build, checking each against its hash; a file that is
 *    already saved with the same hash by an earlier build is copied instead. Any failure fails the
 *    install, and the old copy keeps serving, so a half-saved build is never used.
 *  - a new build waits (no automatic skipWaiting): pages of the old build may still be open and
 *    load old files on demand. A page asks it to take over only when it is the site's only tab,
 *    while it is loading, and reloads itself right after (src/scripts/ar-offline.ts).
 *  - activate: delete this site's caches of other builds. The very first build claims the open
 *    page, which came from the same network moments earlier.
 */
export {};

interface PrecacheEntry {
  url: string;
  /** The first 128 bits of the file's SHA-256, hex (src/lib/offline.ts). */
  hash: string;
}
declare const PRECACHE: { base: string; version: string; cacheName: string; cachePrefix: string; entries: PrecacheEntry[] };

interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WindowClient {
  url: string;
  postMessage(message: unknown): void;
}
interface MessageEventOf extends ExtendableEvent {
  data: unknown;
  source: WindowClient | null;
}
interface WorkerScope {
  location: Location;
  registration: { scope: string };
  clients: { claim(): Promise<void>; matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventOf) => void): void;
}
const worker = self as unknown as WorkerScope;

const byPath = new Map(PRECACHE.entries.map((entry) => [entry.url, entry]));
/** The cache key of a saved file: its path and hash, so equal files of two builds have equal keys. */
const keyOf = (entry: PrecacheEntry) => new URL(`${entry.url}?hash=${entry.hash}`, worker.location.origin).href;
/** Downloads at once: enough to fill a connection, few enough not to crowd out the page's own requests. */
const PARALLEL = 6;

async function sha256Hex(body: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', body);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function save(cache: Cache, entry: PrecacheEntry): Promise<void> {
  const key = keyOf(entry);
  if (await cache.match(key)) return;
  const earlier = await caches.match(key);
  if (earlier) return cache.put(key, earlier);
  // 'no-cache': never the browser's HTTP cache, which may hold this path from another build.
  const response = await fetch(entry.url, { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok || response.redirected) throw new Error(`${entry.url}: ${response.status}${response.redirected ? ' (redirected)' : ''}`);
  const body = await response.arrayBuffer();
  // The host may already serve a newer build than this worker's: saving its file would mix two builds.
  if (!(await sha256Hex(body)).startsWith(entry.hash)) throw new Error(`${entry.url} is not the file of build ${PRECACHE.version}`);
  const headers = new Headers({ 'content-type': response.headers.get('content-type') ?? 'application/octet-stream' });
  await cache.put(key, new Response(body, { status: 200, headers }));
}

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PRECACHE.cacheName);
      const queue = [...PRECACHE.entries];
      const lane = async () => {
        for (let entry = queue.shift(); entry; entry = queue.shift()) await save(cache, entry);
      };
      await Promise.all(Array.from({ length: PARALLEL }, lane));
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const others = (await caches.keys()).filter((name) => name.startsWith(PRECACHE.cachePrefix) && name !== PRECACHE.cacheName);
      await Promise.all(others.map((name) => caches.delete(name)));
      // A first install has no older pages to mix with: the open page is this build, moments old.
      if (others.length === 0) await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  // The query never changes a file on a static site (`/search/?q=…`, Pagefind's `?ts=`).
  const entry = byPath.get(url.pathname);
  if (!entry) return;
  event.respondWith(
    caches
      .open(PRECACHE.cacheName)
      .then((cache) => cache.match(keyOf(entry)))
      .then((saved) => saved ?? fetch(request)),
  );
});

worker.addEventListener('message', (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type !== 'take-over-if-alone') return;
  event.waitUntil(
    (async () => {
      const tabs = (await worker.clients.matchAll({ type: 'window', includeUncontrolled: true })).filter((client) => client.url.startsWith(worker.registration.scope));
      const alone = tabs.length <= 1;
      if (alone) await worker.skipWaiting();
      event.source?.postMessage({ type: 'take-over', done: alone, version: PRECACHE.version });
    })(),
  );
});
