/**
 * The site's change log, gathered from every card's `changes`, newest first. One function
 * feeds the Updates page, the home page's "updates since" link and the RSS feed (src/lib/feed.ts).
 * Also what "Updated" means wherever a reader sees it: the day the story last moved.
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

/**
 * The day the story last moved, which is what "Updated" means on the home page, an explainer
 * page and a card: the latest `update` (a later development) or dated event, never before
 * `published`. Corrections, clarifications and source updates fix how we told the story, not
 * where it stands; they carry their own dates.
 */
export function latestDevelopment(published: string, changes: readonly { date: string; kind: string }[], events: readonly string[] = []): string {
  return [published, ...changes.filter((c) => c.kind === 'update').map((c) => c.date), ...events].sort().at(-1)!;
}
