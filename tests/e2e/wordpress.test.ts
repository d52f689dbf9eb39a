/**
 * Every unit in WordPress, run by WordPress's real host script (tests/fixtures/clients/wp-embed.js,
 * GPL, a test fixture) in Chromium, with the host page on another origin and built as WordPress
 * builds a post with oEmbed content (wp_filter_oembed_result): the provider's <blockquote> and
 * <iframe> from the unit's oEmbed JSON, the iframe sandboxed (allow-scripts), hidden until the
 * embed answers, with `#?secret=` on its URL and the same secret in data-secret on both.
 *
 * At a 600 px column, each unit is revealed (the quote gives way to the frame) and fits in
 * WordPress's 1000 px cap with nothing scrolling inside: a long unit shows its first part and
 * "Continue reading on the explainer". Outside WordPress the same units are whole. "Read the
 * full explainer" in a card and in a chart takes the top window to the unit in the explainer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ElementHandle } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { builds, ROOT, SITE_URL } from '../support/builds';
import { assertBuilt } from '../support/dist';
import { headersFileFor, type StaticServer } from '../support/static-server';
import { openCrossOrigin, type CrossOrigin } from '../support/cross-origin';

const { outDir } = builds.root;
const WP_EMBED = join(ROOT, 'tests/fixtures/clients/wp-embed.js');
const PARENT_DIR = join(ROOT, 'tests/.tmp/wordpress-host');
const POLL = { timeout: 30_000, interval: 200 };
const COLUMN = 600;
const CAP = 1000;

const haveClient = existsSync(WP_EMBED);
if (!haveClient && process.env.CI) throw new Error(`${WP_EMBED} is missing: CI must test against WordPress's real wp-embed.js`);
if (!haveClient) console.warn(`[wordpress tests skipped] ${WP_EMBED} is missing: WordPress's real wp-embed.js is needed to test as WordPress`);
const available = haveClient && chromiumAvailable();

/** Every unit's embed folder ('embed/<stack>/<card>/', 'embed/chart/<id>/'), from the build. */
function units(): string[] {
  const dir = join(outDir, 'embed');
  return readdirSync(dir, { withFileTypes: true })
    .filter((g) => g.isDirectory())
    .flatMap((g) => readdirSync(join(dir, g.name)).map((u) => `embed/${g.name}/${u}/`))
    .filter((u) => existsSync(join(outDir, u, 'oembed.json')))
    .sort();
}

/** The post HTML WordPress makes of an untrusted provider's oEmbed html (WordPress 6.x). */
function asWordPressDoes(html: string, secret: string): string {
  return html
    .replace(/ src="([^"]*)"/, ` src="$1#?secret=${secret}" data-secret="${secret}"`)
    .replace('<blockquote', `<blockquote class="wp-embedded-content" data-secret="${secret}"`)
    .replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; visibility: hidden;"');
}

describe.skipIf(!available)('in WordPress, with its real wp-embed.js, at a 600 px column', () => {
  let browser: Browser;
  let site: StaticServer;
  let parent: StaticServer;
  let harness: CrossOrigin | undefined;
  const all = available ? units() : [];

  beforeAll(async () => {
    assertBuilt(outDir);
    harness = await openCrossOrigin(outDir, PARENT_DIR, headersFileFor(outDir));
    ({ site, host: parent, browser } = harness);
    writeFileSync(join(PARENT_DIR, 'wp-embed.js'), readFileSync(WP_EMBED));
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** A post with the given units, as WordPress renders it, each with its own secret. */
  function post(name: string, paths: string[]): string {
    const body = paths
      .map((u, i) => {
        const json = JSON.parse(readFileSync(join(outDir, u, 'oembed.json'), 'utf8')) as { html: string };
        // The site answers at 127.0.0.1 here instead of its real address.
        return `<p>Post text before the embed.</p>${asWordPressDoes(json.html.split(`${SITE_URL}/`).join(site.url), `S${i}x${name.replace(/\W/g, '')}`)}`;
      })
      .join('\n');
    writeFileSync(
      join(PARENT_DIR, `${name}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><style>body{margin:0 auto;width:${COLUMN}px;font:16px serif}</style></head><body>${body}<script src="wp-embed.js"></script></body></html>`,
    );
    return `${parent.url}${name}.html`;
  }

  it('finds every card and chart', () => {
    expect(all.filter((u) => u.startsWith('embed/chart/')).length).toBeGreaterThan(0);
    expect(all.filter((u) => !u.startsWith('embed/chart/')).length).toBeGreaterThan(0);
  });

  it('reveals every unit, and each fits in 1000 px with nothing scrolling inside', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(post('all-units', all));
    const frames = (await page.$$('iframe.wp-embedded-content')) as ElementHandle<HTMLIFrameElement>[];
    expect(frames.length).toBe(all.length);
    const report: string[] = [];
    for (const [i, iframe] of frames.entries()) {
      const label = all[i]!;
      await iframe.scrollIntoViewIfNeeded();
      const frame = (await iframe.contentFrame())!;
      // Revealed: wp-embed.js removed the hiding style and hid the fallback quote.
      await expect.poll(async () => (await iframe.getAttribute('style')) === null, { ...POLL, message: `${label} revealed` }).toBe(true);
      await expect.poll(() => page.locator('blockquote.wp-embedded-content').nth(i).isHidden(), POLL).toBe(true);
      await expect
        .poll(async () => {
          const inner = await frame.evaluate(() => ({
            content: Math.ceil(document.documentElement.getBoundingClientRect().height),
            scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight || document.documentElement.scrollWidth > document.documentElement.clientWidth,
          }));
          const height = Number(await iframe.getAttribute('height'));
          return inner.content <= CAP && height === Math.max(200, inner.content) && !inner.scrolls ? 'fits' : `frame ${height}px, page ${inner.content}px${inner.scrolls ? ', scrolls' : ''}`;
        }, { ...POLL, message: `${label} fits in ${CAP} px` })
        .toBe('fits');
      const cut = await frame.evaluate(() => ({ cut: document.querySelectorAll('.embed-cut').length, more: !document.querySelector<HTMLElement>('.embed-continue')!.hidden }));
      // A cut unit says so and links on; a whole one has no link.
      expect(cut.more, `${label}: continue link shown exactly when something is cut`).toBe(cut.cut > 0);
      report.push(`${label} ${await iframe.getAttribute('height')}px${cut.cut ? ` (${cut.cut} blocks to the explainer)` : ''}`);
    }
    console.log(`[wordpress] at ${COLUMN} px:\n  ${report.join('\n  ')}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('outside WordPress the same units are whole', async () => {
    const page = await browser.newPage({ viewport: { width: COLUMN, height: 900 } });
    for (const u of all) {
      await page.goto(`${site.url}${u}`);
      expect(await page.evaluate(() => document.querySelectorAll('.embed-cut').length), u).toBe(0);
      expect(await page.locator('.embed-continue').isHidden(), u).toBe(true);
    }
    await page.close();
  });

  it.each(['card', 'chart'])('"Read the full explainer" in a %s reaches the top window', async (kind) => {
    const unit = all.find((u) => (kind === 'chart') === u.startsWith('embed/chart/'))!;
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(post(`link-${kind}`, [unit]));
    const iframe = (await page.$('iframe.wp-embedded-content'))!;
    await expect.poll(async () => (await iframe.getAttribute('style')) === null, POLL).toBe(true);
    const frame = (await iframe.contentFrame())!;
    const more = frame.locator('a.embed-more');
    const href = await more.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href.startsWith(site.url)).toBe(true);
    await more.click();
    await expect.poll(() => page.url(), POLL).toBe(href);
    await page.close();
  });
});
