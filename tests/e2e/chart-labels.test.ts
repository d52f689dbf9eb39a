/**
 * Chart text at 320 px, in Debian's Chromium, against the built site: no two text labels of any
 * chart overlap, in the static image and in the canvas.
 *
 *  - Static image: the narrow SVG, opened on its own, so Chromium lays its <text> out in the
 *    page's system font (not the Inter the build measured with). Each label's box is its
 *    rendered width (getBBox) by its glyphs' height about the baseline (cap height above,
 *    descender below), the ink a reader sees.
 *  - Canvas: the chart's embed page at 320 px (narrow layout) and 600 px (the wide layout drawn
 *    narrower than its 640 px design, as in the site's own column) with JavaScript on. Every fillText Chart.js makes
 *    is recorded (the canvas context is wrapped before the page's scripts run) with the
 *    browser's own measureText box, through the context's transform. The record restarts
 *    whenever the whole canvas is cleared, so it holds the last frame.
 *
 * Also: a map stays a picture with JavaScript off and on, with its accessible name and table.
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { chartAssetFiles } from '../../src/lib/charts/assets';
import { ROOT } from '../support/builds';
import { chromiumAvailable } from '../support/browser';
import { browserOnRootBuild } from '../support/site-browser';

const { model } = checkContent(readContentFiles(ROOT));
const WIDTH = 320;

interface Box {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Pairs of boxes that overlap by more than half a pixel both ways. */
function overlaps(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 0.5 && h > 0.5) out.push(`"${a.text}" and "${b.text}" overlap by ${w.toFixed(1)}×${h.toFixed(1)} px`);
    }
  }
  return out;
}

/** Wraps fillText and clearRect of every 2D context, before any page script runs. */
const RECORD_TEXT = `
  const proto = CanvasRenderingContext2D.prototype;
  const fill = proto.fillText;
  const clear = proto.clearRect;
  window.__texts = new Map();
  proto.clearRect = function (x, y, w, h) {
    if (x <= 0 && y <= 0 && w >= this.canvas.width && h >= this.canvas.height) window.__texts.set(this.canvas, []);
    return clear.apply(this, arguments);
  };
  proto.fillText = function (text, x, y) {
    const m = this.measureText(text);
    const t = this.getTransform();
    const r = this.canvas.getBoundingClientRect();
    const ratio = this.canvas.width / r.width;
    const left = x - m.actualBoundingBoxLeft, right = x + m.actualBoundingBoxRight;
    const top = y - m.actualBoundingBoxAscent, bottom = y + m.actualBoundingBoxDescent;
    const px = (u, v) => [(t.a * u + t.c * v + t.e) / ratio, (t.b * u + t.d * v + t.f) / ratio];
    const [l, tp] = px(left, top), [rt, bt] = px(right, bottom);
    const list = window.__texts.get(this.canvas) ?? [];
    list.push({ text: String(text), left: l, right: rt, top: tp, bottom: bt });
    window.__texts.set(this.canvas, list);
    return fill.apply(this, arguments);
  };
`;

describe.runIf(chromiumAvailable())('chart labels at 320 px', () => {
  const site = browserOnRootBuild();

  for (const chart of model.charts) {
    it(`${chart.id}: no two texts of the static image overlap`, async () => {
      const context = await site.browser.newContext({ viewport: { width: WIDTH, height: 900 } });
      const page = await context.newPage();
      try {
        for (const mode of ['light', 'dark'] as const) {
          const file = mode === 'light' ? chartAssetFiles(chart.id).narrowLight : chartAssetFiles(chart.id).narrowDark;
          await page.goto(`${site.server.url}${file}`);
          const boxes: Box[] = await page.$$eval('text:not([aria-hidden])', (els) =>
            els.map((el) => {
              const t = el as SVGTextElement;
              const b = t.getBBox();
              const size = Number(getComputedStyle(t).fontSize.replace('px', ''));
              const y = Number(t.getAttribute('y'));
              return { text: t.textContent ?? '', left: b.x, right: b.x + b.width, top: y - size * 0.72, bottom: y + size * 0.22 };
            }),
          );
          expect(boxes.length, 'the image has its words as text').toBeGreaterThan(3);
          // Nothing runs off the image either.
          const width = await page.$eval('svg', (s) => Number(s.getAttribute('width')));
          expect(boxes.filter((b) => b.left < -0.5 || b.right > width + 0.5).map((b) => b.text), `${mode}: text outside the image`).toEqual([]);
          expect(overlaps(boxes), mode).toEqual([]);
        }
      } finally {
        await context.close();
      }
    });

    if (chart.kind === 'map') continue;

    // 320 px: a phone (the narrow layout). 600 px: a newsroom's column, and about the canvas's
    // width in the site's own 40rem column, in the wide layout drawn smaller than its design.
    it.each([WIDTH, 600])(`${chart.id}: no two labels Chart.js draws on the canvas overlap at %i px`, async (width) => {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(RECORD_TEXT);
      try {
        await page.goto(`${site.server.url}embed/chart/${chart.id}/`);
        await page.locator('ex-chart .chart-box').scrollIntoViewIfNeeded();
        await page.locator('ex-chart.is-live canvas').waitFor({ timeout: 10_000 });
        await expect
          .poll(() => page.evaluate(() => [...(window as unknown as { __texts: Map<unknown, unknown[]> }).__texts.values()].at(-1)?.length ?? 0))
          .toBeGreaterThan(3);
        const boxes = await page.evaluate(() => [...(window as unknown as { __texts: Map<unknown, Box[]> }).__texts.values()].at(-1)!);
        expect(overlaps(boxes)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  const map = model.charts.find((c) => c.kind === 'map');
  it.runIf(map)('the map shows without JavaScript, with its accessible name and its table', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: WIDTH, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${site.server.url}embed/chart/${map!.id}/`);
      const fig = page.getByRole('figure', { name: map!.title });
      await expect(fig.count()).resolves.toBe(1);
      const img = fig.getByRole('img');
      await img.evaluate((i: HTMLImageElement) => (i.complete ? null : new Promise((r) => i.addEventListener('load', r, { once: true }))));
      const shown = await img.evaluate((i: HTMLImageElement) => ({ w: i.naturalWidth, alt: i.alt, src: i.currentSrc }));
      expect(shown.w).toBeGreaterThan(0);
      expect(shown.src).toContain(chartAssetFiles(map!.id).narrowLight);
      expect(shown.alt).toMatch(/^Map: /);
      for (const r of map!.map!.regions) expect(shown.alt).toContain(r.label);
      // On an embed page the table is inside 'Sources, notes and data': two clicks, no script.
      await fig.locator('details[data-chart-about] > summary').click();
      await fig.locator('details.chart-data summary').click();
      // With JavaScript the table comes in as the disclosure opens (src/scripts/on-demand.ts).
      await expect.poll(() => fig.locator('table tbody tr:not(.group)').count()).toBe(map!.rows.length);
      await expect(fig.innerText()).resolves.toContain(map!.map!.caveat.split(' ').slice(0, 6).join(' '));
    } finally {
      await context.close();
    }
  });
});
