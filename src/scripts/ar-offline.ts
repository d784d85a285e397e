/**
 * <ar-offline>: the "available offline" line in the footer, and the registration of the service
 * worker that saves the site (src/scripts/offline-worker.ts). Part of the site script (a chunk
 * of its own was one more request on every page), started by site.ts once the page is idle, so
 * neither costs the page's first paint.
 *
 * A new build is taken over only where no page can mix builds: when the page finds a new worker
 * already saved while it is loading, it asks the worker to take over if this is the site's only
 * tab, then reloads itself into the new build before the reader has used it. With other tabs open
 * the new build waits until they are closed (the browser then switches by itself).
 */
import { OFFLINE, offlineStatusText, type OfflineState } from '../lib/offline.ts';

class OfflineStatus extends HTMLElement {
  /** Set when this page asked a new build to take over: its arrival reloads the page. */
  #reloadOnTakeOver = false;
  #state: OfflineState = { supported: 'serviceWorker' in navigator, online: navigator.onLine, saved: false, saving: false, update: 'none', failed: false };

  connectedCallback() {
    // A live region speaks changes, not its first content: the first line is written once it is
    // in the page.
    requestAnimationFrame(() => this.#show());
    if (!this.#state.supported) return;
    const onLine = () => {
      this.#set({ online: navigator.onLine });
      // Back online: look for a newer build at once rather than at the next page.
      if (navigator.onLine) void navigator.serviceWorker.getRegistration(import.meta.env.BASE_URL).then((registration) => registration?.update().catch(() => undefined));
    };
    addEventListener('online', onLine);
    addEventListener('offline', onLine);
    void this.#register();
  }

  async #register() {
    const base = import.meta.env.BASE_URL;
    let registration: ServiceWorkerRegistration | undefined;
    try {
      // updateViaCache 'none': the worker is the build's version, never read from the HTTP cache.
      registration = await navigator.serviceWorker.register(`${base}sw.js`, { scope: base, updateViaCache: 'none' });
    } catch {
      registration = undefined;
    }
    // Refused (a private window, a browser policy; an automated browser that blocks workers
    // answers with nothing at all): the site still reads online; say nothing.
    if (!registration) {
      this.#set({ supported: false });
      return;
    }
    const hadController = navigator.serviceWorker.controller !== null;
    this.#set({ saved: registration.active !== null, saving: registration.active === null && registration.installing !== null });
    this.#follow(registration.installing ?? registration.waiting, registration);
    registration.addEventListener('updatefound', () => this.#follow(registration.installing, registration));
    navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string; done?: boolean }>) => {
      if (event.data?.type !== 'take-over' || event.data.done) return;
      this.#reloadOnTakeOver = false;
      this.#set({ update: 'blocked' });
    });
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      // This page is the old build: load the new one in its place (it asked for this while loading).
      if (hadController && this.#reloadOnTakeOver) location.reload();
    });
    if (registration.waiting && registration.active) this.#takeOver(registration.waiting);
  }

  /** Follows a worker through its install: the first one saves the site, a later one is an update. */
  #follow(incoming: ServiceWorker | null, registration: ServiceWorkerRegistration) {
    if (!incoming) return;
    const isUpdate = registration.active !== null && registration.active !== incoming;
    const track = () => {
      if (incoming.state === 'redundant') this.#set(isUpdate ? { update: 'none' } : { saving: false, failed: registration.active === null });
      else if (incoming.state === 'activated') this.#set({ saved: true, saving: false, failed: false, update: isUpdate ? 'none' : this.#state.update });
      else if (isUpdate && !this.#reloadOnTakeOver) this.#set({ update: incoming.state === 'installed' ? 'ready' : 'saving' });
      else this.#set({ saving: true });
    };
    incoming.addEventListener('statechange', track);
    track();
  }

  #takeOver(waiting: ServiceWorker) {
    this.#reloadOnTakeOver = true;
    this.#set({ update: 'applying' });
    waiting.postMessage({ type: 'take-over-if-alone' });
  }

  #set(change: Partial<OfflineState>) {
    this.#state = { ...this.#state, ...change };
    this.#show();
  }

  #show() {
    const line = this.querySelector('[role="status"]');
    const text = offlineStatusText(this.#state);
    // Written only when it changes: each write is spoken again by a screen reader.
    if (line && line.textContent !== text) line.textContent = text;
  }
}

/** Defines <ar-offline> and adds it to the footer; once per page. */
export function startOffline(): void {
  if (customElements.get('ar-offline')) return;
  customElements.define('ar-offline', OfflineStatus);
  // The manifest (installing the site as an app) goes with the worker that makes it work offline;
  // in the page's HTML, Chromium fetched it before the first paint.
  if (!document.querySelector('link[rel="manifest"]')) {
    const manifest = document.head.appendChild(document.createElement('link'));
    manifest.rel = 'manifest';
    manifest.href = `${import.meta.env.BASE_URL}${OFFLINE.manifest}`;
  }
  // The status lives in the footer; pages carry no markup for it (the reader's HTML is budgeted
  // against its text), so it is added here, a polite status line.
  const footer = document.querySelector('.site-footer');
  if (footer && !footer.querySelector('ar-offline')) {
    const element = document.createElement('ar-offline');
    const line = element.appendChild(document.createElement('p'));
    line.className = 'offline-status';
    line.setAttribute('role', 'status');
    footer.append(element);
  }
}
