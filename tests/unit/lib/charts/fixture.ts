/** A small chart record and its sources, shaped like content/data/charts/*.yaml, for builder tests. */
import { chartSchema, type Chart, type ChartInput, type ChartRow } from '../../../../src/lib/content/schemas/chart';
import { resolveRow } from '../../../../src/lib/charts/check';
import type { Source } from '../../../../src/lib/content/schemas/sources';

export const sources = new Map<string, Source>([
  ['src-a', { id: 'src-a', publisher: 'Alpha News', title: 'Armies compared', date: '2025-01-15', url: 'https://alpha.example/a', kind: 'background', tier: 'news' }],
  ['src-b', { id: 'src-b', publisher: 'Beta, "Daily"', title: 'Caps, drafts and plans', date: '2025-11-21', url: 'https://beta.example/b', kind: 'background', tier: 'news' }],
]);

export const input: ChartInput = {
  id: 'test-chart',
  title: 'How big?',
  takeaway: 'Plans range widely.',
  unit: 'troops',
  axisLabel: 'Troops',
  updated: '2025-12-18',
  groups: [
    { id: 'caps', label: 'Caps' },
    { id: 'actual', label: 'Actual' },
    { id: 'other', label: 'Russia, for comparison', role: 'context' },
  ],
  rows: [
    { label: 'Cap one', value: 600000, unit: 'troops', asOf: '2025-11-21', source: 'src-b', confidence: 'high', group: 'caps' },
    { label: 'Actual size', value: 880000, unit: 'troops', asOf: '2025-01-15', source: 'src-a', confidence: 'high', group: 'actual', note: 'An official claim.' },
    { label: 'Estimate', low: 50000, high: 85000, unit: 'troops', asOf: '2022-04-15', source: 'src-b', confidence: 'low', group: 'caps' },
    { label: 'Split', value: 30000, unit: 'troops', asOf: '2025-12-18', source: 'src-b', confidence: 'medium', group: 'caps', afterArticle: true },
    { label: 'Russia', value: 1500000, unit: 'troops', asOf: '2024-12-01', source: 'src-a', confidence: 'high', group: 'other' },
    { label: 'Elsewhere', value: 30, approx: true, unit: 'usd-bn', asOf: '2025-12-09', source: 'src-a', confidence: 'medium', group: 'other' },
  ],
  notes: [{ text: 'A note.', sources: ['src-a'] }],
};

/** Parsed as the content check does: every row filled in (these rows name no figure). */
const parse = (raw: ChartInput): Chart => {
  const record = chartSchema.parse(raw);
  return { ...record, rows: record.rows.map((r) => resolveRow(r, new Map()) as ChartRow) };
};
export const chart: Chart = parse(input);
export const makeChart = (patch: Partial<ChartInput>): Chart => parse({ ...input, ...patch });
