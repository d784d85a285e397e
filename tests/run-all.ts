/**
 * `npm test`: finds (or, as root on Debian/Ubuntu, installs) the programs the tests need,
 * type-checks, builds the site (the browser suites test the real output), runs every Vitest
 * suite, builds again under a sub-path and runs the address-dependent browser suites there, and ends with one plain
 * line `N passed, M failed` totalling all of them. Exits non-zero on any failure. Nothing is
 * skipped: a missing program stops the run before any suite, naming it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { preflight } from './setup/preflight.ts';

if (!preflight()) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

const outputDir = path.resolve('tests/.output');
mkdirSync(outputDir, { recursive: true });
const bin = (name: string) => path.resolve('node_modules/.bin', name);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

let passed = 0;
let failed = 0;
let skipped = 0;
/** Every failed test by file and name, repeated just above the last line so the tail of a log says what failed. */
const failures: string[] = [];

/** A whole command counted as one check (type-check, build). */
function step(label: string, command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  const ok = result.status === 0;
  if (ok) passed++;
  else {
    failed++;
    console.error(`✗ ${label} failed (exit ${result.status ?? result.signal})`);
    failures.push(`${label} (exit ${result.status ?? result.signal})`);
  }
  return ok;
}

step('Type-check (astro check)', bin('astro'), ['check']);
step('Build the site (npm run build)', process.execPath, ['src/cli/build.ts']);

/** Runs Vitest with a JSON report and adds its counts to the totals. */
function vitestRun(label: string, reportName: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  console.log(`\n▶ ${label}`);
  const report = path.join(outputDir, reportName);
  rmSync(report, { force: true });
  const vitestArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args];
  const vitest = spawnSync(bin('vitest'), vitestArgs, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  try {
    const results = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numTotalTestSuites: number;
      testResults: {
        status: string;
        message?: string;
        assertionResults: { status: string; fullName: string; failureMessages?: string[] }[];
        name: string;
      }[];
    };
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    skipped += results.numPendingTests + results.numTodoTests;
    // A test file that fails to load has no test results of its own: count it as a failure.
    for (const file of results.testResults) {
      const fileName = path.relative(process.cwd(), file.name);
      if (file.status === 'failed' && file.assertionResults.length === 0) {
        failed++;
        failures.push(`${label}: ${fileName} failed to run: ${file.message ?? ''}`);
        console.error(`✗ ${fileName} failed to run: ${file.message ?? ''}`);
      }
      for (const test of file.assertionResults) {
        if (test.status !== 'failed') continue;
        const firstLine = (test.failureMessages?.[0] ?? '').split('\n', 1)[0]?.slice(0, 300) ?? '';
        failures.push(`${label}: ${fileName} › ${test.fullName}\n    ${firstLine}`);
      }
    }
    if (results.numPassedTests + results.numFailedTests === 0) {
      failed++;
      console.error('✗ Vitest ran no tests.');
    }
  } catch {
    failed++;
    console.error(`✗ Vitest wrote no report (exit ${vitest.status}).`);
  }
  if (vitest.status !== 0 && failed === 0) failed++;
}

vitestRun('Vitest: unit, fixtures and browser suites', 'vitest.json', process.argv.slice(2));

// Course hosting: the same site built for a sub-path, and the browser suites whose subject depends
// on the site's address run against it: every link and asset, requests and the CSP, search and its
// result links, the course's calendar and cartridge, the offline worker's scope, share and citation
// addresses, permalinks and the 404 page, and a long reading's section pages (their suite builds its
// own book, at the run's base). The others (focus, keyboard, settings, screenshots, notes
// and terms on the page, and the suites that build their own sites at `/`) test nothing the base
// changes, and running them twice cost about four minutes of a CI run. Nor does every-page: axe,
// widths and layout shifts are the same under any base, and csp-and-requests loads the same
// pages under the sub-path (one of each type), each served (200) with no failed or foreign
// request, error or violation.
// Skipped when arguments pick tests.
const SUBPATH_SUITES = [
  'csp-and-requests',
  'search',
  'course',
  'offline',
  'not-found',
  'reader',
  'reader-tools',
  'reader-tools-cite',
  'reader-tools-sharing',
  'section-pages',
].map((name) => `tests/browser/${name}.test.ts`);
const missingSubpathSuites = SUBPATH_SUITES.filter((file) => !existsSync(file));
if (missingSubpathSuites.length > 0) {
  failed++;
  failures.push(`the sub-path pass names suites that do not exist: ${missingSubpathSuites.join(', ')} (update SUBPATH_SUITES in tests/run-all.ts)`);
}
if (process.argv.length <= 2) {
  const subpath = {
    READER_BASE: '/courses/pol-101/reader/',
    READER_OUT_DIR: `${process.env.READER_OUT_DIR ?? 'dist'}-subpath`,
    READER_CACHE_DIR: `${process.env.READER_CACHE_DIR ?? 'node_modules/.astro'}-subpath`,
  };
  if (step(`Build under a sub-path (${subpath.READER_BASE})`, process.execPath, ['src/cli/build.ts'], subpath)) {
    vitestRun(`Browser suite against the sub-path build (${subpath.READER_BASE})`, 'vitest-subpath.json', ['--project', 'browser', ...SUBPATH_SUITES], subpath);
  }
}

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((line) => `✗ ${line}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
