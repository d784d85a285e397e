// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentErrorsInDev } from './src/integrations/content-errors-in-dev.ts';
import { contentStoreFromFile } from './src/integrations/content-store-from-file.mjs';

/**
 * Deployment is set by environment so the same tree builds for any host:
 *   READER_SITE  absolute origin used in canonical URLs, Open Graph tags and the sitemap
 *   READER_BASE  sub-path the site is served under, e.g. /courses/pol-101/reader/
 *   READER_OUT_DIR  where the build writes (the build script points it at a temporary folder and
 *                   swaps it into dist/ only when every step succeeded)
 */
const site = process.env.READER_SITE ?? 'http://localhost:4321';
const base = process.env.READER_BASE ?? '/';

export default defineConfig({
  site,
  base,
  outDir: process.env.READER_OUT_DIR ?? './dist',
  // Separate caches let several builds of this tree run side by side (benchmarks, fixture sites).
  cacheDir: process.env.READER_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  // Each page's CSS goes into its <head> as one <style> (allowed by its hash in the policy below):
  // a stylesheet file is a request the first paint waits for, a round trip on a phone's network,
  // and the whole CSS is about 10 KB gzip. The budgets still count it as CSS (bench/lib/page-weight.ts).
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [mdx(), contentStoreFromFile(), contentErrorsInDev()],
  devToolbar: { enabled: false },
  // The site script (src/scripts/site.ts) is one file with no static imports: a page fetches it
  // alone, beside nothing else, before it is enhanced. Rolldown split the two small modules it
  // shares with the lazy chunks (constants, passage text) into chunks of their own, two more
  // requests on every page; this group keeps them in the entry, and the lazy chunks import them
  // from it (they only ever load after it).
  vite: {
    // The site script named for what it is; its default name (the component's hoisted-script id,
    // 37 characters longer) is written into every page. Astro names the client's entry files over
    // any top-level option, and lets the client environment's own options win.
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              entryFileNames: (chunk) => (chunk.name.startsWith('Base.astro') ? '_astro/site.[hash].js' : '_astro/[name].[hash].js'),
            },
          },
        },
      },
    },
    build: {
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [{ name: 'site', test: /Base\.astro\?astro&type=script|src[\\/]scripts[\\/]site\.ts|src[\\/]lib[\\/](constants|passage-text)\.ts/ }],
          },
        },
      },
    },
  },
  // Note and glossary bodies are rendered by the content loaders (src/lib/mdx-html.ts) and code in
  // the guide by our own Shiki call, which emits classes instead of inline styles (the CSP forbids
  // them). Astro's Markdown highlighter is never used; turning it off also drops its CSP warning.
  markdown: { syntaxHighlight: false },
  // Astro 7's default ('jsx') deletes line breaks between inline elements, gluing words together
  // ("23 passages" + "about 5 min" read as "23 passagesabout 5 min"). `true` collapses whitespace
  // to one space but never removes it, so text reads as written; gzip makes the size cost nil.
  compressHTML: true,
  security: {
    // A strict policy, sent with every page as a <meta> tag. Astro adds 'self' plus a hash of
    // every script and stylesheet it bundles or inlines. What this forbids, on purpose:
    //  - inline event handlers (onclick=…), javascript: URLs and eval: scripts are Astro-bundled
    //    modules; an `is:inline` script needs its hash added (Astro.csp.insertScriptHash);
    //  - style="" attributes in HTML and setAttribute('style'): use classes (element.style.x = …
    //    from a bundled script is allowed); Shiki must emit classes, not inline colours;
    //  - anything from another origin (fonts, images, fetches, frames): self-host everything.
    // 'wasm-unsafe-eval' is the one exception: Pagefind compiles its WebAssembly search engine.
    // frame-ancestors, report-uri and sandbox are left out: browsers ignore them in a <meta> tag.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
