import { defineConfig } from 'vitest/config';

/**
 * The unit suite alone, for `npm run mutation`: Stryker runs the tests that cover each mutant, and
 * only the unit tests exercise `src/lib/` directly. The fixture, site and browser suites build sites
 * and drive Chromium, far too slow to repeat for thousands of mutants.
 */
export default defineConfig({
  test: { include: ['tests/unit/**/*.test.ts'] },
});
