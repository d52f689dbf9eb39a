/**
 * A reader searches the Ukrainian edition (/uk/search/) in Debian's Chromium, at the root and under
 * the sub-path, with words in other forms than the text has them and with each of the three
 * apostrophes (' U+0027, ʼ U+02BC, ’ U+2019), and the card that answers comes first. Pagefind has
 * no Ukrainian stemmer; the page sends each word's stem (src/lib/search-stem.ts), which Pagefind
 * matches as a prefix, so «гарантіями» finds «гарантії» and «гарантій», and «зобовʼязань» finds
 * «зобов’язання». The highlights are the text's own words, and only the Ukrainian edition's search
 * script carries the stemmer.
 *
 * Each expected card was checked against the built index; the form typed is one the text does not
 * have, or has only elsewhere, where that was possible («гарантіями» is once in the timeline, and
 * before stemming that was its only result).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium, watchedPage } from '../support/browser';
import { serveStatic } from '../support/static-server';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builds } from '../support/builds';
import { searchStem } from '../../src/lib/search-stem';
import { normaliseApostrophes } from '../../src/lib/apostrophes';

/** Query as a reader types it → the card (path under the Ukrainian edition) listed first. */
const FIRST_CARD: [query: string, card: string][] = [
  ['гарантій', 'security-guarantees/#what-is-the-plan'],
  ['гарантіями', 'security-guarantees/#what-is-the-plan'],
  ['статтею 5', 'article-5/#what-article-5-says'],
  ['заморожених активів', 'frozen-assets/#where-the-assets-are'],
  ['Бельгії', 'frozen-assets/#belgium-objections'],
  ['Бельгією', 'frozen-assets/#belgium-objections'],
  ['Коаліції охочих', 'security-guarantees/#european-force'],
  ['репараційного кредиту', 'frozen-assets/#the-loan-plan'],
  ['Будапештського меморандуму', 'article-5/#budapest-memorandum'],
  ['Зеленського умови', 'article-5/#zelenskyy-conditions'],
  // The same word with each apostrophe, in a form the text does not have (it has «зобов’язання»).
  ["зобов'язань", 'article-5/#what-article-5-says'],
  ['зобовʼязань', 'article-5/#what-article-5-says'],
  ['зобов’язань', 'article-5/#what-article-5-says'],
  ["об'єктів", 'security-guarantees/#european-force'],
  ['інтервʼю', 'article-5/#russia-objections'],
  ["прем'єра", 'frozen-assets/#belgium-objections'],
];

/** A highlighted word as the stems are compared with it: lower case, no edge punctuation, ’. */
const markKey = (mark: string) => normaliseApostrophes(mark.toLocaleLowerCase('uk').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));

describe.runIf(chromiumAvailable())('search in Ukrainian', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, { base, outDir }] of Object.entries(builds)) {
    it(`lists the right card first for inflected words and every apostrophe (${name})`, async () => {
      const server = await serveStatic(outDir, { base });
      const { page, errors } = await watchedPage(browser);
      try {
        const got: [string, string][] = [];
        for (const [q, card] of FIRST_CARD) {
          await page.goto(`${server.url}uk/search/?q=${encodeURIComponent(q)}`);
          // The status line quotes the query as typed, never its stems.
          await page.waitForFunction((q) => document.querySelector('.search-status')?.textContent?.includes(`«${q}»`), q, { timeout: 15_000 });
          const first = await page.evaluate(() => {
            const li = document.querySelector('.search-results li li');
            return { href: li?.querySelector('a')?.getAttribute('href') ?? '', marks: [...(li?.querySelectorAll('mark') ?? [])].map((m) => m.textContent ?? '') };
          });
          got.push([q, first.href.startsWith(`${base}uk/`) ? first.href.slice(`${base}uk/`.length) : first.href]);
          // Each highlight is a word of the text (with ’, never a stem cut short) that starts with
          // one of the query's stems.
          const stems = q.split(/\s+/).map(searchStem);
          expect(first.marks.length, `${q}: ${first.href}`).toBeGreaterThan(0);
          for (const mark of first.marks) {
            expect(mark, q).not.toMatch(/['ʼ]/);
            expect(stems.some((s) => markKey(mark).startsWith(normaliseApostrophes(s))), `${q}: «${mark}» starts with none of ${stems.join(', ')}`).toBe(true);
            expect(markKey(mark).length, `${q}: «${mark}»`).toBeGreaterThanOrEqual(Math.min(...stems.map((s) => s.length)));
          }
        }
        // All at once, so a failure shows every query's first card.
        expect(got).toEqual(FIRST_CARD);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
        await server.close();
      }
    });

    it(`carries the stemmer in the Ukrainian search script only (${name})`, () => {
      // The search page's script, by the name Astro gives it, in each edition's _astro/.
      const script = (dir: string) => {
        const files = readdirSync(dir).filter((f) => /^search\.astro.*\.js$/.test(f));
        expect(files, dir).toHaveLength(1);
        return readFileSync(join(dir, files[0]!), 'utf8');
      };
      // One of the stemmer's endings.
      const stemmer = /ейше/;
      expect(script(join(outDir, 'uk/_astro'))).toMatch(stemmer);
      expect(script(join(outDir, '_astro'))).not.toMatch(stemmer);
    });
  }
});
