/**
 * The updates feed's items, pure: one per update, correction or clarification in any card's log,
 * and one per correction or clarification in a chart's log (issue 19: the notice at the top of the
 * chart and its embed), newest first, linking to the card's or the chart's anchor, titled and
 * categorised by its kind. Source updates (a better copy of a source, nothing a reader was told)
 * are not news and stay out of the feed. Used by src/pages/rss.xml.ts with @astrojs/rss.
 */
import { collectUpdates, type CardChanges } from './updates';
import { cardPath, withBase } from './urls';
import { t } from './strings';
import { isNews, isNotice, kindLabel } from './change-kinds';
import { chartAnchor } from './charts/assets';
import type { Change } from './content/schemas/cards';
import type { Source } from './content/schemas/sources';
import { viaWords } from './content/source-tiers';

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
  customData: string;
}

/** Markup-escaped text: for the guid (raw XML) and the description (HTML that readers render). */
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * One source in an item's source line: "AP, “Title” (2025-12-12) https://…", and, when the link
 * leads to a copy, which copy and what kind ("…, read via a copy on Wenxuecity (forum)"), so a
 * feed reader weighs the link as a reader of the card would.
 */
export function sourceLineOf(s: Source): string {
  const via = viaWords(s);
  const copyUrl = s.via && s.via.url !== s.url ? ` ${s.via.url}` : '';
  return `${s.publisher}, “${s.title}” (${s.date}) ${s.url}${via ? `, ${via}${copyUrl}` : ''}`;
}

/** A chart's log for the feed: its title, the stack page of its home card, its changes. */
export interface ChartChanges {
  id: string;
  title: string;
  /** The stack of the chart's home card (its permalink is that page's #chart-<id>). */
  stack: string;
  changes: readonly Change[];
}

const dayOf = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

export function feedItems(cards: readonly CardChanges[], sources: ReadonlyMap<string, Source>, site: string, base?: string, charts: readonly ChartChanges[] = []): FeedItem[] {
  const sourceLine = (ids: readonly string[]) => {
    const cited = ids.map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
    return cited.length ? ` ${t('feed.sources')}: ${cited.map(sourceLineOf).join('; ')}.` : '';
  };
  const chartItems: FeedItem[] = [];
  for (const chart of charts) {
    const link = new URL(withBase(`${chart.stack}/#${chartAnchor(chart.id)}`, base), site).href;
    const seenDays = new Map<string, number>();
    for (const c of chart.changes) {
      if (!isNotice(c.kind)) continue;
      const n = (seenDays.get(c.date) ?? 0) + 1;
      seenDays.set(c.date, n);
      chartItems.push({
        title: `${kindLabel(c.kind)}: ${t('feed.chartTitle', { title: chart.title })}`,
        link,
        pubDate: dayOf(c.date),
        description: escapeXml(`${c.text}${sourceLine(c.sources)}`),
        categories: [c.kind, 'chart'],
        customData: `<guid isPermaLink="false">${escapeXml(`${link}:${c.date}:${n}`)}</guid>`,
      });
    }
  }
  const cardItems = cardFeedItems(cards, sourceLine, site, base);
  // Newest first; on one day, the cards' items before the charts' (a stable sort keeps each list's order).
  return [...cardItems, ...chartItems].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
}

function cardFeedItems(cards: readonly CardChanges[], sourceLineOf: (ids: readonly string[]) => string, site: string, base?: string): FeedItem[] {
  const seen = new Map<string, number>();
  return collectUpdates(cards).filter((u) => isNews(u.kind)).map((u) => {
    const link = new URL(cardPath(u.stack, u.card, base), site).href;
    // Changes of one card on one day are told apart by their order in the log.
    const key = `${u.stack}/${u.card}/${u.date}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const kind = kindLabel(u.kind);
    const sourceLine = sourceLineOf(u.sources);
    return {
      title: `${kind}: ${u.cardTitle}`,
      link,
      pubDate: dayOf(u.date),
      // Feed readers render a description as HTML, so the change's words and the sources' titles
      // are escaped as text here (the feed's XML escapes them once more): typed markup stays text.
      description: escapeXml(`${u.text}${sourceLine}`),
      categories: [u.kind],
      customData: `<guid isPermaLink="false">${escapeXml(`${link}:${u.date}:${n}`)}</guid>`,
    };
  });
}
