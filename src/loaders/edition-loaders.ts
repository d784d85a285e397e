/**
 * Astro content loaders for the editorial layer. Astro only logs a broken reference or skips a bad
 * entry; these run the whole integrity check first and throw one ContentError listing every
 * problem, which fails the build before any page is written (and so leaves the previous dist/ alone).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CONTENT_PATHS, loadEditionFiles } from './edition-files.ts';

/** One check per content sync, shared by the collections that need it. */
const checks = new Map<string, Promise<unknown>>();
const watched = new Set<string>();

function checkOnce(context: LoaderContext): Promise<unknown> {
  const root = fileURLToPath(context.config.root);
  let check = checks.get(root);
  if (!check) {
    check = loadEditionFiles(root);
    checks.set(root, check);
  }
  // In `astro dev`, an edit under annotations/ must be checked again on the next sync.
  if (context.watcher && !watched.has(root)) {
    watched.add(root);
    const annotations = path.join(root, CONTENT_PATHS.annotations);
    context.watcher.on('all', (_event: string, file: string) => {
      if (file.startsWith(annotations)) checks.delete(root);
    });
  }
  return check;
}

/** Wraps a loader so that it runs only on content that passed the integrity check. */
export function checkedLoader(inner: Loader): Loader {
  return {
    ...inner,
    name: `checked-${inner.name}`,
    load: async (context) => {
      await checkOnce(context);
      return inner.load(context);
    },
  };
}

const stripMdx = ({ entry }: { entry: string }) => entry.replace(/\.mdx$/, '');

/** Notes: annotations/<reading>/<note>.mdx, entry id `<reading>/<note>`; bodies render with `render(entry)`. */
export const notesLoader = () =>
  checkedLoader(
    glob({
      pattern: ['*/*.mdx', `!${CONTENT_PATHS.glossaryFolder}/**`],
      base: CONTENT_PATHS.annotations,
      generateId: stripMdx,
    }),
  );

/** Glossary: annotations/glossary/<term>.mdx, entry id `<term>`. */
export const glossaryLoader = () => checkedLoader(glob({ pattern: '*.mdx', base: CONTENT_PATHS.glossary, generateId: stripMdx }));

/** Sources: the items of annotations/sources.yaml, entry id = item id; none when the file is absent. */
export function sourcesLoader(): Loader {
  return {
    name: 'sources-loader',
    load: async (context) => {
      await checkOnce(context);
      const root = fileURLToPath(context.config.root);
      const file = path.join(root, CONTENT_PATHS.sources);
      const text = await readFile(file, 'utf8').catch(() => undefined);
      context.store.clear();
      const items = (text === undefined ? [] : (parse(text) ?? [])) as { id: string }[];
      for (const item of items) {
        const data = await context.parseData({ id: item.id, data: item as Record<string, unknown> });
        context.store.set({ id: item.id, data, digest: context.generateDigest(JSON.stringify(item)) });
      }
      context.watcher?.add(file);
    },
  };
}
