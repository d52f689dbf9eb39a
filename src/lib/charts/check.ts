/**
 * Checks chart files (content/data/charts/<id>.yaml) and reports each problem as file + field +
 * what is wrong, in the same shape as the rest of the content check. Pure: file texts in,
 * charts and problems out. Called from checkContent (src/lib/content-integrity.ts) at build
 * start, and by the chart loader used by pages.
 */
import { parse as parseYaml } from 'yaml';
import { chartSchema, type Chart } from '../../schemas/chart';

export interface ChartProblem {
  file: string;
  field: string;
  message: string;
}

export const CHART_FILE = /^content\/data\/charts\/([^/]+)\.ya?ml$/;

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

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
 * Validate every chart file against the schema, then its references: the file name must be
 * the id, every row's source and every note's sources must be known source ids.
 */
export function checkCharts(
  files: Readonly<Record<string, string>>,
  sourceIds: ReadonlySet<string>,
  /** The article's date (home.yaml asOf): rows after it must say so, rows before it must not. */
  articleDate?: string,
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
    const result = chartSchema.safeParse(raw ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file, field: fieldPath(issue.path) || '(file)', message: issueMessage(raw, issue) });
      }
      continue;
    }
    const chart = result.data;
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
    charts.push(chart);
  }
  return { charts, problems };
}
