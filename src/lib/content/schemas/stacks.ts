import { z } from 'astro/zod';
import { id, isoDate, nonEmpty, typeError } from './common';
import { sourcedStatementSchema } from './pages';

/** The picture a stack page opens with: its key chart, the layers diagram or the verdicts. */
export const stackLeadSchema = z.union(
  [z.strictObject({ chart: id }), z.strictObject({ layers: z.literal(true) }), z.strictObject({ comparison: z.literal(true) })],
  { error: 'must be one of {chart: <chart id>}, {layers: true}, {comparison: true}' },
);
export type StackLead = z.infer<typeof stackLeadSchema>;

/** An explainer page: a titled, ordered stack of cards. Its id is its URL: /<id>/. */
export const stackSchema = z.strictObject({
  id,
  title: nonEmpty,
  /** The stack's short name in the site navigation ("Article 5"). */
  navTitle: nonEmpty,
  /** One or two sentences under the title and on the home page. */
  summary: nonEmpty,
  /** Position in the site navigation. */
  order: z.number().int(),
  /** Card ids (file names in content/explainers/<stack>/) in reading order. */
  cards: z.array(id, { error: typeError('a list of ids') }).min(1, { error: 'needs at least one card' }),
  published: isoDate,
  lead: stackLeadSchema,
  /** "In brief": two or three sentences from the stack's cards, each with its sources. */
  inBrief: z.array(sourcedStatementSchema, { error: typeError('a list') }).min(2, { error: 'needs two or three sentences' }).max(3, { error: 'needs two or three sentences' }),
});
export type Stack = z.infer<typeof stackSchema>;
