/**
 * Turning Pagefind's results into what the search page shows. Pure, so the rules are unit-tested.
 *
 * Excerpts: Pagefind joins the page's words with single spaces, HTML-escapes them and wraps the
 * hits in <mark>. They are split here into text and highlight parts with the entities decoded,
 * and nothing trimmed: the space before and after a highlight belongs to the text around it.
 * (Decoding each piece with DOMParser, as before, dropped a piece's leading space, so a
 * highlight ran into the next word.)
 *
 * Sub-results: Pagefind gives a page's card-level sub-results in page order; they are ranked here
 * by Pagefind's own score for the words found in each (the sum of its weighted locations'
 * balanced scores), so the card that matches best comes first.
 */
import { normaliseApostrophes } from './apostrophes';
import { fill, pluralTemplate } from './strings';

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED[name.toLowerCase()] ?? all;
  });
}

/** Pagefind's excerpt HTML as text and highlight parts, spaces and punctuation kept. */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  for (const [i, piece] of excerpt.split(/<mark>([\s\S]*?)<\/mark>/g).entries()) {
    // split() with a capture group alternates: text, highlight, text, …
    const text = decodeEntities(piece.replace(/<[^>]*>/g, ''));
    if (!text) continue;
    const mark = i % 2 === 1;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  }
  return parts;
}

export interface ScoredSubResult {
  url: string;
  weighted_locations?: readonly { balanced_score: number }[];
  locations?: readonly number[];
}

/** How well a sub-result matches: Pagefind's score for its hits, or their count without scores. */
export function subResultScore(sub: ScoredSubResult): number {
  const scored = sub.weighted_locations ?? [];
  if (scored.length) return scored.reduce((sum, l) => sum + l.balanced_score, 0);
  return sub.locations?.length ?? 0;
}

/**
 * A page's card-level sub-results, best first. The page's own entry (its URL without a card
 * anchor) is left out; equal scores keep page order.
 */
export function rankSubResults<S extends ScoredSubResult>(pageUrl: string, subs: readonly S[]): S[] {
  return subs
    .map((sub, i) => ({ sub, i, score: subResultScore(sub) }))
    .filter(({ sub }) => sub.url !== pageUrl && sub.url.includes('#'))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ sub }) => sub);
}

/*
 * A number next to a word ("Article 5", "5 December") is read as a phrase. Pagefind matches a
 * query's words apart, so "Article 5" also finds "5 December 1994", "€5bn" and "5,000 km²" (and
 * the last word as a prefix). Its quoted search ("\"Article 5\"") matches the phrase but reports
 * only the first place on each page, one card per page, so it cannot list every card that has
 * the phrase. Instead the ordinary results are kept and, for each card, its hit locations are
 * checked against the page's words: a card with the phrase is listed first, with an excerpt
 * around the phrase; the others follow, set apart.
 *
 * On the Ukrainian page the query's words reach Pagefind as stems (src/lib/search-stem.ts), which it
 * matches as prefixes; the phrase check does the same, so «статтею 5» finds «статті 5» (a number
 * still has to be the same number).
 */

/** A word as the phrase check compares it: lower case, edge punctuation and a possessive 's off. */
export function wordKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/['’]s$/u, '');
}

/** A query's phrases that pair a number with the word before it (or after it, at the start). */
export interface QueryPhrase {
  /** The two words as the reader typed them, for the interface. */
  text: string;
  /** Their keys (wordKey, or its stem for a word when the query is stemmed), in order. */
  keys: string[];
  /** Per key, whether a page's word matches by starting with it (a stem) rather than by being it. */
  prefix?: boolean[];
}

const isNumber = (key: string) => /^\p{N}[\p{N},.]*$/u.test(key);
const isWord = (key: string) => /^\p{L}/u.test(key);

/**
 * "Article 5" → [Article 5]; "5 December" → [5 December]; "NATO Article 5" → [Article 5];
 * "Belgium" and "frozen assets" → none. A quoted query is left to Pagefind's own phrase search.
 * With `stem` (the Ukrainian page's searchStem), a word's key is its stem, matched as a prefix:
 * «статтею 5» → keys [статт, 5].
 */
export function numberPhrases(query: string, stem?: (word: string) => string): QueryPhrase[] {
  if (query.includes('"')) return [];
  const words = query.split(/\s+/).filter((w) => wordKey(w));
  const phrases: QueryPhrase[] = [];
  words.forEach((word, i) => {
    if (!isNumber(wordKey(word))) return;
    const before = words[i - 1];
    const after = words[i + 1];
    const pair = before && isWord(wordKey(before)) ? [before, word] : after && isWord(wordKey(after)) ? [word, after] : undefined;
    if (!pair) return;
    const keys = pair.map(wordKey);
    if (!stem) phrases.push({ text: pair.join(' '), keys });
    else phrases.push({ text: pair.join(' '), keys: keys.map((k) => (isNumber(k) ? k : stem(k))), prefix: keys.map((k) => !isNumber(k)) });
  });
  return phrases;
}

/** The first of the hit locations where one of the phrases starts in the page's words. */
export function phraseAt(words: readonly string[], locations: readonly number[], phrases: readonly QueryPhrase[]): { at: number; length: number } | undefined {
  for (const at of [...locations].sort((a, b) => a - b)) {
    for (const { keys, prefix } of phrases) {
      const matches = (key: string, k: number) => {
        const word = wordKey(words[at + k] ?? '');
        return prefix?.[k] ? normaliseApostrophes(word).startsWith(key) : word === key;
      };
      if (keys.every(matches)) return { at, length: keys.length };
    }
  }
  return undefined;
}

/** Where a phrase excerpt may start and end: a card's words, [from, to) of the page's. */
export interface WordRange {
  from: number;
  to: number;
}

/**
 * An excerpt of about `length` of the page's words (HTML-escaped, as Pagefind gives them) with
 * words[at, at + marked) highlighted and a third of the words before it, kept inside `range`
 * (the card's words); "… " and " …" where it starts or ends inside them, as Pagefind's do.
 */
export function phraseExcerpt(words: readonly string[], at: number, marked: number, length = 24, range?: WordRange, ellipsis = '…'): ExcerptPart[] {
  const from = Math.max(0, range?.from ?? 0);
  const to = Math.min(words.length, range?.to ?? words.length);
  const start = Math.max(from, Math.min(at - Math.floor(length / 3), to - length));
  const end = Math.min(to, start + length);
  const text = (a: number, b: number) => decodeEntities(words.slice(a, b).join(' '));
  const before = text(start, at);
  const after = text(at + marked, end);
  const cutStart = start > from;
  const cutEnd = end < to;
  const parts: ExcerptPart[] = [
    { text: [cutStart ? ellipsis : '', before].filter(Boolean).join(' ') + (cutStart || before ? ' ' : ''), mark: false },
    { text: text(at, at + marked), mark: true },
    { text: (after || cutEnd ? ' ' : '') + [after, cutEnd ? ellipsis : ''].filter(Boolean).join(' '), mark: false },
  ];
  return parts.filter((p) => p.text);
}

/**
 * Each sub-result's words: from its heading (Pagefind's anchor location) to the next heading on
 * the page (a card without hits has no sub-result, but its heading still ends the one before),
 * or the end of the page.
 */
export function subResultRanges(
  subs: readonly { url: string; anchor?: { location: number } }[],
  anchors: readonly { element: string; location: number }[],
  wordCount: number,
): Map<string, WordRange> {
  const headings = [...anchors.filter((a) => /^h[1-6]$/.test(a.element)).map((a) => a.location), ...subs.map((s) => s.anchor?.location ?? 0)];
  return new Map(
    subs.map((s) => {
      const from = s.anchor?.location ?? 0;
      return [s.url, { from, to: Math.min(wordCount, ...headings.filter((h) => h > from)) }];
    }),
  );
}

/** What the search page needs of one Pagefind result (`await result.data()`). */
export interface PageData {
  url: string;
  /** The page's indexed text, HTML-escaped; the locations count its words. */
  content: string;
  excerpt: string;
  meta: { title?: string };
  locations?: readonly number[];
  /** The page's elements with ids, headings among them, where they start in its words. */
  anchors?: readonly { element: string; location: number }[];
  sub_results: readonly (ScoredSubResult & { title: string; excerpt: string; anchor?: { location: number } })[];
}

export interface ListedCard {
  url: string;
  title: string;
  excerpt: ExcerptPart[];
}

export interface ListedPage {
  url: string;
  title: string;
  /** The page's matching cards, best first; empty when the match is outside them. */
  cards: ListedCard[];
  /** The page's own excerpt, shown when no card is listed. */
  excerpt: ExcerptPart[];
}

export interface SearchListing {
  /** The results, or, for a query with a number-and-word phrase, those that have the phrase. */
  main: ListedPage[];
  /** For such a query, the results that have its words but not the phrase; otherwise empty. */
  apart: ListedPage[];
  /** The phrases looked for, as typed ("Article 5"). */
  phrases: string[];
}

export interface ListingOptions {
  /** Cards listed per page, in each part. */
  cardsPerPage?: number;
  excerptLength?: number;
  /** How the query's words were stemmed for Pagefind (the Ukrainian page); the phrase check follows it. */
  stem?: (word: string) => string;
}

/**
 * Pagefind's page results (in Pagefind's order) as the search page lists them: the cards of
 * each page best first (rankSubResults), and for a number-and-word query the cards with the
 * phrase before everything else, the rest in `apart`. A page is in `main` when a card of it, or
 * the page itself, has the phrase; the same page may head a group in `apart` with its other cards.
 */
export function listResults(query: string, pages: readonly PageData[], options: ListingOptions = {}): SearchListing {
  const { cardsPerPage = 5, excerptLength = 24, stem } = options;
  const phrases = numberPhrases(query, stem);
  const main: ListedPage[] = [];
  const apart: ListedPage[] = [];
  for (const page of pages) {
    const title = page.meta.title ?? page.url;
    const subs = rankSubResults(page.url, page.sub_results);
    const card = (s: (typeof subs)[number], excerpt?: ExcerptPart[]): ListedCard => ({ url: s.url, title: s.title, excerpt: excerpt ?? excerptParts(s.excerpt) });
    if (!phrases.length) {
      main.push({ url: page.url, title, cards: subs.slice(0, cardsPerPage).map((s) => card(s)), excerpt: excerptParts(page.excerpt) });
      continue;
    }
    const words = page.content.split(/\s+/);
    const ranges = subResultRanges(page.sub_results, page.anchors ?? [], words.length);
    const withPhrase: ListedCard[] = [];
    const without: ListedCard[] = [];
    for (const s of subs) {
      const hit = phraseAt(words, s.locations ?? [], phrases);
      if (hit) withPhrase.push(card(s, phraseExcerpt(words, hit.at, hit.length, excerptLength, ranges.get(s.url))));
      else without.push(card(s));
    }
    const pageHit = withPhrase.length ? undefined : phraseAt(words, page.locations ?? [], phrases);
    if (withPhrase.length || pageHit) {
      const excerpt = pageHit ? phraseExcerpt(words, pageHit.at, pageHit.length, excerptLength) : excerptParts(page.excerpt);
      main.push({ url: page.url, title, cards: withPhrase.slice(0, cardsPerPage), excerpt });
      if (without.length) apart.push({ url: page.url, title, cards: without.slice(0, cardsPerPage), excerpt: excerptParts(page.excerpt) });
    } else {
      apart.push({ url: page.url, title, cards: without.slice(0, cardsPerPage), excerpt: excerptParts(page.excerpt) });
    }
  }
  // A query with a phrase nobody wrote lists its words' matches as the results, not as "other".
  if (phrases.length && !main.length) return { main: apart, apart: [], phrases: [] };
  return { main, apart, phrases: phrases.map((p) => p.text) };
}

/** How many cards and pages a listing shows: the count the status line gives. */
export function listedCounts(listing: SearchListing): { cards: number; pages: number } {
  const all = [...listing.main, ...listing.apart];
  return { cards: all.reduce((n, p) => n + p.cards.length, 0), pages: new Set(all.map((p) => p.url)).size };
}

/**
 * The status line for a listing, from the search strings (src/lib/strings.ts, `search.*`):
 * "6 cards on 2 pages for “Belgium”", "1 card on 1 page for …", "2 pages for …" when no card
 * is listed, "No results for …".
 */
export function countText(listing: SearchListing, query: string, table: Readonly<Record<string, string>>): string {
  const { cards, pages } = listedCounts(listing);
  if (!pages) return fill(table['search.noResults'] ?? '', { query });
  const pagesText = fill(pluralTemplate(table, 'search.pages', pages), { count: pages });
  if (!cards) return fill(table['search.countPages'] ?? '', { pages: pagesText, query });
  const cardsText = fill(pluralTemplate(table, 'search.cards', cards), { count: cards });
  return fill(table['search.count'] ?? '', { cards: cardsText, pages: pagesText, query });
}
