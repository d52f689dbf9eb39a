/**
 * The social cards (1200×630 PNG) and the square app icons, drawn with Skia (@napi-rs/canvas)
 * in the image font (./fonts.ts). Each card shows the brand's accent, a kicker, the title, the
 * dek, the site name and logo, and, when the card (or chart) has a chart, the chart itself,
 * drawn here from its record (./chart-render.ts drawPlot), never read back from an image.
 * No clock and no metadata in the PNGs: two builds give the same bytes on any machine.
 * The text layout (fitText) is in src/lib/social.ts.
 */
import { createCanvas, Image, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Chart } from '../content/schemas/chart';
import type { Source } from '../content/schemas/sources';
import { fitText, SOCIAL_HEIGHT, SOCIAL_WIDTH, type Measure, type SocialTarget } from '../social';
import { chartSize } from '../charts/config';
import { chartSources } from '../sources';
import { checkDrawable } from './fonts';
import { imageFont } from './font-family';
import { drawPlot, type DrawingBrand } from './chart-render';
import { currentEdition } from '../editions';

export interface SocialCardSpec {
  target: SocialTarget;
  kicker: string;
  title: string;
  dek: string;
  /** The file the words come from, for error messages. */
  from: string;
  /** A chart to show beside the words. */
  chart?: Chart;
}

function image(bytes: Buffer, width?: number, height?: number): Image {
  const img = new Image();
  // An SVG drawn at its own size would be rasterised small; giving the size draws it sharp.
  if (width && height) {
    img.width = width;
    img.height = height;
  }
  img.src = bytes;
  return img;
}

/**
 * One canvas for every card drawn one at a time, repainted from scratch each time: a canvas made
 * per card keeps about 3 MB of native memory after encoding that the garbage collector does not
 * see, which grew the build by some 800 MB at ten times today's content.
 */
let cardCanvas: Canvas | undefined;

/** A canvas of the social card's size, for callers that keep their own (./social-images.ts). */
export const createCardCanvas = (): Canvas => createCanvas(SOCIAL_WIDTH, SOCIAL_HEIGHT);

/** One 1200×630 PNG. `sources` name the chart's sources (only read when the spec has a chart). */
export function drawSocialCard(spec: SocialCardSpec, brand: DrawingBrand, logo: Buffer, sources: ReadonlyMap<string, Source> = new Map()): Buffer {
  cardCanvas ??= createCardCanvas();
  paintSocialCard(cardCanvas, spec, brand, logo, sources);
  return cardCanvas.encodeSync('png');
}

/** Paints a card on `canvas` (1200×630), from scratch: nothing drawn there before shows. */
export function paintSocialCard(canvas: Canvas, spec: SocialCardSpec, brand: DrawingBrand, logo: Buffer, sources: ReadonlyMap<string, Source> = new Map()): void {
  checkDrawable([spec.kicker, spec.title, spec.dek, brand.name], spec.from, 'social-card');
  const p = brand.palette.light;
  const W = SOCIAL_WIDTH;
  const H = SOCIAL_HEIGHT;
  const pad = 64;
  if (canvas.width !== W || canvas.height !== H) throw new Error(`paintSocialCard: the canvas is ${canvas.width}×${canvas.height}, not ${W}×${H}`);
  const ctx = canvas.getContext('2d');
  ctx.reset();
  const measure: Measure = (text, f) => {
    ctx.font = f;
    return ctx.measureText(text).width;
  };

  ctx.fillStyle = p.bg;
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = p.accent;
  ctx.fillRect(0, 0, W, 12);

  // Footer: logo and site name on a rule.
  const logoSize = 56;
  const footerTop = H - pad - logoSize;
  ctx.fillStyle = p.border;
  ctx.fillRect(pad, footerTop - 24, W - 2 * pad, 2);
  ctx.drawImage(image(logo, logoSize * 2, logoSize * 2), pad, footerTop, logoSize, logoSize);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = p.text;
  const nameFit = fitText(brand.name, { sizes: [28, 24], maxLines: 1, maxWidth: W - 2 * pad - logoSize - 20, font: (s) => imageFont(700, s), lineHeight: 1.2 }, measure);
  ctx.font = nameFit.font;
  ctx.fillText(nameFit.lines[0]!, pad + logoSize + 20, footerTop + logoSize / 2);

  // Words on the left; the chart, when there is one, on the right.
  const textWidth = spec.chart ? 520 : W - 2 * pad;
  const top = 12 + pad - 8;
  const bottom = footerTop - 24 - 32;
  ctx.textBaseline = 'top';
  let y = top;
  if (spec.kicker) {
    const k = fitText(spec.kicker, { sizes: [26], maxLines: 1, maxWidth: textWidth, font: (s) => imageFont(700, s), lineHeight: 1.3 }, measure);
    ctx.font = k.font;
    ctx.fillStyle = p.accent;
    ctx.fillText(k.lines[0]!, pad, y);
    y += k.lineHeight + 14;
  }
  const title = fitText(spec.title, { sizes: spec.chart ? [52, 46, 40, 36] : [68, 60, 54, 48, 42], maxLines: spec.chart ? 4 : 3, maxWidth: textWidth, font: (s) => imageFont(700, s), lineHeight: 1.12 }, measure);
  ctx.font = title.font;
  ctx.fillStyle = p.text;
  for (const line of title.lines) {
    ctx.fillText(line, pad, y);
    y += title.lineHeight;
  }
  y += 18;
  const dekSizes = [30, 27, 24];
  const dekLineHeight = Math.round(dekSizes[dekSizes.length - 1]! * 1.3);
  const dekLines = Math.max(1, Math.floor((bottom - y) / dekLineHeight));
  const dek = fitText(spec.dek, { sizes: dekSizes, maxLines: Math.min(dekLines, 4), maxWidth: textWidth, font: (s) => imageFont(400, s), lineHeight: 1.3 }, measure);
  ctx.font = dek.font;
  ctx.fillStyle = p.muted;
  for (const line of dek.lines) {
    if (y + dek.lineHeight > bottom + 8) break;
    ctx.fillText(line, pad, y);
    y += dek.lineHeight;
  }

  if (spec.chart) {
    const x = pad + textWidth + 40;
    drawChartPanel(ctx, spec.chart, sources, brand, { x, y: top, w: W - pad - x, h: bottom - top + 24 });
  }
}

/**
 * The chart panels drawn so far, by chart record: a chart shown on many cards (its own, and each
 * card that carries it) is drawn once and copied 1:1 at whole pixels, so every card shows the
 * same pixels whichever card drew it first. (Drawn straight onto the card instead, its labels
 * would be antialiased a shade differently: positions in float32 lose precision far from the
 * origin.) Keyed by the record object, so an edited chart (a new record, in `astro dev`) is drawn
 * afresh, and by the edition, whose words and dates the panel draws (one process builds every
 * edition, src/cli/build.ts).
 */
const panels = new WeakMap<Chart, { key: string; canvas: Canvas }>();

/** The chart's panel (surface, rounded corners on the card's background) drawn into `box` of the card. */
function drawChartPanel(ctx: SKRSContext2D, chart: Chart, sources: ReadonlyMap<string, Source>, brand: DrawingBrand, box: { x: number; y: number; w: number; h: number }): void {
  const key = JSON.stringify([currentEdition(), box.w, box.h, brand.palette.light, chartSources(chart, sources)]);
  let panel = panels.get(chart);
  if (panel?.key !== key) {
    panel = { key, canvas: paintChartPanel(chart, sources, brand, box.w, box.h) };
    panels.set(chart, panel);
  }
  ctx.drawImage(panel.canvas, box.x, box.y);
}

/** The chart, scaled to fit a panel of w×h and centred on the surface colour. */
function paintChartPanel(chart: Chart, sources: ReadonlyMap<string, Source>, brand: DrawingBrand, w: number, h: number): Canvas {
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = brand.palette.light.bg;
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = brand.palette.light.surface;
  ctx.beginPath();
  ctx.roundRect(0, 0, w, h, 12);
  ctx.fill();
  const natural = chartSize(chart);
  const inner = 16;
  const scale = Math.min((w - 2 * inner) / natural.width, (h - 2 * inner) / natural.height);
  const cw = Math.round(natural.width * scale);
  const ch = Math.round(natural.height * scale);
  drawPlot(ctx, chart, sources, brand, 'light', { x: Math.round((w - cw) / 2), y: Math.round((h - ch) / 2), w: cw, h: ch }, Math.max(1, scale));
  return canvas;
}

/** A square app icon: the logo on the background colour (iOS shows transparency as black). */
export function drawIcon(logo: Buffer, size: number, background: string): Buffer {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, size, size);
  ctx.drawImage(image(logo, size, size), 0, 0, size, size);
  return canvas.encodeSync('png');
}
