/**
 * A card's utilities row in Debian's Chromium (issue 20): "Updated", Sources, What changed and
 * Share & embed in one quiet row; each part opens in place under it, with JavaScript (its content
 * comes in on demand) and without (the <noscript> is shown as it is). With JavaScript the page
 * starts with few elements; footnotes and addresses that point into a closed source list still
 * land on their entry; a #card anchor lands on its card although cards off screen are not laid
 * out. Without JavaScript the stand-in links are hidden, and each leads to where the content is.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { chromiumAvailable } from '../support/browser';
import { browserOnRootBuild } from '../support/site-browser';
import { ROOT } from '../support/builds';
import { elementLimit } from '../support/budgets';

const { model } = checkContent(readContentFiles(ROOT));
// A card with a change log, not the first of its page, whose body cites its first source.
const card = model.cards.find((c, i) => c.data.changes.length > 0 && i > 0 && model.cards[i - 1]!.stack === c.stack)!;
const cardsOfStack = model.cards.filter((c) => c.stack === card.stack);
const last = cardsOfStack.at(-1)!;
const POLL = { timeout: 5_000 };

describe.runIf(chromiumAvailable())('a card’s utilities row', () => {
  const site = browserOnRootBuild();

  const footer = (page: Page, id = card.id) => page.locator(`article[data-card="${id}"] > footer.card-footer`);
  const open = async (page: Page, id = card.id) => {
    const f = footer(page, id);
    await f.scrollIntoViewIfNeeded();
    return f;
  };
  /** How many lines the footer's parts sit on while all are closed (their summaries' middles, 12 px apart or more). */
  const rows = (page: Page) =>
    footer(page).evaluate((f) => {
      const middles = [...f.children]
        .map((c) => (c.tagName === 'DETAILS' ? c.querySelector('summary')! : c).getBoundingClientRect())
        .map((r) => r.top + r.height / 2)
        .sort((a, b) => a - b);
      return middles.filter((m, i) => i === 0 || m - middles[i - 1]! > 12).length;
    });

  for (const width of [390, 1280]) {
    it(`with JavaScript at ${width} px: one row, each part opens in place with its content`, async () => {
      const page = await (await site.browser.newContext({ viewport: { width, height: 844 } })).newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${site.server.url}${card.stack}/`);
      // The page starts light: the browser's own count of elements, as Lighthouse's DOM size.
      const onLoad = await page.evaluate(() => document.getElementsByTagName('*').length);
      expect(onLoad).toBeLessThanOrEqual(elementLimit(`${card.stack}/`));
      const f = await open(page);
      expect(await f.locator('details').count()).toBe(3);
      expect(await rows(page)).toBeLessThanOrEqual(width >= 1000 ? 1 : 2);
      const rowBottom = await f.locator('summary').first().evaluate((s) => s.getBoundingClientRect().bottom);

      // Sources: nothing until opened, then the numbered list, under the row.
      const sources = f.locator('details.source-list');
      expect(await sources.locator('li').count()).toBe(0);
      await sources.locator('summary').click();
      await expect.poll(() => sources.locator('li').count(), POLL).toBeGreaterThan(0);
      const first = sources.locator(`li#${card.id}-src-1`);
      expect(await first.isVisible()).toBe(true);
      expect((await first.boundingBox())!.y).toBeGreaterThan(rowBottom);
      expect(await sources.locator('.on-demand-link').count()).toBe(0);

      // What changed: by keyboard, every change.
      const changes = f.locator('details.changes');
      await changes.locator('summary').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => changes.locator('li').count(), POLL).toBe(card.data.changes.length);
      expect(await changes.locator('li').first().isVisible()).toBe(true);

      // Share & embed: the recommended code shows, the others on request.
      const share = f.locator('details.share-embed');
      await share.locator('summary').first().click();
      const responsive = share.locator('[data-embed-code="responsive"] textarea').first();
      await expect.poll(() => responsive.isVisible(), POLL).toBe(true);
      expect(await responsive.inputValue()).toContain(`embed/${card.stack}/${card.id}/`);
      const iframe = share.locator('[data-embed-code="iframe"] textarea').first();
      expect(await iframe.isVisible()).toBe(false);
      await share.locator('details.embed-more > summary').first().click();
      expect(await iframe.isVisible()).toBe(true);
      // The Copy button came alive in what came in.
      expect(await share.locator('[data-embed-code="responsive"] ex-copy-button button').first().isVisible()).toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('with JavaScript: a footnote opens its source in place from the closed list, and an address lands on it', async () => {
    const page = await (await site.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(`${site.server.url}${card.stack}/`);
    const marker = page.locator(`article[data-card="${card.id}"] .card-body a[href="#${card.id}-src-1"]`).first();
    await marker.scrollIntoViewIfNeeded();
    const url = page.url();
    await marker.click();
    // The note under the line carries the list's entry, though the list itself stays closed.
    const note = page.locator(`article[data-card="${card.id}"] .card-body .footnote-note`);
    await expect.poll(() => note.isVisible(), POLL).toBe(true);
    const entryText = await page.locator(`li#${card.id}-src-1`).evaluate((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect((await note.textContent())!.replace(/\s+/g, ' ')).toContain(entryText.slice(0, 40));
    expect(page.url()).toBe(url);
    expect(await footer(page).locator('details.source-list').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);

    await page.goto(`${site.server.url}${card.stack}/#${card.id}-src-1`);
    const again = page.locator(`li#${card.id}-src-1`);
    await expect.poll(() => again.isVisible(), POLL).toBe(true);
    const box = (await again.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(844);
    await page.context().close();
  });

  it('a #card anchor lands on its card, though cards off screen are not laid out', async () => {
    const page = await (await site.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(`${site.server.url}${last.stack}/#${last.id}`);
    expect(await page.locator(`article[data-card="${last.id}"]`).evaluate((a) => getComputedStyle(a).contentVisibility)).toBe('auto');
    await expect
      .poll(() => page.locator(`h2#${last.id}`).evaluate((h) => Math.round(h.getBoundingClientRect().top)), POLL)
      .toBeLessThan(100);
    expect(await page.locator(`h2#${last.id}`).evaluate((h) => h.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    await page.context().close();
  });

  it('without JavaScript: each part opens in place with its content, and its link leads to where the content is', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${card.stack}/`);
    const f = await open(page);
    for (const part of ['source-list', 'changes', 'share-embed']) {
      const details = f.locator(`details.${part}`);
      await details.locator('summary').first().click();
      const content = details.locator(part === 'share-embed' ? '[data-embed-code="responsive"] textarea' : 'li').first();
      expect(await content.isVisible(), part).toBe(true);
      // The stand-in link is for a browser whose script did not run: hidden here, where the content is.
      expect(await details.locator('.on-demand-link').isVisible(), part).toBe(false);
    }
    // A footnote jumps to its entry (the browser opens the closed list around it).
    await page.goto(`${site.server.url}${card.stack}/`);
    const marker = page.locator(`article[data-card="${card.id}"] .card-body a[href="#${card.id}-src-1"]`).first();
    await marker.scrollIntoViewIfNeeded();
    await marker.click();
    await expect.poll(() => page.locator(`li#${card.id}-src-1`).isVisible(), POLL).toBe(true);

    // Where each link leads holds the same content.
    const links = await page.locator(`article[data-card="${card.id}"] > footer .on-demand-link`).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(3);
    for (const href of links) {
      const target = await context.newPage();
      const response = await target.goto(href);
      expect(response?.status(), href).toBe(200);
      const id = new URL(href).hash.slice(1);
      const held = target.locator(`[id="${id}"]`);
      expect(await held.count(), href).toBe(1);
      if (id.endsWith('-sources') || id.endsWith('-changes')) {
        await held.locator('summary').click();
        expect(await held.locator('li').first().isVisible(), href).toBe(true);
      } else {
        // The gallery entry: the card's codes, in its own disclosure.
        expect(await target.locator(`article[aria-labelledby="${id}"] [data-embed-code="responsive"]`).count(), href).toBe(1);
      }
      await target.close();
    }
    await context.close();
  });
});
