/**
 * The map function: both oblasts outlined, labelled with the names and ranges of the record,
 * the key giving each end of each range with its tracker and date; a small SVG.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { checkContent } from '../../../../src/lib/content-integrity';
import { readContentFiles } from '../../../../src/lib/content-loader';
import { regionFigures } from '../../../../src/lib/map/draw';
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
      // A range reads "78.1–81%"; where every source gives one value, just that value.
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
