/**
 * Number and date formatting with the locale pinned, so the build prints the same text on every
 * machine. Style follows docs/writing.md: numerals with units, "about" when the source says so,
 * "18 December 2025" for dates.
 */
import type { Figure } from './content/schemas/figures';
import { currentEdition } from './editions';
import { formatAmountUk, formatDateUk, formatFigureUk, formatNumberUk } from './format-uk';

// The Ukrainian edition prints the same records the Ukrainian way (./format-uk.ts).
const inUkrainian = () => currentEdition() === 'uk';

const LOCALE = 'en-GB';

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
// Made once: building a DateTimeFormat costs far more than formatting, and every page formats dates.
const longDate = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatNumber(n: number): string {
  if (inUkrainian()) return formatNumberUk(n);
  return Number.isInteger(n) ? integer.format(n) : decimal.format(n);
}

/** '2025-12-18' → '18 December 2025' */
export function formatDate(iso: string): string {
  if (inUkrainian()) return formatDateUk(iso);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return longDate.format(date);
}

/** One amount in a unit: 800000 troops → '800,000 troops'; 210 eur-bn → '€210bn'. */
export function formatAmount(n: number, unit: Figure['unit']): string {
  if (inUkrainian()) return formatAmountUk(n, unit);
  const num = formatNumber(n);
  switch (unit) {
    case 'eur-bn':
      return `€${num}bn`;
    case 'usd-bn':
      return `$${num}bn`;
    case 'gbp-bn':
      return `£${num}bn`;
    case 'chf-bn':
      return `CHF ${num}bn`;
    case 'percent':
      return `${num}%`;
    case 'km2':
      return `${num} km²`;
    case 'troops':
      return `${num} troops`;
    case 'people':
      return `${num} people`;
    case 'count':
      return num;
  }
}

/** A range in one unit: '€185bn–€195bn' is written '€185bn to €195bn' for screen readers. */
function formatRange(low: number, high: number, unit: Figure['unit']): string {
  return `${formatAmount(low, unit)} to ${formatAmount(high, unit)}`;
}

/** A figure record as prose: 'about €210bn', '78.1% to 81%'. */
export function formatFigure(f: Pick<Figure, 'value' | 'low' | 'high' | 'unit' | 'approx'> & { moreThan?: boolean }): string {
  if (inUkrainian()) return formatFigureUk(f);
  const text = f.value !== undefined ? formatAmount(f.value, f.unit) : formatRange(f.low!, f.high!, f.unit);
  return hedged(text, f);
}

/** The source's own hedge in front of a number: "about €210bn", "more than 80%". */
export function hedged(text: string, f: { approx?: boolean; moreThan?: boolean }): string {
  if (inUkrainian()) return f.moreThan ? `понад ${text}` : f.approx ? `близько ${text}` : text;
  return f.moreThan ? `more than ${text}` : f.approx ? `about ${text}` : text;
}
