/**
 * Round axis ticks (issue 20): every chart's axis reads 0, 200k, 400k …, never 0, 180k, 360k …,
 * in the layout and at every canvas width the page can give it. Drawn by Chart.js itself on a
 * Skia canvas, as the build draws the static images and the browser the live chart, because the
 * round steps we ask for were once respaced by Chart.js on the way to the screen.
 */
import { describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { BarController, BarElement, CategoryScale, Chart as ChartJS, LinearScale } from 'chart.js';
import { checkContent } from '../../../../src/lib/content/check';
import { readContentFiles } from '../../../../src/lib/content/loader';
import { axisMax, axisTicks, chartConfig, chartSize, isNiceNumber, LAYOUTS } from '../../../../src/lib/charts/config';
import { chart as fixture } from './fixture';

ChartJS.register(BarController, BarElement, CategoryScale, LinearScale);
const { model } = checkContent(readContentFiles('.'));
const drawn = model.charts.filter((c) => c.kind !== 'map');

/** The tick values Chart.js lays out (after its own label skipping) on a canvas `width` wide. */
function drawnTicks(chart: typeof fixture, layout: keyof typeof LAYOUTS, width: number): number[] {
  const config = chartConfig(chart, 'light', { layout, animation: false, responsive: false });
  const instance = new ChartJS(createCanvas(width, chartSize(chart, layout).height) as unknown as HTMLCanvasElement, config);
  try {
    return instance.scales.x!.ticks.map((t) => t.value);
  } finally {
    instance.destroy();
  }
}

describe('nice numbers', () => {
  it('knows a nice number from one that is not', () => {
    for (const n of [0, 1, 2, 2.5, 5, 10, 25, 50, 200_000, 250_000, 500_000, 1_000_000, 0.5]) expect(isNiceNumber(n), String(n)).toBe(true);
    for (const n of [3, 7, 180_000, 360_000, 540_000, 150_000, 0.3]) expect(isNiceNumber(n), String(n)).toBe(false);
  });

  it('axisTicks steps from zero by the step and stops at the axis end, even when it falls between ticks', () => {
    expect(axisTicks(900_000, 200_000)).toEqual([0, 200_000, 400_000, 600_000, 800_000]);
    expect(axisTicks(1_000_000, 500_000)).toEqual([0, 500_000, 1_000_000]);
    expect(axisTicks(0.3, 0.1)).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe('axis ticks as Chart.js draws them', () => {
  // Canvas widths the page gives each layout: the narrow images up to 480 px screens (a 288 px
  // canvas on a 320 px phone), the wide ones in the 40rem column and in wider embeds.
  const widths = { narrow: [288, 320, 358, 448], wide: [448, 560, 600, 640, 800] } as const;

  for (const chart of [...drawn, fixture]) {
    for (const layout of ['wide', 'narrow'] as const) {
      it(`${chart.id}, ${layout}: every tick is a multiple of one nice step, starting at 0`, () => {
        const config = chartConfig(chart, 'light', { layout });
        const { stepSize } = config.options!.scales!.x!.ticks as { stepSize: number };
        expect(isNiceNumber(stepSize), `step ${stepSize}`).toBe(true);
        for (const width of widths[layout]) {
          const ticks = drawnTicks(chart, layout, width);
          expect(ticks.length, `${width} px: ${ticks}`).toBeGreaterThanOrEqual(2);
          expect(ticks[0]).toBe(0);
          const spacing = ticks[1]! - ticks[0]!;
          expect(isNiceNumber(spacing), `${width} px: ${ticks.join(' ')}`).toBe(true);
          for (const [i, v] of ticks.entries()) expect(v, `${width} px: ${ticks.join(' ')}`).toBeCloseTo(i * spacing, 6);
        }
      });
    }
  }

  it('the troop chart reads 0, 200k … 800k wide, where it used to read 0, 180k … 900k', () => {
    const troops = drawn.find((c) => c.id === 'troop-sizes')!;
    expect(axisMax(880_000, LAYOUTS.wide.maxTicks)).toEqual({ max: 900_000, step: 200_000 });
    for (const width of [600, 640, 800]) expect(drawnTicks(troops, 'wide', width)).toEqual([0, 200_000, 400_000, 600_000, 800_000]);
  });
});
