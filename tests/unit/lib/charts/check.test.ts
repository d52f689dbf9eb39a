import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkCharts } from '../../../../src/lib/charts/check';
import { checkContent } from '../../../../src/lib/content/check';
import { fixtureFiles } from '../../../support/fixtures';
import { input } from './fixture';

const FILE = 'content/data/charts/test-chart.yaml';
const known = new Set(['src-a', 'src-b']);
const check = (data: unknown, file = FILE) => checkCharts({ [file]: typeof data === 'string' ? data : stringify(data) }, known);
const messages = (data: unknown, file?: string) => check(data, file).problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);

describe('checkCharts', () => {
  it('accepts a valid chart file', () => {
    const { charts, problems } = check(input);
    expect(problems).toEqual([]);
    expect(charts.map((c) => c.id)).toEqual(['test-chart']);
  });

  it('names an unknown source id with file and field', () => {
    const bad = { ...input, rows: [{ ...input.rows[0], source: 'nobody-2025' }, ...input.rows.slice(1)] };
    expect(messages(bad)).toEqual([`${FILE}: rows[0].source: unknown source id "nobody-2025"`]);
    const badNote = { ...input, notes: [{ text: 'x', sources: ['src-a', 'ghost'] }] };
    expect(messages(badNote)).toEqual([`${FILE}: notes[0].sources[1]: unknown source id "ghost"`]);
  });

  it('takes a dated change log, and names a bad kind, a missing text or an unknown source with file and field', () => {
    const change = { date: '2026-12-02', kind: 'correction', text: 'Removed a bar we found only in a relay.', sources: ['src-a'] };
    const ok = check({ ...input, changes: [change] });
    expect(ok.problems).toEqual([]);
    expect(ok.charts[0]!.changes).toEqual([change]);
    expect(check(input).charts[0]!.changes).toEqual([]);
    expect(messages({ ...input, changes: [{ ...change, kind: 'erratum' }] })).toEqual([`${FILE}: changes[0].kind: must be one of update, correction, clarification, source-update`]);
    expect(messages({ ...input, changes: [{ ...change, text: undefined }] })).toEqual([
      `${FILE}: changes[0].text: is required: a correction is shown to readers as a notice, and its text is the notice`,
    ]);
    expect(messages({ ...input, changes: [{ ...change, sources: ['ghost'] }] })).toEqual([`${FILE}: changes[0].sources[0]: unknown source id "ghost"`]);
  });

  it('refuses an impossible or badly written date', () => {
    const bad = { ...input, rows: [{ ...input.rows[0], asOf: '2025-02-30' }, ...input.rows.slice(1)] };
    expect(messages(bad)).toEqual([`${FILE}: rows[0].asOf: must be a real date written YYYY-MM-DD`]);
    expect(messages({ ...input, updated: '18/12/2025' })).toContain(`${FILE}: updated: must be a real date written YYYY-MM-DD`);
  });

  it('says plainly when a field is missing', () => {
    const { takeaway: _t, ...noTakeaway } = input;
    expect(messages(noTakeaway)).toEqual([`${FILE}: takeaway: is missing`]);
    const { source: _s, ...row } = input.rows[0]!;
    expect(messages({ ...input, rows: [row, ...input.rows.slice(1)] })).toEqual([`${FILE}: rows[0].source: is missing (or give \`figure: <id>\`)`]);
  });

  it('refuses a row with neither value nor range, an unknown group, and a date after "updated"', () => {
    const { value: _v, ...noValue } = input.rows[0]!;
    expect(messages({ ...input, rows: [noValue, ...input.rows.slice(1)] })).toEqual([`${FILE}: rows[0].value: give either value, or low and high`]);
    expect(messages({ ...input, rows: [{ ...input.rows[0], group: 'nope' }, ...input.rows.slice(1)] })[0]).toMatch(/rows\[0\]\.group: unknown group "nope"/);
    expect(messages({ ...input, rows: [{ ...input.rows[0], asOf: '2026-01-01' }, ...input.rows.slice(1)] })).toEqual([
      `${FILE}: rows[0].asOf: is 2026-01-01, after the chart's updated date 2025-12-18`,
    ]);
  });

  it('keeps "after the article" honest against the article date', () => {
    const dated = (afterArticle: boolean, asOf: string) => checkCharts({ [FILE]: stringify({ ...input, updated: '2026-02-01', rows: [{ ...input.rows[0], asOf, afterArticle }] }) }, known, '2025-12-18').problems.map((p) => `${p.field}: ${p.message}`);
    expect(dated(false, '2025-12-19')).toEqual(['rows[0].afterArticle: must be true: 2025-12-19 is after the article (2025-12-18)']);
    expect(dated(true, '2025-12-18')).toEqual(['rows[0].afterArticle: is true but 2025-12-18 is not after the article (2025-12-18)']);
    expect(dated(true, '2026-01-14')).toEqual([]);
    expect(dated(false, '2025-12-18')).toEqual([]);
  });

  it('requires the file name to be the id, and valid YAML', () => {
    expect(messages(input, 'content/data/charts/other-name.yaml')).toEqual([
      'content/data/charts/other-name.yaml: id: is "test-chart" but the file is named "other-name"; they must match',
    ]);
    expect(messages('id: [unclosed')[0]).toMatch(/^content\/data\/charts\/test-chart\.yaml: \(file\): is not valid YAML/);
  });

  it('ignores files outside content/data/charts', () => {
    expect(checkCharts({ 'content/data/figures.yaml': 'nonsense: [' }, known)).toEqual({ charts: [], problems: [] });
  });
});

describe('checkContent runs the chart check', () => {
  it('reports chart problems alongside the rest, and resolves <Chart id> against chart files', () => {
    const files = fixtureFiles();
    const sourceId = (checkContent(files).model.sources[0]!).id;
    const chartFile = { ...input, rows: [{ ...input.rows[0], source: 'ghost-source' }, { ...input.rows[1], source: sourceId }], groups: input.groups, notes: [] };
    const { problems, model } = checkContent({ ...files, [FILE]: stringify(chartFile) });
    expect(problems.map((p) => `${p.file}: ${p.field}: ${p.message}`)).toContain(`${FILE}: rows[0].source: unknown source id "ghost-source"`);
    expect(model.charts.map((c) => c.id)).toEqual(['test-chart']);
  });
});
