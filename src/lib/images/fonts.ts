/**
 * The one font registration for every drawing the build makes: charts, the map, social cards.
 * Inter 400/600/700 from @fontsource/inter (an npm dependency, so every machine draws with the
 * same files and never with a system font; see ./font-family.ts for the names).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';
import { parseUnicodeRange, uncovered } from '../social';
import { IMAGE_FONT_SUBSETS, imageFontFamily } from './font-family';

const require = createRequire(import.meta.url);
const WEIGHTS = [400, 600, 700] as const;

let ranges: [number, number][] | undefined;

/** Registers the image font once per process; returns the code points it covers. */
export function registerImageFonts(): [number, number][] {
  if (ranges) return ranges;
  const unicode = JSON.parse(readFileSync(require.resolve('@fontsource/inter/unicode.json'), 'utf8')) as Record<string, string>;
  for (const subset of IMAGE_FONT_SUBSETS) {
    for (const weight of WEIGHTS) {
      const path = require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff2`);
      if (!GlobalFonts.registerFromPath(path, imageFontFamily(subset))) throw new Error(`image fonts: could not register ${path}`);
    }
  }
  ranges = IMAGE_FONT_SUBSETS.flatMap((s) => parseUnicodeRange(unicode[s]!));
  return ranges;
}

/**
 * Stops the build when a text has characters the image font lacks: they would be drawn with
 * whatever fallback the machine has, and the bytes would differ between machines.
 */
export function checkDrawable(texts: readonly string[], from: string, what: string): void {
  const covered = registerImageFonts();
  for (const text of texts) {
    const missing = uncovered(text, covered);
    if (missing.length) throw new Error(`${from}: "${text}" has characters the ${what} font cannot draw: ${missing.join(' ')}`);
  }
}
