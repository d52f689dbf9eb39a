/**
 * Runs on every embed page (bundled by Astro from EmbedLayout; no inline script, so the strict
 * CSP holds). It applies ?theme= (the page is built light; dark or auto only when asked:
 * src/lib/embed/theme.ts) and ?bg=transparent and, when the page is in a frame, reports
 * the page's height to the host in every dialect (src/lib/embed/protocol.ts) whenever it changes.
 *
 * The height is measured on <html>, not <body>: the root element is a block formatting context,
 * so the body's and its children's margins are inside it (pym.js measures body.offsetHeight and
 * loses collapsed margins: nprapps/pym.js#83). A ResizeObserver sees every change (fonts,
 * images, the chart canvas, a <details> opened, a narrower column) without polling.
 *
 * In WordPress (`#?secret=`), whose frames are at most 1000 px tall, a long unit shows its first
 * blocks and "Continue reading on the explainer" (src/lib/embed/fit.ts). Elsewhere a card longer
 * than two phone screens folds the rest of its body behind "Continue reading", opened in place.
 */
import { blocksThatFit, CARD_EMBED_MAX_HEIGHT, WORDPRESS_MAX_HEIGHT } from '@/lib/embed/fit';
import { darkSourceMedia, DEFAULT_THEME, THEME_MEDIA_ATTR } from '@/lib/embed/theme';
import { heightMessages, iframeResizerInitId, iframeResizerMessage, isHeightRequest, readEmbedContext, toReportedHeight, wordpressLinkMessage } from '@/lib/embed/protocol';

const root = document.documentElement;
const ctx = readEmbedContext(location.search, location.hash);
const theme = ctx.theme ?? DEFAULT_THEME;
// No data-theme: tokens.css follows the reader's setting (auto). The chart runtime reads it too.
if (theme === 'auto') delete root.dataset.theme;
else root.dataset.theme = theme;
// The charts' dark images, switched off in the built page, follow the theme.
for (const source of document.querySelectorAll<HTMLSourceElement>(`source[${THEME_MEDIA_ATTR}]`)) {
  source.media = darkSourceMedia(source.getAttribute(THEME_MEDIA_ATTR)!, theme);
}
if (ctx.transparent) root.classList.add('embed-transparent');

const pageHeight = () => root.getBoundingClientRect().height;

/**
 * Hides the unit's trailing blocks that do not fit in `limit` (marked `cls`) and shows `more`
 * (the link or button that says so); shows everything and hides `more` when all fits. `min`:
 * the blocks always kept.
 */
function fitBlocks(unit: Element, more: HTMLElement, limit: number, min: number, cls: string): void {
  for (const b of unit.children) b.classList.remove(cls);
  // Only blocks with a box (not a <script>, nothing already hidden) take room.
  const blocks = [...unit.children].filter((b) => b.getClientRects().length);
  more.hidden = true;
  const without = pageHeight();
  more.hidden = false;
  const tops = blocks.map((b) => b.getBoundingClientRect().top);
  const bottom = unit.getBoundingClientRect().bottom;
  const heights = tops.map((top, i) => (tops[i + 1] ?? bottom) - top);
  const withLink = pageHeight();
  const rest = withLink - (bottom - (tops[0] ?? bottom));
  const kept = blocksThatFit(heights, rest, withLink - without, limit, min);
  blocks.slice(kept).forEach((b) => b.classList.add(cls));
  more.hidden = kept === blocks.length;
}

/** WordPress only: hide the unit's trailing blocks that do not fit, show the continue link. */
function fitWordPress(): void {
  const unit = document.querySelector('main .card-body') ?? document.querySelector('main > figure');
  const more = document.querySelector<HTMLElement>('.embed-continue');
  if (!unit || !more) return;
  // A chart keeps its title and image. A card's question, answer and notices sit above its body,
  // so it may keep none of the body: a card that opens with a long later development (an update
  // that carries a chart) shows its answer and the link on rather than scrolling in the cap.
  fitBlocks(unit, more, WORDPRESS_MAX_HEIGHT, unit.tagName === 'FIGURE' ? 2 : 0, 'embed-cut');
}

/**
 * Everywhere but WordPress: a card taller than two phone screens (CARD_EMBED_MAX_HEIGHT) shows its
 * first body blocks and a "Continue reading" button under them that opens the rest in place.
 * Folded again only when the width changes (or the fonts arrive), never after the reader opened it.
 * Without JavaScript the whole card shows.
 */
const cardBody = ctx.secret ? null : document.querySelector<HTMLElement>('main .card-body');
if (cardBody) {
  const fold = document.createElement('p');
  fold.className = 'embed-expand';
  fold.hidden = true;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = document.body.dataset.expandLabel ?? '';
  fold.append(button);
  cardBody.after(fold);
  let foldedAt = -1;
  let opened = false;
  const foldCard = (force: boolean) => {
    const width = root.clientWidth;
    if (opened || (!force && width === foldedAt)) return;
    foldedAt = width;
    fitBlocks(cardBody, fold, CARD_EMBED_MAX_HEIGHT, 1, 'embed-folded');
  };
  button.addEventListener('click', () => {
    opened = true;
    const first = cardBody.querySelector<HTMLElement>(':scope > .embed-folded');
    for (const b of cardBody.querySelectorAll(':scope > .embed-folded')) b.classList.remove('embed-folded');
    fold.hidden = true;
    if (first) {
      first.tabIndex = -1;
      first.focus({ preventScroll: true });
    }
  });
  foldCard(true);
  void document.fonts.ready.then(() => foldCard(true));
  new ResizeObserver(() => foldCard(false)).observe(root);
}

if (window.parent !== window) {
  const unitId = root.dataset.embedUnit ?? 'embed';
  let last = 0;

  const report = (force: boolean) => {
    if (ctx.secret) fitWordPress();
    const height = toReportedHeight(pageHeight());
    if (!height || (height === last && !force)) return;
    last = height;
    // Height is not a secret, and the host's origin is unknown to us: target '*'.
    for (const message of heightMessages(height, ctx, unitId, location.href, root.scrollWidth)) window.parent.postMessage(message, '*');
    // Native responsive iframes (<meta name="responsive-embedded-sizing"> + CSS frame-sizing on
    // the host's iframe), where the browser has them. Throws when the host did not opt in.
    try {
      (window as Window & { requestResize?: () => void }).requestResize?.();
    } catch {
      /* not available here */
    }
  };

  new ResizeObserver(() => report(false)).observe(root);
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    // An iframe-resizer v4 parent introduces itself; its first answer is typed 'init'.
    const resizerId = iframeResizerInitId(event.data);
    if (resizerId) {
      ctx.resizerId = resizerId;
      window.parent.postMessage(iframeResizerMessage(resizerId, toReportedHeight(pageHeight()), root.scrollWidth, 'init'), '*');
    } else if (isHeightRequest(event.data, ctx)) report(true);
  });

  if (ctx.secret) {
    // In WordPress our frame is sandboxed and cannot navigate the top window itself; wp-embed.js
    // follows {message:'link'} for links to the embed's own host, so ask it to.
    document.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.origin !== location.origin) return;
      const message = wordpressLinkMessage(link.href, ctx);
      if (!message) return;
      event.preventDefault();
      window.parent.postMessage(message, '*');
    });
  }

  report(true);
}
