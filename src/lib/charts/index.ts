/**
 * Chart builders: pure functions from a chart record (content/data/charts/<id>.yaml) to
 * everything shown around it. Note: `config` imports Chart.js (for its layout API); import it
 * only from build-time code and the lazily loaded browser module.
 */
export { chartAnchor, chartAssetFiles, chartAssetUrls } from './assets';
export { checkCharts } from './check';
export { chartCitation, type Citation } from './citation';
export { chartSummary } from './summary';
export { chartTable, parseCsv, sourceLabel, tableToCsv, type ChartTable } from './table';
export { minifySvg } from './svg';
