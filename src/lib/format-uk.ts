/**
 * Numbers, amounts, dates and plurals as a Ukrainian newsroom prints them, for the Ukrainian
 * edition (issue 21). The English rules are in ./format.ts; the two share the figure records, so
 * only the printing differs:
 * - a non-breaking space between thousands and a decimal comma: 1 234 567,5;
 * - «млрд», «млн», «тис.» and «євро», never "bn", "k" or "EUR": 210 млрд євро;
 * - dates in prose: 18 грудня 2025 року;
 * - the noun after a number in the form Intl.PluralRules('uk') picks: 1 країна, 3 країни, 5 країн.
 */
import type { Figure } from './content/schemas/figures';

const LOCALE = 'uk';
const NBSP = '\u00A0';

// Made once, as in ./format.ts. ICU's Ukrainian already groups with U+00A0 and uses a decimal
// comma; the grouping is set explicitly so a four-digit number is grouped too (1 200 км²), as
// Ukrainian style guides ask for numbers in text next to larger ones.
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, useGrouping: 'always' });
const decimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2, useGrouping: 'always' });
const plural = new Intl.PluralRules(LOCALE);

/** 1234567.5 → '1 234 567,5' (the spaces are U+00A0, so a number never breaks across lines). */
export function formatNumberUk(n: number): string {
  // Whatever space ICU uses between groups, print the one Ukrainian typesetting uses.
  return (Number.isInteger(n) ? integer : decimal).format(n).replace(/[\u202F\u00A0 ]/g, NBSP);
}

/** The forms of a noun after a number: { one: 'країна', few: 'країни', many: 'країн' }. */
export interface NounForms {
  one: string;
  few: string;
  many: string;
  /** Fractions (1,5 країни): Ukrainian takes the genitive singular; defaults to `few`. */
  other?: string;
}

/** The form of a noun that follows `n`: 1 країна, 2 країни, 5 країн, 21 країна, 1,5 країни. */
export function pluralUk(n: number, forms: NounForms): string {
  const category = plural.select(n);
  if (category === 'one') return forms.one;
  if (category === 'few') return forms.few;
  if (category === 'many') return forms.many;
  return forms.other ?? forms.few;
}

/** 'n noun' with the right form and a non-breaking space: '27 країн'. */
export const countUk = (n: number, forms: NounForms): string => `${formatNumberUk(n)}${NBSP}${pluralUk(n, forms)}`;

const MONTHS_GENITIVE = ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'];

/** '2025-12-18' → '18 грудня 2025 року' (prose; a table may use the short form below). */
export function formatDateUk(iso: string): string {
  return `${formatDateShortUk(iso)}${NBSP}року`;
}

/** '2025-12-18' → '18 грудня 2025' (tables, chart labels, where «року» would crowd). */
export function formatDateShortUk(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d}${NBSP}${MONTHS_GENITIVE[m - 1]}${NBSP}${y}`;
}

// «військових», as Ukrainian newsrooms write troop numbers («800 тисяч військових»): shorter than «військовослужбовців» in a table cell on a phone.
const TROOPS: NounForms = { one: 'військовий', few: 'військові', many: 'військових', other: 'військового' };
const PEOPLE: NounForms = { one: 'особа', few: 'особи', many: 'осіб', other: 'особи' };

// The number never parts from «млрд» (a non-breaking space); the currency may go to the next
// line, so «7,45 млрд швейцарських франків» fits a 320 px phone.
/** One amount in a unit: 210 eur-bn → '210 млрд євро'; 800000 troops → '800 000 військових'. */
export function formatAmountUk(n: number, unit: Figure['unit']): string {
  const num = formatNumberUk(n);
  switch (unit) {
    case 'eur-bn':
      return `${num}${NBSP}млрд євро`;
    case 'usd-bn':
      return `${num}${NBSP}млрд доларів`;
    case 'gbp-bn':
      return `${num}${NBSP}млрд фунтів стерлінгів`;
    case 'chf-bn':
      return `${num}${NBSP}млрд швейцарських франків`;
    case 'percent':
      return `${num}%`;
    case 'km2':
      return `${num}${NBSP}км²`;
    case 'troops':
      return countUk(n, TROOPS);
    case 'people':
      return countUk(n, PEOPLE);
    case 'count':
      return num;
  }
}

/** A figure record as Ukrainian prose: 'близько 210 млрд євро', 'від 78,1% до 81%', 'понад 80%'. */
export function formatFigureUk(f: Pick<Figure, 'value' | 'low' | 'high' | 'unit' | 'approx'> & { moreThan?: boolean }): string {
  if (f.value === undefined && f.approx) {
    // «близько від … до …» reads badly: an approximate range is «близько 280–300 млрд доларів».
    return `близько ${formatNumberUk(f.low!)}–${formatAmountUk(f.high!, f.unit)}`;
  }
  const text = f.value !== undefined ? formatAmountUk(f.value, f.unit) : `від ${formatAmountUk(f.low!, f.unit)} до ${formatAmountUk(f.high!, f.unit)}`;
  return f.moreThan ? `понад ${text}` : f.approx ? `близько ${text}` : text;
}

/** An axis tick, short: 200000 → '200 тис.', 1200000 → '1,2 млн', 90 (eur-bn) → '90 млрд'. */
export function formatTickUk(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1_000_000) return `${formatNumberUk(n / 1_000_000)}${NBSP}млн`;
  if (abs >= 10_000) return `${formatNumberUk(n / 1_000)}${NBSP}тис.`;
  return formatNumberUk(n);
}
