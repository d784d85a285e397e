/**
 * Post-build step: the service worker for offline reading, `<outDir>/sw.js`. It runs last, on the
 * finished site (pages, search bundles, sitemap), hashes every file a reader can open
 * (src/lib/offline.ts says which) and writes the worker (src/scripts/offline-worker.ts, types
 * stripped) with that list in front of it. Like every step it writes into the temporary build
 * folder, so a failure here leaves the published site and its worker as they were.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { HASH_HEX_LENGTH, isSavedOffline, normalBase, OFFLINE, precacheManifest, urlPathOfFile, type PrecacheEntry, type PrecacheManifest } from '../lib/offline.ts';
import type { PostBuildStep } from './post-build.ts';

const WORKER_SOURCE = path.resolve(import.meta.dirname, '../scripts/offline-worker.ts');

async function filesUnder(root: string, folder = root): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(root, full)));
    else if (entry.isFile()) found.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return found.sort();
}

/** The worker's code: the TypeScript source as a classic script (a module worker is not yet everywhere). */
export async function workerCode(manifest: PrecacheManifest): Promise<string> {
  const source = await readFile(WORKER_SOURCE, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true, verbatimModuleSyntax: false },
  });
  const script = outputText.replace(/^export \{\};\s*$/m, '').trim();
  if (/^\s*(import|export)\b/m.test(script)) throw new Error(`${path.relative(process.cwd(), WORKER_SOURCE)} must not import or export anything: sw.js is a classic script.`);
  return `"use strict";\nconst PRECACHE = ${JSON.stringify(manifest)};\n${script}\n`;
}

export interface OfflineSummary {
  files: number;
  bytes: number;
  version: string;
}

/** Writes `sw.js` for the site in `outDir`, served at `base`. */
export async function writeOfflineWorker(outDir: string, base: string): Promise<OfflineSummary> {
  const entries: PrecacheEntry[] = [];
  let total = 0;
  for (const file of (await filesUnder(outDir)).filter(isSavedOffline)) {
    const bytes = await readFile(path.join(outDir, file));
    entries.push({ url: urlPathOfFile(file, base), hash: createHash('sha256').update(bytes).digest('hex').slice(0, HASH_HEX_LENGTH) });
    total += bytes.length;
  }
  if (!entries.some((entry) => entry.url === normalBase(base))) throw new Error('there is no index.html to save for offline reading; did the build write its pages elsewhere?');
  const manifest = await precacheManifest(base, entries);
  await writeFile(path.join(outDir, OFFLINE.worker), await workerCode(manifest));
  return { files: entries.length, bytes: total, version: manifest.version };
}

export const offlineStep: PostBuildStep = {
  name: 'offline worker',
  async run({ outDir }) {
    const summary = await writeOfflineWorker(outDir, process.env.READER_BASE ?? '/');
    console.log(`Offline copy: ${summary.files} files, ${(summary.bytes / 1000).toFixed(0)} KB → ${OFFLINE.worker} (build ${summary.version}).`);
  },
};
