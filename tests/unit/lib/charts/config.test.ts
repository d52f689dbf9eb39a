import { describe, expect, it } from 'vitest';
import { chartConfig, chartSize, groupColors, tooltipLines, translucent, LAYOUTS } from '../../../../src/lib/charts/config';
import { IMAGE_FONT } from '../../../../src/lib/images/font-family';
import { palette } from '../../../../src/lib/palette';
import { axisMax, partLayout } from '../../../../src/lib/charts/config';
import { barValueText, contextRows, drawnRows, shortRange } from '../../../../src/lib/charts/text';
import { partToWholeProblems } from '../../../../src/lib/charts/check';
import { chart, makeChart } from './fixture';
import type { ChartInput } from '../../../../src/lib/content/schemas/chart';

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
    ]);
    // "Elsewhere" is in usd-bn: listed in the table, never drawn on a troops axis.
    expect(JSON.stringify(light.data.labels)).not.toContain('Elsewhere');
  });

  it('has one dataset per group, each holding only its own rows, with the values in place', () => {
    const [caps, actual, range] = light.data.datasets;
    // Russia's context row is set apart (said under the chart), so its group draws nothing.
    expect(light.data.datasets.map((d) => d.label)).toEqual(['Caps', 'Actual', 'Range where sources differ']);
    expect(caps!.data).toEqual([600000, null, 50000, 30000]);
    expect(actual!.data).toEqual([null, 880000, null, null]);
    // A range is a solid bar to `low` plus a floating bar from low to high: both bounds drawn.
    expect(range!.data).toEqual([null, null, [50000, 85000], null]);
    for (const d of light.data.datasets) expect(d).toMatchObject({ grouped: false, skipNull: true });
  });

  it('takes every colour from the shared palette, light and dark', () => {
    for (const [mode, config] of [['light', light], ['dark', dark]] as const) {
      const p = palette[mode];
      const colours = config.data.datasets[0]!.backgroundColor as string[];
      expect(colours[0]).toBe(p.series[0]); // group 1
      expect(colours[1]).toBe(p.series[1]); // group 2
      expect(colours[2]).toBe(p.lowConfidence); // low confidence overrides the group colour
      expect((config.data.datasets[2]!.backgroundColor as string[])[2]).toBe(translucent(p.lowConfidence));
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
    expect(chartConfig(pct, 'light').options!.scales!.x).toMatchObject({ max: 100, min: 0 });
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

  it('uses the font and motion it is given; images draw without animation', () => {
    expect(light.options!.animation).toBe(false);
    expect(light.options!.responsive).toBe(false);
    expect(chartConfig(chart, 'light', { fontFamily: IMAGE_FONT }).options!.scales!.y!.ticks!.font).toMatchObject({ family: IMAGE_FONT });
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
    expect(pad.right).toBeGreaterThan('880,000'.length * 7);
  });
});

describe('layouts', () => {
  it('the narrow layout wraps labels shorter, uses a smaller font and fewer ticks', () => {
    const narrow = chartConfig(chart, 'light', { layout: 'narrow' });
    expect(narrow.data.labels![2]).toEqual(['Estimate (low', 'confidence)']);
    expect(narrow.options!.scales!.y!.ticks!.font).toMatchObject({ size: 12 });
    const ticks = (c: typeof light) => c.options!.scales!.x!.max as number / (c.options!.scales!.x!.ticks as { stepSize: number }).stepSize;
    expect(ticks(narrow)).toBeLessThanOrEqual(3.5);
    expect(ticks(light)).toBeLessThanOrEqual(6.5);
    expect(ticks(narrow)).toBeLessThan(ticks(light));
  });

  it('a narrow image is 320 px wide and at least as tall per row', () => {
    const wide = chartSize(chart, 'wide');
    const narrow = chartSize(chart, 'narrow');
    expect(narrow.width).toBe(320);
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
    expect(size.width).toBe(LAYOUTS.wide.width);
    const fewer = chartSize(makeChart({ rows: chart.rows.slice(0, 2) }));
    expect(fewer.height).toBeLessThan(size.height);
    expect(Number.isInteger(size.height)).toBe(true);
  });
});

describe('chart forms (issue 10)', () => {
  const rows = (patch: object[]) => patch.map((r) => ({ unit: 'eur-bn', asOf: '2025-12-01', source: 'src-a', confidence: 'high', group: 'caps', ...r })) as ChartInput['rows'];

  it('sorts descending within each group, groups in the order listed', () => {
    const sorted = makeChart({ sort: 'descending' });
    expect(drawnRows(sorted).map((r) => r.label)).toEqual(['Cap one', 'Estimate', 'Split', 'Actual size']);
    // As given, the file's order.
    expect(drawnRows(chart).map((r) => r.label)).toEqual(['Cap one', 'Actual size', 'Estimate', 'Split']);
  });

  it('sets context rows apart instead of stretching the axis for them', () => {
    expect(contextRows(chart).map((r) => r.label)).toEqual(['Russia']);
    const x = light.options!.scales!.x! as { max: number };
    expect(x.max).toBeGreaterThanOrEqual(880000);
    expect(x.max).toBeLessThan(1_500_000);
  });

  it('fits the axis to the data: at or past the largest end, within half a tick step', () => {
    for (const [max, ticks] of [[880000, 6], [880000, 3], [210, 6], [210, 3], [137, 6], [193, 3], [9.5, 4]] as const) {
      const a = axisMax(max, ticks);
      expect(a.max).toBeGreaterThanOrEqual(max);
      expect(a.max - max).toBeLessThanOrEqual(a.step / 2 + 1e-9);
      expect(a.max / a.step).toBeLessThanOrEqual(ticks + 0.5);
    }
  });

  it('draws a range with both bounds, labelled the graphics-desk way', () => {
    const range = chart.rows.find((r) => r.low !== undefined)!;
    expect(barValueText(range)).toBe('50,000–85,000');
    expect(shortRange(185, 193, 'eur-bn')).toBe('€185–193bn');
    expect(shortRange(78.1, 81, 'percent')).toBe('78.1–81%');
  });

  it('part-to-whole: one bar, the parts laid end to end, parts summing to their parent', () => {
    const p2w = makeChart({
      kind: 'part-to-whole',
      unit: 'eur-bn',
      groups: [{ id: 'caps', label: 'All' }],
      rows: rows([
        { id: 'need', label: 'Need', value: 137, approx: true },
        { id: 'loan', partOf: 'need', label: 'Loan', value: 90 },
        { partOf: 'loan', label: 'Military', value: 60 },
        { partOf: 'loan', label: 'Budget', value: 30 },
      ]),
      notes: [],
    });
    const { whole, leaves, parents } = partLayout(p2w);
    expect(whole.label).toBe('Need');
    expect(leaves.map((l) => [l.row.label, l.start, l.end])).toEqual([['Military', 0, 60], ['Budget', 60, 90]]);
    expect(parents.map((q) => [q.row.label, q.start, q.end])).toEqual([['Loan', 0, 90]]);
    expect(leaves.reduce((n, l) => n + l.row.value!, 0)).toBe(parents[0]!.row.value);
    const config = chartConfig(p2w, 'light');
    expect(config.data.labels).toHaveLength(1);
    expect(config.data.datasets.map((d) => d.data)).toEqual([[[0, 60]], [[60, 90]], [[0, 137]]]);
    expect(config.plugins!.map((p) => p.id)).toEqual(['exPartLabels', 'exTooltip']);
    expect(partToWholeProblems(p2w.rows)).toEqual([]);
    const bad = p2w.rows.map((r) => (r.label === 'Budget' ? { ...r, value: 31 } : r));
    expect(partToWholeProblems(bad)).toEqual([{ field: 'rows[1]', message: 'its parts add up to 91, not 90' }]);
  });
});
