import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { clampLines, fitText, parseUnicodeRange, socialImageFile, socialTargetForUnit, uncovered, wrapWords, type Measure } from '../../../src/lib/social';
import { drawIcon, drawSocialCard, type SocialCardSpec } from '../../../src/lib/images/social-card';
import { chart as testChart, sources as testSources } from './charts/fixture';
import { loadBrand } from '../../../src/config/brand-loader';

const ROOT = new URL('../../../', import.meta.url).pathname;
/** Every character is 0.5 em wide: layout becomes arithmetic. */
const measure: Measure = (text, font) => text.length * Number(/(\d+)px/.exec(font)![1]) * 0.5;
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

describe('files', () => {
  it('one file per page kind, under og/', () => {
    expect(socialImageFile({ kind: 'site' })).toBe('og/site.png');
    expect(socialImageFile({ kind: 'stack', stack: 'article-5' })).toBe('og/article-5.png');
    expect(socialImageFile({ kind: 'card', stack: 'article-5', card: 'who-is-bound' })).toBe('og/article-5/who-is-bound.png');
    expect(socialImageFile({ kind: 'chart', chart: 'troop-sizes' })).toBe('og/chart/troop-sizes.png');
  });
  it('embed units map to their card or chart', () => {
    expect(socialTargetForUnit('chart/troop-sizes')).toEqual({ kind: 'chart', chart: 'troop-sizes' });
    expect(socialTargetForUnit('article-5/who-is-bound')).toEqual({ kind: 'card', stack: 'article-5', card: 'who-is-bound' });
  });
});

describe('text layout', () => {
  it('wraps at the width', () => {
    // 10px font → 5px a character; 50px holds 10 characters.
    expect(wrapWords('aaaa bbbb cccc dd', 50, '400 10px X', measure)).toEqual(['aaaa bbbb', 'cccc dd']);
  });
  it('takes the largest size that fits, else clamps with an ellipsis', () => {
    const opts = { sizes: [20, 10], maxLines: 2, maxWidth: 100, font: (s: number) => `700 ${s}px X`, lineHeight: 1.2 };
    expect(fitText('aaaa bbbb cccc', opts, measure)).toMatchObject({ size: 20, lines: ['aaaa bbbb', 'cccc'] });
    expect(fitText('aaaa bbbb cccc dddd eeee ffff', opts, measure)).toMatchObject({ size: 10, lines: ['aaaa bbbb cccc dddd', 'eeee ffff'] });
    const long = fitText('aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk', opts, measure);
    expect(long.lines).toHaveLength(2);
    expect(long.lines[1]).toMatch(/…$/);
    expect(measure(long.lines[1]!, long.font)).toBeLessThanOrEqual(100);
  });
  it('clamps without leaving punctuation before the ellipsis', () => {
    expect(clampLines(['one two,', 'three', 'four'], 1, 1000, '400 10px X', measure)).toEqual(['one two, three…']);
  });
  it('finds characters the font files do not cover', () => {
    const ranges = parseUnicodeRange('U+0000-00FF,U+20AC');
    expect(ranges).toEqual([[0, 255], [0x20ac, 0x20ac]]);
    expect(uncovered('€90bn Šef', ranges)).toEqual(['Š']);
  });
});

describe('drawing', () => {
  const brand = loadBrand('src/config/brand.yaml', ROOT);
  const logo = readFileSync(brand.logoFile);
  const spec: SocialCardSpec = {
    target: { kind: 'card', stack: 's', card: 'c' },
    kicker: 'Security guarantees',
    title: 'Would European troops fight Russia on the front line?',
    dek: 'Not on the front line, according to officials familiar with the plan — Šefčovič, Зеленський.',
    from: 'test',
  };

  it('is a 1200×630 PNG, the same bytes every time', () => {
    const a = drawSocialCard(spec, brand, logo);
    const b = drawSocialCard({ ...spec }, brand, logo);
    expect(a.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(a)).toEqual({ width: 1200, height: 630 });
    expect(a.equals(b)).toBe(true);
    expect(a.equals(drawSocialCard({ ...spec, title: 'Another question?' }, brand, logo))).toBe(false);
    // Cards share one canvas: nothing of the card drawn before shows in the next one.
    expect(drawSocialCard(spec, brand, logo).equals(a)).toBe(true);
  });

  it('draws in the brand: the top bar is the accent colour', async () => {
    const partner = loadBrand('tests/fixtures/brand/brand.yaml', ROOT);
    const png = drawSocialCard(spec, partner, readFileSync(partner.logoFile));
    const img = await loadImage(png);
    const ctx = createCanvas(1200, 630).getContext('2d');
    ctx.drawImage(img, 0, 0);
    const [r, g, b] = ctx.getImageData(600, 4, 1, 1).data;
    expect([r, g, b]).toEqual([0x9b, 0x1c, 0x31]);
  });

  it('draws the chart beside the words, from its record', async () => {
    const plain = drawSocialCard(spec, brand, logo, testSources);
    const png = drawSocialCard({ ...spec, chart: testChart }, brand, logo, testSources);
    const pixels = async (b: Buffer) => {
      const ctx = createCanvas(1200, 630).getContext('2d');
      ctx.drawImage(await loadImage(b), 0, 0);
      return ctx.getImageData(700, 100, 400, 350).data;
    };
    // The chart's first series colour appears in the right-hand panel, and only with a chart.
    const [r, g, b] = [0x0b, 0x57, 0xb0];
    const has = (d: Uint8ClampedArray) => d.some((_, i) => i % 4 === 0 && d[i] === r && d[i + 1] === g && d[i + 2] === b);
    expect(has(await pixels(png))).toBe(true);
    expect(has(await pixels(plain))).toBe(false);
  });

  it('refuses text the registered fonts cannot draw (it would fall back to a machine font)', () => {
    expect(() => drawSocialCard({ ...spec, title: 'What does 安全 mean?' }, brand, logo)).toThrow(/test: .* cannot draw: 安 全/);
  });

  it('icons are squares of the asked size', () => {
    expect(pngSize(drawIcon(logo, 180, '#ffffff'))).toEqual({ width: 180, height: 180 });
  });
});
