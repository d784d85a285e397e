import { defineConfig } from 'vitest/config';

/**
 * Four suites: `unit` (pure logic, milliseconds), `fixtures` (builds tiny Astro sites and pins
 * their errors; slow, so one at a time), `site` (checks over the built dist/ without a browser)
 * and `browser` (Chromium against the built dist/).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'fixtures',
          include: ['tests/fixtures/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Checks over the built site that need no browser: validity, links, CSP, byte budgets.
        test: { name: 'site', include: ['tests/site/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
