import { describe, expect, it } from 'vitest';
import { cellAmount, chartCsv, chartData, chartTable, csvCells, CSV_COLUMNS } from '../../../../src/lib/charts/table';
import { formatFigure } from '../../../../src/lib/format';
import { parseCsv } from '../../../support/csv';
import { chart, makeChart, sources } from './fixture';

const table = chartTable(chart, sources);
const data = chartData(chart, sources);

describe('chartData', () => {
  it('reads every row, drawn or not, in the file’s order, with its number, unit, date and provenance', () => {
    expect(data).toHaveLength(chart.rows.length);
    expect(data[1]).toEqual({
      group: 'Actual',
      label: 'Actual size',
      afterArticle: false,
      value: 880000,
      qualifier: '',
      unit: 'troops',
      asOf: '2025-01-15',
      source: 'Alpha News, “Armies compared”',
      sourceId: 'src-a',
      publisher: 'Alpha News',
      sourceUrl: 'https://alpha.example/a',
      confidence: 'high',
      note: 'An official claim.',
      valueText: '880,000 troops',
    });
    expect(data[2]).toMatchObject({ low: 50000, high: 85000, confidence: 'low' });
    expect(data[2]!.value).toBeUndefined();
    expect(data[5]).toMatchObject({ value: 30, qualifier: 'about', unit: 'usd-bn', valueText: 'about $30bn' });
    expect(data[5]!.note).toBe('Not drawn: reported in billions of US dollars; we have no sourced conversion to troops.');
  });

  it('leaves the group out when the chart has one group', () => {
    const single = chartData(makeChart({ groups: [{ id: 'caps', label: 'Caps' }], rows: [chart.rows[0]!] }), sources);
    expect(single[0]!.group).toBeUndefined();
  });

  it('refuses a row whose source is unknown', () => {
    expect(() => chartData(chart, new Map())).toThrow(/unknown source id "src-b"/);
  });
});

describe('chartTable', () => {
  it('has four columns: item, value, source (with the date and confidence), note', () => {
    expect(table.columns).toEqual(['Item', 'Value', 'Source', 'Note']);
  });

  it('puts rows under their group, a group heading again where the file returns to it', () => {
    expect(table.sections.map((s) => [s.group, s.rows.map((r) => r.item)])).toEqual([
      ['Caps', ['Cap one']],
      ['Actual', ['Actual size']],
      ['Caps', ['Estimate', 'Split (later development)']],
      ['Russia, for comparison', ['Russia', 'Elsewhere']],
    ]);
  });

  it('says each row in words, the source with its date and confidence', () => {
    expect(table.sections[1]!.rows[0]).toEqual({
      item: 'Actual size',
      value: '880,000 troops',
      source: { id: 'src-a', name: 'Alpha News' },
      asOf: { iso: '2025-01-15', text: 'as of 15 January 2025' },
      confidence: 'high confidence',
      note: 1,
    });
    expect(table.sections[2]!.rows[0]!.value).toBe('50,000 troops to 85,000 troops');
  });

  it('numbers the rows’ notes under the table, one number per distinct note', () => {
    expect(table.notes).toEqual(['An official claim.', 'Not drawn: reported in billions of US dollars; we have no sourced conversion to troops.']);
    const rows = table.sections.flatMap((s) => s.rows);
    expect(rows.map((r) => r.note)).toEqual([undefined, 1, undefined, undefined, undefined, 2]);
    const twice = makeChart({ rows: [0, 1].map(() => ({ ...chart.rows[0]!, note: 'Same note.' })) });
    expect(chartTable(twice, sources).notes).toEqual(['Same note.']);
    expect(chartTable(twice, sources).sections.flatMap((s) => s.rows.map((r) => r.note))).toEqual([1, 1]);
  });
});

describe('chartCsv', () => {
  const csv = chartCsv(chart, sources);
  const [header, ...rows] = parseCsv(csv);
  const col = (name: (typeof CSV_COLUMNS)[number]) => header!.indexOf(name);

  it('is RFC 4180 with a BOM and CRLF line ends, quoting where needed', () => {
    expect(csv.startsWith('\uFEFFgroup,item,later_development,value,low,high,qualifier,unit,as_of,source,source_url,confidence,note\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // A quote inside a field is doubled.
    expect(csv).toContain('"Beta, ""Daily"", “Caps, drafts and plans”"');
    expect(csv.split('\r\n')).toHaveLength(chart.rows.length + 2);
    expect(parseCsv(csv)).toEqual(csvCells(data));
  });

  it('gives values as plain numbers with a unit column, ranges as low and high, dates as YYYY-MM-DD', () => {
    expect(rows[1]!.slice(col('value'), col('unit') + 1)).toEqual(['880000', '', '', '', 'troops']);
    expect(rows[2]!.slice(col('value'), col('high') + 1)).toEqual(['', '50000', '85000']);
    expect(rows[5]!.slice(col('value'), col('unit') + 1)).toEqual(['30', '', '', 'about', 'usd-bn']);
    expect(rows[3]![col('later_development')]).toBe('yes');
    for (const r of rows) {
      expect(r[col('as_of')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const c of ['value', 'low', 'high'] as const) expect(r[col(c)]).toMatch(/^(-?\d+(\.\d+)?)?$/);
    }
    expect(csv).not.toContain('880,000');
    expect(csv).not.toContain('January');
  });

  it('keeps "more than" and decimals as the record has them', () => {
    const share = makeChart({ unit: 'percent', rows: [{ label: 'Share', value: 78.1, moreThan: true, unit: 'percent', asOf: '2026-01-01', source: 'src-a', confidence: 'medium', group: 'caps' }] });
    const [, row] = parseCsv(chartCsv(share, sources));
    expect(row!.slice(3, 8)).toEqual(['78.1', '', '', 'more than', 'percent']);
  });

  it('says the same numbers as the table: each CSV row, formatted, is the table row’s value', () => {
    const tableRows = table.sections.flatMap((s) => s.rows);
    rows.forEach((r, i) => {
      const num = (c: (typeof CSV_COLUMNS)[number]) => (r[col(c)] === '' ? undefined : Number(r[col(c)]));
      const figure = { value: num('value'), low: num('low'), high: num('high'), unit: r[col('unit')] as 'troops', approx: r[col('qualifier')] === 'about', moreThan: r[col('qualifier')] === 'more than' };
      expect(formatFigure(figure)).toBe(tableRows[i]!.value);
    });
  });

  it('parses quoted line breaks and empty fields', () => {
    expect(parseCsv('a,"b\r\nc",\r\n,d\r\n')).toEqual([['a', 'b\r\nc', ''], ['', 'd']]);
  });
});

describe('cellAmount: where a narrow table cell may break an amount', () => {
  const NB = '\u00a0';
  it('after a word and between a number and its noun, never inside a number, before a magnitude or a sign', () => {
    expect(cellAmount(`800${NB}000${NB}військових`)).toBe(`800${NB}000 військових`);
    expect(cellAmount(`близько${NB}210${NB}млрд${NB}євро`)).toBe(`близько 210${NB}млрд євро`);
    expect(cellAmount(`7,45${NB}млрд${NB}швейцарських${NB}франків`)).toBe(`7,45${NB}млрд швейцарських франків`);
    expect(cellAmount(`понад${NB}80${NB}%`)).toBe(`понад 80${NB}%`);
    expect(cellAmount('about €210bn')).toBe('about €210bn');
    expect(cellAmount(`45${NB}тис.${NB}км²`)).toBe(`45${NB}тис. км²`);
  });
});
