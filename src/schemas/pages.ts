import { z } from 'astro/zod';
import { id, isoDate, nonEmpty } from './common';

/** A sentence of ours with the sources that back it. Plain text, no markup. */
export const sourcedStatementSchema = z.strictObject({
  text: nonEmpty,
  sources: z.array(id).min(1, { error: 'needs at least one source' }),
});

/** content/data/home.yaml: the home page's words, as data so every line is sourced. */
export const homeSchema = z.strictObject({
  /** The day the explainer's reporting stands at: the article's date. */
  asOf: isoDate,
  /** What the plan is, in five sentences. */
  summary: z.array(sourcedStatementSchema).length(5, { error: 'must be exactly five sentences' }),
  /** Figure ids shown as the key numbers. */
  keyNumbers: z.array(id).min(1),
  know: z.array(sourcedStatementSchema).min(1),
  dontKnow: z.array(sourcedStatementSchema).min(1),
});
export type Home = z.infer<typeof homeSchema>;

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
        sources: z.array(id).min(1, { error: 'needs at least one source' }),
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
        sources: z.array(id).min(1, { error: 'needs at least one source' }),
      }),
    )
    .min(1),
  ladder: z
    .array(
      z.strictObject({
        step: nonEmpty,
        text: nonEmpty,
        sources: z.array(id).min(1, { error: 'needs at least one source' }),
      }),
    )
    .min(1),
});
export type Layers = z.infer<typeof layersSchema>;
