/**
 * `npm run shots [dist]`: full-page screenshots of every kind of page, for a person to look at
 * before a release (docs/quality.md, "Reviewing screenshots before a release").
 *
 * Builds the site first when dist/ has no build (or takes the folder given), serves it with the
 * headers of its own _headers file (so the strict CSP applies, as on a real host), and photographs
 * each page at 390 and 1280 px wide, in light, dark and without JavaScript, into
 * tests/.tmp/shots/, with an index.html contact sheet. SHOTS_ONLY=<regex> limits the pages by
 * name (e.g. SHOTS_ONLY='home|search').
 *
 * Pages: home, each stack, sources, updates, search with results for "Belgium" and "Article 5", the 404 page, a
 * card embed (the first card that draws a chart), every chart embed (dist/embed/chart/*, the map
 * of Donbas, donbas-control, included) and the embed gallery. Embeds are light by default; their
 * dark shots ask ?theme=auto. Then a newsroom's light article on another origin with a card and
 * the map embedded by the responsive code (embed.js): in the dark shots the reader's system is
 * dark and the host page did not ask for dark, so the embeds must stay light.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { buildArgs, ROOT } from '../support/builds.ts';
import { headersFor, parseHeadersFile } from '../support/csp.ts';
import { serveStatic } from '../support/static-server.ts';

const OUT = join(ROOT, 'tests/.tmp/shots');
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;
const MODES = [
  { name: 'light', colorScheme: 'light', javaScriptEnabled: true },
  { name: 'dark', colorScheme: 'dark', javaScriptEnabled: true },
  { name: 'nojs', colorScheme: 'light', javaScriptEnabled: false },
] as const;

interface Shot {
  name: string;
  path: string;
  /** Served from the host-page server (another origin), not from the build. */
  host?: boolean;
  /** Waits, with JavaScript on, until the page shows what it is for. */
  ready?: (page: Page) => Promise<unknown>;
}

function distFolder(): string {
  const given = process.argv[2];
  const dist = resolve(given ?? join(ROOT, 'dist'));
  if (existsSync(join(dist, 'index.html'))) return dist;
  if (given) throw new Error(`No build in ${dist}`);
  console.log('[shots] no build in dist/: building');
  execFileSync(process.execPath, buildArgs(), { cwd: ROOT, stdio: 'inherit' });
  return dist;
}

function pagesOf(dist: string): Shot[] {
  const stacks = parse(readFileSync(join(ROOT, 'content/data/stacks.yaml'), 'utf8')) as { id: string; cards: string[] }[];
  const cardWithChart =
    stacks.flatMap((s) => s.cards.map((c) => ({ stack: s.id, card: c }))).find(({ stack, card }) => /<Chart\b/.test(readFileSync(join(ROOT, 'content/explainers', stack, `${card}.mdx`), 'utf8'))) ??
    { stack: stacks[0]!.id, card: stacks[0]!.cards[0]! };
  const chartDir = join(dist, 'embed/chart');
  const charts = existsSync(chartDir) ? readdirSync(chartDir).filter((d) => statSync(join(chartDir, d)).isDirectory()).sort() : [];
  return [
    { name: 'home', path: '' },
    ...stacks.map((s) => ({ name: `stack-${s.id}`, path: `${s.id}/` })),
    { name: 'sources', path: 'sources/' },
    { name: 'updates', path: 'updates/' },
    { name: 'search-belgium', path: 'search/?q=Belgium', ready: (p) => p.locator('.search-results li').first().waitFor({ timeout: 15_000 }) },
    // A number next to a word: the cards with the phrase, then the other matches under a heading.
    { name: 'search-article-5', path: 'search/?q=Article%205', ready: (p) => p.locator('.search-apart').waitFor({ timeout: 15_000 }) },
    { name: '404', path: 'no-such-page/' },
    { name: `embed-card-${cardWithChart.stack}-${cardWithChart.card}`, path: `embed/${cardWithChart.stack}/${cardWithChart.card}/` },
    ...charts.map((c) => ({ name: `embed-chart-${c}`, path: `embed/chart/${c}/` })),
    { name: 'embed-gallery', path: 'embed/' },
    // The Ukrainian edition: its home, a stack with a chart, search in inflected Ukrainian, and
    // every chart and the map in Ukrainian (their images drawn with the Cyrillic font).
    { name: 'uk-home', path: 'uk/' },
    { name: `uk-stack-${cardWithChart.stack}`, path: `uk/${cardWithChart.stack}/` },
    { name: 'uk-search-garantii', path: 'uk/search/?q=%D0%B3%D0%B0%D1%80%D0%B0%D0%BD%D1%82%D1%96%D1%8F%D0%BC%D0%B8', ready: (p) => p.locator('.search-results li').first().waitFor({ timeout: 15_000 }) },
    ...charts.map((c) => ({ name: `uk-embed-chart-${c}`, path: `uk/embed/chart/${c}/` })),
    {
      name: 'embed-in-host-page',
      path: 'host.html',
      host: true,
      // The frames load lazily and size themselves: wait until both have reported a height.
      ready: async (p) => {
        for (const f of await p.$$('[data-explainer-embed]')) await f.scrollIntoViewIfNeeded();
        await p.waitForFunction(() => [...document.querySelectorAll('iframe')].length === 2 && [...document.querySelectorAll('iframe')].every((f) => f.getBoundingClientRect().height > 300), undefined, { timeout: 15_000 });
      },
    },
  ];
}

/**
 * A newsroom's plain light article (no colour scheme of its own, as most are) with a card and the
 * map embedded by the responsive code, written to a folder served on another origin.
 */
function writeHostPage(dir: string, site: string, card: string, chart: string): void {
  mkdirSync(dir, { recursive: true });
  const para = (text: string) => `<p>${text}</p>`;
  const embed = (path: string) => `<div data-explainer-embed="${site}${path}"><a href="${site}${path}">${path}</a></div>`;
  writeFileSync(
    join(dir, 'host.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A newsroom's article</title><link rel="icon" href="data:,">
<style>body{margin:0;background:#fff;color:#222;font:18px/1.6 Georgia,serif}main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:2rem;line-height:1.2}</style></head>
<body><main><h1>A newsroom's article with two embeds</h1>${para('Text of the newsroom’s own story, before the card. The page is light and says nothing about colour schemes.')}${embed(card)}${para('More of the story, between the two embeds.')}${embed(chart)}${para('The end of the story.')}</main>
<script async src="${site}embed.js"></script></body></html>`,
  );
}

/** Scrolls through the page so lazy images, frames and charts come in, then back to the top. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, innerHeight - 100);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 120));
    }
    scrollTo(0, 0);
    await document.fonts.ready;
  });
  await page.waitForTimeout(400);
}

function contactSheet(rows: { shot: Shot; files: { label: string; file: string }[] }[], base: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cols = WIDTHS.flatMap((w) => MODES.map((m) => `${w.width} px, ${m.name}`));
  const body = rows
    .map(
      ({ shot, files }) =>
        `<section><h2>${esc(shot.name)} <small><a href="${esc(base + shot.path)}">${esc('/' + shot.path)}</a></small></h2><div class="row">` +
        files.map((f) => `<figure><a href="${esc(f.file)}"><img src="${esc(f.file)}" alt="${esc(`${shot.name}, ${f.label}`)}" loading="lazy"></a><figcaption>${esc(f.label)}</figcaption></figure>`).join('') +
        '</div></section>',
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Screenshots</title><style>
body{font:14px/1.4 system-ui,sans-serif;margin:1rem;background:#eee}h2{font-size:1rem;margin:1.5rem 0 .5rem}
.row{display:flex;gap:.75rem;align-items:flex-start;overflow-x:auto}figure{margin:0;flex:none;width:180px}
img{width:180px;max-height:600px;object-fit:cover;object-position:top;border:1px solid #999;background:#fff}figcaption{font-size:12px}
</style></head><body><h1>Screenshots</h1><p>${rows.length} pages × ${cols.join(' · ')}. Click a thumbnail for the full page.</p>${body}</body></html>`;
}

const dist = distFolder();
const only = process.env.SHOTS_ONLY ? new RegExp(process.env.SHOTS_ONLY) : undefined;
const shots = pagesOf(dist).filter((s) => !only || only.test(s.name));
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const rules = existsSync(join(dist, '_headers')) ? parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8')) : [];
const hostHeaders = (path: string) => {
  const out: Record<string, string> = {};
  for (const [name, value] of headersFor(rules, path)) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  return out;
};
const server = await serveStatic(dist, { headers: hostHeaders });
const HOST_DIR = join(ROOT, 'tests/.tmp/shots-host');
const embedShot = shots.find((s) => s.name.startsWith('embed-card-'));
const mapDir = existsSync(join(dist, 'embed/chart/donbas-control')) ? 'embed/chart/donbas-control/' : pagesOf(dist).find((s) => s.name.startsWith('embed-chart-'))?.path ?? 'embed/';
writeHostPage(HOST_DIR, server.url, embedShot?.path ?? pagesOf(dist).find((s) => s.name.startsWith('embed-card-'))!.path, mapDir);
const hostServer = await serveStatic(HOST_DIR, { host: 'localhost' });
const browser = await launchChromium();
const rows = shots.map((shot) => ({ shot, files: [] as { label: string; file: string }[] }));
const problems: string[] = [];
try {
  for (const size of WIDTHS) {
    for (const mode of MODES) {
      const context: BrowserContext = await browser.newContext({ viewport: size, colorScheme: mode.colorScheme, javaScriptEnabled: mode.javaScriptEnabled });
      for (const row of rows) {
        const { shot } = row;
        const page = await context.newPage();
        page.on('pageerror', (e) => problems.push(`${shot.name} ${size.width} ${mode.name}: ${e.message}`));
        page.on('console', (m) => m.type() === 'error' && problems.push(`${shot.name} ${size.width} ${mode.name}: ${m.text()}`));
        // Embeds are light whatever the reader's setting unless the host asks: in dark, ask for
        // the reader's setting (?theme=auto), so the dark embed is there to review.
        const unit = /^embed\/.+\/.+\//.test(shot.path);
        await page.goto((shot.host ? hostServer.url : server.url) + shot.path + (unit && mode.name === 'dark' ? '?theme=auto' : ''), { waitUntil: 'load' });
        // Without JavaScript there is nothing to wait for (and no script may run in the page):
        // Chromium loads lazy images eagerly then, and charts stay images.
        if (mode.javaScriptEnabled) {
          await shot.ready?.(page);
          await settle(page);
        }
        const file = `${shot.name}--${size.width}--${mode.name}.jpg`;
        if (shot.host) {
          // A full-page screenshot leaves frames from another origin blank below the first
          // screen: make the window as tall as the page instead.
          await page.setViewportSize({ width: size.width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
          await page.waitForTimeout(800);
          await page.screenshot({ path: join(OUT, file), type: 'jpeg', quality: 85 });
        } else await page.screenshot({ path: join(OUT, file), fullPage: true, type: 'jpeg', quality: 85 });
        row.files.push({ label: `${size.width} px, ${mode.name}`, file });
        await page.close();
        process.stdout.write('.');
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  await hostServer.close();
}
writeFileSync(join(OUT, 'index.html'), contactSheet(rows, server.url));
const count = rows.reduce((n, r) => n + r.files.length, 0);
console.log(`\n[shots] ${count} screenshots of ${rows.length} pages in ${OUT}; open index.html there.`);
// The 404 page's own request is a 404 by design; anything else a page logs is worth a look.
const worth = problems.filter((p) => !/^404 .*status of 404/.test(p));
if (worth.length) console.log(`[shots] the pages reported:\n  ${[...new Set(worth)].join('\n  ')}`);
