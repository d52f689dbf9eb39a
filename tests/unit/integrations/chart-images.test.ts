/**
 * The build-time drawing, run standalone (no Astro build): Chart.js into @napi-rs/canvas with
 * the registered Inter font. Checks the files are complete, small and byte-for-byte repeatable.
 */
import { describe, expect, it } from 'vitest';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chartFiles, checkDrawableText, renderPng, renderSvg } from '../../../src/integrations/chart-images';
import { chartSize } from '../../../src/lib/charts/config';
import { chartTable } from '../../../src/lib/charts/table';
import { parseCsv } from '../../support/csv';
import { palette } from '../../../src/lib/palette';
import { chart, makeChart, sources } from '../lib/charts/fixture';

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('chart images', () => {
  const files = chartFiles(chart, sources);

  it('writes light and dark SVG (wide and narrow), a PNG and a CSV at stable paths', () => {
    expect([...files.keys()]).toEqual([
      'charts/test-chart/test-chart-light.svg',
      'charts/test-chart/test-chart-dark.svg',
      'charts/test-chart/test-chart-narrow-light.svg',
      'charts/test-chart/test-chart-narrow-dark.svg',
      'charts/test-chart/test-chart.png',
      'charts/test-chart/test-chart.csv',
    ]);
  });

  it('draws SVGs at the reserved size, text as outlines, in each mode’s palette, under 12 KB compressed', () => {
    for (const [layout, mode] of [['wide', 'light'], ['wide', 'dark'], ['narrow', 'light'], ['narrow', 'dark']] as const) {
      const { width, height } = chartSize(chart, layout);
      const svg = files.get(`charts/test-chart/test-chart-${layout === 'narrow' ? 'narrow-' : ''}${mode}.svg`)!;
      const text = svg.toString('utf8');
      expect(text).toMatch(new RegExp(`^<svg [^>]*width="${width}" height="${height}"`));
      expect(text).not.toContain('<text');
      // Skia names white "white"; every other colour is written as hex.
      expect(text.toLowerCase()).toMatch(new RegExp(`<rect fill="(${palette[mode].bg}${mode === 'light' ? '|white' : ''})" width="${width}" height="${height}"/>`));
      expect(text.toLowerCase()).toContain(`fill="${palette[mode].series[0]}"`);
      expect(brotliCompressSync(svg).length).toBeLessThanOrEqual(12 * 1024);
      expect(gzipSync(svg, { level: 9 }).length).toBeLessThanOrEqual(12 * 1024);
    }
  });

  it('draws the PNG at 2× the chart width, taller than the chart (title and source added)', () => {
    const { width, height } = chartSize(chart);
    const size = pngSize(files.get('charts/test-chart/test-chart.png')!);
    expect(size.width).toBe(width * 2);
    expect(size.height).toBeGreaterThan(height * 2);
  });

  it('writes the same CSV as the table', () => {
    const csv = files.get('charts/test-chart/test-chart.csv')!.toString('utf8');
    const table = chartTable(chart, sources);
    expect(parseCsv(csv)).toEqual([table.columns, ...table.rows]);
  });

  it('gives the same bytes every time (no clock, no machine fonts, no process counters)', () => {
    expect(renderSvg(chart, 'light', sources).equals(files.get('charts/test-chart/test-chart-light.svg')!)).toBe(true);
    expect(renderSvg(chart, 'dark', sources).equals(files.get('charts/test-chart/test-chart-dark.svg')!)).toBe(true);
    expect(renderSvg(chart, 'dark', sources, 'narrow').equals(files.get('charts/test-chart/test-chart-narrow-dark.svg')!)).toBe(true);
    expect(renderPng(chart, sources).equals(files.get('charts/test-chart/test-chart.png')!)).toBe(true);
  });

  it('refuses text the registered font cannot draw (it would fall back to a machine font)', () => {
    expect(() => checkDrawableText(makeChart({ title: 'Армія' }))).toThrow(/characters the chart font cannot draw: Армія/);
    expect(() => checkDrawableText(chart)).not.toThrow();
  });
});
