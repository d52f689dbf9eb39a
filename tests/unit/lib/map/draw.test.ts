/**
 * The map function: both oblasts outlined, labelled with the names and ranges of the record,
 * the key giving each end of each range with its tracker and date; a small SVG.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { checkContent } from '../../../../src/lib/content/check';
import { readContentFiles } from '../../../../src/lib/content/loader';
import { geoContains, type GeoPermissibleObjects } from 'd3-geo';
import { drawMap, labelSpot, regionFigures } from '../../../../src/lib/map/draw';
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
    it(`draws both oblasts with their labels and figures as text (${layout})`, () => {
      const { svg, texts } = renderSvg(chart, 'light', sources, brand, layout);
      const words = texts.map((t) => t.text);
      for (const f of regionFigures(chart)) {
        expect(words).toContain(f.label);
        expect(words).toContain(f.share);
      }
      // Two filled, outlined oblasts and the country names from Natural Earth.
      expect(svg.toString().match(/fill="#0b57b0" fill-opacity="0\.35"/g)?.length).toBe(2);
      expect(words).toEqual(expect.arrayContaining(['Ukraine', 'Russia']));
      expect(gzipSync(svg, { level: 9 }).length).toBeLessThanOrEqual(12 * 1024);
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
      const labels = drawMap(context(fontSize) as never, chart, geodata, chartSize(chart, layout), { colours: { ...palette.light }, family: 'X', fontSize }, { heldBy: 'held' });
      for (const id of [chart.map!.country, chart.map!.neighbour]) {
        const country = geodata.countries.find((c) => String(c.id) === id)!;
        const label = labels.find((l) => l.text === country.properties.name);
        expect(label, `${country.properties.name} is named`).toBeDefined();
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
