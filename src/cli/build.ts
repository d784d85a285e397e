/**
 * `npm run build`: builds the site into a temporary folder, runs every post-build step (search
 * index, exports) there, and only then swaps it into place. A failing build, at any step, leaves
 * the previous output exactly as it was.
 *
 * Options (environment): READER_OUT_DIR (default dist), READER_BASE, READER_SITE, READER_ROOT
 * (project to build, default the current folder; fixture tests point it at a fixture site).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { postBuildSteps } from './post-build.ts';

const projectRoot = path.resolve(process.env.READER_ROOT ?? '.');
const finalDir = path.resolve(projectRoot, process.env.READER_OUT_DIR ?? 'dist');
const stamp = `${Date.now().toString(36)}-${process.pid}`;
const tempDir = path.join(path.dirname(finalDir), `.${path.basename(finalDir)}-build-${stamp}`);
const astroBin = path.resolve(import.meta.dirname, '../../node_modules/astro/bin/astro.mjs');

/**
 * Starts Astro with its output held back until `release()`: the content check runs beside Astro's
 * start-up (two cores do both in the time of one), and when it fails, Astro is stopped before a
 * word of its output is shown, so the editor reads only the check's messages.
 */
function startAstro(env: NodeJS.ProcessEnv, heapLimit = true) {
  const child = spawn(process.execPath, [...(heapLimit ? [`--max-old-space-size=${ASTRO_HEAP_MB}`] : []), astroBin, 'build', '--root', projectRoot], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let held: [NodeJS.WriteStream, Buffer][] | undefined = [];
  /** The end of what Astro wrote to stderr, to tell a heap that ran out from any other failure. */
  let stderrTail = '';
  const forward = (target: NodeJS.WriteStream) => (chunk: Buffer) => (held ? held.push([target, chunk]) : target.write(chunk));
  child.stdout.on('data', forward(process.stdout));
  child.stderr.on('data', forward(process.stderr));
  child.stderr.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000)));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  return {
    exited,
    /** Whether Astro stopped because its heap reached the limit set here. */
    outOfHeap: async () => (await exited) !== 0 && heapLimit && /heap out of memory|Reached heap limit/i.test(stderrTail),
    release: () => {
      for (const [target, chunk] of held ?? []) target.write(chunk);
      held = undefined;
    },
    stop: async () => {
      held = undefined;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Astro's heap limit, in MB. Left to itself, V8 lets the heap grow toward its own limit (about
 * 4 GB here) before collecting hard: building the 50,000-passage library, Astro's process reached
 * 2.4-2.9 GB from run to run. Held to 2.5 GB it stays at 2.5 GB in the same time (69.7 s against
 * 71.0 s), the whole build within 3 GB. A smaller book never comes near it. A larger one that
 * needs more is built again without the limit (see main). READER_ASTRO_HEAP_MB sets another limit
 * (the tests set one too small to build with, to see the second build).
 */
const ASTRO_HEAP_MB = Number(process.env.READER_ASTRO_HEAP_MB) || 2560;

const checkScript = path.resolve(import.meta.dirname, 'build-check.ts');

/** Runs src/cli/build-check.ts on the project: its exit code, and what it printed. */
function checkApart(env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  const child = spawn(process.execPath, [checkScript], { cwd: projectRoot, env: { ...env, READER_ROOT: projectRoot }, stdio: ['ignore', 'inherit', 'pipe'] });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? 2, stderr: Buffer.concat(stderr).toString('utf8') })));
}

/**
 * Temporary folders of earlier builds that were killed before they could clean up
 * (`.dist-build-<stamp>-<pid>` and its `-old` twin): removed unless their process still runs.
 */
async function removeStaleBuildFolders(): Promise<void> {
  const parent = path.dirname(finalDir);
  const prefix = `.${path.basename(finalDir)}-build-`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^[a-z0-9]+-(\d+)/.exec(name.slice(prefix.length))?.[1]);
    if (pid && pid !== process.pid && processIsRunning(pid)) continue;
    await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  await removeStaleBuildFolders();
  // A published site is a production build whoever starts it: a test runner's NODE_ENV=test would
  // make Vite build in development mode (the pages would say search is not available), and its
  // BASE_URL=/ would override the site's base in links under a sub-path.
  const { BASE_URL: _testRunnersBase, ...inherited } = process.env;
  const env = { ...inherited, NODE_ENV: 'production', READER_OUT_DIR: tempDir, ASTRO_TELEMETRY_DISABLED: '1' };
  const astro = startAstro(env);
  // The content check, beside Astro's start-up: bad content stops the build here, in about a
  // second, with the same messages as `npm run check` (Astro's loaders run the same check, so
  // nothing slips by). In a process of its own, so the edition it loads is freed when it ends.
  const check = await checkApart(env);
  if (check.code !== 0) {
    await astro.stop();
    process.stderr.write(check.stderr);
    console.error(
      check.code === 1
        ? `\nBuild failed: fix the problems above; ${path.relative(process.cwd(), finalDir) || finalDir}/ was left unchanged.`
        : `\nBuild failed; ${path.relative(process.cwd(), finalDir) || finalDir}/ was left unchanged.`,
    );
    return 1;
  }
  astro.release();
  let code = await astro.exited;
  if (await astro.outOfHeap()) {
    console.log(`\nAstro needed more than ${ASTRO_HEAP_MB} MB of heap for this edition; building again without that limit.\n`);
    const unlimited = startAstro(env, false);
    unlimited.release();
    code = await unlimited.exited;
  }
  if (code !== 0) {
    console.error(`\nBuild failed (astro build exited ${code}); ${path.relative(process.cwd(), finalDir) || finalDir}/ was left unchanged.`);
    return code;
  }
  const stepSeconds: string[] = [];
  for (const step of postBuildSteps) {
    try {
      const stepStarted = performance.now();
      await step.run({ outDir: tempDir, projectRoot });
      stepSeconds.push(`${step.name} ${((performance.now() - stepStarted) / 1000).toFixed(1)} s`);
    } catch (error) {
      console.error(`\nBuild failed in step "${step.name}": ${(error as Error).message}`);
      console.error(`${path.relative(process.cwd(), finalDir) || finalDir}/ was left unchanged.`);
      return 1;
    }
  }
  const oldDir = `${tempDir}-old`;
  if (existsSync(finalDir)) await rename(finalDir, oldDir);
  await rename(tempDir, finalDir);
  await rm(oldDir, { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // Each step's time, so a slow build shows where it went (npm run bench reads these).
  console.log(`\nBuilt ${path.relative(process.cwd(), finalDir) || finalDir}/ in ${seconds} s (after Astro: ${stepSeconds.join(', ')}).`);
  return 0;
}

const code = await main().catch((error) => {
  console.error(error);
  return 1;
});
await rm(tempDir, { recursive: true, force: true });
process.exit(code);
