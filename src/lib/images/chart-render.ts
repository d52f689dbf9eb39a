/**
 * Every file of one chart, drawn at build time from the same Chart.js configuration the
 * browser uses (src/lib/charts/config.ts), so the image and the canvas that replaces it agree:
 *
 *   charts/<id>/<id>-light.svg, <id>-dark.svg   on the page, in a <picture>; text as <text>
 *                                               in the page's font (see ./svg-context.ts)
 *   charts/<id>/<id>-narrow-light.svg, …-dark   the same for phones (narrow layout)
 *   charts/<id>/<id>.png                        2×, with title and source, rasterised with
 *                                               Inter: download, social card, gallery
 *   charts/<id>/<id>.csv                        the data as CSV: numbers, units, ISO dates
 *                                               (src/lib/charts/table.ts)
 *
 * Pure apart from the font files: no clock, no metadata in the PNG, so the same record gives
 * the same bytes on any machine. The PNG's pixel size is returned with the files, so nobody
 * has to draw it again to learn it.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { BarController, BarElement, CategoryScale, Chart as ChartJS, LinearScale, type Plugin } from 'chart.js';
import type { Chart } from '../content/schemas/chart';
import type { Source } from '../content/schemas/sources';
import type { Brand } from '../../config/brand-loader';
import { palette, type Mode } from '../palette';
import { t } from '../strings';
import { chartAssetFiles } from '../charts/assets';
import { chartConfig, chartSize, FONT_SIZE, LAYOUTS, type ChartLayout } from '../charts/config';
import { chartCsv } from '../charts/table';
import { dateText, wrapToWidth } from '../charts/text';
import { chartSources } from '../sources';
import { checkDrawable, registerImageFonts } from './fonts';
import { IMAGE_FONT, imageFont, PAGE_FONT } from './font-family';
import { SvgContext, type Measure } from './svg-context';
import { pngSize, type ImageSize } from './png';
import { drawMap } from '../map/draw';
import { loadGeodata } from '../map/geodata';

// The same registrations as the browser (src/scripts/chart-runtime.ts), so both draw alike.
ChartJS.register(BarController, BarElement, CategoryScale, LinearScale);

type SourceMap = ReadonlyMap<string, Source>;
/** What a drawing needs of the brand: its name and its colours. */
export type DrawingBrand = Pick<Brand, 'name' | 'palette'>;

const nameOf = (sources: SourceMap) => (id: string) => sources.get(id)?.publisher ?? id;

/** Every text a chart draws, checked against the image font before anything is drawn. */
export function checkChartText(chart: Chart): void {
  const map = chart.map;
  const mapTexts = map ? [map.countryName, map.neighbourName, map.credit, ...map.regions.map((r) => r.label), ...map.places.map((p) => p.name)] : [];
  const texts = [chart.title, chart.takeaway, chart.axisLabel ?? '', chart.remainderLabel ?? '', ...chart.groups.map((g) => g.label), ...chart.rows.map((r) => r.label), ...mapTexts];
  checkDrawable(texts, `content/data/charts/${chart.id}.yaml`, 'chart');
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

/**
 * Draws the chart onto `canvas` (Chart.js draws synchronously when animation is off), hands
 * the drawn canvas to `capture`, then destroys the chart (which clears the canvas, hence the
 * order).
 */
function draw<T>(
  canvas: unknown,
  chart: Chart,
  mode: Mode,
  sources: SourceMap,
  brand: DrawingBrand,
  opts: { devicePixelRatio: number; layout: ChartLayout; fontFamily: string },
  capture: () => T,
): T {
  const colours = brand.palette[mode];
  const config = chartConfig(
    chart,
    mode,
    { fontFamily: opts.fontFamily, animation: false, responsive: false, devicePixelRatio: opts.devicePixelRatio, colours, layout: opts.layout },
    nameOf(sources),
  );
  config.plugins = [background(colours.bg), ...(config.plugins ?? [])];
  const instance = new ChartJS(canvas as HTMLCanvasElement, config);
  try {
    return capture();
  } finally {
    instance.destroy();
  }
}

/** Measures in the image font with Skia, for the SVG's layout. */
function skiaMeasure(): Measure {
  registerImageFonts();
  const ctx = createCanvas(10, 10).getContext('2d');
  return (text, font, baseline = 'alphabetic') => {
    // The SVG context is handed fonts in the image family (see renderSvg), so Skia knows them.
    ctx.font = font;
    ctx.textBaseline = baseline;
    const m = ctx.measureText(text);
    return { width: m.width, alphabeticBaseline: m.alphabeticBaseline };
  };
}

/**
 * The chart alone as an SVG whose words are <text> in the page's font. Chart.js lays it out
 * with Inter's measurements (plus a margin), so the layout does not depend on the machine.
 */
export function renderSvg(chart: Chart, mode: Mode, sources: SourceMap, brand: DrawingBrand, layout: ChartLayout = 'wide'): { svg: Buffer; texts: SvgContext['texts'] } {
  const { width, height } = chartSize(chart, layout);
  const ctx = new SvgContext(width, height, skiaMeasure(), PAGE_FONT);
  ctx.baseSize = FONT_SIZE;
  if (chart.kind === 'map') {
    drawChartMap(ctx, chart, mode, brand, layout);
    return { svg: Buffer.from(ctx.toSvg(), 'utf8'), texts: ctx.texts };
  }
  const svg = draw(ctx.canvas, chart, mode, sources, brand, { devicePixelRatio: 1, layout, fontFamily: IMAGE_FONT }, () => ctx.toSvg());
  return { svg: Buffer.from(svg, 'utf8'), texts: ctx.texts };
}

/**
 * The PNG for download, social cards and the gallery: title, takeaway, chart, source line,
 * drawn at 2× so it stays sharp on high-density screens and meets social cards' 1200-pixel
 * width. Rasterised with Inter (the page's system face is unknown at build time).
 */
export function renderPng(chart: Chart, sources: SourceMap, brand: DrawingBrand, mode: Mode = 'light'): Buffer {
  registerImageFonts();
  const p = { ...palette[mode], ...brand.palette[mode] };
  const { width, height } = chartSize(chart);
  const scale = 2;
  const pad = 16;
  const inner = width - pad * 2;

  const titleFont = imageFont(700, 20);
  const bodyFont = imageFont(400, FONT_SIZE + 1);
  const smallFont = imageFont(400, FONT_SIZE - 1);
  const used = chartSources(chart, sources);
  const sourceText = `${t('chart.sources')}: ${used.map((s) => `${s.publisher} (${dateText(s.date)})`).join('; ')}.`;
  const creditText = `${brand.name} · ${t('chart.updated')} ${dateText(chart.updated)}`;

  // Lay the text out first, so the canvas is exactly as tall as it needs to be.
  const measure = createCanvas(10, 10).getContext('2d');
  const layout = (text: string, font: string) => {
    measure.font = font;
    return wrapToWidth(measure, text, inner);
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
  drawPlot(ctx, chart, sources, brand, mode, { x: 0, y: header, w: width, h: height }, scale);
  write(foot, header + height + 8);
  return canvas.encodeSync('png');
}

/**
 * The chart's plot (no title or source line) drawn into another drawing's box at `scale`
 * pixels per unit: the PNG above and the social cards use it, so neither reads back an image.
 */
export function drawPlot(
  target: SKRSContext2D,
  chart: Chart,
  sources: SourceMap,
  brand: DrawingBrand,
  mode: Mode,
  box: { x: number; y: number; w: number; h: number },
  scale: number,
): void {
  registerImageFonts();
  const { width, height } = chartSize(chart);
  if (chart.kind === 'map') {
    target.save();
    target.translate(box.x, box.y);
    target.scale(box.w / width, box.h / height);
    drawChartMap(target, chart, mode, brand, 'wide');
    target.restore();
    return;
  }
  const plot = createCanvas(width, height);
  draw(plot, chart, mode, sources, brand, { devicePixelRatio: scale, layout: 'wide', fontFamily: IMAGE_FONT }, () =>
    target.drawImage(plot, box.x, box.y, box.w, box.h),
  );
}

/** A chart of kind map, drawn with d3-geo into any 2D context (see src/lib/map/draw.ts). */
function drawChartMap(ctx: unknown, chart: Chart, mode: Mode, brand: DrawingBrand, layout: ChartLayout): void {
  const colours = { ...palette[mode], ...brand.palette[mode] };
  drawMap(ctx as Parameters<typeof drawMap>[0], chart, loadGeodata(chart.map!), chartSize(chart, layout), { colours, family: IMAGE_FONT, fontSize: LAYOUTS[layout].fontSize });
}

export interface ChartImages {
  /** Path under the output folder → bytes. */
  files: Map<string, Buffer>;
  /** Pixel size of the PNG, read from the PNG just drawn. */
  png: ImageSize;
}

/** Every file of one chart. */
export function chartImages(chart: Chart, sources: SourceMap, brand: DrawingBrand): ChartImages {
  checkChartText(chart);
  const files = chartAssetFiles(chart.id);
  const png = renderPng(chart, sources, brand);
  return {
    files: new Map([
      [files.light, renderSvg(chart, 'light', sources, brand).svg],
      [files.dark, renderSvg(chart, 'dark', sources, brand).svg],
      [files.narrowLight, renderSvg(chart, 'light', sources, brand, 'narrow').svg],
      [files.narrowDark, renderSvg(chart, 'dark', sources, brand, 'narrow').svg],
      [files.png, png],
      [files.csv, Buffer.from(chartCsv(chart, sources), 'utf8')],
    ]),
    png: pngSize(png),
  };
}
