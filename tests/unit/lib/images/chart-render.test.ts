/**
 * The build-time drawing, run standalone (no Astro build): Chart.js into the SVG context (text
 * as <text> in the page's font) and into Skia (PNG, Inter). Checks the files are complete,
 * small and byte-for-byte repeatable.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { chartImages, checkChartText, renderPng, renderSvg } from '../../../../src/lib/images/chart-render';
import { PAGE_FONT } from '../../../../src/lib/images/font-family';
import { pngSize } from '../../../../src/lib/images/png';
import { chartSize } from '../../../../src/lib/charts/config';
import { chartCsv } from '../../../../src/lib/charts/table';
import { parseCsv } from '../../../support/csv';
import { barValueText, drawnRows } from '../../../../src/lib/charts/text';
import { palette } from '../../../../src/lib/palette';
import { loadBrand } from '../../../../src/config/brand-loader';
import { chart, makeChart, sources } from '../charts/fixture';

const ROOT = new URL('../../../../', import.meta.url).pathname;
const brand = loadBrand('src/config/brand.yaml', ROOT);

describe('chart images', () => {
  const { files, png } = chartImages(chart, sources, brand);

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

  it('draws SVGs at the reserved size, words as <text> in the page font, each mode’s palette, under 12 KB gzip', () => {
    for (const [layout, mode] of [['wide', 'light'], ['wide', 'dark'], ['narrow', 'light'], ['narrow', 'dark']] as const) {
      const { width, height } = chartSize(chart, layout);
      const svg = files.get(`charts/test-chart/test-chart-${layout === 'narrow' ? 'narrow-' : ''}${mode}.svg`)!;
      const text = svg.toString('utf8');
      expect(text).toMatch(new RegExp(`^<svg [^>]*width="${width}" height="${height}"`));
      expect(text).toContain(`font-family="${PAGE_FONT.replace(/"/g, '&quot;')}"`);
      expect(text).toContain(`<rect x="0" y="0" width="${width}" height="${height}" fill="${palette[mode].bg}"/>`);
      expect(text.toLowerCase()).toContain(`fill="${palette[mode].series[0]}"`);
      // Every drawn row's label and value are real text.
      for (const row of drawnRows(chart)) expect(text).toContain(`>${barValueText(row)}</text>`);
      expect(gzipSync(svg, { level: 9 }).length).toBeLessThanOrEqual(12 * 1024);
    }
  });

  it('anchors value labels at their start and axis labels at their end, so a wider face grows away from its neighbour', () => {
    const { texts } = renderSvg(chart, 'light', sources, brand);
    expect(texts.find((t) => t.text === '880,000')!.anchor).toBe('start');
    expect(texts.find((t) => t.text === 'Actual size')!.anchor).toBe('end');
  });

  it('draws the PNG at 2× the chart width, taller than the chart (title and source added), and reports its size', () => {
    const { width, height } = chartSize(chart);
    const size = pngSize(files.get('charts/test-chart/test-chart.png')!);
    expect(size).toEqual(png);
    expect(size.width).toBe(width * 2);
    expect(size.height).toBeGreaterThan(height * 2);
  });

  it('writes the chart’s CSV (chartCsv), ranges with both bounds as numbers', () => {
    const csv = files.get('charts/test-chart/test-chart.csv')!.toString('utf8');
    expect(csv).toBe(chartCsv(chart, sources));
    expect(parseCsv(csv)[3]!.slice(3, 6)).toEqual(['', '50000', '85000']);
  });

  it('gives the same bytes every time (no clock, no machine fonts, no process counters)', () => {
    expect(renderSvg(chart, 'light', sources, brand).svg.equals(files.get('charts/test-chart/test-chart-light.svg')!)).toBe(true);
    expect(renderSvg(chart, 'dark', sources, brand, 'narrow').svg.equals(files.get('charts/test-chart/test-chart-narrow-dark.svg')!)).toBe(true);
    expect(renderPng(chart, sources, brand).equals(files.get('charts/test-chart/test-chart.png')!)).toBe(true);
  });

  it('refuses text the registered font cannot draw (it would fall back to a machine font)', () => {
    expect(() => checkChartText(makeChart({ title: 'What does 安全 mean?' }))).toThrow(/cannot draw: 安 全/);
    expect(() => checkChartText(chart)).not.toThrow();
  });
});

describe('part-to-whole: the part no row covers is labelled on the bar', () => {
  const p2w = makeChart({
    kind: 'part-to-whole',
    unit: 'eur-bn',
    groups: [{ id: 'caps', label: 'All' }],
    remainderLabel: 'Not covered by the loan',
    rows: [
      { id: 'need', label: 'Need', value: 137, approx: true },
      { id: 'loan', partOf: 'need', label: 'Loan', value: 90 },
      { partOf: 'loan', label: 'Military', value: 60 },
      { partOf: 'loan', label: 'Budget', value: 30 },
    ].map((r) => ({ unit: 'eur-bn' as const, asOf: '2025-12-18', source: 'src-a', confidence: 'high' as const, group: 'caps', ...r })),
    notes: [],
  });

  for (const layout of ['wide', 'narrow'] as const) {
    it(`${layout}: its words are drawn on the grey end of the bar, right of the last part, with no number`, () => {
      const { texts } = renderSvg(p2w, 'light', sources, brand, layout);
      const budget = texts.find((t) => t.text === '€30bn')!;
      const military = texts.find((t) => t.text === 'Military')!;
      const bracket = texts.find((t) => t.text.startsWith('Loan:'))!;
      const words = texts.filter((t) => t.x > budget.x && t.y > bracket.y && t.y < military.y);
      expect(words.map((t) => t.text).join(' ')).toBe('Not covered by the loan');
      // On the bar: below the bracket's label over it, above the parts' labels under it.
      for (const t of words) expect(t.y).toBeLessThan(military.y - 20);
    });
  }

  it('says nothing when the chart gives no remainderLabel, and a bar chart may not give one', () => {
    const { remainderLabel: _, ...rest } = p2w;
    const { texts } = renderSvg({ ...rest } as typeof p2w, 'light', sources, brand);
    expect(texts.some((t) => /covered/.test(t.text))).toBe(false);
    expect(() => makeChart({ remainderLabel: 'Rest' })).toThrow(/only a chart of kind part-to-whole has `remainderLabel`/);
  });
});
