/**
 * Reads the brand file once per build: src/config/brand.yaml, or the file named by the
 * BRAND_FILE environment variable (a path relative to the project root), so a partner builds
 * its own branded copy with
 *
 *   BRAND_FILE=partner/brand.yaml SITE_URL=https://news.example BASE_PATH=/graphics/ukraine/ npm run build
 *
 * A wrong brand file stops the build with the file, the field and what is wrong, like content.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { decodeContent, hiddenCharactersInData } from '../lib/content/text';
import { fieldPath } from '../lib/content/field-path';
import { brandSchema, type BrandFile } from './brand-schema';
import { brandPalette, checkContrast, type BrandPalette } from '../lib/brand-palette';
import { currentEdition, HTML_LANG } from '../lib/editions';
import { SOURCE_LANGUAGE, type Language } from '../lib/content/languages';

export const DEFAULT_BRAND_FILE = 'src/config/brand.yaml';

export interface Brand extends BrandFile {
  /** The brand file, relative to the project root (for messages). */
  file: string;
  /** The logo on disk. */
  logoFile: string;
  /** House palette plus the brand's overrides. */
  palette: BrandPalette;
  /** The author, defaulting to the publisher. */
  byline: { name: string; url: string };
}

export class BrandError extends Error {
  override name = 'BrandError';
  constructor(message: string) {
    super(message);
    // A refusal for the partner who edits the brand: the sentence, not where our code noticed.
    this.stack = '';
  }
}

export function loadBrand(file: string = process.env.BRAND_FILE || DEFAULT_BRAND_FILE, root: string = process.cwd()): Brand {
  const path = isAbsolute(file) ? file : resolve(root, file);
  const shown = relative(root, path).split('\\').join('/');
  if (!existsSync(path)) throw new BrandError(`${shown}: brand file not found (BRAND_FILE=${process.env.BRAND_FILE ?? ''})`);
  const decoded = decodeContent(readFileSync(path));
  if ('badByte' in decoded) throw new BrandError(`${shown}: (file): is not UTF-8 at byte ${decoded.badByte}; save it as UTF-8`);
  let raw: unknown;
  try {
    raw = parse(decoded.text);
  } catch (e) {
    throw new BrandError(`${shown}: not valid YAML: ${(e as Error).message}`);
  }
  const hidden = hiddenCharactersInData(raw);
  if (hidden.length) throw new BrandError(`The brand file has ${hidden.length} problem(s):\n  ${hidden.map((h) => `${shown}: ${fieldPath(h.path)}: ${h.message}`).join('\n  ')}`);
  const parsed = brandSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${shown}: ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new BrandError(`The brand file has ${lines.length} problem(s):\n  ${lines.join('\n  ')}`);
  }
  const data = parsed.data;
  const palette = brandPalette(data.colours);
  const contrast = checkContrast(palette);
  if (contrast.length) {
    throw new BrandError(`The brand's colours fail WCAG AA:\n  ${contrast.map((p) => `${shown}: ${p.field}: ${p.message}`).join('\n  ')}`);
  }
  const logoFile = join(dirname(path), data.logo);
  if (!existsSync(logoFile)) throw new BrandError(`${shown}: logo: file not found: ${relative(root, logoFile)}`);
  return { ...data, file: shown, logoFile, palette, byline: data.author ?? data.publisher };
}

let cached: Brand | undefined;
const editions = new Map<Language, Brand>();
/**
 * The brand of this build (read once), in the build's edition: the Ukrainian edition has the
 * brand's Ukrainian name, short name and credit, and the locale `uk` (<html lang>, the feed,
 * JSON-LD inLanguage).
 */
export function getBrand(): Brand {
  cached ??= loadBrand();
  const lang = currentEdition();
  if (lang === SOURCE_LANGUAGE) return cached;
  let brand = editions.get(lang);
  if (!brand) {
    brand = { ...cached, ...cached.translations[lang], locale: HTML_LANG[lang] };
    editions.set(lang, brand);
  }
  return brand;
}

/** Whether a brand's logo is an SVG (then it is also the site's favicon.svg), not a PNG. */
export const logoIsSvg = (brand: Pick<Brand, 'logoFile'>): boolean => brand.logoFile.toLowerCase().endsWith('.svg');

let cachedSvg: { svg: string | undefined } | undefined;
/** The brand's logo as SVG text, or undefined when the logo is a PNG (read once). */
export function getBrandSvgLogo(): string | undefined {
  const brand = getBrand();
  cachedSvg ??= { svg: logoIsSvg(brand) ? readFileSync(brand.logoFile, 'utf8') : undefined };
  return cachedSvg.svg;
}
