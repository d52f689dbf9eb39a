/**
 * After the build, adds the Content-Security-Policy of the pages' <meta> tags to dist/_headers
 * (the host header file that public/_headers provides with the framing rules), so hosts that
 * read the file send the same policy as a header. See src/lib/csp-headers.ts.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cspHeaderBlock, extractCspMeta, withCspBlock, type PagePolicy } from '../lib/csp-headers';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    return e.isDirectory() ? htmlFiles(full) : e.name.endsWith('.html') ? [full] : [];
  });
}

export default function cspHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'csp-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages: PagePolicy[] = [];
        for (const file of htmlFiles(out).sort()) {
          const rel = relative(out, file).split(sep).join('/');
          const policy = extractCspMeta(readFileSync(file, 'utf8'));
          if (!policy) throw new Error(`${rel} has no Content-Security-Policy <meta>; is security.csp still on in astro.config.mjs?`);
          pages.push({ route: rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1'), policy });
        }
        const path = join(out, '_headers');
        const block = cspHeaderBlock(pages, base);
        // Runs after embed-headers, which has put the base into the hand-written rules' paths.
        writeFileSync(path, withCspBlock(existsSync(path) ? readFileSync(path, 'utf8') : '', block));
        logger.info(`_headers: ${block.split('\n').filter((l) => l.startsWith('  Content-Security-Policy:')).length} CSP rule(s) for ${pages.length} pages`);
      },
    },
  };
}
