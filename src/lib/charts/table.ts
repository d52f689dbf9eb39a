/**
 * Chart record → its data, for people and for programs. `chartData` reads each row once (its
 * number, unit, date, source, confidence and note); the HTML table (`chartTable`) and the CSV
 * download (`chartCsv`) are both written from what it returns, so they cannot disagree even
 * though they say it differently: the table in words a reader scans on a phone ("about €210bn,
 * as of 19 December 2025"), the CSV in columns a spreadsheet can sum (210, eur-bn, 2025-12-19).
 */
import type { Chart, ChartRow } from '../content/schemas/chart';
import type { Source } from '../content/schemas/sources';
import { shortPublisher } from '../sources';
import { t } from '../strings';
import { confidenceText, dateText, rowValueText, unitName } from './text';

type Unit = ChartRow['unit'];
type SourceInfo = Pick<Source, 'publisher' | 'title'> & Partial<Pick<Source, 'url'>>;

/** One row of a chart's data, everything the table and the CSV say about it. */
export interface DataRow {
  /** The row's group label, or undefined when the chart has one group (a column would say nothing). */
  group: string | undefined;
  label: string;
  afterArticle: boolean;
  /** A single number, or a range's ends (sources disagree). */
  value?: number;
  low?: number;
  high?: number;
  /** The source's own hedge, which a bare number would lose: "about", "more than" or "". */
  qualifier: '' | 'about' | 'more than';
  unit: Unit;
  /** YYYY-MM-DD. */
  asOf: string;
  /** The source's id (for links), its publisher, and its full name: 'Publisher, “Title”'. */
  sourceId: string;
  publisher: string;
  source: string;
  sourceUrl: string;
  confidence: ChartRow['confidence'];
  note: string;
  /** The value as prose, as the chart's tooltip and the site's text give it: 'about €210bn'. */
  valueText: string;
}

/** How a source is named in a table cell and a tooltip: 'Kyiv Independent, “Ukraine's military…”'. */
export const sourceLabel = (s: Pick<Source, 'publisher' | 'title'>): string => `${s.publisher}, “${s.title}”`;

/** The note cell: the row's own note, plus why it is not drawn when its unit differs. */
export function rowNote(chart: Chart, row: ChartRow): string {
  const parts = [row.note?.trim() ?? ''];
  if (row.unit !== chart.unit) parts.push(t('chart.notDrawn', { unit: unitName(row.unit), chartUnit: unitName(chart.unit) }));
  return parts.filter(Boolean).join(' ');
}

/** Every row of the chart, drawn or not, in the file's order. */
export function chartData(chart: Chart, sources: ReadonlyMap<string, SourceInfo>): DataRow[] {
  const withGroup = chart.groups.length > 1;
  const groupLabel = new Map(chart.groups.map((g) => [g.id, g.label]));
  return chart.rows.map((r) => {
    const source = sources.get(r.source);
    if (!source) throw new Error(`chart "${chart.id}": unknown source id "${r.source}"`);
    return {
      group: withGroup ? groupLabel.get(r.group)! : undefined,
      label: r.label,
      afterArticle: r.afterArticle,
      ...(r.value !== undefined ? { value: r.value } : { low: r.low!, high: r.high! }),
      qualifier: r.moreThan ? 'more than' : r.approx ? 'about' : '',
      unit: r.unit,
      asOf: r.asOf,
      sourceId: r.source,
      publisher: source.publisher,
      source: sourceLabel(source),
      sourceUrl: source.url ?? '',
      confidence: r.confidence,
      note: rowNote(chart, r),
      valueText: rowValueText(r),
    };
  });
}

/** A row of the HTML table: the item heads it; the date and confidence ride with the source. */
export interface TableRow {
  item: string;
  value: string;
  /** The publisher without its gloss, linked to its full entry (title, date, address) on the sources page. */
  source: { id: string; name: string };
  /** 'as of 15 January 2025', with the date for <time datetime>. */
  asOf: { iso: string; text: string };
  confidence: string;
  /** The row's note, as a number in the table's notes (1-based), if it has one. */
  note: number | undefined;
}

export interface ChartTable {
  /** Column headings: item, value, source, note. */
  columns: string[];
  /** Rows under their group's heading, in the file's order (a group shown again if it recurs). */
  sections: { group: string | undefined; rows: TableRow[] }[];
  /** The rows' notes, numbered in order of first use; rows with the same note share its number. */
  notes: string[];
}

/**
 * The table a reader sees. Four columns, not seven: source, date and confidence share one cell
 * (the publisher, linked to the source's full entry; the title is in the CSV and on the sources
 * page, and made rows three times taller on a phone), the group heads its rows, and a row's
 * note (often longer than the rest of the row) is a numbered note under the table. So a phone
 * can lay each row out as a short block (DataTable.astro) and a screen reader still reads a table.
 */
/** Magnitudes that stay on the line of their number in a cell: «210 млрд», «45 млн», «800 тис.». */
const MAGNITUDE = /^(?:млрд|млн|тис\.|bn|m|k)(?![\p{L}])/u;

/**
 * An amount as a narrow table cell may break it. Prose keeps a number and its word together with
 * no-break spaces («800 000 військових»); in a cell a third of a phone's width that made one
 * unbreakable run, which the browser then cut inside a word («військо|вих»). Here a line may
 * break after a word («близько | 210 млрд | євро») and between a number and its noun
 * («800 000 | військових»), never inside a number or between a number and its magnitude.
 */
export function cellAmount(text: string): string {
  return text.replace(/\u00a0/g, (nbsp: string, offset: number) => {
    const before = text[offset - 1] ?? '';
    const after = text.slice(offset + 1);
    if (/\p{L}/u.test(before)) return ' '; // after a word: «близько | 210»
    if (/^\p{L}/u.test(after) && !MAGNITUDE.test(after)) return ' '; // a number and its noun: «800 000 | військових»
    return nbsp; // a digit group (800 000), a magnitude (210 млрд), a sign (81 %)
  });
}

export function chartTable(chart: Chart, sources: ReadonlyMap<string, SourceInfo>): ChartTable {
  const sections: ChartTable['sections'] = [];
  const notes: string[] = [];
  const noteNumber = (text: string): number | undefined => {
    if (!text) return undefined;
    if (!notes.includes(text)) notes.push(text);
    return notes.indexOf(text) + 1;
  };
  for (const d of chartData(chart, sources)) {
    const row: TableRow = {
      item: d.afterArticle ? `${d.label} (${t('chart.afterArticle')})` : d.label,
      value: cellAmount(d.valueText),
      source: { id: d.sourceId, name: shortPublisher(d.publisher) },
      asOf: { iso: d.asOf, text: `${t('chart.asOf')} ${dateText(d.asOf)}` },
      // Mid-sentence: 'as of 15 January 2025, high confidence'.
      confidence: `${confidenceText(d.confidence).toLowerCase()} ${t('chart.confidence')}`,
      note: noteNumber(d.note),
    };
    const last = sections.at(-1);
    if (last && last.group === d.group) last.rows.push(row);
    else sections.push({ group: d.group, rows: [row] });
  }
  return { columns: [t('chart.col.item'), t('chart.col.value'), t('chart.col.source'), t('chart.col.note')], sections, notes };
}

/** The CSV's header line (stable names, so a newsroom's spreadsheet formulas keep working). */
export const CSV_COLUMNS = ['group', 'item', 'later_development', 'value', 'low', 'high', 'qualifier', 'unit', 'as_of', 'source', 'source_url', 'confidence', 'note'] as const;

/** A number as a CSV cell: plain digits and a point, no thousands separator ('196000', '78.1'). */
const csvNumber = (n: number | undefined): string => (n === undefined ? '' : String(n));

/** RFC 4180: quote a field when it holds a comma, quote or line break; double inner quotes. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV's cells, header first: numbers as numbers, units as the site's unit ids, ISO dates. */
export function csvCells(rows: DataRow[]): string[][] {
  return [
    [...CSV_COLUMNS],
    ...rows.map((d) => [
      d.group ?? '',
      d.label,
      d.afterArticle ? 'yes' : 'no',
      csvNumber(d.value),
      csvNumber(d.low),
      csvNumber(d.high),
      d.qualifier,
      d.unit,
      d.asOf,
      d.source,
      d.sourceUrl,
      d.confidence,
      d.note,
    ]),
  ];
}

/**
 * The data as CSV text: header line, then one line per row, CRLF line ends (RFC 4180), with a
 * UTF-8 byte-order mark so spreadsheet programs read "€" and "“" correctly.
 */
export function chartCsv(chart: Chart, sources: ReadonlyMap<string, SourceInfo>): string {
  const lines = csvCells(chartData(chart, sources)).map((cells) => cells.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
