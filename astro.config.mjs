// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

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
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
