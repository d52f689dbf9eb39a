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
  // The editions' folders (translations.ts LANGUAGES): /uk/ is the Ukrainian edition.
  'en',
  'uk',
] as const;

export const isReservedId = (id: string): boolean => (RESERVED_IDS as readonly string[]).includes(id);

/**
 * Names the first character an id may not hold, so a look-alike is found: a Cyrillic "а"
 * (U+0430) looks like a Latin "a" but makes another id.
 */
export function idCharacterHint(value: string): string {
  const bad = [...value].findIndex((c) => !/[a-z0-9-]/.test(c));
  if (bad < 0) return '';
  const c = [...value][bad]!;
  const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const shown = /\p{L}|\p{N}|\p{P}|\p{S}/u.test(c) ? `"${c}" (${code})` : code;
  return `; character ${bad + 1} is ${shown}`;
}
