import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { builtSiteDir } from '../../bench/lib/built-site.ts';
import { bookLinkAllowed } from '../../src/lib/epub/xhtml.ts';
import { requireDependency } from '../setup/system-dependencies.ts';

/** Missing Java or epubcheck fails this suite with how to install them; it never skips. */
const java = requireDependency('Java (a JRE, 11 or later)');
const EPUBCHECK = requireDependency('epubcheck');

const readingIds = ['partner-state'];

describe('EPUB of each reading', () => {
  test.each(readingIds)('read/%s.epub passes epubcheck with 0 errors and 0 warnings', (id) => {
    const file = path.join(builtSiteDir(), 'read', `${id}.epub`);
    const result = spawnSync(java, ['-jar', EPUBCHECK, '--json', '-', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // epubcheck prints a summary line before the JSON report.
    const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as { messages: { severity: string; ID: string; message: string; locations: { path: string; line: number }[] }[] };
    const problems = report.messages
      .filter((m) => ['FATAL', 'ERROR', 'WARNING'].includes(m.severity))
      .map((m) => `${m.severity} ${m.ID} ${m.message} @ ${m.locations.map((l) => `${l.path}:${l.line}`).join(', ')}`);
    expect(problems).toEqual([]);
  });

  test.each(readingIds)('read/%s.epub has every passage, numbered, and every note as a footnote', (id) => {
    const files = unzipSync(readFileSync(path.join(builtSiteDir(), 'read', `${id}.epub`)));
    const text = strFromU8(files['OEBPS/text.xhtml']!);
    const meta = parse(readFileSync(`src/content/readings/${id}/reading.yaml`, 'utf8')) as { passages: { id: string }[] };
    meta.passages.forEach((passage, index) => {
      expect(text).toMatch(new RegExp(`id="p-${passage.id}">(<p>)?<span class="num" title="Passage ${index + 1}">${index + 1}</span>`));
    });
    const refs = [...text.matchAll(/epub:type="noteref"[^>]*href="#note-([a-z0-9-]+)"/g)].map((m) => m[1]);
    const footnotes = [...text.matchAll(/<aside epub:type="footnote"[^>]*id="note-([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.sort()).toEqual(footnotes.sort());
    expect(strFromU8(files['OEBPS/glossary.xhtml']!)).toContain('epub:type="glossterm"');
    expect(strFromU8(files['OEBPS/bibliography.xhtml']!)).toContain('epub:type="bibliography"');
  });

  test.each(readingIds)('read/%s.epub: every link is to the web, mail or a place in the book; no style attribute', (id) => {
    const files = unzipSync(readFileSync(path.join(builtSiteDir(), 'read', `${id}.epub`)));
    const documents = Object.keys(files).filter((name) => name.endsWith('.xhtml'));
    const hrefs = documents.flatMap((name) => [...strFromU8(files[name]!).matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => !bookLinkAllowed(href))).toEqual([]);
    expect(documents.filter((name) => /\sstyle=/.test(strFromU8(files[name]!)))).toEqual([]);
  });
});
