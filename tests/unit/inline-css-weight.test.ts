import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { gzipSize, pageWeight } from '../../bench/lib/page-weight.ts';

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

describe('a page with inline scripts is weighed as HTML plus JavaScript, with the site script its boot imports', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'inline-js-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const boot = '(()=>{let go=()=>import("/_astro/site.Ab1.js");addEventListener("load",go)})()';
  const site = `export const site=1;${'console.log(1);'.repeat(30)}`;
  const markup = (script: string) => `<!doctype html><html lang="en"><head><title>T</title>${script}</head><body><main><p>${'Words of the text. '.repeat(50)}</p></main></body></html>`;
  mkdirSync(path.join(dist, 'booted'));
  mkdirSync(path.join(dist, 'plain'));
  mkdirSync(path.join(dist, '_astro'));
  writeFileSync(path.join(dist, 'booted', 'index.html'), markup(`<script>${boot}</script>`));
  writeFileSync(path.join(dist, 'plain', 'index.html'), markup(''));
  writeFileSync(path.join(dist, '_astro', 'site.Ab1.js'), site);
  const address = { origin: 'http://example.test', base: '/' };

  test('the inline script counts as JavaScript, the file it imports too, and the rest of the page as HTML', () => {
    const booted = pageWeight(dist, address, '/booted/');
    const plain = pageWeight(dist, address, '/plain/');
    expect(booted.gzip.html).toBe(plain.gzip.html);
    expect(booted.gzip.js).toBe(gzipSize(Buffer.from(boot)) + gzipSize(Buffer.from(site)));
    expect(booted.resources.map((r) => r.path)).toEqual(['/booted/', '/booted/ <script>', '/_astro/site.Ab1.js']);
    expect(booted.htmlToTextRatio).toBe(plain.htmlToTextRatio);
  });
});
