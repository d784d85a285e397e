/**
 * The site script starts after the page's first paint. Astro writes it as
 * `<script type="module" src="…">` in every page's <head>, which the browser fetches at once, in
 * parallel with the page: on a phone's network its download and its run come before the first
 * paint (Lighthouse counts both against the reader's Largest Contentful Paint), although the page
 * reads fully without it. The post-build step (src/cli/trim-csp.ts) replaces that element with
 * the small inline script below, allowed by its hash in the page's policy, which imports the same
 * file once the browser has reported the page's largest paint.
 *
 * Sooner when the reader acts first (a press, a key, focus) or when the address names a passage
 * that is not on this page (an old permalink into a section page, which the site script follows);
 * on load where the browser reports no largest paint (Safari, a page opened in the background);
 * and after 3 s in any case.
 */

/** The one module script Astro writes into a page's <head> (src/layouts/Base.astro). */
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/** The inline script that imports `src` after the first paint. */
export function siteScriptBoot(src: string): string {
  // Written as plain JavaScript (it is not bundled), small, and with no quotes that would need
  // escaping in HTML: `src` is a URL Astro made from the file's hash.
  return `(()=>{let go=()=>{go=()=>{};import(${JSON.stringify(src)})},later=()=>setTimeout(()=>go());` +
    `for(const t of["pointerdown","keydown","focusin"])addEventListener(t,()=>go(),{once:true,capture:true,passive:true});` +
    `addEventListener("DOMContentLoaded",()=>{const id=decodeURIComponent(location.hash.slice(1));if(id&&!document.getElementById(id))go()});` +
    `if(document.visibilityState==="visible"&&PerformanceObserver.supportedEntryTypes?.includes("largest-contentful-paint")){` +
    `new PerformanceObserver((l,o)=>{o.disconnect();later()}).observe({type:"largest-contentful-paint",buffered:true});setTimeout(()=>go(),3000)}` +
    `else addEventListener("load",later,{once:true})})()`;
}

/**
 * The page with its site script started after the first paint, and the boot's code (for its
 * hash); the page unchanged when it has no module script. More than one is a build error: the
 * layout writes exactly one, so another would be a component's script this step knows nothing of.
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
