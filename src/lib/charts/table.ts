/**
 * Chart record → data table, and the table → CSV. The HTML table, the CSV download and the
 * alt text are all read from `chartTable`, so "the CSV equals the table" holds by construction
 * (and is still tested against the built HTML).
 */
import type { Chart, ChartRow } from '../../schemas/chart';
import type { Source } from '../../schemas/sources';
import { t } from '../strings';
import { confidenceText, dateText, rowValueText, unitName } from './text';

export interface ChartTable {
  /** Column headings. */
  columns: string[];
  /** One array of cell texts per row, in the chart's order. */
  rows: string[][];
}

/** How a source is named in a table cell and a tooltip: 'Kyiv Independent, “Ukraine's military…”'. */
export const sourceLabel = (s: Pick<Source, 'publisher' | 'title'>): string => `${s.publisher}, “${s.title}”`;

/** The note cell: the row's own note, plus why it is not drawn when its unit differs. */
export function rowNote(chart: Chart, row: ChartRow): string {
  const parts = [row.note?.trim() ?? ''];
  if (row.unit !== chart.unit) parts.push(t('chart.notDrawn', { unit: unitName(row.unit), chartUnit: unitName(chart.unit) }));
  return parts.filter(Boolean).join(' ');
}

export function chartTable(chart: Chart, sources: ReadonlyMap<string, Pick<Source, 'publisher' | 'title'>>): ChartTable {
  // The group column only earns its place when there is more than one group.
  const withGroup = chart.groups.length > 1;
  const groupLabel = new Map(chart.groups.map((g) => [g.id, g.label]));
  const columns = [
    ...(withGroup ? [t('chart.col.group')] : []),
    t('chart.col.item'),
    t('chart.col.value'),
    t('chart.col.asOf'),
    t('chart.col.source'),
    t('chart.col.confidence'),
    t('chart.col.note'),
  ];
  const rows = chart.rows.map((r) => {
    const source = sources.get(r.source);
    if (!source) throw new Error(`chart "${chart.id}": unknown source id "${r.source}"`);
    return [
      ...(withGroup ? [groupLabel.get(r.group)!] : []),
      r.afterArticle ? `${r.label} (${t('chart.afterArticle')})` : r.label,
      rowValueText(r),
      dateText(r.asOf),
      sourceLabel(source),
      confidenceText(r.confidence),
      rowNote(chart, r),
    ];
  });
  return { columns, rows };
}

/** RFC 4180: quote a field when it holds a comma, quote or line break; double inner quotes. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as CSV text: header line, then one line per row, CRLF line ends (RFC 4180), with a
 * UTF-8 byte-order mark so spreadsheet programs read "€" and "“" correctly.
 */
export function tableToCsv(table: ChartTable): string {
  const lines = [table.columns, ...table.rows].map((cells) => cells.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
