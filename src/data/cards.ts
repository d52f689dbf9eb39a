/** Every card with its stack, in navigation and reading order, plus the sources it relies on. */
import { cardSourceIds, cardsOf, stacksInOrder } from './store';
import { contentLoader } from './model';

async function gather() {
  const out = [];
  for (const stack of await stacksInOrder()) {
    for (const entry of await cardsOf(stack.id)) {
      const card = entry.id.split('/').at(-1)!;
      out.push({ stack: stack.id, stackTitle: stack.title, card, entry, title: entry.data.title, sourceIds: await cardSourceIds(entry) });
    }
  }
  return out;
}

let cached: { version: number; cards: ReturnType<typeof gather> } | undefined;

/**
 * Made once per content model (again in `astro dev` after an edit): every card's Embed control
 * and every page's oEmbed links ask for the whole list.
 */
export function allCards(): ReturnType<typeof gather> {
  const version = contentLoader().version;
  if (cached?.version !== version) cached = { version, cards: gather() };
  return cached.cards;
}
