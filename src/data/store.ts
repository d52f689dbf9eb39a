/**
 * Lookups for components and pages. Every lookup of an id throws when the record is missing,
 * so a dangling id stops the build (Astro 7 would only log it). The content check that runs
 * before the build names the file and field; this is the second line of defence.
 */
import { getCollection, getEntry, type CollectionEntry, type CollectionKey } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { comparisonSchema, homeSchema, layersSchema, type Source } from '../schemas';
import { inFileOrder, sourcesUsedBy } from '../lib/sources';
import { allCharts } from './charts';

// Read from the project root (Astro's working directory): a path relative to this module
// would break once the module is bundled into dist/.
const readYaml = (path: string) => parse(readFileSync(join(process.cwd(), path), 'utf8'));

export class MissingRecordError extends Error {
  override name = 'MissingRecordError';
}

async function need<C extends CollectionKey>(collection: C, id: string, usedBy: string): Promise<CollectionEntry<C>['data']> {
  const entry = (await getEntry(collection, id)) as CollectionEntry<C> | undefined;
  if (!entry) throw new MissingRecordError(`${usedBy}: unknown ${collection} id "${id}"`);
  return entry.data;
}

export const requireSource = (id: string, usedBy: string) => need('sources', id, usedBy);
export const requireFigure = (id: string, usedBy: string) => need('figures', id, usedBy);
export const requireQuote = (id: string, usedBy: string) => need('quotes', id, usedBy);
export const requirePerson = (id: string, usedBy: string) => need('people', id, usedBy);

/**
 * Sources in the order of sources.yaml; a source's number is its place in this list, the same
 * on every page. (A collection does not keep file order, so the order is read from the file.)
 */
export async function allSources(): Promise<Source[]> {
  const order: string[] = (readYaml('content/data/sources.yaml') as { id: string }[]).map((s) => s.id);
  return inFileOrder((await getCollection('sources')).map((e) => e.data), order);
}

export async function sourceNumber(id: string): Promise<number> {
  const index = (await allSources()).findIndex((s) => s.id === id);
  if (index < 0) throw new MissingRecordError(`<Cite>: unknown source id "${id}"`);
  return index + 1;
}

/** Stacks in navigation order. */
export async function stacksInOrder() {
  return (await getCollection('stacks')).map((e) => e.data).sort((a, b) => a.order - b.order);
}

/** A stack's cards in reading order, as collection entries (ready for render()). */
export async function cardsOf(stackId: string) {
  const stack = (await getEntry('stacks', stackId))?.data;
  if (!stack) throw new MissingRecordError(`unknown stack "${stackId}"`);
  return Promise.all(
    stack.cards.map(async (cardId) => {
      const entry = await getEntry('cards', `${stackId}/${cardId}`);
      if (!entry) throw new MissingRecordError(`content/data/stacks.yaml: stack "${stackId}" lists missing card "${cardId}"`);
      return entry;
    }),
  );
}

/** Every source a card relies on: its front matter list, then those behind its quotes and figures. */
export async function cardSourceIds(card: { id: string; body?: string; data: { sources: string[] } }) {
  const [quotes, figures, charts] = await Promise.all([getCollection('quotes'), getCollection('figures'), allCharts()]);
  return sourcesUsedBy(card.data.sources, card.body ?? '', {
    quotes: new Map(quotes.map((q) => [q.id, q.data.source])),
    figures: new Map(figures.map((f) => [f.id, [f.data.source, ...f.data.alsoSources]])),
    charts: new Map(charts.map((c) => [c.id, [...new Set(c.rows.map((r) => r.source))]])),
  });
}


/** The home page's words (content/data/home.yaml), validated by the build-start check. */
export const loadHome = () => homeSchema.parse(readYaml('content/data/home.yaml'));
/** The Article 5 comparison (content/data/article5.yaml). */
export const loadComparison = () => comparisonSchema.parse(readYaml('content/data/article5.yaml'));
/** The layered diagram of the guarantee (content/data/layers.yaml). */
export const loadLayers = () => layersSchema.parse(readYaml('content/data/layers.yaml'));
