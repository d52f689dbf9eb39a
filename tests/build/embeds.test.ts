/**
 * Embeds in the built site, at the root and under a sub-path: every card and every chart has an
 * embed page (noindex, canonical to its place in the article, out of the search index, a link
 * back that opens in the top window) and a valid oEmbed document that its discovery links point
 * at; every card and chart in the article offers its embed codes; the host script has a stable
 * URL; both scripts are within their byte budgets; the gallery shows every unit.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync } from 'node:zlib';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { chartAnchor } from '../../src/lib/charts/assets';
import { ELEMENT_NAME } from '../../src/lib/embed/element';
import { EMBED_ATTR } from '../../src/lib/embed/host';
import { classFor, heightClasses } from '../../src/lib/embed/heights';
import measured from '../../src/data/embed-heights.json';
import { chartHomes } from '../../src/lib/charts/homes';
import { deferredScripts } from '../../src/lib/script-loader';
import { builds, ROOT, SITE_URL } from '../support/builds';
import { assertBuilt, fileForPath, idsIn, readText } from '../support/dist';
import { attr, elements, parseHtml, textOf, type Document, type Element } from '../support/html';
import { HEADER_HOSTS, parseHeadersFile, headersFor } from '../support/csp';

const KB = 1024;
const { model } = checkContent(readContentFiles(ROOT));

/** Chart id → the stack page of its home card (src/lib/charts/homes.ts). */
const chartHome = new Map([...chartHomes(model.stacks, (stack, card) => model.cards.find((c) => c.stack === stack && c.id === card)?.body ?? '')].map(([id, home]) => [id, home.stack]));

interface Expected {
  label: string;
  embedDir: string;
  /** Canonical route without base. */
  route: string;
  chart?: string;
}
const units: Expected[] = [
  ...model.cards.map((c) => ({ label: `card ${c.stack}/${c.id}`, embedDir: `embed/${c.stack}/${c.id}/`, route: `${c.stack}/#${c.id}` })),
  ...model.charts.map((c) => ({
    label: `chart ${c.id}`,
    embedDir: `embed/chart/${c.id}/`,
    route: chartHome.has(c.id) ? `${chartHome.get(c.id)}/#${chartAnchor(c.id)}` : '',
    chart: c.id,
  })),
];

const all = (doc: Document | Element, tag: string) => [...elements(doc)].filter((e) => e.tagName === tag);
const oembedLinks = (doc: Document) => all(doc, 'link').filter((l) => attr(l, 'rel') === 'alternate' && attr(l, 'type') === 'application/json+oembed');
const brotli = (path: string) => brotliCompressSync(readFileSync(path)).length;

describe('embeddable units in content', () => {
  it('are every card and every chart', () => {
    expect(units.filter((u) => !u.chart)).toHaveLength(model.cards.length);
    expect(units.filter((u) => u.chart)).toHaveLength(model.charts.length);
    expect(model.cards.length).toBeGreaterThan(0);
  });
});

for (const [name, { base, outDir }] of Object.entries(builds)) {
  describe(`embeds in the ${name} build (base ${base})`, () => {
    assertBuilt(outDir);
    const site = `${SITE_URL}${base}`;
    /** An absolute URL of this site → the file it is served from, or undefined. */
    const fileForUrl = (url: string) => (url.startsWith(site) ? fileForPath(outDir, url.slice(site.length)) : undefined);

    it('every embed\'s source line names each newsroom once (not "Bloomberg News, …, Bloomberg News" nor "Bloomberg, Bloomberg News")', () => {
      const key = (name: string) => name.toLowerCase().replace(/\s*\([^)]*\)$/, '').replace(/\s+news$/, '');
      const problems: string[] = [];
      for (const u of units) {
        const [line] = all(parseHtml(readText(outDir, `${u.embedDir}index.html`)), 'p').filter((p) => (attr(p, 'class') ?? '').split(/\s+/).includes('embed-source'));
        const names = textOf(line!).replace(/\s+/g, ' ').replace(/^Sources?: /, '').replace(/; updated .*$/, '').split(', ');
        const keys = names.map(key);
        if (new Set(keys).size !== keys.length) problems.push(`${u.label}: ${names.join(', ')}`);
      }
      expect(problems).toEqual([]);
    });

    it.each(units)('$label has an embed page: noindex, canonical to the unit, not indexed for search, linking back in the top window', (u) => {
      const file = `${u.embedDir}index.html`;
      expect(existsSync(join(outDir, file)), file).toBe(true);
      const html = readText(outDir, file);
      const doc = parseHtml(html);
      const metas = all(doc, 'meta');
      expect(metas.some((m) => attr(m, 'name') === 'robots' && /noindex/.test(attr(m, 'content') ?? ''))).toBe(true);
      const canonical = all(doc, 'link').filter((l) => attr(l, 'rel') === 'canonical');
      expect(canonical.map((l) => attr(l, 'href'))).toEqual([`${site}${u.route}`]);
      expect(html).not.toContain('data-pagefind-body');
      // No site chrome: no site header, navigation or search form.
      expect(all(doc, 'nav')).toHaveLength(0);
      expect(all(doc, 'form')).toHaveLength(0);
      // The unit is there under its anchor id, the canonical target exists on its page.
      if (u.route) {
        const [page, anchor] = u.route.split('#') as [string, string];
        expect(idsIn(html).has(anchor), `${file} shows #${anchor}`).toBe(true);
        expect(idsIn(readText(outDir, `${page}index.html`)).has(anchor), `${page} has #${anchor}`).toBe(true);
      }
      const back = all(doc, 'a').filter((a) => attr(a, 'class')?.split(/\s+/).includes('embed-more'));
      expect(back).toHaveLength(1);
      expect(attr(back[0]!, 'href')).toBe(`${base}${u.route}`);
      expect(attr(back[0]!, 'target')).toBe('_top');
      // Every other link opens in the top window too.
      expect(all(doc, 'base').map((b) => attr(b, 'target'))).toEqual(['_top']);
      // A source line and a credit line.
      const footer = all(doc, 'footer').find((f) => attr(f, 'class')?.includes('embed-footer'));
      expect(footer && textOf(footer)).toMatch(/Sources?: .+; updated \d{1,2} \w+ \d{4}\./);
    });

    it.each(units)('$label is light without JavaScript, whatever the reader’s system: dark only when asked (?theme=)', (u) => {
      const doc = parseHtml(readText(outDir, `${u.embedDir}index.html`));
      const html = all(doc, 'html')[0]!;
      expect(attr(html, 'data-theme'), 'the forced light theme tokens.css reads').toBe('light');
      expect(all(doc, 'meta').filter((m) => attr(m, 'name') === 'color-scheme').map((m) => attr(m, 'content'))).toEqual(['light']);
      // A chart's dark images match nothing until the embed's script is asked for dark or auto.
      const dark = all(doc, 'source').filter((e) => /-dark\.svg$/.test(attr(e, 'srcset') ?? ''));
      if (u.chart) expect(dark.length, 'a chart has dark image sources').toBeGreaterThan(0);
      for (const source of dark) {
        expect(attr(source, 'media')).toBe('not all');
        expect(attr(source, 'data-theme-media')).toMatch(/\(prefers-color-scheme: dark\)$/);
      }
    });

    it.each(units)('$label has a valid oEmbed document, found by its discovery links', (u) => {
      const doc = parseHtml(readText(outDir, `${u.embedDir}index.html`));
      const links = oembedLinks(doc);
      expect(links, 'exactly one discovery link on the embed page').toHaveLength(1);
      const href = attr(links[0]!, 'href')!;
      expect(href).toBe(`${site}${u.embedDir}oembed.json`);
      const jsonFile = fileForUrl(href);
      expect(jsonFile, `${href} resolves under ${base}`).toBeDefined();
      const json = JSON.parse(readText(outDir, jsonFile!)) as Record<string, unknown>;
      // oEmbed 1.0 §2.3.4: type and version always; rich needs html, width and height.
      expect(json.type).toBe('rich');
      expect(json.version).toBe('1.0');
      for (const key of ['title', 'provider_name', 'provider_url', 'html']) expect(typeof json[key], key).toBe('string');
      for (const key of ['width', 'height']) expect(Number.isInteger(json[key]) && (json[key] as number) > 0, key).toBe(true);
      expect(json.provider_url).toBe(site);
      const html = json.html as string;
      expect(html).toMatch(/^<blockquote><a href="[^"]+">[^<]+<\/a><\/blockquote><iframe [^>]+><\/iframe>$/);
      expect(html).toContain(`src="${site}${u.embedDir}"`);
      expect(html).toContain(`href="${site}${u.route}"`);
      // Thumbnail fields come as a set, and the image exists.
      const thumbs = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((k) => k in json);
      expect([0, 3]).toContain(thumbs.length);
      if (u.chart) {
        expect(thumbs).toHaveLength(3);
        expect(fileForUrl(json.thumbnail_url as string), `${String(json.thumbnail_url)} exists`).toBeDefined();
        const png = readFileSync(join(outDir, fileForUrl(json.thumbnail_url as string)!));
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([json.thumbnail_width, json.thumbnail_height]);
      }
    });

    it.each(units.filter((u) => u.route))('$label is discoverable from its page in the article and offers its embed codes there', (u) => {
      const page = u.route.split('#')[0]!;
      const html = readText(outDir, `${page}index.html`);
      const doc = parseHtml(html);
      const hrefs = oembedLinks(doc).map((l) => attr(l, 'href'));
      expect(hrefs).toContain(`${site}${u.embedDir}oembed.json`);
      for (const h of hrefs) expect(fileForUrl(h!), `${h} resolves`).toBeDefined();
      // The Embed control inside the card or chart: the three codes and a link to the embed page.
      const anchor = u.route.split('#')[1]!;
      const hasClass = (e: Element, c: string) => attr(e, 'class')?.split(/\s+/).includes(c) ?? false;
      const cards = [...elements(doc)].filter((e) => e.tagName === 'article' && hasClass(e, 'card'));
      const article = cards.find((e) => (u.chart ? all(e, 'figure').some((f) => attr(f, 'id') === anchor) : attr(e, 'aria-labelledby') === anchor));
      expect(article, `#${anchor} on ${page}`).toBeDefined();
      // One "Share & embed" control, at the end of the card's footer, holds the card's codes and
      // those of each chart it draws; no other embed control anywhere in the card.
      const shares = all(article!, 'details').filter((d) => hasClass(d, 'share-embed'));
      expect(shares, `one Share & embed control in #${anchor}`).toHaveLength(1);
      expect(all(article!, 'details').filter((d) => hasClass(d, 'embed-codes')), 'no second embed toggle').toEqual([]);
      const footer = all(article!, 'footer').find((f) => hasClass(f, 'card-footer'))!;
      expect(footer.childNodes.filter((n) => 'tagName' in n).at(-1)).toBe(shares[0]);
      const control = all(shares[0]!, 'div').find((d) => hasClass(d, 'embed-codes') && all(d, 'textarea').some((t) => textOf(t) === `${site}${u.embedDir}`));
      expect(control, `Embed codes of ${u.label} in #${anchor}`).toBeDefined();
      // Each code box says which code it holds: data-embed-code="script|responsive|iframe|oembed".
      const boxes = all(control!, 'div').filter((d) => attr(d, 'data-embed-code'));
      const codes = Object.fromEntries(boxes.map((b) => [attr(b, 'data-embed-code'), all(b, 'textarea')[0] ? textOf(all(b, 'textarea')[0]!) : undefined]));
      expect(Object.keys(codes)).toEqual(['responsive', 'script', 'iframe', 'oembed']);
      // A plain iframe only where the unit's measured heights allow a fixed frame
      // (src/lib/embed/heights.ts); otherwise its box says to use a self-sizing code.
      const iframeBox = boxes.find((b) => attr(b, 'data-embed-code') === 'iframe')!;
      const classes = heightClasses(measured.widths, (measured.units as Record<string, number[]>)[u.embedDir.slice('embed/'.length, -1)]);
      expect(codes.iframe === undefined, `${u.label}: self-sizing only`).toBe(!classes);
      expect(attr(iframeBox, 'data-self-sizing-only') !== undefined).toBe(!classes);
      if (classes) expect(codes.iframe).toContain(` height="${classFor(classes, 600).height}"`);
      expect(codes.responsive).toContain(`${EMBED_ATTR}="${site}${u.embedDir}"`);
      expect(codes.responsive).toContain(`<script async src="${site}embed.js"></script>`);
      expect(codes.script).toMatch(new RegExp(`^<${ELEMENT_NAME} src="${site}${u.embedDir}" data-height="\\d+"><a href="[^"]+">[^<]+</a></${ELEMENT_NAME}>\\n<script async src="${site}embed/element\\.js"></script>$`));
      if (classes) expect(codes.iframe).toMatch(new RegExp(`^<iframe src="${site}${u.embedDir}" title="[^"]+" width="100%" height="\\d+"`));
      expect(codes.oembed).toBe(`${site}${u.embedDir}`);
      // The script embed's fragment sits next to the embed page.
      expect(JSON.parse(readText(outDir, `${u.embedDir}fragment.json`))).toMatchObject({ version: 1, html: expect.stringContaining('embed-footer') });
      expect(all(control!, 'a').map((a) => attr(a, 'href'))).toContain(`${base}${u.embedDir}`);
    });

    it('keeps every embed page out of the search index', () => {
      const dir = join(outDir, 'pagefind/fragment');
      const urls = readdirSync(dir).map((f) => {
        const text = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
        return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
      });
      expect(urls.length).toBeGreaterThan(0);
      // Pagefind records URLs from the site root, without the base path, in both builds.
      expect(urls.filter((u) => u.includes('/embed/'))).toEqual([]);
      expect(urls.every((u) => u.startsWith('/')), urls.join(' ')).toBe(true);
    });

    it('serves the host script at a stable, unhashed URL, within 2 KB brotli', () => {
      const path = join(outDir, 'embed.js');
      expect(existsSync(path)).toBe(true);
      const code = readFileSync(path, 'utf8');
      expect(code).toContain(EMBED_ATTR);
      expect(code).not.toMatch(/\bimport\b|\bexport\b/); // a classic script: works without type="module"
      expect(brotli(path)).toBeLessThanOrEqual(2 * KB);
    });

    it('serves the script embed’s script and stylesheet at stable, unhashed URLs, the script within 2 KB brotli', () => {
      const path = join(outDir, 'embed/element.js');
      const code = readFileSync(path, 'utf8');
      expect(code).toContain(ELEMENT_NAME);
      expect(code).not.toMatch(/\bimport\b|\bexport\b|innerHTML|insertAdjacentHTML|outerHTML/); // classic, and never writes HTML
      expect(brotli(path)).toBeLessThanOrEqual(2 * KB);
      expect(readFileSync(join(outDir, 'embed/element.css'), 'utf8')).toMatch(/:host\s*{[^}]*--explainer-font/);
    });

    it('reports heights with one script written into each embed page (nothing to fetch first), within 2 KB brotli; the rest after the first paint', () => {
      const html = readText(outDir, `${units[0]!.embedDir}index.html`);
      const doc = parseHtml(html);
      const scripts = all(doc, 'script').filter((s) => attr(s, 'type') !== 'application/ld+json');
      // No script tag to fetch: the reporter is inline, the card's own scripts come after the first paint.
      expect(scripts.filter((s) => attr(s, 'src')), 'no script fetched before the first paint').toEqual([]);
      const inline = scripts.filter((s) => attr(s, 'data-scripts') === undefined).map((s) => textOf(s));
      expect(inline).toHaveLength(1);
      expect(inline[0]).toMatch(/responsive-embedded-sizing|postMessage/);
      expect(brotliCompressSync(Buffer.from(inline[0]!)).length).toBeLessThanOrEqual(2 * KB);
      expect(deferredScripts(html).every((src) => src.startsWith(`${base}_astro/`))).toBe(true);
      expect(all(doc, 'meta').some((m) => attr(m, 'name') === 'responsive-embedded-sizing')).toBe(true);
    });

    it('has a gallery of every unit: a thumbnail each, previews at 320, 600 and 900 px that load only when asked; noindex, linked from every page footer', () => {
      const html = readText(outDir, 'embed/index.html');
      const doc = parseHtml(html);
      expect(all(doc, 'meta').some((m) => attr(m, 'name') === 'robots' && /noindex/.test(attr(m, 'content') ?? ''))).toBe(true);
      // No placeholder the host script would upgrade at load, and no iframe in the markup.
      expect([...elements(doc)].filter((e) => attr(e, EMBED_ATTR) !== undefined)).toEqual([]);
      expect(all(doc, 'iframe')).toEqual([]);
      const placeholders = [...elements(doc)].filter((e) => attr(e, 'data-gallery-embed') !== undefined);
      const thumbs = all(doc, 'img').filter((i) => (attr(i, 'class') ?? '').split(/\s+/).includes('thumb'));
      for (const u of units) {
        const frames = placeholders.filter((p) => attr(p, 'data-gallery-embed') === `${base}${u.embedDir}`);
        const widths = frames.map((f) => /\bframe-(\d+)\b/.exec(attr(f, 'class') ?? '')?.[1]);
        expect(widths, u.label).toEqual(['320', '600', '900']);
        // At least one thumbnail per unit, sized (no layout shift), and the file exists.
        const key = u.embedDir.replace(/^embed\//, '').replace(/\/$/, '');
        const thumb = thumbs.filter((i) => attr(i, 'src') === `${base}thumbs/${key}.webp`);
        expect(thumb.length, `${u.label}: thumbnail`).toBeGreaterThanOrEqual(1);
        expect(Number(attr(thumb[0]!, 'width'))).toBeGreaterThan(0);
        expect(Number(attr(thumb[0]!, 'height'))).toBeGreaterThan(0);
        expect(existsSync(join(outDir, 'thumbs', `${key}.webp`)), `${u.label}: thumbnail file`).toBe(true);
      }
      // Charts and the map come first.
      const firstSection = all(doc, 'section')[0]!;
      expect(attr(firstSection, 'id')).toBe('gallery-charts');
      // The section filter works without JavaScript: one link per section, each to its id.
      const ids = new Set(all(doc, 'section').map((e) => attr(e, 'id')));
      const filter = all(doc, 'nav').find((n) => /filter/.test(attr(n, 'class') ?? ''))!;
      const targets = all(filter, 'a').map((a) => attr(a, 'href')!.slice(1)).filter((h) => h !== 'gallery');
      expect(targets.length).toBe(ids.size);
      for (const id of targets) expect(ids.has(id)).toBe(true);
      expect(all(doc, 'details').some((d) => attr(d, 'data-embed-script') === `${base}embed.js`)).toBe(true);
      for (const page of ['index.html', 'sources/index.html']) {
        expect(readText(outDir, page)).toContain(`href="${base}embed/"`);
      }
    });

    it.each(HEADER_HOSTS)('lets any site frame the embed pages and no site frame the others (host header file, under the base; %s)', (host) => {
      const rules = parseHeadersFile(readText(outDir, '_headers'));
      const xfo = (path: string) => headersFor(rules, path, host).filter(([n]) => n.toLowerCase() === 'x-frame-options');
      const ancestors = (path: string) =>
        headersFor(rules, path, host).flatMap(([n, v]) => (n.toLowerCase() === 'content-security-policy' ? [/frame-ancestors ([^;,]*)/.exec(v)?.[1]] : [])).filter(Boolean);
      const cors = (path: string) => headersFor(rules, path, host).filter(([n]) => n.toLowerCase() === 'access-control-allow-origin').map(([, v]) => v);
      for (const u of units) {
        expect(xfo(`${base}${u.embedDir}`), u.label).toEqual([]);
        expect(ancestors(`${base}${u.embedDir}`), u.label).toEqual(['*']);
        expect(cors(`${base}${u.embedDir}oembed.json`), u.label).toEqual(['*']);
      }
      for (const page of ['', 'sources/', 'embed/', ...model.stacks.map((s) => `${s.id}/`)]) {
        expect(xfo(`${base}${page}`).map(([, v]) => v), page).toEqual(['DENY']);
        expect(ancestors(`${base}${page}`), page).toEqual(["'none'"]);
      }
    });
  });
}
