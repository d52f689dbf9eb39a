/**
 * A build without SITE_URL (as `npm start` makes it) does not know where it will be served, so
 * its absolute URLs name the brand's address (src/config/brand.yaml `url`, example.org in the
 * house brand). Whatever names that address for someone to copy (the embed codes, "Link to this
 * card", "Cite this") is marked with data-built-site="<that address + base>", and a script
 * (src/scripts/served-address.ts) puts the address the page is actually served from in its place:
 * the codes an editor copies from a preview then work from that preview. Builds with SITE_URL
 * carry no mark, so nothing changes there. Pure: strings in, strings out.
 */

/** Marks an element whose text, code boxes and links name the build's own (unknown) address. */
export const BUILT_SITE_ATTR = 'data-built-site';
/** Marks the note, shown without JavaScript, that says the address in the codes is a stand-in. */
export const BUILT_SITE_NOTE_ATTR = 'data-built-site-note';

/** The build says this once when SITE_URL is not set (src/integrations/site-url.ts). */
export const SITE_URL_WARNING = 'SITE_URL is not set: embed codes and links use the address the page is served from';

/**
 * The address a page built for `builtSite` (origin + base, ending in '/') is served from: the
 * page's own origin, the same base. A page not served over http(s) (a file:// preview has the
 * origin "null") keeps the built address: there is nothing better to name.
 */
export function servedSite(builtSite: string, pageOrigin: string): string {
  if (!/^https?:\/\/[^/]+$/.test(pageOrigin)) return builtSite;
  return `${pageOrigin}${new URL(builtSite).pathname}`;
}

/** `text` with every URL under `builtSite` moved to `served` (same paths, queries, fragments). */
export function toServedAddress(text: string, builtSite: string, served: string): string {
  return builtSite === served ? text : text.split(builtSite).join(served);
}
