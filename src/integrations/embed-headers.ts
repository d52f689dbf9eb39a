/**
 * After the build, rewrites the rule paths of dist/_headers (copied from public/_headers) for
 * the base path, so the framing rules (/embed/* may be framed, nothing else) hold for a site
 * built under BASE_PATH too. See src/lib/embed/headers.ts.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBaseInHeaders } from '../lib/embed/headers';

export default function embedHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'embed-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        const path = join(fileURLToPath(dir), '_headers');
        if (!existsSync(path)) throw new Error('dist/_headers is missing: public/_headers carries the framing rules for embeds');
        writeFileSync(path, withBaseInHeaders(readFileSync(path, 'utf8'), base));
      },
    },
  };
}
