/**
 * `npm test`: finds (or, as root on Debian/Ubuntu, installs) the programs the tests need,
 * type-checks, builds the site (the browser suites test the real output) and builds it again under
 * a sub-path, runs every Vitest suite (the address-dependent browser suites once more against the
 * sub-path build), and ends with one plain line `N passed, M failed` totalling all of them. Exits
 * non-zero on any failure. Nothing is skipped: a missing program stops the run before any suite,
 * naming it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { preflight } from './setup/preflight.ts';
import { SUBPATH_BASE, SUBPATH_SUITES, subpathBuildEnv } from './setup/subpath.ts';

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

// The address-dependent browser suites run a second time against the site built under a sub-path
// (tests/setup/subpath.ts), in the same Vitest run as everything else. Arguments that pick tests
// leave that project out unless they name it.
const args = process.argv.slice(2);
const picksProjects = args.some((arg) => arg.startsWith('--project'));
const wantsSubpath = args.length === 0 || args.some((arg) => arg.includes('browser-subpath'));
const missingSubpathSuites = SUBPATH_SUITES.filter((file) => !existsSync(file));
if (missingSubpathSuites.length > 0) {
  failed++;
  failures.push(`the sub-path pass names suites that do not exist: ${missingSubpathSuites.join(', ')} (update SUBPATH_SUITES in tests/setup/subpath.ts)`);
}
const subpathBuilt = wantsSubpath && step(`Build under a sub-path (${SUBPATH_BASE})`, process.execPath, ['src/cli/build.ts'], subpathBuildEnv());
const leaveOutSubpath = !subpathBuilt && !picksProjects ? ['--project=!browser-subpath'] : [];

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

vitestRun('Vitest: unit, fixtures, site and browser suites, and the browser suites under the sub-path', 'vitest.json', [...args, ...leaveOutSubpath]);

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((line) => `✗ ${line}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
