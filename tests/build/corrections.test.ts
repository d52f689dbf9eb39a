/**
 * Corrections made in the open (issues 11 and 19): every `kind: correction` or `clarification`
 * entry in a card's change log is a notice at the top of the card (on its page and its embed
 * page), and reaches the /updates/ page and the feed labelled by its kind, each with its date and
 * a link to its card. A `source-update` stays in the change log and the /updates/ housekeeping
 * list, not at the top of the card, not among the news and not in the feed. Each card's <Update>
 * notes and its notices link to its change log, whose id is #<card-id>-changes.
 */
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { updateBlocks } from '../../src/lib/content/card-updates';
import { cardNotices } from '../../src/lib/change-kinds';
import { formatDate } from '../../src/lib/format';
import { builds, ROOT, SITE_URL } from '../support/builds';
import { assertBuilt, idsIn, readText } from '../support/dist';
import { attr, elements, parseHtml, textOf, type Element } from '../support/html';
import { loadBrand } from '../../src/config/brand-loader';
import { tierWords } from '../../src/lib/content/source-tiers';

const { model } = checkContent(readContentFiles(ROOT));
const { outDir } = builds.root;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const corrections = model.cards.flatMap((c) => c.data.changes.filter((ch) => ch.kind === 'correction').map((ch) => ({ card: c, ch })));
const clarifications = model.cards.flatMap((c) => c.data.changes.filter((ch) => ch.kind === 'clarification').map((ch) => ({ card: c, ch })));
const sourceUpdates = model.cards.flatMap((c) => c.data.changes.filter((ch) => ch.kind === 'source-update').map((ch) => ({ card: c, ch })));
type RssItem = { title: string; link: string; pubDate: string; description: string; category: string | string[] };
/** The feed's items, each description as the text a reader sees (readers render it as HTML). */
const feedItems = () =>
  ([new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(readText(outDir, 'rss.xml')).rss.channel.item ?? []].flat() as RssItem[]).map((i) => ({
    ...i,
    description: textOf(parseHtml(`<!doctype html><body>${i.description}`)),
  }));

/** The card's article in a built page, and what comes between its dek and its body. */
function cardTop(html: string, cardId: string) {
  const doc = parseHtml(html);
  const article = [...elements(doc)].find((e) => e.tagName === 'article' && attr(e, 'data-card') === cardId);
  expect(article, `article[data-card=${cardId}]`).toBeDefined();
  const children = article!.childNodes.filter((n): n is Element => 'tagName' in n);
  const dek = children.findIndex((e) => attr(e, 'class')?.split(' ').includes('dek'));
  const body = children.findIndex((e) => attr(e, 'class')?.split(' ').includes('card-body'));
  expect(dek, `${cardId}: dek`).toBeGreaterThan(0);
  expect(body, `${cardId}: body`).toBeGreaterThan(dek);
  const top = children.slice(dek + 1, body);
  return { top, topText: squash(top.map(textOf).join(' ')), notices: top.filter((e) => e.tagName === 'details' && attr(e, 'class')?.split(' ').includes('card-notices')) };
}

describe('corrections in the open (root build)', () => {
  assertBuilt(outDir);

  it('there are corrections to show', () => {
    expect(corrections.length).toBeGreaterThanOrEqual(20);
  });

  it('there are clarifications and source updates too', () => {
    expect(clarifications.length).toBeGreaterThan(0);
    expect(sourceUpdates.length).toBeGreaterThan(0);
  });

  it('the feed carries each correction and clarification as a dated item labelled by its kind, linking to its card', () => {
    const items = feedItems();
    for (const [label, list] of [['Correction', corrections], ['Clarification', clarifications]] as const) {
      for (const { card, ch } of list) {
        const match = items.find(
          (i) =>
            i.link === `${SITE_URL}/${card.stack}/#${card.id}` &&
            new Date(i.pubDate).toISOString().slice(0, 10) === ch.date &&
            squash(i.description).startsWith(squash(ch.text)),
        );
        expect(match, `${card.path}: ${ch.text.slice(0, 40)}`).toBeDefined();
        expect(match!.title).toBe(`${label}: ${card.data.title}`);
        expect([match!.category].flat()).toContain(ch.kind);
      }
    }
  });

  it('the feed leaves source updates out', () => {
    const items = feedItems();
    // Every card's news, and every chart's correction or clarification (tests/build/chart-notices.test.ts).
    const chartNotices = model.charts.reduce((n, c) => n + c.changes.filter((ch) => ch.kind === 'correction' || ch.kind === 'clarification').length, 0);
    expect(items.length).toBe(model.cards.reduce((n, c) => n + c.data.changes.filter((ch) => ch.kind !== 'source-update').length, 0) + chartNotices);
    for (const { card, ch } of sourceUpdates) {
      expect(items.some((i) => squash(i.description).startsWith(squash(ch.text))), `${card.path}: ${ch.text.slice(0, 40)}`).toBe(false);
    }
    expect(items.some((i) => [i.category].flat().includes('source-update'))).toBe(false);
  });

  it('a card with a correction or clarification shows it at the top, under the dek, on its page and its embed page; source updates and updates do not show there', () => {
    const withNotices = model.cards.filter((c) => cardNotices(c.data.changes).length > 0);
    expect(withNotices.length).toBeGreaterThan(10);
    for (const card of model.cards) {
      for (const file of [`${card.stack}/index.html`, `embed/${card.stack}/${card.id}/index.html`]) {
        const { notices, topText } = cardTop(readText(outDir, file), card.id);
        const expected = cardNotices(card.data.changes);
        if (expected.length === 0) {
          expect(notices, `${file} #${card.id}`).toHaveLength(0);
          continue;
        }
        expect(notices, `${file} #${card.id}`).toHaveLength(1);
        const items = [...elements(notices[0]!)].filter((e) => e.tagName === 'p' && attr(e, 'data-kind'));
        expect(items.map((e) => squash(textOf(e))), `${file} #${card.id}`).toEqual(
          expected.map((ch) => squash(`${ch.kind === 'correction' ? 'Correction' : 'Clarification'}, ${formatDate(ch.date)}: ${ch.text}`)),
        );
        expect([...elements(notices[0]!)].some((e) => e.tagName === 'a' && attr(e, 'href') === `#${card.id}-changes`), `${file}: link to the change log`).toBe(true);
        // Closed, it is one line: the newest notice's kind and date, and how many more.
        const summary = [...elements(notices[0]!)].find((e) => e.tagName === 'summary')!;
        const newest = expected[0]!;
        expect(squash(textOf(summary)), `${file} #${card.id}: summary`).toBe(
          `${newest.kind === 'correction' ? 'Correction' : 'Clarification'}, ${formatDate(newest.date)}${expected.length > 1 ? `, and ${expected.length - 1} earlier` : ''}`,
        );
        for (const ch of card.data.changes.filter((x) => x.kind === 'source-update' || x.kind === 'update')) {
          expect(topText, `${file} #${card.id}: ${ch.kind} at the top`).not.toContain(squash(ch.text));
        }
      }
    }
    // One card, named, so a change to the classification is seen here: where-the-assets-are has both kinds.
    const where = model.cards.find((c) => c.id === 'where-the-assets-are')!;
    const top = cardTop(readText(outDir, `embed/${where.stack}/${where.id}/index.html`), where.id).topText;
    expect(top).toMatch(/^Correction, \d+ \w+ \d{4}(, and \d+ earlier)? ?Correction, \d+ \w+ \d{4}: /);
    const swapped = model.cards.find((c) => c.data.changes.some((ch) => ch.kind === 'source-update'))!;
    const swap = swapped.data.changes.find((ch) => ch.kind === 'source-update')!;
    // The page escapes an apostrophe as &#39;.
    expect(squash(readText(outDir, `${swapped.stack}/index.html`).replace(/&#39;/g, "'"))).toContain(squash(swap.text).slice(0, 60));
  });

  it('a chart with a change log shows it under the chart, dated and labelled, on its card’s page and its embed page', () => {
    const logged = model.charts.filter((c) => c.changes.length > 0);
    expect(logged.map((c) => c.id).sort()).toEqual(['donbas-control', 'financing-gap', 'frozen-assets-holders', 'troop-sizes']);
    for (const chart of logged) {
      const card = model.cards.find((c) => c.body.includes(`<Chart id="${chart.id}"`))!;
      for (const file of [`${card.stack}/index.html`, `embed/chart/${chart.id}/index.html`]) {
        const doc = parseHtml(readText(outDir, file));
        const figure = [...elements(doc)].find((e) => e.tagName === 'figure' && attr(e, 'id') === `chart-${chart.id}`);
        expect(figure, `${file} #chart-${chart.id}`).toBeDefined();
        const log = [...elements(figure!)].find((e) => attr(e, 'id') === `chart-${chart.id}-changes`);
        expect(log, `${file} #chart-${chart.id}-changes`).toBeDefined();
        const items = [...elements(log!)].filter((e) => e.tagName === 'li');
        expect(items.map((e) => squash(textOf(e)))).toEqual(
          [...chart.changes].sort((x, y) => y.date.localeCompare(x.date)).map((ch) => squash(`${formatDate(ch.date)}: ${ch.kind === 'correction' ? 'Correction' : ch.kind === 'clarification' ? 'Clarification' : ch.kind === 'source-update' ? 'Source update' : 'Update'}. ${ch.text}`)),
        );
      }
    }
  });

  it('/updates/ keeps corrections and clarifications in their own list, and source updates in theirs, apart from the developments', () => {
    const doc = parseHtml(readText(outDir, 'updates/index.html'));
    const section = (id: string) => [...elements(doc)].find((e) => e.tagName === 'section' && attr(e, 'aria-labelledby') === id)!;
    const developments = squash(textOf(section('developments')));
    const notices = squash(textOf(section('corrections')));
    const housekeeping = squash(textOf(section('source-updates')));
    for (const { card, ch } of sourceUpdates) {
      expect(housekeeping, card.path).toContain(squash(ch.text));
      expect(notices, card.path).not.toContain(squash(ch.text));
      expect(developments, card.path).not.toContain(squash(ch.text));
    }
    for (const { card, ch } of [...corrections, ...clarifications]) {
      expect(notices, card.path).toContain(squash(ch.text));
      expect(developments, card.path).not.toContain(squash(ch.text));
    }
  });

  it('/updates/ lists each correction, labelled, with its date and a link to its card', () => {
    const doc = parseHtml(readText(outDir, 'updates/index.html'));
    const entries = [...elements(doc)].filter((e) => e.tagName === 'li');
    const labels = { correction: 'Correction', clarification: 'Clarification', 'source-update': 'Source update' } as const;
    for (const { card, ch } of [...corrections, ...clarifications, ...sourceUpdates]) {
      const li = entries.find((e) => squash(textOf(e)).includes(squash(ch.text)));
      expect(li, `${card.path}: ${ch.text.slice(0, 40)}`).toBeDefined();
      const els = [...elements(li!)];
      expect(els.some((e) => e.tagName === 'time' && attr(e, 'datetime') === ch.date)).toBe(true);
      expect(els.some((e) => e.tagName === 'strong' && textOf(e) === labels[ch.kind as keyof typeof labels])).toBe(true);
      expect(els.some((e) => e.tagName === 'a' && attr(e, 'href') === `/${card.stack}/#${card.id}`)).toBe(true);
    }
  });

  it('each card shows its corrections in its change log, and its <Update> notes link there', () => {
    for (const card of model.cards) {
      const html = readText(outDir, `${card.stack}/index.html`);
      const ids = idsIn(html);
      const doc = parseHtml(html);
      const log = [...elements(doc)].find((e) => attr(e, 'id') === `${card.id}-changes`);
      if (card.data.changes.length === 0) continue;
      expect(log, `${card.path} change log`).toBeDefined();
      const logText = squash(textOf(log!));
      for (const ch of card.data.changes.filter((x) => x.kind !== 'update')) expect(logText, card.path).toContain(squash(ch.text));
      const links = [...elements(doc)].filter((e) => e.tagName === 'a' && attr(e, 'href') === `#${card.id}-changes`);
      expect(links.length, `${card.path} links to the change log (its <Update> notes and its notices)`).toBe(updateBlocks(card.body).length + (cardNotices(card.data.changes).length > 0 ? 1 : 0));
      expect(ids.has(`${card.id}-changes`)).toBe(true);
    }
  });

  it('/sources/ has the standards note with the brand’s contact address, and every source’s tier in words', () => {
    const brand = loadBrand('src/config/brand.yaml', ROOT);
    expect(brand.contact).toMatch(/@/);
    const html = readText(outDir, 'sources/index.html');
    const doc = parseHtml(html);
    const note = [...elements(doc)].find((e) => e.tagName === 'section' && attr(e, 'aria-labelledby') === 'standards');
    expect(note).toBeDefined();
    expect([...elements(note!)].some((e) => e.tagName === 'a' && attr(e, 'href') === `mailto:${brand.contact}`)).toBe(true);
    expect(textOf(note!)).toMatch(/relay/i);
    const text = squash(textOf(doc)).replace(/&#39;/g, "'");
    for (const s of model.sources) {
      const li = [...elements(doc)].find((e) => attr(e, 'id') === `source-${s.id}`);
      expect(li, s.id).toBeDefined();
      expect(squash(textOf(li!)), s.id).toContain(tierWords(s));
    }
    expect(text).toContain('as relayed by');
  });
});
