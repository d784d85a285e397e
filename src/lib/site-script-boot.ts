/**
 * When the site script starts. Astro writes it as `<script type="module" src="…">` in every
 * page's <head>, which the browser fetches at once, in parallel with the page: on a phone's
 * network its download and its run came before the first paint (Lighthouse counted both against
 * the reader's Largest Contentful Paint), and its 11 KB were most of what a page loaded beyond its
 * own text, although every page reads fully without it. The post-build step (src/cli/trim-csp.ts)
 * replaces that element with the small inline script below, allowed by its hash in the page's
 * policy, which imports the same file:
 * - when the reader first acts on the page: a press, a touch, a pointer moving over it, a key,
 *   focus or a wheel. A click made before the script has run, on something it enhances
 *   (inside one of its custom elements, not yet defined), is held and made again once it has; so
 *   is a first key that is not Tab or a modifier;
 * - after the first paint (once the browser has reported the largest paint; on load where it
 *   reports none: Safari, a tab opened in the background), without waiting for the reader, when
 *   the page needs it from the start: the address names a passage, a note or words to mark
 *   (`#…`, `?…`), the reader keeps notes or annotation layers in this browser, the page shows a
 *   reading's layers or is the search page, or the page comes from the site's offline copy (the
 *   script costs no download then, and a new build waiting must take over before the reader has
 *   used the page: src/scripts/ar-offline.ts).
 */

/** The one module script Astro writes into a page's <head> (src/layouts/Base.astro). */
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/** What on a page needs the site script from the start: a reading's layers, the search page's panel. */
const NEEDED_AT_ONCE = 'ar-layers, [data-search-page]';

/**
 * Events that are a reader acting on the page. Not `scroll`: the browser scrolls by itself to the
 * passage an address names, and a reader's scrolling starts with a touch, a wheel, a key or a press.
 */
const INTERACTIONS = ['pointerdown', 'pointermove', 'touchstart', 'keydown', 'focusin', 'wheel'];

/** The inline script that imports `src` (see above). */
export function siteScriptBoot(src: string): string {
  // Hand-minified (it is not bundled, and every page carries it): `go` imports the script once,
  // `afterPaint` calls it after the largest paint, `held` is the click or key to make again.
  // Plain JavaScript with no quote that needs escaping in HTML; `src` is a URL Astro made from
  // the file's hash. A script that fails to load (offline without the saved copy) releases what
  // it held all the same. A key is made again from the event itself (KeyboardEvent reads its
  // key, code, modifiers, bubbles and cancelable from it).
  const on = JSON.stringify(INTERACTIONS);
  return (
    `(()=>{let held,ready,e=addEventListener,done=()=>{ready=1;held?.()},go=()=>{go=()=>{};import(${JSON.stringify(src)}).then(done,done)},` +
    `afterPaint=()=>{let l=()=>setTimeout(()=>go());PerformanceObserver.supportedEntryTypes?.includes("largest-contentful-paint")&&document.visibilityState=="visible"` +
    `?new PerformanceObserver((x,o)=>{o.disconnect();l()}).observe({type:"largest-contentful-paint",buffered:!0})` +
    `:document.readyState=="complete"?l():e("load",l,{once:!0})};` +
    `for(let t of ${on})e(t,()=>go(),{once:!0,capture:!0,passive:!0});` +
    `e("click",v=>{let t=v.target;if(ready||!t.closest?.(":not(:defined)"))return;v.preventDefault();v.stopImmediatePropagation();held=()=>t.isConnected&&t.click();go()},!0);` +
    `e("keydown",v=>{if(ready||held||/^(Tab|Shift|Control|Alt|Meta)$/.test(v.key))return;let t=v.target,k=new KeyboardEvent("keydown",v);held=()=>t.isConnected&&t.dispatchEvent(k)},!0);` +
    // The keys of a reader's notes (`ar-notes:<reading>`, reader-context.ts) and layers (ar-layers.ts).
    `try{navigator.serviceWorker?.controller||location.hash||location.search||Object.keys(localStorage).some(k=>/^ar-(notes|layers)/.test(k))?afterPaint():e("DOMContentLoaded",()=>document.querySelector(${JSON.stringify(NEEDED_AT_ONCE)})&&afterPaint())}catch{afterPaint()}})()`
  );
}

/**
 * The page with its site script started as above, and the boot's code (for its hash); the page
 * unchanged when it has no module script. More than one is a build error: the layout writes
 * exactly one, so another would be a component's script this step knows nothing of.
 */
export function deferSiteScript(html: string): { html: string; boot?: string } {
  const scripts = [...html.matchAll(MODULE_SCRIPT)];
  if (scripts.length === 0) return { html };
  if (scripts.length > 1) {
    throw new Error(`A page has ${scripts.length} module scripts (${scripts.map((s) => s[1]).join(', ')}); the site's layout writes one, the site script, and only it may start after the first paint. Import other code from src/scripts/site.ts instead of a <script> in a component.`);
  }
  const [element, src] = scripts[0]!;
  const boot = siteScriptBoot(src!);
  return { html: html.replace(element, () => `<script>${boot}</script>`), boot };
}
