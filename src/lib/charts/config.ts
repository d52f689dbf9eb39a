/**
 * Chart record → Chart.js configuration. One pure function feeds the static images drawn at
 * build time and the interactive canvas in the browser, so the two cannot disagree; the light
 * and dark variants differ only in the palette they read.
 *
 * Layout: horizontal bars (labels are sentences; they read best on the left), one dataset per
 * group so each group has one colour and one legend entry, `grouped: false` so every bar keeps
 * the full row height. A range row (sources disagree) is a solid bar to its low end plus a
 * translucent extension to its high end. Rows in another unit than the chart's are not drawn
 * (they are in the table). Two layouts (wide, narrow) share everything but sizes.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Chart, ChartRow } from '../../schemas/chart';
import { palette, type Mode } from '../palette';
import { t } from '../strings';
import { groupLegendPlugin, tooltipPlugin, valueLabelsPlugin, type LegendItem } from './plugins';
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
  narrow: { width: 360, labelChars: 16, fontSize: 12, maxTicks: 4 },
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

/** The font the build draws with (registered from @fontsource/inter, see chart-images.ts). */
export const IMAGE_FONT = 'Inter';

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
  const rows = drawnRows(chart);
  const extraLines = rows.reduce((n, r) => n + wrapLabel(rowAxisLabel(r), labelChars).length - 1, 0);
  const groups = chart.groups.filter((g) => rows.some((r) => r.group === g.id)).map((g) => g.label);
  const legend = legendLines(rows.some((r) => r.value === undefined) ? [...groups, t('chart.range')] : groups, width - PADDING * 2, fontSize);
  const height = PADDING * 2 + (legend ? legend * LEGEND_LINE + 8 : 0) + rows.length * ROW_HEIGHT + extraLines * EXTRA_LINE + AXIS_HEIGHT;
  return { width, height: Math.round(height) };
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
  /** CSS font-family for every text: Inter in images, the page's font in the browser. */
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

export function chartConfig(
  chart: Chart,
  mode: Mode,
  options: ConfigOptions = {},
  sourceName: (id: string) => string = (id) => id,
): ExChartConfig {
  const p: ChartColours = { ...palette[mode], ...options.colours };
  const family = options.fontFamily ?? IMAGE_FONT;
  const { labelChars, fontSize, maxTicks } = LAYOUTS[options.layout ?? 'wide'];
  const font = { family, size: fontSize };
  const rows = drawnRows(chart);
  const colors = groupColors(chart, p);
  const usedGroups = chart.groups.filter((g) => rows.some((r) => r.group === g.id));

  // A value row is a bar from zero. A range row is a solid bar to `low` (what every source
  // supports) plus a translucent extension to `high` (where they differ), so its length still
  // reads as an amount; a floating low–high bar would not.
  const solid = (r: ChartRow): BarValue => (r.value !== undefined ? r.value : r.low!);
  const barStyle = {
    hoverBorderColor: p.focus,
    hoverBorderWidth: 3,
    borderWidth: 0,
    grouped: false,
    skipNull: true,
    categoryPercentage: 0.8,
    barPercentage: 0.9,
  };
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

  // The value label of a bar that reaches (nearly) the right edge goes into the right padding;
  // estimated from its length (Inter semibold averages under 8 px a character at 13 px), so
  // the same space is reserved in the image and the canvas.
  const ends = rows.map((r) => (r.value !== undefined ? r.value : r.high!));
  const maxEnd = Math.max(...ends, 0);
  const labelRoom = Math.max(
    0,
    ...rows.filter((_, i) => ends[i]! >= maxEnd * 0.75).map((r) => Math.ceil(barValueText(r).length * fontSize * 0.62) + 10),
  );

  const legend: LegendItem[] = usedGroups.map((g) => ({ label: g.label, color: colors.get(g.id)! }));
  if (hasRange) legend.push({ label: t('chart.range'), color: translucent(p.muted) });
  const text = { color: p.text, family, size: fontSize };

  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => wrapLabel(rowAxisLabel(r), labelChars)),
      datasets,
    },
    options: {
      indexAxis: 'y',
      responsive: options.responsive ?? false,
      maintainAspectRatio: false,
      devicePixelRatio: options.devicePixelRatio,
      animation: options.animation ? { duration: 400 } : false,
      layout: { padding: { top: PADDING, right: PADDING + labelRoom, bottom: PADDING, left: PADDING } },
      interaction: { mode: 'nearest', axis: 'y', intersect: false },
      scales: {
        x: {
          type: 'linear',
          beginAtZero: true,
          grace: '4%',
          // A share cannot pass 100%; without this the nice-number rounding would draw 150%.
          ...(chart.unit === 'percent' ? { max: 100 } : {}),
          border: { color: p.border },
          grid: { color: p.border, tickColor: p.border },
          ticks: {
            color: p.muted,
            font,
            maxTicksLimit: maxTicks,
            callback: (value) => tickText(Number(value), chart.unit),
          },
          title: chart.axisLabel ? { display: true, text: chart.axisLabel, color: p.muted, font } : { display: false },
        },
        y: {
          type: 'category',
          border: { color: p.border },
          grid: { display: false },
          ticks: { color: p.text, font, autoSkip: false },
        },
      },
      // Chart.js's own legend, title and tooltip plugins are not registered (bytes); the
      // plugins below do those jobs.
      plugins: {},
    },
    plugins: [
      groupLegendPlugin(legend, { ...text, color: p.text }),
      valueLabelsPlugin(rows.map(barValueText), text),
      tooltipPlugin(rows.map((r) => tooltipLines(r, sourceName)), { background: p.text, color: p.bg, family, size: fontSize }),
    ],
  };
}
