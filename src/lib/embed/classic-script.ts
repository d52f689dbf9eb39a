/**
 * Bundles one of src/scripts/ into a minified classic script for a stable public URL (the host
 * scripts newsrooms paste: embed.js, embed/element.js). Astro's own bundles live under hashed
 * /_astro/ names that change between builds, and are modules; a pasted <script src> must keep
 * its URL and run without type="module". esbuild (Astro's own dependency) is deterministic: the
 * same source gives the same bytes.
 */
import { build } from 'esbuild';
import { join } from 'node:path';

// Resolved from the project root (Astro's working directory): the endpoint calling this is
// bundled into dist/ before it runs, so a path relative to it would point nowhere.
const SRC = join(process.cwd(), 'src');

export async function classicScript(entry: string): Promise<Response> {
  const result = await build({
    entryPoints: [join(SRC, entry)],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2019',
    legalComments: 'none',
    charset: 'utf8',
    alias: { '@': SRC },
    logLevel: 'silent',
  });
  return new Response(result.outputFiles[0]!.text, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
}
