/**
 * `npm run bench:citations`: what formatting the edition's sources costs in each citation style.
 * For every source in annotations/sources.yaml, each style formats the whole bibliography (its
 * first call also builds the style's citeproc engine) and then one in-text citation per source with
 * a locator, as the notes do. The styles are the project's (reader.config.yaml, src/content/csl/) and the two
 * the tests drop in (IEEE, Cite Them Right). Each style runs in a process of its own, so each pays
 * for its engine once, as a build does; the median of RUNS runs is kept. Prints a table and writes
 * bench/results/citations.json. Not part of `npm test`: timings depend on the machine.
 *
 * `node bench/citations.ts --style <name> [--file <path.csl>]` is one run (what the parent spawns).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { citationSetup, formatBibliography, formatCitation, useCitationStyles } from '../src/lib/citations.ts';
import { readCslStyle } from '../src/lib/csl-styles.ts';
import { readProjectCitations } from '../src/loaders/csl-files.ts';
import { CslItemSchema } from '../src/schemas/source.ts';

const RUNS = 3;
const RESULTS_FILE = 'bench/results/citations.json';
const DROP_INS = { ieee: 'tests/fixtures/csl/ieee.csl', 'harvard-cite-them-right': 'tests/fixtures/csl/harvard-cite-them-right.csl' };

interface Run {
  style: string;
  entries: number;
  /** First whole bibliography: the engine is built, then every entry formatted. */
  bibliographyMs: number;
  /** One in-text citation per source, with a locator, against the whole bibliography. */
  citationsMs: number;
  /** CPU time of both (on a busy machine the wall time also measures the queue). */
  cpuMs: number;
}

async function runOne(style: string, file: string | undefined): Promise<Run> {
  const setup = (await readProjectCitations('.')) ?? citationSetup();
  const styles = file ? [...setup.styles, readCslStyle(style, readFileSync(file, 'utf8')).style!] : setup.styles;
  useCitationStyles({ ...setup, styles });
  const items = (parse(readFileSync('annotations/sources.yaml', 'utf8')) as unknown[]).map((item) => CslItemSchema.parse(item));
  const cpu = process.cpuUsage();
  const start = performance.now();
  const entries = formatBibliography(items, style).length;
  const built = performance.now();
  for (const item of items) formatCitation(item, { style, context: items, locator: 'p. 3' });
  const used = process.cpuUsage(cpu);
  return { style, entries, bibliographyMs: built - start, citationsMs: performance.now() - built, cpuMs: (used.user + used.system) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const { values } = parseArgs({ options: { style: { type: 'string' }, file: { type: 'string' } } });
  if (values.style) {
    process.stdout.write(JSON.stringify(await runOne(values.style, values.file)));
    return;
  }
  const own = ((await readProjectCitations('.')) ?? citationSetup()).styles.map((style) => ({ style: style.name, file: undefined as string | undefined }));
  const targets = [...own, ...Object.entries(DROP_INS).map(([style, file]) => ({ style, file }))];
  const results = targets.map(({ style, file }) => {
    const runs = Array.from({ length: RUNS }, () => {
      const child = spawnSync(process.execPath, [import.meta.filename, '--style', style, ...(file ? ['--file', file] : [])], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${style}: ${child.stderr}`);
      return JSON.parse(child.stdout) as Run;
    });
    const bibliographyMs = median(runs.map((r) => r.bibliographyMs));
    const citationsMs = median(runs.map((r) => r.citationsMs));
    const cpuMs = median(runs.map((r) => r.cpuMs));
    return { style, droppedIn: file !== undefined, entries: runs[0]!.entries, bibliographyMs: Math.round(bibliographyMs), citationsMs: Math.round(citationsMs), totalMs: Math.round(bibliographyMs + citationsMs), cpuMs: Math.round(cpuMs) };
  });
  const rows = results.map((r) => `| ${r.style}${r.droppedIn ? ' (dropped in)' : ''} | ${r.entries} | ${r.bibliographyMs} ms | ${r.citationsMs} ms | ${r.totalMs} ms | ${r.cpuMs} ms |`);
  console.log(['| Style | Entries | Engine + whole bibliography | One citation per source | Total (wall) | CPU |', '| --- | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n'));
  const edition = results.filter((r) => !r.droppedIn);
  const sum = (key: 'totalMs' | 'cpuMs') => edition.reduce((total, r) => total + r[key], 0);
  console.log(`\nThe edition's styles together: ${sum('totalMs')} ms wall, ${sum('cpuMs')} ms CPU (median of ${RUNS} runs each; load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores).`);
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ date: new Date().toISOString(), cpus: cpus().length, loadAverage: loadavg()[0], runs: RUNS, editionStyles: { wallMs: sum('totalMs'), cpuMs: sum('cpuMs') }, results }, null, 2)}\n`,
  );
}

await main();
