/**
 * After the build, writes dist/_headers, the host header file Netlify and Cloudflare Pages read:
 * the list of built files and each page's <meta> policy go to src/lib/host-headers.ts, which
 * says what every response gets and why the file is shaped as it is.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractCspMeta, formatHeadersFile, hostHeaderRules, type BuiltPage } from '../lib/host-headers';
import { builtFiles } from './built-files';

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
        const files = builtFiles(out).filter((f) => f !== '_headers');
        const pages: BuiltPage[] = files
          .filter((f) => f.endsWith('.html'))
          .map((file) => {
            const policy = extractCspMeta(readFileSync(join(out, file), 'utf8'));
            if (!policy) throw new Error(`${file} has no Content-Security-Policy <meta>; is security.csp still on in astro.config.mjs?`);
            return { file, policy };
          });
        const rules = hostHeaderRules(files, pages, base);
        writeFileSync(join(out, '_headers'), formatHeadersFile(rules));
        logger.info(`_headers: ${rules.length} rules for ${pages.length} pages`);
      },
    },
  };
}
