/**
 * Post-build step: writes sitemap.xml (every indexable page, absolute URLs under the site's base)
 * and, when the site sits at the root of its host, a robots.txt that points to it. Site and base
 * come from READER_SITE and READER_BASE, as in astro.config.mjs.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { absoluteUrl, sitemapPages, sitemapXml } from '../lib/sitemap.ts';
import type { PostBuildStep } from './post-build.ts';

async function htmlFiles(folder: string, root = folder): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && !(folder === root && ['_astro', 'pagefind'].includes(entry.name))) found.push(...(await htmlFiles(full, root)));
    else if (entry.isFile() && entry.name.endsWith('.html')) found.push(full);
  }
  return found;
}

export const sitemapStep: PostBuildStep = {
  name: 'sitemap',
  async run({ outDir }) {
    const site = process.env.READER_SITE ?? 'http://localhost:4321';
    const base = process.env.READER_BASE ?? '/';
    const pages = await Promise.all(
      (await htmlFiles(outDir)).map(async (file) => {
        const relative = path.relative(outDir, file).split(path.sep).join('/');
        const sitePath = relative === 'index.html' ? '/' : relative.endsWith('/index.html') ? `/${relative.slice(0, -'index.html'.length)}` : `/${relative}`;
        return { sitePath, html: await readFile(file, 'utf8') };
      }),
    );
    const urls = sitemapPages(pages).map((sitePath) => absoluteUrl(site, base, sitePath));
    await writeFile(path.join(outDir, 'sitemap.xml'), sitemapXml(urls));
    // robots.txt is only read at the root of a host; a site under a sub-path leaves that to the host.
    if (base === '/' || base === '') await writeFile(path.join(outDir, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site, base, '/sitemap.xml')}\n`);
  },
};
