/**
 * After the build, every page outside embed/ loads its scripts after it has painted (why:
 * src/lib/deferred-scripts.ts). Embed pages keep their script tags: the first thing an embed
 * does in a host's page is report its height to the frame around it, and that cannot wait for
 * `load`. Runs before host-headers, which copies each page's CSP <meta>, with the new hash, into
 * _headers.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deferScripts } from '../lib/deferred-scripts';
import { sitePages } from './built-files';

export default function deferredScriptsIntegration(): AstroIntegration {
  return {
    name: 'deferred-scripts',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        let count = 0;
        for (const page of sitePages(out)) {
          const file = join(out, page);
          const html = readFileSync(file, 'utf8');
          const deferred = deferScripts(html, page);
          if (deferred === html) continue;
          writeFileSync(file, deferred);
          count++;
        }
        logger.info(`scripts load after the first paint on ${count} pages (embed pages keep their tags)`);
      },
    },
  };
}
