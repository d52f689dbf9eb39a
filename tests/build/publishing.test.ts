/**
 * What the built site tells the outside world, at the root and under a sub-path: every page's
 * canonical URL, title, description, Open Graph/Twitter tags with a 1200×630 PNG that exists
 * in the build, and valid JSON-LD of the type the page is; the sitemap (article pages, never
 * embeds) and robots.txt; the updates feed (each change an item linking to a card anchor that
 * exists); the manifest and icons.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { componentUses } from '../../src/lib/content/mdx-scanner';
import { latestDevelopment } from '../../src/lib/updates';
import { chartAnchor, chartAssetFiles } from '../../src/lib/charts/assets';
import { socialImageFile } from '../../src/lib/social';
import { loadBrand } from '../../src/config/brand-loader';
import { builds, ROOT, SITE_URL } from '../support/builds';
import { assertBuilt, fileForPath, idsIn, listFiles, listHtml, readText } from '../support/dist';
import { attr, editionRoute, elements, isEmbedRoute, parseHtml, textOf, type Document } from '../support/html';
import { jsonLdProblems, nodeOfType, typedNodes } from '../support/schema-org';

const { model } = checkContent(readContentFiles(ROOT));
const brand = loadBrand('src/config/brand.yaml', ROOT);
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

const pngSize = (file: string) => {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString(), `${file} is a PNG`).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

interface Head {
  doc: Document;
  title: string;
  canonical?: string;
  meta: (key: string) => string | undefined;
  links: (rel: string) => { href: string; type?: string }[];
  jsonLd: unknown[];
  noindex: boolean;
}

function head(html: string): Head {
  const doc = parseHtml(html);
  const all = [...elements(doc)];
  const metas = all.filter((e) => e.tagName === 'meta');
  const links = all.filter((e) => e.tagName === 'link');
  return {
    doc,
    title: textOf(all.find((e) => e.tagName === 'title')!).trim(),
    canonical: links.find((l) => attr(l, 'rel') === 'canonical') && attr(links.find((l) => attr(l, 'rel') === 'canonical')!, 'href'),
    meta: (key) => {
      const m = metas.find((e) => attr(e, 'property') === key || attr(e, 'name') === key);
      return m && attr(m, 'content');
    },
    links: (rel) => links.filter((l) => attr(l, 'rel') === rel).map((l) => ({ href: attr(l, 'href')!, type: attr(l, 'type') })),
    jsonLd: all.filter((e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json').map((e) => JSON.parse(textOf(e))),
    noindex: metas.some((e) => attr(e, 'name') === 'robots' && /noindex/.test(attr(e, 'content') ?? '')),
  };
}

/** The page a built file is served as: 'x/index.html' → 'x/', 'index.html' → ''. */
const routeOf = (file: string) => file.replace(/index\.html$/, '');

/** The schema.org type a page must declare. */
function expectedType(route: string): string {
  if (route === '') return 'WebSite';
  if (model.stacks.some((s) => `${s.id}/` === route)) return 'BackgroundNewsArticle';
  if (route === 'sources/' || route === 'updates/') return 'CollectionPage';
  if (route === 'search/') return 'SearchResultsPage';
  return 'WebPage';
}

for (const [name, { base, outDir }] of Object.entries(builds)) {
  describe(`publishing: ${name} build (base ${base})`, () => {
    assertBuilt(outDir);
    const origin = new URL(base, SITE_URL).href;
    const pages = listHtml(outDir).map((file) => ({ file, route: routeOf(file), head: head(readText(outDir, file)) }));
    /** A URL of this site → the file serving it (or undefined). */
    const fileOf = (url: string) => (url.startsWith(origin) ? fileForPath(outDir, url.slice(origin.length)) : undefined);

    it('every page has a title, a description and an absolute canonical URL on this site', () => {
      const bad: string[] = [];
      for (const { file, route, head: h } of pages) {
        if (!h.title) bad.push(`${file}: no <title>`);
        if (!h.meta('description')) bad.push(`${file}: no meta description`);
        if (!h.canonical?.startsWith(origin)) bad.push(`${file}: canonical ${h.canonical} is not under ${origin}`);
        else if (!h.noindex && file !== '404.html' && h.canonical !== origin + route) bad.push(`${file}: canonical ${h.canonical} is not the page itself`);
      }
      expect(bad).toEqual([]);
    });

    it('every page has Open Graph and Twitter tags with a 1200×630 PNG that exists in the build', () => {
      const bad: string[] = [];
      for (const { file, head: h } of pages) {
        for (const key of ['og:title', 'og:description', 'og:type', 'og:url', 'og:site_name', 'og:locale', 'og:image:alt', 'twitter:image:alt']) {
          if (!h.meta(key)) bad.push(`${file}: no ${key}`);
        }
        if (h.meta('og:url') !== h.canonical) bad.push(`${file}: og:url differs from the canonical URL`);
        if (h.meta('twitter:card') !== 'summary_large_image') bad.push(`${file}: twitter:card is not summary_large_image`);
        const image = h.meta('og:image') ?? '';
        const imageFile = fileOf(image);
        if (!/^https?:\/\//.test(image) || !image.endsWith('.png')) bad.push(`${file}: og:image ${image} is not an absolute PNG URL`);
        else if (!imageFile) bad.push(`${file}: og:image ${image} is not in the build`);
        else {
          const size = pngSize(join(outDir, imageFile));
          if (size.width !== 1200 || size.height !== 630) bad.push(`${file}: og:image is ${size.width}×${size.height}`);
          if (h.meta('og:image:width') !== '1200' || h.meta('og:image:height') !== '630') bad.push(`${file}: og:image size tags`);
        }
      }
      expect(bad).toEqual([]);
    });

    it('every explainer page shares its own card, and every card and chart has one', () => {
      for (const s of model.stacks) expect(pages.find((p) => p.route === `${s.id}/`)!.head.meta('og:image')).toBe(origin + socialImageFile({ kind: 'stack', stack: s.id }));
      for (const c of model.cards) expect(existsSync(join(outDir, socialImageFile({ kind: 'card', stack: c.stack, card: c.id }))), c.path).toBe(true);
      for (const c of model.charts) expect(existsSync(join(outDir, socialImageFile({ kind: 'chart', chart: c.id }))), c.id).toBe(true);
    });

    it('every indexed page has one valid JSON-LD graph of its type; noindex pages have none', () => {
      const bad: string[] = [];
      for (const { file, route, head: h } of pages) {
        if (h.noindex) {
          if (h.jsonLd.length) bad.push(`${file}: noindex page with JSON-LD`);
          continue;
        }
        if (h.jsonLd.length !== 1) {
          bad.push(`${file}: ${h.jsonLd.length} JSON-LD blocks`);
          continue;
        }
        const doc = h.jsonLd[0] as never;
        for (const p of jsonLdProblems(doc)) bad.push(`${file}: ${p}`);
        // A Ukrainian page is the same kind of page as its English counterpart.
        if (!nodeOfType(doc, expectedType(editionRoute(route)))) bad.push(`${file}: no ${expectedType(editionRoute(route))} node`);
        // Every URL in the graph that points into this site exists.
        for (const { node } of typedNodes(doc)) {
          for (const key of ['url', 'item', 'contentUrl', 'image']) {
            const v = node[key];
            if (typeof v === 'string' && v.startsWith(origin) && !fileOf(v)) bad.push(`${file}: ${node['@type']}.${key} ${v} is not in the build`);
          }
        }
        if (editionRoute(route) !== '' && !nodeOfType(doc, 'BreadcrumbList')) bad.push(`${file}: no BreadcrumbList`);
      }
      expect(bad).toEqual([]);
    });

    it('each explainer is a BackgroundNewsArticle based on the article, citing its sources, with a Dataset for each chart', () => {
      const article = model.sources.find((s) => s.kind === 'article')!;
      for (const stack of model.stacks) {
        const page = pages.find((p) => p.route === `${stack.id}/`)!;
        const doc = page.head.jsonLd[0] as never;
        const node = nodeOfType(doc, 'BackgroundNewsArticle')!;
        const cards = model.cards.filter((c) => c.stack === stack.id);
        expect(node).toMatchObject({
          headline: stack.title,
          description: stack.summary,
          datePublished: stack.published,
          // "Updated": the page's latest development, not a correction's or a source swap's day.
          dateModified: latestDevelopment(
            stack.published,
            cards.flatMap((c) => c.data.changes),
            cards.some((c) => /<Timeline\b/.test(c.body)) ? model.timeline.filter((e) => e.afterArticle).map((e) => e.date) : [],
          ),
          url: `${origin}${stack.id}/`,
          inLanguage: brand.locale,
        });
        expect(page.head.meta('article:modified_time')).toBe(node.dateModified);
        expect(node.isBasedOn).toEqual(expect.arrayContaining([expect.objectContaining({ '@type': 'NewsArticle', url: article.url })]));
        const cited = (node.citation as { url: string }[]).map((c) => c.url);
        for (const card of cards) for (const id of card.data.sources) {
          const s = model.sources.find((x) => x.id === id)!;
          if (s.kind !== 'article') expect(cited, `${card.path} cites ${id}`).toContain(s.url);
        }
        const publisher = typedNodes(doc).find((n) => n.node['@type'] === 'Organization' && n.node['@id'] === (node.publisher as { '@id': string })['@id']);
        expect(publisher?.node).toMatchObject({ name: brand.publisher.name, url: brand.publisher.url });
        // Each chart on the page: a Dataset whose CSV is in the build.
        const charts = [...new Set(cards.flatMap((c) => componentUses(c.body).filter((u) => u.component === 'Chart').map((u) => u.id)))];
        const datasets = typedNodes(doc).filter((n) => n.node['@type'] === 'Dataset').map((n) => n.node);
        expect(datasets.map((d) => d.url).sort()).toEqual(charts.map((id) => `${origin}${stack.id}/#${chartAnchor(id)}`).sort());
        for (const id of charts) {
          const d = datasets.find((x) => x.url === `${origin}${stack.id}/#${chartAnchor(id)}`)!;
          expect(d.distribution).toEqual([expect.objectContaining({ '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: origin + chartAssetFiles(id).csv })]);
          expect(existsSync(join(outDir, chartAssetFiles(id).csv)), `${id}.csv`).toBe(true);
          expect(idsIn(readText(outDir, page.file)).has(chartAnchor(id)), `#${chartAnchor(id)} on ${stack.id}`).toBe(true);
        }
      }
    });

    it('embed pages: noindex, canonical to their unit on the article page, and the unit’s social card', () => {
      const embeds = pages.filter((p) => isEmbedRoute(p.route) && editionRoute(p.route) !== 'embed/');
      for (const { file, head: h } of embeds) {
        expect(h.noindex, file).toBe(true);
        const [page, anchor] = h.canonical!.split('#');
        const target = fileOf(page!);
        expect(target, `${file}: canonical ${h.canonical}`).toBeDefined();
        if (anchor) expect(idsIn(readText(outDir, target!)).has(anchor), `${file}: #${anchor}`).toBe(true);
        expect(h.meta('og:image'), file).toMatch(/\/og\/.+\/.+\.png$/);
      }
    });

    it('the sitemaps (one per edition) list every article page with its counterpart, and no embed page; robots.txt points to both', () => {
      const robots = readText(outDir, 'robots.txt');
      const locs: string[] = [];
      for (const edition of ['', 'uk/']) {
        expect(robots).toContain(`Sitemap: ${origin}${edition}sitemap-index.xml`);
        const index = xml.parse(readText(outDir, `${edition}sitemap-index.xml`));
        const maps = [index.sitemapindex.sitemap].flat().map((s: { loc: string }) => s.loc);
        for (const map of maps) {
          const urls = [xml.parse(readText(outDir, map.slice(origin.length))).urlset.url].flat() as { loc: string; 'xhtml:link'?: { '@hreflang': string; '@href': string }[] }[];
          for (const u of urls) {
            locs.push(u.loc);
            // Each page names itself and its counterpart in the other edition (xhtml:link alternates).
            const alternates = [u['xhtml:link'] ?? []].flat().map((l) => [l['@hreflang'], l['@href']]);
            expect(alternates.map(([lang]) => lang).sort(), u.loc).toEqual(['en', 'uk']);
            for (const [, href] of alternates) expect(fileOf(href!), `${u.loc} → ${href}`).toBeDefined();
          }
        }
      }
      for (const loc of locs) {
        expect(loc.startsWith(origin), loc).toBe(true);
        expect(loc, 'no embed in the sitemap').not.toMatch(new RegExp(`^${origin}(uk/)?embed/`));
        expect(fileOf(loc), loc).toBeDefined();
      }
      const articlePages = ['', 'uk/'].flatMap((e) => ['', ...model.stacks.map((s) => `${s.id}/`), 'sources/', 'updates/'].map((r) => origin + e + r));
      expect(locs).toEqual(expect.arrayContaining(articlePages));
      // Every indexable page is listed (search and 404 are deliberately left out).
      const indexable = pages.filter((p) => !p.head.noindex && editionRoute(p.route) !== 'search/' && editionRoute(p.route) !== '404.html').map((p) => origin + p.route);
      expect(locs.sort()).toEqual(indexable.sort());
    });

    it('the feed parses, carries every change but source updates, and each item links to a card or chart anchor that exists', () => {
      const rss = xml.parse(readText(outDir, 'rss.xml')).rss;
      expect(rss['@version']).toBe('2.0');
      expect(rss.channel.title).toBe(brand.name);
      expect(rss.channel.link).toBe(origin);
      const items = [rss.channel.item ?? []].flat() as { title: string; link: string; guid: { '#text': string }; pubDate: string; description: string }[];
      // Source updates (a better copy of a source, nothing a reader was told) are not news.
      const changes = model.cards.flatMap((c) => c.data.changes.filter((ch) => ch.kind !== 'source-update').map((ch) => ({ card: c, ch })));
      expect(model.cards.some((c) => c.data.changes.some((ch) => ch.kind === 'source-update'))).toBe(true);
      // A chart's corrections and clarifications are news too (the notice at the top of the chart).
      const chartNotices = model.charts.flatMap((c) => c.changes.filter((ch) => ch.kind === 'correction' || ch.kind === 'clarification'));
      expect(items).toHaveLength(changes.length + chartNotices.length);
      expect(new Set(items.map((i) => i.guid['#text'])).size).toBe(items.length);
      const dates = items.map((i) => new Date(i.pubDate).getTime());
      expect(dates.every((d) => !Number.isNaN(d))).toBe(true);
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
      for (const item of items) {
        const [page, anchor] = item.link.split('#');
        const file = fileOf(page!);
        expect(file, item.link).toBeDefined();
        expect(idsIn(readText(outDir, file!)).has(anchor!), item.link).toBe(true);
        expect(item.description.length, item.link).toBeGreaterThan(10);
      }
      for (const { card, ch } of changes) {
        expect(items.some((i) => i.link === `${origin}${card.stack}/#${card.id}` && new Date(i.pubDate).toISOString().slice(0, 10) === ch.date), `${card.path} ${ch.date}`).toBe(true);
      }
      // Every page announces the feed.
      for (const { file, head: h } of pages.filter((p) => !isEmbedRoute(p.route))) {
        const alt = h.links('alternate').find((l) => l.type === 'application/rss+xml');
        // Each edition's pages name its own feed (/uk/rss.xml in Ukrainian).
        expect(alt?.href, file).toBe(`${base}${file.startsWith('uk/') ? 'uk/' : ''}rss.xml`);
      }
    });

    it('the host header file caches hashed bundles for a year (and nothing else)', () => {
      const rules = readText(outDir, '_headers').split(/\n(?=\S)/).filter((b) => !b.startsWith('#'));
      const cached = rules.filter((b) => /Cache-Control:/i.test(b)).map((b) => b.split('\n')[0]!.trim());
      expect(cached).toEqual([`${base}_astro/*`, `${base}uk/_astro/*`]);
      expect(rules.find((b) => b.startsWith(`${base}_astro/*`))).toMatch(/Cache-Control: public, max-age=31536000, immutable/);
    });

    it('the manifest and icons exist and are base-aware', () => {
      const manifest = JSON.parse(readText(outDir, 'manifest.webmanifest'));
      expect(manifest).toMatchObject({ name: brand.name, short_name: brand.shortName, start_url: base, scope: base, lang: brand.locale });
      for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
        const file = fileForPath(outDir, icon.src.slice(base.length));
        expect(file, icon.src).toBeDefined();
        if (icon.type === 'image/png') expect(`${pngSize(join(outDir, file!)).width}x${pngSize(join(outDir, file!)).height}`).toBe(icon.sizes);
      }
      const home = pages.find((p) => p.route === '')!.head;
      for (const rel of ['icon', 'apple-touch-icon', 'manifest']) {
        const hrefs = home.links(rel).map((l) => l.href);
        expect(hrefs.length, rel).toBeGreaterThan(0);
        for (const href of hrefs) {
          // A small SVG logo is written inline (src/lib/icons.ts): it must be the logo itself.
          if (href.startsWith('data:image/svg+xml,')) {
            expect(decodeURIComponent(href.slice('data:image/svg+xml,'.length))).toBe(readText(outDir, 'favicon.svg').trim().replace(/\s+/g, ' '));
            continue;
          }
          expect(fileForPath(outDir, href.slice(base.length)), href).toBeDefined();
        }
      }
      // The manifest starts at the home page and is linked from there only.
      for (const p of pages) expect(p.head.links('manifest').length, `${p.route || '/'} links the manifest`).toBe(editionRoute(p.route) === '' ? 1 : 0);
    });
  });
}

describe('publishing: the same images in both builds', () => {
  it('social cards and icons do not depend on the base path: identical bytes', () => {
    const images = (dir: string) => listFiles(dir).filter((f) => f.startsWith('og/') || /^(favicon|apple-touch-icon|icon-)/.test(f));
    const root = images(builds.root.outDir);
    expect(root.length).toBeGreaterThan(model.cards.length);
    expect(images(builds.sub.outDir)).toEqual(root);
    const differing = root.filter((f) => !readFileSync(join(builds.root.outDir, f)).equals(readFileSync(join(builds.sub.outDir, f))));
    expect(differing).toEqual([]);
  });
});
