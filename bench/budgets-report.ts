/**
 * `npm run budgets`: weighs every built page (READER_OUT_DIR, default dist/) against
 * bench/budgets.ts and prints the figures per page type as a Markdown table for the README.
 * Exits non-zero when a page is over budget. Build first (`npm run build`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { budgetTable, weighSite } from './lib/budget-report.ts';

const dist = path.resolve(process.env.READER_OUT_DIR ?? 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`There is no built site in ${dist}; run \`npm run build\` first.`);
  process.exit(1);
}
const pages = weighSite(dist);
console.log(budgetTable(pages));
const over = pages.filter((p) => p.overruns.length > 0);
for (const page of over) console.error(`\n${page.sitePath} (${page.type}):\n  ${page.overruns.join('\n  ')}`);
console.log(`\n${pages.length} pages weighed; ${over.length} over budget.`);
process.exit(over.length > 0 ? 1 : 0);
