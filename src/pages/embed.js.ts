/**
 * <base>embed.js: the host script newsrooms paste (src/scripts/embed-host.ts). It needs a stable
 * URL that never changes between builds, so it cannot be one of Astro's hashed /_astro/ chunks;
 * esbuild (Astro's own dependency) bundles it here into one minified classic script, which
 * also runs on host pages that load it without type="module". esbuild's output is
 * deterministic: the same source gives the same bytes.
 */
import type { APIRoute } from 'astro';
import { build } from 'esbuild';
import { join } from 'node:path';

// Resolved from the project root (Astro's working directory): this module is bundled into
// dist/ before it runs, so a path relative to it would point nowhere.
const ENTRY = join(process.cwd(), 'src/scripts/embed-host.ts');
const SRC = join(process.cwd(), 'src');

export const GET: APIRoute = async () => {
  const result = await build({
    entryPoints: [ENTRY],
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
  const code = result.outputFiles[0]!.text;
  return new Response(code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
