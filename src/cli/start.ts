/**
 * `npm start [-- --port <n>]`: builds the site (with its search index) and serves it. The options
 * are checked before the build, so a typo costs no build.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseServeOptions } from './serve-options.ts';

const args = process.argv.slice(2);
try {
  parseServeOptions(args, process.env);
} catch (error) {
  console.error(`npm start: ${(error as Error).message}`);
  process.exit(1);
}
const here = import.meta.dirname;
const build = spawnSync(process.execPath, [path.join(here, 'build.ts')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
await import('./serve.ts');
