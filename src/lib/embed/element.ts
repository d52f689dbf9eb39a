/**
 * The rules the script embed (src/scripts/embed-element.ts, served as <base>embed/element.js)
 * applies to a fetched fragment before any of it reaches the host page. Pure, so each rule has a
 * unit test; the script walks the parsed (inert) document and asks these functions.
 *
 * The fragment is our own build's output, but it crosses the network into someone else's page,
 * so it is treated as untrusted: nothing in it may run. Elements that execute, load a document
 * or take input are dropped; so are event-handler and style attributes and any URL that is not
 * http(s). Only the script itself adds behaviour (none, today: links and <details> are native).
 */

/** The placeholder element of the script embed code: `<explainer-embed src="…/embed/…/">`. */
export const ELEMENT_NAME = 'explainer-embed';

/** Never copied into the host page, with everything inside them. */
export const DROPPED_ELEMENTS = new Set([
  'script', 'style', 'link', 'meta', 'base', 'title', 'noscript', 'template', 'slot',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe',
  'form', 'input', 'button', 'textarea', 'select', 'option', 'dialog',
  // SVG that runs, animates attributes (href included) or pulls in other documents
  'foreignobject', 'animate', 'set', 'animatemotion', 'animatetransform', 'use', 'image', 'handler', 'discard',
  'math',
]);

/** Attributes that carry a URL: kept only as absolute http(s) URLs. */
export const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'cite', 'poster', 'action', 'formaction', 'data', 'background', 'longdesc', 'ping']);

/** What to do with an element: keep it, drop it with its content, or keep only its content. */
export function elementRule(localName: string): 'keep' | 'drop' | 'unwrap' {
  const name = localName.toLowerCase();
  if (DROPPED_ELEMENTS.has(name)) return 'drop';
  // A custom element could start code the host page defined; only our own chart element stays,
  // as plain markup (nothing defines it in the host page).
  if (name.includes('-') && !name.startsWith('ex-')) return 'unwrap';
  return 'keep';
}

/** The absolute http(s) URL for a value, or null (javascript:, data:, blob:, garbage). */
export function safeUrl(value: string, base: string): string | null {
  let url: URL;
  try {
    // The URL parser strips what browsers strip ("java\tscript:" is javascript:), so the
    // protocol checked is the one a browser would use.
    url = new URL(value, base);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}

/** A srcset with every candidate's URL made safe, or null when one is not. */
export function safeSrcset(value: string, base: string): string | null {
  const out: string[] = [];
  for (const candidate of value.split(',').map((c) => c.trim()).filter(Boolean)) {
    const [url, ...descriptor] = candidate.split(/\s+/);
    const safe = safeUrl(url!, base);
    if (!safe) return null;
    out.push([safe, ...descriptor].join(' '));
  }
  return out.join(', ');
}

/**
 * What to do with an attribute: null drops it, a string is the value to keep. Event handlers
 * (on*), inline styles (the host's CSP would refuse them anyway), srcdoc and anything naming a
 * non-http(s) URL are dropped.
 */
export function attributeValue(name: string, value: string, base: string): string | null {
  const n = name.toLowerCase();
  if (n.startsWith('on') || n === 'style' || n === 'srcdoc' || n === 'is') return null;
  if (URL_ATTRIBUTES.has(n)) return safeUrl(value, base);
  if (n === 'srcset' || n === 'imagesrcset') return safeSrcset(value, base);
  return value;
}

/** The fragment's URL for an embed page URL: its fragment.json, from our origin only. */
export function fragmentUrl(src: string | null, pageHref: string): URL | null {
  const page = src ? safeUrl(src, pageHref) : null;
  if (!page) return null;
  const url = new URL(page);
  url.hash = '';
  url.search = '';
  url.pathname = url.pathname.replace(/\/?$/, '/');
  return new URL('fragment.json', url);
}
