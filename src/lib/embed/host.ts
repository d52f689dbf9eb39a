/**
 * The host page's side: the rules our host script (src/scripts/embed-host.ts, served as
 * <base>embed.js) applies before it touches the host page. Pure, so every hostile input has a
 * unit test. The host script additionally checks that a message's `event.source` is the
 * window of an iframe it created itself; these functions check everything else.
 *
 * What it never does, whatever a message says: navigate, or put message data into the DOM. The
 * only effect of a message is a number of pixels on the height of our own iframe.
 */

import { parseTheme, withTheme } from './theme';

/** The placeholder attribute: `<div data-explainer-embed="https://…/embed/…/">`. */
export const EMBED_ATTR = 'data-explainer-embed';
/** Optional starting height in px, written into the snippet from the build's estimate. */
export const HEIGHT_ATTR = 'data-height';

/** Heights above this are not a page but a bug or an attack: the message is ignored. */
export const REJECT_ABOVE = 100_000;
/** Accepted heights are clamped into this range before they are applied. */
export const MIN_HEIGHT = 60;
export const MAX_HEIGHT = 20_000;
/** Used when the placeholder gives no usable starting height. */
export const DEFAULT_HEIGHT = 600;

const clamp = (n: number) => Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(n)));

/**
 * The height a message asks for, or null when the message is not a height report we accept.
 * We read one shape only, AMP's `{sentinel:'amp', type:'embed-size', height:<number>}`, which
 * our embed pages always post; every other shape, type or value is ignored. Only own, plain
 * data properties are read (no getters run, no prototype lookups), and the height must be a
 * real number: strings like "500" are refused, as are NaN, Infinity, 0, negatives and absurd
 * values.
 */
export function readHeight(data: unknown): number | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const own = (key: string): unknown => {
    const d = Object.getOwnPropertyDescriptor(data, key);
    return d && 'value' in d ? d.value : undefined;
  };
  if (own('sentinel') !== 'amp' || own('type') !== 'embed-size') return null;
  const height = own('height');
  if (typeof height !== 'number' || !Number.isFinite(height)) return null;
  if (height <= 0 || height > REJECT_ABOVE) return null;
  return clamp(height);
}

/**
 * Accept a message event's data only from the origin the iframe was loaded from (the host
 * script has already matched `event.source` to that iframe's window). An iframe that has
 * navigated elsewhere no longer speaks for us.
 */
export function heightFromEvent(event: { origin: string; data: unknown }, frameOrigin: string): number | null {
  if (event.origin !== frameOrigin) return null;
  return readHeight(event.data);
}

/**
 * The iframe URL for a placeholder: an absolute http(s) URL, resolved against the host page.
 * Anything else (javascript:, data:, blob:, empty) gives null and no iframe is made.
 */
export function embedSrc(raw: string | null | undefined, pageHref: string): URL | null {
  if (!raw || !raw.trim()) return null;
  let url: URL;
  try {
    url = new URL(raw.trim(), pageHref);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}

/**
 * The iframe URL for a placeholder with its optional data-theme: the embed is light unless the
 * host's code asks for 'dark' or 'auto', which the embed page reads as ?theme= (./theme.ts).
 * An unknown theme is ignored, as if absent.
 */
export function frameSrc(raw: string | null | undefined, pageHref: string, themeRaw: string | null | undefined): URL | null {
  const url = embedSrc(raw, pageHref);
  return url && withTheme(url, parseTheme(themeRaw));
}

/** Starting height from the placeholder's data-height, clamped; a default when absent or bad. */
export function startHeight(raw: string | null | undefined): number {
  if (!raw || !/^\s*\d+(\.\d+)?\s*$/.test(raw)) return DEFAULT_HEIGHT;
  const n = Number(raw);
  return n > 0 && n <= REJECT_ABOVE ? clamp(n) : DEFAULT_HEIGHT;
}

/**
 * The iframe's accessible name: the placeholder's fallback link text (the unit's title),
 * collapsed to one line and capped, or a generic name. Text only; it is set with setAttribute.
 */
export function frameTitle(linkText: string | null | undefined, fallback: string): string {
  const text = (linkText ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
  return text || fallback;
}
