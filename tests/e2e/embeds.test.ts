/**
 * Embeds in Debian's Chromium, with the host page on a different origin from the embeds: the
 * built site is served on 127.0.0.1 (with the headers of its own _headers file, as a host that
 * reads it would send them) and the newsroom's pages on localhost.
 *
 * - With our host script and with pym.js 1.3.2 as the host's library, at 320, 600 and 900 px,
 *   (and with iframe-resizer v4's parent script, at 600 px),
 *   sampled cards' and charts' frames are as tall as their pages (±2 px) after load, after
 *   something inside opens, and after the host page is resized; no frame scrolls inside.
 * - Messages from other windows, malformed messages, absurd heights and javascript: URLs change
 *   nothing on the host page and throw nothing.
 * - The responsive code copied with the Copy button, pasted into a blank page, renders the embed;
 *   so does the plain iframe code.
 * - Framing: the embed pages can be framed from another site; the article pages cannot.
 * WordPress, with its real wp-embed.js, is tested by tests/e2e/wordpress.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Browser, BrowserContext, ElementHandle, Frame, Page } from 'playwright-core';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { EMBED_ATTR } from '../../src/lib/embed/host';
import { chromiumAvailable } from '../support/browser';
import { builds, ROOT, SITE_URL } from '../support/builds';
import { assertBuilt, fileForPath } from '../support/dist';
import { headersFileFor, type StaticServer } from '../support/static-server';
import { openCrossOrigin, type CrossOrigin } from '../support/cross-origin';

const { outDir } = builds.root;
const PARENT_DIR = join(ROOT, 'tests/.tmp/embeds-parent');
const WIDTHS = [320, 600, 900] as const;
const TOLERANCE = 2;
const POLL = { timeout: 20_000, interval: 100 };

const { model } = checkContent(readContentFiles(ROOT));
// Sampled units: the first card of the first stack and the last card of the last stack, and up to two charts.
const cardOf = (stack: (typeof model.stacks)[number], id: string) => model.cards.find((c) => c.stack === stack.id && c.id === id)!;
const [firstStack, lastStack] = [model.stacks[0]!, model.stacks.at(-1)!];
const cards = [cardOf(firstStack, firstStack.cards[0]!), cardOf(lastStack, lastStack.cards.at(-1)!)];
const sample = [
  ...cards.map((c) => ({ label: `card ${c.stack}/${c.id}`, path: `embed/${c.stack}/${c.id}/`, heading: c.data.title })),
  ...model.charts.slice(0, 2).map((c) => ({ label: `chart ${c.id}`, path: `embed/chart/${c.id}/`, heading: c.title })),
];

const available = chromiumAvailable();
let browser: Browser;
let site: StaticServer;
let parent: StaticServer;
let harness: CrossOrigin | undefined;

/** The headers a _headers-reading host sends (tests/support/static-server.ts). */
const hostHeaders = headersFileFor(outDir);

function writeParent(name: string, body: string): string {
  writeFileSync(join(PARENT_DIR, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><style>body{margin:0;font:16px serif}p{margin:1rem}</style></head><body>${body}</body></html>`);
  return `${parent.url}${name}`;
}

const placeholders = () => sample.map((u) => `<p>Newsroom text before.</p><div ${EMBED_ATTR}="${site.url}${u.path}"><a href="${site.url}${u.path}">${u.heading}</a></div>`).join('\n');

/** Height of the frame on the host page vs the height of the page inside it, and whether it scrolls. */
async function fit(iframe: ElementHandle<HTMLIFrameElement>) {
  const frame = await iframe.contentFrame();
  const box = await iframe.evaluate((el) => el.getBoundingClientRect().height);
  if (!frame || !frame.url().startsWith(site.origin)) return { diff: Number.POSITIVE_INFINITY, box, content: 0, scrolls: true };
  const inner = await frame.evaluate(() => {
    const html = document.documentElement;
    return {
      content: html.getBoundingClientRect().height,
      scrollsY: html.scrollHeight > html.clientHeight,
      scrollsX: html.scrollWidth > html.clientWidth,
      ready: document.readyState === 'complete',
    };
  });
  return { diff: inner.ready ? Math.abs(box - inner.content) : Number.POSITIVE_INFINITY, box, content: inner.content, scrolls: inner.scrollsY || inner.scrollsX };
}

async function expectFitted(page: Page, label: string) {
  const frames = await page.$$('iframe');
  expect(frames.length, `${label}: frames on the page`).toBe(sample.length);
  for (const [i, iframe] of frames.entries()) {
    await iframe.scrollIntoViewIfNeeded(); // loading="lazy" frames load when near the viewport
    // Settled: as tall as its page (±2 px) and nothing scrolls inside. (Between a change inside
    // and the host applying the new height there is always a moment of overflow; what matters
    // is that it settles.)
    await expect
      .poll(async () => {
        const f = await fit(iframe);
        return f.diff <= TOLERANCE && !f.scrolls ? 'fits' : `frame ${f.box}px, page ${f.content}px${f.scrolls ? ', scrolls inside' : ''}`;
      }, { ...POLL, message: `${label}: ${sample[i]!.label} fits its page with no inner scrollbar` })
      .toBe('fits');
  }
  return Promise.all(frames.map(async (f) => (await fit(f)).box));
}

/** Opens the first closed <details> in every embed (a card's sources, a chart's data table). */
async function openSomethingInside(page: Page): Promise<void> {
  for (const iframe of await page.$$('iframe')) {
    const frame = (await iframe.contentFrame()) as Frame;
    const opened = await frame.evaluate(() => {
      const details = document.querySelector<HTMLDetailsElement>('main details:not([open])');
      if (details) details.open = true;
      return !!details;
    });
    expect(opened, `${frame.url()} has something to open`).toBe(true);
  }
}

describe.skipIf(!available)('embeds in Chromium, host page on another origin', () => {
  beforeAll(async () => {
    assertBuilt(outDir);
    harness = await openCrossOrigin(outDir, PARENT_DIR, hostHeaders);
    ({ site, host: parent, browser } = harness);
    copyFileSync(join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js'), join(PARENT_DIR, 'pym.v1.min.js'));
    copyFileSync(join(ROOT, 'node_modules/iframe-resizer/js/iframeResizer.min.js'), join(PARENT_DIR, 'iframeResizer.min.js'));
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('samples cards and charts', () => {
    expect(new Set(sample.filter((u) => u.label.startsWith('card')).map((u) => u.path)).size).toBe(2);
    expect(sample.filter((u) => u.label.startsWith('chart')).length).toBe(Math.min(2, model.charts.length));
  });

  describe.each([
    ['our host script', () => `${placeholders()}<p>After.</p><script async src="${site.url}embed.js"></script>`],
    [
      'pym.js 1.3.2',
      () => `${sample.map((u) => `<p>Newsroom text before.</p><div data-pym-src="${site.url}${u.path}" data-pym-title="${u.heading}">Loading…</div>`).join('\n')}<p>After.</p><script src="pym.v1.min.js"></script>`,
    ],
  ])('with %s on the host page', (name, body) => {
    it.each(WIDTHS)('at %i px: frames fit after load, after opening a table inside, after resizing the host page', async (width) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(writeParent(`${name.replace(/\W+/g, '-')}-${width}.html`, body()));
      const loaded = await expectFitted(page, `${name} ${width}px loaded`);
      console.log(`[embeds] ${name} at ${width}px: frame heights ${loaded.map((h) => Math.round(h)).join(', ')}`);

      await openSomethingInside(page);
      const opened = await expectFitted(page, `${name} ${width}px after opening`);
      opened.forEach((h, i) => expect(h, `${sample[i]!.label} grew`).toBeGreaterThan(loaded[i]!));

      const other = width === 320 ? 900 : 320;
      await page.setViewportSize({ width: other, height: 900 });
      await expectFitted(page, `${name} resized ${width}→${other}px`);
      expect(errors).toEqual([]);
      await context.close();
    });
  });

  it('answers iframe-resizer v4 (MIT, from npm) as the host’s library: frames grow to their pages, and again after opening a table inside', async () => {
    const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const frames = sample.map((u, i) => `<p>Newsroom text before.</p><iframe id="ir${i}" title="${u.heading}" src="${site.url}${u.path}" width="100%" frameborder="0"></iframe>`).join('\n');
    // iframe-resizer's documented set-up: its parent script, then iFrameResize(options, selector).
    writeFileSync(join(PARENT_DIR, 'iframe-resizer-init.js'), "iFrameResize({ log: false, checkOrigin: true }, 'iframe');\n");
    await page.goto(writeParent('iframe-resizer.html', `${frames}<p>After.</p><script src="iframeResizer.min.js"></script><script src="iframe-resizer-init.js"></script>`));
    const loaded = await expectFitted(page, 'iframe-resizer v4 loaded');
    // Without our answer its frames stay at the default 150 px with scrolling off.
    loaded.forEach((h, i) => expect(h, sample[i]!.label).toBeGreaterThan(150));
    await openSomethingInside(page);
    const opened = await expectFitted(page, 'iframe-resizer v4 after opening');
    opened.forEach((h, i) => expect(h, `${sample[i]!.label} grew`).toBeGreaterThan(loaded[i]!));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ignores messages from other windows, malformed messages, absurd heights and javascript: URLs', async () => {
    const context = await browser.newContext({ viewport: { width: 600, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    // A frame of the same embed site that our script did not create, and a foreign same-page frame.
    const body = `${placeholders()}<iframe id="stranger" title="stranger" src="${site.url}${sample[0]!.path}"></iframe><iframe id="foreign" title="foreign" srcdoc="<p>foreign</p>"></iframe><script async src="${site.url}embed.js"></script>`;
    const url = writeParent('hostile.html', body);
    await page.goto(url);
    const ours = (await page.$$(`[${EMBED_ATTR}] iframe`)) as ElementHandle<HTMLIFrameElement>[];
    // Every placeholder became a frame: the checks below compare our frames' heights.
    expect(ours).toHaveLength(sample.length);
    for (const f of ours) {
      await f.scrollIntoViewIfNeeded();
      await expect.poll(async () => (await fit(f)).diff, POLL).toBeLessThanOrEqual(TOLERANCE);
    }
    const heights = () => Promise.all(ours.map((f) => f.evaluate((el) => el.style.height)));
    const snapshot = () => page.evaluate(() => document.body.innerHTML);
    const before = { heights: await heights(), html: await snapshot() };

    const valid = { sentinel: 'amp', type: 'embed-size', height: 77 };
    const hostile: unknown[] = [
      'pymxPYMxpym-0xPYMxnavigateToxPYMxjavascript:alert(document.domain)',
      'javascript:alert(document.domain)',
      { secret: 'abc', message: 'link', value: 'javascript:alert(document.domain)' },
      { sentinel: 'amp', type: 'embed-size', height: -500 },
      { sentinel: 'amp', type: 'embed-size', height: 0 },
      { sentinel: 'amp', type: 'embed-size', height: 1e9 },
      { sentinel: 'amp', type: 'embed-size', height: Number.POSITIVE_INFINITY },
      { sentinel: 'amp', type: 'embed-size', height: Number.NaN },
      { sentinel: 'amp', type: 'embed-size', height: '500' },
      { sentinel: 'amp', type: 'embed-size', height: 'javascript:alert(1)' },
      { sentinel: 'amp', type: 'embed-size', height: { valueOf: 1 } },
      { sentinel: 'amp', type: 'embed-size' },
      { 'datawrapper-height': { x: 1e9 } },
      JSON.stringify({ context: 'iframe.resize', height: 1e9, src: 'javascript:alert(1)' }),
      null,
      [valid],
      42,
      '<img src=x onerror=alert(1)>',
    ];
    const send = (frame: Frame | Page, messages: unknown[]) =>
      frame.evaluate((ms) => {
        const target = window === window.top ? window : window.parent;
        for (const m of ms) target.postMessage(m, '*');
        target.postMessage('__end__', '*');
      }, messages);
    const ended = async (count: number) => {
      await expect.poll(() => page.evaluate(() => (window as unknown as { __ends?: number }).__ends ?? 0), POLL).toBe(count);
    };
    await page.evaluate(() => {
      window.addEventListener('message', (e) => {
        if (e.data === '__end__') (window as unknown as { __ends: number }).__ends = ((window as unknown as { __ends?: number }).__ends ?? 0) + 1;
      });
    });

    // 1. Well-formed heights from the host page itself and from frames our script did not create.
    await send(page, [valid]);
    const stranger = (await (await page.$('#stranger'))!.contentFrame())!;
    await stranger.waitForLoadState();
    await send(stranger, [valid, ...hostile]);
    const foreign = (await (await page.$('#foreign'))!.contentFrame())!;
    await send(foreign, [valid, ...hostile]);
    // 2. Malformed messages, absurd heights and javascript: URLs from our own frames.
    for (const f of ours) await send((await f.contentFrame())!, hostile);
    await ended(2 + ours.length + 1);

    expect(await heights()).toEqual(before.heights);
    expect(await snapshot()).toBe(before.html);
    expect(page.url()).toBe(url);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('renders the responsive code, copied with the Copy button, pasted into a blank page; and the plain iframe code', async () => {
    const card = cards[0]!;
    const context = await browser.newContext({ viewport: { width: 600, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    // The codes name the site's real address (SITE_URL): answer it from the build, as the host would.
    await context.route(`${SITE_URL}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = fileForPath(outDir, path.slice(1));
      if (!file) return route.fulfill({ status: 404, body: 'not found' });
      const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };
      await route.fulfill({ status: 200, body: readFileSync(join(outDir, file)), headers: { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', ...hostHeaders(path) } });
    });
    const page = await context.newPage();
    await page.goto(`${site.url}${card.stack}/`);
    // The card's one Share & embed control; the card's own codes come first in it.
    const share = page.locator(`article[aria-labelledby="${card.id}"] footer details.share-embed`);
    await share.locator(':scope > summary').click();
    const control = share.locator('.embed-codes').first();
    const copy = control.locator('[data-embed-code="responsive"] ex-copy-button button');
    await copy.click();
    await expect.poll(() => control.locator('[data-embed-code="responsive"] .copy-status').textContent(), POLL).toBe('Copied');
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toBe(await control.locator('[data-embed-code="responsive"] textarea').inputValue());
    expect(snippet).toContain(`${SITE_URL}/embed/${card.stack}/${card.id}/`);

    const blank = await context.newPage();
    await blank.goto(writeParent('pasted.html', snippet));
    const iframe = (await blank.waitForSelector(`[${EMBED_ATTR}] iframe`)) as ElementHandle<HTMLIFrameElement>;
    expect(await iframe.getAttribute('title')).toBe(card.data.title);
    const frame = (await iframe.contentFrame())!;
    await expect.poll(() => frame.locator('h1').textContent(), POLL).toBe(card.data.title);
    await expect
      .poll(async () => Math.abs((await iframe.evaluate((el) => el.getBoundingClientRect().height)) - (await frame.evaluate(() => document.documentElement.getBoundingClientRect().height))), POLL)
      .toBeLessThanOrEqual(TOLERANCE);

    const plain = await control.locator('[data-embed-code="iframe"] textarea').inputValue();
    await blank.goto(writeParent('pasted-iframe.html', plain));
    const plainFrame = (await (await blank.waitForSelector('iframe')).contentFrame())!;
    await expect.poll(() => plainFrame.locator('h1').textContent(), POLL).toBe(card.data.title);
    await context.close();
  });

  it('applies ?theme= and ?bg=transparent inside the embed', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${sample[0]!.path}?theme=dark&bg=transparent`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), POLL).toBe('dark');
    const look = await page.evaluate(() => ({
      transparent: document.documentElement.classList.contains('embed-transparent'),
      body: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
    }));
    expect(look.transparent).toBe(true);
    expect(look.body).toBe('rgba(0, 0, 0, 0)');
    expect(look.text).toBe('rgb(236, 238, 241)'); // the dark theme's text colour (tokens.css)
    await page.close();
  });

  it('is light in a light host page though the reader’s system is dark; dark or auto only when the code asks', async () => {
    const card = sample[0]!;
    const chart = sample.find((u) => u.label.startsWith('chart'))!;
    const context = await browser.newContext({ viewport: { width: 600, height: 900 } });
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    // A plain light newsroom page (no color-scheme of its own), as most are.
    const frames = [
      ['card-default', `<iframe id="card-default" title="a" src="${site.url}${card.path}" width="600" height="600"></iframe>`],
      ['chart-default', `<iframe id="chart-default" title="b" src="${site.url}${chart.path}" width="600" height="600"></iframe>`],
      ['chart-dark', `<iframe id="chart-dark" title="c" src="${site.url}${chart.path}?theme=dark" width="600" height="600"></iframe>`],
      ['responsive-default', `<div id="responsive-default" ${EMBED_ATTR}="${site.url}${chart.path}"><a href="${site.url}">a</a></div>`],
      ['responsive-dark', `<div id="responsive-dark" ${EMBED_ATTR}="${site.url}${card.path}" data-theme="dark"><a href="${site.url}">a</a></div>`],
      ['responsive-auto', `<div id="responsive-auto" ${EMBED_ATTR}="${site.url}${card.path}" data-theme="auto"><a href="${site.url}">a</a></div>`],
    ] as const;
    await page.goto(writeParent('themes.html', frames.map(([, html]) => `<p>Newsroom text.</p>${html}`).join('\n') + `<script src="${site.url}embed.js"></script>`));
    const look = async (id: string) => {
      const iframe = (await page.waitForSelector(`#${id}${id.startsWith('responsive') ? ' iframe' : ''}`)) as ElementHandle<HTMLIFrameElement>;
      await iframe.scrollIntoViewIfNeeded();
      const frame = (await iframe.contentFrame())!;
      await frame.waitForLoadState('load');
      return frame.evaluate(async () => {
        const img = document.querySelector<HTMLImageElement>('.chart-box img');
        if (img && !img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }));
        return { src: location.search, background: getComputedStyle(document.body).backgroundColor, image: img ? img.currentSrc.split('/').pop() : null };
      });
    };
    const LIGHT = 'rgb(255, 255, 255)';
    const DARK = 'rgb(18, 20, 23)'; // tokens.css, the dark --ex-bg
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), 'the reader’s system is dark').toBe(true);

    const cardDefault = await look('card-default');
    expect(cardDefault.background, 'a card, no theme asked').toBe(LIGHT);
    const chartDefault = await look('chart-default');
    expect(chartDefault.background, 'a chart, no theme asked').toBe(LIGHT);
    expect(chartDefault.image, 'a chart’s image, no theme asked').toMatch(/-light\.svg$/);

    // The recommended code, as copied (no data-theme): light, its chart image the light one.
    const responsiveDefault = await look('responsive-default');
    expect(responsiveDefault.src, 'embed.js adds no theme of its own').toBe('');
    expect(responsiveDefault.background, 'responsive code, no theme asked').toBe(LIGHT);
    expect(responsiveDefault.image, 'its chart image').toMatch(/-light\.svg$/);

    const chartDark = await look('chart-dark');
    expect(chartDark.background, 'a chart with ?theme=dark').toBe(DARK);
    expect(chartDark.image, 'a chart’s image with ?theme=dark').toMatch(/-dark\.svg$/);
    // The responsive code's data-theme reaches the embed page through embed.js.
    const responsiveDark = await look('responsive-dark');
    expect(responsiveDark.src).toBe('?theme=dark');
    expect(responsiveDark.background, 'responsive code with data-theme="dark"').toBe(DARK);
    const responsiveAuto = await look('responsive-auto');
    expect(responsiveAuto.src).toBe('?theme=auto');
    expect(responsiveAuto.background, 'responsive code with data-theme="auto", reader dark').toBe(DARK);
    await context.close();
  });

  it('lets another site frame an embed page but not an article page', async () => {
    const page = await browser.newPage();
    const embed = `${site.url}${sample[0]!.path}`;
    const article = `${site.url}${cards[0]!.stack}/`;
    await page.goto(writeParent('framing.html', `<iframe id="e" title="e" src="${embed}"></iframe><iframe id="a" title="a" src="${article}"></iframe>`));
    const frameOf = async (id: string) => (await (await page.$(`#${id}`))!.contentFrame())!;
    await expect.poll(async () => (await frameOf('e')).locator('h1').count(), POLL).toBe(1);
    await expect.poll(async () => (await frameOf('a')).url(), POLL).not.toBe('about:blank');
    expect((await frameOf('a')).url()).not.toBe(article); // Chromium shows its error page instead
    await page.close();
  });
});
