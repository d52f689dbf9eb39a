/**
 * White-label: a partner changes the brand file and SITE_URL/BASE_PATH, builds, and gets its
 * own branded copy. This builds the site with a second brand (tests/fixtures/brand/) under
 * another host and sub-path, and checks that the name, credit, locale, colours, fonts, logo
 * and URLs changed everywhere: pages, embeds, oEmbed, feed, sitemap, robots.txt, JSON-LD,
 * manifest, icons and social cards; and that nothing of the house brand is left in any text
 * file. The colours are also checked as Chromium computes them, in light and dark mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Browser } from 'playwright-core';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { loadBrand } from '../../src/config/brand-loader';
import { socialImageFile } from '../../src/lib/social';
import { buildArgs, buildEnv, builds, ROOT } from '../support/builds';
import { listFiles, listHtml, readText } from '../support/dist';
import { attr, elements, parseHtml, textOf } from '../support/html';
import { jsonLdProblems, nodeOfType, typedNodes } from '../support/schema-org';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { serveStatic } from '../support/static-server';

const BRAND_FILE = 'tests/fixtures/brand/brand.yaml';
const PARTNER_SITE = 'https://news.partner.example';
const PARTNER_BASE = '/graphics/ukraine-guarantees/';
const OUT = join(ROOT, 'tests/.tmp/dist-brand');
const origin = `${PARTNER_SITE}${PARTNER_BASE}`;

const house = loadBrand('src/config/brand.yaml', ROOT);
const partner = loadBrand(BRAND_FILE, ROOT);
const { model } = checkContent(readContentFiles(ROOT));
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

beforeAll(() => {
  if (process.env.SKIP_BUILD === '1' && existsSync(join(OUT, 'index.html'))) return;
  execFileSync(process.execPath, buildArgs(OUT), {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...buildEnv(), BRAND_FILE, SITE_URL: PARTNER_SITE, BASE_PATH: PARTNER_BASE },
  });
}, 180_000);

const page = (file: string) => {
  const doc = parseHtml(readText(OUT, file));
  const all = [...elements(doc)];
  const meta = (key: string) => {
    const m = all.find((e) => e.tagName === 'meta' && (attr(e, 'property') === key || attr(e, 'name') === key));
    return m && attr(m, 'content');
  };
  const byClass = (cls: string) => all.find((e) => (attr(e, 'class') ?? '').split(/\s+/).includes(cls));
  const jsonLd = all.filter((e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json').map((e) => JSON.parse(textOf(e)));
  return { all, meta, byClass, jsonLd, html: all.find((e) => e.tagName === 'html')! };
};

/** Pixel colour of a PNG at (x, y) as #rrggbb. */
async function pixel(file: string, x: number, y: number): Promise<string> {
  const img = await loadImage(readFileSync(file));
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  const [r, g, b] = ctx.getImageData(x, y, 1, 1).data;
  return `#${[r, g, b].map((c) => c!.toString(16).padStart(2, '0')).join('')}`;
}

describe('a second brand builds a fully re-branded copy', () => {
  it('pages: name, short name, credit, locale and URLs are the partner’s', () => {
    const pages = listHtml(OUT);
    expect(pages.length).toBeGreaterThan(model.stacks.length);
    for (const file of pages) {
      const p = page(file);
      expect(attr(p.html, 'lang'), file).toBe(partner.locale);
      expect(p.meta('og:site_name'), file).toBe(partner.name);
      expect(p.meta('og:locale'), file).toBe('en_US');
      expect(p.meta('twitter:site'), file).toBe(partner.twitter);
      const canonical = p.all.find((e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical');
      expect(attr(canonical!, 'href'), file).toMatch(new RegExp(`^${origin}`));
      expect(p.meta('og:image'), file).toMatch(new RegExp(`^${origin}og/.+\\.png$`));
    }
    const stack = page(`${model.stacks[0]!.id}/index.html`);
    expect(textOf(stack.all.find((e) => e.tagName === 'title')!)).toBe(`${model.stacks[0]!.title} | ${partner.shortName}`);
    // The header shows the short name on a phone and a laptop, the full name in between.
    expect(textOf(stack.byClass('name-long')!)).toBe(partner.name);
    expect(textOf(stack.byClass('name-short')!)).toBe(partner.shortName);
    expect(textOf(stack.byClass('site-footer')!)).toContain(partner.credit);
    expect(textOf(page('index.html').all.find((e) => e.tagName === 'h1')!)).toBe(partner.name);
  });

  it('embeds and oEmbed carry the partner’s credit line, name and URLs', () => {
    const embeds = listHtml(OUT).filter((f) => /^embed\/.+\/.+\/index\.html$/.test(f));
    expect(embeds.length).toBeGreaterThan(0);
    for (const file of embeds) {
      const credit = textOf(page(file).byClass('embed-credit')!);
      expect(credit, file).toContain(partner.credit);
      expect(credit, file).toContain(partner.name);
    }
    const oembeds = listFiles(OUT).filter((f) => f.endsWith('oembed.json'));
    expect(oembeds.length).toBeGreaterThan(0);
    for (const file of oembeds) {
      const doc = JSON.parse(readText(OUT, file));
      expect(doc.provider_name, file).toBe(partner.name);
      expect(doc.provider_url, file).toBe(origin);
      expect(doc.html, file).toContain(`src="${origin}embed/`);
    }
  });

  it('the brand’s colours and fonts reach the stylesheet (bundled, not inline)', () => {
    const css = listFiles(OUT).filter((f) => f.startsWith('_astro/') && f.endsWith('.css')).map((f) => readText(OUT, f)).join('\n');
    expect(css).toMatch(/:root:root\{[^}]*--ex-accent:#9b1c31/);
    expect(css).toMatch(/prefers-color-scheme:\s*dark\)\s*\{\s*:root:root\{[^}]*--ex-bg:#101010[^}]*--ex-accent:#ff9aa8/);
    expect(css).toMatch(/--ex-font:["']Gazette Sans["'], Verdana, sans-serif/);
    // The house build adds no override at all.
    const houseCss = listFiles(builds.root.outDir).filter((f) => f.startsWith('_astro/') && f.endsWith('.css')).map((f) => readText(builds.root.outDir, f)).join('\n');
    expect(houseCss).not.toContain(':root:root');
  });

  it('feed, sitemap and robots.txt point to the partner’s site', () => {
    const rss = xml.parse(readText(OUT, 'rss.xml')).rss.channel;
    expect(rss.title).toBe(partner.name);
    expect(rss.link).toBe(origin);
    expect(rss.language).toBe(partner.locale);
    for (const item of [rss.item ?? []].flat() as { link: string }[]) expect(item.link).toMatch(new RegExp(`^${origin}`));
    expect(readText(OUT, 'robots.txt')).toContain(`Sitemap: ${origin}sitemap-index.xml`);
    const locs = [xml.parse(readText(OUT, 'sitemap-0.xml')).urlset.url].flat().map((u: { loc: string }) => u.loc);
    expect(locs).toContain(origin);
    for (const loc of locs) expect(loc).toMatch(new RegExp(`^${origin}`));
  });

  it('JSON-LD names the partner as publisher and author, with its licence, and stays valid', () => {
    const doc = page(`${model.stacks[0]!.id}/index.html`).jsonLd[0];
    expect(jsonLdProblems(doc)).toEqual([]);
    const article = nodeOfType(doc, 'BackgroundNewsArticle')!;
    expect(article.author).toEqual({ '@type': 'Organization', name: partner.author!.name, url: partner.author!.url });
    expect(article.inLanguage).toBe('en-US');
    const org = typedNodes(doc).find((n) => n.node['@type'] === 'Organization' && n.node['@id'])!.node;
    expect(org).toMatchObject({ name: partner.publisher.name, url: partner.publisher.url, logo: { url: `${origin}icon-512.png` } });
    for (const { node } of typedNodes(doc)) {
      for (const key of ['url', 'item', 'contentUrl', 'image']) {
        const v = node[key];
        // Our own URLs are the partner's; only the sources cited live elsewhere.
        if (typeof v === 'string' && v.includes('example.org')) throw new Error(`${node['@type']}.${key} still on the house site: ${v}`);
      }
    }
    const withCharts = model.stacks.find((s) => nodeOfType(page(`${s.id}/index.html`).jsonLd[0], 'Dataset'));
    if (withCharts) expect(nodeOfType(page(`${withCharts.id}/index.html`).jsonLd[0], 'Dataset')!.license).toBe(partner.license!.url);
  });

  it('manifest, favicon and icons are the partner’s', async () => {
    const manifest = JSON.parse(readText(OUT, 'manifest.webmanifest'));
    expect(manifest).toMatchObject({ name: partner.name, short_name: partner.shortName, theme_color: '#9b1c31', start_url: PARTNER_BASE, lang: 'en-US' });
    expect(readFileSync(join(OUT, 'favicon.svg')).equals(readFileSync(partner.logoFile))).toBe(true);
    expect(readFileSync(join(OUT, 'icon-512.png')).equals(readFileSync(join(builds.root.outDir, 'icon-512.png')))).toBe(false);
    // The partner's logo is a red disc: its centre is the partner's red.
    expect(await pixel(join(OUT, 'icon-512.png'), 256, 40)).toBe('#9b1c31');
  });

  it('social cards are drawn in the partner’s colours and differ from the house cards', async () => {
    const files = [socialImageFile({ kind: 'site' }), ...model.stacks.map((s) => socialImageFile({ kind: 'stack', stack: s.id }))];
    for (const file of files) {
      expect(await pixel(join(OUT, file), 600, 4), file).toBe(partner.palette.light.accent);
      expect(await pixel(join(builds.root.outDir, file), 600, 4), file).toBe(house.palette.light.accent);
      expect(readFileSync(join(OUT, file)).equals(readFileSync(join(builds.root.outDir, file))), file).toBe(false);
    }
  });

  it('nothing of the house brand is left in any text file', () => {
    const needles = [house.name, escapeHtml(house.name), house.publisher.name, house.credit, `${house.url}/`, `| ${house.shortName}<`];
    const text = listFiles(OUT).filter((f) => /\.(html|xml|json|webmanifest|txt|css|js|svg)$/.test(f) && !f.startsWith('pagefind/'));
    const found: string[] = [];
    for (const file of text) {
      const body = readText(OUT, file);
      for (const n of needles) if (body.includes(n)) found.push(`${file}: ${n}`);
    }
    expect(found).toEqual([]);
  });
});

describe.runIf(chromiumAvailable())('a second brand, as the browser draws it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('links use the partner’s accent in light and dark mode, and text its font, on pages and embeds', async () => {
    const server = await serveStatic(OUT, { base: PARTNER_BASE });
    const embed = listHtml(OUT).find((f) => /^embed\/.+\/.+\/index\.html$/.test(f))!;
    try {
      for (const [scheme, accent] of [['light', 'rgb(155, 28, 49)'], ['dark', 'rgb(255, 154, 168)']] as const) {
        const ctx = await browser.newContext({ colorScheme: scheme });
        const tab = await ctx.newPage();
        // The embed asks to follow the reader (?theme=auto): embeds are light by default.
        for (const path of [`${model.stacks[0]!.id}/`, `${embed.replace(/index\.html$/, '')}?theme=auto`]) {
          await tab.goto(server.url + path);
          const style = await tab.evaluate(() => {
            const a = document.querySelector('main a[href]')!;
            return { link: getComputedStyle(a).color, font: getComputedStyle(document.body).fontFamily };
          });
          expect(style.link, `${path} (${scheme})`).toBe(accent);
          expect(style.font, path).toMatch(/^"?Gazette Sans"?, Verdana/);
        }
        await ctx.close();
      }
    } finally {
      await server.close();
    }
  });
});
