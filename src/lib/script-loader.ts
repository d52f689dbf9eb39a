/**
 * The inline module a site page loads its scripts with, after its first paint (why, and how it
 * gets there: src/lib/deferred-scripts.ts), and reading its list back from a built page (the
 * byte budget counts those scripts as the page's JavaScript). No imports, so plain Node scripts
 * (npm run budget) can use it too.
 */

/**
 * The inline loader for these script URLs (its text is what the CSP hash covers): after `load`,
 * once the browser reports a paint (a "paint" entry is timed when the frame is on screen, which
 * can be after the next task), then a frame and a task. A browser without paint timing imports
 * them after `load`, a frame and a task.
 */
export function scriptLoader(srcs: readonly string[]): string {
  return (
    `const s=${JSON.stringify(srcs)};` +
    `const go=()=>requestAnimationFrame(()=>setTimeout(()=>{for(const u of s)import(u)}));` +
    `const painted=()=>PerformanceObserver.supportedEntryTypes?.includes("paint")?new PerformanceObserver((l,o)=>{o.disconnect();go()}).observe({type:"paint",buffered:true}):go();` +
    `document.readyState==="complete"?painted():addEventListener("load",painted,{once:true})`
  );
}

const LOADER = /<script type="module">const s=(\[[^\]]*\]);/;

/** The scripts a built page's loader imports after its first paint (none without a loader). */
export function deferredScripts(html: string): string[] {
  const found = LOADER.exec(html);
  return found ? (JSON.parse(found[1]!) as string[]) : [];
}
