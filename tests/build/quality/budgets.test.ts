/**
 * Byte budgets (docs/design.md, "Fast"; issue 5), asserted on the built files: the same measurements
 * `npm run budget` prints. Bytes only, never times.
 */
import { describe, expect, it } from 'vitest';
import { builds } from '../../support/builds.ts';
import { editionRoute, isEmbedRoute, listPages } from '../../support/html.ts';
import { budgetProblems, formatReport, measureSite } from '../../support/budgets.ts';

describe('budgets', () => {
  // Measured once for the two tests that read it: brotli at quality 11 over every page takes ~30 s.
  let root: ReturnType<typeof measureSite> | undefined;
  const rootReport = () => (root ??= measureSite(builds.root.outDir, builds.root.base));

  it('every page of the root build is within budget', async () => {
    const report = await rootReport();
    expect(report.pages.map((p) => p.route).length).toBe(listPages(builds.root.outDir).length);
    console.log(formatReport(report));
    expect(budgetProblems(report).join('\n')).toBe('');
  });

  it('every page, embed pages too, carries the stylesheet inline and links none; each explainer page has a first screen measured before its first card', async () => {
    const report = await rootReport();
    const embeds = report.pages.filter((p) => isEmbedRoute(p.route));
    const site = report.pages.filter((p) => !isEmbedRoute(p.route));
    expect(embeds.length).toBeGreaterThan(10);
    expect([...embeds, ...site].filter((p) => p.css.length !== 0 || p.inlineCss < 2 * 1024).map((p) => p.route)).toEqual([]);
    // Both editions' explainers (uk/article-5/ is one; uk/, the Ukrainian home, is not).
    const explainers = report.pages.filter((p) => /^[a-z0-9-]+\/$/.test(editionRoute(p.route)) && !['search/', 'sources/', 'updates/'].includes(editionRoute(p.route)));
    expect(explainers.length).toBeGreaterThanOrEqual(4);
    for (const p of explainers) expect(p.firstScreen, p.route).toBeGreaterThan(0);
    // "Where the bytes go" finds every part on every explainer page (a renamed class would show
    // as a part costing nothing), and the parts together are less than the page.
    for (const p of explainers.filter((e) => editionRoute(e.route) !== 'embed/')) {
      for (const [part, bytes] of Object.entries(p.parts!)) expect(bytes, `${p.route} ${part}`).toBeGreaterThan(100);
      expect(Object.values(p.parts!).reduce((a, b) => a + b, 0), p.route).toBeLessThan(p.html);
    }
  });

  it('the sub-path build is within budget too (longer URLs, same limits)', async () => {
    const report = await measureSite(builds.sub.outDir, builds.sub.base);
    expect(budgetProblems(report).join('\n')).toBe('');
  });
});
