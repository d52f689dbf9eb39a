/**
 * Corrections at the top of charts (issue 19): a chart whose change log has a correction or a
 * clarification shows a one-line notice at the top of its figure, right under its title and
 * takeaway, on the page of its home card and on its embed page ("Correction, 7 December 2026, and
 * 1 earlier"), opening to every notice and a link to the chart's change log; the feed carries
 * each one. A chart whose log holds only source updates shows none.
 */
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { cardNotices, kindLabel } from '../../src/lib/change-kinds';
import { chartHomes } from '../../src/lib/charts/homes';
import { formatDate } from '../../src/lib/format';
import { builds, ROOT } from '../support/builds';
import { assertBuilt, readText } from '../support/dist';
import { attr, elements, noscriptNodes, parseHtml, textOf, type Element } from '../support/html';

const { model } = checkContent(readContentFiles(ROOT));
const { outDir } = builds.root;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const homes = chartHomes(model.stacks, (stack, card) => model.cards.find((c) => c.path === `${stack}/${card}`)?.body ?? '');
const withNotices = model.charts.filter((c) => cardNotices(c.changes).length > 0);
const withoutNotices = model.charts.filter((c) => cardNotices(c.changes).length === 0);

/** The chart's figure in a built page, and its element children in order. */
function figureOf(html: string, id: string) {
  const figure = [...elements(parseHtml(html))].find((e) => e.tagName === 'figure' && attr(e, 'id') === `chart-${id}`);
  expect(figure, `figure#chart-${id}`).toBeDefined();
  return { figure: figure!, children: figure!.childNodes.filter((n): n is Element => 'tagName' in n) };
}
const isNotice = (e: Element) => e.tagName === 'details' && (attr(e, 'class') ?? '').split(' ').includes('chart-notices');
/** Everything a reader can open in the notice: on a site page part of it waits in a <noscript>. */
const fullText = (e: Element) => squash([...elements(e)].map((el) => (el.tagName === 'noscript' ? noscriptNodes(el).map((n) => textOf(n as Element)).join(' ') : '')).join(' ') + ' ' + textOf(e));

const expectedSummary = (changes: (typeof model.charts)[number]['changes']) => {
  const notices = cardNotices(changes);
  const first = `${kindLabel(notices[0]!.kind)}, ${formatDate(notices[0]!.date)}`;
  return notices.length > 1 ? `${first}, and ${notices.length - 1} earlier` : first;
};

describe('chart notices (root build)', () => {
  assertBuilt(outDir);

  it('there are charts with corrections or clarifications, and one without', () => {
    expect(withNotices.length).toBeGreaterThanOrEqual(3);
    expect(withoutNotices.map((c) => c.id)).toContain('financing-gap');
  });

  for (const chart of withNotices) {
    it(`${chart.id}: a one-line notice tops the chart on its home card's page and on its embed page`, () => {
      const home = homes.get(chart.id);
      expect(home, `${chart.id}: home card`).toBeDefined();
      for (const page of [`${home!.stack}/index.html`, `embed/chart/${chart.id}/index.html`]) {
        const { children } = figureOf(readText(outDir, page), chart.id);
        // Right under the figcaption (title and takeaway), before the drawing.
        expect(children[0]!.tagName, page).toBe('figcaption');
        const notice = children[1]!;
        expect(isNotice(notice), `${page}: the element after the figcaption is the notice`).toBe(true);
        const summary = [...elements(notice)].find((e) => e.tagName === 'summary')!;
        expect(squash(textOf(summary)), page).toBe(expectedSummary(chart.changes));
        const text = fullText(notice);
        for (const c of cardNotices(chart.changes)) expect(text, `${page}: ${c.date} ${c.kind}`).toContain(squash(c.text));
        expect(text).toContain('See the change log');
      }
      // The embed page holds the notices themselves (no script needed), linking to the chart's log on the page.
      const embed = readText(outDir, `embed/chart/${chart.id}/index.html`);
      const notice = figureOf(embed, chart.id).children[1]!;
      const link = [...elements(notice)].find((e) => e.tagName === 'a' && attr(e, 'href') === `#chart-${chart.id}-changes`);
      expect(link, `${chart.id}: link to the change log`).toBeDefined();
      expect(embed).toContain(`id="chart-${chart.id}-changes"`);
    });
  }

  for (const chart of withoutNotices) {
    it(`${chart.id}: no notice when the log holds no correction or clarification`, () => {
      const { children } = figureOf(readText(outDir, `embed/chart/${chart.id}/index.html`), chart.id);
      expect(children.some(isNotice)).toBe(false);
    });
  }

  it('the feed carries every chart correction and clarification, linking to the chart', () => {
    type Item = { title: string; link: string; category: string | string[] };
    const items = [new XMLParser().parse(readText(outDir, 'rss.xml')).rss.channel.item ?? []].flat() as Item[];
    for (const chart of withNotices) {
      const mine = items.filter((i) => i.link.endsWith(`#chart-${chart.id}`));
      expect(mine.map((i) => i.title), chart.id).toEqual(
        chart.changes.filter((c) => c.kind === 'correction' || c.kind === 'clarification').map((c) => `${kindLabel(c.kind)}: ${chart.title} (chart)`).reverse(),
      );
      for (const i of mine) expect([i.category].flat()).toContain('chart');
    }
  });
});
