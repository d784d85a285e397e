/**
 * `npm run bench:import`: importing a 1 MB document of each format takes under 5 s.
 *
 * For each format it writes a synthetic document of about 1 MB of text (a Gutenberg text with its
 * header and licence, Markdown, a saved web page with its chrome, a Word document, an EPUB, TEI with
 * verse; the zipped formats are smaller on disk), runs the real command in a process of its own
 * (`node src/cli/import.ts`: start, load the parser, parse, build the passage map, write the folder
 * and load it back with the project's loader) against a temporary project, and records the wall
 * time, the process's CPU time, the passages written and the size of source.txt. On a machine whose
 * load is above its cores the verdict uses the CPU time (the wall time then measures the queue). Prints a table, writes bench/results/import.json and
 * exits 1 when a format is over the target. Not part of `npm test`: timings depend on the machine.
 * BENCH_IMPORT_MB sets another size.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildDocx, buildEpub, chapter, para, run } from '../tests/fixtures/import/build.ts';

const TARGET_SECONDS = 5;
const MEGABYTES = Number(process.env.BENCH_IMPORT_MB ?? 1);
const BYTES = MEGABYTES * 1024 * 1024;
const RESULTS_FILE = 'bench/results/import.json';
const COMMAND = path.resolve('src/cli/import.ts');
/** Loaded before the command: prints the process's CPU time as it exits. */
const CPU_REPORT = `data:text/javascript,${encodeURIComponent("process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncpu-seconds ' + (u.user + u.system) / 1e6 + '\\n'); });")}`;

const WORDS = (
  'common land pasture river forest village council rule boundary harvest season winter neighbour ' +
  'custom right duty charter enclosure hedge orchard meadow grain market tenant steward ledger ' +
  'assembly vote quarrel agreement water mill bridge road shepherd flock field garden seed'
).split(' ');

/** A deterministic sentence: different words in every paragraph, so ids stay readable. */
function sentence(n: number, length = 18): string {
  const words: string[] = [];
  let x = n * 2654435761;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    words.push(WORDS[x % WORDS.length]!);
  }
  words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
  return `${words.join(' ')} (${n}).`;
}
const paragraph = (n: number) => `${sentence(n)} ${sentence(n + 1e6)} ${sentence(n + 2e6)}`;

/** Repeats `piece(i)` until the document reaches the size. */
function fill(piece: (i: number) => string, size = BYTES): string[] {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < size; i++) {
    const part = piece(i);
    parts.push(part);
    bytes += Buffer.byteLength(part);
  }
  return parts;
}

const GUTENBERG_HEADER = `The Project Gutenberg eBook of Commons of the Valley\n\nThis ebook is for the use of anyone anywhere in the United States and\nmost other parts of the world at no cost and with almost no restrictions\nwhatsoever.\n\nTitle: Commons of the Valley\n\nAuthor: Jane Example\n\nRelease date: January 1, 2020 [eBook #99999]\n\nLanguage: English\n\n*** START OF THE PROJECT GUTENBERG EBOOK COMMONS OF THE VALLEY ***\n\n`;
const GUTENBERG_FOOTER = `\n\n*** END OF THE PROJECT GUTENBERG EBOOK COMMONS OF THE VALLEY ***\n\nUpdated editions will replace the previous one—the old editions will\nbe renamed.\n\nSTART: FULL LICENSE\n`;

const wrap = (text: string) => text.replace(/(.{1,68})(\s|$)/g, '$1\n').trim();

const documents: Record<string, () => Uint8Array> = {
  'valley.txt': () =>
    Buffer.from(GUTENBERG_HEADER + fill((i) => (i % 40 === 0 ? `CHAPTER ${i / 40 + 1}.\n\n` : `${wrap(paragraph(i))}\n\n`)).join('') + GUTENBERG_FOOTER),
  'valley.md': () =>
    Buffer.from(`---\ntitle: Commons of the Valley\nauthor: Jane Example\nlang: en\n---\n\n` + fill((i) => (i % 40 === 0 ? `## Chapter ${i / 40 + 1}\n\n` : `${paragraph(i).replace(/(\w+) (\w+)/, '*$1* [$2](https://example.org/)')}\n\n`)).join('')),
  'valley.html': () =>
    Buffer.from(
      `<!doctype html><html lang="en"><head><title>Commons of the Valley</title><meta name="author" content="Jane Example"></head><body><header><nav><a href="/">Home</a> <a href="/archive/">Archive</a></nav></header><main><article><h1>Commons of the Valley</h1>` +
        fill((i) => (i % 40 === 0 ? `<h2>Chapter ${i / 40 + 1}</h2>` : `<p>${paragraph(i).replace(/(\w+) (\w+)/, '<em>$1</em> <a href="https://example.org/">$2</a>')}</p>`)).join('') +
        `</article><aside><h3>Related</h3><p>Other posts.</p></aside></main><footer><p>© 2020</p></footer></body></html>`,
    ),
  'valley.docx': () =>
    buildDocx({
      title: 'Commons of the Valley',
      creator: 'Jane Example',
      lang: 'en-GB',
      // 1 MB of text: Word's XML is about 1.3 times the text here, and the zip much smaller.
      body: fill((i) => (i % 40 === 0 ? para(`Chapter ${i / 40 + 1}`, { style: 'Heading1' }) : para([run(sentence(i), { italic: i % 3 === 0 }), run(` ${sentence(i + 1e6)} ${sentence(i + 2e6)}`)])), BYTES * 1.3).join(''),
    }),
  'valley.epub': () =>
    buildEpub({
      title: 'Commons of the Valley',
      creator: 'Jane Example',
      language: 'en',
      chapters: Array.from({ length: 20 }, (_, c) => ({
        file: `c${c}.xhtml`,
        xhtml: chapter(`Chapter ${c + 1}`, `<h1>Chapter ${c + 1}</h1>` + fill((i) => `<p>${paragraph(c * 1e4 + i).replace(/(\w+)/, '<i>$1</i>')}</p>`, (BYTES * 1.1) / 20).join('')),
      })),
    }),
  'valley.xml': () =>
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Commons of the Valley</title><author>Jane Example</author></titleStmt><publicationStmt><p>Synthetic</p></publicationStmt><sourceDesc><p>Generated</p></sourceDesc></fileDesc></teiHeader><text xml:lang="en"><body>` +
        fill((i) =>
          i % 40 === 0
            ? `${i ? '</div>' : ''}<div><head>Book ${i / 40 + 1}</head>`
            : i % 4 === 0
              ? `<lg>${[0, 1, 2, 3].map((k) => `<l>${sentence(i * 4 + k, 7)}</l>`).join('')}</lg>`
              : `<p>${paragraph(i).replace(/(\w+)/, '<hi rend="italic">$1</hi>')}</p>`,
        ).join('') +
        `</div></body></text></TEI>`,
    ),
};

interface Result {
  file: string;
  megabytes: number;
  seconds: number;
  /** User + system CPU seconds of the import's process. */
  cpuSeconds: number;
  passages: number;
  sourceKB: number;
  ok: boolean;
  message?: string;
}

async function main() {
  // On a machine busier than its cores, wall time measures the queue; the verdict then uses the
  // import's own CPU time (user + system), which is what it takes on an idle machine.
  const busy = loadavg()[0]! > cpus().length;
  const root = mkdtempSync(path.join(tmpdir(), 'reader-import-bench-'));
  mkdirSync(path.join(root, 'src/content/readings'), { recursive: true });
  mkdirSync(path.join(root, 'texts'));
  const results: Result[] = [];
  try {
    for (const [name, make] of Object.entries(documents)) {
      const file = path.join(root, 'texts', name);
      writeFileSync(file, make());
      const megabytes = statSync(file).size / 1024 / 1024;
      const id = `bench-${path.extname(name).slice(1)}`;
      const started = performance.now();
      const outcome = spawnSync(process.execPath, ['--import', CPU_REPORT, COMMAND, `texts/${name}`, '--id', id], {
        cwd: root,
        env: { ...process.env, READER_ROOT: root, INIT_CWD: root },
        encoding: 'utf8',
      });
      const seconds = (performance.now() - started) / 1000;
      const cpuSeconds = Number(/cpu-seconds (\S+)/.exec(outcome.stderr)?.[1] ?? Number.NaN);
      const passages = outcome.status === 0 ? Number(/: (\d+) passages/.exec(outcome.stdout)?.[1] ?? 0) : 0;
      const sourceKB = outcome.status === 0 ? statSync(path.join(root, 'src/content/readings', id, 'source.txt')).size / 1024 : 0;
      const ok = outcome.status === 0 && (busy ? cpuSeconds : seconds) < TARGET_SECONDS;
      const message = outcome.stderr.replace(/\n?cpu-seconds \S+\n?/, '').trim();
      results.push({ file: name, megabytes, seconds, cpuSeconds, passages, sourceKB, ok, ...(outcome.status ? { message } : {}) });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const rows = results.map(
    (r) =>
      `| ${r.file} | ${r.megabytes.toFixed(2)} MB | ${r.seconds.toFixed(2)} s | ${r.cpuSeconds.toFixed(2)} s | ${r.passages} | ${Math.round(r.sourceKB)} KB | ${r.ok ? 'ok' : `over ${TARGET_SECONDS} s or failed${r.message ? `: ${r.message}` : ''}`} |`,
  );
  console.log(['| File | Size on disk | Wall | CPU | Passages | source.txt | Under 5 s |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n'));
  if (busy) console.log(`Load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores: judged on CPU time; run again on an idle machine for wall times.`);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ date: new Date().toISOString(), cpus: cpus().length, loadAverage: loadavg()[0], judgedOn: busy ? 'cpu' : 'wall', targetSeconds: TARGET_SECONDS, results }, null, 2)}\n`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}

await main();
