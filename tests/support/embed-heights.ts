/**
 * Measures built embed pages in Chromium, as a frame of a given width shows them: JavaScript on
 * (a long card folds its body, src/scripts/embed-reporter.ts), fonts loaded, nothing opened.
 * Used by `npm run embed:heights` (which writes src/data/embed-heights.json) and by
 * tests/e2e/embed-heights.test.ts (which measures again and compares).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/**
 * Every unit's key in a build ('security-guarantees/european-force', 'chart/troop-sizes'), from
 * its embed pages; the Ukrainian edition's units as 'uk/security-guarantees/european-force' (their
 * text is longer, so they are measured on their own).
 */
export function unitKeys(dist: string): string[] {
  const keys: string[] = [];
  for (const [edition, prefix] of [['', ''], ['uk', 'uk/']] as const) {
    const root = join(dist, edition, 'embed');
    if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const group of readdirSync(root).sort()) {
      if (!statSync(join(root, group)).isDirectory()) continue;
      for (const unit of readdirSync(join(root, group)).sort()) {
        if (statSync(join(root, group, unit, 'index.html'), { throwIfNoEntry: false })?.isFile()) keys.push(`${prefix}${group}/${unit}`);
      }
    }
  }
  return keys;
}

export const embedPathOf = (key: string) => (key.startsWith('uk/') ? `uk/embed/${key.slice(3)}/` : `embed/${key}/`);

/** Loads a page and waits until it has settled: fonts in, the reporter's fold done. */
export async function settle(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export const pageHeight = (page: Page) => page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

/** Each unit's height at each width, in px (rounded up). `siteUrl` ends in '/'. */
export async function measureUnits(browser: Browser, siteUrl: string, keys: readonly string[], widths: readonly number[]): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, []]));
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 844 } });
    const page = await context.newPage();
    for (const key of keys) {
      await settle(page, `${siteUrl}${embedPathOf(key)}`);
      out[key]!.push(await pageHeight(page));
    }
    await context.close();
  }
  return out;
}
