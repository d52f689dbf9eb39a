import { describe, expect, it, vi } from 'vitest';
import { barValueText, confidenceCounts, drawnRows, rowAxisLabel, tickText, wrapLabel } from '../../../../src/lib/charts/text';
import { chart } from './fixture';

describe('chart text', () => {
  it('prints short values at bar ends, keeping money and share units', () => {
    expect(barValueText(chart.rows[0]!)).toBe('600,000');
    expect(barValueText(chart.rows[2]!)).toBe('50,000–85,000');
    expect(barValueText(chart.rows[5]!)).toBe('about $30bn');
    expect(barValueText({ ...chart.rows[0]!, unit: 'percent', value: 78.1 })).toBe('78.1%');
  });

  it('makes compact ticks', () => {
    expect(tickText(0, 'troops')).toBe('0');
    expect(tickText(250000, 'troops')).toBe('250k');
    expect(tickText(1_000_000, 'people')).toBe('1m');
    expect(tickText(150, 'eur-bn')).toBe('€150bn');
    expect(tickText(50, 'percent')).toBe('50%');
  });

  it('makes Ukrainian ticks with тис. and млн, never k or m', () => {
    vi.stubEnv('EDITION', 'uk');
    try {
      expect(tickText(500_000, 'troops')).toBe('500\u00a0тис.');
      expect(tickText(1_000_000, 'troops')).toBe('1\u00a0млн');
      expect(tickText(0, 'troops')).toBe('0');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('marks low confidence and lateness in words, not only in colour', () => {
    expect(rowAxisLabel(chart.rows[2]!)).toBe('Estimate (low confidence)');
    expect(rowAxisLabel(chart.rows[3]!)).toBe('Split (later development)');
    expect(rowAxisLabel({ ...chart.rows[2]!, afterArticle: true })).toBe('Estimate (low confidence, later development)');
  });

  it('wraps long labels at spaces', () => {
    expect(wrapLabel('European plan and this article (peacetime)', 30)).toEqual(['European plan and this article', '(peacetime)']);
    expect(wrapLabel('short')).toEqual(['short']);
  });

  it('knows which rows are drawn and the confidence mix', () => {
    expect(drawnRows(chart).map((r) => r.label)).not.toContain('Elsewhere');
    expect(confidenceCounts(chart)).toBe('3 high, 2 medium, 1 low');
  });
});
