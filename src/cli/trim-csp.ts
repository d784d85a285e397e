/**
 * Post-build step: every page's Content-Security-Policy <meta> moves to the top of <head> and
 * keeps only the hash sources that page needs (see src/lib/csp-policy.ts). Astro writes a hash for
 * each script and style it knows into every page; most allow nothing the page has, and they cost
 * each page about half a kilobyte that gzip cannot shrink. Code inserted by scripts at run time
 * therefore cannot rely on a hash: it must be a bundled module or stylesheet (allowed by 'self').
 * The same pass replaces the site script's element with the inline script that starts it after
 * the first paint (src/lib/site-script-boot.ts), whose hash it adds.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashSource, parsePolicy, printPolicy, trimHashes } from '../lib/csp-policy.ts';
import { deferSiteScript } from '../lib/site-script-boot.ts';
import type { PostBuildStep } from './post-build.ts';

/*
 * The pages are Astro's output, read with patterns rather than a full HTML parse because this runs
 * on every page of a book-length edition: a <script> or <style> element ends at the first
 * </script> or </style> (the HTML parser's own rule), and Astro writes the policy <meta> and the
 * charset <meta> in one fixed form.
 */
const POLICY_META = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;
const CHARSET_META = /<meta charset="[^"]*">/i;
const HEAD_START = /<head(\s[^>]*)?>/i;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/gi;

/**
 * Returns the page with its policy trimmed and moved to the top of <head> (right after
 * <meta charset>) and its site script started after the first paint (src/lib/site-script-boot.ts,
 * allowed by its hash), or undefined when it has no policy <meta>. Astro writes the policy after the
 * layout's own head content, and a <meta> policy governs only what comes after it, so an inline
 * script in the layout's head (settings applied before first paint) would escape it.
 */
export function trimPagePolicy(page: string): string | undefined {
  if (!POLICY_META.test(page)) return undefined;
  const { html, boot } = deferSiteScript(page);
  const meta = POLICY_META.exec(html)!;
  const policy = parsePolicy(meta[1]!);
  if (boot) policy.set('script-src', [...(policy.get('script-src') ?? []), hashSource('256', boot)]);
  const scripts = [...html.matchAll(INLINE_SCRIPT)].map((m) => m[1]!);
  const styles = [...html.matchAll(INLINE_STYLE)].map((m) => m[1]!);
  const trimmed = printPolicy(trimHashes(policy, { scripts, styles }));
  // Policy text holds no `"` or `&`, so it goes into the attribute as it is.
  const tag = `<meta http-equiv="content-security-policy" content="${trimmed}">`;
  const without = html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
  const anchor = CHARSET_META.exec(without) ?? HEAD_START.exec(without);
  if (!anchor) return undefined;
  const at = anchor.index + anchor[0].length;
  return without.slice(0, at) + tag + without.slice(at);
}

async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

export const trimCspStep: PostBuildStep = {
  name: 'Content-Security-Policy first in <head>, with only the hashes each page needs',
  async run({ outDir }) {
    for (const file of await htmlFiles(outDir)) {
      const html = await readFile(file, 'utf8');
      const trimmed = trimPagePolicy(html);
      if (trimmed !== undefined && trimmed !== html) await writeFile(file, trimmed);
    }
  },
};
