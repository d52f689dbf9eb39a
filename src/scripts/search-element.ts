/**
 * <ex-search>: runs a Pagefind query for the form's input and ?q=, and lists results with
 * card-level sub-results. Pagefind is fetched from this site only when the element is used.
 * Results are built with DOM methods; Pagefind's excerpts carry only <mark> highlights, which
 * are rebuilt from text rather than inserted as HTML. Within a page, cards are listed best match
 * first (src/lib/search-results.ts).
 */
import { excerptParts, rankSubResults } from '../lib/search-results';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
  locations?: number[];
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: PagefindSubResult[];
}
interface Pagefind {
  options(o: { baseUrl?: string; excerptLength?: number; excerptEllipsis?: string }): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

/** Append Pagefind's excerpt as text nodes and <mark> elements (never as HTML). */
function appendExcerpt(parent: HTMLElement, excerpt: string): void {
  for (const part of excerptParts(excerpt)) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      parent.append(mark);
    } else {
      parent.append(part.text);
    }
  }
}

class ExSearch extends HTMLElement {
  #pagefind?: Promise<Pagefind>;

  connectedCallback(): void {
    const form = this.querySelector('form')!;
    const input = this.querySelector('input')!;
    const status = this.querySelector<HTMLElement>('.search-status')!;
    if (location.protocol === 'file:') {
      status.textContent = this.dataset.needsHttp ?? '';
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
      await pagefind.options({ baseUrl: this.dataset.base ?? '/', excerptLength: 24, excerptEllipsis: '…' });
      return pagefind;
    })();
    return this.#pagefind;
  }

  async run(q: string): Promise<void> {
    const status = this.querySelector<HTMLElement>('.search-status')!;
    const list = this.querySelector<HTMLOListElement>('.search-results')!;
    list.replaceChildren();
    if (!q) {
      status.textContent = '';
      return;
    }
    let search;
    try {
      search = await (await this.#load()).search(q);
    } catch {
      status.textContent = this.dataset.needsHttp ?? '';
      return;
    }
    const results = await Promise.all((search?.results ?? []).slice(0, 10).map((r) => r.data()));
    status.textContent = results.length ? `${results.length} ${this.dataset.results} “${q}”` : `${this.dataset.noResults} “${q}”`;
    for (const r of results) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = r.url;
      a.textContent = r.meta.title ?? r.url;
      li.append(a);
      const subs = rankSubResults(r.url, r.sub_results);
      if (subs.length) {
        const ul = document.createElement('ul');
        for (const s of subs.slice(0, 5)) {
          const sli = document.createElement('li');
          const sa = document.createElement('a');
          sa.href = s.url;
          sa.textContent = s.title;
          const p = document.createElement('p');
          p.className = 'excerpt';
          appendExcerpt(p, s.excerpt);
          sli.append(sa, p);
          ul.append(sli);
        }
        li.append(ul);
      } else {
        const p = document.createElement('p');
        p.className = 'excerpt';
        appendExcerpt(p, r.excerpt);
        li.append(p);
      }
      list.append(li);
    }
  }
}

customElements.define('ex-search', ExSearch);
