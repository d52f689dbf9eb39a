/**
 * A reader searches for "Belgium" and lands on the frozen-assets card, at the root and under
 * the sub-path, in Debian's Chromium against the built site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/static-server';
import { builds } from '../support/builds';

describe.runIf(chromiumAvailable())('search', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, { base, outDir }] of Object.entries(builds)) {
    it(`finds Belgium and opens the frozen-assets card (${name})`, async () => {
      const server: StaticServer = await serveStatic(outDir, { base });
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      try {
        // Start from the header search box on the home page, as a reader would.
        await page.goto(server.url);
        await page.fill('#header-search-q', 'Belgium');
        await page.press('#header-search-q', 'Enter');
        await page.waitForURL(/\/search\/\?q=Belgium/);
        const first = page.locator('.search-results a[href*="frozen-assets/#"]').first();
        await first.waitFor({ timeout: 15_000 });
        const href = await first.getAttribute('href');
        expect(href).toMatch(new RegExp(`^${base}frozen-assets/#[a-z0-9-]+$`));
        await first.click();
        await page.waitForURL(new RegExp(`${base}frozen-assets/#`));
        const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
        const heading = page.locator(`[id="${id}"]`);
        await expect(heading.isVisible()).resolves.toBe(true);
        // The card it lands on talks about Belgium.
        const card = await page.locator(`article:has([id="${id}"])`).innerText();
        expect(card).toMatch(/Belgi/);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
        await server.close();
      }
    });
  }
});
