/**
 * A build without SITE_URL, as `npm start` makes it (tests/support/builds.ts, noSiteUrlBuild):
 * its absolute URLs name the brand's address, a stand-in. The build says so in one line; the
 * embed codes, "Link to this card" and "Cite this" are marked for the served address
 * (src/lib/served-address.ts), with a note for readers without JavaScript; the two builds with
 * SITE_URL carry no mark at all. In Chromium, served from a local static server: the code the
 * Copy button copies, and the one the box shows, name the address the page is served from, and
 * that code pasted into a page on another origin shows the embed; without JavaScript the box
 * keeps the stand-in and the note says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadBrand } from '../../src/config/brand-loader';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { EMBED_ATTR } from '../../src/lib/embed/host';
import { BUILT_SITE_ATTR, BUILT_SITE_NOTE_ATTR, SITE_URL_WARNING } from '../../src/lib/served-address';
import { chromiumAvailable } from '../support/browser';
import { builds, buildWithoutSiteUrl, noSiteUrlBuild, ROOT } from '../support/builds';
import { openCrossOrigin, type CrossOrigin } from '../support/cross-origin';
import { listHtml, readText } from '../support/dist';
import { attr, elements, parseHtml } from '../support/html';
import type { StaticServer } from '../support/static-server';

const { outDir, log } = noSiteUrlBuild;
const HOST_DIR = join(ROOT, 'tests/.tmp/no-site-url-host');
const POLL = { timeout: 20_000, interval: 100 };
/** The stand-in the build falls back to: the brand's url, at the root. */
const BUILT = new URL('/', loadBrand(undefined, ROOT).url).href;
const { model } = checkContent(readContentFiles(ROOT));
const stack = model.stacks[0]!;
const card = model.cards.find((c) => c.stack === stack.id && c.id === stack.cards[0])!;
// A card that draws a chart, for "Cite this".
const withChart = model.cards.find((c) => /<Chart\b/.test(c.body))!;

// eslint-disable-next-line no-control-regex
const hasClass = (e: Parameters<typeof attr>[0], name: string) => (attr(e, 'class') ?? '').split(/\s+/).includes(name);
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('a build without SITE_URL', () => {
  beforeAll(() => buildWithoutSiteUrl(), 180_000);

  it('says so in one line of its output', () => {
    const lines = plain(readFileSync(log, 'utf8')).split('\n').filter((l) => l.includes(SITE_URL_WARNING));
    expect(lines).toHaveLength(1);
  });

  it('marks the codes, the card’s link and the citations for the served address, with a note for readers without JavaScript', () => {
    for (const page of [stack.id, withChart.stack]) {
      const doc = parseHtml(readText(outDir, `${page}/index.html`));
      const all = [...elements(doc)];
      const codes = all.filter((e) => hasClass(e, 'embed-codes'));
      expect(codes.length, `${page}/ has embed codes`).toBeGreaterThan(0);
      for (const c of codes) expect(attr(c, BUILT_SITE_ATTR)).toBe(BUILT);
      const notes = all.filter((e) => attr(e, BUILT_SITE_NOTE_ATTR) !== undefined);
      expect(notes).toHaveLength(codes.length);
      const links = all.filter((e) => hasClass(e, 'share-link'));
      expect(links.length).toBeGreaterThan(0);
      for (const l of links) expect(attr(l, BUILT_SITE_ATTR)).toBe(BUILT);
    }
    const cites = [...elements(parseHtml(readText(outDir, `${withChart.stack}/index.html`)))].filter((e) => hasClass(e, 'chart-cite'));
    expect(cites.length).toBeGreaterThan(0);
    for (const c of cites) expect(attr(c, BUILT_SITE_ATTR)).toBe(BUILT);
  });
});

describe.each(Object.entries(builds))('the %s build, with SITE_URL', (_name, { outDir: dir }) => {
  it('carries no mark and no note: its codes name SITE_URL as before', () => {
    const marked = listHtml(dir).filter((f) => readText(dir, f).includes(BUILT_SITE_ATTR));
    expect(marked).toEqual([]);
  });
});

describe.skipIf(!chromiumAvailable())('a build without SITE_URL in Chromium, served from a local static server', () => {
  let harness: CrossOrigin | undefined;
  let site: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    buildWithoutSiteUrl();
    harness = await openCrossOrigin(outDir, HOST_DIR);
    ({ site, browser } = harness);
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('shows and copies codes that name the served address, and the copied code works', async () => {
    const context = await browser.newContext({ viewport: { width: 600, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await context.newPage();
    await page.goto(`${site.url}${card.stack}/`);
    const share = page.locator(`article[aria-labelledby="${card.id}"] footer details.share-embed`);
    await share.locator(':scope > summary').click();
    const control = share.locator('.embed-codes').first();
    const code = control.locator('[data-embed-code="responsive"]');
    await code.locator('ex-copy-button button').click();
    await expect.poll(() => code.locator('.copy-status').textContent(), POLL).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());

    expect(copied).toContain(`${EMBED_ATTR}="${site.url}embed/${card.stack}/${card.id}/"`);
    expect(copied).toContain(`<script async src="${site.url}embed.js"></script>`);
    expect(copied).not.toContain(BUILT);
    // The box shows what is copied; the note for readers without JavaScript is gone.
    expect(await code.locator('textarea').inputValue()).toBe(copied);
    await expect.poll(() => control.locator(`[${BUILT_SITE_NOTE_ATTR}]`).isHidden(), POLL).toBe(true);
    // "Link to this card" too.
    const link = share.locator('.share-link a');
    expect(await link.getAttribute('href')).toBe(`${site.url}${card.stack}/#${card.id}`);
    expect(await link.textContent()).toBe(`${site.url}${card.stack}/#${card.id}`);

    // Pasted into a newsroom's page on another origin, the copied code shows the card.
    writeFileSync(join(HOST_DIR, 'pasted.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pasted</title></head><body>${copied}</body></html>`);
    const blank = await context.newPage();
    await blank.goto(`${harness!.host.url}pasted.html`);
    const frame = (await (await blank.waitForSelector(`[${EMBED_ATTR}] iframe`)).contentFrame())!;
    await expect.poll(() => frame.locator('h1').textContent(), POLL).toBe(card.data.title);
    await context.close();
  });

  it('without JavaScript, shows the stand-in address and says it is one', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}${card.stack}/`);
    const share = page.locator(`article[aria-labelledby="${card.id}"] footer details.share-embed`);
    await share.locator(':scope > summary').click();
    const control = share.locator('.embed-codes').first();
    expect(await control.locator('[data-embed-code="responsive"] textarea').inputValue()).toContain(`${BUILT}embed/${card.stack}/${card.id}/`);
    const note = control.locator(`[${BUILT_SITE_NOTE_ATTR}]`);
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain(BUILT);
    await context.close();
  });
});
