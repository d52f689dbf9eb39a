/**
 * Social cards: where each page's 1200×630 PNG lives, and the pure text layout that fits a
 * title and dek into the card. The drawing itself (Skia via @napi-rs/canvas) is in
 * src/integrations/social-cards.ts; keeping layout here lets tests run it with any measure.
 * The route prefix `og` is reserved (RESERVED_IDS), so no stack or card id can collide.
 */
import { withBase } from './urls';

export const SOCIAL_WIDTH = 1200;
export const SOCIAL_HEIGHT = 630;

/** What a social card shows. */
export type SocialTarget =
  | { kind: 'site' }
  | { kind: 'stack'; stack: string }
  | { kind: 'card'; stack: string; card: string }
  | { kind: 'chart'; chart: string };

/** The card's file, relative to the site root. */
export function socialImageFile(target: SocialTarget): string {
  switch (target.kind) {
    case 'site':
      return 'og/site.png';
    case 'stack':
      return `og/${target.stack}.png`;
    case 'card':
      return `og/${target.stack}/${target.card}.png`;
    case 'chart':
      return `og/chart/${target.chart}.png`;
  }
}

/** The card's URL path under the base (make it absolute with absoluteUrl for og:image). */
export const socialImagePath = (target: SocialTarget, base?: string) => withBase(socialImageFile(target), base);

/** Width of `text` drawn in `font` (a CSS font shorthand). */
export type Measure = (text: string, font: string) => number;

/** Greedy word wrap: lines no wider than maxWidth (a single over-long word gets a line of its own). */
export function wrapWords(text: string, maxWidth: number, font: string, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, font) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Cut lines to `maxLines`, ending the last kept line with an ellipsis that fits. */
export function clampLines(lines: string[], maxLines: number, maxWidth: number, font: string, measure: Measure): string[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]!} ${lines[maxLines]!}`;
  while (last.length > 1 && measure(`${last}…`, font) > maxWidth) last = last.replace(/\s*\S+$/, '') || last.slice(0, -1);
  kept[maxLines - 1] = `${last.replace(/[\s,;:.–—-]+$/, '')}…`;
  return kept;
}

export interface FittedText {
  size: number;
  font: string;
  lines: string[];
  lineHeight: number;
}

/**
 * The largest of `sizes` at which `text` fits in `maxLines` lines; at the smallest size the
 * text is clamped with an ellipsis rather than overflowing the card.
 */
export function fitText(
  text: string,
  opts: { sizes: readonly number[]; maxLines: number; maxWidth: number; font: (size: number) => string; lineHeight: number },
  measure: Measure,
): FittedText {
  for (const size of opts.sizes) {
    const font = opts.font(size);
    const lines = wrapWords(text, opts.maxWidth, font, measure);
    if (lines.length <= opts.maxLines && lines.every((l) => measure(l, font) <= opts.maxWidth)) {
      return { size, font, lines, lineHeight: Math.round(size * opts.lineHeight) };
    }
  }
  const size = opts.sizes[opts.sizes.length - 1]!;
  const font = opts.font(size);
  const lines = clampLines(wrapWords(text, opts.maxWidth, font, measure), opts.maxLines, opts.maxWidth, font, measure);
  return { size, font, lines, lineHeight: Math.round(size * opts.lineHeight) };
}

/** Parse Fontsource's unicode-range strings ("U+0000-00FF,U+0131") into [from, to] pairs. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-') as [string, string | undefined];
    return [parseInt(from, 16), parseInt(to ?? from, 16)];
  });
}

/** Characters of `text` that none of the ranges covers (each reported once). */
export function uncovered(text: string, ranges: readonly [number, number][]): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!ranges.some(([a, b]) => cp >= a && cp <= b)) missing.add(ch);
  }
  return [...missing];
}

/** The social card of an embeddable unit, from its key ('stack/card' or 'chart/<id>'). */
export function socialTargetForUnit(key: string): SocialTarget {
  const [first = '', second = ''] = key.split('/');
  return first === 'chart' ? { kind: 'chart', chart: second } : { kind: 'card', stack: first, card: second };
}
