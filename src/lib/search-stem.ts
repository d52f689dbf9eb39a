/**
 * Ukrainian search words as the Ukrainian search page sends them to Pagefind. Pure, so the rules
 * are unit-tested.
 *
 * Pagefind has no Ukrainian stemmer: it indexes each word as written (lower case, punctuation such
 * as ’ and ' dropped, ї and й folded to і and и) and matches every query word as a prefix of the
 * index's words. So «гарантій» finds only «гарантій», never «гарантії». The page therefore sends
 * each Cyrillic word's stem instead of the word: «гарантій», «гарантії» and «гарантіями» all become
 * «гарант», which Pagefind matches as a prefix of every form in the index. The index is unchanged
 * and excerpts highlight the words as the text has them.
 *
 * The stem is @orama/stemmers' Ukrainian stemmer (Apache-2.0), then any vowel it leaves at the end
 * cut off (it gives «гаранті» for «гарантії» but «гарант» for «гарантій»), never shorter than four
 * letters or the word, so a short stem («нат» for «НАТО») does not match half the index.
 *
 * The apostrophes ' ʼ ‘ ` are folded to ’ first: Pagefind drops ’ and ' (punctuation) from a query
 * as from the index, but keeps ʼ (U+02BC, a letter to Unicode), and «зобовʼязання» found only stray
 * words such as «з», never «зобов’язання».
 */
import { stemmer } from '@orama/stemmers/ukrainian';
import { normaliseApostrophes } from './apostrophes';

/** A stem is never cut shorter than this many characters, nor than the word. */
export const MIN_STEM = 4;

/** A word that is Cyrillic letters with apostrophes inside it: the words stemmed. */
const CYRILLIC_WORD = /^\p{Script=Cyrillic}+(?:’\p{Script=Cyrillic}+)*$/u;
/** What the stemmer may leave at the end of a stem: a vowel of the ending, an apostrophe. */
const TRAILING = /[аеєиіїоуюя’]+$/u;

/**
 * One word as the index is searched for it: «Гарантій» → «гарант», «Бельгією» → «бельг»,
 * «п'ята» → «п’ят», «НАТО» → «нато». Lower case, apostrophes as ’. A word that is not Cyrillic
 * letters and apostrophes (a number, a Latin name, a hyphenated word) is only lower-cased and has
 * its apostrophes folded.
 */
export function searchStem(word: string): string {
  const lower = normaliseApostrophes(word.toLocaleLowerCase('uk'));
  if (!CYRILLIC_WORD.test(lower)) return lower;
  const stem = stemmer(lower).replace(TRAILING, '');
  // The stem is the word's beginning (the stemmer only cuts endings); keep at least MIN_STEM of it.
  const length = Math.max(stem.length, Math.min(MIN_STEM, lower.length));
  return lower.startsWith(stem) ? lower.slice(0, length) : stem;
}

/**
 * A reader's query as it is sent to Pagefind: each word stemmed (searchStem), the punctuation
 * around it kept for Pagefind to drop. A quoted query (Pagefind's exact phrase search) keeps its
 * words and only has its apostrophes folded.
 *   stemQuery('гарантій Бельгії') → 'гарант бельг'; stemQuery('«Коаліції охочих»') → '«коаліц охоч»'
 */
export function stemQuery(query: string): string {
  if (query.includes('"')) return normaliseApostrophes(query);
  return query
    .trim()
    .split(/\s+/)
    .map((token) => {
      const [, before = '', word = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(normaliseApostrophes(token)) ?? [];
      return before + searchStem(word) + after;
    })
    .join(' ');
}
