/**
 * schema.org JSON-LD, built from records by pure functions. The return types come from
 * schema-dts (Google's typings of the schema.org vocabulary), so `astro check` rejects a
 * property the type does not have; tests check the properties each type needs.
 *
 *   every page     WebPage (or WebSite, CollectionPage, SearchResultsPage) + BreadcrumbList
 *   a stack page   BackgroundNewsArticle: the explainer, based on the article, citing sources
 *   each chart     Dataset with a DataDownload of its CSV
 *
 * Emitted as <script type="application/ld+json">: a data block, never executed, so the
 * strict CSP (which governs executed scripts) neither blocks it nor needs its hash.
 */
import type {
  BackgroundNewsArticle,
  BreadcrumbList,
  CreativeWork,
  Dataset,
  Graph,
  IdReference,
  ImageObject,
  Organization,
  Thing,
  WebPage,
  WebSite,
} from 'schema-dts';
import type { Source } from './content/schemas/sources';

export interface Org {
  name: string;
  url: string;
}

/** What every graph needs from the brand. All URLs absolute. */
export interface Publisher {
  /** Site name. */
  siteName: string;
  siteUrl: string;
  publisher: Org;
  author: Org;
  /** A square raster logo (JSON-LD consumers want PNG). */
  logoUrl: string;
  locale: string;
  license?: Org;
}

const orgId = (p: Publisher) => `${p.siteUrl}#publisher`;

export function organisation(p: Publisher): Organization {
  const logo: ImageObject = { '@type': 'ImageObject', url: p.logoUrl, width: '512', height: '512' };
  return { '@type': 'Organization', '@id': orgId(p), name: p.publisher.name, url: p.publisher.url, logo };
}

/** The author: the publisher itself (by reference) or another organisation. */
function author(p: Publisher): Organization | IdReference {
  return p.author.name === p.publisher.name && p.author.url === p.publisher.url
    ? { '@id': orgId(p) }
    : { '@type': 'Organization', name: p.author.name, url: p.author.url };
}

/** A source record as the work it is: the news article, or any other document. */
export function sourceWork(s: Source): CreativeWork {
  const common = {
    name: s.title,
    url: s.url,
    datePublished: s.date,
    publisher: { '@type': 'Organization', name: s.publisher } as Organization,
  };
  return s.kind === 'article' ? { '@type': 'NewsArticle', headline: s.title, ...common } : { '@type': 'CreativeWork', ...common };
}

export interface ArticleInput {
  url: string;
  headline: string;
  description: string;
  datePublished: string;
  dateModified: string;
  image: string;
  /** The reporting the explainer explains (kind: article). */
  basedOn: readonly Source[];
  /** Every source the explainer's cards cite. */
  citations: readonly Source[];
  /** The cards: name and anchor URL. */
  parts: readonly { name: string; url: string }[];
}

export function backgroundArticle(a: ArticleInput, p: Publisher): BackgroundNewsArticle {
  return {
    '@type': 'BackgroundNewsArticle',
    '@id': `${a.url}#article`,
    headline: a.headline,
    description: a.description,
    url: a.url,
    mainEntityOfPage: a.url,
    image: a.image,
    datePublished: a.datePublished,
    dateModified: a.dateModified,
    inLanguage: p.locale,
    author: author(p),
    publisher: { '@id': orgId(p) },
    isBasedOn: a.basedOn.map(sourceWork),
    citation: a.citations.map(sourceWork),
    hasPart: a.parts.map((c) => ({ '@type': 'WebPageElement', name: c.name, url: c.url })),
  };
}

export interface DatasetInput {
  id: string;
  name: string;
  description: string;
  /** The chart on its page (#chart-<id>). */
  url: string;
  csvUrl: string;
  imageUrl?: string;
  dateModified: string;
  /** Earliest and latest as-of dates of the rows. */
  temporalCoverage: string;
  /** What is measured, e.g. "Troops". */
  variableMeasured: string;
  sources: readonly Source[];
}

export function dataset(d: DatasetInput, p: Publisher): Dataset {
  return {
    '@type': 'Dataset',
    '@id': `${d.url.split('#')[0]}#dataset-${d.id}`,
    name: d.name,
    description: d.description,
    url: d.url,
    creator: { '@id': orgId(p) },
    publisher: { '@id': orgId(p) },
    ...(p.license ? { license: p.license.url } : {}),
    isAccessibleForFree: true,
    inLanguage: p.locale,
    dateModified: d.dateModified,
    temporalCoverage: d.temporalCoverage,
    variableMeasured: d.variableMeasured,
    ...(d.imageUrl ? { image: d.imageUrl } : {}),
    isBasedOn: d.sources.map(sourceWork),
    distribution: [{ '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: d.csvUrl, name: `${d.name} (CSV)` }],
  };
}

export function breadcrumbs(items: readonly { name: string; url: string }[]): BreadcrumbList {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: item.url })),
  };
}

export type PageType = 'WebPage' | 'CollectionPage' | 'SearchResultsPage';

export function webPage(type: PageType, page: { url: string; name: string; description: string; image: string }, p: Publisher): WebPage {
  return {
    '@type': type,
    '@id': `${page.url}#page`,
    url: page.url,
    name: page.name,
    description: page.description,
    image: page.image,
    inLanguage: p.locale,
    isPartOf: { '@id': `${p.siteUrl}#website` },
    publisher: { '@id': orgId(p) },
  } as WebPage;
}

export function webSite(p: Publisher, description: string): WebSite {
  return {
    '@type': 'WebSite',
    '@id': `${p.siteUrl}#website`,
    url: p.siteUrl,
    name: p.siteName,
    description,
    inLanguage: p.locale,
    publisher: { '@id': orgId(p) },
  };
}

/** One graph per page, with its own context. */
export function graph(nodes: readonly Thing[]): Graph {
  return { '@context': 'https://schema.org', '@graph': [...nodes] };
}

/**
 * JSON for a <script type="application/ld+json"> block: `<` is escaped so the text can never
 * close the element (`</script>`) or open a comment, and the line separators JavaScript
 * parsers dislike are escaped too. JSON parsers read the escapes back unchanged.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
