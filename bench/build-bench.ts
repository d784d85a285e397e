/**
 * `npm run bench`: how the build and the search scale, from the seed edition to a library.
 *
 * For each size (default: the seed edition as it is, then synthetic editions from
 * bench/generate.ts: a book of 1,000 passages, one of 10,000, and a library of 25 readings of
 * 2,000 passages, 50,000 in all), in BENCH_RUNS runs (default 3), it copies the project into a
 * temporary folder (its node_modules linked, its own output and cache folders), runs the real
 * `npm run build` (Astro build, then every post-build step including the Pagefind index), and
 * measures:
 *  - wall time of the whole build, its CPU time (user + system of the process tree, GNU time),
 *    and Astro's part as it reports it;
 *  - peak memory: the sum of the resident memory of the build's process tree, sampled every
 *    100 ms, and the largest single process's maximum (GNU time, where installed);
 *  - size of the output, of the Pagefind index, and of the biggest page;
 *  - a cold search (engine and index chunks loaded from nothing) and a warm one (a second query
 *    on the same page) in Chromium through Pagefind's own API: milliseconds, and bytes and
 *    requests as the server sent them (the worker's fetches included);
 *  - on the 10,000-passage book (first run), the byte budgets of bench/budgets.ts on every page:
 *    the bench fails when one is over, as `npm test` does on the seed.
 * Prints a table, the growth per 1,000 passages in each run and the verdicts against the
 * targets, and writes bench/results/build.json and build.md. Options: BENCH_SIZES (e.g.
 * "seed,1000,10000,25x2000": a passage count is one book, RxP a library of R readings of P
 * passages), BENCH_RUNS, BENCH_KEEP=1 keeps the temporary folders.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../src/cli/static-server.ts';
import { CHROMIUM_PATH, LAUNCH_ARGS } from '../tests/browser/harness.ts';
import { generateEdition } from './generate.ts';
import { weighSite } from './lib/budget-report.ts';

const projectRoot = path.resolve('.');
const sizes = (process.env.BENCH_SIZES ?? 'seed,1000,10000,25x2000').split(',').map((s) => s.trim());
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const TARGETS = {
  seedSeconds: 10,
  bookPassages: 10_000,
  bookSeconds: 30,
  libraryPassages: 50_000,
  librarySeconds: 180,
  libraryMemoryMB: 3072,
  /** CPU seconds per 1,000 passages added past the book, over those added up to it. */
  growthRatio: 1.2,
  coldSearchBytes: 300_000,
  coldSearchMs: 500,
};
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'annotations'];

interface SearchFigures {
  query: string;
  ms: number;
  bytes: number;
  requests: number;
  results: number;
}

interface SizeResult {
  label: string;
  /** Which of the BENCH_RUNS runs (1, 2, 3…). */
  run: number;
  passages: number;
  notes: number;
  terms: number;
  sources: number;
  ok: boolean;
  error?: string;
  pages?: number;
  wallSeconds?: number;
  /** User + system CPU seconds of the build's process tree. */
  cpuSeconds?: number;
  astroSeconds?: number;
  peakTreeMB?: number;
  largestProcessMB?: number;
  distMB?: number;
  pagefindMB?: number;
  pagefindFiles?: number;
  biggestPage?: { path: string; MB: number };
  search?: { cold: SearchFigures; warm: SearchFigures } | { skipped: string };
  /** The byte budgets (bench/budgets.ts), checked on the book: pages weighed, and each page over with what it exceeds. */
  budgets?: { pages: number; over: { sitePath: string; overruns: string[] }[] };
}

/** Total size and file count of a folder. */
function folderSize(folder: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Resident memory (bytes) of a process and all its descendants, from /proc. */
function treeRss(rootPid: number): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) {
      if (p === rootPid) {
        total += bytes;
        break;
      }
    }
  }
  return total;
}

/** Runs the project's build in `root`, measuring time and memory. */
async function build(root: string): Promise<{ code: number; wallSeconds: number; cpuSeconds?: number; peakTreeMB: number; largestProcessMB?: number; log: string }> {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const command = [process.execPath, path.join(root, 'src/cli/build.ts')];
  // The copy is built as a plain deployment at `/`, whatever this shell has set.
  const { READER_ROOT: _root, READER_BASE: _base, ...inherited } = process.env;
  const env = { ...inherited, READER_OUT_DIR: 'dist', READER_CACHE_DIR: path.join(root, '.astro-cache'), ASTRO_TELEMETRY_DISABLED: '1' };
  const started = performance.now();
  const child = spawn(timeBin ?? command[0]!, timeBin ? ['-v', ...command] : command.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(child.pid!));
  }, 100);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  clearInterval(sampler);
  const wallSeconds = (performance.now() - started) / 1000;
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(log)?.[1];
  // CPU time of the whole tree (user + system): unlike wall time, it does not grow when other
  // work shares the machine.
  const user = /User time \(seconds\): ([\d.]+)/.exec(log)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(log)?.[1];
  return {
    code,
    wallSeconds,
    ...(user && system ? { cpuSeconds: Number(user) + Number(system) } : {}),
    peakTreeMB: peak / 2 ** 20,
    ...(maxRss ? { largestProcessMB: Number(maxRss) / 1024 } : {}),
    log,
  };
}

/** A cold and a warm Pagefind query in Chromium, through Pagefind's own API. */
async function measureSearch(dist: string, queries: string[]): Promise<{ cold: SearchFigures; warm: SearchFigures }> {
  const server = await startStaticServer({ root: dist, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
  try {
    // No service worker: the offline copy's precache downloads the site's files in the background,
    // which the server would count as the search's (half the bytes of a cold search at 10,000 passages).
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // Counted at the server: Pagefind fetches its index chunks from a worker, which the page's
    // own network events do not show.
    let bytes = 0;
    let requests = 0;
    server.server.on('request', (_request, response) => {
      // The server passes its headers to writeHead, where getHeader() cannot see them.
      const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => typeof response;
      let length = 0;
      response.writeHead = ((...args: unknown[]) => {
        const headers = args.find((a): a is Record<string, unknown> => typeof a === 'object' && a !== null);
        length = Number(headers?.['content-length'] ?? 0);
        return writeHead(...args);
      }) as typeof response.writeHead;
      response.on('finish', () => {
        bytes += length;
        requests++;
      });
    });
    await page.goto(server.url, { waitUntil: 'networkidle' });
    const run = async (query: string): Promise<SearchFigures> => {
      bytes = 0;
      requests = 0;
      const figures = await page.evaluate(
        async ({ bundle, query }) => {
          const started = performance.now();
          const scope = window as unknown as { __pagefind?: any };
          scope.__pagefind ??= await import(bundle);
          const search = await scope.__pagefind.search(query);
          await Promise.all(search.results.slice(0, 5).map((r: { data: () => Promise<unknown> }) => r.data()));
          return { ms: performance.now() - started, results: search.results.length as number };
        },
        { bundle: new URL('pagefind/pagefind.js', server.url).href, query },
      );
      await page.waitForTimeout(100);
      return { query, ms: Math.round(figures.ms), bytes, requests, results: figures.results };
    };
    const cold = await run(queries[0]!);
    const warm = await run(queries[1]!);
    return { cold, warm };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function benchmark(label: string, run: number): Promise<SizeResult> {
  const root = mkdtempSync(path.join(tmpdir(), `reader-bench-${label}-`));
  try {
    for (const name of PROJECT_FILES) {
      if (existsSync(path.join(projectRoot, name))) cpSync(path.join(projectRoot, name), path.join(root, name), { recursive: true });
    }
    symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    let counts: Pick<SizeResult, 'passages' | 'notes' | 'terms' | 'sources'>;
    let queries: string[];
    if (label === 'seed') {
      const count = (folder: string) => (existsSync(folder) ? readdirSync(folder, { recursive: true }).filter((f) => String(f).endsWith('.mdx')).length : 0);
      const readingsDir = path.join(root, 'src/content/readings');
      const passages = readdirSync(readingsDir).reduce((sum, reading) => sum + (readFileSync(path.join(readingsDir, reading, 'reading.yaml'), 'utf8').match(/^\s+- \{ id:/gm)?.length ?? 0), 0);
      const sourcesFile = path.join(root, 'annotations/sources.yaml');
      const sources = existsSync(sourcesFile) ? (readFileSync(sourcesFile, 'utf8').match(/^- id:/gm)?.length ?? 0) : 0;
      const terms = count(path.join(root, 'annotations/glossary'));
      counts = { passages, notes: count(path.join(root, 'annotations')) - terms, terms, sources };
      queries = ['commons', 'state'];
    } else {
      // The seed's courses name the seed's readings, so they go with them.
      for (const folder of ['src/content/readings', 'src/content/courses', 'annotations']) rmSync(path.join(root, folder), { recursive: true, force: true });
      const generated = generateEdition(root, projectRoot, editionSize(label));
      counts = { passages: generated.passages, notes: generated.notes, terms: generated.terms, sources: generated.sources };
      queries = generated.queries;
    }
    process.stdout.write(`\n${label}: ${counts.passages} passages, ${counts.notes} notes, ${counts.terms} terms, ${counts.sources} sources; building in ${root} … `);
    const built = await build(root);
    if (built.code !== 0) {
      const tail = built.log.split('\n').slice(-30).join('\n');
      console.log(`failed (exit ${built.code})\n${tail}`);
      return { label, run, ...counts, ok: false, error: tail, wallSeconds: built.wallSeconds, peakTreeMB: built.peakTreeMB };
    }
    // Astro reports "N page(s) built in 4.10s" or "… in 1m 5s".
    const astroTime = /page\(s\) built in (?:(\d+)m\s*)?([\d.]+)s/.exec(built.log);
    const astroSeconds = astroTime ? Number(astroTime[1] ?? 0) * 60 + Number(astroTime[2]) : Number.NaN;
    const dist = path.join(root, 'dist');
    const all = folderSize(dist);
    const pagefindDir = path.join(dist, 'pagefind');
    const index = existsSync(pagefindDir) ? folderSize(pagefindDir) : undefined;
    const pages = readdirSync(dist, { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
    const biggest = pages.map((f) => ({ path: f, MB: statSync(path.join(dist, f)).size / 2 ** 20 })).sort((a, b) => b.MB - a.MB)[0];
    console.log(`${built.wallSeconds.toFixed(1)} s (CPU ${built.cpuSeconds?.toFixed(1) ?? '?'} s), peak ${Math.round(built.peakTreeMB)} MB`);
    const result: SizeResult = {
      label,
      run,
      ...counts,
      ok: true,
      pages: pages.length,
      wallSeconds: round(built.wallSeconds),
      ...(built.cpuSeconds !== undefined ? { cpuSeconds: round(built.cpuSeconds) } : {}),
      astroSeconds,
      peakTreeMB: Math.round(built.peakTreeMB),
      ...(built.largestProcessMB ? { largestProcessMB: Math.round(built.largestProcessMB) } : {}),
      distMB: round(all.bytes / 2 ** 20),
      ...(index ? { pagefindMB: round(index.bytes / 2 ** 20), pagefindFiles: index.files } : {}),
      ...(biggest ? { biggestPage: { path: biggest.path, MB: round(biggest.MB) } } : {}),
    };
    result.search = index ? await measureSearch(dist, queries) : { skipped: 'the build wrote no Pagefind index' };
    // The budgets hold at any size: checked on the book and the library as on the seed (npm test
    // checks the seed). Weighed on the book alone, the library's per-reading sources pages went
    // unnoticed at 0.55 MB.
    if ((counts.passages === TARGETS.bookPassages || counts.passages === TARGETS.libraryPassages) && run === 1) {
      const weighed = weighSite(dist);
      const over = weighed.filter((page) => page.overruns.length > 0).map(({ sitePath, overruns }) => ({ sitePath, overruns }));
      result.budgets = { pages: weighed.length, over };
      console.log(`  budgets: ${weighed.length} pages weighed, ${over.length} over${over.length ? `:\n    ${over.slice(0, 10).map((page) => `${page.sitePath}: ${page.overruns.join('; ')}`).join('\n    ')}` : ''}`);
    }
    return result;
  } finally {
    if (process.env.BENCH_KEEP !== '1') rmSync(root, { recursive: true, force: true });
  }
}

/** A size label: `10000` (one book of that many passages) or `25x2000` (a library of 25 readings of 2,000). */
function editionSize(label: string): { passages: number; readings: number } {
  const library = /^(\d+)x(\d+)$/.exec(label);
  if (library) return { readings: Number(library[1]), passages: Number(library[1]) * Number(library[2]) };
  if (!/^\d+$/.test(label)) throw new Error(`BENCH_SIZES: "${label}" is neither "seed", a passage count (10000) nor readings × passages (25x2000).`);
  return { readings: 1, passages: Number(label) };
}

const round = (n: number) => Math.round(n * 100) / 100;

const results: SizeResult[] = [];
for (let run = 1; run <= runs; run++) {
  for (const label of sizes) {
    results.push(await benchmark(label, run));
    // Written after each size, so a long run that is stopped still leaves what it measured.
    report(false);
  }
}
const verdicts = report(true);
process.exit(results.every((r) => r.ok) && verdicts.bookWithinBudgets !== false && verdicts.libraryWithinBudgets !== false ? 0 : 1);

function report(final: boolean) {
  // Verdicts against the targets, and the growth between sizes (CPU seconds per 1,000 passages
  // added), per run: three runs show whether a figure is the build's or the machine's.
  const ok = results.filter((r) => r.ok && r.wallSeconds !== undefined);
  const runGrowth = [...new Set(ok.map((r) => r.run))].map((run) => {
    const synthetic = ok.filter((r) => r.run === run && r.label !== 'seed').sort((a, b) => a.passages - b.passages);
    const steps = synthetic.slice(1).map((r, i) => {
      const previous = synthetic[i]!;
      const per1000 = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : round(((a - b) / (r.passages - previous.passages)) * 1000));
      return { from: previous.passages, to: r.passages, secondsPer1000: per1000(r.wallSeconds, previous.wallSeconds)!, cpuSecondsPer1000: per1000(r.cpuSeconds, previous.cpuSeconds) };
    });
    // No worse than linear: each later step costs no more per passage than the first (20 % for
    // noise), judged on CPU time where measured, since wall time moves with the machine's load.
    const cost = (g: (typeof steps)[number]) => g.cpuSecondsPer1000 ?? g.secondsPer1000;
    const linear = steps.length >= 2 ? steps.every((g) => cost(g) <= cost(steps[0]!) * TARGETS.growthRatio) : null;
    return { run, steps, linear };
  });
  const all = <T>(values: (T | null)[], test: (value: T) => boolean) => (values.some((v) => v === null) || values.length === 0 ? null : values.every((v) => test(v as T)));
  const ofSize = (test: (r: SizeResult) => boolean) => ok.filter(test);
  const seeds = ofSize((r) => r.label === 'seed');
  const books = ofSize((r) => r.label !== 'seed' && r.passages === TARGETS.bookPassages);
  const libraries = ofSize((r) => r.passages >= TARGETS.libraryPassages);
  const coldSearch = (r: SizeResult) => (r.search && 'cold' in r.search ? r.search.cold : undefined);
  const budgetRuns = ok.filter((r) => r.budgets);
  const withinBudgets = (runs: SizeResult[]) => (runs.length ? runs.every((r) => r.budgets!.over.length === 0) : null);
  const verdicts = {
    seedWithin10s: all(seeds.map((r) => r.wallSeconds!), (s) => s <= TARGETS.seedSeconds),
    bookWithin30s: all(books.map((r) => r.wallSeconds!), (s) => s <= TARGETS.bookSeconds),
    libraryWithin3min: all(libraries.map((r) => r.wallSeconds!), (s) => s <= TARGETS.librarySeconds),
    libraryWithin3GB: all(libraries.map((r) => r.peakTreeMB ?? null), (mb) => mb <= TARGETS.libraryMemoryMB),
    linearInEveryRun: all(runGrowth.map((g) => g.linear), (linear) => linear),
    libraryColdSearch: all(libraries.map((r) => coldSearch(r) ?? null), (cold) => cold.bytes <= TARGETS.coldSearchBytes && cold.ms <= TARGETS.coldSearchMs),
    bookWithinBudgets: withinBudgets(budgetRuns.filter((r) => r.passages === TARGETS.bookPassages)),
    libraryWithinBudgets: withinBudgets(budgetRuns.filter((r) => r.passages === TARGETS.libraryPassages)),
  };

  const mb = (n: number | undefined) => (n === undefined ? '–' : `${n.toFixed(2)} MB`);
  const searchCell = (r: SizeResult, which: 'cold' | 'warm') => {
    if (!r.search || 'skipped' in r.search) return '–';
    const s = r.search[which];
    return `${s.ms} ms, ${(s.bytes / 1000).toFixed(0)} KB`;
  };
  const table = [
    '| Run | Size | Passages | Notes | Terms | Pages | Build + index | CPU time | Astro part | Peak memory (tree) | Largest process | dist/ | Pagefind index | Biggest page | Cold search | Warm search |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) =>
      r.ok
        ? `| ${r.run} | ${r.label} | ${r.passages} | ${r.notes} | ${r.terms} | ${r.pages} | ${r.wallSeconds!.toFixed(1)} s | ${r.cpuSeconds === undefined ? '–' : `${r.cpuSeconds.toFixed(1)} s`} | ${Number.isNaN(r.astroSeconds) ? '–' : `${r.astroSeconds!.toFixed(1)} s`} | ${Math.round(r.peakTreeMB!)} MB | ${r.largestProcessMB ? `${r.largestProcessMB} MB` : '–'} | ${mb(r.distMB)} | ${r.pagefindMB === undefined ? '–' : `${mb(r.pagefindMB)} (${r.pagefindFiles} files)`} | ${r.biggestPage ? mb(r.biggestPage.MB) : '–'} | ${searchCell(r, 'cold')} | ${searchCell(r, 'warm')} |`
        : `| ${r.run} | ${r.label} | ${r.passages} | ${r.notes} | ${r.terms} | – | failed after ${r.wallSeconds?.toFixed(1)} s | | | ${Math.round(r.peakTreeMB ?? 0)} MB | | | | | | |`,
    ),
  ].join('\n');
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGB: round(totalmem() / 2 ** 30), node: process.version, loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') };
  const growthText =
    runGrowth.map((g) => `run ${g.run}: ${g.steps.map((step) => `${step.from} → ${step.to}: ${step.secondsPer1000} s wall, ${step.cpuSecondsPer1000 ?? '?'} s CPU`).join('; ') || '–'}`).join('\n') || '–';
  const budgetText = budgetRuns.map((r) => `Budgets, ${r.passages} passages (${r.label}): ${r.budgets!.pages} pages weighed, ${r.budgets!.over.length} over${r.budgets!.over.length ? ` (${r.budgets!.over.slice(0, 5).map((page) => `${page.sitePath}: ${page.overruns.join('; ')}`).join(' · ')})` : ''}.`).join('\n');
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/build.json', `${JSON.stringify({ date: new Date().toISOString(), ...(final ? {} : { partial: true }), machine, targets: TARGETS, results, growth: runGrowth, verdicts }, null, 2)}\n`);
  writeFileSync(
    'bench/results/build.md',
    `# Build benchmark\n\n${new Date().toISOString().slice(0, 10)}, ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average at the end ${machine.loadAverage}${final ? '' : ' (partial run)'}.\n\n${table}\n\nGrowth per 1,000 passages added:\n${growthText}\n\n${budgetText}\n\nVerdicts: ${JSON.stringify(verdicts)}\n`,
  );
  if (final) {
    console.log(`\n${table}\n`);
    console.log(`Growth per 1,000 passages added:\n${growthText}`);
    if (budgetText) console.log(budgetText);
    console.log(
      `Targets: seed ≤ ${TARGETS.seedSeconds} s: ${verdicts.seedWithin10s}; ${TARGETS.bookPassages} passages ≤ ${TARGETS.bookSeconds} s: ${verdicts.bookWithin30s}; ` +
        `${TARGETS.libraryPassages} ≤ ${TARGETS.librarySeconds} s: ${verdicts.libraryWithin3min}, ≤ ${TARGETS.libraryMemoryMB} MB: ${verdicts.libraryWithin3GB}; ` +
        `linear (≤ ${TARGETS.growthRatio} ×) in every run: ${verdicts.linearInEveryRun}; library cold search ≤ ${TARGETS.coldSearchBytes / 1000} KB and ${TARGETS.coldSearchMs} ms: ${verdicts.libraryColdSearch}; book within the byte budgets: ${verdicts.bookWithinBudgets}; library within them: ${verdicts.libraryWithinBudgets}`,
    );
    console.log(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}, load average ${machine.loadAverage}`);
    console.log('Wrote bench/results/build.json and build.md.');
  }
  return verdicts;
}
