/**
 * Every built page weighed against the budgets in bench/budgets.ts, and the figures per page
 * type (the heaviest page of each type) as a Markdown table for the README.
 */
import { BUDGETS, budgetsFor, EXCEPTIONS, type Budgets } from '../budgets.ts';
import { readFileSync } from 'node:fs';
import { listPages, lookupFile, pageType, pageTypeOf, siteAddress, withBasePath } from './built-site.ts';
import { isInlined, pageWeight, type PageWeight } from './page-weight.ts';

export interface WeighedPage {
  sitePath: string;
  type: string;
  weight: PageWeight;
  /** Budgets this page exceeds, in words. */
  overruns: string[];
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** The page's own HTML, uncompressed. */
const htmlBytes = (weight: PageWeight) => weight.resources.filter((r) => r.kind === 'html').reduce((sum, r) => sum + r.bytes, 0);

/**
 * How many requests the page makes before any interaction: each file it loads (inlined CSS and
 * scripts are part of the HTML's). The web app manifest is linked by the site script when the
 * page is idle (src/scripts/ar-offline.ts), and Chromium reads it only when it needs it
 * (Lighthouse's count in `npm run audit` agrees).
 */
const requested = (weight: PageWeight) => weight.resources.filter((r) => !isInlined(r));
export const requestCount = (weight: PageWeight) => requested(weight).length;

export function overruns(type: string, weight: PageWeight, budgets: Budgets = BUDGETS): string[] {
  const found: string[] = [];
  if (weight.gzip.js > budgets.jsBeforeInteraction) found.push(`JavaScript before interaction ${kb(weight.gzip.js)} > ${kb(budgets.jsBeforeInteraction)}`);
  if (weight.gzip.css > budgets.css) found.push(`CSS ${kb(weight.gzip.css)} > ${kb(budgets.css)}`);
  if (weight.gzip.total > budgets.totalOnLoad) found.push(`total on load ${kb(weight.gzip.total)} > ${kb(budgets.totalOnLoad)}`);
  const requests = requestCount(weight);
  if (requests > budgets.requestsBeforeInteraction) found.push(`${requests} requests before any interaction > ${budgets.requestsBeforeInteraction} (${requested(weight).map((r) => r.path).join(', ')})`);
  if (weight.pagefind.length > budgets.pagefindFilesBeforeSearch) found.push(`Pagefind loads before any search: ${weight.pagefind.join(', ')}`);
  const html = htmlBytes(weight);
  if (html > budgets.htmlBytes) found.push(`HTML ${kb(html)} uncompressed > ${kb(budgets.htmlBytes)}`);
  const ratio = budgets.htmlToTextRatio[type];
  if (ratio !== undefined && weight.htmlToTextRatio > ratio) found.push(`HTML is ${weight.htmlToTextRatio.toFixed(2)} × its visible text (gzip) > ${ratio}`);
  return found;
}

export function weighSite(dist: string): WeighedPage[] {
  const address = siteAddress(dist);
  return listPages(dist).map((sitePath) => {
    const file = lookupFile(dist, address.base, withBasePath(address.base, sitePath));
    const type = file.kind === 'file' ? pageTypeOf(sitePath, readFileSync(file.file, 'utf8')) : pageType(sitePath);
    const weight = pageWeight(dist, address, sitePath);
    return { sitePath, type, weight, overruns: overruns(type, weight, budgetsFor(sitePath)) };
  });
}

/** The heaviest figure of each kind per page type, against its budget, as a Markdown table. */
export function budgetTable(pages: WeighedPage[]): string {
  const types = [...new Set(pages.map((p) => p.type))];
  const rows = types.map((type) => {
    const ofType = pages.filter((p) => p.type === type);
    const max = (pick: (w: PageWeight) => number) => Math.max(...ofType.map((p) => pick(p.weight)));
    const ratioBudget = BUDGETS.htmlToTextRatio[type];
    const excepted = [...new Set(ofType.map((p) => budgetsFor(p.sitePath).htmlToTextRatio[type]).filter((b) => b !== ratioBudget))];
    const ratio = ratioBudget === undefined ? '–' : `${max((w) => w.htmlToTextRatio).toFixed(2)} / ${ratioBudget}${excepted.length ? ` (exception: ${excepted.join(', ')})` : ''}`;
    const ok = ofType.every((p) => p.overruns.length === 0) ? 'yes' : '**no**';
    return `| ${type} | ${ofType.length} | ${kb(max(htmlBytes))} | ${kb(max((w) => w.gzip.html))} | ${kb(max((w) => w.gzip.css))} | ${kb(max((w) => w.gzip.js))} | ${max((w) => w.pagefind.length)} | ${kb(max((w) => w.gzip.total))} | ${max(requestCount)} | ${ratio} | ${ok} |`;
  });
  return [
    `| Page type | Pages | HTML as stored (≤ ${kb(BUDGETS.htmlBytes)}) | HTML, gzip | CSS (≤ ${kb(BUDGETS.css)}) | JS before interaction (≤ ${kb(BUDGETS.jsBeforeInteraction)}) | Pagefind files before search (0) | Total on load (≤ ${kb(BUDGETS.totalOnLoad)}) | Requests (≤ ${BUDGETS.requestsBeforeInteraction}) | HTML / visible text, gzip | Within budget |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    ...Object.entries(EXCEPTIONS).map(([sitePath, e]) => `\nException: \`${sitePath}\` may reach ${JSON.stringify(e.budget)}. ${e.reason}`),
  ].join('\n');
}
