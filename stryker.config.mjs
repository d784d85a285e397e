// @ts-check
/**
 * `npm run mutation`: StrykerJS mutates the core of src/lib and runs the unit tests that cover each
 * mutant (perTest coverage), so a mutant no test notices is a behaviour no test pins. Not part of
 * `npm test`: from scratch it takes hours on two shared cores. The README's "Mutation score"
 * section explains the choice of files and the survivors that remain.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  // Mutants in code that runs when a module loads (schemas, tables, top-level constants) are "static":
  // each would need the whole unit suite, some 5,000 full runs. They are counted as ignored, not scored.
  ignoreStatic: true,
  mutate: [
    'src/lib/anchoring.ts',
    'src/lib/passages.ts',
    'src/lib/edition.ts',
    'src/lib/glossary-match.ts',
    'src/lib/citations.ts',
    'src/lib/reading-citation.ts',
    'src/lib/citation-files.ts',
    'src/lib/csl-styles.ts',
    'src/lib/csl/*.ts',
    'src/lib/csp-policy.ts',
    'src/lib/personal-notes.ts',
    'src/lib/reanchor.ts',
    'src/lib/search-records.ts',
    'src/lib/epub/*.ts',
    'src/lib/import/*.ts',
    'src/lib/sanitize.ts',
  ],
  // The sandbox needs the sources, the tests and the files they read; not the build outputs.
  ignorePatterns: ['dist', 'dist-*', '.dist-*', '.astro', 'tests/.output', 'bench/results', '.stryker-tmp*', 'reports'],
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: 'bench/results/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false, reportScoreTable: true, reportMutants: false },
  // Results are reused where neither the code nor its covering tests changed (git-ignored file).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  thresholds: { high: 80, low: 70, break: null },
  concurrency: 2,
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
