/**
 * A chart's rows as one short fingerprint (issue 19), so the content check can tell that the rows
 * a reader sees changed since the change the chart's log last recorded. Each entry of a chart's
 * `changes` that changed its rows records the fingerprint of the rows after it (`rows: 1a2b3c4d`);
 * a chart whose rows were never changed records the fingerprint of its rows as published
 * (`publishedRows`). When the rows no longer match the latest recorded fingerprint, the check
 * refuses the chart until the change is logged, and says which fingerprint the new entry records.
 *
 * What counts is what a reader sees of a row: its label, group, number (value or range, unit,
 * "about", "more than"), date, sources, confidence and later-development flag, with the number and
 * provenance a figure row takes from its figure. A row's note and the chart's notes are words, not
 * rows: a change to them that matters is logged like any change of wording.
 *
 * Pure and dependency-free (FNV-1a, src/lib/hash.ts), so the same fingerprint comes out wherever the check runs.
 */
import type { ChartRow } from '../content/schemas/chart';
import { FINGERPRINT, fingerprint } from '../hash';

const FIELDS = ['label', 'group', 'id', 'partOf', 'value', 'low', 'high', 'unit', 'approx', 'moreThan', 'asOf', 'source', 'alsoSources', 'confidence', 'afterArticle'] as const;

/** The rows' fingerprint: eight hex digits. */
export function rowsFingerprint(rows: readonly Pick<ChartRow, (typeof FIELDS)[number]>[]): string {
  return fingerprint(JSON.stringify(rows.map((r) => FIELDS.map((f) => (r as Record<string, unknown>)[f] ?? null))));
}

export { FINGERPRINT };
