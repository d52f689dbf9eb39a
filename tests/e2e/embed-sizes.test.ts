/**
 * How much room an embed takes on a phone (issue 20), every unit, in Debian's Chromium, each
 * embed page opened on its own as a frame shows it:
 *
 * - Every card embed at 390 px is at most two phone screens tall (CARD_EMBED_MAX_HEIGHT, 1,688
 *   px), with its question, its answer (dek), the start of its body, its source line and the link
 *   back in view. A longer card folds the rest of its body behind "Continue reading", which opens
 *   it in place: after the click nothing is folded and the card is taller, and no card embed shifts
 *   as it loads at 390×844.
 * - Every chart embed at 390 and 600 px is mostly chart: the chart as a reader sees it (its
 *   title, its takeaway and the drawing) is at least half the embed's height, its sources, notes,
 *   data and change log are behind one closed line, and the source line and link back show.
 *   The drawing's own share is printed.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { CARD_EMBED_MAX_HEIGHT } from '../../src/lib/embed/fit';
import { chromiumAvailable } from '../support/browser';
import { browserOnRootBuild } from '../support/site-browser';
import { ROOT } from '../support/builds';

const { model } = checkContent(readContentFiles(ROOT));
// Both editions: the Ukrainian units (longer text) are held to the same heights.
const cards = ['', 'uk/'].flatMap((e) => model.cards.map((c) => ({ label: `${e}${c.stack}/${c.id}`, path: `${e}embed/${c.stack}/${c.id}/` })));
const charts = ['', 'uk/'].flatMap((e) => model.charts.map((c) => ({ label: `${e}${c.id}`, path: `${e}embed/chart/${c.id}/` })));

/** Whether an element has a box and is not hidden by a closed <details> or [hidden]. */
const shown = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.checkVisibility() && el.getBoundingClientRect().height > 0);

async function settled(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  // The reporter folds a long card after the fonts arrive; give it a frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Adds up the page's layout shifts from its start (read after `settled`). */
const WATCH_SHIFTS = `window.__cls = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });`;
const shifted = (page: Page) => page.evaluate(() => Math.round((window as unknown as { __cls: number }).__cls * 1000) / 1000);

const height = (page: Page) => page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

describe.runIf(chromiumAvailable())('embed sizes', () => {
  const site = browserOnRootBuild();

  it(`every card embed at 390 px is at most ${CARD_EMBED_MAX_HEIGHT} px, answer, source line and link back shown`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(WATCH_SHIFTS);
    const page = await context.newPage();
    const report: string[] = [];
    const over: string[] = [];
    try {
      for (const card of cards) {
        await settled(page, `${site.server.url}${card.path}`);
        const h = await height(page);
        const folded = await page.locator('.card-body > .embed-folded').count();
        report.push(`${card.label} ${h}px${folded ? ` (${folded} blocks behind "Continue reading")` : ''}`);
        if (h > CARD_EMBED_MAX_HEIGHT) over.push(`${card.label}: ${h}px`);
        expect(await shifted(page), `${card.label}: layout shift on load`).toBe(0);
        expect(await shown(page, 'main h1'), `${card.label}: question`).toBe(true);
        expect(await shown(page, 'main .dek'), `${card.label}: answer`).toBe(true);
        expect(await shown(page, 'main .card-body > *'), `${card.label}: the body starts`).toBe(true);
        expect(await shown(page, '.embed-footer .embed-source'), `${card.label}: source line`).toBe(true);
        expect(await shown(page, '.embed-footer a.embed-more'), `${card.label}: link back`).toBe(true);
        // Sources, change log and later developments behind their toggles (but an update that
        // carries a chart, which starts open).
        expect(await page.locator('main details[open]:not(.update-note:has(ex-chart))').count(), `${card.label}: nothing open`).toBe(0);
        const more = page.locator('.embed-expand button');
        if (folded) {
          expect(await more.isVisible(), `${card.label}: "Continue reading" shown when folded`).toBe(true);
          await more.click();
          await expect.poll(() => page.locator('.card-body > .embed-folded').count()).toBe(0);
          expect(await more.isVisible()).toBe(false);
          expect(await height(page), `${card.label}: opened in place`).toBeGreaterThan(h);
        } else {
          expect(await more.isVisible(), `${card.label}: no button when whole`).toBe(false);
        }
      }
    } finally {
      console.log(`[embed-sizes] card embeds at 390 px:\n  ${report.join('\n  ')}`);
      await context.close();
    }
    expect(over, 'card embeds over two phone screens').toEqual([]);
  });

  it.each([390, 600])('every chart embed at %i px is mostly chart, its sources behind one line', async (width) => {
    const context = await site.browser.newContext({ viewport: { width, height: 844 } });
    const page = await context.newPage();
    const report: string[] = [];
    const short: string[] = [];
    try {
      for (const chart of charts) {
        await settled(page, `${site.server.url}${chart.path}`);
        const m = await page.evaluate(() => {
          const h = (s: string) => document.querySelector(s)?.getBoundingClientRect().height ?? 0;
          return { page: document.documentElement.getBoundingClientRect().height, head: h('main .chart-head'), drawing: h('main ex-chart') };
        });
        const graphic = (m.head + m.drawing) / m.page;
        report.push(`${chart.label} ${Math.round(m.page)}px: title, takeaway and drawing ${Math.round(graphic * 100)}%, the drawing alone ${Math.round((m.drawing / m.page) * 100)}%`);
        if (graphic < 0.5) short.push(`${chart.label}: ${Math.round(graphic * 100)}%`);
        const about = page.locator('main details[data-chart-about]');
        expect(await about.count(), `${chart.label}: one line for sources, notes and data`).toBe(1);
        expect(await about.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
        // The long source line, the notes, the change log and the table are all inside it.
        expect(await page.locator('main .chart-source, main .chart-notes, main .chart-changes, main .chart-data').evaluateAll((els) => els.every((e) => e.closest('[data-chart-about]')))).toBe(true);
        expect(await shown(page, '.embed-footer .embed-source'), `${chart.label}: source line`).toBe(true);
        expect(await shown(page, '.embed-footer a.embed-more'), `${chart.label}: link back`).toBe(true);
      }
    } finally {
      console.log(`[embed-sizes] chart embeds at ${width} px:\n  ${report.join('\n  ')}`);
      await context.close();
    }
    expect(short, 'chart embeds where the chart is less than half').toEqual([]);
  });
});
