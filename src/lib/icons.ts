/**
 * The site's icons and web manifest. The social-cards integration draws the PNGs from the
 * brand's logo; BaseHead links them; src/pages/manifest.webmanifest.ts lists them.
 */
import { withBase } from './urls';

export const ICON_FILES = {
  svg: 'favicon.svg',
  png32: 'favicon-32.png',
  apple: 'apple-touch-icon.png',
  icon192: 'icon-192.png',
  icon512: 'icon-512.png',
} as const;

/**
 * The largest SVG logo written into each page's <head> as a data: URL instead of linked. Why:
 * a browser fetches the icon at `load`, on a connection of its own, and on the pages whose lead
 * is an image Lighthouse counted that fetch before the lead's paint (simulated mobile LCP
 * 1.05–1.06 s; 0.91–0.93 s without it). A house-sized logo (about 300 bytes) costs about 150
 * compressed bytes a page; a partner's detailed logo stays a file.
 */
export const INLINE_ICON_MAX_BYTES = 1024;

/**
 * The href of the SVG favicon: the logo itself as a data: URL when it is small, else the
 * favicon.svg file under the base; undefined when the brand's logo is not an SVG (no such file).
 */
export function svgIconHref(svg: string | undefined, base?: string): string | undefined {
  if (svg === undefined) return undefined;
  // Only the characters a data: URL or an attribute cannot carry are escaped, so the markup
  // stays short and compresses like the rest of the page.
  if (Buffer.byteLength(svg, 'utf8') <= INLINE_ICON_MAX_BYTES) return `data:image/svg+xml,${svg.trim().replace(/\s+/g, ' ').replace(/[%#<>" ]/g, encodeURIComponent)}`;
  return withBase(ICON_FILES.svg, base);
}

/** PNG icon file → its square size in pixels. */
export const ICON_SIZES: Record<string, number> = {
  [ICON_FILES.png32]: 32,
  [ICON_FILES.apple]: 180,
  [ICON_FILES.icon192]: 192,
  [ICON_FILES.icon512]: 512,
};

export interface ManifestInput {
  name: string;
  shortName: string;
  description: string;
  locale: string;
  background: string;
  theme: string;
  /** True when the brand logo is an SVG (then favicon.svg exists). */
  svgLogo: boolean;
}

/** The web app manifest (https://www.w3.org/TR/appmanifest/), every URL under the base. */
export function webManifest(input: ManifestInput, base?: string) {
  return {
    name: input.name,
    short_name: input.shortName,
    description: input.description,
    lang: input.locale,
    start_url: withBase('', base),
    scope: withBase('', base),
    display: 'browser',
    background_color: input.background,
    theme_color: input.theme,
    icons: [
      { src: withBase(ICON_FILES.icon192, base), sizes: '192x192', type: 'image/png' },
      { src: withBase(ICON_FILES.icon512, base), sizes: '512x512', type: 'image/png' },
      ...(input.svgLogo ? [{ src: withBase(ICON_FILES.svg, base), sizes: 'any', type: 'image/svg+xml' }] : []),
    ],
  };
}
