import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts, rankSubResults, subResultScore } from '../../../src/lib/search-results';

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
