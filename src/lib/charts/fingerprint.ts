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
 * Pure and dependency-free (FNV-1a), so the same fingerprint comes out wherever the check runs.
 */
import type { ChartRow } from '../content/schemas/chart';

const FIELDS = ['label', 'group', 'id', 'partOf', 'value', 'low', 'high', 'unit', 'approx', 'moreThan', 'asOf', 'source', 'alsoSources', 'confidence', 'afterArticle'] as const;

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The rows' fingerprint: eight hex digits. */
export function rowsFingerprint(rows: readonly Pick<ChartRow, (typeof FIELDS)[number]>[]): string {
  const canonical = JSON.stringify(rows.map((r) => FIELDS.map((f) => (r as Record<string, unknown>)[f] ?? null)));
  return fnv1a(canonical, 0x811c9dc5).toString(16).padStart(8, '0');
}

/** A fingerprint as written in a chart file. */
export const FINGERPRINT = /^[0-9a-f]{8}$/;
