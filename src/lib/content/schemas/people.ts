import { z } from 'astro/zod';
import { id, nonEmpty } from './common';

export const personSchema = z.strictObject({
  id,
  name: nonEmpty,
  /** Role as of the article, as the source describes it: "Ukraine's president". */
  role: nonEmpty,
  source: id,
});
export type Person = z.infer<typeof personSchema>;
