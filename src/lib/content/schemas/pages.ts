import { z } from 'astro/zod';
import { id, isoDate, nonEmpty, typeError } from './common';

/** A sentence of ours with the sources that back it. Plain text, no markup. */
export const sourcedStatementSchema = z.strictObject({
  text: nonEmpty,
  sources: z.array(id, { error: typeError('a list of ids') }).min(1, { error: 'needs at least one source' }),
});

/**
 * One thread of the story on the home page ("where things stand"): its state as of `asOf`, in a
 * sentence or two taken from its stack's cards. The build refuses a thread older than the
 * latest change to its stack's cards, so the home page cannot fall behind the explainers.
 */
export const threadSchema = z.strictObject({
  id,
  /** The thread's name, e.g. "The frozen assets". */
  title: nonEmpty,
  /** The stack that tells the thread in full (its id). */
  stack: id,
  /** The day the text below is true as of. */
  asOf: isoDate,
  text: nonEmpty,
  sources: z.array(id, { error: typeError('a list of ids') }).min(1, { error: 'needs at least one source' }),
});
export type Thread = z.infer<typeof threadSchema>;

/**
 * The home page's standfirst: what the plan is and where things stand now, in two or three
 * sourced sentences, as of a day. The build refuses a standfirst dated before the latest
 * development (a card's `update` or a timeline event after the article).
 */
export const standfirstSchema = z.strictObject({
  /** The day the sentences are true as of. */
  asOf: isoDate,
  sentences: z
    .array(sourcedStatementSchema, { error: typeError('a list') })
    .min(2, { error: 'needs two or three sentences' })
    .max(3, { error: 'needs two or three sentences' }),
});

/** content/data/home.yaml: the home page's words, as data so every line is sourced. */
export const homeSchema = z.strictObject({
  /** The date of the original report (Bloomberg, 18 December 2025): "before/after the report". */
  asOf: isoDate,
  /** Under the title: what the plan is and where things stand now. */
  standfirst: standfirstSchema,
  /** Where things stand now, thread by thread (the guarantee, Article 5, the frozen assets). */
  threads: z.array(threadSchema, { error: typeError('a list') }).min(1),
  /** Figure ids shown as the key numbers. */
  keyNumbers: z.array(id, { error: typeError('a list of ids') }).min(1),
  /** What we know beyond the plan's points, which the layers diagram gives once. */
  know: z.array(sourcedStatementSchema, { error: typeError('a list') }).min(1),
  dontKnow: z.array(sourcedStatementSchema, { error: typeError('a list') }).min(1),
});
export type Home = z.infer<typeof homeSchema>;

/** How the proposal compares with Article 5 on one point, from the reader's side (Ukraine's). */
export const VERDICTS = ['same', 'weaker', 'stronger', 'unclear'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** content/data/article5.yaml: NATO's Article 5 beside the proposed guarantee, point by point. */
export const comparisonSchema = z.strictObject({
  /** The treaty text, verbatim. */
  treatyText: nonEmpty,
  treatySource: id,
  rows: z
    .array(
      z.strictObject({
        id,
        aspect: nonEmpty,
        article5: nonEmpty,
        proposal: nonEmpty,
        /** The sources of the Article 5 cell and of the proposal cell. */
        article5Sources: z.array(id, { error: typeError('a list of ids') }).min(1, { error: 'needs at least one source' }),
        proposalSources: z.array(id, { error: typeError('a list of ids') }).min(1, { error: 'needs at least one source' }),
        /** Our judgement: is the proposal the same as, weaker or stronger than Article 5 here? */
        verdict: z.strictObject({
          is: z.enum(VERDICTS, { error: `must be one of ${VERDICTS.join(', ')}` }),
          /** One line: why, in words a reader can check against the sources. */
          reason: nonEmpty,
          sources: z.array(id, { error: typeError('a list of ids') }).min(1, { error: 'needs at least one source' }),
        }),
      }),
    )
    .min(1),
});
export type Comparison = z.infer<typeof comparisonSchema>;


/** content/data/layers.yaml: the layers of the guarantee and what happens if fighting resumes. */
export const layersSchema = z.strictObject({
  layers: z
    .array(
      z.strictObject({
        id,
        title: nonEmpty,
        text: nonEmpty,
        /** Who provides it: shown as the layer's label. */
        who: nonEmpty,
        sources: z.array(id, { error: typeError('a list of ids') }).min(1, { error: 'needs at least one source' }),
      }),
    )
    .min(1),
  ladder: z
    .array(
      z.strictObject({
        /** What sets this step off ("If hostilities erupt again"). */
        trigger: nonEmpty,
        step: nonEmpty,
        text: nonEmpty,
        sources: z.array(id, { error: typeError('a list of ids') }).min(1, { error: 'needs at least one source' }),
      }),
    )
    .min(1),
});
export type Layers = z.infer<typeof layersSchema>;
