import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { pageWeight } from '../../bench/lib/page-weight.ts';

const gz = (text: string) => gzipSync(Buffer.from(text, 'utf8'), { level: 6 }).length;

describe('a page with its CSS inlined is weighed as HTML plus CSS', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'inline-css-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const css = `.passage{margin:0 0 1em}${'.x{color:red}'.repeat(40)}`;
  const markup = (style: string) => `<!doctype html><html lang="en"><head><title>T</title>${style}</head><body><main><p>${'Words of the text. '.repeat(50)}</p></main></body></html>`;
  mkdirSync(path.join(dist, 'inlined'));
  mkdirSync(path.join(dist, 'plain'));
  writeFileSync(path.join(dist, 'inlined', 'index.html'), markup(`<style>${css}</style>`));
  writeFileSync(path.join(dist, 'plain', 'index.html'), markup(''));
  const address = { origin: 'http://example.test', base: '/' };

  test('the <style> text counts as CSS, the rest of the file as HTML', () => {
    const inlined = pageWeight(dist, address, '/inlined/');
    const plain = pageWeight(dist, address, '/plain/');
    expect(inlined.gzip.css).toBe(gz(css));
    expect(inlined.gzip.html).toBe(plain.gzip.html);
    expect(inlined.gzip.total).toBe(plain.gzip.html + gz(css));
  });

  test('the HTML-to-text ratio is the same as without the inlined CSS', () => {
    expect(pageWeight(dist, address, '/inlined/').htmlToTextRatio).toBe(pageWeight(dist, address, '/plain/').htmlToTextRatio);
  });
});
