/**
 * Every link, resource and fragment in the built site, resolved the way a browser would against
 * the deployed address (base included) and checked against the files in dist/. External URLs
 * are collected for a report, never fetched.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileOfSitePath, listPages, lookupFile, withBasePath, type SiteAddress } from './built-site.ts';
import { fragmentTargets, idReferences, parseHtml, urlReferences } from './html.ts';

export interface LinkProblem {
  /** Site path of the page (or asset) holding the reference. */
  page: string;
  where: string;
  value: string;
  problem: string;
}

export interface LinkReport {
  pages: number;
  /** Internal references checked (URLs, fragments, id references). */
  checked: number;
  problems: LinkProblem[];
  /** External URL → the pages that link to it. */
  external: Map<string, Set<string>>;
}

/** Fragments that need no target: the top of the page, and text fragments. */
const isFreeFragment = (fragment: string) => fragment === '' || fragment.toLowerCase() === 'top' || fragment.startsWith(':~:');

/** url(…) and @import targets in a stylesheet. */
export function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const match of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^'")\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g)) {
    const url = match.slice(1).find((group) => group !== undefined);
    if (url) urls.push(url);
  }
  return urls;
}

export function checkLinks(dist: string, address: SiteAddress): LinkReport {
  const report: LinkReport = { pages: 0, checked: 0, problems: [], external: new Map() };
  const targetsByFile = new Map<string, Set<string>>();
  const targetsOf = (file: string) => {
    let ids = targetsByFile.get(file);
    if (!ids) {
      ids = fragmentTargets(parseHtml(readFileSync(file, 'utf8')));
      targetsByFile.set(file, ids);
    }
    return ids;
  };

  /** Checks one reference made from `fromUrl`; `page` names the referrer in problems. */
  const check = (page: string, fromUrl: string, where: string, value: string) => {
    const problem = (text: string): void => {
      report.problems.push({ page, where, value, problem: text });
    };
    let url: URL;
    try {
      url = new URL(value, fromUrl);
    } catch {
      return problem('is not a valid URL');
    }
    if (url.protocol === 'javascript:') return problem('is a javascript: URL, which the Content-Security-Policy blocks');
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== address.origin) {
      const pages = report.external.get(url.href) ?? new Set<string>();
      report.external.set(url.href, pages.add(page));
      return;
    }
    report.checked++;
    const found = lookupFile(dist, address.base, url.pathname);
    if (found.kind === 'outside-base') return problem(`points outside the site's base ${address.base}`);
    if (found.kind === 'missing') return problem(`${url.pathname} does not exist in the build`);
    if (found.kind === 'needs-slash') return problem(`${url.pathname} is a folder: link to ${url.pathname}/ (the server would redirect)`);
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (isFreeFragment(fragment) || !found.file.endsWith('.html')) return;
    if (!targetsOf(found.file).has(fragment)) problem(`#${fragment} matches no id in ${url.pathname}`);
  };

  for (const sitePath of listPages(dist)) {
    report.pages++;
    const file = fileOfSitePath(dist, sitePath);
    const doc = parseHtml(readFileSync(file, 'utf8'));
    const pageUrl = new URL(withBasePath(address.base, sitePath), address.origin).href;
    for (const reference of urlReferences(doc)) check(sitePath, pageUrl, reference.where, reference.value);
    const ids = fragmentTargets(doc);
    targetsByFile.set(file, ids);
    for (const reference of idReferences(doc)) {
      report.checked++;
      if (!ids.has(reference.id)) report.problems.push({ page: sitePath, where: reference.where, value: reference.id, problem: 'names no element on this page' });
    }
  }

  // Fonts and images referred to by stylesheets must be there too.
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const full = path.join(folder, name);
      return statSync(full).isDirectory() ? walk(full) : name.endsWith('.css') ? [full] : [];
    });
  for (const cssFile of walk(dist)) {
    const sitePath = `/${path.relative(dist, cssFile).split(path.sep).join('/')}`;
    const cssUrl = new URL(withBasePath(address.base, sitePath), address.origin).href;
    for (const value of cssUrls(readFileSync(cssFile, 'utf8'))) check(sitePath, cssUrl, 'css url()', value);
  }
  return report;
}

/** The external-links report: one URL per line, then the pages that link to it. */
export function formatExternalLinks(external: Map<string, Set<string>>): string {
  const lines = [...external.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([url, pages]) => `${url}\t${[...pages].sort().join(' ')}`);
  return `# External links in the built site (not fetched): URL, then the pages that link to it\n${lines.join('\n')}\n`;
}
