/**
 * Astro-side assembly of what a page tells the outside world: its JSON-LD graph. Reads the
 * content model and the brand; the JSON-LD itself is made by the pure builders in
 * src/lib/structured-data.ts.
 */
import type { CollectionEntry } from 'astro:content';
import type { Thing } from 'schema-dts';
import { getBrand } from '../config/brand-loader';
import { cardSourceIds } from './store';
import { stackDevelopedOn } from './developments';
import { chartIdsIn } from '../lib/content/mdx-scanner';
import { contentIndex } from './model';
import { chartAnchor, chartAssetFiles } from '../lib/charts/assets';
import { chartSources } from '../lib/sources';
import { ICON_FILES } from '../lib/icons';
import { socialImagePath, type SocialTarget } from '../lib/social';
import {
  backgroundArticle,
  breadcrumbs,
  dataset,
  graph,
  organisation,
  webPage,
  webSite,
  type PageType,
  type Publisher,
} from '../lib/structured-data';
import { absoluteUrl, cardPath, stackPath } from '../lib/urls';
import { t } from '../lib/strings';
import type { Chart } from '../lib/content/schemas/chart';
import type { Stack } from '../lib/content/schemas/stacks';
import type { Source } from '../lib/content/schemas/sources';

const abs = (path: string, site: string) => new URL(path, site).href;

export function publisherOf(site: string): Publisher {
  const brand = getBrand();
  return {
    siteName: brand.name,
    siteUrl: absoluteUrl('', site),
    publisher: brand.publisher,
    author: brand.byline,
    logoUrl: absoluteUrl(ICON_FILES.icon512, site),
    locale: brand.locale,
    license: brand.license,
  };
}

export const socialImageUrl = (target: SocialTarget, site: string) => abs(socialImagePath(target), site);

/** A page's graph: the page (typed), the site and its publisher, and where the page sits. */
export function pageGraph(type: PageType, page: { path: string; title: string; description: string; image: SocialTarget }, site: string) {
  const p = publisherOf(site);
  const url = absoluteUrl(page.path, site);
  const nodes: Thing[] = [
    webPage(type, { url, name: page.title, description: page.description, image: socialImageUrl(page.image, site) }, p),
    webSite(p, t('site.description')),
    organisation(p),
  ];
  if (page.path !== '' && page.path !== '/') {
    nodes.push(breadcrumbs([{ name: p.siteName, url: p.siteUrl }, { name: page.title, url }]));
  }
  return graph(nodes);
}

/** A stack page's graph: the explainer article, its charts' datasets, and the breadcrumbs. */
export async function stackGraph(stack: Stack, entries: CollectionEntry<'cards'>[], site: string) {
  const p = publisherOf(site);
  const url = abs(stackPath(stack.id), site);
  const { sources } = contentIndex();
  const cited = [...new Set((await Promise.all(entries.map((e) => cardSourceIds(e)))).flat())];
  const basedOn = [...sources.values()].filter((s) => s.kind === 'article');
  const citations = cited.map((id) => sources.get(id)!).filter((s) => s && s.kind !== 'article');
  // The same date the page shows as "Updated": its latest development (src/data/developments.ts).
  const modified = stackDevelopedOn(stack.published, entries);
  const article = backgroundArticle(
    {
      url,
      headline: stack.title,
      description: stack.summary,
      datePublished: stack.published,
      dateModified: modified,
      image: socialImageUrl({ kind: 'stack', stack: stack.id }, site),
      basedOn,
      citations,
      parts: entries.map((e) => ({ name: e.data.title, url: abs(cardPath(stack.id, e.id.split('/').at(-1)!), site) })),
    },
    p,
  );
  const chartIds = [...new Set(entries.flatMap((e) => chartIdsIn(e.body ?? '')))];
  const datasets = chartIds.flatMap((id) => {
    const chart = contentIndex().charts.get(id);
    return chart ? [chartDataset(chart, url, sources, site)] : [];
  });
  return graph([article, ...datasets, organisation(p), breadcrumbs([{ name: p.siteName, url: p.siteUrl }, { name: stack.title, url }])]);
}

function chartDataset(chart: Chart, pageUrl: string, sources: ReadonlyMap<string, Source>, site: string) {
  const files = chartAssetFiles(chart.id);
  const dates = chart.rows.map((r) => r.asOf).sort();
  return dataset(
    {
      id: chart.id,
      name: chart.title,
      description: `${chart.takeaway} ${t('dataset.description')}`,
      url: `${pageUrl}#${chartAnchor(chart.id)}`,
      csvUrl: absoluteUrl(files.csv, site),
      imageUrl: absoluteUrl(files.png, site),
      dateModified: chart.updated,
      temporalCoverage: dates[0] === dates.at(-1) ? dates[0]! : `${dates[0]}/${dates.at(-1)}`,
      variableMeasured: chart.axisLabel ?? chart.unit,
      sources: chartSources(chart, sources),
    },
    publisherOf(site),
  );
}
