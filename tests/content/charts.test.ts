/**
 * The real chart files: valid, placed in a card, drawable with the build's font, and sized so
 * every static image stays within budget (the build test measures the bytes).
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-integrity';
import { readContentFiles } from '../../src/lib/content-loader';
import { componentUses } from '../../src/lib/mdx-scanner';
import { checkDrawableText } from '../../src/integrations/chart-images';
import { drawnRows } from '../../src/lib/charts/text';
import { ROOT } from '../support/builds';

const { problems, model } = checkContent(readContentFiles(ROOT));
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
        expect(() => checkDrawableText(chart)).not.toThrow();
      });
      it('draws at least two rows', () => {
        expect(drawnRows(chart).length).toBeGreaterThanOrEqual(2);
      });
    });
  }

  it('troop-sizes shows Russia’s 1.5m as a separate, context-coloured group', () => {
    const chart = model.charts.find((c) => c.id === 'troop-sizes')!;
    const russia = chart.rows.find((r) => r.value === 1_500_000)!;
    expect(chart.groups.find((g) => g.id === russia.group)!.role).toBe('context');
  });

  it('financing-gap marks the loan and its later split as after the article', () => {
    const chart = model.charts.find((c) => c.id === 'financing-gap')!;
    expect(chart.rows.filter((r) => r.value === 60 || r.value === 30).every((r) => r.afterArticle)).toBe(true);
    expect(chart.rows.find((r) => r.value === 137)!.afterArticle).toBe(false);
  });
});
