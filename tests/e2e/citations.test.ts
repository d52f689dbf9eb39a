/**
 * Citations that stay out of the way and open in place (issue 20), in Debian's Chromium on an
 * explainer page at 390×844 with touch:
 * - outside the cards, one small mark per sentence, whose visible text names no outlet (its
 *   accessible name does), linking to the sources page without JavaScript;
 * - tapping a marker outside a card, a numbered footnote in a card or a figure (<Value>) shows its
 *   sources right there, in the viewport, without moving the page or changing its URL; Escape or
 *   the close button closes the note and puts focus back on what opened it;
 * - a paragraph with markers has the same line spacing as one without.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { builds, ROOT } from '../support/builds.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { assertBuilt } from '../support/dist';

const { model } = checkContent(readContentFiles(ROOT));
const { outDir, base } = builds.root;
const VIEWPORT = { width: 390, height: 844 };
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
/** The stack with the most figures in its cards: it has figures, in-brief sentences and card footnotes. */
const stack = model.stacks.find((s) => s.id === 'security-guarantees') ?? model.stacks[0]!;

/** Opens the page and waits for the enhancement (site pages load their scripts after the first paint). */
async function openPage(browser: Browser, server: StaticServer, path: string, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  // bypassCSP: the line-spacing test adds a style of its own, which the pages' policy refuses.
  const page = await browser.newPage({ viewport: VIEWPORT, hasTouch: true, colorScheme: scheme, bypassCSP: true });
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('html.notes-in-place', { state: 'attached', timeout: 20_000 });
  return page;
}

/** Puts an element 300 px from the top of the screen, as a reader scrolling to it would. */
async function scrollTo300(el: Locator): Promise<void> {
  await el.evaluate((e) => scrollTo(0, Math.max(0, e.getBoundingClientRect().top + scrollY - 300)));
  await el.page().waitForTimeout(100);
}

const where = (page: Page) => page.evaluate(() => ({ y: scrollY, url: location.href }));

/** The open note's box, and whether it is wholly on screen. */
async function inView(note: Locator): Promise<boolean> {
  const box = (await note.boundingBox())!;
  return box.y >= 0 && box.y + box.height <= VIEWPORT.height;
}

/** The reader has not moved since `before`: same URL, same place on the page, and the note is in view. */
async function expectStayed(page: Page, before: { y: number; url: string }, note: Locator): Promise<void> {
  const after = await where(page);
  expect(after.url).toBe(before.url);
  expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(2);
  expect(await inView(note)).toBe(true);
}

const isFocused = (el: Locator) => el.evaluate((e) => document.activeElement === e);

describe.skipIf(!chromiumAvailable())('citations open in place (390×844, touch)', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    assertBuilt(outDir);
    [browser, server] = await Promise.all([launchChromium(), serveStatic(outDir, { base })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('outside the cards, one small mark per sentence: its name lists the outlets, its text none, and it links to the sources page', async () => {
    const sourcesPage = readFileSync(join(outDir, 'sources/index.html'), 'utf8');
    for (const path of ['', ...model.stacks.map((s) => `${s.id}/`)]) {
      const page = await browser.newPage({ viewport: VIEWPORT, javaScriptEnabled: false });
      await page.goto(`${server.url}${path}`);
      // A marker is one element, the link itself (a.cite).
      const marks = await page.locator('a.cite').evaluateAll((links) =>
        links.filter((a) => !a.closest('.card')).map((a) => {
          const box = a.getBoundingClientRect();
          const style = getComputedStyle(a);
          // The mark's own height: its box without the padding that widens what a finger can hit.
          const height = box.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
          return { text: (a as HTMLElement).innerText, label: a.getAttribute('aria-label') ?? '', href: a.getAttribute('href') ?? '', height, width: box.width, mark: getComputedStyle(a, '::before').content };
        }),
      );
      expect(marks.length, `/${path}: markers outside cards`).toBeGreaterThan(0);
      for (const m of marks) {
        // Nothing to read: no outlet names, no brackets, no numbers; a mark drawn by CSS, with room to tap.
        expect(m.text.trim(), `/${path}: ${m.label}`).toBe('');
        expect(m.mark).toBe('"i"');
        expect(m.width).toBeGreaterThan(8);
        expect(m.label).toMatch(/^Sources?: \S/);
        // Without JavaScript, a plain link to the source's full record on the sources page.
        expect(m.href).toMatch(new RegExp(`^${base}sources/#source-`));
        expect(sourcesPage, m.href).toContain(`id="${m.href.split('#')[1]}"`);
        // Small: shorter than a line of text.
        expect(m.height).toBeLessThan(20);
      }
      await page.close();
    }
    // "In brief": one marker per sentence, whatever the number of its sources.
    const page = await browser.newPage({ viewport: VIEWPORT, javaScriptEnabled: false });
    await page.goto(`${server.url}${stack.id}/`);
    expect(await page.locator('.in-brief a.cite').count()).toBe(stack.inBrief.length);
    await page.close();
  });

  it('tapping a marker outside a card shows its sources under the line, in view, and Escape closes it with focus back on the marker', async () => {
    const page = await openPage(browser, server, `${stack.id}/`);
    const markers = page.locator('.in-brief a.cite');
    const marker = markers.nth(Math.min(1, (await markers.count()) - 1));
    await scrollTo300(marker);
    const before = await where(page);
    await marker.tap();
    const note = page.locator('.footnote-note');
    await note.waitFor();
    // The reader has not moved: same URL, same place on the page.
    await expectStayed(page, before, note);
    // It lists each source with its title and date, linked to its full record.
    const details = JSON.parse((await marker.getAttribute('data-details'))!) as string[];
    const items = note.locator('.footnote-note-item');
    expect(await items.count()).toBe(details.length);
    for (const [i, d] of details.entries()) {
      expect(squash(await items.nth(i).textContent())).toBe(squash(d));
      expect(await items.nth(i).locator('a').getAttribute('href')).toMatch(new RegExp(`^${base}sources/#source-`));
    }
    expect(await marker.getAttribute('aria-expanded')).toBe('true');
    expect(await marker.getAttribute('aria-controls')).toBe(await note.getAttribute('id'));
    await page.keyboard.press('Escape');
    expect(await note.count()).toBe(0);
    expect(await isFocused(marker)).toBe(true);
    expect(await marker.getAttribute('aria-expanded')).toBe('false');
    const closed = await where(page);
    expect(closed.url).toBe(before.url);
    expect(Math.abs(closed.y - before.y)).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('tapping a figure shows its date, source and confidence in place; the close button closes it, focus back on the figure', async () => {
    const page = await openPage(browser, server, `${stack.id}/`);
    const value = page.locator('.card-body a.value').first();
    await scrollTo300(value);
    const before = await where(page);
    const description = squash(await page.locator(`[id="${await value.getAttribute('aria-describedby')}"]`).textContent());
    expect(description).toMatch(/as of \d{1,2} \w+ \d{4}\. Source: .+\. \w+ confidence\.$/);
    await value.tap();
    const note = page.locator('.footnote-note');
    await note.waitFor();
    expect(squash(await note.locator('.footnote-note-item').textContent())).toBe(description);
    // Its source links to the source's record; the tooltip does not show on top of the note.
    expect(await note.locator('a').first().getAttribute('href')).toBe(`${new URL(server.url).origin}${await value.getAttribute('href')}`);
    expect(await page.locator('.value-note:visible').count()).toBe(0);
    await expectStayed(page, before, note);
    await note.locator('.footnote-close').tap();
    expect(await note.count()).toBe(0);
    expect(await isFocused(value)).toBe(true);
    expect(Math.abs((await where(page)).y - before.y)).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('a numbered footnote in a card opens its entry of the card’s list in place, not 7,000 px down; a second tap closes it', async () => {
    const page = await openPage(browser, server, `${stack.id}/`);
    const marker = page.locator('.card-body a.cite').first();
    await scrollTo300(marker);
    const before = await where(page);
    const href = (await marker.getAttribute('href'))!;
    await marker.tap();
    const note = page.locator('.footnote-note');
    await note.waitFor();
    await expectStayed(page, before, note);
    const entry = page.locator(`[id="${href.slice(1)}"]`);
    expect(squash(await note.locator('.footnote-note-item').first().textContent())).toBe(squash(await entry.textContent()));
    await marker.tap();
    expect(await note.count()).toBe(0);
    expect(Math.abs((await where(page)).y - before.y)).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('markers do not change the line spacing: every line of a paragraph with markers is as tall as one without', async () => {
    const page = await openPage(browser, server, `${stack.id}/`);
    /** The distances between a paragraph's successive lines of text, and its line height. */
    const pitches = (p: Locator) =>
      p.evaluate((el) => {
        const tops = new Set<number>();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement?.closest('a.cite, .value-note') || !n.textContent?.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top * 2) / 2);
        }
        const sorted = [...tops].sort((a, b) => a - b);
        return { lineHeight: parseFloat(getComputedStyle(el).lineHeight), pitches: sorted.slice(1).map((t, i) => t - sorted[i]!) };
      });
    const withMarkers = page.locator('.in-brief p').first();
    const cardParagraph = page.locator('.card-body > p:has(a.cite)').first();
    // The same paragraph without its markers, just below it: same type, same width.
    await withMarkers.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const mark of copy.querySelectorAll('a.cite')) mark.remove();
      copy.id = 'without-markers';
      el.after(copy);
    });
    const a = await pitches(withMarkers);
    const b = await pitches(cardParagraph);
    const c = await pitches(page.locator('#without-markers'));
    expect(a.pitches.length, 'in brief runs over several lines').toBeGreaterThan(2);
    expect(b.pitches.length).toBeGreaterThan(0);
    for (const { lineHeight, pitches: ps } of [a, b, c]) for (const d of ps) expect(Math.abs(d - lineHeight)).toBeLessThanOrEqual(0.5);
    expect(a.lineHeight).toBe(c.lineHeight);
    // Lines for lines, the paragraph with markers is as tall as the one without.
    const height = (l: Locator) => l.evaluate((el) => el.getBoundingClientRect().height);
    expect(Math.abs((await height(withMarkers)) / (a.pitches.length + 1) - (await height(page.locator('#without-markers'))) / (c.pitches.length + 1))).toBeLessThanOrEqual(0.5);
    // The measure can fail: numbered superscripts as browsers draw a <sup> by default (the markers
    // before this change) open uneven gaps between the lines of a card.
    await page.addStyleTag({ content: 'a.cite { vertical-align: super !important; position: static !important; line-height: inherit !important; font-size: smaller !important; }' });
    const raised = await pitches(cardParagraph);
    expect(raised.pitches.some((d) => Math.abs(d - raised.lineHeight) > 0.5)).toBe(true);
    await page.close();
  });
});
