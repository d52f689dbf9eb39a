import { describe, expect, it } from 'vitest';
import {
  countText,
  decodeEntities,
  excerptParts,
  listedCounts,
  listResults,
  numberPhrases,
  phraseAt,
  phraseExcerpt,
  rankSubResults,
  subResultRanges,
  subResultScore,
  wordKey,
  type PageData,
} from '../../../src/lib/search-results';
import { searchStem } from '../../../src/lib/search-stem';
import { stringsWithPrefix } from '../../../src/lib/strings';

const joined = (parts: { text: string; mark: boolean }[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('excerptParts', () => {
  it('keeps the spaces and punctuation around highlights', () => {
    const parts = excerptParts('held in <mark>Belgium,</mark> the report notes. <mark>Belgium’s</mark> objections');
    expect(joined(parts)).toBe('held in [Belgium,] the report notes. [Belgium’s] objections');
    expect(parts.map((p) => p.mark)).toEqual([false, true, false, true, false]);
  });

  it('keeps a leading space after a highlight and decodes entities', () => {
    expect(joined(excerptParts('<mark>Belgium?</mark> Denmark&#x27;s &amp; the EU&#39;s &lt;plan&gt;'))).toBe("[Belgium?] Denmark's & the EU's <plan>");
  });

  it('joins adjacent highlights and drops any other markup as text-less', () => {
    expect(excerptParts('<mark>a</mark><mark>b</mark> c<b>d</b>')).toEqual([
      { text: 'ab', mark: true },
      { text: ' cd', mark: false },
    ]);
  });

  it('leaves unknown entities as they are', () => {
    expect(decodeEntities('&bogus; &#65;')).toBe('&bogus; A');
  });
});

describe('rankSubResults', () => {
  const sub = (url: string, scores: number[]) => ({ url, weighted_locations: scores.map((s) => ({ balanced_score: s })), locations: scores.map((_, i) => i) });

  it("puts the card Pagefind scores highest first, ties in page order, and leaves out the page's own entry", () => {
    const page = '/frozen-assets/';
    const ranked = rankSubResults(page, [sub(page, [50]), sub('/frozen-assets/#a', [3]), sub('/frozen-assets/#b', [2, 2, 2]), sub('/frozen-assets/#c', [3])]);
    expect(ranked.map((s) => s.url)).toEqual(['/frozen-assets/#b', '/frozen-assets/#a', '/frozen-assets/#c']);
  });

  it('counts hits when no scores are given', () => {
    expect(subResultScore({ url: '/x/#a', locations: [1, 5, 9] })).toBe(3);
  });
});

describe('numberPhrases', () => {
  it('pairs a number with the word before it, or after it at the start', () => {
    expect(numberPhrases('Article 5')).toEqual([{ text: 'Article 5', keys: ['article', '5'] }]);
    expect(numberPhrases('NATO Article 5')).toEqual([{ text: 'Article 5', keys: ['article', '5'] }]);
    expect(numberPhrases('5 December')).toEqual([{ text: '5 December', keys: ['5', 'december'] }]);
    expect(numberPhrases('Article 5 and Article 122').map((p) => p.text)).toEqual(['Article 5', 'Article 122']);
  });

  it('finds none without a number next to a word, or in a query the reader quoted', () => {
    expect(numberPhrases('Belgium')).toEqual([]);
    expect(numberPhrases('frozen assets')).toEqual([]);
    expect(numberPhrases('5')).toEqual([]);
    expect(numberPhrases('800,000 90')).toEqual([]);
    expect(numberPhrases('"Article 5"')).toEqual([]);
  });
});

describe('wordKey and phraseAt', () => {
  it('compares words without case, edge punctuation or a possessive', () => {
    expect(['Article', '5?', '5,', '“5”', "5's", '5’s'].map(wordKey)).toEqual(['article', '5', '5', '5', '5', '5']);
    // A number with more to it is another word.
    expect(['€5bn', '5,000', '51'].map(wordKey)).toEqual(['5bn', '5,000', '51']);
  });

  const words = 'On 5 December 1994 Ukraine signed ; NATO’s Article 5, the clause ; Article 122 and €5bn'.split(' ');
  const phrase = numberPhrases('Article 5');

  it('finds the phrase where a hit starts it, and not "5 December", "Article 122" or "€5bn"', () => {
    const hits = words.flatMap((w, i) => (/article|5/i.test(w) ? [i] : []));
    expect(phraseAt(words, hits, phrase)).toEqual({ at: 8, length: 2 });
    expect(phraseAt(words, hits.filter((i) => i !== 8), phrase)).toBeUndefined();
    expect(phraseAt(words, [1, 12, 15], phrase)).toBeUndefined();
  });
});

describe('phrases with stems (the Ukrainian page)', () => {
  it('keys a phrase\'s word by its stem, matched as a prefix, and its number exactly', () => {
    const phrases = numberPhrases('статтею 5', searchStem);
    expect(phrases).toEqual([{ text: 'статтею 5', keys: ['статт', '5'], prefix: [true, false] }]);
    const words = 'за статтею 50 або як у статті 5, і статей 5'.split(' ');
    const hits = words.flatMap((w, i) => (/^стат|^5/.test(w) ? [i] : []));
    // «статтею 50» is another number; «статті 5,» has the phrase; «статей» is not a form Pagefind matched.
    expect(phraseAt(words, hits, phrases)).toEqual({ at: 6, length: 2 });
    expect(phraseAt(words, [9, 10], phrases)).toBeUndefined();
    // Without stems, as on the English page, only the same word counts.
    expect(phraseAt(words, hits, numberPhrases('статтею 5'))).toBeUndefined();
  });

  it('compares apostrophes as one', () => {
    const phrases = numberPhrases("п'ята 5", searchStem);
    expect(phraseAt(['п’ятої', '5'], [0], phrases)).toEqual({ at: 0, length: 2 });
  });
});

describe('phraseExcerpt', () => {
  const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
  const joined2 = (parts: { text: string; mark: boolean }[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

  it('marks the phrase with a third of the excerpt before it, ellipses where the text goes on', () => {
    expect(joined2(phraseExcerpt(words, 30, 2, 12))).toBe('… w26 w27 w28 w29 [w30 w31] w32 w33 w34 w35 w36 w37 …');
  });

  it('stays inside the card and the page, and decodes entities', () => {
    // No ellipsis where the excerpt starts and ends with the card.
    expect(joined2(phraseExcerpt(words, 30, 2, 12, { from: 29, to: 35 }))).toBe('w29 [w30 w31] w32 w33 w34');
    expect(joined2(phraseExcerpt(words, 30, 2, 12, { from: 20, to: 35 }))).toBe('… w23 w24 w25 w26 w27 w28 w29 [w30 w31] w32 w33 w34');
    expect(joined2(phraseExcerpt(['NATO&#x27;s', 'Article', '5.'], 1, 2, 12))).toBe("NATO's [Article 5.]");
  });

  it('gives each card the words from its heading to the next heading', () => {
    const subs = [{ url: '/p/#b', anchor: { location: 40 } }, { url: '/p/', anchor: { location: 0 } }, { url: '/p/#a', anchor: { location: 12 } }];
    // A card without hits (#none, at 25) still ends #a; a figure's id inside #a does not.
    const anchors = [{ element: 'h2', location: 12 }, { element: 'figure', location: 18 }, { element: 'h2', location: 25 }, { element: 'h2', location: 40 }];
    expect(Object.fromEntries(subResultRanges(subs, anchors, 60))).toEqual({ '/p/': { from: 0, to: 12 }, '/p/#a': { from: 12, to: 25 }, '/p/#b': { from: 40, to: 60 } });
    expect(Object.fromEntries(subResultRanges(subs, [], 60))).toEqual({ '/p/': { from: 0, to: 12 }, '/p/#a': { from: 12, to: 40 }, '/p/#b': { from: 40, to: 60 } });
  });
});

describe('listResults and countText', () => {
  // Two pages as Pagefind gives them for "Article 5": words with hit locations per card.
  function page(url: string, title: string, cards: { id: string; text: string }[]): PageData {
    const words: string[] = title.split(' ');
    const sub_results: PageData['sub_results'][number][] = [{ url, title, excerpt: title, anchor: { location: 0 }, locations: [] }];
    for (const c of cards) {
      const location = words.length;
      const cardWords = c.text.split(' ');
      const locations = cardWords.flatMap((w, i) => (/^article$|^€?5/i.test(wordKey(w)) ? [location + i] : []));
      sub_results.push({ url: `${url}#${c.id}`, title: c.id, excerpt: `<mark>${c.id}</mark> excerpt`, anchor: { location }, locations, weighted_locations: locations.map(() => ({ balanced_score: 1 })) });
      words.push(...cardWords);
    }
    return { url, content: words.join(' '), excerpt: `${title} page`, meta: { title }, sub_results };
  }
  const pages = [
    page('/article-5/', 'Is it like Article 5?', [
      { id: 'budapest', text: 'On 5 December 1994 Ukraine gave up 5 of something 5 5' },
      { id: 'what-article-5-says', text: 'What does NATO’s Article 5 promise' },
    ]),
    page('/frozen-assets/', 'Frozen assets', [{ id: 'where', text: 'Article 122 and €5bn' }]),
    page('/security-guarantees/', 'The plan', [{ id: 'plan', text: 'similar to NATO’s Article 5 pledge' }]),
  ];
  const table = stringsWithPrefix('search.');
  const hrefs = (list: ReturnType<typeof listResults>['main']) => list.flatMap((p) => (p.cards.length ? p.cards.map((c) => c.url) : [p.url]));

  it('lists the cards with "Article 5" first, on every page, and the cards with only a "5" after them', () => {
    const listing = listResults('Article 5', pages);
    expect(hrefs(listing.main)).toEqual(['/article-5/#what-article-5-says', '/security-guarantees/#plan']);
    expect(hrefs(listing.apart)).toEqual(['/article-5/#budapest', '/frozen-assets/#where']);
    expect(listing.phrases).toEqual(['Article 5']);
    // The excerpt of a phrase card shows the phrase, not where its words are apart.
    const excerpt = listing.main[0]!.cards[0]!.excerpt;
    expect(excerpt.filter((p) => p.mark).map((p) => p.text)).toEqual(['Article 5']);
    expect(countText(listing, 'Article 5', table)).toBe('4 cards on 3 pages for “Article 5”');
  });

  it('keeps Pagefind\'s order and excerpts without a phrase, and without any card with the phrase', () => {
    const plain = listResults('Article', pages);
    expect(plain.apart).toEqual([]);
    expect(plain.main.map((p) => p.url)).toEqual(['/article-5/', '/frozen-assets/', '/security-guarantees/']);
    expect(plain.main[0]!.cards[0]!.excerpt).toEqual([{ text: 'budapest', mark: true }, { text: ' excerpt', mark: false }]);
    const none = listResults('Article 9', pages);
    expect(none.apart).toEqual([]);
    expect(none.main).toHaveLength(3);
  });

  it('counts what it lists, in the right plural forms', () => {
    const listing = listResults('Article', pages, { cardsPerPage: 1 });
    expect(listedCounts(listing)).toEqual({ cards: 3, pages: 3 });
    expect(countText(listing, 'Article', table)).toBe('3 cards on 3 pages for “Article”');
    const one = listResults('Article', pages.slice(2));
    expect(countText(one, 'Article', table)).toBe('1 card on 1 page for “Article”');
    // A page with no card listed is listed by its own excerpt, and counted as a page.
    const pageOnly = listResults('plan', [{ ...pages[2]!, sub_results: pages[2]!.sub_results.slice(0, 1) }]);
    expect(pageOnly.main[0]!.excerpt).toEqual([{ text: 'The plan page', mark: false }]);
    expect(countText(pageOnly, 'plan', table)).toBe('1 page for “plan”');
    expect(countText(listResults('x', []), 'x', table)).toBe('No results for “x”');
  });
});
