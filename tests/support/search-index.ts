/**
 * What Pagefind indexed in a build: its fragments (dist/pagefind/fragment/*.pf_fragment), one per
 * indexed page, each gzip'd JSON behind Pagefind's signature, with the page's URL, the text that
 * is searched and shown in excerpts ("content") and its heading anchors. Exactly what readers'
 * browsers download and search.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface IndexedPage {
  url: string;
  content: string;
  word_count: number;
  anchors: { element: string; id: string; text: string; location: number }[];
}

export function indexedPages(outDir: string): IndexedPage[] {
  const dir = join(outDir, 'pagefind/fragment');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pf_fragment'))
    .map((f) => {
      const text = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
      return JSON.parse(text.slice(text.indexOf('{'))) as IndexedPage;
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}
