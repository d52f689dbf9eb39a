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
 *   - WordPress's `{ secret, message: "height", value }`, only when WordPress put `#?secret=` in our URL;
 *   - iframe-resizer v4's `[iFrameSizer]<id>:<height>:<width>:<type>`, only after its parent
 *     sent us its init message (which names the id).
 * The formats are documented by each project: pym.js's src/pym.js (MESSAGE_DELIMITER and
 * _makeMessage), Datawrapper's chart-core lib/embed.js, the AMP amp-iframe docs ("embed-size"),
 * WordPress's wp-includes/js/wp-embed.js, and iframe-resizer v4's MIT child script
 * (js/iframeResizer.contentWindow.js: receiver and sendMsg). No code is taken from them;
 * iframe-resizer v5 is GPL and was not read. docs/embedding.md has the table.
 */

import { parseTheme, THEME_PARAM, type EmbedTheme } from './theme';

export interface EmbedContext {
  /** pym.js child id (the parent element's id), when framed by pym.js. */
  childId?: string;
  /** iframe-resizer v4's frame id, once its parent has sent the init message. */
  resizerId?: string;
  /** WordPress's per-embed secret from `#?secret=…`, when framed by WordPress. */
  secret?: string;
  /** The theme the host asked for with ?theme=; absent means the default, light (./theme.ts). */
  theme?: EmbedTheme;
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

/** iframe-resizer v4 prefixes every message with this (iframeResizer.contentWindow.js: msgID). */
export const IFRAME_RESIZER_PREFIX = '[iFrameSizer]';

/**
 * The frame id in an iframe-resizer v4 parent's init message, or null for anything else. The
 * init message is `[iFrameSizer]<id>:<margin>:<calculateWidth>:<log>:…`; its third field is
 * `true` or `false` (the child script tells init messages apart the same way). Ids are element
 * ids the parent chose: no colon (the separator), no whitespace, not absurdly long.
 */
export function iframeResizerInitId(data: unknown): string | null {
  if (typeof data !== 'string' || !data.startsWith(IFRAME_RESIZER_PREFIX)) return null;
  const fields = data.slice(IFRAME_RESIZER_PREFIX.length).split(':');
  const id = fields[0]!;
  return fields[2] === 'true' || fields[2] === 'false' ? (CHILD_ID.test(id) ? id : null) : null;
}

/** The size report an iframe-resizer v4 parent reads: `[iFrameSizer]<id>:<height>:<width>:<type>`. */
export const iframeResizerMessage = (id: string, height: number, width: number, type: string) => `${IFRAME_RESIZER_PREFIX}${id}:${height}:${width}:${type}`;

/** Read the embed context from `location.search` and `location.hash`. */
export function readEmbedContext(search: string, hash: string): EmbedContext {
  const params = new URLSearchParams(search);
  const ctx: EmbedContext = { transparent: params.get('bg') === 'transparent' };
  const childId = params.get('childId');
  if (childId && CHILD_ID.test(childId)) ctx.childId = childId;
  const theme = parseTheme(params.get(THEME_PARAM));
  if (theme) ctx.theme = theme;
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
export function heightMessages(height: number, ctx: EmbedContext, unitId: string, href: string, width = 0): unknown[] {
  const messages: unknown[] = [
    { 'datawrapper-height': { [unitId]: height } },
    { sentinel: 'amp', type: 'embed-size', height },
    JSON.stringify({ src: href, context: 'iframe.resize', height }),
  ];
  if (ctx.childId) messages.push(pymMessage(ctx.childId, 'height', height));
  if (ctx.secret) messages.push({ secret: ctx.secret, message: 'height', value: height });
  if (ctx.resizerId) messages.push(iframeResizerMessage(ctx.resizerId, height, width, 'resize'));
  return messages;
}

/**
 * True when the parent asks us to report again: pym's parent sends its width on every resize
 * (pym's child answers with its height), WordPress's wp-embed.js sends `ready` on load, and an
 * iframe-resizer v4 parent sends `[iFrameSizer]resize` (or `reset`) after its init.
 * Only messages addressed to this embed (our childId, our secret) count.
 */
export function isHeightRequest(data: unknown, ctx: EmbedContext): boolean {
  if (typeof data === 'string') {
    if (ctx.resizerId && (data === `${IFRAME_RESIZER_PREFIX}resize` || data === `${IFRAME_RESIZER_PREFIX}reset`)) return true;
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
