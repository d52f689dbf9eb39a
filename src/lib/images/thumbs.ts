/**
 * Gallery thumbnails: the PNGs the build already draws (a chart's PNG, a card's social card),
 * scaled down to THUMB_WIDTH so the embed gallery loads a few kilobytes a tile, not a 1200-px
 * image. Where they live and how big they are is pure (the page reserves the box from it); the
 * scaling itself is in ./thumb-draw.ts.
 */
import type { ImageSize } from './png';

export const THUMB_WIDTH = 480;

/** The thumbnail of an embeddable unit ('stack/card' or 'chart/<id>'), under the site root. */
export const thumbFile = (unitKey: string) => `thumbs/${unitKey}.webp`;

/** The size of the thumbnail of an image of `size`. */
export const thumbSize = (size: ImageSize): ImageSize => ({ width: THUMB_WIDTH, height: Math.round((size.height * THUMB_WIDTH) / size.width) });
