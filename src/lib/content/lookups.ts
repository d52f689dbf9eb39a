/**
 * Lookups over a checked content model, built once per model: records by id, sources by their
 * number, stacks in navigation order, cards by '<stack>/<card>', chart homes, and each card's
 * full source list. Pure (model in, maps out), so every page asks the same maps instead of
 * re-reading or re-scanning content.
 */
import type { CardRecord, ContentModel } from './model';
import { sourcesUsedBy } from '../sources';
import { chartHomes, type ChartHome } from '../charts/homes';

const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((r) => [r.id, r]));

export function indexContent(model: ContentModel) {
  const cards = new Map(model.cards.map((c) => [c.path, c]));
  const stacks = [...model.stacks].sort((a, b) => a.order - b.order);
  const quotes = byId(model.quotes);
  const figures = byId(model.figures);
  const charts = byId(model.charts);
  const sourceLookups = {
    quotes: new Map(model.quotes.map((q) => [q.id, q.source])),
    figures: new Map(model.figures.map((f) => [f.id, [f.source, ...f.alsoSources]])),
    charts: new Map(model.charts.map((c) => [c.id, [...new Set(c.rows.map((r) => r.source))]])),
    components: new Map<string, string[]>([
      ['Timeline', [...new Set(model.timeline.flatMap((e) => e.sources))]],
      ['Comparison', [...new Set((model.comparison?.rows ?? []).flatMap((r) => [...r.verdict.sources, ...r.article5Sources, ...r.proposalSources]))]],
      ['Layers', [...new Set([...(model.layers?.layers ?? []), ...(model.layers?.ladder ?? [])].flatMap((l) => l.sources))]],
    ]),
  };
  const cardSources = new Map<string, string[]>();
  return {
    model,
    /** Sources in the order of sources.yaml: a source's number is its place there, plus one. */
    sources: byId(model.sources),
    sourceNumbers: new Map(model.sources.map((s, i) => [s.id, i + 1])),
    people: byId(model.people),
    quotes,
    figures,
    charts,
    /** Stacks in navigation order. */
    stacks,
    cards,
    chartHomes: chartHomes(stacks, (stack, card) => cards.get(`${stack}/${card}`)?.body ?? '') as ReadonlyMap<string, ChartHome>,
    /** Every source a card relies on: its front matter list, then those behind its quotes, figures, charts, timeline, comparison and layers. */
    cardSourceIds(card: { data: { sources: readonly string[] }; body?: string }, key?: string): string[] {
      const cached = key === undefined ? undefined : cardSources.get(key);
      if (cached) return cached;
      const ids = sourcesUsedBy(card.data.sources, card.body ?? '', sourceLookups);
      if (key !== undefined) cardSources.set(key, ids);
      return ids;
    },
  };
}

export type ContentIndex = ReturnType<typeof indexContent>;
export type { CardRecord };
