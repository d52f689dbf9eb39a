/**
 * Loads a built page's scripts only after the page has loaded and painted. Why: every script
 * here is an enhancement (copy buttons, live charts, footnotes that open in place); the page
 * reads completely without them. Fetched as the parser finds them, they compete with the page
 * and its lead image for the phone's first connections: on the four long explainer pages,
 * Lighthouse's simulated mobile LCP waited for them and was 1.10–1.16 s. Fetched after the
 * first paint, they are not on the way to it.
 *
 * Each <script type="module" src> is replaced by one inline module that imports them all (they
 * are independent of one another) after `load` and the first reported paint
 * (src/lib/script-loader.ts); its hash is added to script-src in the page's CSP <meta>. The
 * loader's text is the same on every page (the list is in its tag's data-scripts), so that hash
 * is too. A page opened in a background tab paints nothing, so it loads them when it is first
 * shown. An embed page waits for its first paint only, and its height reporter runs at once,
 * written into the page (src/integrations/deferred-scripts.ts says why). Pure.
 */
import { allowInPagePolicy, cspHash } from './page-policy';
import { EMBED_SCRIPT_LOADER, SCRIPT_LOADER, scriptLoaderTag } from './script-loader';

const MODULE_SCRIPT = /<script\b(?=[^>]*\btype\s*=\s*["']?module["']?)[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>\s*<\/script>/gi;

/** The src of every external module script on the page, in page order, once each. */
export function moduleScripts(html: string): string[] {
  return [...new Set([...html.matchAll(MODULE_SCRIPT)].map((m) => m[1]!))];
}

export interface DeferOptions {
  /** Wait for `load` before the first paint (site pages); false: the first paint alone (embeds). */
  afterLoad?: boolean;
  /**
   * Scripts that run at once, written into the page (src → its code) and allowed by hash: an
   * embed's height reporter, which its host's frame waits for. Each must be self-contained (an
   * import in an inline module would resolve against the page, not the script's own address).
   */
  inline?: ReadonlyMap<string, string>;
}

/**
 * The page with its module script tags replaced by one deferred loader before </body>, allowed
 * in its CSP by hash, and the scripts in `inline` written in place of their tags. A page with no
 * module scripts comes back unchanged. Throws, naming the page, when it has no </body> or no
 * policy with a script-src to allow the loader in, or an inline script imports another.
 */
export function deferScripts(html: string, page: string, options: DeferOptions = {}): string {
  const { afterLoad = true, inline = new Map<string, string>() } = options;
  const all = moduleScripts(html);
  if (all.length === 0) return html;
  let out = html;
  for (const src of all.filter((s) => inline.has(s))) {
    const code = inline.get(src)!.trim();
    if (/<\/script/i.test(code)) throw new Error(`${page}: ${src} contains "</script" and cannot be written into the page`);
    if (/(?:^|[;\s}])import\s*(?:[("'{*]|[\w$]+\s+from\b)/.test(code)) throw new Error(`${page}: ${src} imports another module; only a self-contained script can be written into the page`);
    const tag = [...out.matchAll(MODULE_SCRIPT)].find((m) => m[1] === src)![0];
    out = out.replace(tag, () => `<script type="module">${code}</script>`);
    out = allowInPagePolicy(out, 'script-src', cspHash(code), page, `the inline ${src}`);
  }
  const srcs = all.filter((s) => !inline.has(s));
  if (srcs.length === 0) return out;
  if (srcs.some((s) => /["<&\s]/.test(s))) throw new Error(`${page}: a module script's src cannot be written into the loader's data-scripts: ${srcs.join(', ')}`);
  const loader = afterLoad ? SCRIPT_LOADER : EMBED_SCRIPT_LOADER;
  const withoutTags = out.replace(MODULE_SCRIPT, '');
  const end = withoutTags.lastIndexOf('</body>');
  if (end < 0) throw new Error(`${page}: no </body> to put the script loader before`);
  const withLoader = `${withoutTags.slice(0, end)}${scriptLoaderTag(srcs, loader)}${withoutTags.slice(end)}`;
  return allowInPagePolicy(withLoader, 'script-src', cspHash(loader), page, 'the script loader');
}
