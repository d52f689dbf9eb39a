import { z } from 'astro/zod';
import { id, isoDate, nonEmpty } from './common';

/** A published document we rely on. `article` is the story the explainer is about. */
export const sourceSchema = z.strictObject({
  id,
  publisher: nonEmpty,
  title: nonEmpty,
  date: isoDate,
  url: z.url({ error: 'must be a full http(s) URL' }),
  kind: z.enum(['article', 'background'], { error: 'must be article or background' }),
  /** Where the copy we read lives when it is a mirror or a syndicated copy. */
  via: z.string().optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;
