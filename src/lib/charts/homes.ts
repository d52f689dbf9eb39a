/**
 * A chart's home: the first card that places it, taking stacks in navigation order and cards in
 * reading order. Its permalink and citation point there wherever the chart is shown (article,
 * embed, gallery). Pure, so the site and the tests use one rule.
 */
import { componentUses } from '../content/mdx-scanner';

export interface ChartHome {
  stack: string;
  card: string;
}

export function chartHomes(
  stacks: readonly { id: string; order: number; cards: readonly string[] }[],
  bodyOf: (stack: string, card: string) => string,
): Map<string, ChartHome> {
  const homes = new Map<string, ChartHome>();
  for (const stack of [...stacks].sort((a, b) => a.order - b.order)) {
    for (const card of stack.cards) {
      for (const use of componentUses(bodyOf(stack.id, card))) {
        if (use.component === 'Chart' && !homes.has(use.id)) homes.set(use.id, { stack: stack.id, card });
      }
    }
  }
  return homes;
}
