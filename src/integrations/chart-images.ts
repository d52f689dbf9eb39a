/**
 * Draws every chart at build time so it is visible before (and without) JavaScript, in print,
 * in feeds and as a social image. The same Chart.js configuration the browser uses
 * (src/lib/charts/config.ts) is drawn into @napi-rs/canvas (Skia, shipped as npm binaries):
 *
 *   charts/<id>/<id>-light.svg, <id>-dark.svg   on the page, in a <picture> (text as outlines)
 *   charts/<id>/<id>-narrow-light.svg, …-dark   the same for phones (narrow layout)
 *   charts/<id>/<id>.png                        2×, with title and source: download and social
 *   charts/<id>/<id>.csv                        the data table as CSV
 *
 * Determinism: text is drawn with Inter from @fontsource/inter (registered with GlobalFonts,
 * never a system font; a character Inter's Latin files lack stops the build), PNGs carry no
 * metadata, SVG clip ids are renumbered, and nothing reads the clock. Two builds of the same
 * content write the same bytes.
 *
 * In `astro dev` the same files are drawn on request, so pages look the same as in a build.
 */
import type { AstroIntegration } from 'astro';
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts, SvgExportFlag, type SKRSContext2D } from '@napi-rs/canvas';
import { BarController, BarElement, CategoryScale, Chart as ChartJS, LinearScale, type Plugin } from 'chart.js';
import type { Chart } from '../schemas/chart';
import type { Source } from '../schemas/sources';
import { checkContent, DATA_FILES, formatProblem, readContentFiles } from '../lib/content-integrity';
import { palette, type Mode } from '../lib/palette';
import { t } from '../lib/strings';
import { getBrand } from '../config/brand';
import { chartAssetFiles } from '../lib/charts/assets';
import { chartConfig, chartSize, FONT_SIZE, IMAGE_FONT, type ChartLayout } from '../lib/charts/config';
import { minifySvg } from '../lib/charts/svg';
import { chartTable, tableToCsv } from '../lib/charts/table';
import { dateText } from '../lib/charts/text';
import { chartSources } from '../lib/sources';

// The same registrations as the browser (src/scripts/chart-runtime.ts), so both draw alike.
ChartJS.register(BarController, BarElement, CategoryScale, LinearScale);

let fontsReady = false;
/** Inter 400/600/700 (Latin) from the installed package, under the family name the configs use. */
export function registerFonts(): void {
  if (fontsReady) return;
  const require = createRequire(import.meta.url);
  for (const weight of [400, 600, 700]) {
    const path = require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`);
    if (!GlobalFonts.registerFromPath(path, IMAGE_FONT)) throw new Error(`chart-images: could not register ${path}`);
  }
  fontsReady = true;
}

/**
 * Characters in Fontsource's "latin" subset (its unicode-range). Anything else would be drawn
 * with whatever fallback font the machine has, and the bytes would differ between machines.
 */
const LATIN =
  /^[\u0000-\u00FF\u0131\u0152\u0153\u02BB\u02BC\u02C6\u02DA\u02DC\u0304\u0308\u0329\u2000-\u206F\u20AC\u2122\u2191\u2193\u2212\u2215\uFEFF\uFFFD]*$/;

export function checkDrawableText(chart: Chart): void {
  const texts = [chart.title, chart.takeaway, chart.axisLabel ?? '', ...chart.groups.map((g) => g.label), ...chart.rows.map((r) => r.label)];
  for (const text of texts) {
    if (!LATIN.test(text)) {
      const bad = [...text].filter((c) => !LATIN.test(c)).join('');
      throw new Error(`content/data/charts/${chart.id}.yaml: "${text}" has characters the chart font cannot draw: ${bad}`);
    }
  }
}

/** Paints the background so the image stays legible whatever page it is placed on. */
const background = (color: string): Plugin<'bar'> => ({
  id: 'exBackground',
  beforeDraw(chart) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
});

type SourceMap = ReadonlyMap<string, Source>;
const nameOf = (sources: SourceMap) => (id: string) => sources.get(id)?.publisher ?? id;

/**
 * Draws the chart into `canvas` (Chart.js draws synchronously when animation is off), hands
 * the drawn canvas to `capture`, then destroys the chart (which clears the canvas, hence the
 * order).
 */
function draw<T>(canvas: unknown, chart: Chart, mode: Mode, sources: SourceMap, devicePixelRatio: number, capture: () => T, layout: ChartLayout = 'wide'): T {
  const colours = getBrand().palette[mode];
  const config = chartConfig(chart, mode, { fontFamily: IMAGE_FONT, animation: false, responsive: false, devicePixelRatio, colours, layout }, nameOf(sources));
  config.plugins = [background(colours.bg), ...(config.plugins ?? [])];
  const instance = new ChartJS(canvas as HTMLCanvasElement, config);
  try {
    return capture();
  } finally {
    instance.destroy();
  }
}

/** The chart alone, as an SVG with text converted to outlines (no font needed to view it). */
export function renderSvg(chart: Chart, mode: Mode, sources: SourceMap, layout: ChartLayout = 'wide'): Buffer {
  registerFonts();
  const { width, height } = chartSize(chart, layout);
  const canvas = createCanvas(width, height, SvgExportFlag.ConvertTextToPaths);
  const svg = draw(canvas, chart, mode, sources, 1, () => canvas.getContent().toString('utf8'), layout);
  return Buffer.from(minifySvg(svg), 'utf8');
}

/** Words → lines no wider than `maxWidth` in the context's current font. */
function wrapText(ctx: SKRSContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The PNG for download and social cards: title, takeaway, chart, source line, drawn at 2× so
 * it stays sharp on high-density screens and meets social cards' 1200-pixel width.
 */
export function renderPng(chart: Chart, sources: SourceMap, mode: Mode = 'light'): Buffer {
  registerFonts();
  const p = { ...palette[mode], ...getBrand().palette[mode] };
  const { width, height } = chartSize(chart);
  const scale = 2;
  const pad = 16;
  const inner = width - pad * 2;

  const titleFont = `700 20px ${IMAGE_FONT}`;
  const bodyFont = `400 ${FONT_SIZE + 1}px ${IMAGE_FONT}`;
  const smallFont = `400 ${FONT_SIZE - 1}px ${IMAGE_FONT}`;
  const used = chartSources(chart, sources);
  const sourceText = `${t('chart.sources')}: ${used.map((s) => `${s.publisher} (${dateText(s.date)})`).join('; ')}.`;
  const creditText = `${getBrand().name} · ${t('chart.updated')} ${dateText(chart.updated)}`;

  // Lay the text out first, so the canvas is exactly as tall as it needs to be.
  const measure = createCanvas(10, 10).getContext('2d');
  const layout = (text: string, font: string) => {
    measure.font = font;
    return wrapText(measure, text, inner);
  };
  const blocks = [
    { lines: layout(chart.title, titleFont), font: titleFont, color: p.text, lineHeight: 26 },
    { lines: layout(chart.takeaway, bodyFont), font: bodyFont, color: p.muted, lineHeight: 20 },
  ];
  const foot = [
    { lines: layout(sourceText, smallFont), font: smallFont, color: p.muted, lineHeight: 17 },
    { lines: layout(creditText, smallFont), font: smallFont, color: p.muted, lineHeight: 17 },
  ];
  const blockHeight = (b: typeof blocks) => b.reduce((h, x) => h + x.lines.length * x.lineHeight, 0);
  const header = pad + blockHeight(blocks) + 4;
  const total = header + height + 8 + blockHeight(foot) + pad;

  const canvas = createCanvas(width * scale, total * scale);
  const ctx = canvas.getContext('2d');
  ctx.scale(scale, scale);
  ctx.fillStyle = p.bg;
  ctx.fillRect(0, 0, width, total);
  ctx.textBaseline = 'top';
  const write = (list: typeof blocks, top: number) => {
    let y = top;
    for (const b of list) {
      ctx.font = b.font;
      ctx.fillStyle = b.color;
      for (const line of b.lines) {
        ctx.fillText(line, pad, y);
        y += b.lineHeight;
      }
    }
  };
  write(blocks, pad);
  const plot = createCanvas(width, height);
  draw(plot, chart, mode, sources, scale, () => ctx.drawImage(plot, 0, header, width, height));
  write(foot, header + height + 8);
  return canvas.encodeSync('png');
}

/** Every file of one chart, keyed by its path under the output folder. */
export function chartFiles(chart: Chart, sources: SourceMap): Map<string, Buffer> {
  checkDrawableText(chart);
  const files = chartAssetFiles(chart.id);
  const table = chartTable(chart, new Map([...sources].map(([id, s]) => [id, { publisher: s.publisher, title: s.title }])));
  return new Map([
    [files.light, renderSvg(chart, 'light', sources)],
    [files.dark, renderSvg(chart, 'dark', sources)],
    [files.narrowLight, renderSvg(chart, 'light', sources, 'narrow')],
    [files.narrowDark, renderSvg(chart, 'dark', sources, 'narrow')],
    [files.png, renderPng(chart, sources)],
    [files.csv, Buffer.from(tableToCsv(table), 'utf8')],
  ]);
}

/** Charts and sources from content/, refusing to go on if the content check fails. */
export function loadChartContent(root: string): { charts: Chart[]; sources: Map<string, Source> } {
  const { problems: all, model } = checkContent(readContentFiles(root));
  // The content-check integration refuses the build for any problem; here only the files the
  // images are made from matter (so `astro dev` keeps drawing charts while a card is half-written).
  const problems = all.filter((p) => p.file.startsWith('content/data/charts/') || p.file === DATA_FILES.sources);
  if (problems.length) throw new Error(`chart-images: content has problems:\n  ${problems.map(formatProblem).join('\n  ')}`);
  return { charts: model.charts, sources: new Map(model.sources.map((s) => [s.id, s])) };
}

export default function chartImages(): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'chart-images',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        // Dev only: draw a chart file when it is asked for; content edits show on reload.
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          const m = /^charts\/([a-z0-9-]+)\/[^/]+$/.exec(path.startsWith(base) ? path.slice(base.length) : '');
          if (!m) return next();
          try {
            const { charts, sources } = loadChartContent(root);
            const chart = charts.find((c) => c.id === m[1]);
            const body = chart && chartFiles(chart, sources).get(path.slice(base.length));
            if (!body) return next();
            const type = path.endsWith('.svg') ? 'image/svg+xml' : path.endsWith('.png') ? 'image/png' : 'text/csv; charset=utf-8';
            res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
            res.end(body);
          } catch (e) {
            next(e);
          }
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { charts, sources } = loadChartContent(root);
        let count = 0;
        for (const chart of charts) {
          for (const [rel, body] of chartFiles(chart, sources)) {
            const target = join(out, rel);
            await mkdir(dirname(target), { recursive: true });
            await writeFile(target, body);
            count++;
          }
        }
        logger.info(`drew ${charts.length} charts (${count} files)`);
      },
    },
  };
}
