/**
 * What an id may be. Ids are URLs (a stack's page, a card's anchor and embed), so the content
 * check and the card scaffold (./card-scaffold.ts) refuse the same ones. Kept free of imports so
 * the scaffold's command runs on Node's own TypeScript support.
 */

/** kebab-case: lower-case letters and digits, words joined by single hyphens. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Top-level routes a stack or card id must never take. */
export const RESERVED_IDS = [
  'embed',
  'sources',
  'updates',
  'search',
  'chart',
  'oembed',
  'pagefind',
  'rss',
  '404',
  '_astro',
  'data',
  'charts',
  'og',
  'thumbs',
] as const;

export const isReservedId = (id: string): boolean => (RESERVED_IDS as readonly string[]).includes(id);
