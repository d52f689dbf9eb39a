import { z } from 'astro/zod';
import { id, isoDate, nonEmpty } from './common';

/** An explainer page: a titled, ordered stack of cards. Its id is its URL: /<id>/. */
export const stackSchema = z.strictObject({
  id,
  title: nonEmpty,
  /** One or two sentences under the title and on the home page. */
  summary: nonEmpty,
  /** Position in the site navigation. */
  order: z.number().int(),
  /** Card ids (file names in content/explainers/<stack>/) in reading order. */
  cards: z.array(id).min(1, { error: 'needs at least one card' }),
  published: isoDate,
});
export type Stack = z.infer<typeof stackSchema>;
