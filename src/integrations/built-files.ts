/** Every file of a finished build, as sorted '/'-separated paths relative to the output folder. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export const builtFiles = (out: string): string[] => walk(out).map((f) => relative(out, f).split(sep).join('/')).sort();

/** The built site pages: every HTML file outside embed/ (embed pages are built for other hosts' pages). */
export const sitePages = (out: string): string[] => builtFiles(out).filter((f) => f.endsWith('.html') && !f.startsWith('embed/'));
