/**
 * The embed gallery in Chromium: thumbnails and codes at once, no live preview (no iframe, no
 * request for an embed page) until a reader opens one; an open preview's frames are as wide as
 * their labels say, at 1280 px, and the widths are said once on the page, not in every tile's
 * toggle; the codes are made when a tile's are opened; the section filter works without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { browserOnRootBuild } from '../support/site-browser';

describe.runIf(chromiumAvailable())('embed gallery', () => {
  const site = browserOnRootBuild();

  it('loads no iframe before a reader asks; opening the previews loads them', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const embedRequests: string[] = [];
    page.on('request', (r) => /\/embed\/.+\/$/.test(new URL(r.url()).pathname) && embedRequests.push(r.url()));
    try {
      await page.goto(`${site.server.url}embed/`, { waitUntil: 'networkidle' });
      await page.mouse.wheel(0, 20_000);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('iframe').count()).toBe(0);
      expect(embedRequests).toEqual([]);
      // Thumbnails are there at once.
      const first = page.locator('img.thumb').first();
      await expect(first.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).resolves.toBe(true);

      const previews = page.locator('details[data-gallery-previews]').first();
      await previews.locator('summary').scrollIntoViewIfNeeded();
      await previews.locator('summary').click();
      await expect.poll(() => previews.locator('iframe').count()).toBe(3);
      expect(await page.locator('iframe').count()).toBe(3);
    } finally {
      await context.close();
    }
  });

  it('at 1280 px an open preview shows each frame as wide as its label says; the widths said once', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${site.server.url}embed/`);
      // The widths are in the introduction once; each tile's toggle is one quiet line.
      const text = await page.locator('main').innerText();
      expect(text.match(/320, 600 and 900 pixels wide/g)).toHaveLength(1);
      const summaries = page.locator('details[data-gallery-previews] > summary');
      expect(await summaries.count()).toBeGreaterThan(10);
      const look = await summaries.first().evaluate((s) => ({ text: s.textContent!.trim(), weight: Number(getComputedStyle(s).fontWeight), size: parseFloat(getComputedStyle(s).fontSize) }));
      const title = await page.locator('.tile h3').first().evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
      expect(look.text).not.toMatch(/\d/);
      expect(look.weight).toBeLessThan(600);
      expect(look.size).toBeLessThan(title);

      // A card's previews (cards are the narrow tiles' majority): the tile opens to the gallery's width.
      const previews = page.locator('#gallery-security-guarantees details[data-gallery-previews]').first();
      await previews.locator('summary').scrollIntoViewIfNeeded();
      await previews.locator('summary').click();
      await expect.poll(() => previews.locator('iframe').count()).toBe(3);
      const figures = previews.locator('figure.preview');
      expect(await figures.count()).toBe(3);
      for (let i = 0; i < 3; i++) {
        const figure = figures.nth(i);
        const label = Number(/(\d+) pixels wide/.exec((await figure.locator('figcaption').textContent())!)![1]);
        const m = await figure.evaluate((f) => {
          const iframe = f.querySelector('iframe')!;
          const scroller = f.querySelector<HTMLElement>('.frame-scroll')!;
          const frame = iframe.getBoundingClientRect();
          const box = scroller.getBoundingClientRect();
          return { width: frame.width, inView: frame.left >= box.left - 0.5 && frame.right <= box.right + 0.5, scrolls: scroller.scrollWidth > scroller.clientWidth };
        });
        expect(m.width, `the ${label} px preview's frame`).toBe(label);
        expect(m.inView && !m.scrolls, `the ${label} px preview is whole in view, not in a scrolling box`).toBe(true);
        // The page inside is laid out at that width.
        const frame = (await figure.locator('iframe').elementHandle())!;
        const inner = (await frame.contentFrame())!;
        await expect.poll(() => inner.evaluate(() => document.documentElement.clientWidth).catch(() => 0)).toBe(label);
      }
    } finally {
      await context.close();
    }
  });

  it('makes no code box on load (each costs a forced layout); opening a tile brings its codes, and without JavaScript they are there', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await site.browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      try {
        await page.goto(`${site.server.url}embed/`, { waitUntil: 'networkidle' });
        const tiles = await page.locator('.tile').count();
        const codes = page.locator('details.embed-codes').nth(1);
        if (javaScriptEnabled) expect(await page.locator('textarea').count()).toBe(0);
        await codes.locator('> summary').click();
        await expect.poll(() => codes.locator('[data-embed-code="responsive"] textarea').count(), { message: `JavaScript ${javaScriptEnabled ? 'on' : 'off'}` }).toBe(1);
        await expect(codes.locator('[data-embed-code="responsive"] textarea').inputValue()).resolves.toMatch(/<iframe|<script/);
        if (javaScriptEnabled) {
          // Only the opened tile's codes were made; its Copy button works on what came in.
          expect(await page.locator('textarea').count()).toBeLessThan(tiles);
          await expect.poll(() => codes.locator('[data-embed-code="responsive"] ex-copy-button button').isVisible()).toBe(true);
        }
      } finally {
        await context.close();
      }
    }
  });

  it('filters by section without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${site.server.url}embed/`);
      const sections = page.locator('.gallery > section');
      const count = await sections.count();
      expect(count).toBeGreaterThan(2);
      // Charts and the map come first.
      await expect(sections.first().getAttribute('id')).resolves.toBe('gallery-charts');
      await page.locator('nav.filter a[href="#gallery-charts"]').click();
      await expect.poll(() => page.locator('.gallery > section:visible').count()).toBe(1);
      await expect(page.locator('.gallery > section:visible').getAttribute('id')).resolves.toBe('gallery-charts');
      await page.locator('nav.filter a[href="#gallery"]').click();
      await expect.poll(() => page.locator('.gallery > section:visible').count()).toBe(count);
    } finally {
      await context.close();
    }
  });
});
