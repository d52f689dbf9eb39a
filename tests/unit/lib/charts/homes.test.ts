import { describe, expect, it } from 'vitest';
import { chartHomes } from '../../../../src/lib/charts/homes';

describe('chartHomes', () => {
  it('puts each chart in the first card that places it, stacks by order, cards in reading order', () => {
    const bodies: Record<string, string> = {
      'b/one': 'text <Chart id="x" />',
      'b/two': '<Chart id="y" />\n<Chart id="x" />',
      'a/three': '<Chart id="y" /> <Cite id="s" />',
    };
    const homes = chartHomes(
      [
        { id: 'b', order: 2, cards: ['one', 'two'] },
        { id: 'a', order: 1, cards: ['three'] },
      ],
      (stack, card) => bodies[`${stack}/${card}`] ?? '',
    );
    expect([...homes]).toEqual([
      ['y', { stack: 'a', card: 'three' }],
      ['x', { stack: 'b', card: 'one' }],
    ]);
  });
});
