/**
 * The provenance report over the real content/: no citation, figure or quote in a card is lost
 * between the MDX tree and the claims, and the totals add up both ways.
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { componentUses } from '../../src/lib/content/mdx-scanner';
import { collectClaims, provenanceReport } from '../../src/lib/content/provenance';
import { ROOT } from '../support/builds';

const { model } = checkContent(readContentFiles(ROOT));
const claims = collectClaims(model);

describe('the provenance report over content/', () => {
  it('every source a card body cites, or reaches through a figure or quote, is in one of that card’s claims', () => {
    const figures = new Map(model.figures.map((f) => [f.id, [f.source, ...f.alsoSources]]));
    const quotes = new Map(model.quotes.map((q) => [q.id, q.source]));
    const lost: string[] = [];
    for (const card of model.cards) {
      const inClaims = new Set(claims.filter((c) => c.file === card.file && c.where !== 'dek').flatMap((c) => c.sources));
      for (const use of componentUses(card.body)) {
        const ids = use.component === 'Cite' ? [use.id!] : use.component === 'Value' ? (figures.get(use.id!) ?? []) : use.component === 'Quote' ? [quotes.get(use.id!)!] : [];
        for (const id of ids) if (!inClaims.has(id)) lost.push(`${card.file}: <${use.component} id="${use.id}"> (${id})`);
      }
    }
    expect(lost).toEqual([]);
  });

  it('has a dek claim per card, a claim per figure, timeline event and chart row, and counts both ways', () => {
    const count = (file: string) => claims.filter((c) => c.file === file).length;
    expect(claims.filter((c) => c.where === 'dek')).toHaveLength(model.cards.length);
    expect(count('content/data/figures.yaml')).toBe(model.figures.length);
    expect(count('content/data/timeline.yaml')).toBe(model.timeline.length);
    for (const chart of model.charts) expect(claims.filter((c) => c.file === `content/data/charts/${chart.id}.yaml` && c.where.startsWith('rows[')).length).toBe(chart.rows.length);
    const { counts } = provenanceReport(model);
    expect(counts.effective.claims).toBe(claims.length);
    expect(counts.publisher.claims).toBe(claims.length);
    // Carriers can only weaken: no claim is relay-only by publisher tier and not by effective tier.
    expect(counts.effective.relayOnly).toBeGreaterThanOrEqual(counts.publisher.relayOnly);
  });
});
