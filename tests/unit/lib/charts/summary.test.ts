import { describe, expect, it } from 'vitest';
import { chartSummary } from '../../../../src/lib/charts/summary';
import { chart } from './fixture';

describe('chartSummary (alt text)', () => {
  const text = chartSummary(chart);
  it('starts with the kind, title and takeaway', () => {
    expect(text.startsWith('Bar chart: How big? Plans range widely. ')).toBe(true);
  });
  it('states every drawn value with its date and markers', () => {
    expect(text).toContain('Cap one: 600,000 troops (21 November 2025)');
    expect(text).toContain('Estimate (low confidence): 50,000 troops to 85,000 troops (15 April 2022)');
    expect(text).toContain('Russia: 1,500,000 troops (1 December 2024)');
  });
  it('mentions what the table lists but the chart does not draw', () => {
    expect(text).toContain('Listed in the table but not drawn: Elsewhere: about $30bn (9 December 2025)');
    expect(text.endsWith('.')).toBe(true);
  });
});
