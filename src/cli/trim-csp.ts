/**
 * Post-build step: every page's Content-Security-Policy <meta> moves to the top of <head> and
 * keeps only the hash sources that page needs (see src/lib/csp-policy.ts). Astro writes a hash for each script and style it knows
 * into every page; most allow nothing the page has, and they cost each page about half a
 * kilobyte that gzip cannot shrink. Hashes configured in astro.config.mjs
 * (security.csp.scriptDirective.hashes / styleDirective.hashes) are always kept: that is where
 * code inserted by scripts at run time gets its hash.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'parse5';
import { parsePolicy, printPolicy, trimHashes } from '../lib/csp-policy.ts';
import type { PostBuildStep } from './post-build.ts';

type HashEntry = string | { hash: string };
interface CspConfig {
  scriptDirective?: { hashes?: HashEntry[] };
  styleDirective?: { hashes?: HashEntry[] };
}

async function configuredHashes(projectRoot: string): Promise<Set<string>> {
  const file = path.join(projectRoot, 'astro.config.mjs');
  if (!existsSync(file)) return new Set();
  const config = (await import(pathToFileURL(file).href)).default as { security?: { csp?: boolean | CspConfig } };
  const csp = typeof config.security?.csp === 'object' ? config.security.csp : {};
  const entries = [...(csp.scriptDirective?.hashes ?? []), ...(csp.styleDirective?.hashes ?? [])];
  return new Set(entries.map((entry) => `'${typeof entry === 'string' ? entry : entry.hash}'`));
}

type Location = { startOffset: number; endOffset: number };
type Node = {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
  content?: Node;
  sourceCodeLocation?: Location & { startTag?: Location };
};

/**
 * Returns the page with its policy trimmed and moved to the top of <head> (right after
 * <meta charset>), or undefined when it has no policy <meta>. Astro writes the policy after the
 * layout's own head content, and a <meta> policy governs only what comes after it, so an inline
 * script in the layout's head (settings applied before first paint) would escape it.
 */
export function trimPagePolicy(html: string, keep: ReadonlySet<string>): string | undefined {
  const scripts: string[] = [];
  const styles: string[] = [];
  let meta: Node | undefined;
  let head: Node | undefined;
  let charset: Node | undefined;
  const text = (node: Node) => (node.childNodes ?? []).map((n) => n.value ?? '').join('');
  const walk = (node: Node) => {
    const attr = (name: string) => node.attrs?.find((a) => a.name === name)?.value;
    if (node.tagName === 'head') head ??= node;
    if (node.tagName === 'script' && attr('src') === undefined) scripts.push(text(node));
    if (node.tagName === 'style') styles.push(text(node));
    if (node.tagName === 'meta' && attr('charset') !== undefined) charset ??= node;
    if (node.tagName === 'meta' && attr('http-equiv')?.toLowerCase() === 'content-security-policy') meta ??= node;
    node.childNodes?.forEach(walk);
    if (node.content) walk(node.content);
  };
  walk(parse(html, { sourceCodeLocationInfo: true }) as unknown as Node);
  const content = meta?.attrs?.find((a) => a.name === 'content')?.value;
  const at = meta?.sourceCodeLocation;
  const after = charset?.sourceCodeLocation?.endOffset ?? head?.sourceCodeLocation?.startTag?.endOffset;
  if (!at || content === undefined || after === undefined) return undefined;
  const trimmed = printPolicy(trimHashes(parsePolicy(content), { scripts, styles }, keep));
  // Policy text holds no `"` or `&`, so it goes into the attribute as it is.
  const tag = `<meta http-equiv="content-security-policy" content="${trimmed}">`;
  if (after <= at.startOffset) return `${html.slice(0, after)}${tag}${html.slice(after, at.startOffset)}${html.slice(at.endOffset)}`;
  return `${html.slice(0, at.startOffset)}${html.slice(at.endOffset, after)}${tag}${html.slice(after)}`;
}

async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

export const trimCspStep: PostBuildStep = {
  name: 'Content-Security-Policy first in <head>, with only the hashes each page needs',
  async run({ outDir, projectRoot }) {
    const keep = await configuredHashes(projectRoot);
    for (const file of await htmlFiles(outDir)) {
      const html = await readFile(file, 'utf8');
      const trimmed = trimPagePolicy(html, keep);
      if (trimmed !== undefined && trimmed !== html) await writeFile(file, trimmed);
    }
  },
};
