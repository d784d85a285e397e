/**
 * The edition the content check joined, handed to the pages of the same build. `astro build`
 * runs the content loaders and then renders the pages in one process, but through two copies of
 * the modules (the pages are bundled), so a module-level variable is not shared: `globalThis` is.
 * Without this the pages join the edition again from the collections, which is the same work on
 * the same files (the glossary matched against every passage, the notes numbered) done twice.
 *
 * Shared only when the process checked exactly one project and found no problem; otherwise the
 * pages join their own (`getEdition` in src/loaders/edition.ts).
 */
import type { Edition } from '../lib/edition.ts';

const SLOT = Symbol.for('annotated-reader.checked-edition');
type Slot = { root: string; edition: Edition | undefined } | 'several projects';
const store = globalThis as unknown as Record<symbol, Slot | undefined>;

/** Called by the loaders with each finished check. */
export function publishCheckedEdition(root: string, edition: Edition | undefined): void {
  const slot = store[SLOT];
  store[SLOT] = slot === undefined || (slot !== 'several projects' && slot.root === root) ? { root, edition } : 'several projects';
}

/** The edition the content check of this build joined, when there is exactly one. */
export function checkedEdition(): Edition | undefined {
  const slot = store[SLOT];
  return slot === undefined || slot === 'several projects' ? undefined : slot.edition;
}
