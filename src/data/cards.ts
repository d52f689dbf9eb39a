/** Every card with its stack, in navigation and reading order, plus the sources it relies on. */
import { cardSourceIds, cardsOf, stacksInOrder } from './store';

export async function allCards() {
  const stacks = await stacksInOrder();
  const out = [];
  for (const stack of stacks) {
    for (const entry of await cardsOf(stack.id)) {
      const card = entry.id.split('/')[1]!;
      out.push({ stack: stack.id, stackTitle: stack.title, card, entry, title: entry.data.title, sourceIds: await cardSourceIds(entry) });
    }
  }
  return out;
}
