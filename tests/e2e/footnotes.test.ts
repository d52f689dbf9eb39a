/**
 * Footnotes in card embeds, in Debian's Chromium, with the host page on another origin (the site
 * on 127.0.0.1, the newsroom's page on localhost, our host script sizing the frame):
 * - every card embed's footnotes run 1..n with no gaps, each linking to an entry of the card's
 *   own source list inside the frame;
 * - clicking one leaves the host page where it was: same scroll position, same URL; the source
 *   shows inside the frame instead, and its link opens in a new tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { EMBED_ATTR } from '../../src/lib/embed/host';
import { chromiumAvailable } from '../support/browser';
import { builds, ROOT } from '../support/builds';
import { assertBuilt } from '../support/dist';
import { type StaticServer } from '../support/static-server';
import { openCrossOrigin, type CrossOrigin } from '../support/cross-origin';

const { outDir } = builds.root;
const HOST_DIR = join(ROOT, 'tests/.tmp/footnotes-host');
const { model } = checkContent(readContentFiles(ROOT));

/**
 * The footnote markers of a built card embed, in reading order: each one's numbers ([3], or
 * [5, 6] for a group) and the id it points at. Throws when a marker is not read.
 */
function footnotesOf(html: string) {
  const marks = [...html.matchAll(/<a class="cite[^"]*"[^>]*? href="#([^"]+)"[^>]*>\[([\d, ]+)\]<\/a>/g)];
  const all = html.split('<a class="cite').length - 1;
  if (marks.length !== all) throw new Error(`read ${marks.length} of ${all} footnote markers`);
  return marks.map((m) => ({ target: m[1]!, numbers: m[2]!.split(', ').map(Number) }));
}

describe('footnotes in card embeds', () => {
  assertBuilt(outDir);

  it.each(model.cards.map((c) => [c.path, c] as const))('%s: footnotes run from 1 with no gaps and point into the card', (_path, card) => {
    const html = readFileSync(join(outDir, `embed/${card.stack}/${card.id}/index.html`), 'utf8');
    const marks = footnotesOf(html);
    const numbers = marks.flatMap((m) => m.numbers);
    expect(numbers.length, `${card.path}: footnotes`).toBeGreaterThan(0);
    // Numbered in order of first citation: each new source is the next number.
    let highest = 0;
    for (const n of numbers) {
      expect(n, `${card.path}: footnote ${n} after ${highest}`).toBeLessThanOrEqual(highest + 1);
      highest = Math.max(highest, n);
    }
    expect(new Set(numbers)).toEqual(new Set(Array.from({ length: highest }, (_, i) => i + 1)));
    for (const { target, numbers: [first] } of marks) {
      // A marker links to its first (lowest) number's entry, which is in the frame.
      expect(target).toBe(`${card.id}-src-${first}`);
      expect(html, `#${target} exists`).toMatch(new RegExp(`<li id="${target}"`));
    }
  });
});

describe.skipIf(!chromiumAvailable())('clicking a footnote in an embed, host page on another origin', () => {
  let browser: Browser;
  let site: StaticServer;
  let host: StaticServer;
  let harness: CrossOrigin | undefined;
  // The card with the most footnotes.
  const card = [...model.cards].sort((a, b) => (b.body.match(/<Cite /g)?.length ?? 0) - (a.body.match(/<Cite /g)?.length ?? 0))[0]!;

  beforeAll(async () => {
    assertBuilt(outDir);
    harness = await openCrossOrigin(outDir, HOST_DIR);
    ({ site, host, browser } = harness);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it.each([
    ['with our host script (the frame as tall as the card)', () => `<div ${EMBED_ATTR}="${site.url}embed/${card.stack}/${card.id}/"></div><script async src="${site.url}embed.js"></script>`],
    ['in a plain iframe of fixed height (the frame scrolls)', () => `<iframe src="${site.url}embed/${card.stack}/${card.id}/" title="card" width="100%" height="500"></iframe>`],
  ])('%s, the host page stays where it was', async (name, embed) => {
    const filler = Array.from({ length: 30 }, (_, i) => `<p>Newsroom paragraph ${i + 1}.</p>`).join('');
    const file = `${name.replace(/\W+/g, '-')}.html`;
    writeFileSync(join(HOST_DIR, file), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>${filler}${embed()}${filler}</body></html>`);
    const page = await browser.newPage({ viewport: { width: 390, height: 700 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${host.url}${file}#story`);
      const iframe = page.locator('iframe');
      await iframe.waitFor();
      const frame = page.frameLocator('iframe');
      // The first footnote a reader sees: in an embed, later developments are one closed line
      // each and a long card folds its end, so the card's first marker may be out of sight.
      const marker = frame.locator('.card-body a.cite:visible').first();
      await marker.waitFor({ timeout: 20_000 });
      // Let the frame settle to its size, then scroll the host page to the footnote as a reader
      // would. (Playwright's own scrolling waits for animation frames, which Chromium does not
      // run in an out-of-view cross-origin frame.)
      await page.waitForTimeout(500);
      // The reader reaches the frame first: Chromium sizes an out-of-view cross-origin frame's
      // viewport lazily, and a frame scrolled while it still had its first height would jump back
      // when it took its full one.
      await iframe.evaluate((f) => scrollTo(0, f.getBoundingClientRect().top + scrollY));
      await page.waitForTimeout(300);
      // In a frame of fixed height the marker may sit below the frame's fold (a card that opens
      // with later developments): a reader scrolls the frame first, which moves only the frame.
      await marker.evaluate((a) => scrollTo(0, Math.max(0, a.getBoundingClientRect().top + scrollY - 100)));
      const box = (await marker.boundingBox())!;
      await page.evaluate((y) => scrollTo(0, y), Math.round(box.y + (await page.evaluate(() => scrollY)) - 300));
      await page.waitForTimeout(200);
      const before = await page.evaluate(() => ({ x: scrollX, y: scrollY, url: location.href }));
      const number = Number(/^\[(\d+)/.exec((await marker.textContent()) ?? '')?.[1]);
      expect(number).toBeGreaterThan(0);
      await marker.click();
      const note = frame.locator('.card-body .footnote-note');
      await note.waitFor();
      await page.waitForTimeout(300);
      const after = await page.evaluate(() => ({ x: scrollX, y: scrollY, url: location.href }));
      expect(after).toEqual(before);
      expect(page.url()).toBe(`${host.url}${file}#story`);
      // The note is the entry of the card's source list the footnote points at, and its link
      // opens the source in a new tab.
      const entry = frame.locator(`[id="${card.id}-src-${number}"]`);
      const squash = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();
      expect(squash(await note.locator('.footnote-note-item').textContent())).toBe(squash(await entry.textContent()));
      const links = await note.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('target')));
      expect(links.length).toBeGreaterThan(0);
      for (const target of links) expect(target).toBe('_blank');
      // A second click closes it; the host still has not moved.
      await marker.click();
      await expect(note.count()).resolves.toBe(0);
      expect(await page.evaluate(() => scrollY)).toBe(before.y);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
