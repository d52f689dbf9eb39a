/**
 * Every embeddable unit (each card, each chart) with the absolute URLs its embed codes and oEmbed
 * document need. Astro-side: reads the content model (src/data/store.ts, src/data/charts.ts);
 * the strings and JSON are made by the pure functions in src/lib/embed/codes.ts.
 */
import { allCards } from './cards';
import { allCharts, chartHome, requireChart } from './charts';
import { allSources, loadComparison, loadLayers, MissingRecordError, timelineEvents } from './store';
import { getBrand } from '../config/brand-loader';
import { currentEdition } from '../lib/editions';
import type { Chart } from '../lib/content/schemas/chart';
import type { Source } from '../lib/content/schemas/sources';
import { BLOCK_HEIGHT, estimateCardHeight, type EmbedUnit } from '../lib/embed/codes';
import { classFor, heightClasses, type MeasuredHeights } from '../lib/embed/heights';
import measured from './embed-heights.json';
import { chartIdsIn } from '../lib/content/mdx-scanner';
import { publisherNames } from '../lib/sources';
import { chartAnchor, chartAssetFiles } from '../lib/charts/assets';
import { chartSize } from '../lib/charts/config';
import { cardEmbedPath, cardPath, chartEmbedPath, oembedPath, withBase } from '../lib/urls';
import { cardDevelopedOn } from './developments';

export type CardEntry = Awaited<ReturnType<typeof allCards>>[number];

export interface UnitPage {
  unit: EmbedUnit;
  /** Route of the unit in the article, without the base ('security-guarantees/#european-force'). */
  route: string;
  /** The same with the base: the canonical place of the unit. */
  pagePath: string;
  /** Site-relative path (with base) of the embed page. */
  embedPath: string;
  /** "Bloomberg News, Reuters": the publishers of the unit's sources, each once (publisherNames). */
  sourceLine: string;
  /** YYYY-MM-DD the unit was last updated. */
  updated: string;
}

const abs = (path: string, site: string) => new URL(path, site).href;

/**
 * A unit's heights: its fixed-height classes from the built units' measured heights
 * (embed-heights.json, `npm run embed:heights`; src/lib/embed/heights.ts), and the height the
 * codes start from, the class for a 600 px column. A unit not measured, or whose height varies too
 * much for a fixed frame, has no classes and starts from the estimate.
 */
function heightsOf(key: string, estimate: number): Pick<EmbedUnit, 'height' | 'heightClasses'> {
  const table = measured as MeasuredHeights;
  // Each edition's units are measured on their own ('uk/article-5/legal-form'): translated text is longer.
  const edition = currentEdition();
  const classes = heightClasses(table.widths, table.units[edition === 'en' ? key : `${edition}/${key}`]);
  return classes ? { height: classFor(classes, 600).height, heightClasses: classes } : { height: estimate };
}

async function publishers(sourceIds: readonly string[], usedBy: string): Promise<string> {
  const byId = new Map((await allSources()).map((s) => [s.id, s]));
  const names = sourceIds.map((id) => {
    const s = byId.get(id);
    if (!s) throw new MissingRecordError(`${usedBy}: unknown source id "${id}"`);
    return s.publisher;
  });
  return publisherNames(names).join(', ');
}

/** Height of the block components in a card body (charts, quotes, timeline, comparison, layers), from their data. */
async function blockHeight(body: string): Promise<number> {
  const count = (name: string) => (body.match(new RegExp(`<${name}\\b`, 'g')) ?? []).length;
  let px = count('Quote') * BLOCK_HEIGHT.quote;
  for (const id of chartIdsIn(body)) {
    // A chart in a card has no embed footer, but has margins: about its embed height less 100 px.
    px += chartEmbedHeight((await requireChart(id, 'embed height')).chart) - 100;
  }
  if (count('Timeline')) px += count('Timeline') * (BLOCK_HEIGHT.block + timelineEvents().length * BLOCK_HEIGHT.timelineEvent);
  if (count('Comparison')) px += count('Comparison') * (BLOCK_HEIGHT.block + loadComparison().rows.length * BLOCK_HEIGHT.comparisonRow);
  if (count('Layers')) {
    const { layers, ladder } = loadLayers();
    px += count('Layers') * (BLOCK_HEIGHT.block + (layers.length + ladder.length) * BLOCK_HEIGHT.layerItem);
  }
  return px;
}

export async function cardUnitPage(card: CardEntry, site: string): Promise<UnitPage> {
  const embedPath = cardEmbedPath(card.stack, card.card);
  return {
    unit: {
      kind: 'card',
      key: `${card.stack}/${card.card}`,
      title: card.title,
      embedUrl: abs(embedPath, site),
      pageUrl: abs(cardPath(card.stack, card.card), site),
      oembedUrl: abs(oembedPath(embedPath), site),
      ...heightsOf(`${card.stack}/${card.card}`, estimateCardHeight(card.entry.body ?? '', card.title, card.entry.data.dek, await blockHeight(card.entry.body ?? ''))),
    },
    route: `${card.stack}/#${card.card}`,
    pagePath: cardPath(card.stack, card.card),
    embedPath,
    sourceLine: await publishers(card.sourceIds, `embed of card ${card.stack}/${card.card}`),
    updated: cardDevelopedOn(card.entry),
  };
}

/**
 * Starting height of a chart embed at a 600 px column: the drawn chart scaled from its 640 px
 * design width, plus title, takeaway, source line, notes, the table and citation summaries and
 * the embed's footer. The responsive embed replaces it with the measured height.
 */
export function chartEmbedHeight(chart: Chart): number {
  const drawn = (chartSize(chart).height * 576) / chartSize(chart).width;
  return Math.ceil((drawn + 430 + chart.notes.length * 42) / 10) * 10;
}

export async function chartUnitPage(chart: Chart, site: string): Promise<UnitPage> {
  // The chart's home is the first card that places it; a chart no card uses points at the home page.
  const home = await chartHome(chart.id);
  const route = home ? `${home.stack}/#${chartAnchor(chart.id)}` : '';
  const embedPath = chartEmbedPath(chart.id);
  const sourceIds = [...chart.rows.map((r) => r.source), ...chart.notes.flatMap((n) => n.sources)];
  return {
    unit: {
      kind: 'chart',
      key: `chart/${chart.id}`,
      title: chart.title,
      embedUrl: abs(embedPath, site),
      pageUrl: abs(withBase(route), site),
      oembedUrl: abs(oembedPath(embedPath), site),
      ...heightsOf(`chart/${chart.id}`, chartEmbedHeight(chart)),
    },
    route,
    pagePath: withBase(route),
    embedPath,
    sourceLine: await publishers(sourceIds, `embed of chart ${chart.id}`),
    updated: chart.updated,
  };
}

/** Every unit: cards in reading order, then charts in file order. */
export async function allUnitPages(site: string): Promise<UnitPage[]> {
  const cards = await Promise.all((await allCards()).map((c) => cardUnitPage(c, site)));
  const charts = await Promise.all((await allCharts()).map((c) => chartUnitPage(c, site)));
  return [...cards, ...charts];
}

/**
 * The chart's PNG as an oEmbed thumbnail, with the pixel size oEmbed wants. The size comes
 * from the drawing itself (src/lib/images/build-images.ts): whoever asks first draws the
 * chart's files into the image cache, and the chart-images integration then writes them from
 * there, so the PNG is drawn once per build.
 */
export async function chartThumbnail(chart: Chart, site: string): Promise<NonNullable<EmbedUnit['thumbnail']>> {
  const { cachedChartImages } = await import('../lib/images/build-images');
  const sources = new Map<string, Source>((await allSources()).map((s) => [s.id, s]));
  const { png } = cachedChartImages(chart, sources, getBrand());
  return { url: abs(withBase(chartAssetFiles(chart.id).png), site), width: png.width, height: png.height };
}

/** Who provides the embeds, as oEmbed names it: the brand's name, home and credit line. */
export function oembedProvider(site: string) {
  const brand = getBrand();
  return { name: brand.name, url: abs(withBase(''), site), author: brand.credit };
}
