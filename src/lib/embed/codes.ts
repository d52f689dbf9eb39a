/**
 * The embed codes an editor copies and the oEmbed document a CMS fetches, for one embeddable
 * unit (a card or a chart). Pure: a unit with absolute URLs in, strings and JSON out. The same
 * functions feed the "Embed" control, the gallery, the oEmbed files and the tests, so what an
 * editor copies is exactly what is tested.
 */
import { ELEMENT_NAME } from './element';
import { EMBED_ATTR, HEIGHT_ATTR } from './host';
import { THEME_ATTR, withTheme, type EmbedTheme } from './theme';
import type { HeightClass } from './heights';

export interface EmbedUnit {
  kind: 'card' | 'chart';
  /** 'security-guarantees/european-force' or 'chart/troop-figures': unique across units. */
  key: string;
  title: string;
  /** Absolute URL of the embed page. */
  embedUrl: string;
  /** Absolute URL of the unit in the article (the card's or chart's anchor). */
  pageUrl: string;
  /** Absolute URL of the unit's oEmbed JSON. */
  oembedUrl: string;
  /** Starting / fixed height in px for a column about 600 px wide. */
  height: number;
  /**
   * The plain iframe's height for each column width, measured from the built unit
   * (src/lib/embed/heights.ts); absent when the unit's height varies too much for a fixed frame:
   * then only the self-sizing codes are offered.
   */
  heightClasses?: readonly HeightClass[];
  /** A raster image of the unit, for oEmbed thumbnail_url (charts). */
  thumbnail?: { url: string; width: number; height: number };
}

/** Escape text for an HTML attribute value or element content. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Options of the iframe codes. `theme`: the embed is light by default, whatever the reader's
 * system says (./theme.ts); 'dark' or 'auto' (the reader's setting) for a host that asks.
 */
export interface CodeOptions {
  theme?: EmbedTheme;
  /** The iframe's height, when not the unit's own (a height class for another column width). */
  height?: number;
}

/**
 * The recommended code: a placeholder that is a plain link until our host script turns it into
 * a self-sizing iframe. Without the script (a CMS that strips it, a reader without JavaScript)
 * the host page still shows a link to the card. A theme goes on the placeholder as data-theme,
 * which the host script carries to the iframe's URL.
 */
export function responsiveSnippet(unit: EmbedUnit, hostScriptUrl: string, options: CodeOptions = {}): string {
  const e = escapeHtml;
  const theme = options.theme ? ` ${THEME_ATTR}="${options.theme}"` : '';
  return (
    `<div ${EMBED_ATTR}="${e(unit.embedUrl)}" ${HEIGHT_ATTR}="${unit.height}"${theme}><a href="${e(unit.pageUrl)}">${e(unit.title)}</a></div>\n` +
    `<script async src="${e(hostScriptUrl)}"></script>`
  );
}

/**
 * The script embed, without an iframe: a placeholder element that is a plain link until our
 * script (src/scripts/embed-element.ts) renders the unit into it, in a Shadow DOM. Several on
 * one page share the script.
 */
export function scriptSnippet(unit: EmbedUnit, elementScriptUrl: string): string {
  const e = escapeHtml;
  return (
    `<${ELEMENT_NAME} src="${e(unit.embedUrl)}" ${HEIGHT_ATTR}="${unit.height}"><a href="${e(unit.pageUrl)}">${e(unit.title)}</a></${ELEMENT_NAME}>\n` +
    `<script async src="${e(elementScriptUrl)}"></script>`
  );
}

/**
 * For CMSs that strip scripts: a plain iframe at a fixed height, by default the height class for
 * a 600 px column (unit.heightClasses; `options.height` for another). Offered only for units
 * that have height classes. No script
 * reads attributes here, so a theme goes straight into the src as ?theme=.
 */
export function iframeSnippet(unit: EmbedUnit, options: CodeOptions = {}): string {
  const e = escapeHtml;
  const src = withTheme(new URL(unit.embedUrl), options.theme).href;
  return `<iframe src="${e(src)}" title="${e(unit.title)}" width="100%" height="${options.height ?? unit.height}" loading="lazy" style="width:100%;border:0"></iframe>`;
}

/** The oEmbed 1.0 "rich" response (https://oembed.com §2.3.4, §2.3.4.4). */
export interface OEmbedRich {
  type: 'rich';
  version: '1.0';
  title: string;
  provider_name: string;
  provider_url: string;
  author_name?: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

/** Width advertised in oEmbed; the iframe itself is 100% wide so it fits any column. */
export const OEMBED_WIDTH = 600;

/**
 * The oEmbed `html`: a <blockquote> fallback link followed by the iframe. WordPress keeps exactly
 * this pair from an untrusted provider (wp_filter_oembed_result keeps <blockquote>, <a href> and
 * <iframe src width height frameborder marginwidth marginheight scrolling title>, matching
 * `(<blockquote>…</blockquote>)?…(<iframe…></iframe>)`), shows the link until the embed talks
 * back, then swaps in the iframe, adding `#?secret=` to its URL for the height messages.
 */
export function oembedHtml(unit: EmbedUnit): string {
  const e = escapeHtml;
  return (
    `<blockquote><a href="${e(unit.pageUrl)}">${e(unit.title)}</a></blockquote>` +
    `<iframe src="${e(unit.embedUrl)}" width="100%" height="${unit.height}" title="${e(unit.title)}" frameborder="0"></iframe>`
  );
}

export function oembedDocument(unit: EmbedUnit, provider: { name: string; url: string; author?: string }): OEmbedRich {
  const doc: OEmbedRich = {
    type: 'rich',
    version: '1.0',
    title: unit.title,
    provider_name: provider.name,
    provider_url: provider.url,
    ...(provider.author ? { author_name: provider.author } : {}),
    // A day: consumers that cache the response pick up a changed title or height the next day.
    cache_age: 86_400,
    html: oembedHtml(unit),
    width: OEMBED_WIDTH,
    height: unit.height,
  };
  if (unit.thumbnail) {
    // The spec requires the three thumbnail fields together.
    doc.thumbnail_url = unit.thumbnail.url;
    doc.thumbnail_width = unit.thumbnail.width;
    doc.thumbnail_height = unit.thumbnail.height;
  }
  return doc;
}

/** The discovery link for a page's <head> (oEmbed spec §4). */
export const OEMBED_LINK_TYPE = 'application/json+oembed';

/**
 * Extra height, at a 600 px column, of the block components authors place in cards (measured on
 * the built embeds): per quote, per timeline event, per comparison row, per layer or ladder step.
 * Inline components (Cite, Value) are counted as words.
 */
export const BLOCK_HEIGHT = { quote: 120, timelineEvent: 105, comparisonRow: 250, layerItem: 100, block: 80 } as const;

/**
 * A starting height for a card at a 600 px column, from its MDX body plus `blocks` (the height
 * of its charts, timelines and other block components, from their data): enough that the
 * fixed-height iframe rarely scrolls and the responsive one rarely jumps. Only a fallback now: a
 * unit's codes take its measured heights (src/lib/embed/heights.ts, src/data/embed-heights.json),
 * and a unit not measured yet gets the self-sizing codes alone, starting from this estimate.
 */
export function estimateCardHeight(body: string, title: string, dek: string, blocks = 0): number {
  const text = body
    .replace(/<[A-Z][^>]*\/>/g, ' xxxxxxxxxxxxxxxxxxxx ') // an inline component renders some words
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const paragraphs = body.split(/\n\s*\n/).filter((b) => b.trim()).length;
  const lines = (chars: number, perLine: number) => Math.max(1, Math.ceil(chars / perLine));
  const heading = lines(title.length, 45) * 36;
  const standfirst = lines(dek.length, 60) * 31;
  const prose = lines(text.length, 68) * 29 + paragraphs * 18;
  const chrome = 230; // sources and changes summaries, the embed's footer, padding
  const estimate = heading + standfirst + prose + chrome + Math.max(0, blocks);
  return Math.min(6000, Math.max(320, Math.ceil(estimate / 10) * 10));
}
