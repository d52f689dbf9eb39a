/**
 * A reader searches for "Belgium" and lands on the frozen-assets card, at the root and under
 * the sub-path, in Debian's Chromium against the built site: the card about Belgium comes first,
 * excerpts keep the text's spacing and carry no footnote markers, and the page has one search box.
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
        const first = page.locator('.search-results a[href*="#"]').first();
        await first.waitFor({ timeout: 15_000 });
        // The card about Belgium's objections is the first card listed.
        const href = await first.getAttribute('href');
        expect(href).toBe(`${base}frozen-assets/#belgium-objections`);
        // Excerpts read as the text does: a space on each side of a highlight (Pagefind marks whole
        // words, punctuation included), and no footnote markers.
        const excerpts = await page.locator('.search-results .excerpt').evaluateAll((ps) =>
          ps.map((p) => ({
            text: p.textContent ?? '',
            marks: [...p.querySelectorAll('mark')].map((m) => ({
              before: m.previousSibling?.textContent?.slice(-1) ?? '',
              after: m.nextSibling?.textContent?.[0] ?? '',
            })),
          })),
        );
        expect(excerpts.length).toBeGreaterThan(2);
        for (const e of excerpts) {
          expect(e.text, e.text).not.toMatch(/\[\d+\]/);
          expect(e.marks.length, e.text).toBeGreaterThan(0);
          for (const m of e.marks) {
            expect(m.before, e.text).toMatch(/^(?:\s|)$/);
            expect(m.after, e.text).toMatch(/^(?:\s|)$/);
          }
        }
        // One search box on the search page (the header leaves its own out there).
        await expect(page.locator('input[type="search"]').count()).resolves.toBe(1);
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
