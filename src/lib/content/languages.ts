/**
 * The editions the site can build. English is the one every other edition translates; each
 * other edition lives under its code (/uk/) when English is published too, at the root when
 * it is published alone.
 */
export const LANGUAGES = ['en', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];
export const SOURCE_LANGUAGE: Language = 'en';
export const isLanguage = (s: string): s is Language => (LANGUAGES as readonly string[]).includes(s);
