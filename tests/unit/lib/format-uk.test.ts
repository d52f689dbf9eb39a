/** Ukrainian number, date, amount and plural formatting (issue 21's house style). */
import { describe, expect, it } from 'vitest';
import { countUk, formatAmountUk, formatDateShortUk, formatDateUk, formatFigureUk, formatNumberUk, formatTickUk, pluralUk } from '../../../src/lib/format-uk';

/** Show non-breaking spaces, so a plain space in the output fails the test. */
const v = (s: string) => s.replace(/\u00A0/g, '⍽');

describe('formatNumberUk', () => {
  it('groups thousands with a non-breaking space and uses a decimal comma', () => {
    expect(v(formatNumberUk(1234567.5))).toBe('1⍽234⍽567,5');
    expect(v(formatNumberUk(800000))).toBe('800⍽000');
    expect(v(formatNumberUk(1200))).toBe('1⍽200');
    expect(formatNumberUk(78.1)).toBe('78,1');
    expect(formatNumberUk(5)).toBe('5');
  });
});

describe('pluralUk', () => {
  const country = { one: 'країна', few: 'країни', many: 'країн' };
  it.each([
    [1, 'країна'],
    [2, 'країни'],
    [4, 'країни'],
    [5, 'країн'],
    [11, 'країн'],
    [12, 'країн'],
    [21, 'країна'],
    [22, 'країни'],
    [27, 'країн'],
    [101, 'країна'],
    [1.5, 'країни'],
  ])('%s → %s', (n, form) => {
    expect(pluralUk(n, country)).toBe(form);
  });
  it('writes the count and the noun with a non-breaking space', () => {
    expect(v(countUk(27, country))).toBe('27⍽країн');
  });
});

describe('formatDateUk', () => {
  it('writes dates in prose as Ukrainian newsrooms do', () => {
    expect(v(formatDateUk('2025-12-18'))).toBe('18⍽грудня⍽2025⍽року');
    expect(v(formatDateUk('2026-01-06'))).toBe('6⍽січня⍽2026⍽року');
    expect(v(formatDateShortUk('2026-02-13'))).toBe('13⍽лютого⍽2026');
  });
});

describe('formatAmountUk and formatFigureUk', () => {
  it('writes units in words, never bn, k or EUR', () => {
    expect(v(formatAmountUk(210, 'eur-bn'))).toBe('210⍽млрд євро');
    expect(v(formatAmountUk(229, 'usd-bn'))).toBe('229⍽млрд доларів');
    expect(v(formatAmountUk(800000, 'troops'))).toBe('800⍽000⍽військових');
    expect(v(formatAmountUk(5000, 'km2'))).toBe('5⍽000⍽км²');
    expect(formatAmountUk(81, 'percent')).toBe('81%');
    for (const unit of ['eur-bn', 'usd-bn', 'gbp-bn', 'chf-bn', 'percent', 'km2', 'troops', 'people', 'count'] as const) {
      expect(formatAmountUk(90, unit), unit).not.toMatch(/bn|EUR|€|\$|k\b/);
    }
  });
  it('keeps the source’s hedge', () => {
    expect(v(formatFigureUk({ value: 210, unit: 'eur-bn', approx: true }))).toBe('близько 210⍽млрд євро');
    expect(formatFigureUk({ low: 78.1, high: 81, unit: 'percent', approx: false })).toBe('від 78,1% до 81%');
    expect(formatFigureUk({ value: 80, unit: 'percent', approx: false, moreThan: true })).toBe('понад 80%');
  });
});

describe('formatTickUk', () => {
  it('shortens axis ticks with тис. and млн', () => {
    expect(v(formatTickUk(200000))).toBe('200⍽тис.');
    expect(v(formatTickUk(1200000))).toBe('1,2⍽млн');
    expect(formatTickUk(0)).toBe('0');
    expect(formatTickUk(90)).toBe('90');
  });
});
