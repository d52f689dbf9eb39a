/**
 * On-demand parts of a page (src/components/site/OnDemand.astro): a <noscript data-on-demand>
 * holds markup a reader sees only on opening something, so that it is not made
 * into elements, styled or laid out on load. This makes it elements:
 * - when the <details> around it opens (a card's Sources, What changed, Share);
 * - when a link on the page, or the page's address, points to an id inside it (a footnote's
 *   #<card>-src-<n>, a notice's #<card>-changes), before the footnotes script looks for it;
 * - before printing, so a printed page holds everything.
 * Without JavaScript none of this runs, and the browser shows the <noscript> as it is.
 */
import { showServedAddress } from './served-address';

const BOX = 'noscript[data-on-demand]';

/** Turns one part's <noscript> into elements in its place, and drops the stand-in link after it. */
function fill(box: Element): void {
  const parent = box.parentElement;
  if (!parent || !box.isConnected) return;
  const link = box.nextElementSibling;
  if (link?.classList.contains('on-demand-link')) link.remove();
  const template = document.createElement('template');
  template.innerHTML = box.textContent ?? '';
  box.replaceWith(template.content);
  // In a build without SITE_URL, what came in names the served address too (a citation's
  // <details> is itself the marked element, so start above it).
  showServedAddress(parent.closest('[data-built-site]')?.parentElement ?? parent);
}

function fillAll(): void {
  for (const box of document.querySelectorAll(BOX)) fill(box);
}

/** The part that holds the element with this id, when it is still unfilled. */
function boxHolding(id: string): Element | undefined {
  if (!id || document.getElementById(id)) return undefined;
  const needle = `id="${id.replace(/[&"<>]/g, '')}"`;
  return [...document.querySelectorAll(BOX)].find((b) => b.textContent?.includes(needle));
}

function openAround(target: Element): void {
  for (let el: Element | null = target; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true;
}

// A disclosure opened by the reader (or by a script): fill what it holds directly.
document.addEventListener(
  'toggle',
  (event) => {
    const details = event.target;
    if (!(details instanceof HTMLDetailsElement) || !details.open) return;
    for (const box of details.querySelectorAll(BOX)) if (box.closest('details') === details) fill(box);
  },
  true,
);

// Capture: runs before the footnotes script's click handler, which then finds the entry.
document.addEventListener(
  'click',
  (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    if (!link) return;
    const id = decodeURIComponent((link.getAttribute('href') ?? '').slice(1));
    const box = boxHolding(id);
    if (box) fill(box);
  },
  true,
);

function fillHashTarget(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const box = boxHolding(id);
  if (!box) return;
  fill(box);
  const target = document.getElementById(id);
  if (!target) return;
  openAround(target);
  target.scrollIntoView();
}
window.addEventListener('hashchange', fillHashTarget);
fillHashTarget();
// This script may load after the first paint (src/lib/script-loader.ts): what a reader opened
// before it ran comes in now.
for (const box of document.querySelectorAll(BOX)) if (box.closest('details')?.open) fill(box);

window.addEventListener('beforeprint', fillAll);
matchMedia('print').addEventListener('change', (event) => {
  if (event.matches) fillAll();
});
