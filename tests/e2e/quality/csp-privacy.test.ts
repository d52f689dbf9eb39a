/**
 * In the browser, at the root and under the sub-path: loading every page (charts scrolled into
 * view, search run with a query) logs zero CSP violations and zero script errors, and makes zero
 * requests to any origin but the site's own. Pagefind is fetched only when search is used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builds } from '../../support/builds.ts';
import { chromiumAvailable, launchChromium } from '../../support/browser.ts';
import { attr, elements, listPages, pagesForBrowserChecks, parseHtml, textOf } from '../../support/html.ts';
import { serveStatic, type StaticServer } from '../../support/static-server.ts';
import { scrollThrough, watchContext, type PageWatch } from '../../support/page-checks.ts';

/** A word that must be in the search index: the longest word of the first indexed page's <h1>. */
function searchTerm(dist: string): string {
  for (const p of listPages(dist)) {
    const doc = parseHtml(readFileSync(join(dist, p.file), 'utf8'));
    const all = [...elements(doc)];
    if (!all.some((el) => attr(el, 'data-pagefind-body') !== undefined) || p.route === '') continue;
    const h1 = all.find((el) => el.tagName === 'h1');
    const words = textOf(h1!).match(/\p{L}{4,}/gu) ?? [];
    if (words.length) return words.sort((a, b) => b.length - a.length)[0]!.toLowerCase();
  }
  throw new Error('no indexed page with an <h1> to take a search term from');
}

const report = (watch: PageWatch) => [
  ...watch.csp.map((m) => `CSP: ${m}`),
  ...watch.errors.map((m) => `error: ${m}`),
  ...watch.external.map((u) => `request to another origin: ${u}`),
];

describe.skipIf(!chromiumAvailable())('CSP and privacy in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  describe.each(Object.entries(builds))('%s build', (_name, { outDir, base }) => {
    let server: StaticServer;
    let context: BrowserContext;
    let page: Page;
    let watch: PageWatch;
    const pagefindRequests: string[] = [];

    beforeAll(async () => {
      server = await serveStatic(outDir, { base });
      context = await browser.newContext();
      watch = await watchContext(context, server.origin);
      context.on('request', (r) => {
        if (r.url().includes('/pagefind/')) pagefindRequests.push(r.url());
      });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
      await server?.close();
    });

    it.each(pagesForBrowserChecks(outDir).map((p) => [p.route || '/', p.route] as const))('%s', async (_label, route) => {
      watch.reset();
      pagefindRequests.length = 0;
      await page.goto(`${server.url}${route}`);
      await watch.settle();
      // Search loads Pagefind when used, never on a page's load.
      const eager = route === 'search/' ? [] : pagefindRequests.map((u) => `Pagefind fetched on load: ${u}`);
      await scrollThrough(page, watch);
      expect([...report(watch), ...eager].join('\n')).toBe('');
    });

    it('search with a query (from the search page and from the header) shows results, CSP-clean', async () => {
      const term = searchTerm(outDir);
      /** Links whose text has the term, outside navigation: search results. */
      const results = () => page.evaluate((t) => [...document.querySelectorAll('a')].filter((a) => !a.closest('nav') && new RegExp(t, 'i').test(a.textContent ?? '')).length, term);
      watch.reset();
      await page.goto(`${server.url}search/?q=${encodeURIComponent(term)}`);
      // Results, not the page's own links (the breadcrumb is there before Pagefind answers).
      await expect.poll(results, { timeout: 15_000 }).toBeGreaterThan(0);
      await watch.settle();

      // The header search, used on another page: a plain form that opens the search page with the
      // query, where Pagefind loads on first use.
      await page.goto(server.url);
      const box = page.locator('header input[type="search"]').first();
      await box.fill(term);
      await box.press('Enter');
      await page.waitForURL((url) => url.pathname.endsWith('/search/') && url.searchParams.get('q') === term);
      // Results, not the page's own links (the breadcrumb is there before Pagefind answers).
      await expect.poll(results, { timeout: 15_000 }).toBeGreaterThan(0);
      await watch.settle();
      expect(report(watch).join('\n')).toBe('');
    });
  });
});
