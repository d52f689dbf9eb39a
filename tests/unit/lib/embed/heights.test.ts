import { describe, expect, it } from 'vitest';
import { classFor, classHeight, fitsReal, heightClasses, MEASURED_WIDTHS, PROBE_WIDTHS } from '../../../../src/lib/embed/heights';
import measured from '../../../../src/data/embed-heights.json';

const W = [320, 390, 600, 900] as const;

describe('height classes of the plain iframe', () => {
  it('leave a little room and round up to 10 px: never short, at most 10 % tall', () => {
    expect(classHeight(1000)).toBe(1030);
    expect(classHeight(301)).toBe(320);
    for (const h of [200, 301, 555, 999, 1688]) expect(fitsReal(classHeight(h), h)).toBe('fits');
  });
  it('say short and long', () => {
    expect(fitsReal(1000, 1001)).toBe('short');
    expect(fitsReal(1101, 1000)).toBe('long');
    expect(fitsReal(1100, 1000)).toBe('fits');
  });
  it('take the tallest height measured in their range of columns', () => {
    expect(heightClasses(W, [1000, 900, 700, 600])).toEqual([
      { width: 320, height: 1030 },
      { width: 390, height: 930 },
      { width: 600, height: 730 },
      { width: 900, height: 620 },
    ]);
    // A probe at 480 px inside the 390 class raises it.
    expect(heightClasses([320, 390, 480, 600, 900], [1000, 900, 920, 700, 600])![1]).toEqual({ width: 390, height: 950 });
  });
  it('are none when the height varies too much within a range, or was not measured', () => {
    // A chart that grows with the column: at 480 px it is 30 % taller than at 390.
    expect(heightClasses([320, 390, 480, 600, 900], [500, 500, 650, 400, 420])).toBeUndefined();
    expect(heightClasses(W, undefined)).toBeUndefined();
    expect(heightClasses(W, [1000, 900])).toBeUndefined();
    expect(heightClasses(W, [1000, 0, 700, 600])).toBeUndefined();
  });
  it('pick the class for a column: the widest class not wider than it', () => {
    const classes = heightClasses(W, [1000, 900, 700, 600])!;
    expect([300, 320, 389, 390, 599, 600, 899, 900, 1400].map((c) => classFor(classes, c).width)).toEqual([320, 320, 320, 390, 390, 600, 600, 900, 900]);
  });
  it('are measured at the widths the classes name, in the committed table', () => {
    expect(measured.widths).toEqual([...PROBE_WIDTHS]);
    for (const w of MEASURED_WIDTHS) expect(PROBE_WIDTHS).toContain(w);
    for (const [key, hs] of Object.entries(measured.units)) expect(hs, key).toHaveLength(PROBE_WIDTHS.length);
  });
});
