/**
 * In a build without SITE_URL, puts the address the page is served from in place of the
 * build's stand-in address, inside every element marked data-built-site (src/lib/served-address.ts):
 * text, code boxes and links. The note that explains the stand-in to readers without JavaScript
 * is then hidden. Nothing is marked in a build with SITE_URL, so there this does nothing.
 */
import { BUILT_SITE_ATTR, BUILT_SITE_NOTE_ATTR, servedSite, toServedAddress } from '../lib/served-address';

/** The served form of `text`, for the marked element around `el` (unchanged when unmarked). */
export function servedText(el: Element, text: string): string {
  const built = el.closest(`[${BUILT_SITE_ATTR}]`)?.getAttribute(BUILT_SITE_ATTR);
  return built ? toServedAddress(text, built, servedSite(built, location.origin)) : text;
}

export function showServedAddress(root: ParentNode = document): void {
  for (const marked of root.querySelectorAll(`[${BUILT_SITE_ATTR}]`)) {
    const built = marked.getAttribute(BUILT_SITE_ATTR)!;
    const served = servedSite(built, location.origin);
    if (served === built) continue;
    const move = (s: string) => toServedAddress(s, built, served);
    const texts = document.createTreeWalker(marked, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const moved = move(node.nodeValue ?? '');
      if (moved !== node.nodeValue) node.nodeValue = moved;
    }
    // A code box's text node is its default value; its live value is what Copy copies.
    for (const box of marked.querySelectorAll('textarea')) box.value = move(box.value);
    for (const link of marked.querySelectorAll('a[href]')) link.setAttribute('href', move(link.getAttribute('href')!));
    for (const note of marked.querySelectorAll<HTMLElement>(`[${BUILT_SITE_NOTE_ATTR}]`)) note.hidden = true;
  }
}
