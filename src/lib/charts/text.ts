/**
 * Text for charts: the value printed beside a bar, axis ticks, category labels. Every builder
 * (image, canvas, table, CSV, alt text) takes its words from here, so they cannot disagree.
 */
import type { Chart, ChartRow } from '../content/schemas/chart';
import { formatAmount, formatDate, formatFigure, formatNumber, hedged } from '../format';
import { t, type StringKey } from '../strings';
import { currentEdition } from '../editions';
import { formatDateShortUk, formatTickUk } from '../format-uk';

type Unit = Chart['unit'];

/** The group a row belongs to. */
const groupOf = (chart: Chart, row: ChartRow) => chart.groups.find((g) => g.id === row.group);

/**
 * Rows set apart from the drawing as context: a bar chart's rows in a `context` group (such as
 * Russia's 1.5 million troops beside Ukraine's caps), which would stretch the axis until the
 * subject is crowded into a corner. They are said in a line under the chart and in the table.
 */
export const contextRows = (chart: Chart): ChartRow[] =>
  chart.kind === 'bar' ? chart.rows.filter((r) => r.unit === chart.unit && groupOf(chart, r)?.role === 'context') : [];

/**
 * Rows that are drawn, in drawing order: those in the chart's unit, less context rows; sorted
 * when the chart asks (descending by value, or a range's high end, within each group, groups
 * in the order listed). The others are listed in the table only.
 */
export function drawnRows(chart: Chart): ChartRow[] {
  const context = new Set(contextRows(chart));
  const rows = chart.rows.filter((r) => r.unit === chart.unit && !context.has(r));
  if (chart.sort !== 'descending') return rows;
  const groupIndex = (r: ChartRow) => chart.groups.findIndex((g) => g.id === r.group);
  const end = (r: ChartRow) => (r.value !== undefined ? r.value : r.high!);
  // Array.prototype.sort is stable: equal rows keep the file's order.
  return [...rows].sort((a, b) => groupIndex(a) - groupIndex(b) || end(b) - end(a));
}

/** A row's value as prose, as in the table: 'about €210bn', '$5bn to $7bn', '800,000 troops'. */
export const rowValueText = (row: ChartRow): string => formatFigure(row);

/** A number as a bar's label: counts without their unit (the axis names it), amounts with it. */
function shortAmount(n: number, unit: Unit): string {
  return ['troops', 'people', 'count'].includes(unit) ? formatNumber(n) : formatAmount(n, unit);
}

/**
 * A range the way a graphics desk writes it, the unit once: '€185–193bn', '78.1–81%',
 * '$280–300bn', '50,000–85,000'.
 */
export function shortRange(low: number, high: number, unit: Unit): string {
  const lo = shortAmount(low, unit);
  const hi = shortAmount(high, unit);
  const [, prefix = '', , suffix = ''] = /^(\D*?)([\d.,]+)(.*)$/.exec(hi) ?? [];
  // Drop the repeated unit from the low end when both ends share it.
  const bare = lo.startsWith(prefix) && lo.endsWith(suffix) ? lo.slice(prefix.length, lo.length - suffix.length || undefined) : lo;
  return `${prefix}${bare}–${hi.slice(prefix.length)}`;
}

/**
 * The short value printed at the end of a bar. Counts drop their unit (the axis says "Troops");
 * money and shares keep theirs. A range reads '78.1–81%' (see shortRange).
 */
export function barValueText(row: ChartRow): string {
  const text = row.value !== undefined ? shortAmount(row.value, row.unit) : shortRange(row.low!, row.high!, row.unit);
  return hedged(text, row);
}

/**
 * Axis ticks, compact: 1,500,000 → '1.5m'; 200 eur-bn → '€200bn'; 50 percent → '50%'. In the
 * Ukrainian edition counts read «500 тис.», «1 млн» (never "k" or "m").
 */
export function tickText(n: number, unit: Unit): string {
  if (n === 0) return '0';
  if (unit === 'troops' || unit === 'people' || unit === 'count') {
    if (currentEdition() === 'uk') return formatTickUk(n);
    if (Math.abs(n) >= 1_000_000) return `${formatNumber(Math.round(n / 10_000) / 100)}m`;
    if (Math.abs(n) >= 1_000) return `${formatNumber(Math.round(n / 10) / 100)}k`;
    return formatNumber(n);
  }
  return formatAmount(n, unit);
}

/** A row's category label with its markers, so low confidence and lateness never rely on colour. */
export function rowAxisLabel(row: ChartRow): string {
  const marks = [
    row.confidence === 'low' ? t('chart.lowConfidence') : '',
    row.afterArticle ? t('chart.afterArticle') : '',
  ].filter(Boolean);
  return marks.length ? `${row.label} (${marks.join(', ')})` : row.label;
}

/** Break a label into lines of at most `max` characters, at spaces (Chart.js draws arrays as lines). */
export function wrapLabel(text: string, max = 30): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A unit in words, for notes and alt text: 'eur-bn' → 'billions of euros' (interface text). */
export const unitName = (unit: Unit): string => t(`unit.${unit}` as StringKey);

/** A row's confidence in words: 'High'. */
export const confidenceText = (c: ChartRow['confidence']): string => t(`confidence.${c}` as StringKey);

/**
 * Dates as the reader sees them everywhere else on the site; in Ukrainian, the short form charts
 * and tables use (18 грудня 2025, without «року», which would crowd a cell or a label).
 */
export const dateText = (iso: string): string => (currentEdition() === 'uk' ? formatDateShortUk(iso) : formatDate(iso));

/** How many rows have each confidence, for the source line: '6 high, 2 medium, 1 low'. */
export function confidenceCounts(chart: Chart): string {
  return (['high', 'medium', 'low'] as const)
    .map((c) => [c, chart.rows.filter((r) => r.confidence === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n} ${confidenceText(c).toLowerCase()}`)
    .join(', ');
}

/** Words → lines no wider than `max` pixels, measured by a 2D context in its current font. */
export function wrapToWidth(ctx: { measureText(text: string): { width: number } }, text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
