/**
 * Post-build step: the Pagefind search index, written to `<outDir>/pagefind/` on the temporary
 * build folder, so `npm run build` (and `npm start`, which builds) always ships an index of exactly
 * the pages it ships, and an indexing failure fails the build before anything replaces dist/.
 *
 * Two sources, one index (Pagefind's Node API):
 *  - reader pages become one custom record per passage and per note (src/lib/search-records.ts):
 *    a result lands on `#p-<id>` / `#note-<id>` and carries that passage's section and speaker;
 *  - pages that mark themselves with `data-pagefind-body` (glossary entries, the sources list, a
 *    reading's study pages, filtered as `kind: study-page`) go
 *    through Pagefind's HTML indexer, which honours their `data-pagefind-filter`, `-meta`, `-weight`
 *    and `-title` attributes (a glossary headword outranks passages that merely use the word; each
 *    source entry becomes a sub-result linking to its `#source-<id>`).
 * URLs are stored as if the site sat at `/`; the search script passes the site's base to Pagefind
 * as `baseUrl`, so one index works under any sub-path.
 *
 * Only the search engine is shipped (pagefind.js, its worker, WebAssembly and index chunks): the
 * site draws its own search UI, so Pagefind's prebuilt UIs and highlighter are not copied.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH } from '../lib/constants.ts';
import { extractSearchRecords } from '../lib/search-records.ts';
import { isNoindex } from '../lib/reading-pages.ts';
import type { PostBuildStep } from './post-build.ts';

/** Bundle files the site never loads (Pagefind's own UIs and highlighter, the unknown-language engine). */
const UNUSED_BUNDLE_FILE = /^(pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)|wasm\.unknown\.pagefind)$/;

export interface SearchIndexSummary {
  passages: number;
  notes: number;
  pages: number;
  files: number;
  bytes: number;
}

async function htmlFiles(dir: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (relative === SEARCH.bundleDir.replace(/\/$/, '') || entry.name === '_astro') continue;
      found.push(...(await htmlFiles(dir, relative)));
    } else if (entry.name.endsWith('.html')) found.push(relative);
  }
  return found.sort();
}

/** Fails with every message Pagefind reported for one call. */
function check<T extends { errors: string[] }>(response: T, what: string): T {
  if (response.errors.length > 0) throw new Error(`Pagefind could not ${what}: ${response.errors.join('; ')}`);
  return response;
}

/** Builds the index for the site in `outDir` and writes it to `outDir/pagefind/`. */
export async function buildSearchIndex(outDir: string): Promise<SearchIndexSummary> {
  const files = (await htmlFiles(outDir)).filter((file) => file !== '404.html');
  const pages = await Promise.all(
    files.map(async (file) => ({ file, ...extractSearchRecords(await readFile(path.join(outDir, file), 'utf8'), file) })),
  );
  const home = pages.find((page) => page.file === 'index.html');
  // One language for the whole site: Pagefind splits indexes by language and a page searches only
  // its own, so a reading in another language would otherwise be invisible from the rest of the site.
  const language = (home?.language ?? 'en').toLowerCase();
  const summary: SearchIndexSummary = { passages: 0, notes: 0, pages: 0, files: 0, bytes: 0 };
  try {
    const { index } = check(await pagefind.createIndex({ forceLanguage: language }), 'start');
    if (!index) throw new Error('Pagefind returned no index.');
    for (const page of pages) {
      // Sent concurrently: each call is a round trip to Pagefind's indexing process.
      const added = await Promise.all(
        page.records.map((record) =>
          index.addCustomRecord({
            ...record,
            language,
            meta: record.meta as Record<string, string>,
            filters: record.filters as Record<string, string[]>,
          }),
        ),
      );
      added.forEach((response, i) => check(response, `index ${page.records[i]!.url}`));
      for (const record of page.records) {
        if (record.filters.kind?.[0] === 'passage') summary.passages++;
        else summary.notes++;
      }
      if (page.pageIndexed) {
        const content = await readFile(path.join(outDir, page.file), 'utf8');
        // An instructors' page (a teaching guide) is noindex so students do not find its answers;
        // marked for search as well, it would put them in every student's results.
        if (isNoindex(content)) {
          throw new Error(`${page.file} asks not to be indexed (robots noindex) but marks content with data-pagefind-body; remove one of the two.`);
        }
        const url = `/${page.file}`.replace(/(^|\/)index\.html$/, '$1');
        check(await index.addHTMLFile({ url, content }), `index ${page.file}`);
        summary.pages++;
      }
    }
    if (summary.passages === 0) {
      throw new Error(
        'no passages were found to index. Reader pages must mark each passage with class="passage" and an id p-<id> ' +
          '(see src/lib/search-records.ts); was the class renamed in src/lib/constants.ts?',
      );
    }
    const { files: bundle } = check(await index.getFiles(), 'write the index');
    const bundleDir = path.join(outDir, SEARCH.bundleDir);
    await rm(bundleDir, { recursive: true, force: true });
    for (const file of bundle) {
      if (UNUSED_BUNDLE_FILE.test(file.path)) continue;
      const target = path.join(bundleDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
      summary.files++;
      summary.bytes += file.content.byteLength;
    }
  } finally {
    await pagefind.close();
  }
  return summary;
}

export const searchIndexStep: PostBuildStep = {
  name: 'search index',
  run: async ({ outDir }) => {
    const started = performance.now();
    const s = await buildSearchIndex(outDir);
    const ms = Math.round(performance.now() - started);
    console.log(
      `Search index: ${s.passages} passages, ${s.notes} notes, ${s.pages} pages → ${SEARCH.bundleDir} ` +
        `(${s.files} files, ${(s.bytes / 1024).toFixed(0)} KB) in ${ms} ms.`,
    );
  },
};
