/**
 * The colour theme of an embed page. An embed sits inside someone else's article, which is
 * almost always light: a reader whose system is dark would otherwise see a black slab in a white
 * page. So embed pages are light by default, whatever the reader's `prefers-color-scheme`, and
 * dark only when the host asks, with `data-theme="dark"` (always dark) or `data-theme="auto"`
 * (the reader's setting) on the code, which reaches the embed page as `?theme=`.
 *
 * The light default is in the built HTML (`<html data-theme="light">`, dark image sources that
 * match nothing), so it holds without JavaScript; the embed page's bundled script
 * (src/scripts/embed-reporter.ts) applies an asked-for dark or auto theme. Pure, unit-tested.
 */

export type EmbedTheme = 'light' | 'dark' | 'auto';

/** What an embed shows when nobody asks for anything else. */
export const DEFAULT_THEME: EmbedTheme = 'light';
/** The query parameter the embed page reads, and the attribute a code carries. */
export const THEME_PARAM = 'theme';
export const THEME_ATTR = 'data-theme';
/** On embed pages, a dark <source> keeps its real media query here (ChartFrame.astro). */
export const THEME_MEDIA_ATTR = 'data-theme-media';
/** A media query that never matches: a dark <source> switched off. */
export const NEVER = 'not all';

/** A theme named by a code's attribute or the page's query, or undefined for anything else. */
export function parseTheme(raw: string | null | undefined): EmbedTheme | undefined {
  const v = raw?.trim().toLowerCase();
  return v === 'light' || v === 'dark' || v === 'auto' ? v : undefined;
}

/**
 * The media query of a dark image <source> under a theme. The source was built for the reader's
 * setting (`… and (prefers-color-scheme: dark)`): light switches it off, auto keeps it, dark
 * drops the colour-scheme condition so only the rest (screen, width) decides.
 */
export function darkSourceMedia(media: string, theme: EmbedTheme): string {
  if (theme === 'light') return NEVER;
  if (theme === 'auto') return media;
  const rest = media
    .replace(/\s*\band\s+\(\s*prefers-color-scheme\s*:\s*dark\s*\)/g, '')
    .replace(/^\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*(?:and\s+)?/, '')
    .trim();
  return rest || 'all';
}

/** An embed URL carrying the theme a code asked for (an existing ?theme= is replaced); unchanged for none. */
export function withTheme(url: URL, theme: EmbedTheme | undefined): URL {
  if (!theme) return url;
  const out = new URL(url.href);
  out.searchParams.set(THEME_PARAM, theme);
  return out;
}
