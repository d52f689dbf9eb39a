/**
 * The built site, at the root and under a sub-path: every internal URL carries the base and
 * resolves to a file; every stack page and card exists; the search index covers every card.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { builds, ROOT } from '../support/builds';
import { assertBuilt, fileForPath, idsIn, listHtml, readText, referencedUrls } from '../support/dist';
import { ancestors, attr, elements, isEmbedRoute, parseHtml, textOf } from '../support/html';
import { demotedByCarrier } from '../../src/lib/content/source-tiers';
import { publisherNames } from '../../src/lib/sources';
import { stringsFor } from '../../src/lib/strings';

const { model, editions } = checkContent(readContentFiles(ROOT), undefined, { languages: ['en', 'uk'] });

/** Pagefind's fragments: one gzip'd JSON per indexed page, with its URL and heading anchors. */
function pagefindFragments(dir: string): { url: string; anchors: { id: string; text: string }[] }[] {
  const fragDir = join(dir, 'pagefind/fragment');
  return readdirSync(fragDir).map((f) => {
    const raw = gunzipSync(readFileSync(join(fragDir, f)));
    // Pagefind prefixes its compressed files with a signature before the JSON.
    const text = raw.toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{')));
  });
}

for (const [name, { base, outDir }] of Object.entries(builds)) {
  describe(`${name} build (base ${base})`, () => {
    assertBuilt(outDir);
    const pages = listHtml(outDir);

    it('has a page for every stack, plus home, sources, updates, search and 404', () => {
      for (const s of model.stacks) expect(pages).toContain(`${s.id}/index.html`);
      for (const p of ['index.html', 'sources/index.html', 'updates/index.html', 'search/index.html', '404.html']) expect(pages).toContain(p);
    });

    it('every internal href and src starts with the base and resolves to a file', () => {
      const bad: string[] = [];
      for (const page of pages) {
        for (const url of referencedUrls(readText(outDir, page))) {
          if (/^(?:[a-z]+:|\/\/|#)/i.test(url) || url === '') continue; // external, protocol or same-page
          if (!url.startsWith(base)) {
            bad.push(`${page}: ${url} does not start with ${base}`);
            continue;
          }
          if (!fileForPath(outDir, url.slice(base.length))) bad.push(`${page}: ${url} resolves to no file`);
        }
      }
      expect(bad).toEqual([]);
    });

    it('every card is on its stack page under its id, with its question as heading', () => {
      for (const card of model.cards) {
        const html = readText(outDir, `${card.stack}/index.html`);
        expect(idsIn(html).has(card.id), `${card.path}`).toBe(true);
        expect(html).toMatch(new RegExp(`<h2[^>]*id="${card.id}"`));
      }
    });

    it('numbers sources in the order of sources.yaml on the sources page', () => {
      const html = readText(outDir, 'sources/index.html');
      const numbered = [...html.matchAll(/<li id="source-([^"]+)"[^>]*><p class="entry[^"]*"><span class="n[^"]*">\[(\d+)\]/g)].map((m) => [m[1], Number(m[2])]);
      expect(numbered).toEqual(model.sources.map((s, i) => [s.id, i + 1]));
    });

    it("numbers each card's footnotes 1..n in reading order, linked to that card's own source list", () => {
      for (const stack of model.stacks) {
        const html = readText(outDir, `${stack.id}/index.html`);
        for (const card of model.cards.filter((c) => c.stack === stack.id)) {
          const start = html.indexOf(`data-card="${card.id}"`);
          expect(start, `${card.path}: its <article> on the page`).toBeGreaterThan(0);
          const article = html.slice(start, html.indexOf('</article>', start));
          expect(article, `${card.path}: its source list`).toContain(`id="${card.id}-src-1"`);
          // Every marker, single ([3]) or grouped ([5, 6]): the regex must match each <a class="cite…".
          const marks = [...article.matchAll(/<a class="cite[^"]*" data-footnotes?="([^"]+)"[^>]*? href="([^"]*)"[^>]*>\[([\d, ]+)\]<\/a>/g)];
          expect(marks.length, `${card.path}: its footnote markers`).toBeGreaterThan(0);
          expect(marks.length, `${card.path}: every marker read`).toBe(article.split('<a class="cite').length - 1);
          const firstSeen = [...new Set(marks.flatMap((m) => m[1]!.split(' ')))];
          for (const [, ids, href, numbers] of marks) {
            const pairs = ids!.split(' ').map((source, i) => ({ source, n: Number(numbers!.split(', ')[i]) }));
            expect(pairs.length, `${card.path}: one number per source in ${ids}`).toBe(numbers!.split(', ').length);
            expect(href).toBe(`#${card.id}-src-${pairs[0]!.n}`);
            for (const { source, n } of pairs) {
              expect(n, `${card.path}: ${source}`).toBe(firstSeen.indexOf(source) + 1);
              // The entry it points at is in this card, and names that source's document.
              const entry = new RegExp(`<li id="${card.id}-src-${n}"[^>]*>[\\s\\S]*?</li>`).exec(article)?.[0];
              const url = model.sources.find((s) => s.id === source)!.url.replace(/&/g, '&amp;');
              expect(entry, `${card.path} #${card.id}-src-${n}`).toContain(`href="${url}"`);
            }
          }
        }
      }
    });

    it("every source in a card's list names that card under \"Cited in\" on the sources page", () => {
      const sourcesPage = readText(outDir, 'sources/index.html');
      const citedIn = new Map(
        [...sourcesPage.matchAll(/<li id="source-([^"]+)"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => [m[1]!, [...m[2]!.matchAll(/href="([^"]*#[^"]+)"/g)].map((h) => h[1]!)]),
      );
      const byUrl = new Map(model.sources.map((s) => [s.url.replace(/&/g, '&amp;'), s.id]));
      const missing: string[] = [];
      for (const card of model.cards) {
        const html = readText(outDir, `${card.stack}/index.html`);
        const article = html.indexOf(`data-card="${card.id}"`);
        expect(article, `${card.path}: its <article> on the page`).toBeGreaterThan(0);
        const start = html.indexOf(`<details class="source-list astro`, article);
        expect(start, `${card.path}: its source list inside its <article>`).toBeGreaterThan(article);
        expect(start).toBeLessThan(html.indexOf('</article>', article));
        const list = html.slice(start, html.indexOf('</details>', start));
        const entries = [...list.matchAll(/<li id="[^"]+-src-\d+"[^>]*>[^]*?<a href="([^"]+)"/g)];
        expect(entries.length, `${card.path}: entries read`).toBe(list.split('<li id=').length - 1);
        for (const [, url] of entries) {
          const id = byUrl.get(url!);
          expect(id, `${card.path}: a source list link that is no source's URL: ${url}`).toBeDefined();
          if (!(citedIn.get(id!) ?? []).some((href) => href.endsWith(`${card.stack}/#${card.id}`))) missing.push(`${card.path} lists ${id}`);
        }
      }
      expect(missing, 'sources a card lists that the sources page does not say it cites').toEqual([]);
    });

    it("a card's source list says when a link leads to a copy rather than the publisher's page", () => {
      const copies = model.sources.filter((s) => s.via);
      expect(copies.length).toBeGreaterThan(0);
      let seen = 0;
      for (const page of pages.filter((p) => !p.startsWith('sources/'))) {
        const html = readText(outDir, page);
        for (const entry of html.match(/<li id="[a-z0-9-]+-src-\d+"[^>]*>[\s\S]*?<\/li>/g) ?? []) {
          const source = copies.find((s) => entry.includes(`href="${s.url.replace(/&/g, '&amp;')}"`));
          if (!source) continue;
          const text = entry.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
          // In the edition's words, with the copy's name as that edition gives it.
          const lang = page.startsWith('uk/') ? 'uk' : 'en';
          const words = stringsFor(lang);
          const via = editions[lang]!.sources.find((s) => s.id === source.id)!.via!;
          expect(text, `${page}: ${source.id}`).toContain(`${words['sources.readVia']} ${via.publisher} (${words[`carrier.${via.kind}`]}).`);
          if (demotedByCarrier(source)) expect(text, `${page}: ${source.id}`).toContain(words['sources.carrierRelay']!);
          seen++;
        }
      }
      expect(seen).toBeGreaterThanOrEqual(copies.length);
    });

    it('outside the cards a marker is one small mark named for its outlets; inside a card every marker is a number', () => {
      let named = 0;
      for (const page of pages.filter((p) => !isEmbedRoute(p))) {
        // Each edition names its outlets in its own words (a publisher's gloss is translated).
        const lang = page.startsWith('uk/') ? 'uk' : 'en';
        const publisher = new Map(editions[lang]!.sources.map((s) => [s.id, s.publisher]));
        const words = stringsFor(lang);
        const doc = parseHtml(readText(outDir, page));
        for (const mark of elements(doc)) {
          if (mark.tagName !== 'a' || !(attr(mark, 'class') ?? '').split(' ').includes('cite')) continue;
          const text = textOf(mark).replace(/\u00a0/g, ' ');
          if (ancestors(mark).some((a) => a.tagName === 'article' && (attr(a, 'class') ?? '').split(' ').includes('card'))) {
            expect(text, `${page}: a marker in a card`).toMatch(/^\[\d+(, \d+)*\]$/);
            continue;
          }
          const ids = (attr(mark, 'data-footnotes') ?? '').split(' ');
          expect(ids.map((id) => publisher.get(id)), `${page}: ${ids.join(' ')}`).not.toContain(undefined);
          const names = publisherNames(ids.map((id) => publisher.get(id)!));
          // No outlet names, brackets or numbers on the surface: the mark is an icon, the link's
          // name lists the outlets.
          expect(text.trim(), `${page}: a marker outside the cards`).toBe('');
          expect(attr(mark, 'aria-label'), `${page}: ${ids.join(' ')}`).toBe(words[ids.length > 1 ? 'footnote.sources' : 'footnote.source']!.replace('{names}', names.join(', ')));
          named++;
        }
      }
      // The home page's statements and threads, each explainer's "in brief" and the leads.
      expect(named).toBeGreaterThan(model.stacks.length * 2);
    });

    it('the search index covers every card as a sub-result of its page', () => {
      const fragments = pagefindFragments(outDir);
      for (const card of model.cards) {
        const page = fragments.find((f) => f.url === `/${card.stack}/`);
        expect(page, `page ${card.stack} indexed`).toBeDefined();
        expect(page!.anchors.map((a) => a.id), card.path).toContain(card.id);
      }
      // Only explainer pages are indexed: not the home page (its summary repeats the cards, and a
      // result should lead to the card), nor sources, updates, search or 404 pages.
      const urls = fragments.map((f) => f.url).sort();
      expect(urls).toEqual(model.stacks.map((s) => `/${s.id}/`).sort());
    });
  });
}
