/**
 * The map function: both oblasts outlined, labelled with the names and ranges of the record,
 * the key giving each end of each range with its tracker and date; a small SVG.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { checkContent } from '../../../../src/lib/content/check';
import { readContentFiles } from '../../../../src/lib/content/loader';
import { geoContains, type GeoPermissibleObjects } from 'd3-geo';
import { drawMap, labelSpot, regionFigures, shareColour, type Box } from '../../../../src/lib/map/draw';
import { loadGeodata } from '../../../../src/lib/map/geodata';
import { chartSize, LAYOUTS } from '../../../../src/lib/charts/config';
import { palette } from '../../../../src/lib/palette';
import { renderSvg } from '../../../../src/lib/images/chart-render';
import { loadBrand } from '../../../../src/config/brand-loader';

const ROOT = new URL('../../../../', import.meta.url).pathname;
const { model } = checkContent(readContentFiles(ROOT));
const chart = model.charts.find((c) => c.kind === 'map')!;
const sources = new Map(model.sources.map((s) => [s.id, s]));
const brand = loadBrand('src/config/brand.yaml', ROOT);

describe('map', () => {
  it('gives each region the range of its rows, both ends with tracker and date', () => {
    const figures = regionFigures(chart);
    expect(figures.map((f) => f.geo)).toEqual(['UA-DT', 'UA-LH']);
    for (const f of figures) {
      const values = f.rows.map((r) => r.value!);
      expect([f.low, f.high]).toEqual([Math.min(...values), Math.max(...values)]);
      // A range reads "78.1–81%"; one source's value keeps its hedge ("more than 80%").
      const one = f.rows.length === 1 ? `${f.rows[0]!.moreThan ? 'more than ' : ''}${f.low}%` : `${f.low}–${f.high}%`;
      expect(f.share).toBe(one);
      for (const r of f.rows) expect(f.detail).toContain(r.label.replace(/^[^,]+,\s*/, ''));
    }
  });

  for (const layout of ['wide', 'narrow'] as const) {
    it(`draws each region in its own shade of one sequential scale, names the regions and cities, and carries the key and the credit as text (${layout})`, () => {
      const { svg, texts } = renderSvg(chart, 'light', sources, brand, layout);
      const words = texts.map((t) => t.text).join(' ');
      const figures = regionFigures(chart);
      // Two shades, the larger share the deeper: Luhansk (100%) and Donetsk (more than 80%) no longer share one fill.
      const fills = figures.map((f) => shareColour(f.low, palette.light));
      expect(new Set(fills).size).toBe(figures.length);
      const depth = (hex: string) => [1, 3, 5].reduce((n, i) => n + parseInt(hex.slice(i, i + 2), 16), 0);
      const [deeper, lighter] = [...figures].sort((a, b) => b.low - a.low);
      expect(depth(shareColour(deeper!.low, palette.light))).toBeLessThan(depth(shareColour(lighter!.low, palette.light)));
      for (const fill of fills) expect(svg.toString()).toContain(`fill="${fill}"`);
      for (const f of figures) {
        expect(words).toContain(f.label.split(' ')[0]);
        // The key gives each region's share with its source's hedge, source and date.
        expect(words).toContain(f.share);
        for (const r of f.rows) expect(words).toContain(r.label.replace(/^[^,]+,\s*/, ''));
      }
      for (const place of chart.map!.places) expect(texts.map((t) => t.text)).toContain(place.name);
      // The credit, in one short line.
      expect(texts.map((t) => t.text)).toContain(chart.map!.credit);
      expect(words).not.toMatch(/ISC|LICENSE/);
      expect(texts.map((t) => t.text)).toEqual(expect.arrayContaining([chart.map!.countryName, chart.map!.neighbourName]));
      // The border with Russia, the boldest line, in the text colour.
      expect(svg.toString()).toMatch(new RegExp(`stroke="${palette.light.text}" stroke-width="(1\\.8|2)"`));
      expect(gzipSync(svg, { level: 9 }).length).toBeLessThanOrEqual(12 * 1024);
    });
  }

  it('puts each city inside the region the record says, where its gazetteer puts it', () => {
    const geodata = loadGeodata(chart.map!);
    expect(chart.map!.places.length).toBeGreaterThanOrEqual(4);
    for (const place of chart.map!.places) {
      const region = geodata.regions.get(place.region)!;
      expect(geoContains(region as GeoPermissibleObjects, [place.lon, place.lat]), place.name).toBe(true);
    }
  });
});

describe('the layout of the map', () => {
  const geodata = loadGeodata(chart.map!);
  const context = (fontSize: number) =>
    new Proxy({ font: '', measureText: (t: string) => ({ width: t.length * fontSize * 0.6 }) } as Record<string, unknown>, {
      get: (target, key) => (key in target ? target[key as string] : () => undefined),
      set: (target, key, value) => ((target[key as string] = value), true),
    });
  const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

  for (const layout of ['wide', 'narrow'] as const) {
    it(`keeps the locator off the regions and each region's name on its region (${layout})`, () => {
      const fontSize = LAYOUTS[layout].fontSize;
      const drawn = drawMap(context(fontSize) as never, chart, geodata, chartSize(chart, layout), { colours: { ...palette.light }, family: 'X', fontSize });
      for (const r of drawn.regionBoxes) expect(overlap(r, drawn.inset)).toBe(false);
      for (const region of chart.map!.regions) {
        const shape = geodata.regions.get(region.geo)!;
        const parts = drawn.filter((l) => l.kind === 'region' && l.geo === region.geo);
        expect(parts.map((l) => l.text).join(' ')).toBe(region.label);
        expect(parts.length, region.label).toBeGreaterThan(0);
        for (const part of parts) for (const corner of part.corners!) expect(geoContains(shape as GeoPermissibleObjects, corner), `${region.label}: ${part.text}`).toBe(true);
      }
    });
  }
});

describe('country names on the map', () => {
  const geodata = loadGeodata(chart.map!);
  /** A context that draws nothing and measures every character as 0.6 em. */
  const context = (fontSize: number) =>
    new Proxy({ font: '', measureText: (t: string) => ({ width: t.length * fontSize * 0.6 }) } as Record<string, unknown>, {
      get: (target, key) => (key in target ? target[key as string] : () => undefined),
      set: (target, key, value) => ((target[key as string] = value), true),
    });

  for (const layout of ['wide', 'narrow'] as const) {
    it(`puts each name on its own country's land (${layout})`, () => {
      const fontSize = LAYOUTS[layout].fontSize;
      const labels = drawMap(context(fontSize) as never, chart, geodata, chartSize(chart, layout), { colours: { ...palette.light }, family: 'X', fontSize });
      for (const [id, name] of [[chart.map!.country, chart.map!.countryName], [chart.map!.neighbour, chart.map!.neighbourName]]) {
        const country = geodata.countries.find((c) => String(c.id) === id)!;
        const label = labels.find((l) => l.text === name);
        expect(label, `${name} is named`).toBeDefined();
        for (const corner of label!.corners!) expect(geoContains(country as GeoPermissibleObjects, corner), `${label!.text}: corner ${corner}`).toBe(true);
      }
    });
  }

  it('moves a name down, then inward, until all of it is on land, or leaves it out', () => {
    const box = { x: 0, y: 0, w: 300, h: 200 };
    expect(labelSpot(box, true, 60, 12, 16, () => true)).toEqual({ x: 8, y: 16 });
    // Land only below y = 100 on the left: the first row whose label, with its clear margin, is below it.
    expect(labelSpot(box, true, 60, 12, 16, (_, y) => y > 100)).toEqual({ x: 8, y: 120 });
    // Right-aligned on the right side; land only in the middle third: moved inward.
    const spot = labelSpot(box, false, 60, 12, 16, (x) => x > 100 && x < 230)!;
    expect(spot.x).toBeLessThan(230);
    expect(spot.x - 60).toBeGreaterThan(100);
    expect(labelSpot(box, true, 60, 12, 16, () => false)).toBeUndefined();
  });
});
