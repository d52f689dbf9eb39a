import { z } from 'astro/zod';
import { id, isoDate, nonEmpty, typeError } from './common';

/**
 * What a change-log entry is (issue 19):
 * - `update`: a later development, what happened after the article;
 * - `correction`: a reader was told something wrong (a fact, figure, date, quote or attribution);
 * - `clarification`: what we said was unclear or less exact than the source; the meaning is made plain;
 * - `source-update`: the evidence changed, not the claim (a source swapped for a better copy or outlet).
 * Corrections and clarifications are notices: shown at the top of the card and in the news.
 */
export const CHANGE_KINDS = ['update', 'correction', 'clarification', 'source-update'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
/** The kinds a reader is told about at the top of the card: they change what the card said. */
export const NOTICE_KINDS: readonly ChangeKind[] = ['correction', 'clarification'];

/** One dated entry in a card's change log. */
export const changeSchema = z
  .strictObject({
    date: isoDate,
    kind: z.enum(CHANGE_KINDS, { error: `must be one of ${CHANGE_KINDS.join(', ')}` }),
    /** What changed and why, in a sentence or two; for a correction or clarification, the notice. */
    text: z.string({ error: typeError('text') }).trim().optional(),
    sources: z.array(id, { error: typeError('a list of ids') }).default([]),
    /**
     * Charts only: the fingerprint of the chart's rows after this change (src/lib/charts/fingerprint.ts),
     * on an entry that changed the rows. The check holds the rows to the latest one.
     */
    rows: z.string().regex(/^[0-9a-f]{8}$/, { error: 'must be the eight-digit fingerprint the content check gives' }).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.text) return;
    ctx.addIssue({
      code: 'custom',
      path: ['text'],
      message: (NOTICE_KINDS as readonly string[]).includes(c.kind)
        ? `is required: a ${c.kind} is shown to readers as a notice, and its text is the notice`
        : 'is required: say what changed and why',
    });
  })
  .transform((c) => ({ ...c, text: c.text ?? '' }));

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
