/**
 * `npm run test:hosts`: the built dist/ served by the real local servers of the two hosts that
 * read dist/_headers, installed from npm as devDependencies:
 *   - Cloudflare Pages: `wrangler pages dev` (its workerd binary ships in an npm package and
 *     runs offline; the compatibility date is the bundled workerd's own);
 *   - Netlify: `netlify dev --offline` (netlify-cli), static server, edge functions off (setting
 *     them up downloads Deno).
 * For each: the headers of pages, embeds, fragments, scripts and bundles, compared with what
 * the CI model of that host's merge rules predicts (tests/support/csp.ts, headersFor), so the
 * model the everyday tests use is checked against the real thing; then Chromium on another
 * origin frames the home page and a stack page (refused) and a card embed and a chart embed
 * (framed, sizing themselves through our host script).
 *
 * Not part of `npm test`: the two CLIs add about 1,000 packages and take seconds to start.
 * docs/deploying.md, "Tested hosts and CMS clients".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { builds, ROOT } from '../support/builds';
import { assertBuilt } from '../support/dist';
import { HEADER_HOSTS, headersFor, parseHeadersFile, type HeaderHost } from '../support/csp';
import { freePort, serveStatic, type StaticServer } from '../support/static-server';

const { outDir } = builds.root;
const WORK = join(ROOT, 'tests/.tmp/hosts');
const BIN = join(ROOT, 'node_modules/.bin');
const POLL = { timeout: 30_000, interval: 200 };
/** The headers both hosts must agree with the model on. */
const COMPARED = ['x-frame-options', 'content-security-policy', 'access-control-allow-origin', 'cache-control'];

const version = (pkg: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

/** The compatibility date wrangler's bundled workerd supports: its version is 1.YYYYMMDD.n. */
function workerdDate(): string {
  const d = /^1\.(\d{4})(\d{2})(\d{2})\./.exec(version('workerd'))!;
  return `${d[1]}-${d[2]}-${d[3]}`;
}

function command(host: HeaderHost, port: number): { bin: string; args: string[]; cwd: string } {
  const cwd = join(WORK, host);
  if (host === 'cloudflare') return { bin: join(BIN, 'wrangler'), args: ['pages', 'dev', outDir, '--ip', '127.0.0.1', '--port', String(port), '--compatibility-date', workerdDate()], cwd };
  return { bin: join(BIN, 'netlify'), args: ['dev', '--offline', '--internal-disable-edge-functions', '--dir', outDir, '--port', String(port), '--no-open'], cwd };
}

/** A unit of each kind, from the build: one card embed and one chart embed. */
function units(): { card: string; chart: string } {
  const groups = readdirSync(join(outDir, 'embed'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const first = (g: string) => `embed/${g}/${readdirSync(join(outDir, 'embed', g))[0]}/`;
  return { card: first(groups.find((g) => g !== 'chart')!), chart: first('chart') };
}

const available = chromiumAvailable() && existsSync(join(BIN, 'wrangler')) && existsSync(join(BIN, 'netlify'));
if (!available) {
  // In CI nothing may skip silently: npm ci installs both CLIs, and .ci/run installs Chromium.
  if (process.env.CI) throw new Error('hosts tests: wrangler, netlify-cli or Chromium is missing in CI');
  console.warn('[hosts tests skipped] wrangler or netlify-cli is not installed (npm ci installs both)');
}

describe.skipIf(!available).each(HEADER_HOSTS)('on %s’s own local server', (host) => {
  let proc: ChildProcess | undefined;
  let origin = '';
  let browser: Browser;
  let parent: StaticServer;
  const log: string[] = [];
  const { card, chart } = available ? units() : { card: '', chart: '' };
  const stack = card.split('/')[1]!;

  beforeAll(async () => {
    assertBuilt(outDir);
    const port = await freePort();
    const { bin, args, cwd } = command(host, port);
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(cwd, { recursive: true });
    // Its own process group, so the CLI and what it starts (workerd) stop together.
    proc = spawn(bin, args, { cwd, detached: true, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NETLIFY_TELEMETRY_DISABLED: '1', BROWSER: 'none' }, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
    proc.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
    origin = `http://127.0.0.1:${port}`;
    // Bodies are always read: undici trips over a socket closed under an unread one.
    const up = () => fetch(`${origin}/`).then(async (r) => (await r.arrayBuffer(), r.ok), () => false);
    for (let i = 0; i < 300 && !(await up()); i++) await new Promise((r) => setTimeout(r, 200));
    if (!(await up())) throw new Error(`${host} did not start:\n${log.join('')}`);
    parent = await serveStatic(join(WORK, 'parent'), { host: 'localhost' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await parent?.close();
    if (proc?.pid) process.kill(-proc.pid, 'SIGTERM');
  });

  it('sends the headers the CI model of its merge rules predicts', async () => {
    const rules = parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8'));
    const astro = readdirSync(join(outDir, '_astro')).find((f) => f.endsWith('.css'))!;
    const ukAstro = readdirSync(join(outDir, 'uk/_astro')).find((f) => f.endsWith('.css'))!;
    // The Ukrainian edition (uk/) has the same kinds of paths, under its own rules.
    // The rules match by pattern (`/:folder/`, `/embed/:group/:unit/*`): pages one folder down,
    // the top's own files (which Netlify's `/:folder/` also matches, slash or not), a miss.
    const paths = ['/', `/${stack}/`, '/sources/', '/embed/', `/${card}`, `/${chart}`, `/${card}oembed.json`, `/${chart}fragment.json`, '/embed/element.js', '/embed/element.css', `/_astro/${astro}`,
      '/embed.js', '/rss.xml',
      '/uk/', `/uk/${stack}/`, '/uk/sources/', '/uk/embed/', `/uk/${card}`, `/uk/${chart}`, `/uk/${card}oembed.json`, `/uk/${chart}fragment.json`, '/uk/embed/element.js', `/uk/_astro/${ukAstro}`];
    // Netlify serves a folder's index.html (and 404.html) at its own path too; Cloudflare redirects
    // them (to the folder, to /404), with the headers of the path asked for.
    const indexes = ['/404.html', '/uk/404.html', '/index.html', `/${stack}/index.html`, '/embed/index.html', `/${card}index.html`, '/uk/index.html', `/uk/${stack}/index.html`, `/uk/${chart}index.html`];
    const measured: string[] = [];
    for (const path of [...paths, ...indexes, '/no-such-page/']) {
      const r = await fetch(`${origin}${path}`, { redirect: 'manual' });
      await r.arrayBuffer();
      if (path === '/no-such-page/') expect(r.status, path).toBe(404);
      else if (indexes.includes(path) && host === 'cloudflare') expect([200, 307, 308], path).toContain(r.status);
      else expect(r.status, path).toBe(200);
      const predicted = new Map(headersFor(rules, path, host).map(([n, v]) => [n.toLowerCase(), v]));
      // A miss gets the 404 page; netlify dev sends it without any _headers header (measured).
      if (path === '/no-such-page/' && host === 'netlify') continue;
      for (const name of COMPARED) {
        const got = r.headers.get(name);
        // Both hosts send their own Cache-Control (revalidate) where _headers sets none, and
        // wrangler's dev server adds Access-Control-Allow-Origin: * to every response; the model
        // is about what _headers adds, so those are compared only where it predicts one.
        // netlify dev sends its own Cache-Control (public, max-age=0) on every file, _headers or
        // not (measured; production Netlify documents honouring it): not compared there.
        if ((name === 'cache-control' || (name === 'access-control-allow-origin' && host === 'cloudflare')) && !predicted.has(name)) continue;
        if (name === 'cache-control' && host === 'netlify') continue;
        expect(got, `${path} ${name}`).toBe(predicted.get(name) ?? null);
      }
      const fa = /frame-ancestors ([^;,]*)/.exec(r.headers.get('content-security-policy') ?? '')?.[1] ?? '-';
      measured.push(`${path}  X-Frame-Options: ${r.headers.get('x-frame-options') ?? '-'}  frame-ancestors: ${fa}  ACAO: ${r.headers.get('access-control-allow-origin') ?? '-'}  Cache-Control: ${r.headers.get('cache-control') ?? '-'}`);
    }
    console.log(`[hosts] ${host === 'cloudflare' ? `wrangler ${version('wrangler')}` : `netlify-cli ${version('netlify-cli')}`}:\n  ${measured.join('\n  ')}`);
  });

  it('lets another origin frame a card and a chart embed, which size themselves, and refuses the home and a stack page', async () => {
    mkdirSync(join(WORK, 'parent'), { recursive: true });
    const body = [`/`, `/${stack}/`].map((p, i) => `<iframe id="page${i}" title="page ${i}" src="${origin}${p}"></iframe>`).join('') +
      [card, chart].map((u) => `<p>Newsroom text.</p><div data-explainer-embed="${origin}/${u}"><a href="${origin}/${u}">unit</a></div>`).join('') +
      `<script async src="${origin}/embed.js"></script>`;
    writeFileSync(join(WORK, 'parent', `${host}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body>${body}</body></html>`);
    const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
    await page.goto(`${parent.url}${host}.html`);
    for (const id of ['page0', 'page1']) {
      const frame = (await (await page.$(`#${id}`))!.contentFrame())!;
      // Chromium shows its error page in place of a refused frame.
      await expect.poll(() => frame.url(), { ...POLL, message: `${id} refused` }).toMatch(/^chrome-error:/);
    }
    const embeds = await page.$$('[data-explainer-embed] iframe');
    expect(embeds.length).toBe(2);
    for (const iframe of embeds) {
      await iframe.scrollIntoViewIfNeeded();
      const frame = (await iframe.contentFrame())!;
      await expect.poll(() => frame.url(), POLL).toMatch(new RegExp(`^${origin}/embed/`));
      await expect
        .poll(async () => {
          const box = await iframe.evaluate((el) => el.getBoundingClientRect().height);
          const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height).catch(() => 0);
          return content > 200 && Math.abs(box - content) <= 2;
        }, { ...POLL, message: `${frame.url()} framed and as tall as its page` })
        .toBe(true);
    }
    await page.close();
  });
});
