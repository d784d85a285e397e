/**
 * Post-build step: the Pagefind search index, written to `<outDir>/pagefind/` on the temporary
 * build folder, so `npm run build` (and `npm start`, which builds) always ships an index of exactly
 * the pages it ships, and an indexing failure fails the build before anything replaces dist/.
 *
 * Two sources, one index (Pagefind's Node API):
 *  - a reader page's passages and notes become a few documents, each the passages (or notes) of
 *    the page that share every filter, one part per passage or note (src/lib/search-records.ts,
 *    `groupSearchRecords`): a result lands on `#p-<id>` / `#note-<id>` and carries that passage's
 *    section and speaker, and the index grows with the pages, not the paragraphs;
 *  - pages that mark themselves with `data-pagefind-body` (glossary entries, the sources list, a
 *    reading's study pages, filtered as `kind: study-page`) go
 *    through Pagefind's HTML indexer, which honours their `data-pagefind-filter`, `-meta`, `-weight`
 *    and `-title` attributes (a glossary headword outranks passages that merely use the word; each
 *    source entry becomes a sub-result linking to its `#source-<id>`).
 * URLs are stored as if the site sat at `/`; the search script passes the site's base to Pagefind
 * as `baseUrl`, so one index works under any sub-path.
 *
 * One bundle per language, each indexed with that language forced, so each gets its own word
 * splitting and stemmer: the site's language (its <html lang>) in `pagefind/`, holding the pages
 * above, the notes and every passage in it; a passage in another language (the `lang` most of its
 * words carry, see src/lib/search-languages.ts for Ancient Greek) in `pagefind-<language>/`. A
 * site in one language writes exactly the one bundle it always did. When there are others, every
 * page's <ar-search> names them, and the search script runs one engine per bundle and merges the
 * results (Pagefind's `mergeIndex` would search them all with the first engine's stemmer).
 *
 * Only the search engine is shipped (pagefind.js, its worker, WebAssembly and index chunks): the
 * site draws its own search UI, so Pagefind's prebuilt UIs and highlighter are not copied.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH } from '../lib/constants.ts';
import { extractSearchRecords, groupSearchRecords } from '../lib/search-records.ts';
import { SEARCH_LANGUAGES_ATTRIBUTE, indexLanguageOf, languageBundleDir } from '../lib/search-languages.ts';
import { isNoindex } from '../lib/reading-pages.ts';
import type { PostBuildStep } from './post-build.ts';

/** Bundle files the site never loads: Pagefind's own UIs and highlighter. */
const UNUSED_BUNDLE_FILE = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;
/** A WebAssembly engine: Pagefind writes every one it has; a bundle keeps only its language's. */
const WASM_FILE = /^wasm\.([^.]+)\.pagefind$/;

export interface SearchIndexSummary {
  passages: number;
  notes: number;
  /** Threads of shared annotation layers, each a record of its own. */
  layerThreads: number;
  /** Documents Pagefind indexed the passages and notes as: one per page and set of filters. */
  documents: number;
  pages: number;
  files: number;
  bytes: number;
  /** Records in each other language's bundle (`el` → 7), none for a site in one language. */
  languages: Record<string, number>;
}

async function htmlFiles(dir: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (relative === SEARCH.bundleDir.replace(/\/$/, '') || /^pagefind-/.test(relative) || entry.name === '_astro') continue;
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
  // One page at a time, read, parsed and handed to Pagefind before the next: reading them all
  // first held every page's text and tree at once (1.75 GB for a 50,000-passage library, beside
  // Pagefind's 1.6 GB).
  const pageOf = async (file: string) => {
    const html = await readFile(path.join(outDir, file), 'utf8');
    return { file, html, ...extractSearchRecords(html, file) };
  };
  const home = files.includes('index.html') ? await pageOf('index.html') : undefined;
  // The site's language (its <html lang>) takes the glossary, sources, study pages, notes and every
  // passage in it; each other language gets an index of its own, analysed with its own stemmer
  // (src/lib/search-languages.ts). Pagefind's merged indexes are all searched with the first
  // one's stemmer, so the browser runs one engine per bundle instead (src/scripts/search-panel.ts).
  const siteLanguage = (home?.language ?? 'en').toLowerCase();
  const summary: SearchIndexSummary = { passages: 0, notes: 0, layerThreads: 0, documents: 0, pages: 0, files: 0, bytes: 0, languages: {} };
  try {
    const indexes = new Map<string, pagefind.PagefindIndex>();
    const indexFor = async (language: string) => {
      let index = indexes.get(language);
      if (!index) {
        index = check(await pagefind.createIndex({ forceLanguage: language }), 'start').index;
        if (!index) throw new Error('Pagefind returned no index.');
        indexes.set(language, index);
      }
      return index;
    };
    const main = await indexFor(siteLanguage);
    for (const file of files) {
      const page = file === home?.file ? home : await pageOf(file);
      const { documents, single } = groupSearchRecords(page.records);
      // Sent concurrently: each call is a round trip to Pagefind's indexing process.
      const added = await Promise.all([
        ...documents.map(async (document) => {
          const index = await indexFor(indexLanguageOf(document.language, siteLanguage));
          return { what: document.url, response: await index.addHTMLFile({ url: document.url, content: document.html }) };
        }),
        ...single.map(async (record) => {
          const language = indexLanguageOf(record.language, siteLanguage);
          const response = await (await indexFor(language)).addCustomRecord({
            url: record.url,
            content: record.content,
            language,
            meta: record.meta as Record<string, string>,
            filters: record.filters as Record<string, string[]>,
          });
          return { what: record.url, response };
        }),
      ]);
      for (const { what, response } of added) check(response, `index ${what}`);
      summary.documents += documents.length;
      for (const record of page.records) {
        const language = indexLanguageOf(record.language, siteLanguage);
        if (record.filters.kind?.[0] === 'passage') summary.passages++;
        else if (record.filters.kind?.[0] === 'layer') summary.layerThreads++;
        else summary.notes++;
        if (language !== siteLanguage) summary.languages[language] = (summary.languages[language] ?? 0) + 1;
      }
      if (page.pageIndexed) {
        const content = page.html;
        // An instructors' page (a teaching guide) is noindex so students do not find its answers;
        // marked for search as well, it would put them in every student's results.
        if (isNoindex(content)) {
          throw new Error(`${page.file} asks not to be indexed (robots noindex) but marks content with data-pagefind-body; remove one of the two.`);
        }
        const url = `/${page.file}`.replace(/(^|\/)index\.html$/, '$1');
        check(await main.addHTMLFile({ url, content }), `index ${page.file}`);
        summary.pages++;
      }
    }
    if (summary.passages === 0) {
      throw new Error(
        'no passages were found to index. Reader pages must mark each passage with class="passage" and an id p-<id> ' +
          '(see src/lib/search-records.ts); was the class renamed in src/lib/constants.ts?',
      );
    }
    for (const entry of await readdir(outDir)) {
      if (entry.startsWith('pagefind-')) await rm(path.join(outDir, entry), { recursive: true, force: true });
    }
    for (const [language, index] of indexes) {
      const dir = language === siteLanguage ? SEARCH.bundleDir : languageBundleDir(language);
      const written = await writeBundle(index, path.join(outDir, dir));
      summary.files += written.files;
      summary.bytes += written.bytes;
    }
    const others = Object.keys(summary.languages).sort();
    if (others.length > 0) await nameLanguageBundles(outDir, files, others);
  } finally {
    await pagefind.close();
  }
  return summary;
}

/** Writes one index's bundle: its engine, its language's WebAssembly module, index and filter chunks. */
async function writeBundle(index: pagefind.PagefindIndex, bundleDir: string): Promise<{ files: number; bytes: number }> {
  const { files: bundle } = check(await index.getFiles(), 'write the index');
  const entry = bundle.find((file) => file.path === 'pagefind-entry.json');
  const languages = entry ? (JSON.parse(new TextDecoder().decode(entry.content)) as { languages?: Record<string, { wasm?: string | null }> }).languages : undefined;
  // A language Pagefind has no stemmer for is searched with its language-neutral module.
  const wasm = new Set(Object.values(languages ?? {}).map((language) => language.wasm ?? 'unknown'));
  await rm(bundleDir, { recursive: true, force: true });
  const written = { files: 0, bytes: 0 };
  for (const file of bundle) {
    const engine = WASM_FILE.exec(file.path)?.[1];
    if (UNUSED_BUNDLE_FILE.test(file.path) || (engine !== undefined && !wasm.has(engine))) continue;
    const target = path.join(bundleDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
    written.files++;
    written.bytes += file.content.byteLength;
  }
  return written;
}

/**
 * Tells every page's search control which other-language bundles exist, so the search script
 * starts their engines too (and a site in one language requests nothing more): the control gets
 * SEARCH_LANGUAGES_ATTRIBUTE. Written here rather than by the template because only the index
 * step knows which languages the built text is in.
 */
async function nameLanguageBundles(outDir: string, files: string[], languages: string[]) {
  // The control's start tag up to its closing `>`, attribute by attribute (a value may hold `>`):
  // the list goes last, so the attributes the template writes keep their place.
  const control = /<ar-search(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*/;
  for (const file of [...files, '404.html']) {
    const target = path.join(outDir, file);
    const html = await readFile(target, 'utf8').catch(() => undefined);
    if (html === undefined || !control.test(html)) continue;
    await writeFile(target, html.replace(control, (tag) => `${tag} ${SEARCH_LANGUAGES_ATTRIBUTE}="${languages.join(' ')}"`));
  }
}

export const searchIndexStep: PostBuildStep = {
  name: 'search index',
  run: async ({ outDir }) => {
    const started = performance.now();
    const s = await buildSearchIndex(outDir);
    const ms = Math.round(performance.now() - started);
    const others = Object.entries(s.languages).map(([language, records]) => `, ${languageBundleDir(language)} (${records} records)`).join('');
    console.log(
      `Search index: ${s.passages} passages and ${s.notes} notes as ${s.documents} documents, ${s.layerThreads ? `${s.layerThreads} layer threads, ` : ''}${s.pages} pages → ${SEARCH.bundleDir}${others} ` +
        `(${s.files} files, ${(s.bytes / 1024).toFixed(0)} KB) in ${ms} ms.`,
    );
  },
};
