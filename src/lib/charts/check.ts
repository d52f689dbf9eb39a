/**
 * Checks chart files (content/data/charts/<id>.yaml) and reports each problem as file + field +
 * what is wrong, in the same shape as the rest of the content check. Pure: file texts in,
 * charts and problems out. Called from checkContent (src/lib/content/check.ts) at build
 * start, and by the chart loader used by pages.
 */
import { parse as parseYaml } from 'yaml';
import { hiddenCharactersInData } from '../content/text';
import { fieldPath } from '../content/field-path';
import { chartSchema, type Chart, type ChartRecord, type ChartRow } from '../content/schemas/chart';
import type { Figure } from '../content/schemas/figures';
import { rowsFingerprint } from './fingerprint';

export interface ChartProblem {
  file: string;
  field: string;
  message: string;
}

export const CHART_FILE = /^content\/data\/charts\/([^/]+)\.ya?ml$/;

/** The value at a zod issue's path in the parsed YAML. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** A zod issue in words an editor can act on: a required field that is absent "is missing". */
function issueMessage(raw: unknown, issue: { code: string; message: string; path: readonly PropertyKey[] }): string {
  if (issue.code === 'invalid_type' && issue.path.length && valueAt(raw, issue.path) === undefined) return 'is missing';
  return issue.message;
}

/**
 * A row with its number and provenance: its own, or its figure's (`figure: <id>`). The row's
 * own note, when it has one, is kept; otherwise the figure's.
 */
export function resolveRow(row: ChartRecord['rows'][number], figures: ReadonlyMap<string, Figure>): ChartRow | string {
  if (!row.figure) return { ...row, approx: row.approx ?? false } as ChartRow;
  const f = figures.get(row.figure);
  if (!f) return `unknown figure id "${row.figure}" (no such id in content/data/figures.yaml)`;
  return {
    ...row,
    value: f.value,
    low: f.low,
    high: f.high,
    unit: f.unit,
    approx: f.approx,
    asOf: f.asOf,
    source: f.source,
    alsoSources: f.alsoSources,
    confidence: f.confidence,
    note: row.note ?? f.note,
  };
}

/** The drawn end of a row: its value, or the high end of its range. */
export const rowEnd = (r: Pick<ChartRow, 'value' | 'high'>): number => (r.value !== undefined ? r.value : r.high!);

/**
 * Part-to-whole rules: one whole (the row no other row is part of and that is part of none),
 * parts that name an existing row, and parts that add up: to their parent exactly when the
 * parent is itself a part (the €60bn + €30bn of a €90bn loan), to no more than the whole.
 */
export function partToWholeProblems(rows: readonly ChartRow[]): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const ids = new Map(rows.map((r, i) => [r.id, i] as const).filter(([id]) => id !== undefined));
  const wholes = rows.filter((r) => !r.partOf);
  if (wholes.length !== 1) problems.push({ field: 'rows', message: `a part-to-whole chart needs exactly one row without partOf (the whole); found ${wholes.length}` });
  rows.forEach((r, i) => {
    if (r.value === undefined) problems.push({ field: `rows[${i}].value`, message: 'parts and wholes need a single value, not a range' });
    if (r.partOf && !ids.has(r.partOf)) problems.push({ field: `rows[${i}].partOf`, message: `no row has id "${r.partOf}"` });
  });
  for (const [id, i] of ids) {
    const parent = rows[i]!;
    const parts = rows.filter((r) => r.partOf === id);
    if (!parts.length || parent.value === undefined) continue;
    const sum = parts.reduce((n, r) => n + (r.value ?? 0), 0);
    if (parent.partOf && Math.abs(sum - parent.value) > 1e-9) {
      problems.push({ field: `rows[${i}]`, message: `its parts add up to ${sum}, not ${parent.value}` });
    } else if (!parent.partOf && sum > parent.value + 1e-9) {
      problems.push({ field: `rows[${i}]`, message: `its parts add up to ${sum}, more than the whole (${parent.value})` });
    }
  }
  return problems;
}

/**
 * Validate every chart file against the schema, then its references: the file name must be
 * the id, every row's source and figure and every note's sources must be known ids.
 */
export function checkCharts(
  files: Readonly<Record<string, string>>,
  sourceIds: ReadonlySet<string>,
  /** The article's date (home.yaml asOf): rows after it must say so, rows before it must not. */
  articleDate?: string,
  /** Figure records that rows may name with `figure: <id>`. */
  figures: ReadonlyMap<string, Figure> = new Map(),
): { charts: Chart[]; problems: ChartProblem[] } {
  const charts: Chart[] = [];
  const problems: ChartProblem[] = [];
  for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const m = CHART_FILE.exec(file);
    if (!m) continue;
    const fileId = m[1]!;
    let raw: unknown;
    try {
      raw = parseYaml(text);
    } catch (e) {
      problems.push({ file, field: '(file)', message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
      continue;
    }
    for (const h of hiddenCharactersInData(raw)) problems.push({ file, field: fieldPath(h.path) || '(file)', message: h.message });
    const result = chartSchema.safeParse(raw ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file, field: fieldPath(issue.path) || '(file)', message: issueMessage(raw, issue) });
      }
      continue;
    }
    const rows: ChartRow[] = [];
    result.data.rows.forEach((r, i) => {
      const resolved = resolveRow(r, figures);
      if (typeof resolved === 'string') problems.push({ file, field: `rows[${i}].figure`, message: resolved });
      else rows.push(resolved);
    });
    if (rows.length !== result.data.rows.length) continue;
    const chart: Chart = { ...result.data, rows };
    rows.forEach((r, i) => {
      if (r.asOf > chart.updated) problems.push({ file, field: `rows[${i}].asOf`, message: `is ${r.asOf}, after the chart's updated date ${chart.updated}` });
      r.alsoSources.forEach((s, j) => {
        if (!sourceIds.has(s)) problems.push({ file, field: `rows[${i}].alsoSources[${j}]`, message: `unknown source id "${s}"` });
      });
    });
    if (!rows.some((r) => r.unit === chart.unit)) {
      problems.push({ file, field: 'unit', message: `no row is in the chart's unit "${chart.unit}", so nothing would be drawn` });
    }
    if (chart.kind === 'part-to-whole') for (const p of partToWholeProblems(rows)) problems.push({ file, ...p });
    if (chart.id !== fileId) {
      problems.push({ file, field: 'id', message: `is "${chart.id}" but the file is named "${fileId}"; they must match` });
    }
    chart.rows.forEach((r, i) => {
      if (!sourceIds.has(r.source)) problems.push({ file, field: `rows[${i}].source`, message: `unknown source id "${r.source}"` });
      if (articleDate && r.afterArticle && r.asOf <= articleDate) {
        problems.push({ file, field: `rows[${i}].afterArticle`, message: `is true but ${r.asOf} is not after the article (${articleDate})` });
      }
      if (articleDate && !r.afterArticle && r.asOf > articleDate) {
        problems.push({ file, field: `rows[${i}].afterArticle`, message: `must be true: ${r.asOf} is after the article (${articleDate})` });
      }
    });
    chart.notes.forEach((n, i) =>
      n.sources.forEach((s, j) => {
        if (!sourceIds.has(s)) problems.push({ file, field: `notes[${i}].sources[${j}]`, message: `unknown source id "${s}"` });
      }),
    );
    chart.changes.forEach((c, i) =>
      c.sources.forEach((s, j) => {
        if (!sourceIds.has(s)) problems.push({ file, field: `changes[${i}].sources[${j}]`, message: `unknown source id "${s}"` });
      }),
    );
    charts.push(chart);
  }
  return { charts, problems };
}

/**
 * Issue 19: a chart's rows may not change without a logged change (run by checkContent, over the
 * charts that passed checkCharts). The rows' fingerprint must be
 * the one recorded by the latest change-log entry that records one (`rows:`), or, when none does,
 * the one recorded as published (`publishedRows`).
 */
export function loggedRowsProblem(chart: Pick<Chart, 'rows' | 'changes' | 'publishedRows'>): { field: string; message: string } | undefined {
  const now = rowsFingerprint(chart.rows);
  const stamped = chart.changes.map((c, i) => ({ c, i })).filter(({ c }) => c.rows !== undefined);
  const last = stamped[stamped.length - 1];
  const logged = last ? last.c.rows : chart.publishedRows;
  if (logged === now) return undefined;
  if (logged === undefined) {
    return { field: 'publishedRows', message: `is missing: record the rows as published, publishedRows: ${now}, so the check can tell when they change without a logged change` };
  }
  const since = last ? `changes[${last.i}] (${last.c.date})` : 'publication (publishedRows)';
  return {
    field: 'rows',
    message: `changed since ${since} without a logged change (recorded ${logged}, now ${now}): say what changed in a new entry of changes (date, kind, text, sources) and give that entry rows: ${now}`,
  };
}
