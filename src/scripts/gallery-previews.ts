/**
 * The embed gallery's live previews load only when a reader opens them: each closed
 * <details data-gallery-previews> holds placeholders that name their embed page in
 * data-gallery-embed, not in the attribute embed.js looks for. Opening one gives its
 * placeholders that attribute and runs embed.js (the same host script newsrooms use) once
 * more, which upgrades exactly those. Without JavaScript the placeholders stay links.
 */
import { EMBED_ATTR } from '../lib/embed/host';

for (const details of document.querySelectorAll<HTMLDetailsElement>('details[data-gallery-previews]')) {
  details.addEventListener('toggle', () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = 'true';
    for (const holder of details.querySelectorAll<HTMLElement>('[data-gallery-embed]')) {
      holder.setAttribute(EMBED_ATTR, holder.dataset.galleryEmbed!);
    }
    const script = document.createElement('script');
    script.src = details.dataset.embedScript!;
    document.body.append(script);
  });
}
