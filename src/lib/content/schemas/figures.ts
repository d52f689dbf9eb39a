import { z } from 'astro/zod';
import { checkValueOrRange, confidence, id, isoDate, nonEmpty, typeError } from './common';

/** Units a figure can carry; each has one formatting rule in src/lib/format.ts. */
export const units = ['people', 'troops', 'eur-bn', 'usd-bn', 'gbp-bn', 'chf-bn', 'percent', 'km2', 'count'] as const;
export const unit = z.enum(units, { error: `must be one of ${units.join(', ')}` });

/**
 * An extra source for a figure (issue 19), with the number it gives: `value`, or `low` and `high`
 * when it gives a range, and its own words (`says`) where they help the second reader. The figure
 * rule holds it to the figure: an extra source must support the same value (for a range figure,
 * one of its ends, or the same range), not a neighbouring one (CHF 7.4bn is not CHF 7.45bn; "more
 * than 80%" is not 78.1–81%). Whether the source really says so is the editor's duty; the check
 * makes the claim explicit and refuses a mismatch.
 */
export const alsoSourceSchema = z
  .strictObject({
    source: id,
    value: z.number({ error: 'must be a number' }).optional(),
    low: z.number({ error: 'must be a number' }).optional(),
    high: z.number({ error: 'must be a number' }).optional(),
    /** The source's own words for the number: "around €185 billion". */
    says: nonEmpty.optional(),
  })
  .superRefine(checkValueOrRange);
export type AlsoSource = z.infer<typeof alsoSourceSchema>;

const fmt = (r: { value?: number | undefined; low?: number | undefined; high?: number | undefined }) => (r.value !== undefined ? String(r.value) : `${r.low}–${r.high}`);

/** Why an extra source does not support the figure, or undefined when it does. */
export function alsoSourceMismatch(fig: { value?: number | undefined; low?: number | undefined; high?: number | undefined }, a: AlsoSource): string | undefined {
  const supports =
    fig.value !== undefined
      ? a.value === fig.value
      : a.value !== undefined
        ? a.value === fig.low || a.value === fig.high
        : a.low === fig.low && a.high === fig.high;
  if (supports) return undefined;
  return `"${a.source}" gives ${fmt(a)}, but the figure is ${fmt(fig)}: an extra source must support the same value${fig.value === undefined ? ' (one end of the range, or the same range)' : ''}, not a neighbouring one; drop it from alsoSources (the note may mention it) or correct the figure`;
}

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
    /**
     * Further sources, each with the value it gives: `{ source, value, says }` (see
     * alsoSourceSchema). A bare id is refused: the check could not tell what it supports.
     */
    alsoSources: z.array(z.union([id, alsoSourceSchema], { error: 'must be { source: <id>, value: <the number it gives>, says: <its words> }' }), { error: typeError('a list') }).default([]),
    confidence,
    note: z.string().optional(),
    /**
     * The figure is the claim of the government that controls its only (state-media) source,
     * so state media may carry it alone; the text then names the outlet as state media.
     */
    ownGovernment: z.boolean().default(false),
  })
  .superRefine((f, ctx) => {
    checkValueOrRange(f, ctx);
    f.alsoSources.forEach((a, i) => {
      if (typeof a === 'string') {
        ctx.addIssue({ code: 'custom', path: ['alsoSources', i], message: `say what "${a}" gives: { source: ${a}, value: <the number it gives>, says: <its words> }, so the check can hold it to the figure's value` });
        return;
      }
      const why = alsoSourceMismatch(f, a);
      if (why) ctx.addIssue({ code: 'custom', path: ['alsoSources', i, a.value !== undefined ? 'value' : 'low'], message: why });
    });
  })
  .transform(({ alsoSources, ...f }) => {
    const supports = alsoSources.filter((a): a is AlsoSource => typeof a !== 'string');
    // The model keeps the ids (every reader of a figure's sources), and the values beside them.
    return { ...f, alsoSources: supports.map((a) => a.source), alsoSupports: supports };
  });
export type Figure = z.infer<typeof figureSchema>;
