/**
 * Lookups for components and pages, over the one content model (src/data/model.ts). Every
 * lookup of an id throws when the record is missing, so a dangling id stops the build. The
 * content check that runs before the build names the file and field; this is the second line
 * of defence. Card entries come from the `cards` collection, which render() needs.
 */
import { getEntry } from 'astro:content';
import type { Comparison, Home, Layers, Source } from '../lib/content/schemas';
import { contentIndex, MissingRecordError } from './model';
import { cardEntryId, currentEdition } from '../lib/editions';
import { cardPath } from '../lib/urls';

export { MissingRecordError };

type Kind = 'sources' | 'figures' | 'quotes' | 'people';

function need<K extends Kind>(kind: K, id: string, usedBy: string) {
  const record = contentIndex()[kind].get(id) as ReturnType<ReturnType<typeof contentIndex>[K]['get']>;
  if (!record) throw new MissingRecordError(`${usedBy}: unknown ${kind} id "${id}"`);
  return record;
}

export const requireSource = async (id: string, usedBy: string) => need('sources', id, usedBy);
export const requireFigure = async (id: string, usedBy: string) => need('figures', id, usedBy);
export const requireQuote = async (id: string, usedBy: string) => need('quotes', id, usedBy);
export const requirePerson = async (id: string, usedBy: string) => need('people', id, usedBy);

/** Sources in the order of sources.yaml; a source's number is its place in this list, the same on every page. */
export async function allSources(): Promise<Source[]> {
  return contentIndex().model.sources;
}

export async function sourceNumber(id: string): Promise<number> {
  const n = contentIndex().sourceNumbers.get(id);
  if (n === undefined) throw new MissingRecordError(`<Cite>: unknown source id "${id}"`);
  return n;
}

/** Stacks in navigation order. */
export async function stacksInOrder() {
  return contentIndex().stacks;
}

/** A stack's cards in reading order, as collection entries (ready for render()). */
export async function cardsOf(stackId: string) {
  const stack = contentIndex().stacks.find((s) => s.id === stackId);
  if (!stack) throw new MissingRecordError(`unknown stack "${stackId}"`);
  return Promise.all(
    stack.cards.map(async (cardId) => {
      const entry = await getEntry('cards', cardEntryId(currentEdition(), `${stackId}/${cardId}`));
      if (!entry) throw new MissingRecordError(`content/data/stacks.yaml: stack "${stackId}" lists missing card "${cardId}"`);
      return entry;
    }),
  );
}

/** Every source a card relies on: its front matter list, then those behind its quotes, figures and charts. */
export async function cardSourceIds(card: { id: string; body?: string; data: { sources: string[] } }) {
  return contentIndex().cardSourceIds(card, card.id);
}

/**
 * Whether this edition's translation of an English file (a card's, a chart's) was made from an
 * older English text (src/lib/content/translation-stamps.ts): the card or chart then says so.
 */
export const translationBehind = (englishFile: string): boolean => (contentIndex().model.behind ?? []).some((b) => b.english === englishFile);
/** For a card: its place in this edition when its translation is behind (Card's `behind`), else undefined. */
export const cardBehind = (stack: string, card: string): string | undefined => (translationBehind(`content/explainers/${stack}/${card}.mdx`) ? cardPath(stack, card) : undefined);

/** Timeline events in file order (content/data/timeline.yaml). */
export const timelineEvents = () => contentIndex().model.timeline;
/** Glossary terms in file order (content/data/glossary.yaml). */
export const glossaryTerms = () => contentIndex().model.glossary;

/** The model's page files exist whenever the content check passed (it refuses a missing one). */
function page<T>(value: T | undefined, file: string): T {
  if (value === undefined) throw new MissingRecordError(`${file} is missing`);
  return value;
}
/** The home page's words (content/data/home.yaml). */
export const loadHome = (): Home => page(contentIndex().model.home, 'content/data/home.yaml');
/** The Article 5 comparison (content/data/article5.yaml). */
export const loadComparison = (): Comparison => page(contentIndex().model.comparison, 'content/data/article5.yaml');
/** The layered diagram of the guarantee (content/data/layers.yaml). */
export const loadLayers = (): Layers => page(contentIndex().model.layers, 'content/data/layers.yaml');
