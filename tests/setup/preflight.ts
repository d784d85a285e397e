/**
 * Before any suite runs: finds every program the tests need. Missing ones are installed when this
 * runs as root on Debian or Ubuntu (as on a fresh CI machine); otherwise the run stops at once
 * with one message naming each, how to install it, and the variable that points at another copy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { missingDependencies, missingMessage, SYSTEM_DEPENDENCIES } from './system-dependencies.ts';

/** True when every dependency is there (after installing what could be installed). */
export function preflight(): boolean {
  const missing = missingDependencies();
  if (missing.length === 0) {
    console.log(`Preflight: ${SYSTEM_DEPENDENCIES.map((d) => d.name.replace(/ \(.*\)$/, '')).join(', ')} found.`);
    return true;
  }
  const canInstall = process.getuid?.() === 0 && existsSync('/etc/debian_version') && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (canInstall) {
    const packages = missing.map((d) => d.debianPackage);
    console.log(`Installing what the tests need: ${packages.join(' ')} (apt-get, as root) …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
    const stillMissing = missingDependencies();
    if (stillMissing.length === 0) return true;
    console.error(`\napt-get could not install everything (${install ? `exit ${install.status}` : 'apt-get update failed'}).`);
    console.error(missingMessage(stillMissing));
    return false;
  }
  console.error(missingMessage(missing));
  return false;
}
