/**
 * A built page's Content-Security-Policy <meta>, and allowing one inline element in it by hash.
 * The build steps that put text inline after Astro has written a page (its stylesheet, its
 * script loader) use this, so a page never ships an inline element its own policy blocks.
 * Pure: strings in, string out.
 */
import { createHash } from 'node:crypto';

/** The CSP source that allows exactly this inline element's text ('sha256-…'). */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The page with `source` added at the front of `directive` in its CSP <meta>. Throws, naming
 * the page and `what` needs allowing, when there is no policy <meta> or it has no such directive.
 */
export function allowInPagePolicy(html: string, directive: 'script-src' | 'style-src', source: string, page: string, what: string): string {
  let policyFound = false;
  const named = new RegExp(`${directive}\\s`, 'i');
  const out = html.replace(/<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/i, (meta) => {
    if (!named.test(meta)) throw new Error(`${page}: its Content-Security-Policy has no ${directive} to allow ${what}`);
    policyFound = true;
    return meta.replace(named, (found) => `${found}${source} `);
  });
  if (!policyFound) throw new Error(`${page}: no Content-Security-Policy <meta> to allow ${what} in`);
  return out;
}
