/**
 * "Updated" as readers see it, on the home page, an explainer page and a card: the day the
 * story last moved (src/lib/updates.ts, latestDevelopment). A card's own `updated` front matter
 * is the day its file last changed, corrections and source updates included; it is not shown.
 */
import { latestDevelopment } from '../lib/updates';
import { idlessComponentsIn } from '../lib/content/mdx-scanner';
import { timelineEvents } from './store';

interface CardLike {
  body?: string;
  data: { published: string; changes: readonly { date: string; kind: string }[] };
}

/** The dates of the timeline's events after the article: developments, like a card's updates. */
export const timelineDevelopments = (): string[] => timelineEvents().filter((e) => e.afterArticle).map((e) => e.date);

/** A card's latest development: its latest `update`, and the timeline's latest event if it draws the timeline. */
export function cardDevelopedOn(card: CardLike): string {
  const events = idlessComponentsIn(card.body ?? '').includes('Timeline') ? timelineDevelopments() : [];
  return latestDevelopment(card.data.published, card.data.changes, events);
}

/** An explainer page's latest development: the latest of its cards', never before the page was published. */
export const stackDevelopedOn = (published: string, cards: readonly CardLike[]): string => [published, ...cards.map(cardDevelopedOn)].sort().at(-1)!;

/** The site's latest development (the home page's "Updated"): every card's updates and the timeline's events. */
export const siteDevelopedOn = (published: string, cards: readonly CardLike[]): string =>
  latestDevelopment(published, cards.flatMap((c) => c.data.changes), timelineDevelopments());
