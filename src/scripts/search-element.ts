/**
 * <ex-search>: runs a Pagefind query for the form's input and ?q=, and lists results with
 * card-level sub-results. Pagefind is fetched from this site only when the element is used.
 * Results are built with DOM methods; Pagefind's excerpts carry only <mark> highlights, which
 * are rebuilt from text rather than inserted as HTML. What is listed, in what order, and the
 * count above it come from src/lib/search-results.ts: within a page, cards best match first; for
 * a query with a number next to a word ("Article 5"), the cards with that phrase first and the
 * others under a heading of their own.
 *
 * On a Ukrainian page (<html lang="uk">) each query word is sent to Pagefind as its stem, with its
 * apostrophe folded to ’ (src/lib/search-stem.ts): Pagefind has no Ukrainian stemmer, and matches
 * the stem as a prefix of every form of the word in the index. Only the Ukrainian edition's build
 * carries the stemmer: import.meta.env.EDITION is fixed at build time, so the English bundle drops
 * it (a lazy import() would cost every edition Vite's preload helper, about as large as the stemmer).
 */
import { countText, listResults, type ExcerptPart, type ListedPage, type PageData } from '../lib/search-results';
import * as ukrainianStemming from '../lib/search-stem';
import { fill } from '../lib/strings';

const EXCERPT_LENGTH = 24;

interface Pagefind {
  options(o: { baseUrl?: string; excerptLength?: number; excerptEllipsis?: string }): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PageData> }[] } | null>;
}

/** Append an excerpt as text nodes and <mark> elements (never as HTML). */
function appendExcerpt(parent: HTMLElement, parts: readonly ExcerptPart[]): void {
  for (const part of parts) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      parent.append(mark);
    } else {
      parent.append(part.text);
    }
  }
}

function excerptElement(parts: readonly ExcerptPart[]): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'excerpt';
  appendExcerpt(p, parts);
  return p;
}

/** One page of results: its title, then its cards (or its own excerpt when no card matched). */
function pageItem(page: ListedPage): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = page.url;
  a.textContent = page.title;
  li.append(a);
  if (!page.cards.length) {
    li.append(excerptElement(page.excerpt));
    return li;
  }
  const ul = document.createElement('ul');
  for (const card of page.cards) {
    const cli = document.createElement('li');
    const ca = document.createElement('a');
    ca.href = card.url;
    ca.textContent = card.title;
    cli.append(ca, excerptElement(card.excerpt));
    ul.append(cli);
  }
  li.append(ul);
  return li;
}

/** The stemming this edition's build carries: the Ukrainian one's, or none. */
const STEMMING = import.meta.env.EDITION === 'uk' ? ukrainianStemming : undefined;

class ExSearch extends HTMLElement {
  #pagefind?: Promise<Pagefind>;
  #strings: Record<string, string> = {};

  connectedCallback(): void {
    const form = this.querySelector('form')!;
    const input = this.querySelector('input')!;
    const status = this.querySelector<HTMLElement>('.search-status')!;
    this.#strings = JSON.parse(this.dataset.strings ?? '{}') as Record<string, string>;
    if (location.protocol === 'file:') {
      status.textContent = this.#strings['search.needsHttp'] ?? '';
      return;
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const q = input.value.trim();
      const url = new URL(location.href);
      url.searchParams.set('q', q);
      history.replaceState(null, '', url);
      void this.run(q);
    });
    const q = new URLSearchParams(location.search).get('q')?.trim();
    if (q) {
      input.value = q;
      void this.run(q);
    }
  }

  #load(): Promise<Pagefind> {
    this.#pagefind ??= (async () => {
      const url = `${this.dataset.bundle}pagefind.js`;
      const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
      // An excerpt starts and ends mid-sentence; the ellipsis says so.
      await pagefind.options({ baseUrl: this.dataset.base ?? '/', excerptLength: EXCERPT_LENGTH, excerptEllipsis: '…' });
      return pagefind;
    })();
    return this.#pagefind;
  }

  async run(q: string): Promise<void> {
    const status = this.querySelector<HTMLElement>('.search-status')!;
    const list = this.querySelector<HTMLOListElement>('.search-results')!;
    list.replaceChildren();
    this.querySelector('.search-apart')?.remove();
    if (!q) {
      status.textContent = '';
      return;
    }
    const stemming = document.documentElement.lang === 'uk' ? STEMMING : undefined;
    let search;
    try {
      search = await (await this.#load()).search(stemming ? stemming.stemQuery(q) : q);
    } catch {
      status.textContent = this.#strings['search.needsHttp'] ?? '';
      return;
    }
    const pages = await Promise.all((search?.results ?? []).slice(0, 10).map((r) => r.data()));
    const listing = listResults(q, pages, { excerptLength: EXCERPT_LENGTH, stem: stemming?.searchStem });
    status.textContent = countText(listing, q, this.#strings);
    list.append(...listing.main.map(pageItem));
    if (listing.apart.length) {
      // The matches without the phrase, after the list and under a heading of their own.
      const section = document.createElement('section');
      section.className = 'search-apart';
      const heading = document.createElement('h2');
      heading.className = 'search-apart-heading';
      heading.id = 'search-apart-heading';
      heading.textContent = fill(this.#strings['search.apart'] ?? '', { phrase: listing.phrases.join('”, “') });
      section.setAttribute('aria-labelledby', heading.id);
      const apartList = document.createElement('ol');
      apartList.className = 'search-results search-results-apart';
      apartList.append(...listing.apart.map(pageItem));
      section.append(heading, apartList);
      list.after(section);
    }
  }
}

customElements.define('ex-search', ExSearch);
