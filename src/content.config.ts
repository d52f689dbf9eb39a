/**
 * One collection: the cards, so pages can render() their MDX bodies. Its entries come from the
 * one content model (src/data/model.ts): the same read and the same check as every other record,
 * which pages take from the lookups in src/data/store.ts. In `astro dev` the entries follow the
 * model whenever a content file changes.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
// The card schema alone, and the loader the build has already made (../data/shared-loader.ts):
// Astro loads this file through a Vite server of its own for each edition, which would
// otherwise compile the whole content check again only to reach that loader.
import { cardSchema } from './lib/content/schemas/cards';
import { sharedContent } from './data/shared-loader';
import { cardEntryId, currentEdition } from './lib/editions';

const cardsFromModel: Loader = {
  name: 'cards-from-content-model',
  load: async ({ config, store, generateDigest, watcher }) => {
    const root = fileURLToPath(config.root);
    const made = sharedContent()?.loader;
    const content = made?.root === root ? made : (await import('./data/model')).contentLoader(root);
    const sync = () => {
      // This build's edition only ('<stack>/<card>' in English, 'uk/<stack>/<card>' in Ukrainian):
      // every entry's MDX is compiled into the build's bundle, and no page renders another
      // edition's cards.
      const lang = currentEdition();
      const cards = content.edition(lang).cards.map((card) => ({ card, id: cardEntryId(lang, card.path) }));
      const ids = new Set(cards.map((c) => c.id));
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      for (const { card, id } of cards) {
        // The digest lets Astro skip an unchanged card; the MDX file itself is compiled by Vite on render().
        store.set({ id, data: card.data, body: card.body, filePath: card.file, digest: generateDigest({ data: card.data, body: card.body }), deferredRender: true });
        store.addModuleImport(card.file);
      }
    };
    if (!watcher) sync();
    else {
      // `astro dev` keeps serving while content has problems: the pages show them (the
      // content-check integration has already printed them), and the next good edit syncs.
      try {
        sync();
      } catch {
        store.clear();
      }
      content.onChange('cards-collection', () => {
        try {
          sync();
        } catch {
          // The content-check integration prints the problems and the pages show them; the
          // collection keeps its last good cards.
        }
      });
    }
  },
};

export const collections = {
  /** Cards: content/explainers/<stack>/<card>.mdx, id '<stack>/<card>'. */
  cards: defineCollection({ loader: cardsFromModel, schema: cardSchema }),
};
