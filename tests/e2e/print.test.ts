/**
 * A stack printed is a clean article: in Chromium with print media, the site's header,
 * navigation, card index and footer are gone; every <details> (sources, what changed, the
 * data) shows its content; outside links print their address; a chart prints its static
 * image, never the canvas. Also renders a real PDF of the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { componentUses } from '../../src/lib/content/mdx-scanner';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/static-server';
import { builds, ROOT } from '../support/builds';

const { model } = checkContent(readContentFiles(ROOT));
// A stack with an interactive chart (a map is drawn at build time only and never goes live), when
// there is one: its print must show the static image, not the live canvas.
const liveCharts = new Set(model.charts.filter((c) => c.kind !== 'map').map((c) => c.id));
const withChart = model.cards.find((c) => componentUses(c.body).some((u) => u.component === 'Chart' && liveCharts.has(u.id)));
const stack = withChart?.stack ?? model.stacks[0]!.id;

describe.runIf(chromiumAvailable())('print', () => {
  let browser: Browser;
  let server: StaticServer;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveStatic(builds.sub.outDir, { base: builds.sub.base });
    page = await browser.newPage();
    await page.goto(`${server.url}${stack}/`);
    // Let a chart go live on screen first: printing must still show its image, not the canvas.
    if (withChart) {
      await page.locator('ex-chart:not([data-static])').first().scrollIntoViewIfNeeded();
      // No catch: if the chart never went live, "prints the chart as its image" would test nothing.
      await page.waitForFunction(() => document.querySelector('ex-chart.is-live canvas') !== null, null, { timeout: 15_000 });
    }
    await page.emulateMedia({ media: 'print' });
  });
  afterAll(async () => {
    await page?.close();
    await server?.close();
    await browser?.close();
  });

  it('leaves out the site header, navigation, card index and footer', async () => {
    for (const selector of ['.site-header', '.skip-link', '.site-footer', '.card-index']) {
      const count = await page.locator(selector).count();
      expect(count, selector).toBeGreaterThan(0);
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('h1').isVisible()).toBe(true);
  });

  it('shows what every closed <details> holds: sources, changes, data', async () => {
    const closed = await page.evaluate(() => {
      // Details printed at all (embed codes and "Cite this" are left out of print on purpose).
      const all = [...document.querySelectorAll('main details:not([open])')].filter((d) => d.getClientRects().length > 0);
      return all.map((d) => {
        const inner = d.querySelector(':scope > :not(summary)') as HTMLElement | null;
        return { cls: d.className, visible: inner ? inner.getBoundingClientRect().height > 0 : true };
      });
    });
    expect(closed.some((d) => d.cls.includes('source-list'))).toBe(true);
    if (model.cards.some((c) => c.stack === stack && c.data.changes.length)) expect(closed.some((d) => d.cls.includes('changes'))).toBe(true);
    expect(closed.filter((d) => !d.visible)).toEqual([]);
  });

  it('prints the address after every outside link', async () => {
    const links = await page.evaluate(() =>
      [...document.querySelectorAll('main a[href^="http"]')].map((a) => ({ href: a.getAttribute('href')!, after: getComputedStyle(a, '::after').content })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.after, l.href).toBe(`" (${l.href})"`);
  });

  it.runIf(withChart)('prints a chart as its static image', async () => {
    const chart = await page.evaluate(() => {
      const host = document.querySelector('ex-chart')!;
      const img = host.querySelector('img')!;
      const canvas = host.querySelector('canvas');
      return {
        img: getComputedStyle(img).visibility === 'visible' && img.getBoundingClientRect().height > 0 && img.complete && img.naturalWidth > 0,
        canvas: canvas ? getComputedStyle(canvas).display : 'none',
      };
    });
    expect(chart).toEqual({ img: true, canvas: 'none' });
  });

  it('renders to PDF', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });
});
