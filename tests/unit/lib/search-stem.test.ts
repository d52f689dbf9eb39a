import { describe, expect, it } from 'vitest';
import { MIN_STEM, searchStem, stemQuery } from '../../../src/lib/search-stem';
import { normaliseApostrophes } from '../../../src/lib/apostrophes';

/** Each form's stem, and the stem must start every form: Pagefind matches it as a prefix. */
function joins(forms: string[]): string {
  const stems = new Set(forms.map(searchStem));
  expect(stems.size, `${forms.join(', ')} → ${[...stems].join(', ')}`).toBe(1);
  const [stem] = stems;
  for (const form of forms) expect(normaliseApostrophes(form.toLocaleLowerCase('uk')).startsWith(stem!), `${form} starts with ${stem}`).toBe(true);
  return stem!;
}

describe('searchStem', () => {
  it('gives the inflected forms of a word one stem that starts each of them', () => {
    expect(joins(['гарантія', 'гарантії', 'гарантій', 'гарантію', 'гарантіями', 'гарантіях'])).toBe('гарант');
    expect(joins(['Бельгія', 'Бельгії', 'Бельгією', 'Бельгію'])).toBe('бельг');
    expect(joins(['стаття', 'статті', 'статтю', 'статтею'])).toBe('статт');
    expect(joins(['активи', 'активів', 'активами', 'активах'])).toBe('актив');
    expect(joins(['заморожені', 'заморожених', 'замороженими'])).toBe('заморожен');
    expect(joins(['кредит', 'кредиту', 'кредитом'])).toBe('кредит');
    expect(joins(['репараційний', 'репараційного', 'репараційному'])).toBe('репараційн');
    expect(joins(['Коаліція', 'Коаліції', 'Коаліцію', 'Коаліцією'])).toBe('коаліц');
    expect(joins(['Зеленський', 'Зеленського', 'Зеленським'])).toBe('зеленськ');
    expect(joins(['зобов’язання', 'зобов’язань', 'зобов’язаннями'])).toBe('зобов’язан');
  });

  it('folds the apostrophes to ’ before stemming, so all three give one stem', () => {
    expect(["п'ята", 'пʼята', 'п’ята', 'п‘ята', 'п`ята'].map(searchStem)).toEqual(Array(5).fill('п’ят'));
    expect(["зобов'язань", 'зобовʼязань', 'зобов’язань'].map(searchStem)).toEqual(Array(3).fill('зобов’язан'));
    // An apostrophe left at the end of a stem goes with the vowel after it.
    expect(searchStem('інтервʼю')).toBe('інтерв');
  });

  it(`never cuts a word shorter than ${MIN_STEM} letters, or than the word`, () => {
    expect(searchStem('НАТО')).toBe('нато');
    expect(searchStem('Росії')).toBe('росі');
    expect(searchStem('Росія')).toBe('росі');
    expect(searchStem('США')).toBe('сша');
    expect(searchStem('ЄС')).toBe('єс');
    expect(searchStem('на')).toBe('на');
    expect(searchStem('і')).toBe('і');
  });

  it('only lower-cases what is not a Cyrillic word: numbers, Latin names, hyphenated words', () => {
    expect(searchStem('5')).toBe('5');
    expect(searchStem('2025')).toBe('2025');
    expect(searchStem('Euroclear')).toBe('euroclear');
    expect(searchStem("Ukraine's")).toBe('ukraine’s');
    expect(searchStem('Інтерфакс-Україна')).toBe('інтерфакс-україна');
    expect(searchStem('')).toBe('');
  });
});

describe('stemQuery', () => {
  it('stems each word and keeps the punctuation around it for Pagefind to drop', () => {
    expect(stemQuery('гарантій')).toBe('гарант');
    expect(stemQuery('  заморожених   активів ')).toBe('заморожен актив');
    expect(stemQuery('статтею 5')).toBe('статт 5');
    expect(stemQuery('«Коаліції охочих»')).toBe('«коаліц охоч»');
    expect(stemQuery('Бельгії?')).toBe('бельг?');
    expect(stemQuery("'п'ята'")).toBe('’п’ят’');
  });

  it('leaves a quoted query to Pagefind\'s exact search, only its apostrophes folded', () => {
    expect(stemQuery('"статтею 5"')).toBe('"статтею 5"');
    expect(stemQuery('"пʼята стаття"')).toBe('"п’ята стаття"');
  });
});
