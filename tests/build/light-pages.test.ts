/**
 * Light pages (issue 20), in the built HTML of both builds:
 * - every explainer page has at most BUDGETS.elementsOnLoad elements on load (a page with an
 *   exception stays under its ceiling, and still needs it), counted as a browser running scripts
 *   builds them: without a <template>'s contents or what an on-demand <noscript> holds;
 * - each card ends with one row: "Updated", then Sources, What changed (when it has changes) and
 *   Share & embed, each a <details> whose content is on demand, with a plain link to where the
 *   same content is (the card's embed page, the gallery entry), and that page holds it;
 * - nothing went missing: the on-demand sources hold every entry the card's footnotes point to,
 *   the change log every change, the share part the card's responsive code first.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { builds, ROOT } from '../support/builds';
import { assertBuilt } from '../support/dist';
import { attr, elements, elementsOnLoad, noscriptNodes, parseHtml, type Element } from '../support/html';
import { BUDGETS, ELEMENT_EXCEPTIONS, elementLimit } from '../support/budgets';

const { model } = checkContent(readContentFiles(ROOT));
const hasClass = (e: Element, c: string) => attr(e, 'class')?.split(/\s+/).includes(c) ?? false;
const children = (e: Element) => e.childNodes.filter((n): n is Element => 'tagName' in n);
const count = (it: Iterable<unknown>) => [...it].length;

for (const [name, { outDir, base }] of Object.entries(builds)) {
  describe(`light pages (${name} build)`, () => {
    assertBuilt(outDir);
    const read = (route: string) => parseHtml(readFileSync(join(outDir, route, 'index.html'), 'utf8'));

    it.each(model.stacks.map((s) => [s.id] as const))('/%s/ has few enough elements on load', (stack) => {
      const doc = read(stack);
      const onLoad = count(elementsOnLoad(doc));
      const all = count(elements(doc));
      expect(onLoad, `/${stack}/: elements on load`).toBeLessThanOrEqual(elementLimit(`${stack}/`));
      // The count is of a real page: its cards are there, and opening everything adds elements.
      expect(count([...elementsOnLoad(doc)].filter((e) => e.tagName === 'article' && hasClass(e, 'card')))).toBe(model.cards.filter((c) => c.stack === stack).length);
      expect(all).toBeGreaterThan(onLoad);
      if (ELEMENT_EXCEPTIONS[`${stack}/`]) expect(onLoad, `/${stack}/ is under ${BUDGETS.elementsOnLoad} now: delete its exception`).toBeGreaterThan(BUDGETS.elementsOnLoad);
    });

    it('every exception names an explainer page', () => {
      for (const route of Object.keys(ELEMENT_EXCEPTIONS)) expect(model.stacks.map((s) => `${s.id}/`)).toContain(route);
    });

    it.each(model.cards.map((c) => [c.path, c] as const))('%s ends with one row whose parts come in on demand, with a link to where they are', (_path, card) => {
      const doc = read(card.stack);
      const article = [...elementsOnLoad(doc)].find((e) => e.tagName === 'article' && attr(e, 'data-card') === card.id)!;
      expect(article).toBeDefined();
      const footer = children(article).find((e) => e.tagName === 'footer')!;
      const parts = children(footer);
      const expected = ['card-updated', 'source-list', ...(card.data.changes.length ? ['changes'] : []), 'share-embed'];
      expect(parts.map((p) => expected.find((c) => hasClass(p, c)) ?? p.tagName)).toEqual(expected);
      for (const part of parts.slice(1)) {
        expect(part.tagName).toBe('details');
        const [summary, holder, link, ...rest] = children(part);
        expect(summary?.tagName).toBe('summary');
        expect(holder?.tagName).toBe('noscript');
        expect(attr(holder!, 'data-on-demand')).toBe('');
        expect(link?.tagName === 'a' && hasClass(link, 'on-demand-link')).toBe(true);
        expect(rest).toEqual([]);
        // On load the part is its summary and the link: nothing of its content is an element yet.
        expect(count(elementsOnLoad(part))).toBe(count(elementsOnLoad(summary!)) + 3 + count(elementsOnLoad(link!)));
        expect(noscriptNodes(holder!).filter((n) => 'tagName' in n).length).toBeGreaterThan(0);
      }
      const [, sources, ...rest] = parts;
      const changes = card.data.changes.length ? rest[0] : undefined;
      const share = rest.at(-1)!;

      // Sources: every footnote in the card points into the on-demand list, which is numbered 1..n.
      const entries = [...elements(sources!)].filter((e) => e.tagName === 'li').map((e) => attr(e, 'id'));
      expect(entries.length).toBeGreaterThan(0);
      expect(entries).toEqual(entries.map((_, i) => `${card.id}-src-${i + 1}`));
      const targets = [...elementsOnLoad(article)].filter((e) => e.tagName === 'a' && attr(e, 'href')?.startsWith(`#${card.id}-src-`)).map((e) => attr(e, 'href')!.slice(1));
      for (const t of targets) expect(entries, `#${t}`).toContain(t);
      // Its link leads to the card's embed page, which holds the same list as elements.
      const sourcesLink = attr(children(sources!).at(-1)!, 'href')!;
      expect(sourcesLink).toBe(`${base}embed/${card.stack}/${card.id}/#${card.id}-sources`);
      const embed = read(`embed/${card.stack}/${card.id}`);
      const embedIds = new Set([...elementsOnLoad(embed)].map((e) => attr(e, 'id')).filter(Boolean));
      expect(embedIds.has(`${card.id}-sources`)).toBe(true);
      for (const id of entries) expect(embedIds.has(id!), `${id} on the embed page`).toBe(true);

      if (changes) {
        expect(attr(changes, 'id')).toBe(`${card.id}-changes`);
        expect([...elements(changes)].filter((e) => e.tagName === 'li')).toHaveLength(card.data.changes.length);
        expect(attr(children(changes).at(-1)!, 'href')).toBe(`${base}embed/${card.stack}/${card.id}/#${card.id}-changes`);
        expect(embedIds.has(`${card.id}-changes`)).toBe(true);
        expect([...elementsOnLoad(embed)].filter((e) => e.tagName === 'li' && e.parentNode && [...elementsOnLoad(embed)].some((d) => attr(d, 'id') === `${card.id}-changes` && [...elementsOnLoad(d)].includes(e)))).toHaveLength(card.data.changes.length);
      }

      // Share & embed: the card's responsive code first; the others inside "Other codes".
      const boxes = [...elements(share)].filter((e) => attr(e, 'data-embed-code'));
      expect(boxes.map((b) => attr(b, 'data-embed-code')).slice(0, 4)).toEqual(['responsive', 'script', 'iframe', 'oembed']);
      const more = [...elements(share)].filter((e) => e.tagName === 'details' && hasClass(e, 'embed-more'));
      expect(more.length).toBeGreaterThan(0);
      expect([...elements(more[0]!)].filter((e) => attr(e, 'data-embed-code')).map((b) => attr(b, 'data-embed-code'))).toEqual(['script', 'iframe', 'oembed']);
      const galleryId = `unit-${`${card.stack}/${card.id}`.replace(/[^a-z0-9]+/gi, '-')}`;
      expect(attr(children(share).at(-1)!, 'href')).toBe(`${base}embed/#${galleryId}`);
      const gallery = read('embed');
      expect([...elementsOnLoad(gallery)].some((e) => attr(e, 'id') === galleryId)).toBe(true);
    });

    it('an embed page holds its card whole: nothing on demand there', () => {
      for (const card of model.cards) {
        const doc = read(`embed/${card.stack}/${card.id}`);
        expect([...elementsOnLoad(doc)].filter((e) => e.tagName === 'noscript' && attr(e, 'data-on-demand') !== undefined), card.path).toEqual([]);
      }
    });
  });
}
