/**
 * `npm run budget [dist] [base]`: prints the byte budget table for a built site and exits 1 when
 * any page is over budget. Defaults to dist/ at the root. Runs on Node's own TypeScript support.
 */
import { resolve } from 'node:path';
import { budgetProblems, formatReport, measureSite } from '../support/budgets.ts';
import { ROOT } from '../support/builds.ts';

const dist = resolve(process.argv[2] ?? `${ROOT}dist`);
const base = process.argv[3] ?? '/';
const report = await measureSite(dist, base);
console.log(formatReport(report));
const problems = budgetProblems(report);
if (problems.length) {
  console.error(`\nOver budget (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`\nAll ${report.pages.length} pages within budget.`);
