/**
 * A reader searches for "Belgium" and lands on the frozen-assets card, at the root and under
 * the sub-path, in Debian's Chromium against the built site: the card about Belgium comes first,
 * excerpts keep the text's spacing and carry no footnote markers, and the page has one search box.
 * A reader searches for "Article 5": the cards with that phrase come first, before the cards that
 * only have a "5" ("5 December 1994", "€5bn"), and the count says how many cards and pages are
 * listed. Excerpts from the timeline read "2025 Later development", never "2025Later".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, watchedPage } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/static-server';
import { builds } from '../support/builds';
import { axeViolations, COLOUR_RULES, formatAxe } from '../support/page-checks';

/** The listed cards in order, the page links, and the count line, once the results are in. */
async function listed(page: Page) {
  await page.locator('.search-results a[href*="#"]').first().waitFor({ timeout: 15_000 });
  return page.evaluate(() => ({
    status: document.querySelector('.search-status')?.textContent ?? '',
    cards: [...document.querySelectorAll('.search-results li li')].map((li) => ({
      href: li.querySelector('a')!.getAttribute('href') ?? '',
      excerpt: li.querySelector('.excerpt')?.textContent ?? '',
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
      apart: li.closest('.search-apart') !== null,
    })),
    pages: [...document.querySelectorAll('.search-results > li > a')].map((a) => a.getAttribute('href') ?? ''),
    apartHeading: document.querySelector('.search-apart h2')?.textContent ?? null,
  }));
}

/** "6 cards on 2 pages for “q”" → [6, 2]. */
function counted(status: string, q: string): [number, number] {
  const m = /^(\d+) cards? on (\d+) pages? for “(.*)”$/.exec(status);
  expect(m, status).not.toBeNull();
  expect(m![3]).toBe(q);
  return [Number(m![1]), Number(m![2])];
}

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
      const { page, errors } = await watchedPage(browser);
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
    it(`lists the Article 5 cards first, and counts what it lists (${name})`, async () => {
      const server: StaticServer = await serveStatic(outDir, { base });
      const { page, errors } = await watchedPage(browser);
      try {
        await page.goto(`${server.url}search/?q=${encodeURIComponent('Article 5')}`);
        const a5 = await listed(page);
        // The card about Article 5 itself comes first.
        expect(a5.cards[0]?.href).toBe(`${base}article-5/#what-article-5-says`);
        // Every card before the heading has the phrase, highlighted as one (with its punctuation,
        // as Pagefind marks whole words), in its excerpt; they come from more than one page.
        const main = a5.cards.filter((c) => !c.apart);
        expect(main.length).toBeGreaterThanOrEqual(4);
        for (const c of main) {
          expect(c.excerpt, c.href).toMatch(/Article 5\b/);
          expect(c.marks.some((m) => /^Article 5\b/.test(m)), `${c.href}: ${c.marks.join(' | ')}`).toBe(true);
        }
        expect(new Set(main.map((c) => c.href.split('#')[0])).size).toBeGreaterThanOrEqual(3);
        // The cards whose only match is a "5" ("5 December 1994", "€5bn") are listed, after all of
        // them, under a heading of their own.
        const firstApart = a5.cards.findIndex((c) => c.apart);
        const onlyFive = a5.cards.filter((c) => /\b5 December|€5bn/.test(c.excerpt) && !/Article 5\b/.test(c.excerpt));
        expect(onlyFive.map((c) => c.href)).toEqual(expect.arrayContaining([`${base}article-5/#budapest-memorandum`, `${base}frozen-assets/#where-the-assets-are`]));
        for (const c of onlyFive) expect(a5.cards.indexOf(c), c.href).toBeGreaterThanOrEqual(main.length);
        expect(firstApart).toBe(main.length);
        expect(a5.apartHeading).toBe('Other matches, without “Article 5” as a phrase');
        // The count is the cards and the pages listed.
        expect(counted(a5.status, 'Article 5')).toEqual([a5.cards.length, new Set(a5.pages).size]);
        // Both lists and the heading between them pass axe, in light and dark.
        const light = await axeViolations(page);
        expect(light, formatAxe(light)).toEqual([]);
        await page.emulateMedia({ colorScheme: 'dark' });
        const dark = await axeViolations(page, { rules: COLOUR_RULES });
        expect(dark, formatAxe(dark)).toEqual([]);

        // A second search from the form replaces the list; a timeline excerpt keeps its spaces.
        await page.fill('#search-q', 'Later development');
        await page.press('#search-q', 'Enter');
        await page.waitForFunction(() => document.querySelector('.search-status')?.textContent?.includes('Later development'));
        const later = await listed(page);
        expect(later.apartHeading).toBeNull();
        expect(counted(later.status, 'Later development')).toEqual([later.cards.length, new Set(later.pages).size]);
        const timeline = later.cards.find((c) => c.href === `${base}context/#timeline`);
        expect(timeline?.excerpt).toMatch(/\d{4} Later development/);
        for (const c of later.cards) expect(c.excerpt, c.href).not.toMatch(/\d{4}[A-Z][a-z]/);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
        await server.close();
      }
    });
  }
});
