/**
 * Puts the site's one stylesheet inside a built page, in place of its <link>, and allows it in
 * the page's Content-Security-Policy by hash. Why: on a slow phone a linked stylesheet is one
 * more round trip before anything paints (Lighthouse's simulated mobile LCP fell from 1.38 s to
 * 1.12 s on the guarantee page when it was inlined). Embed pages too: an iframe's first paint
 * waited for the stylesheet as well (a card embed's simulated LCP was 1.39 s). The script embed
 * still loads the stylesheet by URL into the host page (a host's CSP may allow our origin but
 * never our inline styles): its fragment lists the links before this step (src/lib/embed/fragment.ts).
 * Pure: strings in, string out.
 */
import { allowInPagePolicy, cspHash } from './page-policy';
import { stylesheetLinks } from './page-stylesheets';

/**
 * The page with the <link rel="stylesheet" href={href}> replaced by <style>{css}</style> and
 * the style's hash added to style-src in its CSP <meta>. Throws, naming the page, when the link
 * or the policy is missing, or the policy has no style-src to add to: a page must never ship
 * with a style its own policy blocks.
 */
export function inlineStylesheet(html: string, href: string, css: string, page: string): string {
  if (/<\/style/i.test(css)) throw new Error(`${page}: the stylesheet ${href} contains "</style" and cannot be inlined`);
  const link = stylesheetLinks(html).find((l) => l.href === href)?.tag;
  if (!link) throw new Error(`${page}: no <link rel="stylesheet" href="${href}"> to inline`);
  const withPolicy = allowInPagePolicy(html, 'style-src', cspHash(css), page, 'the inlined stylesheet');
  return withPolicy.replace(link, () => `<style>${css}</style>`);
}
