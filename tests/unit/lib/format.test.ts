import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatFigure, formatNumber } from '../../../src/lib/format';

describe('format', () => {
  it('formats numbers with thousands separators', () => {
    expect(formatNumber(800000)).toBe('800,000');
    expect(formatNumber(78.1)).toBe('78.1');
    expect(formatNumber(1500000)).toBe('1,500,000');
  });
  it('writes dates the way docs/writing.md asks', () => {
    expect(formatDate('2025-12-18')).toBe('18 December 2025');
    expect(formatDate('1949-04-04')).toBe('4 April 1949');
  });
  it('puts units where readers expect them', () => {
    expect(formatAmount(210, 'eur-bn')).toBe('€210bn');
    expect(formatAmount(5, 'usd-bn')).toBe('$5bn');
    expect(formatAmount(7.45, 'chf-bn')).toBe('CHF 7.45bn');
    expect(formatAmount(78.1, 'percent')).toBe('78.1%');
    expect(formatAmount(800000, 'troops')).toBe('800,000 troops');
    expect(formatAmount(5000, 'km2')).toBe('5,000 km²');
  });
  it('says "about" when the source does and spells out ranges', () => {
    expect(formatFigure({ value: 210, unit: 'eur-bn', approx: true })).toBe('about €210bn');
    expect(formatFigure({ value: 80, unit: 'percent', approx: false, moreThan: true })).toBe('more than 80%');
    expect(formatFigure({ low: 185, high: 195, unit: 'eur-bn', approx: false })).toBe('€185bn to €195bn');
  });
});
