import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartCitation } from '../../../../src/lib/charts/citation';
import { chartSources } from '../../../../src/lib/sources';
import { chart, sources } from './fixture';

const ctx = { siteName: 'The Explainer', url: 'https://example.org/sub/armies/#chart-test-chart' };

describe('chartCitation', () => {
  afterEach(() => vi.useRealTimers());

  it('gives a short citation naming the producers, after Our World in Data', () => {
    expect(chartCitation(chart, sources, ctx).short).toBe('Beta, "Daily"; Alpha News – compiled by The Explainer (2025)');
  });

  it('gives a long citation with title, original data, retrieved date and URL', () => {
    expect(chartCitation(chart, sources, ctx).long).toBe(
      'Beta, "Daily"; Alpha News – compiled by The Explainer (2025). “How big?” [chart and dataset]. ' +
        'Beta, "Daily", “Caps, drafts and plans” (21 November 2025); Alpha News, “Armies compared” (15 January 2025) [original data]. ' +
        'Retrieved 18 December 2025 from https://example.org/sub/armies/#chart-test-chart.',
    );
  });

  it('dates "retrieved" from the content, never the clock, so builds are reproducible', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-06-01T12:00:00Z'));
    const c = chartCitation(chart, sources, ctx);
    expect(c.retrieved).toBe(chart.updated);
    expect(c.long).not.toContain('2031');
  });

  it('lists each source once, in row order, and refuses unknown ids', () => {
    expect(chartSources(chart, sources).map((s) => s.id)).toEqual(['src-b', 'src-a']);
    expect(() => chartSources(chart, new Map())).toThrow(/unknown source id/);
  });
});
