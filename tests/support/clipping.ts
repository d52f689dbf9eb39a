/**
 * Text a reader cannot see whole: cut off by the viewport's edge, or clipped by an ancestor that
 * hides its overflow. Text inside a scroll container that can actually scroll is fine (the reader
 * can scroll to it), and so is text that is not rendered (closed <details>, display: none) or
 * hidden on purpose for screen readers only (.visually-hidden, or any 1 px clipped box).
 * Runs in the page (pass to page.evaluate); returns one line per problem.
 */
export function clippedText(): string[] {
  const vw = document.documentElement.clientWidth;
  const out: string[] = [];
  const label = (el: Element) => `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className.trim()}"` : ''}>`;
  const ancestors = (el: Element) => {
    const list: Element[] = [];
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) list.push(a);
    return list;
  };
  const scrolls = (el: Element) => {
    const cs = getComputedStyle(el);
    return ((cs.overflowX === 'auto' || cs.overflowX === 'scroll') && el.scrollWidth > el.clientWidth) || ((cs.overflowY === 'auto' || cs.overflowY === 'scroll') && el.scrollHeight > el.clientHeight);
  };
  const clips = (el: Element) => {
    const cs = getComputedStyle(el);
    return ['hidden', 'clip'].includes(cs.overflowX) || ['hidden', 'clip'].includes(cs.overflowY);
  };
  const srOnly = (el: Element) =>
    el.closest('.visually-hidden') !== null ||
    [el, ...ancestors(el)].some((a) => {
      const r = a.getBoundingClientRect();
      return r.width <= 1 && r.height <= 1;
    });
  if (document.documentElement.scrollWidth > vw + 1) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${vw} px viewport`);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('script, style, template, noscript, head')) continue;
    if (srOnly(parent) || getComputedStyle(parent).visibility === 'hidden') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!rects.length) continue;
    const chain = ancestors(parent);
    if (chain.some(scrolls) || scrolls(parent)) continue;
    const what = `"${text.slice(0, 60)}" in ${label(parent)}`;
    for (const r of rects) {
      if (r.right > vw + 1 || r.left < -1) {
        out.push(`${what} is cut off by the viewport (${Math.round(r.left)}–${Math.round(r.right)} of ${vw} px)`);
        break;
      }
      const clipper = [parent, ...chain].find((a) => {
        if (!clips(a)) return false;
        const c = a.getBoundingClientRect();
        return r.right > c.right + 1 || r.left < c.left - 1 || r.bottom > c.bottom + 1 || r.top < c.top - 1;
      });
      if (clipper) {
        out.push(`${what} is clipped by ${label(clipper)}`);
        break;
      }
    }
  }
  return [...new Set(out)];
}
