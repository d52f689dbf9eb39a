/**
 * A chart of kind `map` (the Donbas map): the country's regions named in the record, outlined,
 * shaded and labelled with the range of shares the record's rows give, over Natural Earth's
 * country borders. A pure function of the record, the geodata and a 2D context: the same
 * drawing goes into the SVG (./images/svg-context.ts, text as <text>) and into the PNG (Skia).
 * Projection and paths are d3-geo's; the view is fitted to the regions, so no number here
 * depends on the screen.
 */
import { geoBounds, geoCentroid, geoConicConformal, geoContains, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import type { Chart, ChartRow } from '../content/schemas/chart';
import type { ChartColours } from '../charts/config';
import { dateText, shortRange, wrapToWidth } from '../charts/text';
import { formatAmount, hedged } from '../format';

export interface MapGeodata {
  /** Region code (ISO 3166-2) → polygon. */
  regions: ReadonlyMap<string, Feature<Geometry>>;
  /** Country borders (Natural Earth), for context. */
  countries: readonly Feature<Geometry, { name?: string }>[];
}

/** What a map says about one region: its name, the range of its rows and where each end comes from. */
export interface RegionFigure {
  geo: string;
  label: string;
  rows: ChartRow[];
  low: number;
  high: number;
  /** '78.1–81%' or '99.6%'. */
  share: string;
  /** '78.1% (DeepState, 1 January 2026) to 81% (ISW (via AFP), 4 November 2025)'. */
  detail: string;
}

/** The tracker a row reports ('Donetsk, DeepState' → 'DeepState'). */
const tracker = (row: ChartRow) => row.label.replace(/^[^,]+,\s*/, '');
const rowValue = (r: ChartRow) => (r.value !== undefined ? r.value : r.low!);

export function regionFigures(chart: Chart): RegionFigure[] {
  if (!chart.map) throw new Error(`chart "${chart.id}" is not a map`);
  return chart.map.regions.map((region) => {
    const rows = chart.rows.filter((r) => r.group === region.group && r.unit === chart.unit);
    if (!rows.length) throw new Error(`content/data/charts/${chart.id}.yaml: map region ${region.geo} (group ${region.group}) has no rows`);
    const low = Math.min(...rows.map((r) => (r.value !== undefined ? r.value : r.low!)));
    const high = Math.max(...rows.map((r) => (r.value !== undefined ? r.value : r.high!)));
    const sorted = [...rows].sort((a, b) => rowValue(a) - rowValue(b));
    const item = (r: ChartRow) => `${hedged(formatAmount(rowValue(r), chart.unit), r)} (${tracker(r)}, ${dateText(r.asOf)})`;
    return {
      geo: region.geo,
      label: region.label,
      rows,
      low,
      high,
      // One row: its value with the source's hedge ("more than 80%"); several: the range they span.
      share: rows.length === 1 ? hedged(formatAmount(low, chart.unit), rows[0]!) : low === high ? formatAmount(low, chart.unit) : shortRange(low, high, chart.unit),
      detail: sorted.length > 1 ? `${item(sorted[0]!)} to ${item(sorted.at(-1)!)}` : item(sorted[0]!),
    };
  });
}

/** The subset of a 2D context the map draws with (both SvgContext and Skia's have it). */
export interface MapContext {
  save(): void;
  restore(): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
  rect(x: number, y: number, w: number, h: number): void;
  fill(): void;
  stroke(): void;
  clip(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  globalAlpha: number;
}

export interface MapLabel {
  text: string;
  x: number;
  y: number;
  /** A country's name: the corners of its box, in longitude and latitude. */
  corners?: [number, number][];
}

/** The centre of the regions, in longitude and latitude. */
const geoCentroidOf = (shapes: Feature<Geometry>[]) => geoCentroid({ type: 'FeatureCollection', features: shapes } as GeoPermissibleObjects);

export interface MapStyle {
  colours: ChartColours;
  family: string;
  fontSize: number;
}

/** Lines of the key under the map, laid out before drawing so the map knows its height. */
function keyLines(ctx: MapContext, figures: RegionFigure[], width: number, style: MapStyle, heldBy: string) {
  const out: { text: string; bold: boolean }[] = [];
  for (const f of figures) {
    ctx.font = `700 ${style.fontSize}px ${style.family}`;
    out.push({ text: `${f.label}: ${f.share} ${heldBy}`, bold: true });
    ctx.font = `${style.fontSize}px ${style.family}`;
    for (const line of wrapToWidth(ctx, f.detail, width)) out.push({ text: line, bold: false });
  }
  return out;
}

/**
 * Draws the map into a box of `width` × `height` at the context's origin. Returns the labels
 * drawn (text and anchor point; a country's name also with where its box falls on the globe),
 * for tests.
 */
export function drawMap(
  ctx: MapContext,
  chart: Chart,
  geodata: MapGeodata,
  box: { width: number; height: number },
  style: MapStyle,
  words: { heldBy: string },
): MapLabel[] {
  const p = style.colours;
  const figures = regionFigures(chart);
  const pad = 12;
  const line = Math.round(style.fontSize * 1.35);
  const key = keyLines(ctx, figures, box.width - pad * 2, style, words.heldBy);
  const keyHeight = key.length * line + 8;
  const mapBox = { x: pad, y: pad, w: box.width - pad * 2, h: box.height - pad * 2 - keyHeight };

  const shapes = figures.map((f) => {
    const shape = geodata.regions.get(f.geo);
    if (!shape) throw new Error(`content/data/charts/${chart.id}.yaml: no polygon for map region ${f.geo}`);
    return shape;
  });
  const focus = { type: 'FeatureCollection', features: shapes } as GeoPermissibleObjects;
  // A conformal conic with parallels through eastern Ukraine keeps shapes and angles true there.
  const projection = geoConicConformal()
    .parallels([47, 50])
    .rotate([-38, 0])
    .fitExtent(
      [
        [mapBox.x + mapBox.w * 0.12, mapBox.y + mapBox.h * 0.1],
        [mapBox.x + mapBox.w * 0.88, mapBox.y + mapBox.h * 0.92],
      ],
      focus,
    )
    .clipExtent([
      [mapBox.x, mapBox.y],
      [mapBox.x + mapBox.w, mapBox.y + mapBox.h],
    ]);
  const path = geoPath(projection, ctx as unknown as CanvasRenderingContext2D);
  const measure = geoPath(projection);

  // Only countries near the regions: the rest of the world would be clipped away anyway.
  const [[w, s], [e, n]] = geoBounds(focus);
  const near = geodata.countries.filter((c) => {
    const [[cw, cs], [ce, cn]] = geoBounds(c as GeoPermissibleObjects);
    // Bounds that cross the antimeridian (Russia's) come with west > east: any longitude fits.
    const lonNear = cw > ce || (cw < e + 8 && ce > w - 8);
    return lonNear && cs < n + 5 && cn > s - 5;
  });

  ctx.save();
  ctx.fillStyle = p.bg;
  ctx.fillRect(0, 0, box.width, box.height);
  // Land: every country in the view, in the surface colour, borders in the border colour.
  const country = near.find((c) => String(c.id) === chart.map!.country);
  for (const c of near) {
    ctx.beginPath();
    path(c);
    ctx.fillStyle = c === country ? p.bg : p.surface;
    ctx.fill();
  }
  ctx.lineWidth = 0.75;
  ctx.strokeStyle = p.border;
  for (const c of near) {
    ctx.beginPath();
    path(c);
    ctx.stroke();
  }
  // The regions: shaded and outlined in the accent colour.
  for (const shape of shapes) {
    ctx.beginPath();
    path(shape);
    ctx.fillStyle = `${p.series[0]}59`;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = p.series[0]!;
    ctx.stroke();
  }
  // The country's own border, over the rest.
  if (country) {
    ctx.beginPath();
    path(country);
    ctx.lineWidth = 1.25;
    ctx.strokeStyle = p.muted;
    ctx.stroke();
  }
  // A frame, so the view reads as a cut-out.
  ctx.beginPath();
  ctx.rect(mapBox.x + 0.5, mapBox.y + 0.5, mapBox.w - 1, mapBox.h - 1);
  ctx.lineWidth = 1;
  ctx.strokeStyle = p.border;
  ctx.stroke();

  const labels: MapLabel[] = [];
  const text = (t: string, x: number, y: number, weight: number, color: string, align: CanvasTextAlign = 'center') => {
    ctx.font = `${weight} ${style.fontSize}px ${style.family}`;
    ctx.fillStyle = color;
    ctx.textAlign = align;
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(t, x, y);
    labels.push({ text: t, x, y });
  };
  // Region labels at each polygon's centroid: name, then the share.
  figures.forEach((f, i) => {
    const [cx, cy] = measure.centroid(shapes[i] as GeoPermissibleObjects);
    text(f.label, cx, cy - 2, 700, p.text);
    text(f.share, cx, cy + line - 2, 600, p.text);
  });
  // Country names (Natural Earth's) near the top corner on each country's side of the regions,
  // moved down or inward until the whole name sits on that country's land and off the regions:
  // a fixed corner put "Ukraine" on Russia's Belgorod region in the narrow map.
  for (const id of [chart.map!.country, chart.map!.neighbour]) {
    const c = near.find((x) => String(x.id) === id);
    const b = c && measure.bounds(c as GeoPermissibleObjects);
    if (!c || !b) continue;
    const name = c.properties.name ?? '';
    const x = (Math.max(b[0][0], mapBox.x) + Math.min(b[1][0], mapBox.x + mapBox.w)) / 2;
    const onLeft = x < projection(geoCentroidOf(shapes))![0];
    ctx.font = `400 ${style.fontSize}px ${style.family}`;
    const width = ctx.measureText(name).width;
    const spot = labelSpot(mapBox, onLeft, width, style.fontSize, line, (px, py) => {
      const lonLat = projection.invert!([px, py]);
      return !!lonLat && geoContains(c as GeoPermissibleObjects, lonLat) && !shapes.some((r) => geoContains(r as GeoPermissibleObjects, lonLat));
    });
    if (!spot) continue;
    text(name, spot.x, spot.y, 400, p.muted, onLeft ? 'left' : 'right');
    const box = labelBox(spot, onLeft, width, style.fontSize);
    labels[labels.length - 1]!.corners = [box.left, box.right].flatMap((cx) => [box.top, box.bottom].map((cy) => projection.invert!([cx, cy])!));
  }

  // The key under the map.
  let y = mapBox.y + mapBox.h + 8 + line - 4;
  for (const k of key) {
    text(k.text, pad, y, k.bold ? 700 : 400, k.bold ? p.text : p.muted, 'left');
    y += line;
  }
  ctx.restore();
  return labels;
}

/**
 * The anchor of a label `width` wide (left-aligned on the left side, right-aligned on the right)
 * in `box`: the first spot, from the top corner on that side downwards, then further in, where
 * every sampled point of the label's box passes `fits`. Undefined when none does: a name left
 * out is better than a name on the wrong land.
 */
export function labelSpot(
  box: { x: number; y: number; w: number; h: number },
  onLeft: boolean,
  width: number,
  fontSize: number,
  step: number,
  fits: (x: number, y: number) => boolean,
): { x: number; y: number } | undefined {
  const inset = 8;
  for (const inward of [0, 0.15, 0.3]) {
    const x = onLeft ? box.x + inset + box.w * inward : box.x + box.w - inset - box.w * inward;
    for (let y = box.y + step; y + fontSize * 0.3 <= box.y + box.h - inset / 2; y += step / 2) {
      const letters = labelBox({ x, y }, onLeft, width, fontSize);
      if (letters.left < box.x || letters.right > box.x + box.w) continue;
      // The box of the letters, with a quarter of an em of clear land around it.
      const clear = fontSize / 4;
      const [top, bottom] = [letters.top - clear, letters.bottom + clear];
      const samples = [letters.left - clear, (letters.left + letters.right) / 2, letters.right + clear].flatMap((sx) => [[sx, top], [sx, bottom]] as const);
      if (samples.every(([sx, sy]) => fits(sx, sy))) return { x, y };
    }
  }
  return undefined;
}

/** The box a label's letters take, from its anchor (baseline; left end on the left side, right end on the right). */
function labelBox(anchor: { x: number; y: number }, onLeft: boolean, width: number, fontSize: number) {
  const [left, right] = onLeft ? [anchor.x, anchor.x + width] : [anchor.x - width, anchor.x];
  return { left, right, top: anchor.y - fontSize * 0.8, bottom: anchor.y + fontSize * 0.25 };
}
