/**
 * The site's change log, gathered from every card's `changes`, newest first. One function
 * feeds the Updates page, the home page's "updates since" link and the RSS feed (src/lib/feed.ts).
 * Also what "Updated" means wherever a reader sees it: the day the story last moved.
 */
import type { Change } from './content/schemas';

export interface CardChanges {
  stack: string;
  card: string;
  title: string;
  changes: readonly Change[];
}

export interface UpdateEntry extends Change {
  stack: string;
  card: string;
  cardTitle: string;
}

export function collectUpdates(cards: readonly CardChanges[]): UpdateEntry[] {
  return cards
    .flatMap((c) => c.changes.map((change) => ({ ...change, stack: c.stack, card: c.card, cardTitle: c.title })))
    .sort((a, b) => b.date.localeCompare(a.date) || a.stack.localeCompare(b.stack) || a.card.localeCompare(b.card));
}

/**
 * The day the story last moved, which is what "Updated" means on the home page, an explainer
 * page and a card: the latest `update` (a later development) or dated event, never before
 * `published`. Corrections, clarifications and source updates fix how we told the story, not
 * where it stands; they carry their own dates.
 */
export function latestDevelopment(published: string, changes: readonly { date: string; kind: string }[], events: readonly string[] = []): string {
  return [published, ...changes.filter((c) => c.kind === 'update').map((c) => c.date), ...events].sort().at(-1)!;
}

/** One item on the updates page: a dated change, with every card it was logged on. */
export interface NewsItem {
  date: string;
  kind: Change['kind'];
  text: string;
  sources: string[];
  cards: { stack: string; card: string; cardTitle: string }[];
}

/**
 * Entries grouped into items, order kept: one development logged on several cards (the same
 * day, kind and text) is one item that names each card, not one line per card.
 */
export function groupEntries(entries: readonly UpdateEntry[]): NewsItem[] {
  const items = new Map<string, NewsItem>();
  for (const e of entries) {
    const key = `${e.date}\n${e.kind}\n${e.text.replace(/\s+/g, ' ').trim()}`;
    const item = items.get(key);
    const card = { stack: e.stack, card: e.card, cardTitle: e.cardTitle };
    if (item) {
      item.cards.push(card);
      item.sources = [...new Set([...item.sources, ...e.sources])];
    } else {
      items.set(key, { date: e.date, kind: e.kind, text: e.text, sources: [...e.sources], cards: [card] });
    }
  }
  return [...items.values()];
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}€]+/gu)?.filter((w) => w.length > 2) ?? []);

/** How alike two texts are, 0 to 1: the share of their words (three letters or more) they have in common. */
export function textSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  const union = new Set([...wa, ...wb]).size;
  if (union === 0) return 1;
  return [...wa].filter((w) => wb.has(w)).length / union;
}

/** Above this, two items of the same day read as one development told twice. */
export const NEAR_DUPLICATE = 0.5;

/** Pairs of items of the same date whose texts are near-identical: one development that should be one item. */
export function nearDuplicates(items: readonly Pick<NewsItem, 'date' | 'text'>[], threshold = NEAR_DUPLICATE): [string, string][] {
  const pairs: [string, string][] = [];
  items.forEach((a, i) =>
    items.slice(i + 1).forEach((b) => {
      if (a.date === b.date && textSimilarity(a.text, b.text) >= threshold) pairs.push([a.text, b.text]);
    }),
  );
  return pairs;
}
