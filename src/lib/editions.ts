/**
 * Where each edition lives. An edition is one language of the whole site, built on its own
 * (src/cli/build.ts runs one Astro build per edition): English at the root and Ukrainian under
 * uk/ when both are published; an edition published alone is at the root. Pure, so the config,
 * the pages and the tests agree on every path.
 */
import { LANGUAGES, SOURCE_LANGUAGE, isLanguage, type Language } from './content/languages';
import { normaliseBase } from './urls';

/** The edition at the site's root: English when it is published, else the only one. */
export const rootEdition = (languages: readonly Language[]): Language => (languages.includes(SOURCE_LANGUAGE) ? SOURCE_LANGUAGE : languages[0]!);

/** The editions in the order they are built: the root one first, so its build may empty the output folder. */
export const buildOrder = (languages: readonly Language[]): Language[] => {
  const root = rootEdition(languages);
  return [root, ...LANGUAGES.filter((l) => l !== root && languages.includes(l))];
};

/** '' for the root edition, 'uk/' for the others. */
export const editionFolder = (lang: Language, languages: readonly Language[]): string => (lang === rootEdition(languages) ? '' : `${lang}/`);

/** The base path of an edition under the site's base: '/sub/' → '/sub/uk/'. */
export const editionBase = (siteBase: string, lang: Language, languages: readonly Language[]): string =>
  normaliseBase(`${normaliseBase(siteBase)}${editionFolder(lang, languages)}`);

/**
 * The same place in another edition. `pathname` is a path on the site as served (base included),
 * from the edition `from`; the answer keeps its fragment and query.
 *   counterpart('/sub/article-5/#legal-form', 'en', 'uk', '/sub/', ['en', 'uk']) → '/sub/uk/article-5/#legal-form'
 */
export function counterpart(pathname: string, from: Language, to: Language, siteBase: string, languages: readonly Language[]): string {
  const fromBase = editionBase(siteBase, from, languages);
  const rest = pathname.startsWith(fromBase) ? pathname.slice(fromBase.length) : pathname.replace(/^\/+/, '');
  return `${editionBase(siteBase, to, languages)}${rest}`;
}

/** The card collection's entry id of a card in an edition: 'article-5/legal-form', 'uk/article-5/legal-form'. */
export const cardEntryId = (lang: Language, cardPath: string) => (lang === SOURCE_LANGUAGE ? cardPath : `${lang}/${cardPath}`);

/** `<html lang>` and the feed's language. */
export const HTML_LANG: Record<Language, string> = { en: 'en', uk: 'uk' };
/** Open Graph's locale. */
export const OG_LOCALE: Record<Language, string> = { en: 'en_GB', uk: 'uk_UA' };
/** Each edition's name in its own language, for the switch between them. */
export const EDITION_NAME: Record<Language, string> = { en: 'English', uk: 'Українська' };

/**
 * The edition this build makes. Astro's config puts it in `import.meta.env.EDITION` (for pages
 * and client scripts); plain Node (the config itself, the command-line tools, unit tests) reads
 * the EDITION environment variable. English when neither says.
 */
export function currentEdition(): Language {
  const env = (import.meta as { env?: Record<string, string | undefined> }).env;
  const fromEnv = env?.EDITION ?? (typeof process === 'undefined' ? undefined : process.env.EDITION);
  if (fromEnv === undefined || fromEnv === '') return SOURCE_LANGUAGE;
  if (!isLanguage(fromEnv)) throw new Error(`EDITION=${fromEnv}: must be one of ${LANGUAGES.join(', ')}`);
  return fromEnv;
}

/** The site's base path, every edition's parent ('/sub/'), as the config gave it. */
export function siteBase(): string {
  const env = (import.meta as { env?: Record<string, string | undefined> }).env;
  return normaliseBase(env?.SITE_BASE ?? (typeof process === 'undefined' ? undefined : process.env.BASE_PATH) ?? '/');
}

export interface EditionLink {
  lang: Language;
  /** The same place in that edition, a path on the site (base included). */
  href: string;
  name: string;
  current: boolean;
}

/** The same page in every published edition, for hreflang links and the language switch. */
export function editionLinks(pathname: string, from: Language, languages: readonly Language[], base: string = siteBase()): EditionLink[] {
  return buildOrder(languages).map((lang) => ({
    lang,
    href: counterpart(pathname, from, lang, base, languages),
    name: EDITION_NAME[lang],
    current: lang === from,
  }));
}
