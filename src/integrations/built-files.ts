/** Every file of a finished build, as sorted '/'-separated paths relative to the output folder. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export const builtFiles = (out: string): string[] => walk(out).map((f) => relative(out, f).split(sep).join('/')).sort();

/** Whether a built page is an embed page (built for other hosts' pages), not a site page. */
export const isEmbedPage = (page: string): boolean => page.startsWith('embed/');

/** Every built HTML page, site and embed pages alike. */
export const builtPages = (out: string): string[] => builtFiles(out).filter((f) => f.endsWith('.html'));

/** The built site pages: every HTML file outside embed/. */
export const sitePages = (out: string): string[] => builtPages(out).filter((f) => !isEmbedPage(f));
