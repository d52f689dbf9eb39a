/**
 * The heights a fixed-height code (the plain iframe) offers, from the built units' measured
 * heights (src/data/embed-heights.json, written by `npm run embed:heights`, re-measured by
 * tests/e2e/embed-heights.test.ts). Pure: measured heights in, height classes out.
 *
 * A fixed-height frame cannot follow its content, so its height must be right for the column it
 * sits in. A code offers one height class per column width (320, 390, 600 and 900 px); a class is
 * for columns from its width up to the next one's (the last, 900 px and wider). Its height is the
 * unit's greatest height measured in that range (at its width and at probe widths inside it: the
 * charts' switch from the narrow to the wide drawing at 480 px, the middle, and 1,200 px, past the
 * widest layout) plus a little room for fonts that render a pixel or two taller, rounded up to
 * 10 px. So it is never short where measured, and it must not be more than 10 % too tall at its
 * own width.
 *
 * A unit whose height changes too much within a class's range (a chart that grows with the
 * column, a long card that folds its body at one width and not at another) would need a class
 * more than 10 % too tall at its width: such a unit gets no fixed-height code, and its codes say
 * to use a self-sizing one (the responsive code or oEmbed).
 */

/** The column widths of the height classes, narrowest first. */
export const MEASURED_WIDTHS = [320, 390, 600, 900] as const;
export type MeasuredWidth = (typeof MEASURED_WIDTHS)[number];

/** Every width measured: the classes' own widths and probes inside their ranges. */
export const PROBE_WIDTHS = [320, 355, 390, 480, 481, 540, 600, 750, 900, 1200] as const;

/** The room over the measured height a class leaves (3 %), before rounding up to 10 px. */
export const HEIGHT_ROOM = 0.03;
/** The most a class may be over the unit's real height at its width. */
export const MAX_OVER = 0.1;

export interface HeightClass {
  /** The narrowest column this class is for, in px. */
  width: MeasuredWidth;
  /** The iframe's height for it, in px. */
  height: number;
}

/** The committed measurements: each unit's key → its height at each of `widths`, in px. */
export interface MeasuredHeights {
  widths: readonly number[];
  units: Record<string, readonly number[]>;
}

export function classHeight(measured: number): number {
  return Math.ceil((measured * (1 + HEIGHT_ROOM)) / 10) * 10;
}

/** Whether a class's height is right for a unit that is `real` px tall at its width. */
export function fitsReal(classPx: number, real: number): 'fits' | 'short' | 'long' {
  if (real > classPx) return 'short';
  if (classPx > real * (1 + MAX_OVER)) return 'long';
  return 'fits';
}

/**
 * A unit's height classes from its heights at `widths` (PROBE_WIDTHS), or undefined when it has
 * no fixed-height code: not measured (a new unit: run `npm run embed:heights`), or its height
 * varies too much within a class's range.
 */
export function heightClasses(widths: readonly number[], measured: readonly number[] | undefined): HeightClass[] | undefined {
  if (!measured || measured.length !== widths.length || measured.some((h) => !(h > 0))) return undefined;
  const at = (w: number) => measured[widths.indexOf(w)];
  const classes: HeightClass[] = [];
  for (const [i, width] of MEASURED_WIDTHS.entries()) {
    const own = at(width);
    if (own === undefined) return undefined;
    const next = MEASURED_WIDTHS[i + 1] ?? Number.POSITIVE_INFINITY;
    const range = measured.filter((_, j) => widths[j]! >= width && widths[j]! < next);
    const height = classHeight(Math.max(...range));
    if (fitsReal(height, own) !== 'fits') return undefined;
    classes.push({ width, height });
  }
  return classes;
}

/** The class for a column `column` px wide: the widest class width not over it (the narrowest for narrower columns). */
export function classFor(classes: readonly HeightClass[], column: number): HeightClass {
  return [...classes].reverse().find((c) => c.width <= column) ?? classes[0]!;
}
