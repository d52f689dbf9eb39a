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
