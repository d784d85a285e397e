/**
 * Content-Security-Policy text as data: parse, print, hash inline code, and drop hash sources
 * a page does not need. Astro lists in every page's policy a hash of every script and style it
 * knows of (island loaders included, used or not); bundled files are already allowed by
 * 'self', so a page needs hashes only for the inline code it actually carries.
 */
import { createHash } from 'node:crypto';

/** Directive name (lower case) → its sources, in the order written. */
export type Policy = Map<string, string[]>;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    // Stryker disable next-line Regex: splitting at single spaces only adds empty words, which the filter drops.
    const [name, ...sources] = part.split(/\s+/).filter(Boolean);
    // Browsers obey the first occurrence of a directive and ignore repeats.
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

export const printPolicy = (policy: Policy): string =>
  [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');

/** A hash source, `'sha256-…'`: group 1 is the bit length. */
export const HASH_SOURCE = /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;

/** The hash source that allows this exact inline code. */
export const hashSource = (bits: string, code: string) =>
  `'sha${bits}-${createHash(`sha${bits}`).update(code, 'utf8').digest('base64')}'`;

/** True when one of the sources is the hash of `code`. */
export const allowsInline = (sources: string[], code: string): boolean =>
  sources.some((source) => {
    const bits = HASH_SOURCE.exec(source)?.[1];
    return bits !== undefined && hashSource(bits, code) === source;
  });

/**
 * The policy with only the hash sources the page needs: those of its own inline scripts (in
 * script-src*) and styles (in style-src*). Everything else in the policy is left as it was.
 */
export function trimHashes(policy: Policy, inline: { scripts: string[]; styles: string[] }): Policy {
  const trimmed: Policy = new Map();
  for (const [name, sources] of policy) {
    const code = name.startsWith('script-src') ? inline.scripts : name.startsWith('style-src') ? inline.styles : undefined;
    const needed = code && new Set(code.flatMap((c) => sources.filter((source) => allowsInline([source], c))));
    trimmed.set(name, needed ? sources.filter((source) => !HASH_SOURCE.test(source) || needed.has(source)) : sources);
  }
  return trimmed;
}
