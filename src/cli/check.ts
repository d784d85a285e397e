/**
 * `npm run check`: validates every reading and all editorial content (schemas, passage maps,
 * anchors, references, MDX syntax and component props) without building pages. Prints every
 * problem and exits 1, or prints a one-line summary and exits 0. Types are checked separately by
 * `npm run typecheck` (astro check), which takes far longer.
 *
 * READER_ROOT points it at another project folder (the fixture tests use it).
 */
import path from 'node:path';
import { ContentError } from '../lib/content-errors.ts';
import { checkEditionFiles } from '../loaders/edition-files.ts';
import { orphanWarnings } from '../lib/layers.ts';

const root = path.resolve(process.env.READER_ROOT ?? '.');
const started = performance.now();
// Every file's failures are already problems naming the file; this is the last guard, so that no
// content can end the check in a stack trace.
const result = await checkEditionFiles(root).catch((error: unknown) => {
  console.error(`npm run check stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  console.error('Fix: check that the project folder and its content files can be read; if they can, report this as a bug.');
  process.exit(1);
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);

if (result.problems.length) {
  console.error(new ContentError(result.problems).message);
  console.error(`\nnpm run check: fix the problems above (checked in ${seconds} s).`);
  process.exit(1);
}
const { readings, passages, notes, terms, sources, pages, courses } = result.counts;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
console.log(
  `Content OK: ${plural(readings, 'reading')} (${plural(passages, 'passage')}), ${plural(notes, 'note')}, ${plural(terms, 'glossary term')}, ${plural(sources, 'source')}${pages ? `, ${plural(pages, 'reading page')}` : ''}${courses ? `, ${plural(courses, 'course')}` : ''}${result.layers.length ? `, ${plural(result.layers.length, 'annotation layer')}` : ''} checked in ${seconds} s.`,
);
// Annotations that no longer anchor are not problems (the build keeps them on their layer's page),
// but an editor checking content should hear of them as the build says them.
for (const warning of result.layers.flatMap(orphanWarnings)) console.warn(`warning: ${warning}`);
