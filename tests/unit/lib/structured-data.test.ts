import { describe, expect, it } from 'vitest';
import { backgroundArticle, breadcrumbs, type ArticleInput, dataset, graph, organisation, serializeJsonLd, webPage, webSite, type Publisher } from '../../../src/lib/structured-data';
import type { Source } from '../../../src/lib/content/schemas/sources';
import { jsonLdProblems, vocabulary } from '../../support/schema-org';

const p: Publisher = {
  siteName: 'Explainer',
  siteUrl: 'https://example.org/sub/',
  publisher: { name: 'Desk', url: 'https://example.org/' },
  author: { name: 'Desk', url: 'https://example.org/' },
  logoUrl: 'https://example.org/sub/icon-512.png',
  locale: 'en-GB',
};
const article: Source = { id: 'bloomberg', publisher: 'Bloomberg News', title: 'The plan', date: '2025-12-18', url: 'https://news.example/plan', kind: 'article', tier: 'wire' };
const background: Source = { id: 'nato', publisher: 'NATO', title: 'The North Atlantic Treaty', date: '1949-04-04', url: 'https://nato.example/treaty', kind: 'background', tier: 'news' };

const input: ArticleInput = {
  url: 'https://example.org/sub/article-5/',
  headline: 'Article 5 and the plan',
  description: 'How the promise compares.',
  datePublished: '2025-12-18',
  dateModified: '2026-01-06',
  image: 'https://example.org/sub/og/article-5.png',
  basedOn: [article],
  citations: [background],
  parts: [{ name: 'Who is bound?', url: 'https://example.org/sub/article-5/#who-is-bound' }],
};
const articleNode = backgroundArticle(input, p);

describe('the vocabulary read from schema-dts', () => {
  it('knows the types we use and their inherited properties', () => {
    const { props } = vocabulary();
    expect(props.get('BackgroundNewsArticle')).toEqual(expect.any(Set));
    for (const prop of ['headline', 'isBasedOn', 'citation', 'dateModified', 'name']) expect(props.get('BackgroundNewsArticle')!.has(prop), prop).toBe(true);
    expect(props.get('DataDownload')!.has('contentUrl')).toBe(true);
    expect(props.get('Dataset')!.has('distribution')).toBe(true);
    expect(props.get('Dataset')!.has('headline')).toBe(true); // CreativeWork's
    expect(props.get('Organization')!.has('headline')).toBe(false);
  });
});

describe('builders make valid JSON-LD', () => {
  it('an explainer: BackgroundNewsArticle based on the article, citing the sources', () => {
    const doc = graph([articleNode, organisation(p), breadcrumbs([{ name: 'Explainer', url: p.siteUrl }, { name: 'Article 5', url: 'https://example.org/sub/article-5/' }])]);
    expect(jsonLdProblems(JSON.parse(JSON.stringify(doc)))).toEqual([]);
    expect(articleNode).toMatchObject({
      '@type': 'BackgroundNewsArticle',
      author: { '@id': 'https://example.org/sub/#publisher' },
      isBasedOn: [{ '@type': 'NewsArticle', url: article.url, datePublished: '2025-12-18', publisher: { name: 'Bloomberg News' } }],
      citation: [{ '@type': 'CreativeWork', url: background.url }],
    });
  });

  it('a different author is named, not referenced', () => {
    const node = backgroundArticle(input, { ...p, author: { name: 'Data team', url: 'https://example.org/team/' } });
    expect(node.author).toEqual({ '@type': 'Organization', name: 'Data team', url: 'https://example.org/team/' });
  });

  it('a chart: Dataset with its CSV as a DataDownload', () => {
    const d = dataset(
      {
        id: 'troops',
        name: 'Troop numbers',
        description: 'How big armies are, and would be under the plan, with the sources for each number.',
        url: 'https://example.org/sub/security-guarantees/#chart-troops',
        csvUrl: 'https://example.org/sub/charts/troops/troops.csv',
        dateModified: '2026-01-06',
        temporalCoverage: '2022-02-01/2025-12-18',
        variableMeasured: 'Troops',
        sources: [article],
      },
      { ...p, license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } },
    );
    expect(jsonLdProblems(JSON.parse(JSON.stringify(graph([d, organisation(p)]))))).toEqual([]);
    expect(d).toMatchObject({ license: 'https://creativecommons.org/licenses/by/4.0/', distribution: [{ '@type': 'DataDownload', encodingFormat: 'text/csv' }] });
  });

  it('other pages: typed page, site and breadcrumbs', () => {
    const page = webPage('CollectionPage', { url: 'https://example.org/sub/updates/', name: 'Updates', description: 'Every change.', image: 'https://example.org/sub/og/site.png' }, p);
    expect(jsonLdProblems(JSON.parse(JSON.stringify(graph([page, webSite(p, 'About the plan.'), organisation(p)]))))).toEqual([]);
  });
});

describe('the checker catches mistakes', () => {
  it('unknown types and properties, relative URLs, bad dates, dangling @id, missing required', () => {
    const bad = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'BackgroundNewsArticle', headline: 'x', url: '/relative/', datePublished: '18 December 2025', colour: 'red', publisher: { '@id': 'https://nowhere/#org' } },
        { '@type': 'Explainer', name: 'x' },
      ],
    };
    const problems = jsonLdProblems(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        '$.@graph[0]: BackgroundNewsArticle has no property "colour"',
        '$.@graph[0].url: "/relative/" is not an absolute URL',
        '$.@graph[0].datePublished: "18 December 2025" is not an ISO 8601 date',
        '$.@graph[0]: BackgroundNewsArticle needs "dateModified"',
        '$.@graph[0].publisher: @id "https://nowhere/#org" points to no node in the graph',
        '$.@graph[1]: "Explainer" is not a schema.org type',
      ]),
    );
  });
});

describe('serialising into a script element', () => {
  it('can never close the element, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = serializeJsonLd(value);
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
