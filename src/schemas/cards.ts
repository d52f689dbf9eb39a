import { z } from 'astro/zod';
import { id, isoDate, nonEmpty, typeError } from './common';

/** One dated entry in a card's change log. Corrections are marked as such. */
export const changeSchema = z.strictObject({
  date: isoDate,
  kind: z.enum(['update', 'correction'], { error: 'must be update or correction' }),
  /** What changed and why, in a sentence or two. */
  text: nonEmpty,
  sources: z.array(id, { error: typeError('a list of ids') }).default([]),
});

/** Front matter of a card: content/explainers/<stack>/<card-id>.mdx */
export const cardSchema = z.strictObject({
  /** The reader's question. */
  title: nonEmpty.refine((t) => t.endsWith('?'), { error: 'must be a question ending in "?"' }),
  /** The answer in one sentence. */
  dek: nonEmpty,
  sources: z.array(id, { error: typeError('a list of ids') }).min(1, { error: 'needs at least one source' }),
  published: isoDate,
  updated: isoDate,
  changes: z.array(changeSchema, { error: typeError('a list') }).default([]),
});
export type Card = z.infer<typeof cardSchema>;
export type Change = z.infer<typeof changeSchema>;
