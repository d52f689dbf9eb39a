/**
 * Draws, after the build, the images a shared link and a home screen show:
 *
 *   og/site.png, og/<stack>.png, og/<stack>/<card>.png, og/chart/<id>.png   1200×630 social cards
 *   favicon.svg (an SVG logo as is), favicon-32.png, apple-touch-icon.png, icon-192.png, icon-512.png
 *
 * Each social card shows the brand's accent, a kicker, the title, the dek, the site name and
 * logo, and, when the card (or chart) has a chart, the chart's static image that the
 * chart-images integration has just drawn. Drawn with Skia (@napi-rs/canvas), the canvas the
 * charts use, in Inter registered from @fontsource/inter's files (never a system font: a
 * character those files lack stops the build), with no clock and no metadata in the PNGs,
 * so two builds give the same bytes on any machine.
 */
import type { AstroIntegration } from 'astro';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts, Image, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { getBrand, type Brand } from '../config/brand-loader';
import { formatProblem } from '../lib/content-integrity';
import { chartIdsIn } from '../lib/mdx-scanner';
import { contentLoader } from '../data/model';
import { chartAssetFiles } from '../lib/charts/assets';
import { ICON_FILES, ICON_SIZES } from '../lib/icons';
import { fitText, parseUnicodeRange, socialImageFile, SOCIAL_HEIGHT, SOCIAL_WIDTH, uncovered, type Measure, type SocialTarget } from '../lib/social';
import { t } from '../lib/strings';

const require = createRequire(import.meta.url);

/** Fontsource subsets registered, in fallback order. */
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'] as const;
const family = (subset: string) => `ExCard-${subset}`;
const FAMILIES = SUBSETS.map(family).join(', ');
const font = (weight: number, size: number) => `${weight} ${size}px ${FAMILIES}`;

let fontRanges: [number, number][] | undefined;
/** Registers Inter 400 and 700 under private family names (so a system "Inter" is never picked). */
function registerFonts(): [number, number][] {
  if (fontRanges) return fontRanges;
  const unicode = JSON.parse(readFileSync(require.resolve('@fontsource/inter/unicode.json'), 'utf8')) as Record<string, string>;
  for (const subset of SUBSETS) {
    for (const weight of [400, 700]) {
      const path = require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff2`);
      if (!GlobalFonts.registerFromPath(path, family(subset))) throw new Error(`social-cards: could not register ${path}`);
    }
  }
  fontRanges = SUBSETS.flatMap((s) => parseUnicodeRange(unicode[s]!));
  return fontRanges;
}

export interface SocialCardSpec {
  target: SocialTarget;
  kicker: string;
  title: string;
  dek: string;
  /** The file the words come from, for error messages. */
  from: string;
  /** A chart's static image (SVG or PNG bytes) to show beside the words. */
  chart?: Buffer;
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

/** One 1200×630 PNG. */
let cardCanvas: Canvas | undefined;
/**
 * One canvas for every card, repainted from scratch each time: a canvas made per card keeps
 * about 3 MB of native memory after encoding that the garbage collector does not see, which
 * grew the build by some 800 MB at ten times today's content.
 */
function blankCardCanvas(): Canvas {
  cardCanvas ??= createCanvas(SOCIAL_WIDTH, SOCIAL_HEIGHT);
  const ctx = cardCanvas.getContext('2d');
  ctx.reset();
  return cardCanvas;
}

export function drawSocialCard(spec: SocialCardSpec, brand: Brand, logo: Buffer): Buffer {
  const ranges = registerFonts();
  for (const text of [spec.kicker, spec.title, spec.dek, brand.name]) {
    const missing = uncovered(text, ranges);
    if (missing.length) throw new Error(`${spec.from}: "${text}" has characters the social-card font cannot draw: ${missing.join(' ')}`);
  }
  const p = brand.palette.light;
  const W = SOCIAL_WIDTH;
  const H = SOCIAL_HEIGHT;
  const pad = 64;
  const canvas = blankCardCanvas();
  const ctx = canvas.getContext('2d');
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
  const nameFit = fitText(brand.name, { sizes: [28, 24], maxLines: 1, maxWidth: W - 2 * pad - logoSize - 20, font: (s) => font(700, s), lineHeight: 1.2 }, measure);
  ctx.font = nameFit.font;
  ctx.fillText(nameFit.lines[0]!, pad + logoSize + 20, footerTop + logoSize / 2);

  // Words on the left; the chart, when there is one, on the right.
  const textWidth = spec.chart ? 520 : W - 2 * pad;
  const top = 12 + pad - 8;
  const bottom = footerTop - 24 - 32;
  ctx.textBaseline = 'top';
  let y = top;
  if (spec.kicker) {
    const k = fitText(spec.kicker, { sizes: [26], maxLines: 1, maxWidth: textWidth, font: (s) => font(700, s), lineHeight: 1.3 }, measure);
    ctx.font = k.font;
    ctx.fillStyle = p.accent;
    ctx.fillText(k.lines[0]!, pad, y);
    y += k.lineHeight + 14;
  }
  const title = fitText(spec.title, { sizes: spec.chart ? [52, 46, 40, 36] : [68, 60, 54, 48, 42], maxLines: spec.chart ? 4 : 3, maxWidth: textWidth, font: (s) => font(700, s), lineHeight: 1.12 }, measure);
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
  const dek = fitText(spec.dek, { sizes: dekSizes, maxLines: Math.min(dekLines, 4), maxWidth: textWidth, font: (s) => font(400, s), lineHeight: 1.3 }, measure);
  ctx.font = dek.font;
  ctx.fillStyle = p.muted;
  for (const line of dek.lines) {
    if (y + dek.lineHeight > bottom + 8) break;
    ctx.fillText(line, pad, y);
    y += dek.lineHeight;
  }

  if (spec.chart) drawChart(ctx, spec.chart, p.surface, { x: pad + textWidth + 40, y: top, w: W - pad - (pad + textWidth + 40), h: bottom - top + 24 });
  return canvas.encodeSync('png');
}

/** The chart image, scaled to fit its panel and centred on the surface colour. */
function drawChart(ctx: SKRSContext2D, bytes: Buffer, surface: string, box: { x: number; y: number; w: number; h: number }): void {
  ctx.fillStyle = surface;
  ctx.beginPath();
  ctx.roundRect(box.x, box.y, box.w, box.h, 12);
  ctx.fill();
  const natural = image(bytes);
  const inner = 16;
  const scale = Math.min((box.w - 2 * inner) / natural.width, (box.h - 2 * inner) / natural.height);
  const w = Math.round(natural.width * scale);
  const h = Math.round(natural.height * scale);
  const img = image(bytes, w, h);
  ctx.drawImage(img, Math.round(box.x + (box.w - w) / 2), Math.round(box.y + (box.h - h) / 2), w, h);
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

/** Every social card of the site, from the content model. */
export function socialCardSpecs(root: string, readChart: (id: string) => Buffer | undefined): SocialCardSpec[] {
  const brand = getBrand();
  const { problems, model } = contentLoader(root).result();
  if (problems.length) throw new Error(`social-cards: content has problems:\n  ${problems.map(formatProblem).join('\n  ')}`);
  const specs: SocialCardSpec[] = [
    { target: { kind: 'site' }, kicker: brand.publisher.name, title: brand.name, dek: t('site.description'), from: brand.file },
  ];
  for (const stack of model.stacks) {
    specs.push({ target: { kind: 'stack', stack: stack.id }, kicker: t('social.explainer'), title: stack.title, dek: stack.summary, from: 'content/data/stacks.yaml' });
  }
  for (const card of model.cards) {
    const stack = model.stacks.find((s) => s.id === card.stack);
    const chartId = chartIdsIn(card.body)[0];
    specs.push({
      target: { kind: 'card', stack: card.stack, card: card.id },
      kicker: stack?.title ?? '',
      title: card.data.title,
      dek: card.data.dek,
      from: card.file,
      chart: chartId ? readChart(chartId) : undefined,
    });
  }
  for (const chart of model.charts) {
    specs.push({ target: { kind: 'chart', chart: chart.id }, kicker: t('social.chart'), title: chart.title, dek: chart.takeaway, from: `content/data/charts/${chart.id}.yaml`, chart: readChart(chart.id) });
  }
  return specs;
}

/** Every file this integration writes (or only `only`), keyed by its path under the output folder. */
export function socialFiles(root: string, readChart: (id: string) => Buffer | undefined, only?: string): Map<string, Buffer> {
  const brand = getBrand();
  const logo = readFileSync(brand.logoFile);
  const files = new Map<string, Buffer>();
  const wanted = (file: string) => only === undefined || only === file;
  for (const spec of socialCardSpecs(root, readChart)) {
    const file = socialImageFile(spec.target);
    if (wanted(file)) files.set(file, drawSocialCard(spec, brand, logo));
  }
  if (brand.logoFile.toLowerCase().endsWith('.svg') && wanted(ICON_FILES.svg)) files.set(ICON_FILES.svg, logo);
  for (const [file, size] of Object.entries(ICON_SIZES)) if (wanted(file)) files.set(file, drawIcon(logo, size, brand.palette.light.bg));
  return files;
}

export default function socialCards(): AstroIntegration {
  let root = '';
  let chartImages = false;
  return {
    name: 'social-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        const names = config.integrations.map((i) => i.name);
        chartImages = names.includes('chart-images');
        // Cards show the chart images, so those must be drawn first (build:done runs in order).
        if (chartImages && names.indexOf('chart-images') > names.indexOf('social-cards')) {
          throw new Error('astro.config: list socialCards() after chartImages(); social cards draw the chart images');
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const readChart = (id: string) => {
          const file = join(out, chartAssetFiles(id).light);
          if (existsSync(file)) return readFileSync(file);
          if (chartImages) throw new Error(`social-cards: chart "${id}" has no image at ${chartAssetFiles(id).light}`);
          return undefined;
        };
        const files = socialFiles(root, readChart);
        for (const [rel, body] of files) {
          const target = join(out, rel);
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, body);
        }
        logger.info(`drew ${files.size} social cards and icons`);
      },
      'astro:server:setup': ({ server }) => {
        // Dev only: draw a card or icon when it is asked for (without the chart: dev draws
        // chart images on request, after this); the build draws them all, charts included.
        server.middlewares.use((req, res, next) => {
          const base = server.config.base.endsWith('/') ? server.config.base : `${server.config.base}/`;
          const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          const rel = path.startsWith(base) ? path.slice(base.length) : '';
          if (!/^og\/.+\.png$/.test(rel) && !(Object.values(ICON_FILES) as string[]).includes(rel)) return next();
          try {
            const body = socialFiles(root, () => undefined, rel).get(rel);
            if (!body) return next();
            res.writeHead(200, { 'Content-Type': rel.endsWith('.svg') ? 'image/svg+xml' : 'image/png', 'Cache-Control': 'no-store' });
            res.end(body);
          } catch (e) {
            next(e);
          }
        });
      },
    },
  };
}
