/**
 * Footnotes and "What changed" links inside cards. Without JavaScript they are plain in-page
 * links (browsers open a closed <details> they point into). With it:
 * - on a site page, a link into a card's closed source list or change log opens it first, so the
 *   jump lands on a visible entry, in every browser;
 * - in an embed (html.embed), a footnote does not move anything: the frame is as tall as its
 *   content, so a jump would scroll the host's page. The source opens in place instead, under
 *   the line that cites it, with its link opening in a new tab. A second click closes it.
 */
const NOTE_CLASS = 'footnote-note';

function openAround(target: Element): void {
  for (let el: Element | null = target; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true;
}

function targetOf(link: HTMLAnchorElement): Element | null {
  const hash = link.getAttribute('href') ?? '';
  if (!hash.startsWith('#') || hash.length < 2) return null;
  return document.getElementById(decodeURIComponent(hash.slice(1)));
}

/** Shows (or hides) the cited source under the marker, inside the frame. */
function toggleNote(marker: Element, entry: Element): void {
  const next = marker.nextElementSibling;
  if (next?.classList.contains(NOTE_CLASS)) {
    next.remove();
    return;
  }
  const note = document.createElement('span');
  note.className = NOTE_CLASS;
  note.setAttribute('role', 'note');
  const copy = entry.cloneNode(true) as Element;
  copy.removeAttribute('id');
  for (const a of copy.querySelectorAll('a')) {
    a.target = '_blank';
    a.rel = 'noopener';
  }
  note.append(...copy.childNodes);
  marker.after(note);
}

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('.card a[href^="#"]') : null;
  if (!(link instanceof HTMLAnchorElement)) return;
  const target = targetOf(link);
  if (!target) return;
  const marker = link.closest('sup.cite');
  if (marker && document.documentElement.classList.contains('embed')) {
    event.preventDefault();
    toggleNote(marker, target);
    return;
  }
  openAround(target);
});

function openHashTarget(): void {
  const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target?.closest('.card')) openAround(target);
}
window.addEventListener('hashchange', openHashTarget);
openHashTarget();
