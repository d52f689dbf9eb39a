import { describe, expect, it } from 'vitest';
import { chartTable, tableToCsv } from '../../../../src/lib/charts/table';
import { parseCsv } from '../../../support/csv';
import { chart, makeChart, sources } from './fixture';

const table = chartTable(chart, sources);

describe('chartTable', () => {
  it('has a group column when there are groups, then item, value, date, source, confidence, note', () => {
    expect(table.columns).toEqual(['Group', 'Item', 'Value', 'As of', 'Source', 'Confidence', 'Note']);
    const single = chartTable(makeChart({ groups: [{ id: 'caps', label: 'Caps' }], rows: [chart.rows[0]!] }), sources);
    expect(single.columns[0]).toBe('Item');
  });

  it('lists every row, drawn or not, in order, with provenance', () => {
    expect(table.rows).toHaveLength(chart.rows.length);
    expect(table.rows[1]).toEqual(['Actual', 'Actual size', '880,000 troops', '15 January 2025', 'Alpha News, “Armies compared”', 'High', 'An official claim.']);
    expect(table.rows[2]![2]).toBe('50,000 troops to 85,000 troops');
    expect(table.rows[2]![5]).toBe('Low');
    expect(table.rows[3]![1]).toBe('Split (later development)');
    expect(table.rows[5]![2]).toBe('about $30bn');
    expect(table.rows[5]![6]).toBe('Not drawn: reported in billions of US dollars; we have no sourced conversion to troops.');
  });

  it('refuses a row whose source is unknown', () => {
    expect(() => chartTable(chart, new Map())).toThrow(/unknown source id "src-b"/);
  });
});

describe('tableToCsv', () => {
  const csv = tableToCsv(table);

  it('is RFC 4180 with a BOM and CRLF line ends, quoting where needed', () => {
    expect(csv.startsWith('\uFEFFGroup,Item,Value,As of,Source,Confidence,Note\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"880,000 troops"');
    // A quote inside a field is doubled.
    expect(csv).toContain('"Beta, ""Daily"", “Caps, drafts and plans”"');
    expect(csv.split('\r\n')).toHaveLength(chart.rows.length + 2);
  });

  it('parses back to exactly the table: the CSV equals the table', () => {
    expect(parseCsv(csv)).toEqual([table.columns, ...table.rows]);
  });

  it('parses quoted line breaks and empty fields', () => {
    expect(parseCsv('a,"b\r\nc",\r\n,d\r\n')).toEqual([['a', 'b\r\nc', ''], ['', 'd']]);
  });
});
