/**
 * After the build, completes dist/_headers, the host header file that public/_headers provides
 * with the framing rules (/embed/* may be framed, nothing else), in two steps and in this order:
 *   1. put the base path into the hand-written rules' paths (src/lib/embed/headers.ts), so the
 *      framing rules hold for a site built under BASE_PATH too;
 *   2. add the Content-Security-Policy of the pages' <meta> tags (src/lib/csp-headers.ts), so
 *      hosts that read the file send the same policy as a header. Astro's policy carries
 *      hashes that change with the code, which is why it is copied here, not written by hand.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cspHeaderBlock, extractCspMeta, withCspBlock, type PagePolicy } from '../lib/csp-headers';
import { withBaseInHeaders } from '../lib/embed/headers';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    return e.isDirectory() ? htmlFiles(full) : e.name.endsWith('.html') ? [full] : [];
  });
}

/** Each page's route (relative to the base) and the policy in its <meta>. */
function pagePolicies(out: string): PagePolicy[] {
  return htmlFiles(out)
    .sort()
    .map((file) => {
      const rel = relative(out, file).split(sep).join('/');
      const policy = extractCspMeta(readFileSync(file, 'utf8'));
      if (!policy) throw new Error(`${rel} has no Content-Security-Policy <meta>; is security.csp still on in astro.config.mjs?`);
      return { route: rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1'), policy };
    });
}

export default function hostHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'host-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const path = join(out, '_headers');
        if (!existsSync(path)) throw new Error('dist/_headers is missing: public/_headers carries the framing rules for embeds');
        const pages = pagePolicies(out);
        const block = cspHeaderBlock(pages, base);
        writeFileSync(path, withCspBlock(withBaseInHeaders(readFileSync(path, 'utf8'), base), block));
        logger.info(`_headers: ${block.split('\n').filter((l) => l.startsWith('  Content-Security-Policy:')).length} CSP rule(s) for ${pages.length} pages`);
      },
    },
  };
}
