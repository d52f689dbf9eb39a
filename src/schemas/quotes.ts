import { z } from 'astro/zod';
import { id, isoDate, nonEmpty } from './common';

/** A verbatim excerpt. Never edited: the text is exactly as the source prints it. */
export const quoteSchema = z.strictObject({
  id,
  /** A person id from people.yaml. */
  speaker: id,
  text: nonEmpty,
  source: id,
  /** Where in the source: "¶7" for the article's numbered paragraphs, or a section name. */
  location: nonEmpty,
  /** When it was said. */
  date: isoDate,
  /** How it was said, if the source says: "in an audio message to reporters". */
  context: z.string().optional(),
  /**
   * The speaker belongs to the government that controls the quote's (state-media) source, so
   * that source may carry it alone; the caption then names the outlet as state media.
   */
  ownGovernment: z.boolean().default(false),
});
export type Quote = z.infer<typeof quoteSchema>;
