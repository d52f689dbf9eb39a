import { describe, expect, it } from 'vitest';
import { blocksThatFit, WORDPRESS_MAX_HEIGHT } from '../../../../src/lib/embed/fit';

describe('blocksThatFit', () => {
  it('keeps every block when the whole unit fits without the continue link', () => {
    expect(blocksThatFit([300, 300], 400, 40, 1000)).toBe(2); // 360 + 600 = 960
  });
  it('keeps the leading blocks that fit with the link', () => {
    expect(blocksThatFit([300, 300, 300], 400, 40, 1000)).toBe(2); // 400 + 600 = 1000
    expect(blocksThatFit([300, 301, 300], 400, 40, 1000)).toBe(1);
  });
  it('always keeps the minimum, even when it does not fit', () => {
    expect(blocksThatFit([1200, 100], 400, 40, 1000)).toBe(1);
    expect(blocksThatFit([500, 500, 100], 400, 40, 1000, 2)).toBe(2);
    expect(blocksThatFit([], 400, 40, 1000)).toBe(0);
  });
  it('uses WordPress’s cap (wp-embed.js clamps to 1000)', () => {
    expect(WORDPRESS_MAX_HEIGHT).toBe(1000);
  });
});

describe('blocksThatFit with no block required (a card)', () => {
  it('keeps none of the body when the first block alone is taller than the cap', () => {
    expect(blocksThatFit([1200, 100], 300, 40, 1000, 0)).toBe(0);
    // …and still keeps what fits when the first block is short.
    expect(blocksThatFit([200, 900, 100], 300, 40, 1000, 0)).toBe(1);
  });
});
