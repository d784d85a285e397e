/**
 * `npm run bench:search`: what a search costs a reader, measured in Chromium on the built site
 * (READER_OUT_DIR, default dist/) through the site's own search UI, for three queries:
 *
 *  - cold: a fresh browser profile opens a reading, presses Ctrl+K and types the query; timed from
 *    the key press to the first result on screen, so it includes the dialog's code, Pagefind's
 *    script, worker and WebAssembly, the index and filter chunks and the result fragments;
 *  - warm: the same, on a page where an earlier search (for another word) already started Pagefind:
 *    timed from the query being typed to its results.
 *
 * Bytes are what the page fetched from the moment of the key press: as served here (no compression)
 * and gzip-compressed as a web server would send text files (Pagefind's index chunks and WebAssembly
 * are already compressed). Milliseconds are the median of several runs; they include the UI's 90 ms
 * typing pause. Results go to bench/results/search.json and a table is printed. Not part of
 * `npm test`: timings depend on the machine.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/browser/harness.ts';
import { startStaticServer } from '../src/cli/static-server.ts';
import { builtSiteDir, listPages, lookupFile, siteAddress } from './lib/built-site.ts';
import { gzipSize } from './lib/page-weight.ts';

const QUERIES = ['enclosure', 'venture communism', 'partner state'];
/** The earlier search that warms Pagefind up before a warm run. */
const PRIMER = 'reading';
const RUNS = 3;
const RESULTS_FILE = 'bench/results/search.json';

interface Fetched {
  requests: number;
  /** Bytes as this server sent them (no compression). */
  servedBytes: number;
  /** Bytes a compressing server would send. */
  gzipBytes: number;
  /** gzip bytes by what they are. */
  byKind: Record<string, number>;
}

interface Run {
  ms: number;
  results: number;
  fetched: Fetched;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function kindOf(urlPath: string): string {
  if (/\/pagefind\/fragment\//.test(urlPath)) return 'result fragments';
  if (/\/pagefind\/(index|filter)\/|\.pf_meta$|pagefind-entry\.json$/.test(urlPath)) return 'index and filters';
  if (/\/pagefind\//.test(urlPath)) return 'Pagefind engine';
  return 'search UI';
}

async function main() {
  const dist = builtSiteDir();
  if (!existsSync(path.join(dist, 'pagefind', 'pagefind.js'))) {
    throw new Error(`No search index in ${dist}/pagefind/: run \`npm run build\` first.`);
  }
  const address = siteAddress(dist);
  const reader = listPages(dist).find((p) => p.startsWith('/read/'));
  if (!reader) throw new Error(`No reader page in ${dist}/.`);
  const server = await startStaticServer({ root: dist, port: 0, base: address.base });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const origin = new URL(server.url).origin;
  const gzipOf = (urlPath: string) => {
    const found = lookupFile(dist, address.base, urlPath);
    return found.kind === 'file' ? gzipSize(readFileSync(found.file)) : 0;
  };

  /** Opens the reading in a fresh profile; `measure` then counts what the page fetches. */
  async function freshPage() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const log: { urlPath: string; served: number }[] = [];
    let counting = false;
    page.on('requestfinished', async (request) => {
      if (!counting) return;
      const sizes = await request.sizes().catch(() => undefined);
      const url = new URL(request.url());
      if (url.origin === origin) log.push({ urlPath: url.pathname, served: (sizes?.responseBodySize ?? 0) + (sizes?.responseHeadersSize ?? 0) });
    });
    await page.goto(new URL(reader!.slice(1), server.url).href, { waitUntil: 'networkidle' });
    await page.locator('ar-search button').waitFor();
    const start = () => {
      log.length = 0;
      counting = true;
    };
    const fetched = async (): Promise<Fetched> => {
      await page.waitForLoadState('networkidle');
      counting = false;
      const byKind: Record<string, number> = {};
      let gzipBytes = 0;
      for (const entry of log) {
        const gz = gzipOf(entry.urlPath);
        gzipBytes += gz;
        byKind[kindOf(entry.urlPath)] = (byKind[kindOf(entry.urlPath)] ?? 0) + gz;
      }
      return { requests: log.length, servedBytes: log.reduce((sum, e) => sum + e.served, 0), gzipBytes, byKind };
    };
    return { context, page, start, fetched };
  }

  /** Milliseconds from the key press (or typing) to the query's results being shown. */
  const untilResults = (page: Page, query: string) =>
    page.waitForFunction(
      (q) => {
        const status = document.querySelector('dialog[open] .search-status')?.textContent ?? '';
        return status.includes(`“${q}”`) && document.querySelector('dialog[open] .search-result') ? performance.now() : false;
      },
      query,
      { polling: 'raf', timeout: 60_000 },
    );

  async function cold(query: string): Promise<Run> {
    const { context, page, start, fetched } = await freshPage();
    start();
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.press('Control+k');
    await page.locator('dialog[open] input[type="search"]').fill(query);
    const t1 = (await (await untilResults(page, query)).jsonValue()) as number;
    const run = { ms: t1 - t0, results: await page.locator('dialog[open] .search-result').count(), fetched: await fetched() };
    await context.close();
    return run;
  }

  async function warm(query: string): Promise<Run> {
    const { context, page, start, fetched } = await freshPage();
    await page.keyboard.press('Control+k');
    await page.locator('dialog[open] input[type="search"]').fill(PRIMER);
    await untilResults(page, PRIMER);
    await page.waitForLoadState('networkidle');
    start();
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('dialog[open] input[type="search"]').fill(query);
    const t1 = (await (await untilResults(page, query)).jsonValue()) as number;
    const run = { ms: t1 - t0, results: await page.locator('dialog[open] .search-result').count(), fetched: await fetched() };
    await context.close();
    return run;
  }

  const summarise = (runs: Run[]) => ({ ms: Math.round(median(runs.map((r) => r.ms))), runsMs: runs.map((r) => Math.round(r.ms)), resultsShown: runs[0]!.results, ...runs[0]!.fetched });
  const queries = [];
  try {
    for (const query of QUERIES) {
      const colds: Run[] = [];
      const warms: Run[] = [];
      for (let i = 0; i < RUNS; i++) colds.push(await cold(query));
      for (let i = 0; i < RUNS; i++) warms.push(await warm(query));
      queries.push({ query, cold: summarise(colds), warm: summarise(warms) });
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const pagefindFiles = listFiles(path.join(dist, 'pagefind'));
  const result = {
    measuredAt: new Date().toISOString(),
    command: 'npm run bench:search',
    site: { dir: path.relative(process.cwd(), dist) || '.', base: address.base, page: reader, pagefindFiles: pagefindFiles.length, pagefindBytes: pagefindFiles.reduce((s, f) => s + f.bytes, 0) },
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10) },
    method: `median of ${RUNS} runs; cold = fresh profile, Ctrl+K then the query; warm = after a search for "${PRIMER}" on the same page`,
    queries,
  };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);

  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  console.log(`Search on ${reader} (${result.site.pagefindFiles} index files, ${kb(result.site.pagefindBytes)}), ${os.cpus().length} CPUs, load ${result.machine.loadAverage.join(' ')}`);
  console.log('| Query | Cold: ms to results | Cold: fetched (gzip / served, requests) | Warm: ms | Warm: fetched (gzip / served, requests) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const q of queries) {
    const f = (x: Fetched) => `${kb(x.gzipBytes)} / ${kb(x.servedBytes)}, ${x.requests}`;
    console.log(`| ${q.query} | ${q.cold.ms} | ${f(q.cold)} | ${q.warm.ms} | ${f(q.warm)} |`);
  }
  console.log(`\nWritten to ${RESULTS_FILE}.`);
}

function listFiles(dir: string): { bytes: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ bytes: statSync(path.join(entry.parentPath, entry.name)).size }));
}

await main();
