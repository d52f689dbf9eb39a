/**
 * Chart records for components and pages, from the one content model (src/data/model.ts),
 * checked by the same content check as everything else, so a page can never show a chart the
 * check would refuse. Every lookup throws when the chart is missing.
 */
import type { Chart } from '../lib/content/schemas/chart';
import type { Source } from '../lib/content/schemas/sources';
import type { ChartHome } from '../lib/charts/homes';
import { contentIndex, MissingRecordError } from './model';

/** Every chart, in file-name order. */
export async function allCharts(): Promise<Chart[]> {
  return contentIndex().model.charts;
}

/** A chart and the sources its rows and notes cite. */
export async function requireChart(id: string, usedBy: string): Promise<{ chart: Chart; sources: ReadonlyMap<string, Source> }> {
  const { charts, sources } = contentIndex();
  const chart = charts.get(id);
  if (!chart) throw new MissingRecordError(`${usedBy}: unknown chart id "${id}" (no content/data/charts/${id}.yaml)`);
  return { chart, sources };
}

/** The card a chart first appears in (see src/lib/charts/homes.ts). */
export async function chartHome(id: string): Promise<ChartHome | undefined> {
  return contentIndex().chartHomes.get(id);
}
