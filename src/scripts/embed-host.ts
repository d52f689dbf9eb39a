/**
 * The host script newsrooms load from <base>embed.js (built by src/pages/embed.js.ts into one
 * small classic script, no dependency). It turns each placeholder
 *   <div data-explainer-embed="https://…/embed/<stack>/<card>/" data-height="900"><a href="…">Title</a></div>
 * into an iframe and keeps the iframe as tall as its page. An optional data-theme="dark|auto"
 * on the placeholder is passed to the embed page as ?theme= (embeds are light otherwise).
 *
 * Trust: a message changes a height only if it comes from the window of an iframe this script
 * created (event.source), from the origin that iframe was loaded from, in the one expected
 * shape, with a sane number (src/lib/embed/host.ts). The only thing a message can change is
 * that iframe's height in pixels. It never navigates and never writes message data into the page.
 *
 * Each pasted snippet carries its own <script>; every copy scans for new placeholders, and the
 * first installs the single message listener.
 */
import { EMBED_ATTR, HEIGHT_ATTR, frameSrc, frameTitle, heightFromEvent, startHeight } from '@/lib/embed/host';
import { THEME_ATTR } from '@/lib/embed/theme';

interface Frame {
  iframe: HTMLIFrameElement;
  origin: string;
}

const STATE = '__explainerEmbeds';
const global = window as unknown as Record<string, Frame[] | undefined>;
const firstCopy = !global[STATE];
const frames: Frame[] = (global[STATE] ??= []);

const setHeight = (iframe: HTMLIFrameElement, px: number) => {
  iframe.style.height = `${px}px`;
};

function upgrade(): void {
  for (const holder of document.querySelectorAll<HTMLElement>(`[${EMBED_ATTR}]`)) {
    if (holder.hasAttribute('data-embed-state')) continue;
    // data-theme="dark|auto" on the placeholder reaches the embed page as ?theme= (light otherwise).
    const src = frameSrc(holder.getAttribute(EMBED_ATTR), location.href, holder.getAttribute(THEME_ATTR));
    if (!src) {
      // Leave the fallback link in place; say why for whoever inspects the page.
      holder.setAttribute('data-embed-state', 'invalid-url');
      continue;
    }
    const iframe = document.createElement('iframe');
    iframe.title = frameTitle(holder.textContent, src.hostname);
    iframe.loading = 'lazy';
    iframe.width = '100%';
    iframe.style.cssText = 'display:block;width:100%;border:0;';
    setHeight(iframe, startHeight(holder.getAttribute(HEIGHT_ATTR)));
    iframe.src = src.href;
    holder.setAttribute('data-embed-state', 'ready');
    holder.replaceChildren(iframe);
    frames.push({ iframe, origin: src.origin });
  }
}

if (firstCopy) {
  window.addEventListener('message', (event) => {
    // A detached iframe's contentWindow is null; so is the source of some messages. Never match those.
    if (!event.source) return;
    for (const frame of frames) {
      if (frame.iframe.contentWindow !== event.source) continue;
      const height = heightFromEvent(event, frame.origin);
      if (height !== null) setHeight(frame.iframe, height);
      return;
    }
  });
}

upgrade();
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', upgrade);
