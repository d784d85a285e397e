import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtSiteDir, fileOfSitePath, listPages } from '../../bench/lib/built-site.ts';
import { isHtmlMessage, VNU_JAR } from '../setup/nu-checker.ts';
import { requireDependency } from '../setup/system-dependencies.ts';

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
    const result = spawnSync(java, ['-Xss2m', '-jar', VNU_JAR, '--format', 'json', '--exit-zero-always', ...files], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(result.status, result.stderr.slice(0, 2000)).toBe(0);
    const { messages } = JSON.parse(result.stderr) as { messages: VnuMessage[] };
    // Every file must have been read: a page the checker could not open is an error too.
    // The Nu Html Checker, run by the system's Java: one JVM for every page.
    const errors = messages
      .filter((m) => m.type !== 'info' && isHtmlMessage(m))
      .map((m) => `${path.relative(dist, new URL(m.url).pathname)}:${m.lastLine ?? '?'}:${m.lastColumn ?? '?'} ${m.message}  [${m.extract ?? ''}]`);
    expect(errors).toEqual([]);
  });
});
