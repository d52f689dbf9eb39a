import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check';
import { indexContent } from '../../../src/lib/content/lookups';
import { fixtureFiles } from '../../support/fixtures';

const CARD = 'content/explainers/guarantees/first-card.mdx';

function indexOf(edit: (files: Record<string, string>) => void = () => {}) {
  const files = fixtureFiles();
  edit(files);
  const { problems, model } = checkContent(files);
  expect(problems).toEqual([]);
  return indexContent(model);
}

describe('indexContent', () => {
  it('numbers sources by their place in sources.yaml', () => {
    const index = indexOf();
    expect([...index.sourceNumbers]).toEqual([
      ['article', 1],
      ['treaty', 2],
      ['state-agency', 3],
      ['relay-outlet', 4],
    ]);
    expect(index.sources.get('treaty')?.id).toBe('treaty');
  });

  it("lists a card's sources: its own, then those behind its figures and quotes", () => {
    const index = indexOf((f) => {
      f[CARD] = f[CARD]!.replace('sources: [article]', 'sources: [treaty, article]');
    });
    const card = index.cards.get('guarantees/first-card')!;
    expect(index.cardSourceIds(card, card.path)).toEqual(['treaty', 'article']);
    // Asked again for the same card, the same list (worked out once).
    expect(index.cardSourceIds(card, card.path)).toBe(index.cardSourceIds(card, card.path));
  });

  it('puts stacks in navigation order and finds cards by <stack>/<card>', () => {
    const index = indexOf();
    expect(index.stacks.map((s) => s.id)).toEqual(['guarantees']);
    expect(index.cards.get('guarantees/first-card')?.data.title).toBe('What is the plan?');
  });
});
