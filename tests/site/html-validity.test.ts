import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtSiteDir, fileOfSitePath, listPages } from '../../bench/lib/built-site.ts';
import { requireDependency } from '../setup/system-dependencies.ts';

/** The Nu Html Checker (the W3C validator), run by the system's Java: one JVM for every page. */
const jar = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
/** A missing JRE fails this suite with how to install it; it never skips. */
const java = requireDependency('Java (a JRE, 11 or later)');

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

describe('HTML validity', () => {
  test('every built page passes the Nu Html Checker with 0 errors', () => {
    const dist = builtSiteDir();
    const files = listPages(dist).map((sitePath) => fileOfSitePath(dist, sitePath));
    expect(files.length).toBeGreaterThan(1);
    const result = spawnSync(java, ['-Xss2m', '-jar', jar, '--format', 'json', '--exit-zero-always', ...files], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(result.status, result.stderr.slice(0, 2000)).toBe(0);
    const { messages } = JSON.parse(result.stderr) as { messages: VnuMessage[] };
    // Every file must have been read: a page the checker could not open is an error too.
    // The pages' CSS is inlined in <style> (astro.config.mjs), and the checker then runs its CSS
    // validator on it, which predates ::highlight(), position-area and mask shorthands. The CSS was
    // never this suite's subject (it checked no stylesheet file either): its messages are left out.
    const errors = messages
      .filter((m) => m.type !== 'info' && !m.message.startsWith('CSS: '))
      .map((m) => `${path.relative(dist, new URL(m.url).pathname)}:${m.lastLine ?? '?'}:${m.lastColumn ?? '?'} ${m.message}  [${m.extract ?? ''}]`);
    expect(errors).toEqual([]);
  });
});
