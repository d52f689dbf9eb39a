import { describe, expect, it } from 'vitest';
import { fill, pluralTemplate, stringsWithPrefix, t, tn } from '../../../src/lib/strings';

describe('plural strings', () => {
  it('picks the form by Intl.PluralRules', () => {
    expect([0, 1, 2, 21, 1000].map((n) => tn('search.cards', n))).toEqual(['0 cards', '1 card', '2 cards', '21 cards', '1000 cards']);
    expect(tn('search.pages', 1)).toBe('1 page');
  });

  it('uses the language’s categories and falls back to "other"', () => {
    const table = { 'x.one': 'one', 'x.few': 'few', 'x.many': 'many', 'x.other': 'other' };
    // Polish: 1 one, 2–4 few, 5 many.
    expect([1, 2, 5, 22, 1.5].map((n) => pluralTemplate(table, 'x', n, 'pl'))).toEqual(['one', 'few', 'many', 'few', 'other']);
    expect(pluralTemplate({ 'x.other': 'other' }, 'x', 1)).toBe('other');
    expect(() => pluralTemplate({}, 'x', 1)).toThrow(/No plural forms for "x"/);
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(t('search.noResults', { query: 'x' })).toBe('No results for “x”');
  });

  it('hands a script only the strings it asks for', () => {
    const search = stringsWithPrefix('search.');
    expect(Object.keys(search).every((k) => k.startsWith('search.'))).toBe(true);
    expect(search['search.cards.one']).toBe('{count} card');
  });
});
