/**
 * The one script every page loads: the header's controls (reading settings, search) and the
 * reading page's elements (annotations, reader tools), each a custom element that upgrades only
 * where its element is on the page.
 *
 * One entry with no static imports, on purpose: a page then fetches a single script, in parallel
 * with its stylesheet, instead of entry files whose shared imports are discovered only once they
 * arrive (a second round trip before the page is enhanced, which Lighthouse also counts against
 * the first paint). Reader-only code costs other pages about 3.7 KB gzip; what is heavy or rarely
 * used (search's panel and engine, personal notes, citing, the Display panel, a term's definition)
 * is still imported on demand, with its stylesheet where it has one (stylesheets.ts).
 */
import './reader-tools/settings.ts';
import './ar-search.ts';
import './ar-annotations.ts';
import './reader-tools/reader-tools.ts';
import './arrival.ts';
import './section-pages.ts';
import { whenIdle } from './schedule.ts';
import { startOffline } from './ar-offline.ts';
import { ASSIGNED_PARAM } from '../lib/assigned-range.ts';

// A reading opened from a course session's link shows which part is assigned (a chunk of its own,
// only then).
if (new URLSearchParams(location.search).has(ASSIGNED_PARAM)) void import('./ar-assigned.ts').then((assigned) => assigned.showAssignedPart());

// A reading's shared annotation layers, only where it has some (a chunk of its own).
if (document.querySelector('ar-layers')) void import('./ar-layers.ts');

// Offline reading (the worker, the footer's status): started once the page has loaded and the
// browser is idle, so saving the site never competes with the page itself. Its code is in this
// script (about 1 KB gzip) rather than a chunk of its own: one request fewer on every page. Only in
// a build: the dev server has no worker to register.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const start = () => whenIdle(startOffline);
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
