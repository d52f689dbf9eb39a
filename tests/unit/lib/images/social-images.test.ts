/**
 * Drawing social cards several at a time (src/lib/images/social-images.ts): the bytes are the
 * ones the one-at-a-time drawing gives, whatever the number of lanes, and a card's thumbnail is
 * its own card scaled down.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { drawSocialCard, type SocialCardSpec } from '../../../../src/lib/images/social-card';
import { inLanes, SocialCardLane } from '../../../../src/lib/images/social-images';
import { drawThumbnail } from '../../../../src/lib/images/thumb-draw';
import { loadBrand } from '../../../../src/config/brand-loader';
import { chart, input, makeChart, sources } from '../charts/fixture';

const ROOT = new URL('../../../../', import.meta.url).pathname;
const brand = loadBrand('src/config/brand.yaml', ROOT);
const logo = readFileSync(brand.logoFile);
const spec = (title: string, withChart = false): SocialCardSpec => ({
  target: { kind: 'card', stack: 's', card: title.toLowerCase().replace(/\W+/g, '-') },
  kicker: 'Security guarantees',
  title,
  dek: 'According to officials familiar with the plan.',
  from: 'test',
  ...(withChart ? { chart } : {}),
});
const specs = [spec('Who would monitor a ceasefire?'), spec('How big would the army be?', true), spec('What is the plan?'), spec('Where are the assets?', true)];

/** The RGBA pixels of an encoded image. */
async function pixels(bytes: Buffer): Promise<Uint8ClampedArray> {
  const img = await loadImage(bytes);
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  return ctx.getImageData(0, 0, img.width, img.height).data;
}

describe('inLanes', () => {
  it('gives results in the items’ order, never running more at once than there are lanes', async () => {
    let running = 0;
    let most = 0;
    const out = await inLanes([30, 5, 20, 1, 10], ['a', 'b'], async (ms, lane) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return `${ms}:${typeof lane}`;
    });
    expect(out).toEqual(['30:string', '5:string', '20:string', '1:string', '10:string']);
    expect(most).toBe(2);
  });

  it('refuses to run with no lanes', async () => {
    await expect(inLanes([1], [], async (x) => x)).rejects.toThrow(/no lanes/);
  });
});

describe('SocialCardLane', () => {
  it('draws the same PNG as drawSocialCard, with one lane or three', async () => {
    const expected = specs.map((s) => drawSocialCard(s, brand, logo, sources));
    for (const lanes of [1, 3]) {
      const drawn = await inLanes(specs, Array.from({ length: lanes }, () => new SocialCardLane()), (s, lane) => lane.draw(s, brand, logo, sources, true));
      drawn.forEach((d, i) => expect(d.png.equals(expected[i]!), `card ${i} with ${lanes} lane(s)`).toBe(true));
    }
  });

  it('gives a thumbnail only when asked, and it is the card scaled down', async () => {
    const lane = new SocialCardLane();
    expect((await lane.draw(specs[0]!, brand, logo, sources, false)).thumb).toBeUndefined();
    const { png, thumb } = await lane.draw(specs[0]!, brand, logo, sources, true);
    // Scaled from the canvas rather than from the decoded PNG: the same picture to within
    // resampling (a level or two out of 255 on average), not necessarily the same bytes.
    const [a, b] = [await pixels(thumb!), await pixels(drawThumbnail(png))];
    expect(a.length).toBe(b.length);
    const meanDiff = a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;
    expect(meanDiff).toBeLessThan(2);
  });
});

describe('the chart on a card', () => {
  it('is drawn once per chart and copied, giving the bytes of a fresh drawing', () => {
    const withChart = spec('How big would the army be?', true);
    const first = drawSocialCard(withChart, brand, logo, sources);
    drawSocialCard(spec('Another card', true), brand, logo, sources);
    expect(drawSocialCard(withChart, brand, logo, sources).equals(first)).toBe(true);
  });

  it('is drawn afresh for an edited chart record', () => {
    const edited = makeChart({ rows: input.rows.map((r) => ('value' in r && typeof r.value === 'number' ? { ...r, value: r.value * 2 } : r)) });
    const before = drawSocialCard({ ...spec('Same words'), chart }, brand, logo, sources);
    expect(drawSocialCard({ ...spec('Same words'), chart: edited }, brand, logo, sources).equals(before)).toBe(false);
  });
});
