/**
 * The updates feed's items, pure: one per update, correction or clarification in any card's log,
 * newest first, linking to the card's anchor, titled and categorised by its kind. Source updates
 * (a better copy of a source, nothing a reader was told) are not news and stay out of the feed.
 * Used by src/pages/rss.xml.ts with @astrojs/rss.
 */
import { collectUpdates, type CardChanges } from './updates';
import { cardPath } from './urls';
import { t } from './strings';
import { isNews, kindLabel } from './change-kinds';
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

export function feedItems(cards: readonly CardChanges[], sources: ReadonlyMap<string, Source>, site: string, base?: string): FeedItem[] {
  const seen = new Map<string, number>();
  return collectUpdates(cards).filter((u) => isNews(u.kind)).map((u) => {
    const link = new URL(cardPath(u.stack, u.card, base), site).href;
    // Changes of one card on one day are told apart by their order in the log.
    const key = `${u.stack}/${u.card}/${u.date}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const kind = kindLabel(u.kind);
    const cited = u.sources.map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
    const sourceLine = cited.length ? ` ${t('feed.sources')}: ${cited.map(sourceLineOf).join('; ')}.` : '';
    const [y, m, d] = u.date.split('-').map(Number) as [number, number, number];
    return {
      title: `${kind}: ${u.cardTitle}`,
      link,
      pubDate: new Date(Date.UTC(y, m - 1, d)),
      // Feed readers render a description as HTML, so the change's words and the sources' titles
      // are escaped as text here (the feed's XML escapes them once more): typed markup stays text.
      description: escapeXml(`${u.text}${sourceLine}`),
      categories: [u.kind],
      customData: `<guid isPermaLink="false">${escapeXml(`${link}:${u.date}:${n}`)}</guid>`,
    };
  });
}
