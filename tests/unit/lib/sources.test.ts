import { describe, expect, it } from 'vitest';
import {
  cardSourceAnchor,
  chartsIn,
  citationsBySource,
  footnoteDetail,
  footnoteMarker,
  inFileOrder,
  namedGroupMarker,
  numberFootnotes,
  publisherNames,
  sourcesUsedBy,
} from '../../../src/lib/sources';

/** A marker as Cite writes it before the card numbers it: site-wide number, sources-page link. */
const mark = (source: string, siteWide: number, detail = `Publisher of ${source}`) =>
  footnoteMarker({ source, n: siteWide, href: `/sources/#source-${source}`, detail });

const numbersIn = (html: string) => [...html.matchAll(/>\[(\d+)\]<\/a>/g)].map((m) => Number(m[1]));
const hrefsIn = (html: string) => [...html.matchAll(/<a class="cite[^>]* href="([^"]*)"/g)].map((m) => m[1]);

describe('citationsBySource', () => {
  it('inverts card source lists, once per card', () => {
    const a = { stack: 's', card: 'a', title: 'A?', sourceIds: ['x', 'y', 'x'] };
    const b = { stack: 's', card: 'b', title: 'B?', sourceIds: ['y'] };
    const map = citationsBySource([a, b]);
    expect(map.get('x')).toEqual([a]);
    expect(map.get('y')).toEqual([a, b]);
    expect(map.has('z')).toBe(false);
  });
});

describe('sourcesUsedBy', () => {
  it('adds the sources behind quotes, figures and citations, each once, after the listed ones', () => {
    const body = '<Quote id="q" />\n<Value id="f" /> <Cite id="c" /> <Value id="f" />\n<Chart id="k" />';
    const ids = sourcesUsedBy(['a'], body, {
      quotes: new Map([['q', 'qs']]),
      figures: new Map([['f', ['fs', 'a']]]),
      charts: new Map([['k', ['ks', 'c']]]),
    });
    expect(ids).toEqual(['a', 'qs', 'fs', 'c', 'ks']);
  });

  it('adds the sources of a timeline, comparison or layers the card draws whole, and nothing for other id-less tags', () => {
    const body = '<Update date="2026-01-02" card="x">\n\n<Timeline />\n\n</Update>\n<Layers id="lead" />';
    const lookups = { quotes: new Map(), figures: new Map(), components: new Map([['Timeline', ['t1', 'a']], ['Layers', ['l1']], ['Comparison', ['c1']]]) };
    // <Layers id="lead" /> has an id, so it is a use of a record with that id, not the whole file.
    expect(sourcesUsedBy(['a'], body, lookups)).toEqual(['a', 't1']);
    expect(sourcesUsedBy([], '<Comparison />\n<Layers />', lookups)).toEqual(['c1', 'l1']);
  });

  it('finds the charts a card draws, each once', () => {
    expect(chartsIn('<Chart id="a" />\ntext <Cite id="x" />\n<Chart id="b" /><Chart id="a" />')).toEqual(['a', 'b']);
  });
});

describe('inFileOrder', () => {
  it('sorts records into the order of the file, unknown ids last', () => {
    const recs = [{ id: 'c' }, { id: 'x' }, { id: 'a' }, { id: 'b' }];
    expect(inFileOrder(recs, ['a', 'b', 'c']).map((r) => r.id)).toEqual(['a', 'b', 'c', 'x']);
  });
});

describe('footnotes', () => {
  it('says in the tooltip when the source was read through a copy, and what kind of copy', () => {
    const base = { publisher: 'Associated Press', title: 'EU freezes', date: '2025-12-12' };
    expect(footnoteDetail(base, '¶2')).toBe('Associated Press, “EU freezes”, 12 December 2025, ¶2');
    expect(footnoteDetail({ ...base, tier: 'wire', via: { publisher: 'Wenxuecity', url: 'https://copy.example/', kind: 'forum' } }, '¶2')).toBe(
      'Associated Press, “EU freezes”, 12 December 2025, ¶2; read via a copy on Wenxuecity (forum)',
    );
    const marked = numberFootnotes(mark('ap', 9, footnoteDetail({ ...base, tier: 'wire', via: { publisher: 'Shropshire Star', url: 'https://copy.example/', kind: 'syndication' } })), 'c', []).html;
    expect(marked).toContain('title="Source 1: Associated Press, “EU freezes”, 12 December 2025; read via a copy on Shropshire Star (licensed syndication)"');
  });

  it('writes one marker shape: numbered, ignored by search, staying in the frame', () => {
    const html = footnoteMarker({ source: 'bbg', n: 3, href: '#c-src-3', detail: 'Bloomberg, “A & B”, 18 December 2025' });
    expect(html).toBe(
      '<a class="cite" data-footnote="bbg" data-pagefind-ignore href="#c-src-3" target="_self" ' +
        'title="Source 3: Bloomberg, “A &amp; B”, 18 December 2025" aria-label="Source 3: Bloomberg, “A &amp; B”, 18 December 2025">[3]</a>',
    );
  });

  it('numbers a card 1..n in order of first citation, whatever the site-wide numbers', () => {
    const body = `<p>One ${mark('z', 70)} two ${mark('a', 13)} again${mark('z', 70)}</p><table><td>${mark('m', 5)}</td></table>`;
    const { html, sources, cited } = numberFootnotes(body, 'army', ['a', 'listed-only', 'z']);
    expect(numbersIn(html)).toEqual([1, 2, 1, 3]);
    expect(hrefsIn(html)).toEqual(['#army-src-1', '#army-src-2', '#army-src-1', '#army-src-3']);
    expect(sources).toEqual(['z', 'a', 'm', 'listed-only']);
    expect(cited).toBe(3);
    expect(html).toContain('title="Source 2: Publisher of a"');
    expect(html).not.toContain('/sources/');
  });

  it('keeps the text around markers and the detail of each source', () => {
    const body = `Belgium, the report says \n ${mark('s', 9, 'Reuters, “Say \"no\"”, 1 May 2025, ¶4')}. Then more.`;
    const { html } = numberFootnotes(body, 'c', []);
    // The marker holds on to the word before it; the text after it is untouched.
    expect(html.startsWith('Belgium, the report says<a class="cite')).toBe(true);
    expect(html.endsWith('</a>. Then more.')).toBe(true);
    expect(html).toContain('title="Source 1: Reuters, “Say &quot;no&quot;”, 1 May 2025, ¶4"');
  });

  it('lists every source of a card with no markers in its listed order', () => {
    expect(numberFootnotes('<p>No markers</p>', 'c', ['b', 'a'])).toEqual({ html: '<p>No markers</p>', sources: ['b', 'a'], cited: 0 });
    expect(cardSourceAnchor('european-force', 2)).toBe('european-force-src-2');
  });

  it('outside a card, writes one small number-free mark whose name lists the outlets, once each', () => {
    const html = namedGroupMarker(
      [
        { source: 'gbf', n: 40, detail: 'Global Banking & Finance Review, “X”, 1 May 2025', publisher: 'Global Banking & Finance Review' },
        { source: 'bbg', n: 1, detail: 'Bloomberg News (distributed by Tribune Content Agency), “Y”, 18 December 2025', publisher: 'Bloomberg News (distributed by Tribune Content Agency)' },
        { source: 'bbg2', n: 7, detail: 'Bloomberg News, “Z”, 19 December 2025', publisher: 'Bloomberg News' },
      ],
      (item) => `/sources/#source-${item.source}`,
    );
    // Without JavaScript, a plain link to the first source's full record.
    expect(html).toContain(' href="/sources/#source-bbg" target="_self"');
    expect(html).toContain('aria-label="Sources: Bloomberg News, Global Banking &amp; Finance Review"');
    // What shows is a mark drawn by CSS (a circled "i"): no outlet names, no brackets, no number,
    // and no element of its own; the link's name says whose sources it opens.
    const visible = html.replace(/<[^>]+>/g, '');
    expect(visible).toBe('');
    expect(html).toMatch(/aria-label="Sources: [^"]+"><\/a>$/);
    expect(html).not.toContain('<svg');
    // The note that opens in place reads each source's detail and links to its record.
    expect(html).toContain('data-hrefs="/sources/#source-bbg /sources/#source-bbg2 /sources/#source-gbf"');
    expect(html).toContain('data-details="[&quot;Bloomberg News (distributed by Tribune Content Agency), “Y”, 18 December 2025&quot;,');
    expect(html).toContain('data-pagefind-ignore');
    expect(html).not.toContain('title=');
  });

  it('names one source as "Source"', () => {
    const html = namedGroupMarker([{ source: 'a', n: 2, detail: 'AP, “T”, 1 May 2025', publisher: 'Associated Press' }], (item) => `/sources/#source-${item.source}`);
    expect(html).toContain('aria-label="Source: Associated Press"');
  });

  it('inside a card, merges markers side by side into one, and leaves markers apart alone', () => {
    const body = `<p>One${mark('z', 70)} ${mark('a', 13)}\n${mark('z', 70)}. Two ${mark('m', 5)}, three${mark('a', 13)}</p>`;
    const { html, sources } = numberFootnotes(body, 'army', []);
    expect(sources).toEqual(['z', 'a', 'm']);
    expect(html.match(/<a class="cite/g)).toHaveLength(3);
    expect(html).toContain('One<a class="cite cite-group" data-footnotes="z a"');
    expect(html).toContain('>[1, 2]</a>. Two<a class="cite');
    expect(html).toContain('data-hrefs="#army-src-1 #army-src-2"');
    expect(html).toContain('aria-label="Sources 1, 2: Publisher of z; Publisher of a"');
    expect(numbersIn(html)).toEqual([3, 2]);
    expect(html.endsWith('three<a class="cite" data-footnote="a" data-pagefind-ignore href="#army-src-2" target="_self" title="Source 2: Publisher of a" aria-label="Source 2: Publisher of a">[2]</a></p>')).toBe(true);
  });

  it('inside a card, turns a named marker into the card’s own numbers', () => {
    const named = namedGroupMarker(
      [
        { source: 'a', n: 13, detail: 'Publisher of a', publisher: 'AP' },
        { source: 'z', n: 70, detail: 'Publisher of z', publisher: 'Reuters' },
      ],
      (item) => `/sources/#source-${item.source}`,
    );
    const { html, sources } = numberFootnotes(`<td>Cell ${mark('z', 70)} and ${named}</td>`, 'army', []);
    expect(sources).toEqual(['z', 'a']);
    expect(html).toContain('>[1, 2]</a></td>');
    expect(html).toContain('href="#army-src-1"');
    expect(html).toContain('aria-label="Sources 1, 2: Publisher of z; Publisher of a"');
    expect(html).not.toContain('AP');
    expect(html).not.toContain('cite-icon');
    expect(html).not.toContain('/sources/');
  });
});

describe('publisherNames', () => {
  it('names each newsroom once in a source line: glosses dropped, "Bloomberg" and "Bloomberg News" one name', () => {
    expect(publisherNames(['Bloomberg News (distributed by Tribune Content Agency)', 'Bloomberg News', 'RTÉ News'])).toEqual(['Bloomberg News', 'RTÉ News']);
    expect(publisherNames(['United Nations', 'United Nations (Treaty Series)', 'Bloomberg (in the National Post)', 'Lawfare', 'Bloomberg News'])).toEqual(['United Nations', 'Bloomberg', 'Lawfare']);
  });

  it('keeps different newsrooms apart, in first-seen order', () => {
    expect(publisherNames(['Reuters', 'Associated Press', 'Reuters', 'ABC News', 'ABC'])).toEqual(['Reuters', 'Associated Press', 'ABC News']);
    expect(publisherNames(['Euronews', 'News Corp'])).toEqual(['Euronews', 'News Corp']);
  });

  it('a named marker outside a card names Bloomberg once, however its sources spell it', () => {
    const html = namedGroupMarker(
      [
        { source: 'a', n: 1, detail: 'x', publisher: 'Bloomberg News (distributed by Tribune Content Agency)' },
        { source: 'b', n: 2, detail: 'y', publisher: 'Bloomberg' },
      ],
      (item) => `/sources/#source-${item.source}`,
    );
    expect(html).toContain('aria-label="Sources: Bloomberg News"');
  });
});

