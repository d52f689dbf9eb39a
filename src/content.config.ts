/**
 * Collections only: where each kind of record lives and which schema checks it. The schemas
 * are in src/schemas so tests can use them without Astro; cross-file references are checked by
 * src/lib/content-integrity.ts (Astro 7 only logs a dangling reference).
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import {
  cardSchema,
  figureSchema,
  glossaryTermSchema,
  personSchema,
  quoteSchema,
  sourceSchema,
  stackSchema,
  timelineEventSchema,
} from './schemas';

const data = (name: string) => file(`./content/data/${name}.yaml`);

export const collections = {
  /** Cards: content/explainers/<stack>/<card>.mdx, id '<stack>/<card>'. */
  cards: defineCollection({
    loader: glob({ base: './content/explainers', pattern: '*/[^_]*.mdx' }),
    schema: cardSchema,
  }),
  stacks: defineCollection({ loader: data('stacks'), schema: stackSchema }),
  sources: defineCollection({ loader: data('sources'), schema: sourceSchema }),
  people: defineCollection({ loader: data('people'), schema: personSchema }),
  quotes: defineCollection({ loader: data('quotes'), schema: quoteSchema }),
  figures: defineCollection({ loader: data('figures'), schema: figureSchema }),
  timeline: defineCollection({ loader: data('timeline'), schema: timelineEventSchema }),
  glossary: defineCollection({ loader: data('glossary'), schema: glossaryTermSchema }),
};
