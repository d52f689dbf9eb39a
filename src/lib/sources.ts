/**
 * Sources and citations, one module: which sources a card or chart relies on, which cards cite
 * each source, the site-wide order of the sources page, and a card's own footnotes.
 *
 * Footnotes are numbered per card, 1..n in reading order, and link to that card's own source
 * list (`#<cardId>-src-<n>`), so a card reads the same on its page and in an embed, where a
 * reader has no sources page beside it. <Cite> writes its marker with `footnoteMarker`,
 * numbered site-wide; <CiteGroup> (Comparison, Layers, "In brief", the home page) writes one small
 * number-free mark named for its sources with `namedGroupMarker`; both link to the sources page.
 * The Card then renumbers every marker inside it with `numberFootnotes`, merging markers side by
 * side into one. Outside any card, a marker keeps its mark: a number there would read as a
 * footnote of the card below. With JavaScript, any marker opens its sources in place
 * (src/scripts/footnotes.ts).
 * Pure: no file or collection access, so the rules are unit-tested on their own.
 */
import { chartIdsIn, componentUses, idlessComponentsIn } from './content/mdx-scanner';
import { formatDate } from './format';
import { viaWords } from './content/source-tiers';
import type { Source } from './content/schemas/sources';
import { t } from './strings';
import { currentEdition } from './editions';

// ---------------------------------------------------------------------------------------------
// Which sources a card or chart relies on

export interface SourceLookups {
  quotes: ReadonlyMap<string, string>;
  figures: ReadonlyMap<string, readonly string[]>;
  /** Chart id → the sources of its rows. */
  charts?: ReadonlyMap<string, readonly string[]>;
  /** Component name → the sources of the data file it draws whole (<Timeline />, <Comparison />, <Layers />). */
  components?: ReadonlyMap<string, readonly string[]>;
}

/**
 * A card's sources: its own list, then the sources behind the citations, quotes, figures and
 * charts in its body, then those of the timeline, comparison or layers it draws, each once, in
 * that order. The card's source list and the sources page's
 * "cited in" column come from this one rule.
 */
export function sourcesUsedBy(listed: readonly string[], body: string, lookups: SourceLookups): string[] {
  const out = new Set(listed);
  for (const use of componentUses(body)) {
    if (use.component === 'Cite') out.add(use.id);
    if (use.component === 'Quote') {
      const s = lookups.quotes.get(use.id);
      if (s) out.add(s);
    }
    if (use.component === 'Value') for (const s of lookups.figures.get(use.id) ?? []) out.add(s);
    if (use.component === 'Chart') for (const s of lookups.charts?.get(use.id) ?? []) out.add(s);
  }
  for (const component of idlessComponentsIn(body)) for (const s of lookups.components?.get(component) ?? []) out.add(s);
  return [...out];
}

/** The charts a card's body draws, in order, each once. */
export const chartsIn = (body: string): string[] => [...new Set(chartIdsIn(body))];

/** The sources behind a chart's rows, each once, in row order. Throws on an unknown id. */
export function chartSources<S>(chart: { id: string; rows: readonly { source: string }[] }, sources: ReadonlyMap<string, S>): S[] {
  return [...new Set(chart.rows.map((r) => r.source))].map((id) => {
    const s = sources.get(id);
    if (!s) throw new Error(`chart "${chart.id}": unknown source id "${id}"`);
    return s;
  });
}

// ---------------------------------------------------------------------------------------------
// The sources page: site-wide order, and which cards cite each source

/** Records sorted into the order of their ids in `order` (sources.yaml); unknown ids last. */
export function inFileOrder<T extends { id: string }>(records: readonly T[], order: readonly string[]): T[] {
  const place = new Map(order.map((id, i) => [id, i]));
  const at = (id: string) => place.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...records].sort((a, b) => at(a.id) - at(b.id));
}

export interface CardCitation {
  stack: string;
  card: string;
  title: string;
  sourceIds: readonly string[];
}

/** Which cards cite each source: the inverse of each card's source list. */
export function citationsBySource<C extends CardCitation>(cards: readonly C[]): Map<string, C[]> {
  const map = new Map<string, C[]>();
  for (const card of cards) {
    for (const id of new Set(card.sourceIds)) {
      const list = map.get(id) ?? [];
      list.push(card);
      map.set(id, list);
    }
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// Footnotes

/** The id of a card's n-th source in its own source list. */
export const cardSourceAnchor = (cardId: string, n: number) => `${cardId}-src-${n}`;

/** The id of a card's change log, the target of its "What changed" notes. */
export const cardChangesAnchor = (cardId: string) => `${cardId}-changes`;

/**
 * What a footnote points at, in words: "Bloomberg, “Title”, 18 December 2025, ¶2", and, when we
 * read it through a copy, which copy and what kind: "…; read via a copy on Wenxuecity (forum)".
 */
export const footnoteDetail = (source: { publisher: string; title: string; date: string } & Partial<Pick<Source, 'tier' | 'via' | 'lang'>>, loc?: string) => {
  const via = source.via ? viaWords({ publisher: source.publisher, tier: source.tier ?? 'news', via: source.via }) : undefined;
  // A tooltip cannot mark a title's language: in another edition than the title's, it names the
  // publisher and date; the title is in the source list, marked (lang).
  const title = (source.lang ?? 'en') === currentEdition() ? `, “${source.title}”` : '';
  return `${source.publisher}${title}, ${formatDate(source.date)}${loc ? `, ${loc}` : ''}${via ? `; ${via}` : ''}`;
};

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface FootnoteMarker {
  source: string;
  n: number;
  href: string;
  /** What the source is, for the tooltip and screen readers ("Bloomberg, “…”, 18 December 2025, ¶2"). */
  detail: string;
}

/**
 * The one shape of a footnote marker: one element, a link that CSS raises as a superscript
 * (a.cite in src/styles/global.css), not a <sup> around a link, so a card with dozens of markers
 * carries half the elements. Its aria-label names the source. Ignored by search (its number is not words), and
 * target="_self" so that in an embed, whose links open in the reader's window (<base
 * target="_top">), a footnote moves within the frame instead of leaving the host's page.
 */
export function footnoteMarker({ source, n, href, detail }: FootnoteMarker): string {
  const label = escapeAttr(`${t('footnote.sourceWord')} ${n}: ${detail}`);
  return (
    `<a class="cite" data-footnote="${escapeAttr(source)}" data-pagefind-ignore href="${escapeAttr(href)}" target="_self" title="${label}" aria-label="${label}">[${n}]</a>`
  );
}

export interface FootnoteGroupItem {
  source: string;
  n: number;
  detail: string;
}

/**
 * One marker for several sources ("[3, 17]"), for a table cell or caption where a row of single
 * markers would wrap onto lines of their own, and for markers side by side in a card's text.
 * Numbers in order; it links to the lowest-numbered source's entry (the no-JavaScript path), lists
 * every entry in `data-hrefs` for the note that opens in place (src/scripts/footnotes.ts), and its
 * label starts with the visible numbers (WCAG 2.5.3) and names them all.
 */
export function footnoteGroupMarker(items: readonly FootnoteGroupItem[], hrefOf: (item: FootnoteGroupItem) => string): string {
  const sorted = [...items].sort((a, b) => a.n - b.n);
  const label = escapeAttr(`${t(sorted.length > 1 ? 'footnote.sourcesWord' : 'footnote.sourceWord')} ${sorted.map((i) => i.n).join(', ')}: ${sorted.map((i) => i.detail).join('; ')}`);
  return (
    `<a class="cite cite-group" ${groupData(sorted, hrefOf)} data-pagefind-ignore href="${escapeAttr(hrefOf(sorted[0]!))}" target="_self" title="${label}" aria-label="${label}">[${sorted.map((i) => i.n).join(', ')}]</a>`
  );
}

/** A publisher's name without its gloss: "Bloomberg News (distributed by …)" → "Bloomberg News". */
export const shortPublisher = (publisher: string) => publisher.replace(/\s*\([^)]*\)$/, '');

/**
 * The publishers of several sources as a source line names them: each publisher once, without
 * its gloss, in first-seen order. "Bloomberg News (distributed by …)", "Bloomberg News" and
 * "Bloomberg (in the National Post)" are one newsroom, so a reader sees one name, not three
 * that look like different outlets: names that differ only by a trailing "News" (or by case)
 * count as one, shown as first seen.
 */
export function publisherNames(publishers: readonly string[]): string[] {
  const key = (name: string) => name.toLowerCase().replace(/\s+news$/, '');
  const seen = new Map<string, string>();
  for (const p of publishers) {
    const name = shortPublisher(p);
    if (!seen.has(key(name))) seen.set(key(name), name);
  }
  return [...seen.values()];
}

/**
 * The marker for text outside a card (a page's lead and "in brief", the home page): one small
 * mark per sentence, whatever the number of sources, so the sentence is not followed by a
 * bracketed list of outlets that wraps onto a line of its own. A number there would read as the
 * footnote of the same number in the card just below, which cites another source. Its name
 * lists the outlets ("Sources: AP, Financial Times"); tapped, it opens a note in place with each
 * source's title and date (src/scripts/footnotes.ts); without JavaScript it links to the first
 * source on the sources page. Inside a card, the Card turns it into the card's own numbers
 * (numberFootnotes) from the ids and details it carries.
 */
export function namedGroupMarker(items: readonly (FootnoteGroupItem & { publisher: string })[], hrefOf: (item: FootnoteGroupItem) => string): string {
  const sorted = [...items].sort((a, b) => a.n - b.n);
  const names = publisherNames(sorted.map((i) => i.publisher)).join(', ');
  const label = t(sorted.length > 1 ? 'footnote.sources' : 'footnote.source', { names });
  return (
    `<a class="cite cite-group cite-named" ${groupData(sorted, hrefOf)} data-pagefind-ignore href="${escapeAttr(hrefOf(sorted[0]!))}" target="_self" aria-label="${escapeAttr(label)}"></a>`
  );
}

/** What a group marker carries: its sources, their details (for the Card to renumber it) and where each entry is. */
const groupData = (items: readonly FootnoteGroupItem[], hrefOf: (item: FootnoteGroupItem) => string) =>
  `data-footnotes="${escapeAttr(items.map((i) => i.source).join(' '))}" data-details="${escapeAttr(JSON.stringify(items.map((i) => i.detail)))}" ` +
  `data-hrefs="${escapeAttr(items.map(hrefOf).join(' '))}"`;

/** Any marker, single, grouped or named, whole. */
const ANY_MARKER = /<a class="cite(?: cite-group(?: cite-named)?)?" data-footnotes?="[^"]+"[^>]*>[^<]*<\/a>/g;
/** A run of markers with nothing but spaces between them, and the spaces before it. */
const MARKER_RUN = new RegExp(`\\s*${ANY_MARKER.source}(?:\\s*${ANY_MARKER.source})*`, 'g');
const unescapeAttr = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const m = new RegExp(` ${name}="([^"]*)"`).exec(tag);
  return m ? unescapeAttr(m[1]!) : undefined;
};

/** A marker's sources and their details, whichever shape it has. */
function markerSources(marker: string): { source: string; detail: string }[] {
  const open = marker.slice(0, marker.indexOf('>') + 1);
  const single = attr(open, 'data-footnote');
  if (single !== undefined) return [{ source: single, detail: (attr(marker, 'title') ?? '').replace(/^Source \d+: /, '') }];
  const details = JSON.parse(attr(open, 'data-details') ?? '[]') as string[];
  return (attr(open, 'data-footnotes') ?? '').split(' ').map((source, i) => ({ source, detail: details[i] ?? '' }));
}

export interface NumberedCard {
  /** The card's HTML with every marker renumbered and linked to the card's own list. */
  html: string;
  /** The card's sources in footnote order: n is the place in this list + 1. */
  sources: string[];
  /** How many distinct sources the body's markers cite (they are 1..cited). */
  cited: number;
}

/**
 * Numbers a card's footnotes: the sources its markers cite, in order of first appearance, are
 * 1..k; the card's other sources (listed in front matter, behind quotes, figures and charts)
 * follow in their listed order. So the markers a reader sees run from 1 with no gaps, and the
 * source list below the card holds every source once.
 */
export function numberFootnotes(html: string, cardId: string, listed: readonly string[]): NumberedCard {
  const order: string[] = [];
  for (const m of html.matchAll(ANY_MARKER)) {
    for (const { source } of markerSources(m[0])) if (!order.includes(source)) order.push(source);
  }
  const cited = order.length;
  for (const id of listed) if (!order.includes(id)) order.push(id);
  const href = (item: FootnoteGroupItem) => `#${cardSourceAnchor(cardId, item.n)}`;
  // Markers side by side ("notes[1] [4]") become one ("notes[1, 4]"): one mark, one tap, one note.
  // A marker sits on the word it follows ("notes[1]."), so it never wraps onto a line of its own,
  // and search, which skips markers, reads "notes." rather than "notes .".
  const out = html.replace(MARKER_RUN, (run) => {
    const items: FootnoteGroupItem[] = [];
    for (const m of run.matchAll(ANY_MARKER)) {
      for (const { source, detail } of markerSources(m[0])) {
        if (!items.some((i) => i.source === source)) items.push({ source, n: order.indexOf(source) + 1, detail });
      }
    }
    return items.length === 1 ? footnoteMarker({ ...items[0]!, href: href(items[0]!) }) : footnoteGroupMarker(items, href);
  });
  return { html: out, sources: order, cited };
}
