import { z } from 'astro/zod';
import { checkValueOrRange, confidence, id, isoDate, nonEmpty } from './common';
import { unit } from './figures';

/**
 * One row of a chart: a self-contained data record. It carries its own unit, date, source and
 * confidence, so the data table, the CSV, the static image and the interactive chart can all be
 * made from it and a reader (or a newsroom copying the CSV) never loses the provenance.
 * Either `value`, or `low` and `high` when the source gives a range.
 */
export const chartRowSchema = z
  .strictObject({
    label: nonEmpty,
    value: z.number({ error: 'must be a number' }).optional(),
    low: z.number({ error: 'must be a number' }).optional(),
    high: z.number({ error: 'must be a number' }).optional(),
    unit,
    /** The source says "about", "roughly", "nearly". */
    approx: z.boolean().default(false),
    asOf: isoDate,
    source: id,
    confidence,
    note: z.string().optional(),
    /** Which of the chart's groups the row belongs to (its colour and legend entry). */
    group: id,
    /** Reported after the article of 18 December 2025: marked as such wherever it is shown. */
    afterArticle: z.boolean().default(false),
  })
  .superRefine(checkValueOrRange);
export type ChartRow = z.infer<typeof chartRowSchema>;

/**
 * A group of rows: one colour and one legend entry. `context` groups (a comparison that is not
 * the subject, such as Russia's own army) are drawn in the neutral context colour.
 */
export const chartGroupSchema = z.strictObject({
  id,
  label: nonEmpty,
  role: z.enum(['main', 'context'], { error: 'must be main or context' }).default('main'),
});

/** A note under the chart, with the sources that back it. */
export const chartNoteSchema = z.strictObject({
  text: nonEmpty,
  sources: z.array(id).default([]),
});

/**
 * content/data/charts/<id>.yaml. The file name is the id (checked), and the id is the chart's
 * permalink anchor (#chart-<id>), its image and CSV file names and its embed URL, so it never
 * changes after publication.
 */
export const chartSchema = z
  .strictObject({
    id,
    title: nonEmpty,
    /** The one-line answer a reader should take away. */
    takeaway: nonEmpty,
    /** Horizontal bars; a range row is drawn as a floating bar from low to high. */
    kind: z.enum(['bar'], { error: 'must be bar' }).default('bar'),
    /** The unit of the drawn axis. Rows in another unit are listed in the table but not drawn. */
    unit,
    /** Axis title, e.g. "Troops". */
    axisLabel: z.string().optional(),
    /**
     * The day this chart's data was last checked against its sources. Citations give it as the
     * "retrieved" date, so two builds of the same content print the same citation.
     */
    updated: isoDate,
    groups: z.array(chartGroupSchema).min(1, { error: 'needs at least one group' }),
    rows: z.array(chartRowSchema).min(1, { error: 'needs at least one row' }),
    notes: z.array(chartNoteSchema).default([]),
  })
  .superRefine((c, ctx) => {
    const groupIds = c.groups.map((g) => g.id);
    groupIds.forEach((g, i) => {
      if (groupIds.indexOf(g) !== i) ctx.addIssue({ code: 'custom', path: ['groups', i, 'id'], message: `duplicate group id "${g}"` });
    });
    c.rows.forEach((r, i) => {
      if (!groupIds.includes(r.group)) {
        ctx.addIssue({ code: 'custom', path: ['rows', i, 'group'], message: `unknown group "${r.group}" (groups: ${groupIds.join(', ')})` });
      }
      if (r.asOf > c.updated) {
        ctx.addIssue({ code: 'custom', path: ['rows', i, 'asOf'], message: `is ${r.asOf}, after the chart's updated date ${c.updated}` });
      }
    });
    if (!c.rows.some((r) => r.unit === c.unit)) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `no row is in the chart's unit "${c.unit}", so nothing would be drawn` });
    }
  });
export type Chart = z.infer<typeof chartSchema>;
/** What a chart file holds before defaults are applied (for fixtures). */
export type ChartInput = z.input<typeof chartSchema>;
