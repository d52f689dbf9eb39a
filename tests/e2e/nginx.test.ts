/**
 * The nginx recipe in docs/deploying.md, run for real: Debian's nginx serves the sub-path build
 * with the sample server block (tests/fixtures/deploy/nginx.conf, the file the docs show) on
 * loopback. Only `listen` and `root` are changed, to a free port and a temporary web root.
 * Checks status codes, redirects, Content-Types (Pagefind's files and the oEmbed JSON
 * included), caching and framing headers, compression, and a Pagefind search in Chromium.
 *
 * nginx comes from `apt-get install -y nginx` (.ci/run). In CI a missing nginx is an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { builds, ROOT, SUB_BASE } from '../support/builds';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { freePort } from '../support/static-server';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const SAMPLE = join(ROOT, 'tests/fixtures/deploy/nginx.conf');
const WORK = join(ROOT, 'tests/.tmp/nginx');

function nginxAvailable(): boolean {
  const ok = existsSync(NGINX);
  if (!ok && process.env.CI) throw new Error(`nginx not found at ${NGINX}; CI must install it (apt-get install -y nginx).`);
  return ok;
}

describe('the documented nginx recipe', () => {
  it('is shown verbatim in the deploying guide (docs/deploying.md, or the README before it), so what is tested is what readers copy', () => {
    const guides = ['docs/deploying.md', 'README.md'].filter((f) => existsSync(join(ROOT, f)));
    const block = `\`\`\`nginx\n${readFileSync(SAMPLE, 'utf8')}\`\`\``;
    expect(guides.filter((f) => readFileSync(join(ROOT, f), 'utf8').includes(block)), 'guides showing the sample').not.toEqual([]);
  });
});

describe.runIf(nginxAvailable())('the documented nginx server block, served by nginx', () => {
  let proc: ChildProcess | undefined;
  let origin = '';
  let url = '';
  const dist = builds.sub.outDir;
  const log = join(WORK, 'error.log');

  beforeAll(async () => {
    const sample = readFileSync(SAMPLE, 'utf8');
    // The recipe is written for the sub-path the sub build uses.
    expect(sample).toContain(`location ${SUB_BASE} {`);
    const port = await freePort();
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(join(WORK, 'www', ...SUB_BASE.split('/').filter(Boolean).slice(0, -1)), { recursive: true });
    symlinkSync(dist, join(WORK, 'www', SUB_BASE.replace(/\/$/, '')));
    copyFileSync('/etc/nginx/mime.types', join(WORK, 'mime.types'));
    const site = sample.replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`).replace(/^(\s*)root \/var\/www\/news;$/m, `$1root ${join(WORK, 'www')};`);
    expect(site, 'listen and root replaced').toContain(`listen 127.0.0.1:${port};`);
    writeFileSync(join(WORK, 'site.conf'), site);
    // The rest of what Debian's /etc/nginx/nginx.conf provides, with every path in WORK.
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(WORK, `tmp-${t}`)};`).join('\n');
    writeFileSync(
      join(WORK, 'nginx.conf'),
      `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;\ndaemon off;\npid ${join(WORK, 'nginx.pid')};\nerror_log ${log};\nevents { worker_connections 64; }\nhttp {\n  access_log off;\n${temp}\n  include site.conf;\n}\n`,
    );
    const check = spawnSync(NGINX, ['-t', '-p', WORK, '-c', join(WORK, 'nginx.conf'), '-e', log], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stderr, 'no warnings from the sample config').not.toMatch(/\[warn\]/);
    proc = spawn(NGINX, ['-p', WORK, '-c', join(WORK, 'nginx.conf'), '-e', log], { stdio: 'ignore' });
    origin = `http://127.0.0.1:${port}`;
    url = `${origin}${SUB_BASE}`;
    for (let i = 0; i < 100; i++) {
      if (await fetch(url).then(() => true, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`nginx did not start: ${existsSync(log) ? readFileSync(log, 'utf8') : ''}`);
  });

  afterAll(() => {
    proc?.kill('SIGTERM');
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(url + path, { redirect: 'manual', headers });

  it('serves pages with the HTML cache policy and no framing', async () => {
    const r = await get('', { 'Accept-Encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(await r.text()).toContain('<link rel="canonical"');
  });

  it('redirects a folder without its slash, relative to the host the reader used', async () => {
    const r = await get('search');
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe(`${SUB_BASE}search/`);
  });

  it('caches hashed bundles for a year, immutable', async () => {
    const css = readdirSync(join(dist, '_astro')).find((f) => f.endsWith('.css'))!;
    const r = await get(`_astro/${css}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('lets anyone frame the embeds and fetch their files, not the gallery, and serves their oEmbed JSON as JSON', async () => {
    const embed = readdirSync(join(dist, 'embed')).find((d) => !d.includes('.') && d !== 'chart')!;
    const card = readdirSync(join(dist, 'embed', embed))[0]!;
    const page = await get(`embed/${embed}/${card}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(page.headers.get('content-security-policy')).toBe('frame-ancestors *');
    expect(page.headers.get('access-control-allow-origin')).toBe('*');
    // The script embed's fragment and script are fetched from other sites.
    for (const path of [`embed/${embed}/${card}/fragment.json`, 'embed/element.js', 'embed/element.css']) {
      const r = await get(path);
      await r.arrayBuffer();
      expect(r.status, path).toBe(200);
      expect(r.headers.get('access-control-allow-origin'), path).toBe('*');
    }
    // The gallery is a page like the others.
    const gallery = await get('embed/');
    await gallery.arrayBuffer();
    expect(gallery.headers.get('x-frame-options')).toBe('DENY');
    expect(gallery.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    const oembed = await get(`embed/${embed}/${card}/oembed.json`);
    expect(oembed.status).toBe(200);
    expect(oembed.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await oembed.json()).type).toBe('rich');
  });

  it('serves Pagefind’s files with the right types, its compressed index never re-encoded', async () => {
    const files = readdirSync(join(dist, 'pagefind'));
    const meta = files.find((f) => f.endsWith('.pf_meta'))!;
    const wasm = files.find((f) => f.startsWith('wasm.') && f.endsWith('.pagefind'))!;
    const fragment = `fragment/${readdirSync(join(dist, 'pagefind/fragment'))[0]}`;
    const index = `index/${readdirSync(join(dist, 'pagefind/index'))[0]}`;
    const expected: Record<string, RegExp> = {
      'pagefind/pagefind.js': /^(text|application)\/javascript; charset=utf-8$/,
      'pagefind/pagefind-worker.js': /^(text|application)\/javascript; charset=utf-8$/,
      'pagefind/pagefind-entry.json': /^application\/json; charset=utf-8$/,
      [`pagefind/${meta}`]: /^application\/octet-stream$/,
      [`pagefind/${wasm}`]: /^application\/octet-stream$/,
      [`pagefind/${fragment}`]: /^application\/octet-stream$/,
      [`pagefind/${index}`]: /^application\/octet-stream$/,
    };
    for (const [path, type] of Object.entries(expected)) {
      const r = await get(path, { 'Accept-Encoding': 'gzip' });
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type'), path).toMatch(type);
      if (path.endsWith('.pagefind') || /pf_/.test(path)) expect(r.headers.get('content-encoding'), path).toBeNull();
    }
  });

  it('serves the feed, sitemap, manifest, CSV and images with their types', async () => {
    const chart = existsSync(join(dist, 'charts')) ? readdirSync(join(dist, 'charts'))[0] : undefined;
    const expected: Record<string, string> = {
      'rss.xml': 'application/rss+xml',
      'sitemap-index.xml': 'text/xml; charset=utf-8',
      'robots.txt': 'text/plain; charset=utf-8',
      'manifest.webmanifest': 'application/manifest+json; charset=utf-8',
      'og/site.png': 'image/png',
      'favicon.svg': 'image/svg+xml; charset=utf-8',
      ...(chart ? { [`charts/${chart}/${chart}.csv`]: 'text/csv; charset=utf-8' } : {}),
    };
    for (const [path, type] of Object.entries(expected)) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type'), path).toBe(type);
    }
  });

  it('answers a missing page with the site’s 404 page', async () => {
    const r = await get('no-such-page/');
    expect(r.status).toBe(404);
    expect(await r.text()).toBe(readFileSync(join(dist, '404.html'), 'utf8'));
  });

  describe.runIf(chromiumAvailable())('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('a Pagefind search works and lands on a card, with no errors', async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      try {
        await page.goto(`${url}search/?q=Belgium`);
        const first = page.locator('.search-results a[href*="#"]').first();
        await first.waitFor({ timeout: 15_000 });
        const href = (await first.getAttribute('href'))!;
        expect(href.startsWith(SUB_BASE)).toBe(true);
        await first.click();
        await page.waitForURL((u) => u.hash.length > 1);
        const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
        expect(await page.locator(`[id="${id}"]`).isVisible()).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});
