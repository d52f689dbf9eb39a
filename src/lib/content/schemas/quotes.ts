import { z } from 'astro/zod';
import { id, isoDate, nonEmpty, typeError } from './common';

/** A verbatim excerpt. Never edited: the text is exactly as the source prints it. */
export const quoteSchema = z
  .strictObject({
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
   * The language the speaker spoke, as far as the sources show: 'en', 'uk', 'ru' … or 'unknown'
   * when no source says (a remark to reporters in Brussels may have been in English or Danish).
   */
  spoken: z.string({ error: typeError('a language code (en, uk, ru …) or unknown') }).regex(/^(?:[a-z]{2}|unknown)$/, { error: 'must be a two-letter language code (en, uk, ru …) or unknown' }),
  /**
   * Whose translation the text is, when the speaker spoke another language than the text's:
   * "Bloomberg", "Interfax-Ukraine's English service". Shown under the quote, so a reader knows
   * whose words they read. Never our own back-translation.
   */
  translatedBy: z.string().trim().min(1).optional(),
  /**
   * The speaker belongs to the government that controls the quote's (state-media) source, so
   * that source may carry it alone; the caption then names the outlet as state media.
   */
  ownGovernment: z.boolean().default(false),
  /**
   * The speaker's own words, in the language they spoke (`spoken`), as a report in that language
   * printed them, with that report as its source. The edition in that language quotes these;
   * the English edition shows them one click away. Never a translation back from English.
   */
  original: z.strictObject({ text: nonEmpty, source: id }).optional(),
  })
  .superRefine((q, ctx) => {
    // The texts are English: a quote spoken in another language is someone's translation, and says whose.
    if (q.spoken !== 'en' && q.spoken !== 'unknown' && !q.translatedBy) {
      ctx.addIssue({ code: 'custom', path: ['translatedBy'], message: `is required: the speaker spoke "${q.spoken}", so the English text is someone's translation; name whose (the outlet, or its English service)` });
    }
    if (q.original && (q.spoken === 'en' || q.spoken === 'unknown')) {
      ctx.addIssue({ code: 'custom', path: ['original'], message: `is for words spoken in another language than English (spoken is "${q.spoken}")` });
    }
    if ((q.spoken === 'en' || q.spoken === 'unknown') && q.translatedBy) {
      ctx.addIssue({ code: 'custom', path: ['translatedBy'], message: `only a quote spoken in another language than English names a translator (spoken is "${q.spoken}")` });
    }
  });
export type Quote = z.infer<typeof quoteSchema>;
