import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { drawThumbnail } from '../../../../src/lib/images/thumb-draw';
import { cachedThumbnail } from '../../../../src/lib/images/build-images';
import { configureImageCache, currentImageCache } from '../../../../src/lib/images/cache';

/** A PNG of the given size: a colour field with a bar across it. */
function png(width: number, height: number, colour: string): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.fillRect(0, height / 3, width / 2, height / 3);
  return canvas.encodeSync('png');
}

const webpSize = (webp: Buffer) => ({ width: 1 + webp.readUIntLE(24, 3), height: 1 + webp.readUIntLE(27, 3), kind: webp.toString('ascii', 12, 16) });

describe('drawThumbnail', () => {
  it('scales to 480 px wide, keeping the aspect ratio, as WebP', () => {
    expect(webpSize(drawThumbnail(png(1200, 630, '#fff')))).toEqual({ width: 480, height: 252, kind: 'VP8X' });
    expect(webpSize(drawThumbnail(png(960, 1200, '#fff')))).toEqual({ width: 480, height: 600, kind: 'VP8X' });
  });

  it('gives the same bytes for the same image whatever it drew before (the reused canvas keeps nothing)', () => {
    const red = png(1200, 630, '#c00');
    const first = drawThumbnail(red);
    drawThumbnail(png(1200, 630, '#0c0'));
    drawThumbnail(png(960, 1200, '#00c'));
    expect(drawThumbnail(red).equals(first)).toBe(true);
    expect(drawThumbnail(png(1200, 630, '#0c0')).equals(first)).toBe(false);
  });
});

describe('cachedThumbnail', () => {
  it('draws a PNG’s thumbnail once; the next build reads it from the cache', () => {
    const root = mkdtempSync(join(tmpdir(), 'ex-thumb-'));
    const previous = currentImageCache();
    try {
      // The fingerprint reads this project's drawing code; the entries go to the scratch folder.
      const cache = configureImageCache(join(import.meta.dirname, '../../../..'), root)!;
      const chartPng = png(1200, 630, '#c00');
      const first = cachedThumbnail(chartPng);
      expect(first.equals(drawThumbnail(chartPng))).toBe(true);
      // Mark the stored entry: what comes back next time is the stored bytes, not a new drawing.
      const [entry] = readdirSync(cache.dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(`${sep}thumb`));
      writeFileSync(join(cache.dir, entry!), 'stored');
      expect(cachedThumbnail(chartPng).toString()).toBe('stored');
      expect(cachedThumbnail(png(1200, 630, '#0c0')).toString()).not.toBe('stored');
    } finally {
      (globalThis as Record<symbol, unknown>)[Symbol.for('explainer.imageCache')] = previous;
      rmSync(root, { recursive: true, force: true });
    }
  });
});
