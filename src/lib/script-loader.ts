/**
 * The inline module a site page loads its scripts with, after its first paint (why, and how it
 * gets there: src/lib/deferred-scripts.ts), and reading its list back from a built page (the
 * byte budget counts those scripts as the page's JavaScript). No imports, so plain Node scripts
 * (npm run budget) can use it too.
 *
 * The loader's text is the same on every page of every edition: the scripts a page needs are in
 * its tag's `data-scripts` attribute, not in the code. So one CSP hash allows it everywhere, and
 * the host header file (src/lib/host-headers.ts) needs one policy for all site pages, however
 * many pages and explainers there are.
 */

/**
 * The inline loader (its text is what the CSP hash covers): reads the space-separated URLs in
 * its own tag's data-scripts and imports them after `load`, once the browser reports a paint (a
 * "paint" entry is timed when the frame is on screen, which can be after the next task), then a
 * frame and a task. A browser without paint timing imports them after `load`, a frame and a task.
 * A module script has no document.currentScript; the page has one tag with data-scripts.
 */
const LOADER_START =
  `const s=document.querySelector("script[data-scripts]").dataset.scripts.split(" ");` +
  `const go=()=>requestAnimationFrame(()=>setTimeout(()=>{for(const u of s)import(u)}));` +
  `const painted=()=>PerformanceObserver.supportedEntryTypes?.includes("paint")?new PerformanceObserver((l,o)=>{o.disconnect();go()}).observe({type:"paint",buffered:true}):go();`;
export const SCRIPT_LOADER = `${LOADER_START}document.readyState==="complete"?painted():addEventListener("load",painted,{once:true})`;

/**
 * An embed page's loader: the first reported paint alone, not `load` too (an embed's `load` may
 * wait for its chart image; src/integrations/deferred-scripts.ts). The same on every embed page.
 */
export const EMBED_SCRIPT_LOADER = `${LOADER_START}painted()`;

/** The loader's tag for these script URLs (none may hold whitespace, '"', '<' or '&'). */
export function scriptLoaderTag(srcs: readonly string[], loader: string = SCRIPT_LOADER): string {
  return `<script type="module" data-scripts="${srcs.join(' ')}">${loader}</script>`;
}

const LOADER_TAG = /<script type="module" data-scripts="([^"]*)">/;

/** The scripts a built page's loader imports after its first paint (none without a loader). */
export function deferredScripts(html: string): string[] {
  const found = LOADER_TAG.exec(html);
  return found ? found[1]!.split(' ').filter(Boolean) : [];
}
