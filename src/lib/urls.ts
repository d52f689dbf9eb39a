/**
 * The one place that knows the base path. Every internal URL goes through `withBase`, because
 * Astro adds `base` only to its own bundled assets, never to hand-written links (Astro 7).
 * Pure: the base is a parameter (defaulting to Astro's BASE_URL) so tests can pass any base.
 */

/** '/x' | 'x' | '/x/' | '' → '/x/' ; always a leading and trailing slash. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function currentBase(): string {
  // import.meta.env is undefined when this module is loaded by plain Node (the config file).
  const env = (import.meta as { env?: Record<string, string | undefined> }).env;
  return normaliseBase(env?.BASE_URL ?? '/');
}

/**
 * Prefix a site-relative path with the base. Page paths get a trailing slash
 * (trailingSlash: 'always'); paths to files (with an extension) and fragments keep theirs.
 *   withBase('security-guarantees', '/sub/') → '/sub/security-guarantees/'
 *   withBase('/rss.xml', '/sub/')            → '/sub/rss.xml'
 *   withBase('article-5/#who-is-bound')      → '/article-5/#who-is-bound'
 */
export function withBase(path: string, base: string = currentBase()): string {
  const b = normaliseBase(base);
  const [pathPart = '', hash] = path.split('#', 2);
  const [route = '', query] = pathPart.split('?', 2);
  let p = route.replace(/^\/+/, '');
  const lastSegment = p.split('/').pop() ?? '';
  if (p && !p.endsWith('/') && !lastSegment.includes('.')) p += '/';
  return `${b}${p}${query !== undefined ? `?${query}` : ''}${hash !== undefined ? `#${hash}` : ''}`;
}

/** An absolute URL for feeds, canonical links, Open Graph and oEmbed. */
export function absoluteUrl(path: string, site: string, base?: string): string {
  return new URL(withBase(path, base), site).href;
}

/** Path of a stack page. */
export const stackPath = (stack: string, base?: string) => withBase(`${stack}/`, base);

/** Path of a card: its anchor on its stack page. */
export const cardPath = (stack: string, card: string, base?: string) => withBase(`${stack}/#${card}`, base);

/** Path of a card's embed page. */
export const cardEmbedPath = (stack: string, card: string, base?: string) =>
  withBase(`embed/${stack}/${card}/`, base);

/** Path of a chart's embed page. */
export const chartEmbedPath = (chart: string, base?: string) => withBase(`embed/chart/${chart}/`, base);

/** Path of an embed page's oEmbed document, which sits next to it: '…/embed/x/y/oembed.json'. */
export const oembedPath = (embedPath: string) => `${embedPath.replace(/\/?$/, '/')}oembed.json`;

/** The embed host script newsrooms load: a stable, unhashed URL, so pasted snippets keep working. */
export const embedScriptPath = (base?: string) => withBase('embed.js', base);
/** The script embed's script (src/scripts/embed-element.ts), next to its stylesheet element.css. */
export const embedElementScriptPath = (base?: string) => withBase('embed/element.js', base);

/** Anchor of a source on the sources page. */
export const sourcePath = (source: string, base?: string) => withBase(`sources/#source-${source}`, base);
