import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brandCss, brandPalette, checkContrast, contrastRatio, housePaletteColours, HOUSE_FONTS, ogLocale } from '../../../src/lib/brand-palette';
import { BrandError, loadBrand } from '../../../src/config/brand-loader';
import { palette } from '../../../src/lib/palette';

const ROOT = new URL('../../../', import.meta.url).pathname;
const tokens = readFileSync(join(ROOT, 'src/styles/tokens.css'), 'utf8');

/** A brand file in a temporary folder (with a logo), from the partner fixture plus changes. */
function tempBrand(edit: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'brand-'));
  writeFileSync(join(dir, 'brand.yaml'), edit(readFileSync(join(ROOT, 'tests/fixtures/brand/brand.yaml'), 'utf8')));
  copyFileSync(join(ROOT, 'tests/fixtures/brand/logo.svg'), join(dir, 'logo.svg'));
  return join(dir, 'brand.yaml');
}

describe('house brand', () => {
  const brand = loadBrand('src/config/brand.yaml', ROOT);

  it('is the house palette and fonts, so it adds no CSS', () => {
    expect(brand.palette).toEqual(housePaletteColours());
    expect(brand.fonts).toEqual(HOUSE_FONTS);
    expect(brandCss(brand.palette, brand.fonts)).toBe('');
  });

  it('font stacks equal tokens.css', () => {
    expect(tokens).toContain(`--ex-font: ${HOUSE_FONTS.sans};`);
    expect(tokens).toContain(`--ex-font-serif: ${HOUSE_FONTS.serif};`);
  });

  it('house palette passes the contrast checks a brand must pass', () => {
    expect(checkContrast(housePaletteColours())).toEqual([]);
  });

  it('the author defaults to the publisher', () => {
    expect(brand.byline).toEqual(brand.publisher);
  });
});

describe('partner brand', () => {
  const brand = loadBrand('tests/fixtures/brand/brand.yaml', ROOT);

  it('overrides only the colours it names', () => {
    expect(brand.palette.light.accent).toBe('#9b1c31');
    expect(brand.palette.light.text).toBe(palette.light.text);
    expect(brand.palette.dark.bg).toBe('#101010');
  });

  it('CSS overrides every state, each rule out-ranking the token it replaces', () => {
    const css = brandCss(brand.palette, brand.fonts);
    expect(css).toContain(`:root:root{--ex-bg:${palette.light.bg};--ex-accent:#9b1c31;--ex-focus:#6b3fa0;--ex-font:'Gazette Sans', Verdana, sans-serif;`);
    expect(css).toContain('@media (prefers-color-scheme:dark){:root:root{--ex-bg:#101010;--ex-accent:#ff9aa8;');
    expect(css).toContain(":root:root[data-theme='light']{--ex-bg:#ffffff;--ex-accent:#9b1c31;");
    expect(css).toContain(":root:root[data-theme='dark']{--ex-bg:#101010;--ex-accent:#ff9aa8;");
    // Nothing a style attribute or a CSP-blocked construct would need.
    expect(css).not.toMatch(/url\(|expression|@import/);
  });

  it('og:locale form', () => {
    expect(ogLocale(brand.locale)).toBe('en_US');
  });
});

describe('a wrong brand file stops the build, naming the file and the field', () => {
  it('bad colour', () => {
    const file = tempBrand((y) => y.replace("accent: '#9b1c31'", "accent: 'crimson'"));
    expect(() => loadBrand(file, ROOT)).toThrow(/brand\.yaml: colours\.light\.accent: must be a colour written #rrggbb/);
  });

  it('colours that fail WCAG AA', () => {
    const file = tempBrand((y) => y.replace("accent: '#9b1c31'", "accent: '#ffdd00'"));
    expect(() => loadBrand(file, ROOT)).toThrow(BrandError);
    expect(() => loadBrand(file, ROOT)).toThrow(/colours\.light\.accent: links \(accent\) on the background is 1\.\d\d:1/);
  });

  it('a missing logo or field', () => {
    expect(() => loadBrand(tempBrand((y) => y.replace('logo: logo.svg', 'logo: nope.svg')), ROOT)).toThrow(/logo: file not found/);
    expect(() => loadBrand(tempBrand((y) => y.replace(/^credit:.*$/m, '')), ROOT)).toThrow(/: credit: is required/);
    expect(() => loadBrand('tests/fixtures/brand/missing.yaml', ROOT)).toThrow(/missing\.yaml: brand file not found/);
  });
});

describe('contrast', () => {
  it('matches WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  it('overrides are applied over the house palette', () => {
    expect(brandPalette({ light: { accent: '#000000' }, dark: {} }).light).toEqual({ ...housePaletteColours().light, accent: '#000000' });
  });
});
