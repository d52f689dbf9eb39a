/**
 * Which cards cite each source: the inverse of each card's source list, for the Sources page.
 */
export interface CardCitation {
  stack: string;
  card: string;
  title: string;
  sourceIds: readonly string[];
}

export function citationsBySource(cards: readonly CardCitation[]): Map<string, CardCitation[]> {
  const map = new Map<string, CardCitation[]>();
  for (const card of cards) {
    for (const id of new Set(card.sourceIds)) {
      const list = map.get(id) ?? [];
      list.push(card);
      map.set(id, list);
    }
  }
  return map;
}
