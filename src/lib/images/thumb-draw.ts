/**
 * Scales a PNG down to its gallery thumbnail (./thumbs.ts), smoothly, as WebP (a fifth of the
 * bytes of a PNG of the same picture, and quicker to decode on a phone), with no metadata.
 */
import { createCanvas, Image } from '@napi-rs/canvas';
import { pngSize } from './png';
import { thumbSize } from './thumbs';

export function drawThumbnail(png: Buffer): Buffer {
  const { width, height } = thumbSize(pngSize(png));
  const img = new Image();
  img.src = png;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(img, 0, 0, width, height);
  return canvas.encodeSync('webp', 82);
}
