/**
 * What the built pages promise about their Content-Security-Policy, checked statically: the
 * policy is strict, it arrives before anything it governs, and everything inline the page needs
 * is covered by a hash. The browser suite then proves that nothing is blocked in practice.
 */
import { allowsInline, HASH_SOURCE as HASH, parsePolicy, type Policy } from '../../src/lib/csp-policy.ts';
import { attribute, elementsOf, parseHtml, rawText, tokens, type HtmlElement } from './html.ts';

/** Sources a script may come from: this site, hashed inline code, and Pagefind's WebAssembly. */
const SCRIPT_SOURCES = new Set(["'self'", "'wasm-unsafe-eval'"]);
const STYLE_SOURCES = new Set(["'self'"]);
/** What other fetch directives may hold: nothing that names another origin. */
const OTHER_SOURCES = new Set(["'self'", "'none'", 'data:']);

/** Problems with the policy itself (the page aside). */
export function policyProblems(policy: Policy): string[] {
  const problems: string[] = [];
  const expectExactly = (name: string, allowed: string[]) => {
    const sources = policy.get(name);
    if (!sources) problems.push(`${name} is missing (expected ${allowed.join(' or ')})`);
    else if (sources.length !== 1 || !allowed.includes(sources[0]!)) problems.push(`${name} is "${sources.join(' ')}" (expected ${allowed.join(' or ')})`);
  };
  expectExactly('default-src', ["'self'", "'none'"]);
  expectExactly('object-src', ["'none'"]);
  expectExactly('base-uri', ["'self'", "'none'"]);
  expectExactly('form-action', ["'self'", "'none'"]);
  for (const [name, sources] of policy) {
    if (name.startsWith('script-src')) {
      if (name === 'script-src-attr' && sources.join(' ') === "'none'") continue;
      for (const source of sources) {
        if (!SCRIPT_SOURCES.has(source) && !HASH.test(source)) problems.push(`${name} allows ${source}`);
      }
    } else if (name.startsWith('style-src')) {
      if (name === 'style-src-attr' && sources.join(' ') === "'none'") continue;
      for (const source of sources) {
        if (!STYLE_SOURCES.has(source) && !HASH.test(source)) problems.push(`${name} allows ${source}`);
      }
    } else if (name.endsWith('-src') && name !== 'default-src' && name !== 'object-src') {
      for (const source of sources) {
        if (!OTHER_SOURCES.has(source) || (source === 'data:' && !['img-src', 'font-src'].includes(name))) problems.push(`${name} allows ${source}`);
      }
    }
  }
  if (!policy.has('script-src')) problems.push('script-src is missing');
  if (!policy.has('style-src')) problems.push('style-src is missing');
  return problems;
}

/** Script types a browser runs (others, such as application/ld+json, are data). */
const isExecutable = (script: HtmlElement) => {
  const type = (attribute(script, 'type') ?? '').trim().toLowerCase();
  return ['', 'module', 'text/javascript', 'application/javascript', 'speculationrules'].includes(type);
};

/** Everything wrong with one page under a strict policy; empty when it is fine. */
export function pageCspProblems(html: string): string[] {
  const doc = parseHtml(html);
  const all = [...elementsOf(doc)];
  const metas = all.filter((e) => e.tagName === 'meta' && attribute(e, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  if (metas.length !== 1) return [`expected one <meta http-equiv="content-security-policy">, found ${metas.length}`];
  const meta = metas[0]!;
  const problems: string[] = [];
  const head = all.find((e) => e.tagName === 'head');
  if (meta.parentNode !== head) problems.push('the policy <meta> is not in <head>, so browsers ignore it');
  // A policy applies only to what comes after it in the document.
  const firstGoverned = all.find(
    (e) => e.tagName === 'script' || e.tagName === 'style' || (e.tagName === 'link' && tokens(attribute(e, 'rel')).some((r) => ['stylesheet', 'preload', 'modulepreload'].includes(r))),
  );
  if (firstGoverned && all.indexOf(firstGoverned) < all.indexOf(meta)) {
    problems.push(`<${firstGoverned.tagName}> comes before the policy <meta>, so the policy does not govern it`);
  }
  const policy = parsePolicy(attribute(meta, 'content') ?? '');
  problems.push(...policyProblems(policy));
  const scriptSources = policy.get('script-src-elem') ?? policy.get('script-src') ?? [];
  const styleSources = policy.get('style-src-elem') ?? policy.get('style-src') ?? [];
  for (const element of all) {
    if (element.tagName === 'script' && attribute(element, 'src') === undefined && isExecutable(element)) {
      const text = rawText(element);
      if (!allowsInline(scriptSources, text)) problems.push(`inline <script> ${JSON.stringify(text.slice(0, 60))}… has no hash in script-src (it will be blocked)`);
    }
    if (element.tagName === 'style' && !allowsInline(styleSources, rawText(element))) {
      problems.push(`inline <style> ${JSON.stringify(rawText(element).slice(0, 60))}… has no hash in style-src (it will be blocked)`);
    }
    for (const { name } of element.attrs) {
      if (name === 'style') problems.push(`<${element.tagName}> has a style="" attribute, which the policy blocks: use a class`);
      if (/^on[a-z]+$/.test(name)) problems.push(`<${element.tagName}> has an inline ${name} handler, which the policy blocks: listen from a bundled script`);
    }
  }
  return problems;
}
