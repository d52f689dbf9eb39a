/**
 * Chart record → Chart.js configuration. One pure function feeds the static images drawn at
 * build time and the interactive canvas in the browser, so the two cannot disagree; the light
 * and dark variants differ only in the palette they read.
 *
 * Bar charts: horizontal bars (labels are sentences; they read best on the left), one dataset
 * per group so each group has one colour and one legend entry, `grouped: false` so every bar
 * keeps the full row height. A range row (sources disagree) is a solid bar to its low end plus
 * a floating bar from low to high, labelled '€185–193bn'. The axis ends at the first round
 * number past the data. Rows in another unit than the chart's, and context rows, are not
 * drawn (they are in the table, and context rows in a line under the chart).
 *
 * Part-to-whole charts: ONE bar. The whole is a track; the leaf parts are floating bars laid
 * end to end along it, each labelled under itself; the parts' parent (the loan they split)
 * is bracketed above, the whole is labelled at its end, and the rest of the track (what no part
 * covers) is named inside itself with the chart's `remainderLabel`. No legend lookup.
 *
 * Two layouts (wide, narrow) share everything but sizes.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Chart, ChartRow } from '../content/schemas/chart';
import { palette, type Mode } from '../palette';
import { t } from '../strings';
import { groupLegendPlugin, partLabelsPlugin, tooltipPlugin, valueLabelsPlugin, type LegendItem, type PartLabel } from './plugins';
import {
  barValueText,
  confidenceText,
  dateText,
  drawnRows,
  rowAxisLabel,
  rowValueText,
  tickText,
  wrapLabel,
} from './text';

/**
 * Two layouts, each with its own static images: `wide` for the article column (40rem) and
 * `narrow` for phones, so the image's text stays legible without scaling it down to half size.
 * The page picks one with <picture> media queries (NARROW_MEDIA) and the canvas follows the
 * image it replaces.
 */
export const LAYOUTS = {
  wide: { width: 640, labelChars: 30, fontSize: 13, maxTicks: 6 },
  // 13 characters a line: the canvas on a 320 px phone is only 288 px wide, and Chart.js gives
  // the labels at most half of it, so a wider system face must still fit.
  narrow: { width: 320, labelChars: 13, fontSize: 12, maxTicks: 3 },
} as const;
export type ChartLayout = keyof typeof LAYOUTS;
/** Screens at most this wide get the narrow images. */
export const NARROW_MEDIA = '(max-width: 480px)';

export const FONT_SIZE = LAYOUTS.wide.fontSize;
const ROW_HEIGHT = 34;
const EXTRA_LINE = 13;
const AXIS_HEIGHT = 56;
const LEGEND_LINE = 20;
const PADDING = 12;

/** Chart.js's default line height for multi-line tick labels (1.2 em). */
const LINE_HEIGHT = 1.2;
/** Part-to-whole: the bar, and the room above (whole and bracket labels) and below (part labels). */
const PART_BAR = 36;
const PART_ABOVE = 52;
const PART_BELOW = 56;

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Lines the legend needs, estimated from its labels' lengths (Inter averages about 0.56 em a
 * character). Only the box height depends on it; the legend itself measures real text.
 */
function legendLines(labels: string[], width: number, fontSize: number): number {
  if (labels.length < 2) return 0;
  let lines = 1;
  let x = 0;
  for (const label of labels) {
    const w = 12 + 8 + label.length * fontSize * 0.56;
    if (x > 0 && x + w > width) {
      lines++;
      x = 0;
    }
    x += w + 18;
  }
  return lines;
}

/**
 * Height grows with the rows (and wrapped label lines), so bars keep the same thickness on
 * every chart and the box can be reserved before any script runs.
 */
export function chartSize(chart: Chart, layout: ChartLayout = 'wide'): ChartSize {
  const { width, labelChars, fontSize } = LAYOUTS[layout];
  if (chart.kind === 'map') return mapSize(layout);
  if (chart.kind === 'part-to-whole') return { width, height: PADDING * 2 + PART_ABOVE + PART_BAR + PART_BELOW + AXIS_HEIGHT };
  const rows = drawnRows(chart);
  // Chart.js gives every category the same height, so every row gets the room of the
  // most-wrapped label: neighbouring labels never touch.
  const maxLines = Math.max(1, ...rows.map((r) => wrapLabel(rowAxisLabel(r), labelChars).length));
  const rowHeight = Math.max(ROW_HEIGHT, Math.ceil(maxLines * fontSize * LINE_HEIGHT + 10));
  const groups = chart.groups.filter((g) => rows.some((r) => r.group === g.id)).map((g) => g.label);
  const legend = legendLines(rows.some((r) => r.value === undefined) ? [...groups, t('chart.range')] : groups, width - PADDING * 2, fontSize);
  const height = PADDING * 2 + (legend ? legend * LEGEND_LINE + 8 : 0) + rows.length * rowHeight + AXIS_HEIGHT;
  return { width, height: Math.round(height) };
}

/** A map's box: the same widths as charts, a fixed aspect that fits eastern Ukraine, its locator and its key. */
export function mapSize(layout: ChartLayout = 'wide'): ChartSize {
  const { width } = LAYOUTS[layout];
  return { width, height: Math.round(width * (layout === 'narrow' ? 1.5 : 0.75)) };
}

/**
 * The axis: ticks every "nice" step (1, 2, 2.5 or 5 × a power of ten, at most `maxTicks`
 * intervals), and an end at the first half step at or past the data, so bars fill the plot
 * (the end itself gets no tick label when it falls between ticks).
 */
export function axisMax(dataMax: number, maxTicks: number): { max: number; step: number } {
  if (dataMax <= 0) return { max: 1, step: 1 };
  const raw = dataMax / maxTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-9)!;
  const half = step / 2;
  return { max: Math.ceil(dataMax / half - 1e-9) * half, step };
}

/**
 * The axis's tick values: 0, step, 2 × step … up to `max`. Set on the scale after Chart.js
 * builds its own (afterBuildTicks), because Chart.js 4 respaces ticks to fit the axis whenever
 * max ÷ step is "almost whole", and its tolerance is step ÷ 1000 in data units: 900,000 ÷
 * 200,000 = 4.5 counts as whole, so it drew 0/180k/360k… Chart.js may still skip labels that
 * would touch (autoSkip keeps every nth), and every nth multiple of a round step is round too.
 */
export function axisTicks(max: number, step: number): number[] {
  const ticks: number[] = [];
  // Multiply rather than add, so 0.1-sized steps do not collect floating-point error.
  for (let i = 0; i * step <= max + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** A "nice" number: 1, 2, 2.5 or 5 times a power of ten (or zero). The tests hold ticks to it. */
export function isNiceNumber(n: number): boolean {
  if (n === 0) return true;
  const power = 10 ** Math.floor(Math.log10(Math.abs(n)));
  const m = Math.abs(n) / power;
  return [1, 2, 2.5, 5].some((x) => Math.abs(m - x) < 1e-9);
}

/** The palette's shape with plain strings: a brand may override the page colours (not the series). */
export interface ChartColours {
  bg: string;
  surface: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  focus: string;
  series: readonly string[];
  context: string;
  lowConfidence: string;
}
export type PageColours = Partial<Omit<ChartColours, 'series' | 'context' | 'lowConfidence'>>;

/** One colour per group, from the shared palette; context groups take the neutral colour. */
export function groupColors(chart: Chart, p: ChartColours): Map<string, string> {
  const colors = new Map<string, string>();
  let next = 0;
  for (const g of chart.groups) {
    colors.set(g.id, g.role === 'context' ? p.context : p.series[next++ % p.series.length]!);
  }
  return colors;
}

/** A bar's colour: its group's, unless the row is low-confidence (then the muted low-confidence colour). */
export function rowColor(row: ChartRow, colors: Map<string, string>, p: ChartColours): string {
  return row.confidence === 'low' ? p.lowConfidence : colors.get(row.group)!;
}

/** '#0b57b0' → '#0b57b073': the same colour at 45% opacity, for the uncertain part of a range. */
export const translucent = (hex: string): string => `${hex}73`;

export interface ConfigOptions {
  /** Which layout's label wrapping, font size and tick count to use (default wide). */
  layout?: ChartLayout;
  /**
   * A brand's overrides of the page colours (background, text, borders…), so a partner's
   * copy draws charts on its own background. Series colours always come from the palette.
   */
  colours?: PageColours;
  /** CSS font-family for every text: the image font at build time, the page's font in the browser. */
  fontFamily?: string;
  /** Animate changes; off in images. The browser turns it on after the first frame unless the reader prefers reduced motion. */
  animation?: boolean;
  /** Fill the parent box (browser) or draw at the canvas's own size (build). */
  responsive?: boolean;
  /** Device pixel ratio; 1 for SVG, 2 for the PNG. The browser leaves it undefined. */
  devicePixelRatio?: number;
}

export type BarValue = number | [number, number] | null;
export type ExChartConfig = ChartConfiguration<'bar', BarValue[], string[]>;

/** The tooltip's lines for a row, the same words as its table row. */
export function tooltipLines(row: ChartRow, sourceName: (id: string) => string): { title: string; body: string[] } {
  return {
    title: rowAxisLabel(row),
    body: [
      `${rowValueText(row)}, ${t('chart.asOf')} ${dateText(row.asOf)}`,
      `${t('chart.source')}: ${sourceName(row.source)}`,
      `${confidenceText(row.confidence)} ${t('chart.confidence')}`,
    ],
  };
}

/** One drawn mark (a bar, a segment) and the row it shows: what the keyboard steps through. */
export interface ChartMark {
  datasetIndex: number;
  index: number;
  row: ChartRow;
}

/** Part-to-whole: the whole, the parts laid along it (leaves) and the parents of the leaves. */
export function partLayout(chart: Chart): { whole: ChartRow; leaves: { row: ChartRow; start: number; end: number }[]; parents: { row: ChartRow; start: number; end: number }[] } {
  const rows = drawnRows(chart);
  const whole = rows.find((r) => !r.partOf)!;
  const children = (id: string | undefined) => rows.filter((r) => id !== undefined && r.partOf === id);
  const leaves: { row: ChartRow; start: number; end: number }[] = [];
  const parents: { row: ChartRow; start: number; end: number }[] = [];
  // Depth first, in file order: each part starts where the previous one ended.
  const walk = (row: ChartRow, start: number): number => {
    const kids = children(row.id);
    if (!kids.length) {
      leaves.push({ row, start, end: start + row.value! });
      return start + row.value!;
    }
    let x = start;
    for (const kid of kids) x = walk(kid, x);
    if (row !== whole) parents.push({ row, start, end: x });
    return row === whole ? start : x;
  };
  walk(whole, 0);
  return { whole, leaves, parents };
}

/** The marks of a chart, in reading order (top to bottom, left to right). */
export function chartMarks(chart: Chart): ChartMark[] {
  if (chart.kind === 'part-to-whole') {
    const { whole, leaves } = partLayout(chart);
    return [...leaves.map((l, d) => ({ datasetIndex: d, index: 0, row: l.row })), { datasetIndex: leaves.length, index: 0, row: whole }];
  }
  const rows = drawnRows(chart);
  const groups = chart.groups.filter((g) => rows.some((r) => r.group === g.id));
  return rows.map((row, index) => ({ datasetIndex: groups.findIndex((g) => g.id === row.group), index, row }));
}

export function chartConfig(
  chart: Chart,
  mode: Mode,
  options: ConfigOptions = {},
  sourceName: (id: string) => string = (id) => id,
): ExChartConfig {
  const p: ChartColours = { ...palette[mode], ...options.colours };
  const family = options.fontFamily ?? 'sans-serif';
  const { labelChars, fontSize, maxTicks } = LAYOUTS[options.layout ?? 'wide'];
  const font = { family, size: fontSize };
  const text = { color: p.text, family, size: fontSize };
  const barStyle = {
    hoverBorderColor: p.focus,
    hoverBorderWidth: 3,
    borderWidth: 0,
    grouped: false,
    skipNull: true,
    categoryPercentage: 0.8,
    barPercentage: 0.9,
  };
  const marks = chartMarks(chart);
  // A bar chart's row is its category (its range bar included); a part is its own dataset.
  const byPart = chart.kind === 'part-to-whole';
  const tooltips = new Map(marks.map((m) => [byPart ? m.datasetIndex : m.index, tooltipLines(m.row, sourceName)]));
  const tooltip = tooltipPlugin((d, i) => tooltips.get(byPart ? d : i), { background: p.text, color: p.bg, family, size: fontSize });
  const xAxis = (max: number, step: number) => ({
    type: 'linear' as const,
    min: 0,
    max,
    border: { color: p.border },
    grid: { color: p.border, tickColor: p.border },
    ticks: { color: p.muted, font, stepSize: step, includeBounds: false, callback: (value: string | number) => tickText(Number(value), chart.unit) },
    afterBuildTicks: (scale: { ticks: { value: number }[] }) => void (scale.ticks = axisTicks(max, step).map((value) => ({ value }))),
    title: chart.axisLabel ? { display: true, text: chart.axisLabel, color: p.muted, font } : { display: false },
  });
  const base = {
    indexAxis: 'y' as const,
    responsive: options.responsive ?? false,
    maintainAspectRatio: false,
    devicePixelRatio: options.devicePixelRatio,
    animation: options.animation ? { duration: 400 } : (false as const),
    interaction: { mode: 'nearest' as const, axis: 'y' as const, intersect: false },
    // Chart.js's own legend, title and tooltip plugins are not registered (bytes); the
    // plugins below do those jobs.
    plugins: {},
  };

  if (chart.kind === 'part-to-whole') {
    const { whole, leaves, parents } = partLayout(chart);
    const { max, step } = axisMax(whole.value!, maxTicks);
    const datasets = [
      ...leaves.map((l, i) => ({
        label: l.row.label,
        data: [[l.start, l.end] as BarValue],
        backgroundColor: p.series[i % p.series.length]!,
        hoverBackgroundColor: p.series[i % p.series.length]!,
        ...barStyle,
        barThickness: PART_BAR,
        // Half the bar lies above the plot's top (see the layout below): not clipped.
        clip: false as const,
      })),
      {
        label: whole.label,
        data: [[0, whole.value!] as BarValue],
        backgroundColor: translucent(p.context),
        hoverBackgroundColor: translucent(p.context),
        ...barStyle,
        barThickness: PART_BAR,
        // Half the bar lies above the plot's top (see the layout below): not clipped.
        clip: false as const,
      },
    ];
    const labels: PartLabel[] = [
      { kind: 'end', text: `${whole.label}: ${barValueText(whole)}`, start: 0, end: whole.value! },
      ...parents.map((q) => ({ kind: 'bracket' as const, text: `${q.row.label}: ${barValueText(q.row)}`, start: q.start, end: q.end })),
      ...leaves.map((l) => ({ kind: 'part' as const, text: l.row.label, value: barValueText(l.row), start: l.start, end: l.end })),
    ];
    // The grey end of the track (the need no part covers) is named on the bar, not only in a
    // note; in words, with no number, since no source gives the difference.
    const covered = Math.max(0, ...leaves.map((l) => l.end));
    if (chart.remainderLabel && covered < whole.value!) labels.push({ kind: 'rest', text: chart.remainderLabel, start: covered, end: whole.value! });
    return {
      type: 'bar',
      data: { labels: [[whole.label]], datasets },
      options: {
        ...base,
        // The bar's centre is pinned at the top of the plot (offset: false puts the one category
        // there), not centred in it: the canvas is drawn at the page's width, which may be less
        // than the design's, and its height shrinks with it while its text does not. Centred,
        // the bar moved down into the labels' room and the labels onto the axis (at a 572 px
        // column, "€30bn" over "€75bn"); pinned, only the plot's empty bottom shrinks.
        layout: { padding: { top: PADDING + PART_ABOVE + PART_BAR / 2, right: PADDING + 4, bottom: PADDING, left: PADDING } },
        scales: {
          x: xAxis(max, step),
          y: { type: 'category', display: false, offset: false },
        },
      },
      plugins: [partLabelsPlugin(labels, { ...text, muted: p.muted, bar: PART_BAR }), tooltip],
    };
  }

  const rows = drawnRows(chart);
  const colors = groupColors(chart, p);
  const usedGroups = chart.groups.filter((g) => rows.some((r) => r.group === g.id));

  // A value row is a bar from zero. A range row is a solid bar to `low` (what every source
  // supports) plus a floating bar from `low` to `high` (where they differ), so its length
  // still reads as an amount and its ends as the range.
  const solid = (r: ChartRow): BarValue => (r.value !== undefined ? r.value : r.low!);
  const datasets = usedGroups.map((g) => ({
    label: g.label,
    data: rows.map((r): BarValue => (r.group === g.id ? solid(r) : null)),
    backgroundColor: rows.map((r) => rowColor(r, colors, p)),
    hoverBackgroundColor: rows.map((r) => rowColor(r, colors, p)),
    ...barStyle,
  }));
  const hasRange = rows.some((r) => r.value === undefined);
  if (hasRange) {
    datasets.push({
      label: t('chart.range'),
      data: rows.map((r): BarValue => (r.value === undefined ? [r.low!, r.high!] : null)),
      backgroundColor: rows.map((r) => translucent(rowColor(r, colors, p))),
      hoverBackgroundColor: rows.map((r) => translucent(rowColor(r, colors, p))),
      ...barStyle,
    });
  }

  const ends = rows.map((r) => (r.value !== undefined ? r.value : r.high!));
  const maxEnd = Math.max(...ends, 0);
  const axis = chart.unit === 'percent' ? { max: 100, step: maxTicks >= 5 ? 20 : 25 } : axisMax(maxEnd, maxTicks);
  // The value label of a bar that reaches (nearly) the right edge goes into the right padding;
  // estimated from its length (Inter semibold averages under 8 px a character at 13 px, and the
  // estimate keeps a margin for a wider system face), so the image and the canvas reserve alike.
  // At most a fifth of the width, so a narrow plot keeps room for its bars; a label that still
  // does not fit goes inside its bar (valueLabelsPlugin).
  const { width } = LAYOUTS[options.layout ?? 'wide'];
  const labelRoom = Math.min(
    Math.round(width / 5),
    Math.max(0, ...rows.filter((_, i) => ends[i]! >= axis.max * 0.75).map((r) => Math.ceil(barValueText(r).length * fontSize * 0.62) + 10)),
  );

  const legend: LegendItem[] = usedGroups.map((g) => ({ label: g.label, color: colors.get(g.id)! }));
  if (hasRange) legend.push({ label: t('chart.range'), color: translucent(p.muted) });

  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => wrapLabel(rowAxisLabel(r), labelChars)),
      datasets,
    },
    options: {
      ...base,
      layout: { padding: { top: PADDING, right: PADDING + labelRoom, bottom: PADDING, left: PADDING } },
      scales: {
        x: xAxis(axis.max, axis.step),
        y: {
          type: 'category',
          border: { color: p.border },
          grid: { display: false },
          ticks: { color: p.text, font, autoSkip: false },
        },
      },
    },
    plugins: [groupLegendPlugin(legend, { ...text, color: p.text }), valueLabelsPlugin(rows.map(barValueText), text, p.bg), tooltip],
  };
}
