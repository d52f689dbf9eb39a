import { LANGUAGES } from '../lib/content/languages';
import { z } from 'astro/zod';
import { httpUrl, nonEmpty, typeError } from '../lib/content/schemas/common';

const hex = z
  .string({ error: typeError('a colour written #rrggbb') })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour written #rrggbb' })
  .transform((c) => c.toLowerCase());

/** The palette keys a brand may override (see src/lib/palette.ts); anything left out keeps the house colour. */
export const BRAND_COLOUR_KEYS = ['bg', 'surface', 'text', 'muted', 'border', 'accent', 'focus'] as const;
export type BrandColourKey = (typeof BRAND_COLOUR_KEYS)[number];

const colourOverrides = z.strictObject(Object.fromEntries(BRAND_COLOUR_KEYS.map((k) => [k, hex.optional()])) as Record<BrandColourKey, z.ZodOptional<typeof hex>>);

const organisation = z.strictObject({
  name: nonEmpty,
  url: httpUrl,
});

/**
 * The brand: everything that differs between our copy of the site and a partner's white-label
 * copy. One YAML file (src/config/brand.yaml, or the file named by BRAND_FILE), read by the
 * layouts, embeds, social cards, JSON-LD, the feed and the web manifest.
 */
export const brandSchema = z.strictObject({
  /** The site's name: header, page titles, social cards, feed title, manifest. */
  name: nonEmpty,
  /** A short name: the suffix of page titles and the manifest's short_name. */
  shortName: nonEmpty.refine((s) => s.length <= 30, { error: 'must be at most 30 characters' }),
  /** Where the site lives when SITE_URL is not set, e.g. https://news.example. */
  url: httpUrl,
  /** Who publishes it: JSON-LD publisher, feed, oEmbed provider. */
  publisher: organisation,
  /** Who wrote it (JSON-LD author); the publisher when left out. */
  author: organisation.optional(),
  /** A square logo, SVG or PNG, path relative to this file: favicon, app icons, social cards, JSON-LD logo. */
  logo: nonEmpty.refine((p) => /\.(svg|png)$/i.test(p), { error: 'must be an .svg or .png file' }),
  /** The credit line under every page and every embed. */
  credit: nonEmpty,
  /** BCP 47 language tag of the text: <html lang>, og:locale, the feed's language, JSON-LD inLanguage. */
  locale: z.string({ error: typeError('a language tag such as en-GB') }).regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, { error: 'must be a language tag such as en or en-GB' }),
  /** Overrides of the house palette, per colour scheme. Every text/background pair is checked for WCAG AA. */
  colours: z.strictObject({ light: colourOverrides.default({}), dark: colourOverrides.default({}) }).default({ light: {}, dark: {} }),
  /** CSS font stacks. A self-hosted font needs its @font-face in a stylesheet as well. */
  fonts: z.strictObject({ sans: nonEmpty, serif: nonEmpty }),
  /** The licence readers may reuse the data under (JSON-LD Dataset license). Left out: no licence is claimed. */
  license: organisation.optional(),
  /** Where readers report an error (the standards note on /sources/). Left out: the note names the publisher only. */
  contact: z.email({ error: 'must be an email address' }).optional(),
  /** The publisher's X/Twitter handle, for twitter:site. */
  twitter: z.string().regex(/^@\w{1,15}$/, { error: 'must be a handle such as @desk' }).optional(),
  /**
   * The editions to publish: English at the root and Ukrainian under uk/ (the default), or one
   * of them alone, at the root. The first is the root edition.
   */
  languages: z
    .array(z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }))
    .min(1, { error: 'needs at least one edition' })
    .refine((l) => new Set(l).size === l.length, { error: 'lists an edition twice' })
    .default(['en', 'uk']),
  /** The brand's words in each edition besides English: name, short name and credit line. */
  translations: z
    .partialRecord(z.enum(LANGUAGES), z.strictObject({ name: nonEmpty, shortName: nonEmpty.refine((s) => s.length <= 30, { error: 'must be at most 30 characters' }), credit: nonEmpty }))
    .default({}),
}).superRefine((b, ctx) => {
  for (const lang of b.languages) {
    if (lang !== 'en' && !b.translations[lang]) {
      ctx.addIssue({ code: 'custom', path: ['translations', lang], message: `is required: the ${lang} edition is published (languages) and needs the brand's name, shortName and credit in it` });
    }
  }
});
export type BrandFile = z.infer<typeof brandSchema>;
