/**
 * A chart of kind `map` (the Donbas map): the country's regions named in the record, outlined,
 * shaded and labelled with the range of shares the record's rows give, over Natural Earth's
 * country borders. A pure function of the record, the geodata and a 2D context: the same
 * drawing goes into the SVG (./images/svg-context.ts, text as <text>) and into the PNG (Skia).
 * Projection and paths are d3-geo's; the view is fitted to the regions, so no number here
 * depends on the screen.
 */
import { geoBounds, geoCentroid, geoConicConformal, geoContains, geoPath, type GeoPermissibleObjects, type GeoProjection, type GeoStream, type GeoStreamWrapper } from 'd3-geo';
import type { Feature, Geometry, MultiLineString } from 'geojson';
import type { Chart, ChartRow } from '../content/schemas/chart';
import type { ChartColours } from '../charts/config';
import { dateText, shortRange, wrapToWidth } from '../charts/text';
import { formatAmount, hedged } from '../format';

export interface MapGeodata {
  /** Region code (ISO 3166-2) → polygon. */
  regions: ReadonlyMap<string, Feature<Geometry>>;
  /** Country borders (Natural Earth), for context. */
  countries: readonly Feature<Geometry, { name?: string }>[];
  /** Parts of the country that admin-0 draws inside the neighbour (Crimea), drawn as the country's land. */
  alsoCountry: readonly Feature<Geometry>[];
  /** Coastlines, land borders between other countries, and the country's border with its neighbour. */
  coasts: MultiLineString;
  borders: MultiLineString;
  frontier: MultiLineString;
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
  /** A halo under a name that sits on a shade. */
  strokeText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  globalAlpha: number;
}

export interface MapLabel {
  text: string;
  /** What the label names. */
  kind?: 'region' | 'city' | 'country' | 'key';
  /** A region's name: which region (ISO 3166-2). */
  geo?: string;
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

/** '#rrggbb' (or '#rgb') → [r, g, b]. */
function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h.slice(0, 6);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}
const toHex = (c: number[]) => `#${c.map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0')).join('')}`;
/** The colour `t` of the way from `a` to `b`. */
export const mix = (a: string, b: string, t: number) => toHex(rgb(a).map((v, i) => v + (rgb(b)[i]! - v) * t));
const luminance = (hex: string) => rgb(hex).reduce((n, v, i) => n + v * [0.2126, 0.7152, 0.0722][i]!, 0) / 255;

/**
 * The sequential scale the regions are shaded by: a share from 0 to 100% of the region, from a
 * tint of the series colour to its deepest shade (on a dark background, to its brightest), so a
 * larger share is always the stronger colour and 80% and 100% read as two shades.
 */
export function shareColour(share: number, p: ChartColours): string {
  const dark = luminance(p.bg) < 0.5;
  const base = p.series[0]!;
  const low = mix(p.bg, base, 0.12);
  const high = dark ? base : mix(base, p.text, 0.35);
  return mix(low, high, Math.max(0, Math.min(1, share / 100)));
}

interface KeyLine {
  text: string;
  kind: 'heading' | 'entry' | 'more' | 'credit';
  /** The fill of the entry's swatch. */
  swatch?: string;
}

const SWATCH = 14;

/** Lines of the key under the map (a heading, one entry per region with its swatch, the credit), laid out before drawing so the map knows its height. */
function keyLines(ctx: MapContext, chart: Chart, figures: RegionFigure[], width: number, style: MapStyle): KeyLine[] {
  const out: KeyLine[] = [];
  const font = (weight: number, size = style.fontSize) => (ctx.font = `${weight} ${size}px ${style.family}`);
  font(700);
  for (const line of wrapToWidth(ctx, chart.axisLabel ?? chart.title, width)) out.push({ text: line, kind: 'heading' });
  // Strongest first, as the swatches run from the deepest shade down.
  for (const f of [...figures].sort((a, b) => b.low - a.low)) {
    font(400);
    wrapToWidth(ctx, `${f.label}: ${f.detail}`, width - SWATCH - 6).forEach((line, i) =>
      out.push(i === 0 ? { text: line, kind: 'entry', swatch: shareColour(f.low, style.colours) } : { text: line, kind: 'more' }),
    );
  }
  font(400, style.fontSize - 1);
  for (const line of wrapToWidth(ctx, chart.map!.credit, width)) out.push({ text: line, kind: 'credit' });
  return out;
}

const collection = (features: readonly Feature<Geometry>[]) => ({ type: 'FeatureCollection', features }) as GeoPermissibleObjects;

/**
 * Draws the map into a box of `width` × `height` at the context's origin: the regions shaded by
 * the share Russia holds (a sequential scale, `shareColour`) and named, the main cities from the
 * record, the country's border with its neighbour drawn boldest, a locator of the whole country
 * in the top corner, and under the map a key (each region's swatch, share, source and date) and
 * the credit. Every word comes from the record. Returns the labels drawn (text,
 * anchor, and for names placed on land the corners of their box in longitude and latitude), and
 * the locator's box, for tests.
 */
export function drawMap(
  ctx: MapContext,
  chart: Chart,
  geodata: MapGeodata,
  box: { width: number; height: number },
  style: MapStyle,
): MapLabel[] & { inset: Box; regionBoxes: Box[] } {
  const p = style.colours;
  const map = chart.map!;
  const narrow = box.width < 480;
  const figures = regionFigures(chart);
  const pad = 12;
  const line = Math.round(style.fontSize * 1.35);
  const key = keyLines(ctx, chart, figures, box.width - pad * 2, style);
  const keyHeight = key.length * line + 10;
  const mapBox = { x: pad, y: pad, w: box.width - pad * 2, h: box.height - pad * 2 - keyHeight };

  const shapes = figures.map((f) => {
    const shape = geodata.regions.get(f.geo);
    if (!shape) throw new Error(`content/data/charts/${chart.id}.yaml: no polygon for map region ${f.geo}`);
    return shape;
  });
  const focus = collection(shapes);
  // A conformal conic with parallels through eastern Ukraine keeps shapes and angles true there.
  const projection = geoConicConformal()
    .parallels([47, 50])
    .rotate([-38, 0])
    .fitExtent(
      [
        [mapBox.x + mapBox.w * (narrow ? 0.1 : 0.2), mapBox.y + mapBox.h * (narrow ? 0.22 : 0.08)],
        [mapBox.x + mapBox.w * (narrow ? 0.9 : 0.88), mapBox.y + mapBox.h * 0.95],
      ],
      focus,
    )
    .clipExtent([
      [mapBox.x, mapBox.y],
      [mapBox.x + mapBox.w, mapBox.y + mapBox.h],
    ]);
  const path = geoPath(thinned(projection), ctx as unknown as CanvasRenderingContext2D);
  const measure = geoPath(projection);

  // Only countries near the regions: the rest of the world would be clipped away anyway.
  const [[w, s], [e, n]] = geoBounds(focus);
  const near = geodata.countries.filter((c) => {
    const [[cw, cs], [ce, cn]] = boundsOf(c);
    // Bounds that cross the antimeridian (Russia's) come with west > east: any longitude fits.
    const lonNear = cw > ce || (cw < e + 8 && ce > w - 8);
    return lonNear && cs < n + 5 && cn > s - 5;
  });
  const country = geodata.countries.find((c) => String(c.id) === map.country);
  const countryLand = country ? [country, ...geodata.alsoCountry] : [...geodata.alsoCountry];

  const stroke = (shape: GeoPermissibleObjects, width: number, colour: string, draw = path) => {
    ctx.beginPath();
    draw(shape);
    ctx.lineWidth = width;
    ctx.strokeStyle = colour;
    ctx.stroke();
  };
  const fill = (shape: GeoPermissibleObjects, colour: string, draw = path) => {
    ctx.beginPath();
    draw(shape);
    ctx.fillStyle = colour;
    ctx.fill();
  };

  ctx.save();
  ctx.fillStyle = p.bg;
  ctx.fillRect(0, 0, box.width, box.height);
  // Sea a faint tint of the series colour, other countries' land in the surface colour, the
  // country's own land the page's background: the country reads as the subject.
  ctx.fillStyle = mix(p.bg, p.series[0]!, 0.08);
  ctx.fillRect(mapBox.x, mapBox.y, mapBox.w, mapBox.h);
  for (const c of near) if (c !== country) fill(c as GeoPermissibleObjects, p.surface);
  for (const c of countryLand) fill(c as GeoPermissibleObjects, p.bg);
  // The world's coasts and borders, less the lines that lie wholly outside the view.
  const view = viewBox(projection, mapBox);
  stroke(linesNear(geodata.coasts, view), 0.6, p.border);
  stroke(linesNear(geodata.borders, view), 0.75, p.border);
  // The regions, shaded by share, with a hairline in the background colour between them.
  figures.forEach((f, i) => fill(shapes[i] as GeoPermissibleObjects, shareColour(f.low, p)));
  for (const shape of shapes) stroke(shape as GeoPermissibleObjects, 1, p.bg);
  // The country's border with its neighbour, over everything: the line the story is about.
  stroke(geodata.frontier, narrow ? 1.75 : 2, p.text);

  const labels: MapLabel[] = [];
  let kind: MapLabel['kind'] = 'region';
  const text = (t: string, x: number, y: number, weight: number, color: string, align: CanvasTextAlign = 'center', halo = false, size = style.fontSize) => {
    ctx.font = `${weight} ${size}px ${style.family}`;
    ctx.textAlign = align;
    ctx.textBaseline = 'alphabetic';
    if (halo) {
      ctx.strokeStyle = p.bg;
      ctx.lineWidth = 3;
      ctx.lineJoin = 'round';
      ctx.strokeText(t, x, y);
    }
    ctx.fillStyle = color;
    ctx.fillText(t, x, y);
    labels.push({ text: t, x, y, kind });
  };

  // The locator: the whole country with the regions in their shade, in the top corner.
  const inset = (() => {
    const iw = Math.round(mapBox.w * (narrow ? 0.36 : 0.24));
    const ih = Math.round(iw * 0.7);
    const r = { x: mapBox.x, y: mapBox.y, w: iw, h: ih };
    const locator = geoConicConformal()
      .parallels([45, 51])
      .rotate([-31.5, 0])
      .fitExtent(
        [
          [r.x + 5, r.y + 5],
          [r.x + r.w - 5, r.y + r.h - 5],
        ],
        collection(countryLand),
      );
    const draw = geoPath(thinned(locator, 1.2), ctx as unknown as CanvasRenderingContext2D);
    ctx.fillStyle = p.bg;
    ctx.fillRect(r.x, r.y, r.w, r.h);
    for (const c of countryLand) fill(c as GeoPermissibleObjects, p.border, draw);
    figures.forEach((f, i) => fill(shapes[i] as GeoPermissibleObjects, shareColour(f.low, p), draw));
    for (const c of countryLand) stroke(c as GeoPermissibleObjects, 0.5, p.muted, draw);
    ctx.beginPath();
    ctx.rect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
    ctx.lineWidth = 1;
    ctx.strokeStyle = p.muted;
    ctx.stroke();
    return r;
  })();
  const inInset = (x: number, y: number) => x >= inset.x - 4 && x <= inset.x + inset.w + 4 && y >= inset.y - 4 && y <= inset.y + inset.h + 4;

  // A frame, so the view reads as a cut-out.
  ctx.beginPath();
  ctx.rect(mapBox.x + 0.5, mapBox.y + 0.5, mapBox.w - 1, mapBox.h - 1);
  ctx.lineWidth = 1;
  ctx.strokeStyle = p.border;
  ctx.stroke();

  // Cities' dots and names take their places first; the regions' names then go where they clear them.
  const citySize = style.fontSize - 1;
  const cities = map.places.map((place) => {
    const [x, y] = projection([place.lon, place.lat])!;
    const side = (narrow ? place.narrowSide : undefined) ?? place.side;
    ctx.font = `400 ${citySize}px ${style.family}`;
    const width = ctx.measureText(place.name).width;
    const tx = side === 'left' ? x - 6 : x + 6;
    const box = { x: side === 'left' ? tx - width - 3 : x - 5, y: y - citySize, w: width + 11, h: citySize * 1.6 };
    return { place, x, y, tx, side, box };
  });
  const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

  // Region names, in bold with a halo over the shade: at the grid point nearest where the record
  // puts them (or the region's centre) whose lines all lie on the region, clear of the cities.
  figures.forEach((f, i) => {
    const shape = shapes[i] as GeoPermissibleObjects;
    const at = map.regions.find((r) => r.geo === f.geo)?.labelAt;
    const [px, py] = at ? projection(at)! : measure.centroid(shape);
    const lines = narrow ? wrapLabel(f.label) : [f.label];
    ctx.font = `700 ${style.fontSize}px ${style.family}`;
    const widths = lines.map((l) => ctx.measureText(l).width);
    // Each line's letters (from a quarter em under the baseline to 0.8 em over it), and 2 px round them.
    const boxesAt = (x: number, y: number) => lines.map((_, j) => ({ x: x - widths[j]! / 2, y: y + j * line - style.fontSize * 0.8, w: widths[j]!, h: style.fontSize * 1.05 }));
    const onRegion = (b: Box) =>
      [b.x - 2, b.x, b.x + b.w / 2, b.x + b.w, b.x + b.w + 2].every((sx) =>
        [b.y - 2, b.y, b.y + b.h, b.y + b.h + 2].every((sy) => {
          const lonLat = projection.invert!([sx, sy]);
          return !!lonLat && geoContains(shape, lonLat);
        }),
      );
    const fits = (x: number, y: number) => boxesAt(x, y).every((b) => onRegion(b) && !cities.some((c) => overlaps(b, c.box)) && !overlaps(b, inset));
    // Grid points over the region, nearest first: the first that fits wins. The search reads
    // only what the key holds, so the same view drawn again (dark, PNG, social card) finds it.
    const view = [projection.scale(), projection.translate(), mapBox, line, style.fontSize];
    const best = searched(shape, [...view, px, py, lines, widths, cities.map((c) => c.box), inset], () => {
      const [[bx0, by0], [bx1, by1]] = measure.bounds(shape);
      const grid: [number, number][] = [];
      for (let y = by0; y <= by1; y += 4) for (let x = bx0; x <= bx1; x += 4) grid.push([x, y]);
      grid.sort((a, b) => Math.hypot(a[0] - px, a[1] - py) - Math.hypot(b[0] - px, b[1] - py));
      return grid.find(([x, y]) => fits(x, y));
    });
    const [x, y] = best ?? [px, py];
    const first = labels.length;
    lines.forEach((l, j) => text(l, x, y + j * line, 700, p.text, 'center', true));
    labels.slice(first).forEach((lab, j) => {
      lab.geo = f.geo;
      const half = widths[j]! / 2;
      lab.corners = [lab.x - half, lab.x + half].flatMap((cx) => [lab.y - style.fontSize * 0.8, lab.y + style.fontSize * 0.25].map((cy) => projection.invert!([cx, cy])!));
    });
  });

  // Cities: a dot where the gazetteer puts each, its name beside it.
  kind = 'city';
  for (const { place, x, y, tx, side } of cities) {
    ctx.beginPath();
    ctx.arc(x, y, narrow ? 2.5 : 3, 0, Math.PI * 2);
    ctx.fillStyle = p.text;
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = p.bg;
    ctx.stroke();
    text(place.name, tx, y + citySize * 0.35, 400, p.text, side === 'left' ? 'right' : 'left', true, citySize);
  }

  // Country names (the record's) near the top corner on each country's side of the regions,
  // moved down or inward until the whole name sits on that country's land, off the regions and
  // off the locator: a fixed corner put "Ukraine" on Russia's Belgorod region in the narrow map.
  kind = 'country';
  for (const [id, name] of [
    [map.country, map.countryName],
    [map.neighbour, map.neighbourName],
  ] as const) {
    const c = near.find((x) => String(x.id) === id);
    if (!c) continue;
    // The side of the regions the country lies on, by its centre's longitude (Russia's is far
    // east even where only a strip of it is in view).
    const onLeft = geoCentroid(c as GeoPermissibleObjects)[0] < geoCentroidOf(shapes)[0];
    ctx.font = `400 ${style.fontSize}px ${style.family}`;
    const width = ctx.measureText(name).width;
    const spot = searched(c, [projection.scale(), projection.translate(), mapBox, line, style.fontSize, onLeft, width, inset, figures.map((f) => f.geo)], () =>
      labelSpot(mapBox, onLeft, width, style.fontSize, line, (px, py) => {
        if (inInset(px, py)) return false;
        const lonLat = projection.invert!([px, py]);
        return !!lonLat && geoContains(c as GeoPermissibleObjects, lonLat) && !shapes.some((r) => geoContains(r as GeoPermissibleObjects, lonLat));
      }),
    );
    if (!spot) continue;
    text(name, spot.x, spot.y, 400, p.muted, onLeft ? 'left' : 'right');
    const box = labelBox(spot, onLeft, width, style.fontSize);
    labels[labels.length - 1]!.corners = [box.left, box.right].flatMap((cx) => [box.top, box.bottom].map((cy) => projection.invert!([cx, cy])!));
  }

  // The key under the map: its heading, a swatch and a line per region, then the credit.
  kind = 'key';
  let y = mapBox.y + mapBox.h + 10 + line - 4;
  for (const k of key) {
    if (k.swatch) {
      ctx.fillStyle = k.swatch;
      ctx.fillRect(pad, y - SWATCH + 3, SWATCH, SWATCH - 3);
      ctx.beginPath();
      ctx.rect(pad + 0.5, y - SWATCH + 3.5, SWATCH - 1, SWATCH - 4);
      ctx.lineWidth = 1;
      ctx.strokeStyle = p.muted;
      ctx.stroke();
    }
    const indent = k.kind === 'entry' || k.kind === 'more' ? SWATCH + 6 : 0;
    text(k.text, pad + indent, y, k.kind === 'heading' ? 700 : 400, k.kind === 'credit' ? p.muted : p.text, 'left', false, k.kind === 'credit' ? style.fontSize - 1 : style.fontSize);
    y += line;
  }
  ctx.restore();
  const regionBoxes = shapes.map((r) => {
    const [[x0, y0], [x1, y1]] = measure.bounds(r as GeoPermissibleObjects);
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  });
  return Object.assign(labels, { inset, regionBoxes });
}

/** A box in longitude and latitude: [[west, south], [east, north]]. */
type LonLatBox = [[number, number], [number, number]];

/**
 * Boxes in longitude and latitude, computed once per shape or line: the geodata is loaded once
 * (./geodata.ts) and the map is drawn six times per chart, so the world's countries and coasts
 * would otherwise be measured every time.
 */
const boxes = new WeakMap<object, LonLatBox | LonLatBox[]>();

/** A country's bounds (d3's: west > east when it crosses the antimeridian). */
function boundsOf(shape: Feature<Geometry>): LonLatBox {
  let box = boxes.get(shape) as LonLatBox | undefined;
  if (!box) boxes.set(shape, (box = geoBounds(shape as GeoPermissibleObjects)));
  return box;
}

/** Each line's box, from its points. */
function lineBoxes(lines: MultiLineString): LonLatBox[] {
  let out = boxes.get(lines) as LonLatBox[] | undefined;
  if (!out) {
    out = lines.coordinates.map((line) => {
      const lons = line.map((p) => p[0]!);
      const lats = line.map((p) => p[1]!);
      return [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ];
    });
    boxes.set(lines, out);
  }
  return out;
}

/** The longitudes and latitudes the view shows: the box round its frame's edges, taken back through the projection. */
function viewBox(projection: GeoProjection, frame: { x: number; y: number; w: number; h: number }): LonLatBox {
  const points: [number, number][] = [];
  for (let i = 0; i <= 32; i++) {
    const [x, y] = [frame.x + (frame.w * i) / 32, frame.y + (frame.h * i) / 32];
    points.push([x, frame.y], [x, frame.y + frame.h], [frame.x, y], [frame.x + frame.w, y]);
  }
  const lonLats = points.map((p) => projection.invert!(p)!);
  const lons = lonLats.map((p) => p[0]);
  const lats = lonLats.map((p) => p[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

/**
 * The lines of a world mesh that may reach the view. d3 projects every point of a line before
 * it clips the line to the frame, and a clipped-away line draws nothing, so leaving out the
 * lines whose every point lies `margin` degrees or more outside the view's box draws the same
 * paths with a fraction of the work. The margin is wider than the meshes' longest segment
 * (about 1.2° in Natural Earth's 1:50m data), so no segment between two points outside it can
 * cross into the view, great-circle bow included.
 */
function linesNear(lines: MultiLineString, [[w, s], [e, n]]: LonLatBox, margin = 2): MultiLineString {
  const line = lineBoxes(lines);
  const near = ([[lw, ls], [le, ln]]: LonLatBox) => lw <= e + margin && le >= w - margin && ls <= n + margin && ln >= s - margin;
  return { type: 'MultiLineString', coordinates: lines.coordinates.filter((_, i) => near(line[i]!)) };
}

/**
 * Where a label's search ended, by the shape it was placed on and everything the search read
 * (the projection, the frame, the label's lines and widths, what it must clear), as JSON: the
 * map is drawn six times per chart and edition (light and dark, wide and narrow SVGs, the PNG,
 * the social card), and four of those draw the same wide view, whose label search, each
 * candidate tested against the region's polygon, was most of the drawing time. Equal keys are
 * equal inputs (JSON writes every number exactly), so a hit is the spot the search would find.
 */
const searches = new WeakMap<object, Map<string, unknown>>();
function searched<T>(shape: object, inputs: unknown[], search: () => T): T {
  let done = searches.get(shape);
  if (!done) searches.set(shape, (done = new Map()));
  const key = JSON.stringify(inputs);
  if (!done.has(key)) done.set(key, search());
  return done.get(key) as T;
}

/** A box on the drawing, in pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A projection whose paths skip points closer than `min` pixels to the last one drawn: Natural
 * Earth's 1:10m polygons have many more points than a 640 px map can show, and every point is
 * bytes in the SVG. The first and last point of each line and ring are always kept.
 */
function thinned(projection: GeoProjection, min = 0.8): GeoStreamWrapper {
  return {
    stream(out: GeoStream) {
      let last: [number, number] | null = null;
      let held: [number, number] | null = null;
      const sink: GeoStream = {
        point(x: number, y: number) {
          if (!last || Math.hypot(x - last[0], y - last[1]) >= min) {
            out.point(x, y);
            last = [x, y];
            held = null;
          } else held = [x, y];
        },
        lineStart() {
          last = held = null;
          out.lineStart();
        },
        lineEnd() {
          if (held) out.point(held[0], held[1]);
          last = held = null;
          out.lineEnd();
        },
        polygonStart: () => out.polygonStart(),
        polygonEnd: () => out.polygonEnd(),
        sphere: () => out.sphere?.(),
      };
      return projection.stream(sink);
    },
  };
}

/** A region's name in two lines on a phone ("Donetsk region" → "Donetsk", "region"). */
const wrapLabel = (label: string) => {
  const at = label.lastIndexOf(' ');
  return at > 0 ? [label.slice(0, at), label.slice(at + 1)] : [label];
};

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
