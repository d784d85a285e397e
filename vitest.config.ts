import { defineConfig } from 'vitest/config';
import { LongestFirst } from './tests/setup/longest-first.ts';
import { SUBPATH_SUITES, subpathBuildEnv } from './tests/setup/subpath.ts';

/**
 * Five suites: `unit` (pure logic, milliseconds), `fixtures` (builds tiny Astro sites and pins
 * their errors), `site` (checks over the built dist/ without a browser), `browser` (Chromium
 * against the built dist/) and `browser-subpath` (the address-dependent browser suites against the
 * same site built under a sub-path; `npm test` builds it first, see tests/setup/subpath.ts).
 *
 * Two files run at a time, from any suite. On a two-core machine a browser test spends much of its
 * time waiting on Chromium or the server, a fixture build on Astro's start-up: run one after
 * another they took 31 minutes, over the 25 CI allows. Every file is independent of the others
 * running beside it: each fixture site and each browser session has its own folder and port, and
 * the sub-path suites read their own build. All projects share one worker count, so Vitest runs
 * them in one group (a project of its own `maxWorkers: 1` would be held back to run alone, after
 * the rest).
 */
const slow = { testTimeout: 180_000, hookTimeout: 180_000 };
const browser = { include: ['tests/browser/**/*.test.ts'], ...slow };

export default defineConfig({
  test: {
    maxWorkers: 2,
    // Longest first, from any project (tests/setup/longest-first.ts).
    sequence: { sequencer: LongestFirst },
    projects: [
      // Each file isolated: shared modules (isolate: false) halved the suite's time, but the citation
      // styles one file registers leaked into the next (reading-citation then saw five styles).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'fixtures', include: ['tests/fixtures/**/*.test.ts'], ...slow } },
      // Checks over the built site that need no browser: validity, links, CSP, byte budgets.
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], ...slow } },
      { test: { name: 'browser', ...browser } },
      { test: { name: 'browser-subpath', ...browser, include: SUBPATH_SUITES, env: subpathBuildEnv() } },
    ],
  },
});
