/**
 * What stands between a phone and an explainer page's first paint, in Debian's Chromium at
 * 390×844, on the sub-path build (src/lib/deferred-scripts.ts, src/lib/icons.ts, lazy card
 * chart images in ChartFrame.astro):
 *  - nothing but the page and its lead's image is fetched before the first paint: no script, no
 *    card chart image, no manifest (home page only), no icon file (a small SVG logo is inline);
 *    the scripts still arrive after it and do their work (the copy button is defined);
 *  - scrolling through the whole page moves nothing (CLS 0) and logs no error or CSP violation;
 *  - a link to a stack's last card lands on its heading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { builds, ROOT } from '../support/builds';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/static-server';

const { model } = checkContent(readContentFiles(ROOT));
const stacks = [...model.stacks].sort((a, b) => a.order - b.order);

const WATCH = `
  window.__cls = 0; window.__shifts = []; window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) { window.__cls += e.value; window.__shifts.push(e.value.toFixed(5)); }
  }).observe({ type: 'layout-shift', buffered: true });
`;

describe.runIf(chromiumAvailable())('the first paint of explainer pages', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveStatic(builds.sub.outDir, { base: builds.sub.base });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const stack of stacks) {
    it(`${stack.id}: only the page and its lead come before the first paint; scripts follow and run`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.addInitScript(WATCH);
      try {
        await page.goto(`${server.url}${stack.id}/`);
        // The loader's imports have run once the copy button (in every card's embed codes) is defined.
        await page.waitForFunction(() => customElements.get('ex-copy-button') !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0);
        const timing = await page.evaluate(() => {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
          const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({ url: new URL(r.name).pathname, start: r.startTime }));
          return { fcp, resources };
        });
        const scripts = timing.resources.filter((r) => /\/_astro\/.+\.js$/.test(r.url));
        expect(scripts.length, 'the page still loads its scripts').toBeGreaterThan(0);
        for (const r of scripts) expect(r.start, `${r.url} fetched before the first paint`).toBeGreaterThan(timing.fcp);
        const early = timing.resources.filter((r) => r.start < timing.fcp).map((r) => r.url);
        // Before the first paint: at most the lead's own image (the page itself is not a resource entry).
        expect(early.every((u) => u.includes('/charts/') && 'chart' in stack.lead && u.includes(`/charts/${(stack.lead as { chart: string }).chart}/`)), early.join(', ')).toBe(true);
        const head = await page.evaluate(() => ({
          manifest: document.querySelectorAll('link[rel="manifest"]').length,
          icon: document.querySelector('link[rel="icon"][type="image/svg+xml"]')?.getAttribute('href') ?? '',
        }));
        expect(head.manifest, 'the manifest is linked from the home page only').toBe(0);
        expect(head.icon.startsWith('data:image/svg+xml,'), 'the small SVG icon is inline').toBe(true);

        // Read to the end: every card is laid out on the way; nothing moves, nothing is blocked.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0; y < height + 2000; y += 600) {
          await page.mouse.wheel(0, 600);
          await page.waitForTimeout(30);
        }
        await page.waitForTimeout(300);
        const watched = await page.evaluate(() => ({ cls: (window as any).__cls as number, shifts: (window as any).__shifts as string[], csp: (window as any).__csp as string[] }));
        expect(watched.cls, watched.shifts.join('; ')).toBe(0);
        expect(watched.csp).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('a link to a stack\'s last card lands on its heading', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      for (const stack of stacks) {
        const last = stack.cards.at(-1)!;
        await page.goto(`${server.url}${stack.id}/#${last}`);
        await page.waitForTimeout(300);
        const top = await page.locator(`#${last}`).evaluate((h) => h.getBoundingClientRect().top);
        expect(top, `${stack.id}#${last}`).toBeGreaterThanOrEqual(0);
        expect(top, `${stack.id}#${last}`).toBeLessThan(60);
      }
    } finally {
      await context.close();
    }
  });
});
