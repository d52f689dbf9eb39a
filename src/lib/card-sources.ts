/**
 * Which sources a card relies on: its own list, then the sources behind the quotes,
 * figures and charts it uses, each once, in that order. Pure, so the card's source list and the sources
 * page's "cited in" column come from one rule.
 */
import { componentUses } from './mdx-scanner';

export interface SourceLookups {
  quotes: ReadonlyMap<string, string>;
  figures: ReadonlyMap<string, readonly string[]>;
  /** Chart id → the sources of its rows. */
  charts?: ReadonlyMap<string, readonly string[]>;
}

export function sourcesUsedBy(listed: readonly string[], body: string, lookups: SourceLookups): string[] {
  const out = new Set(listed);
  for (const use of componentUses(body)) {
    if (use.component === 'Cite') out.add(use.id);
    if (use.component === 'Quote') {
      const s = lookups.quotes.get(use.id);
      if (s) out.add(s);
    }
    if (use.component === 'Value') for (const s of lookups.figures.get(use.id) ?? []) out.add(s);
    if (use.component === 'Chart') for (const s of lookups.charts?.get(use.id) ?? []) out.add(s);
  }
  return [...out];
}
