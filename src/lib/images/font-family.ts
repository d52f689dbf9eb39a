/**
 * Font names for drawings, kept free of the canvas binding so the browser's chart code can
 * import them too.
 *
 * - PAGE_FONT: the page's sans-serif system stack (docs/design.md, "Typography in graphics").
 *   The static chart SVGs name it on their <text> elements, so the browser draws a chart's
 *   words in the same face as the page around it and the Chart.js canvas that replaces it.
 * - IMAGE_FONT: what the build rasterises PNGs with (and measures SVG layout with): Inter
 *   from @fontsource/inter, registered under private names by ./fonts.ts, in fallback order
 *   of its subsets. Private names, so a system font called "Inter" is never picked.
 */
export const PAGE_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/** Fontsource subsets registered, in fallback order. */
export const IMAGE_FONT_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'] as const;
export const imageFontFamily = (subset: string) => `ExInter-${subset}`;
export const IMAGE_FONT = IMAGE_FONT_SUBSETS.map(imageFontFamily).join(', ');
/** A CSS font shorthand in the image font. */
export const imageFont = (weight: number, size: number) => `${weight} ${size}px ${IMAGE_FONT}`;
