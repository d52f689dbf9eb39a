import { z } from 'astro/zod';
import { id, isoDate, nonEmpty, typeError } from './common';

export const timelineEventSchema = z.strictObject({
  id,
  date: isoDate,
  /** What happened, in one or two plain sentences. */
  event: nonEmpty,
  sources: z.array(id, { error: typeError('a list of ids') }).min(1, { error: 'needs at least one source' }),
  /** True for developments after the article of 18 December 2025: shown as updates. */
  afterArticle: z.boolean(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
