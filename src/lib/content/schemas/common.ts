import { z } from 'astro/zod';
import { idCharacterHint, KEBAB_CASE } from '../ids.ts';

/** Zod's message for a wrong type, saying "is required" when the field is absent. */
export const typeError = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${expected}`;

/** A stable, URL-safe id: lower-case words joined by hyphens. Ids never change after publication. */
export const id = z
  .string({ error: typeError('a text id') })
  .regex(KEBAB_CASE, { error: (issue) => `must be kebab-case (a-z, 0-9, hyphens)${idCharacterHint(String(issue.input))}` });


const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `s` is a real calendar day written YYYY-MM-DD (rejects 2025-02-30). */
export function isRealIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * A calendar date kept as the string YYYY-MM-DD. YAML parsers differ on whether an unquoted
 * 2025-12-18 is a Date or a string (Astro's loader makes a Date), so both are accepted and
 * normalised; strings keep dates free of time zones.
 */
export const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string({ error: typeError('a date written YYYY-MM-DD') })
    .refine(isRealIsoDate, { error: 'must be a real date written YYYY-MM-DD' }),
);

export const nonEmpty = z.string({ error: typeError('text') }).trim().min(1, { error: 'must not be empty' });

export const confidence = z.enum(['high', 'medium', 'low'], {
  error: 'must be one of high, medium, low',
});

/**
 * A number is either one `value` or a `low`–`high` range (when sources disagree or give a
 * range). Shared by figure records and chart rows, so both refuse the same mistakes.
 */
export function checkValueOrRange(
  r: { value?: number; low?: number; high?: number },
  ctx: { addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void },
): void {
  const single = r.value !== undefined;
  const range = r.low !== undefined || r.high !== undefined;
  if (single === range) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'give either value, or low and high' });
  } else if (range && (r.low === undefined || r.high === undefined)) {
    ctx.addIssue({ code: 'custom', path: [r.low === undefined ? 'low' : 'high'], message: 'a range needs both low and high' });
  } else if (range && r.low! > r.high!) {
    ctx.addIssue({ code: 'custom', path: ['low'], message: 'low must not exceed high' });
  }
}

/**
 * A full web address. Only http(s): a source, a copy or a brand link is rendered as a link on
 * every page, and a `javascript:` or `data:` address there would run in a reader's browser.
 */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL (https://…)' });
