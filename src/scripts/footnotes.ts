/**
 * Footnote markers (<Cite>, <CiteGroup>), figures (<Value>) and "What changed" links. Without
 * JavaScript they are plain links: a card's marker to its entry in the card's source list
 * (browsers open a closed <details> they point into), a marker outside a card and a figure to the
 * source's entry on the sources page. With it:
 * - a marker or a figure opens its sources in place, in a note under the line that cites them:
 *   inside a card, the entries of the card's own list; outside, each source's title and date,
 *   linked to its full record; for a figure, its date, source and confidence. The page does not
 *   move and the URL does not change. A second tap, Escape or the note's close button closes it
 *   and puts focus back on the marker; one note is open at a time.
 * - in an embed (html.embed) this matters most: the frame is as tall as its content, so a jump
 *   would scroll the host's page. There a note's links open in a new tab.
 * - on a site page, a link into a card's closed source list or change log opens it first, so the
 *   jump lands on a visible entry, in every browser.
 */
const NOTE_CLASS = 'footnote-note';
const ITEM_CLASS = 'footnote-note-item';
const CLOSE_CLASS = 'footnote-close';

interface Trigger {
  link: HTMLAnchorElement;
  /** What the note follows: the marker (a.cite) or the figure (a.value) itself. */
  anchor: Element;
}

let current: (Trigger & { note: HTMLElement }) | null = null;
let count = 0;
const inEmbed = () => document.documentElement.classList.contains('embed');

function openAround(target: Element): void {
  for (let el: Element | null = target; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true;
}

function elementAt(href: string): Element | null {
  if (!href.startsWith('#') || href.length < 2) return null;
  return document.getElementById(decodeURIComponent(href.slice(1)));
}

/** The marker or figure a click landed on, if any. */
function triggerOf(el: Element): Trigger | null {
  const link = el.closest('a');
  if (!(link instanceof HTMLAnchorElement)) return null;
  if (link.matches('a.cite')) return { link, anchor: link };
  if (link.matches('a.value') && link.querySelector('.value-note')) return { link, anchor: link };
  return null;
}

function item(): HTMLElement {
  const span = document.createElement('span');
  span.className = ITEM_CLASS;
  return span;
}

/** What the note shows, one item per source. */
function itemsFor({ link, anchor }: Trigger): HTMLElement[] {
  const fresh = (a: HTMLAnchorElement) => {
    if (inEmbed()) {
      a.target = '_blank';
      a.rel = 'noopener';
    }
    return a;
  };
  const valueNote = anchor.querySelector('.value-note');
  if (valueNote) {
    // "Army, as of 18 December 2025. Source: Bloomberg. High confidence.", the source linked.
    const span = item();
    const text = valueNote.textContent ?? '';
    const name = valueNote.getAttribute('data-source-name') ?? '';
    const at = name ? text.lastIndexOf(name) : -1;
    if (at < 0) {
      span.textContent = text;
      return [span];
    }
    const a = fresh(document.createElement('a'));
    a.href = link.href;
    a.textContent = name;
    span.append(text.slice(0, at), a, text.slice(at + name.length));
    return [span];
  }
  const hrefs = (anchor.getAttribute('data-hrefs') ?? link.getAttribute('href') ?? '').split(' ').filter(Boolean);
  let details: string[] = [];
  try {
    details = JSON.parse(anchor.getAttribute('data-details') ?? '[]') as string[];
  } catch {
    details = [];
  }
  return hrefs.map((href, i) => {
    const span = item();
    const entry = elementAt(href);
    if (entry) {
      // The entry of the card's own list, as it reads there.
      const copy = entry.cloneNode(true) as Element;
      copy.removeAttribute('id');
      for (const a of copy.querySelectorAll('a')) fresh(a);
      span.append(...copy.childNodes);
    } else {
      const a = fresh(document.createElement('a'));
      a.href = href;
      a.textContent = details[i] ?? href;
      span.append(a);
    }
    return span;
  });
}

/**
 * Makes a change to the page without moving what the reader is looking at: the trigger stays
 * where it was on the screen (a note closing above it would otherwise pull it up).
 */
function keepInPlace(el: Element, change: () => void): void {
  const before = el.getBoundingClientRect().top;
  change();
  const shift = el.getBoundingClientRect().top - before;
  if (Math.abs(shift) >= 1) window.scrollBy(0, shift);
}

function close(returnFocus: boolean): void {
  if (!current) return;
  const { link, anchor, note } = current;
  current = null;
  keepInPlace(link, () => {
    note.remove();
    link.setAttribute('aria-expanded', 'false');
    link.removeAttribute('aria-controls');
    anchor.classList.remove('is-open');
  });
  if (returnFocus) link.focus({ preventScroll: true });
}

function show(trigger: Trigger): void {
  const { link, anchor } = trigger;
  const note = document.createElement('span');
  note.className = NOTE_CLASS;
  note.id = `footnote-note-${++count}`;
  note.setAttribute('role', 'group');
  note.setAttribute('aria-label', link.getAttribute('aria-label') ?? link.textContent ?? '');
  // Text only this script writes (tests/support/page-checks.ts reads the page without it).
  note.setAttribute('data-js-only', '');
  note.setAttribute('data-pagefind-ignore', '');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = CLOSE_CLASS;
  button.setAttribute('aria-label', document.body.dataset.noteClose ?? 'Close');
  button.textContent = '×';
  note.append(button, ...itemsFor(trigger));
  keepInPlace(link, () => {
    anchor.after(note);
    link.setAttribute('aria-expanded', 'true');
    link.setAttribute('aria-controls', note.id);
    anchor.classList.add('is-open');
  });
  current = { ...trigger, note };
  // A note opened near the bottom of the screen comes up just enough to be read. Not in an
  // embed: there the frame is as tall as the card, and scrolling would move the host's page.
  if (!inEmbed()) {
    const box = note.getBoundingClientRect();
    if (box.bottom > window.innerHeight) window.scrollBy(0, Math.min(box.bottom - window.innerHeight + 8, box.top - 8));
  }
}

function toggle(trigger: Trigger): void {
  const same = current?.link === trigger.link;
  close(false);
  if (!same) show(trigger);
}

function enhance(): void {
  for (const a of document.querySelectorAll('a.cite, a.value')) {
    if (!a.hasAttribute('aria-expanded')) a.setAttribute('aria-expanded', 'false');
  }
  document.documentElement.classList.add('notes-in-place');
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const el = event.target instanceof Element ? event.target : null;
  if (!el) return;
  if (el.closest(`.${CLOSE_CLASS}`) && current?.note.contains(el)) {
    close(true);
    return;
  }
  const trigger = triggerOf(el);
  if (trigger) {
    event.preventDefault();
    toggle(trigger);
    return;
  }
  const link = el.closest('.card a[href^="#"]');
  if (!(link instanceof HTMLAnchorElement)) return;
  const target = elementAt(link.getAttribute('href') ?? '');
  if (target) openAround(target);
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && current) {
    event.preventDefault();
    close(true);
  }
});

function openHashTarget(): void {
  const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target?.closest('.card')) openAround(target);
}
window.addEventListener('hashchange', openHashTarget);
openHashTarget();
enhance();
