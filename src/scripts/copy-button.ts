/**
 * <ex-copy-button data-for="textarea-id">: a "Copy" button for a read-only code box. Without
 * JavaScript the button stays hidden and the box itself is the fallback (select, then copy);
 * with it, one click copies and a status line says whether it worked.
 *
 * In a build without SITE_URL the codes name a stand-in address; this script shows and copies
 * the address the page is served from instead (./served-address.ts), so a code copied from a
 * local preview works from that preview.
 */
import { servedText, showServedAddress } from './served-address';

class ExCopyButton extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const status = this.querySelector<HTMLElement>('.copy-status');
    const box = document.getElementById(this.dataset.for ?? '');
    if (!button || !status || !(box instanceof HTMLTextAreaElement)) return;
    button.hidden = false;
    button.addEventListener('click', async () => {
      let copied = false;
      try {
        // Again at copy time: the box may have been edited, or filled in after the page ran us.
        await navigator.clipboard.writeText(servedText(box, box.value));
        copied = true;
      } catch {
        // No async clipboard (an insecure context, a refused permission): select the text so
        // the reader can copy it with the keyboard.
        box.focus();
        box.select();
      }
      status.textContent = (copied ? this.dataset.copied : this.dataset.failed) ?? '';
    });
  }
}

showServedAddress();
if (!customElements.get('ex-copy-button')) customElements.define('ex-copy-button', ExCopyButton);
