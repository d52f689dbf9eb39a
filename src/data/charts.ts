/**
 * Chart records for components and pages. The files are bundled by Vite (import.meta.glob,
 * raw text) and checked by the same function as the build-start content check, so a page can
 * never show a chart the check would refuse. Every lookup throws when the chart is missing.
 */
import { getCollection } from 'astro:content';
import type { Figure } from '../schemas/figures';
import type { Chart } from '../schemas/chart';
import type { Source } from '../schemas/sources';
import { checkCharts } from '../lib/charts/check';
import { chartHomes, type ChartHome } from '../lib/charts/homes';
import { allSources, MissingRecordError } from './store';

const raw = import.meta.glob<string>('/content/data/charts/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true });

let cache: Promise<{ charts: Map<string, Chart>; sources: Map<string, Source> }> | undefined;

async function load() {
  const sources = new Map((await allSources()).map((s) => [s.id, s]));
  const files = Object.fromEntries(Object.entries(raw).map(([path, text]) => [path.replace(/^\//, ''), text]));
  // Rows may take their number from a figure record (`figure: <id>`), so text and chart agree.
  const figures = new Map((await getCollection('figures')).map((e) => [e.data.id, e.data as Figure]));
  const { charts, problems } = checkCharts(files, new Set(sources.keys()), undefined, figures);
  if (problems.length) {
    throw new MissingRecordError(`chart files have problems:\n  ${problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n  ')}`);
  }
  return { charts: new Map(charts.map((c) => [c.id, c])), sources };
}

const data = () => (cache ??= load());

/** Every chart, in file-name order. */
export async function allCharts(): Promise<Chart[]> {
  return [...(await data()).charts.values()];
}

/** A chart and the sources its rows and notes cite. */
export async function requireChart(id: string, usedBy: string): Promise<{ chart: Chart; sources: Map<string, Source> }> {
  const { charts, sources } = await data();
  const chart = charts.get(id);
  if (!chart) throw new MissingRecordError(`${usedBy}: unknown chart id "${id}" (no content/data/charts/${id}.yaml)`);
  return { chart, sources };
}

/** The card a chart first appears in (see src/lib/charts/homes.ts). */
export async function chartHome(id: string): Promise<ChartHome | undefined> {
  const [stacks, cards] = await Promise.all([getCollection('stacks'), getCollection('cards')]);
  const bodies = new Map(cards.map((c) => [c.id, c.body ?? '']));
  return chartHomes(
    stacks.map((s) => s.data),
    (stack, card) => bodies.get(`${stack}/${card}`) ?? '',
  ).get(id);
}
