/**
 * Every XML file the site publishes is well-formed by libxml2's own reading (xmllint), a second
 * parser beside the one the build uses: the sitemap, and each EPUB's package, navigation and
 * XHTML files (an ill-formed XHTML file makes an e-reader refuse the whole book).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { builtSiteDir } from '../../bench/lib/built-site.ts';
import { requireDependency } from '../setup/system-dependencies.ts';

const xmllint = requireDependency('xmllint');
const dist = builtSiteDir();
const scratch = mkdtempSync(path.join(tmpdir(), 'reader-xml-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** xmllint's complaints about `file` (empty when well-formed); it never fetches a DTD or entity. */
function wellFormednessErrors(file: string): string {
  const result = spawnSync(xmllint, ['--noout', '--nonet', file], { encoding: 'utf8' });
  return result.status === 0 ? '' : result.stderr || `xmllint exited ${result.status}`;
}

const epubs = readdirSync(path.join(dist, 'read')).filter((name) => name.endsWith('.epub'));

describe('published XML', () => {
  test('sitemap.xml is well-formed', () => {
    expect(wellFormednessErrors(path.join(dist, 'sitemap.xml'))).toBe('');
  });

  test('there is an EPUB to check', () => {
    expect(epubs.length).toBeGreaterThan(0);
  });

  test.each(epubs)('every XML file inside read/%s is well-formed', (name) => {
    const files = unzipSync(readFileSync(path.join(dist, 'read', name)));
    const xmlFiles = Object.keys(files).filter((entry) => /\.(xhtml|opf|ncx|xml)$/.test(entry));
    expect(xmlFiles).toContain('META-INF/container.xml');
    const errors: string[] = [];
    for (const entry of xmlFiles) {
      const file = path.join(scratch, name, entry);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, files[entry]!);
      const complaint = wellFormednessErrors(file);
      if (complaint) errors.push(`${entry}: ${complaint}`);
    }
    expect(errors).toEqual([]);
  });
});
