import { describe, expect, it } from 'vitest';
import { chartConfig, chartSize, groupColors, tooltipLines, translucent, CHART_WIDTH, IMAGE_FONT } from '../../../../src/lib/charts/config';
import { palette } from '../../../../src/lib/palette';
import { chart, makeChart } from './fixture';

const light = chartConfig(chart, 'light');
const dark = chartConfig(chart, 'dark');
type Cb = (...args: unknown[]) => unknown;

describe('chartConfig', () => {
  it('draws horizontal bars in row order, only rows in the chart unit', () => {
    expect(light.type).toBe('bar');
    expect(light.options!.indexAxis).toBe('y');
    expect(light.data.labels).toEqual([
      ['Cap one'],
      ['Actual size'],
      ['Estimate (low confidence)'],
      ['Split (later development)'],
      ['Russia'],
    ]);
    // "Elsewhere" is in usd-bn: listed in the table, never drawn on a troops axis.
    expect(JSON.stringify(light.data.labels)).not.toContain('Elsewhere');
  });

  it('has one dataset per group, each holding only its own rows, with the values in place', () => {
    const [caps, actual, other, range] = light.data.datasets;
    expect(light.data.datasets.map((d) => d.label)).toEqual(['Caps', 'Actual', 'Russia, for comparison', 'Range where sources differ']);
    expect(caps!.data).toEqual([600000, null, 50000, 30000, null]);
    expect(actual!.data).toEqual([null, 880000, null, null, null]);
    expect(other!.data).toEqual([null, null, null, null, 1500000]);
    // A range is a solid bar to `low` plus a translucent extension from low to high.
    expect(range!.data).toEqual([null, null, [50000, 85000], null, null]);
    for (const d of light.data.datasets) expect(d).toMatchObject({ grouped: false, skipNull: true });
  });

  it('takes every colour from the shared palette, light and dark', () => {
    for (const [mode, config] of [['light', light], ['dark', dark]] as const) {
      const p = palette[mode];
      const colours = config.data.datasets[0]!.backgroundColor as string[];
      expect(colours[0]).toBe(p.series[0]); // group 1
      expect(colours[1]).toBe(p.series[1]); // group 2
      expect(colours[2]).toBe(p.lowConfidence); // low confidence overrides the group colour
      expect(colours[4]).toBe(p.context); // context group
      expect((config.data.datasets[3]!.backgroundColor as string[])[2]).toBe(translucent(p.lowConfidence));
      const x = config.options!.scales!.x!;
      expect(x.ticks!.color).toBe(p.muted);
      expect(x.grid!.color).toBe(p.border);
      expect(config.options!.scales!.y!.ticks!.color).toBe(p.text);
    }
    expect(light.data.datasets[0]!.backgroundColor).not.toEqual(dark.data.datasets[0]!.backgroundColor);
  });

  it('gives context groups the neutral colour and other groups the series in order', () => {
    const c = groupColors(chart, palette.light);
    expect([...c.values()]).toEqual([palette.light.series[0], palette.light.series[1], palette.light.context]);
  });

  it('formats axis ticks in the chart unit and titles the axis', () => {
    const tick = light.options!.scales!.x!.ticks!.callback as Cb;
    expect(tick(0)).toBe('0');
    expect(tick(500000)).toBe('500k');
    expect(tick(1500000)).toBe('1.5m');
    expect(light.options!.scales!.x!.title).toMatchObject({ display: true, text: 'Troops' });
    const money = chartConfig(makeChart({ unit: 'usd-bn', axisLabel: undefined }), 'light');
    expect((money.options!.scales!.x!.ticks!.callback as Cb)(50)).toBe('$50bn');
    expect(money.options!.scales!.x!.title).toMatchObject({ display: false });
  });

  it('caps a percentage axis at 100%', () => {
    const pct = makeChart({
      unit: 'percent',
      rows: [{ label: 'Share', value: 78.1, unit: 'percent', asOf: '2025-12-01', source: 'src-a', confidence: 'medium', group: 'caps' }],
    });
    expect(chartConfig(pct, 'light').options!.scales!.x).toMatchObject({ max: 100, beginAtZero: true });
    expect(light.options!.scales!.x).not.toHaveProperty('max');
  });

  it('writes tooltips with value, date, source and confidence (the table row’s words)', () => {
    const names = (id: string) => (id === 'src-a' ? 'Alpha News' : 'Beta');
    expect(tooltipLines(chart.rows[1]!, names)).toEqual({
      title: 'Actual size',
      body: ['880,000 troops, as of 15 January 2025', 'Source: Alpha News', 'High confidence'],
    });
    expect(tooltipLines(chart.rows[2]!, names)).toEqual({
      title: 'Estimate (low confidence)',
      body: ['50,000 troops to 85,000 troops, as of 15 April 2022', 'Source: Beta', 'Low confidence'],
    });
  });

  it('uses the font and motion it is given; images default to Inter and no animation', () => {
    expect(light.options!.animation).toBe(false);
    expect(light.options!.responsive).toBe(false);
    expect(light.options!.scales!.y!.ticks!.font).toMatchObject({ family: IMAGE_FONT });
    const browser = chartConfig(chart, 'dark', { fontFamily: 'system-ui', responsive: true, animation: true });
    expect(browser.options!.responsive).toBe(true);
    expect(browser.options!.maintainAspectRatio).toBe(false);
    expect(browser.options!.animation).toMatchObject({ duration: 400 });
    expect(browser.options!.scales!.y!.ticks!.font).toMatchObject({ family: 'system-ui' });
  });

  it('adds the legend, value-label and tooltip plugins (Chart.js’s own are not used)', () => {
    expect(light.plugins!.map((p) => p.id)).toEqual(['exGroupLegend', 'exValueLabels', 'exTooltip']);
  });

  it('reserves room on the right for the longest bar’s value label', () => {
    const pad = light.options!.layout!.padding as { right: number };
    expect(pad.right).toBeGreaterThan('1,500,000'.length * 7);
  });
});

describe('layouts', () => {
  it('the narrow layout wraps labels shorter, uses a smaller font and fewer ticks', () => {
    const narrow = chartConfig(chart, 'light', { layout: 'narrow' });
    expect(narrow.data.labels![2]).toEqual(['Estimate (low', 'confidence)']);
    expect(narrow.options!.scales!.y!.ticks!.font).toMatchObject({ size: 12 });
    expect(narrow.options!.scales!.x!.ticks!.maxTicksLimit).toBe(4);
    expect(light.options!.scales!.x!.ticks!.maxTicksLimit).toBe(6);
  });

  it('a narrow image is 360 px wide and at least as tall per row', () => {
    const wide = chartSize(chart, 'wide');
    const narrow = chartSize(chart, 'narrow');
    expect(narrow.width).toBe(360);
    expect(narrow.height).toBeGreaterThanOrEqual(wide.height);
  });

  it('page colours can be overridden by a brand; series colours cannot', () => {
    const branded = chartConfig(chart, 'light', { colours: { text: '#000000', muted: '#333333' } });
    expect(branded.options!.scales!.y!.ticks!.color).toBe('#000000');
    expect(branded.options!.scales!.x!.ticks!.color).toBe('#333333');
    expect((branded.data.datasets[0]!.backgroundColor as string[])[0]).toBe(palette.light.series[0]);
  });
});

describe('chartSize', () => {
  it('is the fixed width and grows with the drawn rows', () => {
    const size = chartSize(chart);
    expect(size.width).toBe(CHART_WIDTH);
    const fewer = chartSize(makeChart({ rows: chart.rows.slice(0, 2) }));
    expect(fewer.height).toBeLessThan(size.height);
    expect(Number.isInteger(size.height)).toBe(true);
  });
});
