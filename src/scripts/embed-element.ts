/**
 * The script embed, served as <base>embed/element.js (one small classic script, bundled by
 * src/pages/embed/element.js.ts). The code a newsroom pastes is a placeholder and this script:
 *   <explainer-embed src="https://…/embed/<stack>/<card>/" data-height="900"><a href="…">Title</a></explainer-embed>
 *   <script async src="https://…/embed/element.js"></script>
 * Without JavaScript the host shows the link. With it, the element fetches the unit's
 * fragment.json (built next to its embed page) and renders it into its Shadow DOM, styled by our
 * stylesheets loaded there with <link> (no inline style, so a host CSP that allows only our
 * origin for style-src holds) and restyled by the host through CSS custom properties
 * (element.css). Several embeds on one page share the script: each copy of the tag runs, the
 * first defines the element.
 *
 * Safety: the fragment is parsed by DOMParser into an inert document (no script runs, no image
 * loads there), then copied node by node through the rules of src/lib/embed/element.ts; nothing
 * is ever assigned as HTML to the live page. When the fetch fails, or the browser has no custom
 * elements or Shadow DOM, the unit is shown in an iframe instead, sized by its height messages.
 */
import { attributeValue, ELEMENT_NAME, elementRule, fragmentUrl } from '@/lib/embed/element';
import { frameTitle, heightFromEvent, HEIGHT_ATTR, startHeight } from '@/lib/embed/host';

interface Fragment {
  html: string;
  styles: string[];
}

// document.currentScript is this script while it first runs; its URL locates element.css.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src;
const stylesheet = scriptUrl ? new URL('element.css', scriptUrl).href : null;

/** A copy of a node from the inert document, through the rules; null when it is dropped. */
function clean(node: Node, base: string): Node | null {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent ?? '');
  if (!(node instanceof Element)) return null;
  const rule = elementRule(node.localName);
  if (rule === 'drop') return null;
  const out = rule === 'unwrap' ? document.createDocumentFragment() : document.createElementNS(node.namespaceURI, node.localName);
  if (out instanceof Element) {
    for (const a of node.attributes) {
      const value = attributeValue(a.name, a.value, base);
      if (value !== null) out.setAttributeNS(a.namespaceURI, a.name, value);
    }
  }
  for (const child of node.childNodes) {
    const c = clean(child, base);
    if (c) out.appendChild(c);
  }
  return out;
}

function link(href: string): HTMLLinkElement {
  const l = document.createElement('link');
  l.rel = 'stylesheet';
  l.href = href;
  return l;
}

/** The iframe, when the script embed cannot render: our responsive embed without its host script. */
function frameInstead(el: HTMLElement, page: URL): void {
  const iframe = document.createElement('iframe');
  iframe.title = frameTitle(el.textContent, page.hostname);
  iframe.src = page.href;
  iframe.width = '100%';
  iframe.height = String(startHeight(el.getAttribute(HEIGHT_ATTR)));
  iframe.setAttribute('frameborder', '0');
  window.addEventListener('message', (event) => {
    if (event.source !== iframe.contentWindow || !iframe.contentWindow) return;
    const height = heightFromEvent(event, page.origin);
    if (height !== null) iframe.height = String(height);
  });
  el.setAttribute('data-embed-state', 'iframe');
  el.replaceChildren(iframe);
}

async function render(el: HTMLElement): Promise<void> {
  const fragment = fragmentUrl(el.getAttribute('src'), location.href);
  if (!fragment) {
    el.setAttribute('data-embed-state', 'invalid-url');
    return;
  }
  const page = new URL('./', fragment);
  let data: Fragment;
  try {
    const response = await fetch(fragment.href, { credentials: 'omit' });
    if (!response.ok) throw new Error(String(response.status));
    data = (await response.json()) as Fragment;
    if (typeof data.html !== 'string' || !Array.isArray(data.styles)) throw new Error('not a fragment');
  } catch {
    frameInstead(el, page);
    return;
  }
  const inert = new DOMParser().parseFromString(data.html, 'text/html');
  const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
  const content = document.createElement('div');
  content.className = 'explainer-embed';
  for (const child of inert.body.childNodes) {
    const c = clean(child, page.href);
    if (c) content.appendChild(c);
  }
  // Stylesheets only from the unit's own origin.
  const styles = [...(stylesheet ? [stylesheet] : []), ...data.styles.flatMap((s) => (typeof s === 'string' && new URL(s, page).origin === page.origin ? [new URL(s, page).href] : []))];
  shadow.replaceChildren(...styles.map(link), content);
  el.setAttribute('data-embed-state', 'ready');
}

if (!window.customElements || !HTMLElement.prototype.attachShadow) {
  // No custom elements or Shadow DOM: every placeholder becomes an iframe.
  const swap = () => {
    for (const el of document.querySelectorAll<HTMLElement>(`${ELEMENT_NAME}:not([data-embed-state])`)) {
      const fragment = fragmentUrl(el.getAttribute('src'), location.href);
      if (fragment) frameInstead(el, new URL('./', fragment));
    }
  };
  swap();
  document.addEventListener('DOMContentLoaded', swap);
} else if (!customElements.get(ELEMENT_NAME)) {
  customElements.define(
    ELEMENT_NAME,
    class extends HTMLElement {
      connectedCallback() {
        if (!this.hasAttribute('data-embed-state')) {
          this.setAttribute('data-embed-state', 'loading');
          void render(this);
        }
      }
    },
  );
}
