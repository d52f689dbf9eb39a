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
 * is too. A page
 * opened in a background tab paints nothing, so it loads them when it is first shown. Embed
 * pages keep their tags (src/integrations/deferred-scripts.ts says why). Pure.
 */
import { allowInPagePolicy, cspHash } from './page-policy';
import { SCRIPT_LOADER, scriptLoaderTag } from './script-loader';

const MODULE_SCRIPT = /<script\b(?=[^>]*\btype\s*=\s*["']?module["']?)[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>\s*<\/script>/gi;

/** The src of every external module script on the page, in page order, once each. */
export function moduleScripts(html: string): string[] {
  return [...new Set([...html.matchAll(MODULE_SCRIPT)].map((m) => m[1]!))];
}

/**
 * The page with its module script tags replaced by one deferred loader before </body>, allowed
 * in its CSP by hash. A page with no module scripts comes back unchanged. Throws, naming the
 * page, when it has no </body> or no policy with a script-src to allow the loader in.
 */
export function deferScripts(html: string, page: string): string {
  const srcs = moduleScripts(html);
  if (srcs.length === 0) return html;
  if (srcs.some((s) => /["<&\s]/.test(s))) throw new Error(`${page}: a module script's src cannot be written into the loader's data-scripts: ${srcs.join(', ')}`);
  const withoutTags = html.replace(MODULE_SCRIPT, '');
  const end = withoutTags.lastIndexOf('</body>');
  if (end < 0) throw new Error(`${page}: no </body> to put the script loader before`);
  const withLoader = `${withoutTags.slice(0, end)}${scriptLoaderTag(srcs)}${withoutTags.slice(end)}`;
  return allowInPagePolicy(withLoader, 'script-src', cspHash(SCRIPT_LOADER), page, 'the script loader');
}
