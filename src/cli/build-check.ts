/**
 * The content check `npm run build` runs beside Astro's start-up, as a process of its own: the
 * edition it loads (about 0.4 GB at 10,000 passages, over 1 GB for a 50,000-passage library) is
 * then given back to the system when it ends, instead of staying in the build's process while
 * Astro builds the same edition again. Prints the problems as `npm run check` does and exits 1,
 * or exits 0 in silence; exits 2 when the check itself could not run.
 *
 * READER_ROOT: the project to check (src/cli/build.ts sets it).
 */
import path from 'node:path';
import { ContentError } from '../lib/content-errors.ts';
import { checkEditionFiles } from '../loaders/edition-files.ts';

const root = path.resolve(process.env.READER_ROOT ?? '.');
try {
  const check = await checkEditionFiles(root);
  if (check.problems.length) {
    console.error(new ContentError(check.problems).message);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`The content check stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
