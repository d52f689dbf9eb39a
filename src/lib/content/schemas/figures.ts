import { z } from 'astro/zod';
import { checkValueOrRange, confidence, id, isoDate, nonEmpty, typeError } from './common';

/** Units a figure can carry; each has one formatting rule in src/lib/format.ts. */
export const units = ['people', 'troops', 'eur-bn', 'usd-bn', 'gbp-bn', 'chf-bn', 'percent', 'km2', 'count'] as const;
export const unit = z.enum(units, { error: `must be one of ${units.join(', ')}` });

/**
 * A number with its provenance. Either `value`, or `low` and `high` when sources disagree
 * or the source gives a range. `approx` when the source says "about".
 */
export const figureSchema = z
  .strictObject({
    id,
    label: nonEmpty,
    value: z.number().optional(),
    low: z.number().optional(),
    high: z.number().optional(),
    unit,
    approx: z.boolean().default(false),
    asOf: isoDate,
    source: id,
    /** Further sources for a range, one per end or per estimate. */
    alsoSources: z.array(id, { error: typeError('a list of ids') }).default([]),
    confidence,
    note: z.string().optional(),
    /**
     * The figure is the claim of the government that controls its only (state-media) source,
     * so state media may carry it alone; the text then names the outlet as state media.
     */
    ownGovernment: z.boolean().default(false),
  })
  .superRefine(checkValueOrRange);
export type Figure = z.infer<typeof figureSchema>;
