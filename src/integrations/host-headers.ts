/**
 * After the build, writes dist/_headers, the host header file Netlify and Cloudflare Pages read:
 * the list of built files and each page's <meta> policy go to src/lib/host-headers.ts, which
 * says what every response gets and why the file is shaped as it is. The build fails if a page
 * would not get the headers of its kind on either host, or if the file exceeds their limits.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractCspMeta, formatHeadersFile, headerCoverageProblems, siteHeaderRules, type BuiltPage } from '../lib/host-headers';
import { buildOrder, currentEdition, editionFolder, siteBase } from '../lib/editions';
import { getBrand } from '../config/brand-loader';
import { builtFiles } from './built-files';

export default function hostHeaders(): AstroIntegration {
  return {
    name: 'host-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        // One _headers file for the whole site, written by the last edition's build (src/cli/build.ts
        // says which), over every edition's files; `astro build` alone writes its own.
        const last = process.env.LAST_EDITION;
        const edition = currentEdition();
        if (last && last !== edition) {
          logger.info(`_headers: left to the ${last} edition's build, which writes it for the whole site`);
          return;
        }
        const out = process.env.SITE_OUT_DIR ?? fileURLToPath(dir);
        const { languages } = getBrand();
        const folders = process.env.SITE_OUT_DIR ? buildOrder(languages).map((l) => editionFolder(l, languages).replace(/\/$/, '')).filter(Boolean) : [];
        const files = builtFiles(out).filter((f) => f !== '_headers');
        const pages: BuiltPage[] = files
          .filter((f) => f.endsWith('.html'))
          .map((file) => {
            const policy = extractCspMeta(readFileSync(join(out, file), 'utf8'));
            if (!policy) throw new Error(`${file} has no Content-Security-Policy <meta>; is security.csp still on in astro.config.mjs?`);
            return { file, policy };
          });
        const rules = siteHeaderRules(pages, siteBase(), folders);
        const text = formatHeadersFile(rules);
        const uncovered = headerCoverageProblems(rules, files, pages, siteBase(), folders);
        if (uncovered.length) {
          throw new Error(`_headers: these paths would not get the headers of their kind (src/lib/host-headers.ts says which pages its rules reach):\n  ${uncovered.slice(0, 20).join('\n  ')}${uncovered.length > 20 ? `\n  … and ${uncovered.length - 20} more` : ''}`);
        }
        writeFileSync(join(out, '_headers'), text);
        const longest = Math.max(...rules.flatMap((r) => r.headers.map(([n, v]) => `  ${n}: ${v}`.length)));
        logger.info(`_headers: ${rules.length} rules for ${pages.length} pages (the same number whatever the content; longest line ${longest} characters)`);
      },
    },
  };
}
