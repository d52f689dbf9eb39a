/**
 * Brand logic, pure: the brand's palette (house palette plus the brand's overrides), its WCAG
 * checks, the CSS that carries the overrides to the page, and the small conversions the head,
 * feed and manifest need. Reading the brand file is src/config/brand-loader.ts's job.
 */
import { palette as housePalette, type Mode } from './palette';
import { BRAND_COLOUR_KEYS, type BrandColourKey, type BrandFile } from '../config/brand-schema';

/** The font stacks in src/styles/tokens.css (a unit test keeps them equal). */
export const HOUSE_FONTS = {
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  serif: "Georgia, 'Noto Serif', 'DejaVu Serif', serif",
} as const;

export type BrandColours = Record<BrandColourKey, string>;
export type BrandPalette = Record<Mode, BrandColours>;

const MODES: readonly Mode[] = ['light', 'dark'];

/** The house colours for the keys a brand may override. */
export function housePaletteColours(): BrandPalette {
  const pick = (mode: Mode) => Object.fromEntries(BRAND_COLOUR_KEYS.map((k) => [k, housePalette[mode][k]])) as BrandColours;
  return { light: pick('light'), dark: pick('dark') };
}

/** House palette with the brand's overrides applied. */
export function brandPalette(colours: BrandFile['colours']): BrandPalette {
  const house = housePaletteColours();
  return {
    light: { ...house.light, ...definedOnly(colours.light) },
    dark: { ...house.dark, ...definedOnly(colours.dark) },
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** WCAG 2.x relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The pairs the site's CSS draws together, with the contrast each must reach (WCAG 2.2 AA:
 * 4.5 for text, 3 for the focus ring and borders that carry meaning are not checked: the
 * border colour is decorative). Buttons draw the background colour on the accent.
 */
const PAIRS: readonly { fg: BrandColourKey; bg: BrandColourKey; min: number; what: string }[] = [
  { fg: 'text', bg: 'bg', min: 4.5, what: 'text on the background' },
  { fg: 'text', bg: 'surface', min: 4.5, what: 'text on the surface colour' },
  { fg: 'muted', bg: 'bg', min: 4.5, what: 'muted text on the background' },
  { fg: 'muted', bg: 'surface', min: 4.5, what: 'muted text on the surface colour' },
  { fg: 'accent', bg: 'bg', min: 4.5, what: 'links (accent) on the background' },
  { fg: 'bg', bg: 'accent', min: 4.5, what: 'button text (background colour) on the accent' },
  { fg: 'focus', bg: 'bg', min: 3, what: 'the focus ring on the background' },
];

export interface ContrastProblem {
  field: string;
  message: string;
}

/** Every pair that misses its contrast, named by the brand file's field. */
export function checkContrast(p: BrandPalette): ContrastProblem[] {
  const problems: ContrastProblem[] = [];
  for (const mode of MODES) {
    for (const { fg, bg, min, what } of PAIRS) {
      const ratio = contrastRatio(p[mode][fg], p[mode][bg]);
      if (ratio < min) {
        problems.push({
          field: `colours.${mode}.${fg}`,
          message: `${what} is ${ratio.toFixed(2)}:1 (${p[mode][fg]} on ${p[mode][bg]}); WCAG AA needs ${min}:1`,
        });
      }
    }
  }
  return problems;
}

/**
 * CSS that carries the brand's colours and fonts over the tokens in src/styles/tokens.css.
 * Only values that differ from the house ones are written, so the house brand adds nothing.
 *
 * Each rule repeats `:root` once more than the rule it overrides, so it wins whatever order
 * the bundler puts the stylesheets in; every overridden colour is written for all four
 * states (light, dark by preference, and the two forced themes embeds use), so a forced
 * theme still beats the preference.
 */
export function brandCss(p: BrandPalette, fonts: BrandFile['fonts']): string {
  const house = housePaletteColours();
  const keys = BRAND_COLOUR_KEYS.filter((k) => MODES.some((m) => p[m][k] !== house[m][k]));
  const decls = (mode: Mode) => keys.map((k) => `--ex-${k}:${p[mode][k]};`).join('');
  const fontDecls =
    (fonts.sans !== HOUSE_FONTS.sans ? `--ex-font:${fonts.sans};` : '') + (fonts.serif !== HOUSE_FONTS.serif ? `--ex-font-serif:${fonts.serif};` : '');
  const rules: string[] = [];
  if (keys.length || fontDecls) rules.push(`:root:root{${decls('light')}${fontDecls}}`);
  if (keys.length) {
    rules.push(`@media (prefers-color-scheme:dark){:root:root{${decls('dark')}}}`);
    rules.push(`:root:root[data-theme='light']{${decls('light')}}`);
    rules.push(`:root:root[data-theme='dark']{${decls('dark')}}`);
  }
  return rules.length ? `/* Brand overrides (generated from the brand file) */\n${rules.join('\n')}\n` : '';
}

/** 'en-GB' → 'en_GB' (Open Graph's locale form). */
export const ogLocale = (locale: string) => (locale === 'uk' ? 'uk_UA' : locale.replace('-', '_'));
