/**
 * After the build, every page, embed pages too, carries the site stylesheet inline instead of
 * linking it (why: src/lib/inline-stylesheet.ts). Runs after embed-fragments, which has taken
 * each embed page's stylesheet links for the script embed, and before host-headers, which copies
 * each page's CSP <meta>, with the new hash, into _headers.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inlineStylesheet } from '../lib/inline-stylesheet';
import { linkedStylesheets } from '../lib/page-stylesheets';
import { builtPages } from './built-files';

export default function inlineStylesheetIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'inline-stylesheet',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        let count = 0;
        for (const page of builtPages(out)) {
          const file = join(out, page);
          let html = readFileSync(file, 'utf8');
          for (const href of linkedStylesheets(html)) {
            if (!href.startsWith(`${base}_astro/`)) throw new Error(`${page}: links a stylesheet outside ${base}_astro/ (${href}); only the built one can be inlined`);
            const css = readFileSync(join(out, href.slice(base.length)), 'utf8');
            html = inlineStylesheet(html, href, css, page);
          }
          writeFileSync(file, html);
          count++;
        }
        logger.info(`site stylesheet inlined in ${count} pages`);
      },
    },
  };
}
