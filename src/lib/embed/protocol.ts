/**
 * The embed page's side of the sizing protocols: what it reads from its own URL and the height
 * messages it posts to the page that frames it. Pure (strings and plain objects in and out), so
 * the exact wire formats are unit-tested; src/scripts/embed-reporter.ts does the DOM work.
 *
 * One height is posted in every dialect host pages already listen to, because the embed cannot
 * know which script (if any) the host runs:
 *   - pym.js 1.x strings, only when the parent gave us a `childId` (pym's parent adds it);
 *   - Datawrapper's `{ "datawrapper-height": { <id>: h } }` object;
 *   - AMP's `{ sentinel: "amp", type: "embed-size", height }` (also what our own host script reads);
 *   - the Medium/Embedly `iframe.resize` JSON string;
 *   - WordPress's `{ secret, message: "height", value }`, only when WordPress put `#?secret=` in our URL.
 * Formats, and the host scripts they come from: docs/embedding.md, "The height messages in detail".
 */

export type Theme = 'light' | 'dark';

export interface EmbedContext {
  /** pym.js child id (the parent element's id), when framed by pym.js. */
  childId?: string;
  /** WordPress's per-embed secret from `#?secret=…`, when framed by WordPress. */
  secret?: string;
  /** A forced colour theme; absent means follow the reader's setting ("auto"). */
  theme?: Theme;
  /** `?bg=transparent`: let the host page's background show through. */
  transparent: boolean;
}

/** pym.js joins message parts with this delimiter (pym.js src: MESSAGE_DELIMITER). */
export const PYM_DELIMITER = 'xPYMx';

// pym's own child reads childId with [\\?&]childId=([^&#]*); ids are element ids. Anything with
// whitespace, or absurdly long, is not one, and is ignored rather than echoed.
const CHILD_ID = /^[^\s]{1,128}$/;
// WordPress's wp-embed.js ignores secrets with anything but ASCII letters and digits.
const WP_SECRET = /^[A-Za-z0-9]{1,64}$/;

/** Read the embed context from `location.search` and `location.hash`. */
export function readEmbedContext(search: string, hash: string): EmbedContext {
  const params = new URLSearchParams(search);
  const ctx: EmbedContext = { transparent: params.get('bg') === 'transparent' };
  const childId = params.get('childId');
  if (childId && CHILD_ID.test(childId)) ctx.childId = childId;
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') ctx.theme = theme;
  // WordPress appends "#?secret=abc123" to the iframe src (wp_filter_oembed_result).
  const secret = /[#?&]secret=([^&#]*)/.exec(hash)?.[1];
  if (secret && WP_SECRET.test(secret)) ctx.secret = secret;
  return ctx;
}

/** The page's height as posted: whole pixels, rounded up so the frame never clips a fraction. */
export function toReportedHeight(px: number): number {
  return Number.isFinite(px) && px > 0 ? Math.ceil(px) : 0;
}

export const pymMessage = (childId: string, type: string, payload: string | number) =>
  ['pym', childId, type, String(payload)].join(PYM_DELIMITER);

/**
 * Every message that reports `height`, in the order they are posted.
 * `unitId` names the embed in the Datawrapper-style object; `href` is the `src` of iframe.resize.
 */
export function heightMessages(height: number, ctx: EmbedContext, unitId: string, href: string): unknown[] {
  const messages: unknown[] = [
    { 'datawrapper-height': { [unitId]: height } },
    { sentinel: 'amp', type: 'embed-size', height },
    JSON.stringify({ src: href, context: 'iframe.resize', height }),
  ];
  if (ctx.childId) messages.push(pymMessage(ctx.childId, 'height', height));
  if (ctx.secret) messages.push({ secret: ctx.secret, message: 'height', value: height });
  return messages;
}

/**
 * True when the parent asks us to report again: pym's parent sends its width on every resize
 * (pym's child answers with its height), and WordPress's wp-embed.js sends `ready` on load.
 * Only messages addressed to this embed (our childId, our secret) count.
 */
export function isHeightRequest(data: unknown, ctx: EmbedContext): boolean {
  if (typeof data === 'string') {
    return !!ctx.childId && data.startsWith(pymMessage(ctx.childId, 'width', ''));
  }
  if (data !== null && typeof data === 'object' && ctx.secret) {
    const d = data as Record<string, unknown>;
    return d.message === 'ready' && d.secret === ctx.secret;
  }
  return false;
}

/**
 * WordPress frames untrusted embeds with sandbox="allow-scripts", which blocks our links from
 * navigating the top window; wp-embed.js follows `{message:'link'}` for http(s) links to the
 * embed's own host. Returns the message for a link, or null for links it should not carry.
 */
export function wordpressLinkMessage(href: string, ctx: EmbedContext): { secret: string; message: 'link'; value: string } | null {
  if (!ctx.secret) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return { secret: ctx.secret, message: 'link', value: url.href };
}
