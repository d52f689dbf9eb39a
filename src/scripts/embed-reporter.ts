/**
 * Runs on every embed page (bundled by Astro from EmbedLayout; no inline script, so the strict
 * CSP holds). It applies ?theme= and ?bg=transparent, and, when the page is in a frame, reports
 * the page's height to the host in every dialect (src/lib/embed/protocol.ts) whenever it changes.
 *
 * The height is measured on <html>, not <body>: the root element is a block formatting context,
 * so the body's and its children's margins are inside it (pym.js measures body.offsetHeight and
 * loses collapsed margins: nprapps/pym.js#83). A ResizeObserver sees every change (fonts,
 * images, the chart canvas, a <details> opened, a narrower column) without polling.
 */
import { heightMessages, isHeightRequest, readEmbedContext, toReportedHeight, wordpressLinkMessage } from '@/lib/embed/protocol';

const root = document.documentElement;
const ctx = readEmbedContext(location.search, location.hash);
if (ctx.theme) root.dataset.theme = ctx.theme;
if (ctx.transparent) root.classList.add('embed-transparent');

if (window.parent !== window) {
  const unitId = root.dataset.embedUnit ?? 'embed';
  let last = 0;

  const report = (force: boolean) => {
    const height = toReportedHeight(root.getBoundingClientRect().height);
    if (!height || (height === last && !force)) return;
    last = height;
    // Height is not a secret, and the host's origin is unknown to us: target '*'.
    for (const message of heightMessages(height, ctx, unitId, location.href)) window.parent.postMessage(message, '*');
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
    if (event.source === window.parent && isHeightRequest(event.data, ctx)) report(true);
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
