/**
 * Charts in Debian's Chromium, against the built site at the root and under a sub-path:
 *  - JavaScript off: every chart shows its image (loaded, with alt text), its table and source;
 *  - JavaScript on: no chart code before a chart nears the viewport; scrolling to charts loads
 *    the Chart.js chunk once and draws a canvas in the image's box, with no layout shift
 *    (PerformanceObserver "layout-shift": CLS 0) and no console errors;
 *  - keyboard: the canvas is in the tab order, arrow keys show each bar's tooltip and say it
 *    in a live region; the table is reachable by keyboard too;
 *  - dark mode picks the dark image.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { componentUses } from '../../src/lib/content/mdx-scanner';
import { chartMarks, tooltipLines } from '../../src/lib/charts/config';
import { builds, ROOT } from '../support/builds';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/static-server';

const { model } = checkContent(readContentFiles(ROOT));
/** Maps stay the picture drawn at build time: no canvas, no Chart.js. */
const isMap = (id: string) => model.charts.find((c) => c.id === id)?.kind === 'map';
/** Stack page → chart ids on it, in page order. */
const pages = new Map<string, string[]>();
for (const stack of [...model.stacks].sort((a, b) => a.order - b.order)) {
  for (const cardId of stack.cards) {
    const body = model.cards.find((c) => c.stack === stack.id && c.id === cardId)?.body ?? '';
    for (const u of componentUses(body)) if (u.component === 'Chart') pages.set(stack.id, [...(pages.get(stack.id) ?? []), u.id]);
  }
}

/** The root build is read on a laptop, the sub-path build on a phone (narrow images). */
const VIEWPORTS = { root: { width: 1024, height: 700 }, sub: { width: 390, height: 800 } } as const;
const imageFile = (name: keyof typeof builds, id: string, mode = 'light') => `${id}-${name === 'sub' ? 'narrow-' : ''}${mode}.svg`;

/** Collects layout shifts from the first paint on (buffered), as Lighthouse's CLS does. */
const CLS_OBSERVER = `
  window.__cls = 0; window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) {
      window.__cls += e.value;
      // What moved, so a failure names it: tag#id.class from y to y.
      const moved = (e.sources || []).map((s) => {
        const n = s.node && s.node.nodeType === 1 ? s.node : s.node && s.node.parentElement;
        const name = n ? n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.classList && n.classList.length ? '.' + [...n.classList].join('.') : '') : '?';
        return name + ' ' + Math.round(s.previousRect.y) + '→' + Math.round(s.currentRect.y) + ' h ' + Math.round(s.previousRect.height) + '→' + Math.round(s.currentRect.height);
      });
      window.__shifts.push(e.value.toFixed(5) + ': ' + moved.join(', '));
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

async function newWatchedPage(context: BrowserContext) {
  const page = await context.newPage();
  const errors: string[] = [];
  const chunkRequests: string[] = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => /\/_astro\/chart-runtime\.[\w-]+\.js$/.test(r.url()) && chunkRequests.push(r.url()));
  await page.addInitScript(CLS_OBSERVER);
  return { page, errors, chunkRequests };
}

/** Share of the canvas's sampled pixels that are not transparent: > 0 once Chart.js has drawn. */
const paintedShare = (page: Page, selector: string) =>
  page.$eval(selector, (c) => {
    const canvas = c as HTMLCanvasElement;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    let total = 0;
    for (let i = 3; i < data.length; i += 4 * 97) {
      total++;
      if (data[i]! > 0) painted++;
    }
    return painted / total;
  });

describe.runIf(chromiumAvailable())('charts in the browser', () => {
  let browser: Browser;
  const servers: Partial<Record<keyof typeof builds, StaticServer>> = {};

  beforeAll(async () => {
    browser = await launchChromium();
    for (const [name, { base, outDir }] of Object.entries(builds)) servers[name as keyof typeof builds] = await serveStatic(outDir, { base });
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of Object.values(servers)) await s?.close();
  });

  it('content places charts on pages', () => {
    expect([...pages.values()].flat().length).toBeGreaterThanOrEqual(4);
  });

  for (const name of Object.keys(builds) as (keyof typeof builds)[]) {
    it(`JavaScript off: every chart shows its image, table and source (${name}, ${VIEWPORTS[name].width} px)`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS[name] });
      const page = await context.newPage();
      try {
        for (const [stack, ids] of pages) {
          await page.goto(`${servers[name]!.url}${stack}/`);
          for (const id of ids) {
            const fig = page.locator(`#chart-${id}`);
            await fig.scrollIntoViewIfNeeded();
            const img = fig.locator('img');
            await img.evaluate((i: HTMLImageElement) => (i.complete ? null : new Promise((r) => i.addEventListener('load', r, { once: true }))));
            const shown = await img.evaluate((i: HTMLImageElement) => ({ w: i.naturalWidth, alt: i.alt, src: i.currentSrc }));
            expect(shown.w, `${id} image loaded`).toBeGreaterThan(0);
            expect(shown.src).toContain(`${builds[name].base}charts/${id}/${imageFile(name, id)}`);
            expect(shown.alt.length).toBeGreaterThan(50);
            expect(await fig.locator('canvas').count()).toBe(0);
            // The table opens with the keyboard, no script needed.
            await fig.locator('details.chart-data summary').focus();
            await page.keyboard.press('Enter');
            await expect(fig.locator('table').isVisible()).resolves.toBe(true);
            expect(await fig.locator('table tbody tr:not(.group)').count()).toBe(model.charts.find((c) => c.id === id)!.rows.length);
            expect(await fig.locator('.chart-source').innerText()).toMatch(/^Sources?: .+ \(\d{1,2} \w+ \d{4}\)/);
          }
        }
      } finally {
        await context.close();
      }
    });
  }

  it('dark mode shows the dark image', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
    const page = await context.newPage();
    try {
      const [stack, ids] = [...pages][0]!;
      await page.goto(`${servers.root!.url}${stack}/`);
      const img = page.locator(`#chart-${ids[0]} img`);
      await img.scrollIntoViewIfNeeded();
      await expect(img.evaluate((i: HTMLImageElement) => i.currentSrc)).resolves.toContain(`${ids[0]}-dark.svg`);
    } finally {
      await context.close();
    }
  });

  for (const name of Object.keys(builds) as (keyof typeof builds)[]) {
    it(`JavaScript on: no chart code until a chart nears the viewport, then one chunk, a canvas, CLS 0 (${name}, ${VIEWPORTS[name].width} px)`, async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS[name] });
      const { page, errors, chunkRequests } = await newWatchedPage(context);
      let lazyChecked = 0;
      try {
        for (const [stack, ids] of pages) {
          chunkRequests.length = 0;
          await page.goto(`${servers[name]!.url}${stack}/`, { waitUntil: 'networkidle' });
          const firstTop = await page.locator(`#chart-${ids[0]}`).evaluate((e) => e.getBoundingClientRect().top);
          if (firstTop > VIEWPORTS[name].height + 250) {
            lazyChecked++;
            expect(chunkRequests, `${stack}: Chart.js fetched before any chart neared the viewport`).toEqual([]);
            expect(await page.locator('ex-chart canvas').count()).toBe(0);
          }
          for (const id of ids.filter((i) => !isMap(i))) {
            const fig = page.locator(`#chart-${id}`);
            const box = fig.locator('.chart-box');
            await box.scrollIntoViewIfNeeded();
            const before = await box.boundingBox();
            const offsetInFigure = () => box.evaluate((b) => b.getBoundingClientRect().top - b.closest('figure, .chart')!.getBoundingClientRect().top);
            const offsetBefore = await offsetInFigure();
            await fig.locator('ex-chart.is-live canvas').waitFor({ timeout: 10_000 });
            // Chart.js draws on the next frames after creation.
            await expect.poll(() => paintedShare(page, `#chart-${id} canvas`), { timeout: 5_000 }).toBeGreaterThan(0.05);
            const after = await box.boundingBox();
            // Cards in a stack are content-visibility: auto: one coming near the viewport above the
            // chart is laid out at its real height, and scroll anchoring keeps what is on screen in
            // place to within a pixel (seen: up to 0.7 px at 1024 px). Within its own figure the box
            // must not move at all: that is the swap from image to canvas.
            expect({ ...after!, y: 0 }, `${id}: the box did not resize or move sideways`).toEqual({ ...before!, y: 0 });
            expect(Math.abs((await offsetInFigure()) - offsetBefore), `${id}: the box did not move in its figure`).toBeLessThan(0.5);
            expect(Math.abs(after!.y - before!.y), `${id}: the box did not move on screen`).toBeLessThan(1);
            const canvasBox = await fig.locator('canvas').boundingBox();
            // The canvas fills the box the image held: Chart.js sizes it to whole pixels, so a box of
            // fractional height (230.5 px) may round either way; more than a pixel would show.
            expect(Math.abs(canvasBox!.width - after!.width), `${id}: canvas width`).toBeLessThanOrEqual(1);
            expect(Math.abs(canvasBox!.height - after!.height), `${id}: canvas height`).toBeLessThanOrEqual(1);
            await expect(fig.locator('img').evaluate((i) => getComputedStyle(i).visibility)).resolves.toBe('hidden');
          }
          const interactive = ids.some((i) => !isMap(i));
          expect(chunkRequests, `${stack}: the Chart.js chunk is fetched once (never for maps alone)`).toHaveLength(interactive ? 1 : 0);
          if (interactive) expect(chunkRequests[0]).toContain(`${builds[name].base}_astro/`);
          const { cls, shifts } = await page.evaluate(() => ({ cls: (window as unknown as { __cls: number }).__cls, shifts: (window as unknown as { __shifts: string[] }).__shifts }));
          expect(cls, `${stack}: cumulative layout shift (${shifts.join('; ')})`).toBe(0);
        }
        expect(lazyChecked, 'at least one page has its first chart below the fold').toBeGreaterThan(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('keyboard: Tab reaches the chart; arrow keys show each bar’s tooltip and announce it', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const { page, errors } = await newWatchedPage(context);
    try {
      const [stack, ids] = [...pages].find(([, list]) => list.some((i) => !isMap(i)))!;
      const id = ids.find((i) => !isMap(i))!;
      const chart = model.charts.find((c) => c.id === id)!;
      const sourceName = (s: string) => model.sources.find((x) => x.id === s)!.publisher;
      await page.goto(`${servers.root!.url}${stack}/`);
      const fig = page.locator(`#chart-${id}`);
      await fig.scrollIntoViewIfNeeded();
      const canvas = fig.locator('ex-chart.is-live canvas');
      await canvas.waitFor();
      // Focus whatever is focusable just before the chart, then Tab: the canvas comes next.
      await canvas.evaluate((c) => {
        const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, summary, [tabindex]')].filter(
          (e) => e.tabIndex >= 0 && e.checkVisibility(),
        );
        all[all.indexOf(c as HTMLElement) - 1]!.focus();
      });
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('CANVAS');
      await expect(canvas.getAttribute('aria-label')).resolves.toMatch(/^(Bar|Stacked bar) chart: /);

      const blank = await canvas.screenshot();
      const rows = chartMarks(chart).map((m) => m.row);
      const live = fig.locator('[data-chart-live]');
      for (let i = 0; i < rows.length; i++) {
        await page.keyboard.press('ArrowDown');
        const t = tooltipLines(rows[i]!, sourceName);
        await expect.poll(() => live.textContent()).toBe(`${t.title}. ${t.body.join('. ')}.`);
      }
      // The tooltip is drawn on the canvas: the picture differs from the one without it.
      expect((await canvas.screenshot()).equals(blank)).toBe(false);
      await page.keyboard.press('Home');
      await expect.poll(() => live.textContent()).toContain(rows[0]!.label);
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await canvas.screenshot()).equals(blank)).toBe(true);

      // Onwards by keyboard (past the source links): the table is reachable and opens.
      let tabs = 0;
      const onSummary = () => page.evaluate(() => document.activeElement?.matches('details.chart-data > summary') ?? false);
      while (!(await onSummary()) && tabs++ < 30) await page.keyboard.press('Tab');
      expect(await onSummary(), 'Tab reaches the data table’s summary').toBe(true);
      await page.keyboard.press('Enter');
      // With JavaScript the table comes in as the disclosure opens (src/scripts/on-demand.ts).
      await expect.poll(() => fig.locator('table').isVisible()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reduced motion: the chart still upgrades and draws, without errors', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce', colorScheme: 'dark' });
    const { page, errors } = await newWatchedPage(context);
    try {
      const [stack, ids] = [...pages].filter(([, list]) => list.some((i) => !isMap(i))).at(-1)!;
      const id = ids.find((i) => !isMap(i))!;
      await page.goto(`${servers.root!.url}${stack}/`);
      await page.locator(`#chart-${id} .chart-box`).scrollIntoViewIfNeeded();
      await page.locator(`#chart-${id} ex-chart.is-live canvas`).waitFor({ timeout: 15_000 });
      await expect.poll(() => paintedShare(page, `#chart-${id} canvas`)).toBeGreaterThan(0.05);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
