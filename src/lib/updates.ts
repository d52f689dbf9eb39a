/**
 * The site's change log, gathered from every card's `changes`, newest first. One function
 * feeds the Updates page, the home page's "updates since" link and the RSS feed (src/lib/feed.ts).
 */
import type { Change } from '../schemas';

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
