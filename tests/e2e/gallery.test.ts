/**
 * The embed gallery in Chromium: thumbnails and codes at once, no live preview (no iframe, no
 * request for an embed page) until a reader opens one; the section filter works without
 * JavaScript.
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
