/**
 * Draws a build's social cards, and each card's gallery thumbnail, several at a time.
 *
 * Encoding a 1200×630 PNG takes about three times as long as painting it. Each lane paints on
 * its own canvases on the main thread, then encodes on libuv's thread pool (`canvas.encode`),
 * so one card's encoding overlaps the next card's painting and both cores work. A lane waits
 * for its encodes before painting again: the encoder reads the canvas while it runs.
 * The bytes do not depend on the number of lanes or on the order the drawings finish.
 */
import type { Canvas } from '@napi-rs/canvas';
import type { Source } from '../content/schemas/sources';
import { SOCIAL_HEIGHT, SOCIAL_WIDTH } from '../social';
import type { DrawingBrand } from './chart-render';
import { createCardCanvas, paintSocialCard, type SocialCardSpec } from './social-card';
import { createThumbCanvas, paintThumbnail, THUMB_WEBP_QUALITY } from './thumb-draw';

export interface SocialImages {
  /** The 1200×630 social card. */
  png: Buffer;
  /** Its gallery thumbnail (WebP), when asked for. */
  thumb?: Buffer;
}

/** One lane's canvases: a card and its thumbnail. */
export class SocialCardLane {
  private readonly card: Canvas = createCardCanvas();
  private readonly thumb: Canvas = createThumbCanvas({ width: SOCIAL_WIDTH, height: SOCIAL_HEIGHT });

  async draw(spec: SocialCardSpec, brand: DrawingBrand, logo: Buffer, sources: ReadonlyMap<string, Source>, withThumb: boolean): Promise<SocialImages> {
    paintSocialCard(this.card, spec, brand, logo, sources);
    // Scaled from the painted canvas: the same pixels a decoded PNG would give, without decoding.
    if (withThumb) paintThumbnail(this.thumb, this.card);
    const [png, thumb] = await Promise.all([this.card.encode('png'), withThumb ? this.thumb.encode('webp', THUMB_WEBP_QUALITY) : undefined]);
    return thumb ? { png, thumb } : { png };
  }
}

/**
 * `work` over every item, at most `lanes.length` at a time, each running on one lane; the
 * results in the items' order.
 */
export async function inLanes<T, L, R>(items: readonly T[], lanes: readonly L[], work: (item: T, lane: L) => Promise<R>): Promise<R[]> {
  if (!lanes.length) throw new Error('inLanes: no lanes');
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    lanes.map(async (lane) => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!, lane);
      }
    }),
  );
  return results;
}
