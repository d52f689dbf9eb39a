/**
 * Whether the build was told where the site lives (SITE_URL), or fell back to the brand's url.
 * Read at build time only (the site-url integration and components' front matter); without it,
 * the codes and links a reader copies are marked for the served address (src/lib/served-address.ts).
 */
import { BUILT_SITE_ATTR } from '../lib/served-address';
import { withBase } from '../lib/urls';

export const siteUrlGiven = (): boolean => Boolean(process.env.SITE_URL?.trim());

/**
 * The attribute that marks an element naming the site's address for a reader to copy: in a build
 * without SITE_URL, data-built-site="<the stand-in address + base>"; with SITE_URL, nothing.
 */
export function builtSiteMark(site: URL | undefined): Record<string, string> {
  return siteUrlGiven() || !site ? {} : { [BUILT_SITE_ATTR]: new URL(withBase('/'), site).href };
}
