/**
 * Fitting an embed into WordPress. WordPress's wp-embed.js sets an embed's frame to the height it
 * reports, clamped to 200–1000 px, so a taller unit would scroll inside a 1000 px frame. In
 * WordPress only (the `#?secret=` in our URL), the embed page shows the first blocks of the unit
 * that fit, then "Continue reading on the explainer"; every other host gets the whole unit, sized
 * to its content, a card's body folded after CARD_EMBED_MAX_HEIGHT behind a button that opens it
 * in place. Pure: block heights in, a count out; src/scripts/embed-reporter.ts measures.
 */

/** wp-embed.js: `if ( height > 1000 ) height = 1000;` */
export const WORDPRESS_MAX_HEIGHT = 1000;

/**
 * The most a card embed takes on first view anywhere else: two phone screens (844 px, a 390 px
 * wide phone's viewport, twice). A longer card shows its question, answer and the first blocks of
 * its body that fit, then "Continue reading", which opens the rest in place (nothing leaves the
 * frame; the responsive codes grow with it). The source line and the link back stay below.
 */
export const CARD_EMBED_MAX_HEIGHT = 1688;

/**
 * How many leading blocks to show. `blocks` are the heights of the unit's blocks in order (each
 * including the space to the next), `rest` the height of the page without any of them but with
 * the continue link, `limit` the most the host shows, `min` the blocks always kept (a chart's
 * title and image; none for a card, whose question and answer stand above its body). All blocks when they all fit without the link
 * (`rest - link`).
 */
export function blocksThatFit(blocks: readonly number[], rest: number, link: number, limit: number, min = 1): number {
  const total = blocks.reduce((a, b) => a + b, 0);
  if (rest - link + total <= limit) return blocks.length;
  let used = rest;
  let kept = 0;
  for (const h of blocks) {
    if (kept >= min && used + h > limit) break;
    used += h;
    kept++;
  }
  return Math.min(kept, blocks.length);
}
