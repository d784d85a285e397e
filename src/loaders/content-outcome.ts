/**
 * How a content loader ends when the content is refused. In `astro build` it throws, so the build
 * fails before a page is written, with an error Astro prints as the editor's message alone. In
 * `astro dev` it keeps the server running: the problems are recorded here (the dev integration,
 * src/integrations/content-errors-in-dev.ts, serves them as the page until they are fixed) and
 * logged once, and every loader loads again when a content file changes.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError, formatProblem, type ContentProblem } from '../lib/content-errors.ts';

/**
 * The problems the loaders last reported, by collection, and who wants to hear of a change. Kept on
 * globalThis: the loaders run in Vite's module runner, the integration in Node's own module
 * graph, so each has its own copy of this module but the same process.
 */
interface DevContentState {
  byCollection: Map<string, ContentProblem[]>;
  listeners: Set<() => void>;
  /** What was last logged, so the loaders sharing one check log it once. */
  logged: string;
}

const STATE_KEY = Symbol.for('annotated-reader.dev-content-problems');

function devState(): DevContentState {
  const scope = globalThis as { [STATE_KEY]?: DevContentState };
  scope[STATE_KEY] ??= { byCollection: new Map(), listeners: new Set(), logged: '' };
  return scope[STATE_KEY];
}

/** Every problem a loader reported on its last load in `astro dev`, once each, by file and line. */
export function devContentProblems(): ContentProblem[] {
  const seen = new Map<string, ContentProblem>();
  for (const problems of devState().byCollection.values()) {
    for (const problem of problems) seen.set(formatProblem(problem), problem);
  }
  return [...seen.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

/** Calls `listener` after each report of a loader in `astro dev`; returns the unsubscribe. */
export function onDevContentReport(listener: () => void): () => void {
  const { listeners } = devState();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function report(collection: string, problems: ContentProblem[]) {
  const state = devState();
  state.byCollection.set(collection, problems);
  for (const listener of state.listeners) listener();
}

const isContentError = (error: unknown): error is ContentError =>
  error instanceof Error && error.name === 'ContentError' && Array.isArray((error as Partial<ContentError>).problems);

/**
 * A content error for `problems` as Astro should print it: the message alone. Astro prints a thrown error's
 * stack and a "Location" taken from its first frame (a line of our loaders, meaningless to an
 * editor), and adds a hint about browser APIs when the text contains "document" or "window" (as a
 * quoted phrase may); an error with no stack and a neutral toString gets none of them.
 */
export function errorForAstro(problems: ContentProblem[]): ContentError {
  const plain = new ContentError(problems);
  plain.stack = '';
  Object.defineProperty(plain, 'toString', { value: () => plain.name });
  return plain;
}

/**
 * Runs one load of a collection. Refused content throws (as `errorForAstro`) in `astro build`; in
 * `astro dev` (the loader has a watcher) it is recorded and logged instead, and the collection
 * keeps what it last loaded. Any other failure is thrown as it is.
 */
async function settleLoad(context: LoaderContext, load: () => Promise<void>): Promise<void> {
  try {
    await load();
    if (!context.watcher) return;
    report(context.collection, []);
    const state = devState();
    if (state.logged && !devContentProblems().length) {
      context.logger.info('The content problems are fixed: the site is shown again.');
      state.logged = '';
    }
  } catch (error) {
    if (!isContentError(error)) throw error;
    if (!context.watcher) throw errorForAstro(error.problems);
    report(context.collection, error.problems);
    const state = devState();
    if (state.logged !== error.message) context.logger.error(`${error.message}\nFix the files above and save: the page in the browser shows these problems until then.`);
    state.logged = error.message;
  }
}

/** Per project root: the collections to load again after a change, and what to forget first. */
interface Watch {
  reloads: Map<string, () => Promise<void>>;
  invalidate: Map<string, () => void>;
  listeners: Map<string, { watcher: NonNullable<LoaderContext['watcher']>; listener: (event: string, file: string) => void }>;
  timer?: ReturnType<typeof setTimeout>;
  /** The reload under way: the next one waits for it, so two never write the store at once. */
  running: Promise<void>;
}

const watches = new Map<string, Watch>();

/** Saving a file is often several events (a temporary file, a rename): one reload for them all. */
const SETTLE_MS = 120;

/**
 * In `astro dev`, an edit under any of `folders` (relative to the project root) loads every watching
 * collection again, after `invalidate` of each, so a fixed file shows up and a broken one is
 * reported without a restart. Called on each load Astro starts: Astro drops the listeners of its
 * watcher on a full sync, so the listener is put back each time (the previous one taken off).
 */
function watchContent(context: LoaderContext, folders: readonly string[], reload: () => Promise<void>, invalidate: () => void = () => {}) {
  const watcher = context.watcher;
  if (!watcher) return;
  const root = fileURLToPath(context.config.root);
  const dirs = folders.map((folder) => path.join(root, folder));
  let watch = watches.get(root);
  if (!watch) watches.set(root, (watch = { reloads: new Map(), invalidate: new Map(), listeners: new Map(), running: Promise.resolve() }));
  const current = watch;
  current.reloads.set(context.collection, reload);
  current.invalidate.set(context.collection, invalidate);
  const previous = current.listeners.get(context.collection);
  if (previous) previous.watcher.off('all', previous.listener);
  const flush = async () => {
    for (const forget of current.invalidate.values()) forget();
    for (const [collection, load] of current.reloads) {
      await load().catch((error: unknown) => context.logger.error(`${collection}: ${error instanceof Error ? error.message : String(error)}`));
    }
  };
  const listener = (_event: string, file: string) => {
    if (!dirs.some((dir) => file === dir || file.startsWith(dir + path.sep))) return;
    clearTimeout(current.timer);
    current.timer = setTimeout(() => (current.running = current.running.then(flush)), SETTLE_MS);
  };
  for (const dir of dirs) watcher.add(dir);
  watcher.on('all', listener);
  current.listeners.set(context.collection, { watcher, listener });
}

/**
 * A loader's `load`: each load settles as settleLoad says (thrown in `astro build`, reported in
 * `astro dev`), and in `astro dev` an edit under `folders` loads the collection again, after
 * `invalidate` (see watchContent).
 */
export function contentLoad(
  folders: readonly string[],
  load: (context: LoaderContext) => Promise<void>,
  invalidate?: (context: LoaderContext) => void,
): Loader['load'] {
  return async (context) => {
    const reload = () => settleLoad(context, () => load(context));
    watchContent(context, folders, reload, invalidate && (() => invalidate(context)));
    await reload();
  };
}
