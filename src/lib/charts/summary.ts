/**
 * The chart in words: the static image's alt text and the canvas's accessible name. It states
 * the takeaway, then every drawn value with its date, then what the table lists but the chart
 * does not draw, so a screen-reader user loses nothing by not seeing the bars.
 */
import type { Chart } from '../content/schemas/chart';
import { t } from '../strings';
import { contextRows, dateText, drawnRows, rowAxisLabel, rowValueText } from './text';

export function chartSummary(chart: Chart): string {
  const drawn = drawnRows(chart);
  const context = contextRows(chart);
  const notDrawn = chart.rows.filter((r) => !drawn.includes(r) && !context.includes(r));
  const item = (r: Chart['rows'][number]) => `${rowAxisLabel(r)}: ${rowValueText(r)} (${dateText(r.asOf)})`;
  const parts = [
    `${t(`chart.kind.${chart.kind}`)}: ${chart.title}`,
    chart.takeaway,
    drawn.map(item).join('; '),
  ];
  // A map also says what it shows besides the figures: which regions, which cities, the locator.
  if (chart.map) {
    parts.push(`${t('map.regionsShown')}: ${chart.map.regions.map((r) => r.label).join(', ')}`);
    if (chart.map.places.length) parts.push(`${t('map.citiesShown')}: ${chart.map.places.map((p) => p.name).join(', ')}`);
    parts.push(t('map.locator'));
  }
  if (context.length) parts.push(`${t('chart.context')}: ${context.map(item).join('; ')}`);
  if (notDrawn.length) parts.push(`${t('chart.notDrawnList')}: ${notDrawn.map(item).join('; ')}`);
  // Each part ends with one full stop, unless it already ends a sentence ("How big is it?").
  return parts.map((p) => (/[.!?]$/.test(p.trim()) ? p.trim() : `${p.trim()}.`)).join(' ');
}
