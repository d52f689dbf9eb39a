/**
 * Dates and news a reader can trust (issue 20). "Updated" on the home page and on each explainer
 * page is the latest development (a card's `update`, or a timeline event after the article for
 * the page that draws the timeline), never the day of a correction or a source swap. The updates
 * page opens with the developments as news: update-kind items only, none in the system wording of
 * an audit log, and no development told twice on one day.
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { nearDuplicates } from '../../src/lib/updates';
import { builds, ROOT } from '../support/builds';
import { assertBuilt, readText } from '../support/dist';
import { attr, elements, parseHtml, textOf, type Element } from '../support/html';

const { model } = checkContent(readContentFiles(ROOT));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const latest = (dates: readonly string[]) => [...dates].sort().at(-1)!;
// Worked out here from the content, not with the site's own helper.
const updatesOf = (cards: typeof model.cards) => cards.flatMap((c) => c.data.changes.filter((ch) => ch.kind === 'update').map((ch) => ch.date));
const events = model.timeline.filter((e) => e.afterArticle).map((e) => e.date);
const drawsTimeline = (c: (typeof model.cards)[number]) => /<Timeline\b/.test(c.body);

/** The <time> right after the word "Updated" in an element's text. */
function updatedTime(el: Element): string | undefined {
  const kids = el.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i]!;
    if ('tagName' in k && k.tagName === 'time' && /Updated\s*$/.test(kids.slice(0, i).map(textOf).join(''))) return attr(k, 'datetime');
  }
  return undefined;
}

for (const [name, { outDir }] of Object.entries(builds)) {
  describe(`news and dates (${name} build)`, () => {
    assertBuilt(outDir);
    const page = (route: string) => parseHtml(readText(outDir, `${route}index.html`));

    it('the home page’s "Updated" is the latest update or timeline event, not a correction’s day', () => {
      const expected = latest([...updatesOf(model.cards), ...events]);
      const dates = [...elements(page(''))].filter((e) => attr(e, 'class')?.split(' ').includes('home-dates'));
      expect(dates).toHaveLength(1);
      expect(updatedTime(dates[0]!)).toBe(expected);
      // The test can tell: corrections and source updates are dated later than any development.
      const lastChange = latest(model.cards.flatMap((c) => c.data.changes.map((ch) => ch.date)));
      expect(lastChange > expected).toBe(true);
    });

    it('each explainer page’s "Updated", and each card’s, is its latest development', () => {
      let differs = 0;
      for (const stack of model.stacks) {
        const cards = model.cards.filter((c) => c.stack === stack.id);
        const expected = latest([stack.published, ...updatesOf(cards), ...(cards.some(drawsTimeline) ? events : [])]);
        const doc = page(`${stack.id}/`);
        const line = [...elements(doc)].find((e) => attr(e, 'class')?.split(' ').includes('stack-dates'))!;
        expect(updatedTime(line), stack.id).toBe(expected);
        if (expected !== latest(cards.map((c) => c.data.updated))) differs++;
        for (const card of cards) {
          const article = [...elements(doc)].find((e) => e.tagName === 'article' && attr(e, 'data-card') === card.id)!;
          const footer = [...elements(article)].find((e) => attr(e, 'class')?.split(' ').includes('card-updated'))!;
          const cardExpected = latest([card.data.published, ...updatesOf([card]), ...(drawsTimeline(card) ? events : [])]);
          expect(updatedTime(footer), card.path).toBe(cardExpected);
        }
      }
      // Front matter's `updated` counts corrections; the pages no longer show it.
      expect(differs).toBeGreaterThan(0);
    });

    it('the updates page opens with developments only, written as news, each development once', () => {
      const doc = page('updates/');
      const sections = [...elements(doc)].filter((e) => e.tagName === 'section');
      expect(sections.map((s) => attr(s, 'aria-labelledby'))).toEqual(['developments', 'corrections', 'source-updates']);
      const items = [...elements(sections[0]!)].filter((e) => e.tagName === 'li');
      const expectedUpdates = model.cards.flatMap((c) => c.data.changes.filter((ch) => ch.kind === 'update'));
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThan(expectedUpdates.length);
      const news = items.map((li) => {
        expect(attr(li, 'data-kind')).toBe('update');
        const els = [...elements(li)];
        const date = attr(els.find((e) => e.tagName === 'time')!, 'datetime')!;
        const text = squash(textOf(els.find((e) => attr(e, 'class')?.split(' ').includes('what'))!));
        return { date, text, links: els.filter((e) => e.tagName === 'a').map((a) => attr(a, 'href')) };
      });
      for (const n of news) {
        expect(n.text, n.text).not.toMatch(/^Added |developments after/);
        expect(n.links.length, n.text).toBeGreaterThan(0);
      }
      // Newest first.
      expect(news.map((n) => n.date)).toEqual([...news.map((n) => n.date)].sort().reverse());
      // Every update of every card is there, under its card's link.
      for (const card of model.cards) {
        for (const ch of card.data.changes.filter((x) => x.kind === 'update')) {
          const item = news.find((n) => n.date === ch.date && n.text === squash(ch.text));
          expect(item, `${card.path} ${ch.date}`).toBeDefined();
          expect(item!.links.some((href) => href?.endsWith(`${card.stack}/#${card.id}`)), `${card.path} ${ch.date}`).toBe(true);
        }
      }
      expect(nearDuplicates(news)).toEqual([]);
    });
  });
}
