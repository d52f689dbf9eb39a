import { z } from 'astro/zod';
import { id, nonEmpty } from './common';

export const glossaryTermSchema = z.strictObject({
  id,
  term: nonEmpty,
  definition: nonEmpty,
  source: id.optional(),
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
