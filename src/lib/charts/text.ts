/**
 * Text for charts: the value printed beside a bar, axis ticks, category labels. Every builder
 * (image, canvas, table, CSV, alt text) takes its words from here, so they cannot disagree.
 */
import type { Chart, ChartRow } from '../../schemas/chart';
import { formatAmount, formatDate, formatFigure, formatNumber } from '../format';
import { t } from '../strings';

type Unit = Chart['unit'];

/** Rows that are drawn: those in the chart's unit. The others are listed in the table only. */
export const drawnRows = (chart: Chart): ChartRow[] => chart.rows.filter((r) => r.unit === chart.unit);

/** A row's value as prose, as in the table: 'about €210bn', '$5bn to $7bn', '800,000 troops'. */
export const rowValueText = (row: ChartRow): string => formatFigure(row);

/**
 * The short value printed at the end of a bar. Counts drop their unit (the axis says "Troops");
 * money and shares keep theirs. A range reads '78.1%–81%'.
 */
export function barValueText(row: ChartRow): string {
  const one = (n: number) => (['troops', 'people', 'count'].includes(row.unit) ? formatNumber(n) : formatAmount(n, row.unit));
  const text = row.value !== undefined ? one(row.value) : `${one(row.low!)}–${one(row.high!)}`;
  return row.approx ? `about ${text}` : text;
}

/** Axis ticks, compact: 1,500,000 → '1.5m'; 200 eur-bn → '€200bn'; 50 percent → '50%'. */
export function tickText(n: number, unit: Unit): string {
  if (n === 0) return '0';
  if (unit === 'troops' || unit === 'people' || unit === 'count') {
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

const UNIT_NAMES: Record<Unit, string> = {
  people: 'people',
  troops: 'troops',
  'eur-bn': 'billions of euros',
  'usd-bn': 'billions of US dollars',
  'gbp-bn': 'billions of pounds',
  'chf-bn': 'billions of Swiss francs',
  percent: 'percent',
  km2: 'square kilometres',
  count: 'a count',
};

/** A unit in words, for notes and alt text: 'eur-bn' → 'billions of euros'. */
export const unitName = (unit: Unit): string => UNIT_NAMES[unit];

const CONFIDENCE: Record<ChartRow['confidence'], string> = { high: 'High', medium: 'Medium', low: 'Low' };
export const confidenceText = (c: ChartRow['confidence']): string => CONFIDENCE[c];

/** Dates as the reader sees them everywhere else on the site. */
export const dateText = formatDate;

/** How many rows have each confidence, for the source line: '6 high, 2 medium, 1 low'. */
export function confidenceCounts(chart: Chart): string {
  return (['high', 'medium', 'low'] as const)
    .map((c) => [c, chart.rows.filter((r) => r.confidence === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${n} ${c}`)
    .join(', ');
}
