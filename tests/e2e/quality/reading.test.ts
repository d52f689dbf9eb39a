/**
 * Reading without JavaScript: on every page, the text a reader sees with JavaScript on is all
 * there with JavaScript off (only interactive chrome may differ: see CHROME_SELECTOR), and every
 * chart shows its image and its data table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builds, ROOT } from '../../support/builds.ts';
import { chromiumAvailable, launchChromium } from '../../support/browser.ts';
import { isEmbedRoute, pagesForBrowserChecks } from '../../support/html.ts';
import { serveStatic, type StaticServer } from '../../support/static-server.ts';
import { chartProblemsWithoutJs, readingText, textMissingWithoutJs, watchContext, type PageWatch } from '../../support/page-checks.ts';

const { outDir, base } = builds.root;

/** How many <Chart id="…"> the content uses: the pages must show at least that many charts. */
function chartUsesInContent(): number {
  const dir = join(ROOT, 'content/explainers');
  let n = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.mdx')) n += [...readFileSync(join(d, e.name), 'utf8').matchAll(/<Chart\s[^>]*\bid=/g)].length;
    }
  };
  walk(dir);
  return n;
}

describe.skipIf(!chromiumAvailable())('reading without JavaScript', () => {
  let browser: Browser;
  let server: StaticServer;
  let withJs: Page;
  let withoutJs: Page;
  let watch: PageWatch;
  let chartsOnArticlePages = 0;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(outDir, { base })]);
    const on = await browser.newContext();
    watch = await watchContext(on, server.origin);
    withJs = await on.newPage();
    withoutJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(pagesForBrowserChecks(outDir).map((p) => [p.route || '/', p.route] as const))('%s keeps its text and charts', async (_label, route) => {
    const url = `${server.url}${route}`;
    await withJs.goto(url);
    await watch.settle();
    await withoutJs.goto(url);
    const charts = await chartProblemsWithoutJs(withoutJs);
    if (!isEmbedRoute(route)) chartsOnArticlePages += charts.charts;
    const missing = textMissingWithoutJs(await readingText(withJs), await readingText(withoutJs));
    expect([...missing.map((l) => `text only with JavaScript: "${l.slice(0, 120)}"`), ...charts.problems].join('\n')).toBe('');
  });

  it('found every chart the content uses', () => {
    expect(chartsOnArticlePages).toBeGreaterThanOrEqual(chartUsesInContent());
  });
});
