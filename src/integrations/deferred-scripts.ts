/**
 * After the build, every page loads its scripts after it has painted (why:
 * src/lib/deferred-scripts.ts). Site pages wait for `load` too. An embed page waits for its first
 * paint alone, and its height reporter (EmbedLayout's script, src/scripts/embed-reporter.ts) is
 * written into the page to run at once: the first thing an embed does in a host's page is report
 * its height to the frame around it, and that can wait neither for `load` nor for a fetch. Runs
 * after embed-fragments (the script embed's fragment lists no scripts anyway) and before
 * host-headers, which copies each page's CSP <meta>, with the new hashes, into _headers.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deferScripts, moduleScripts } from '../lib/deferred-scripts';
import { builtPages, isEmbedPage } from './built-files';

/** Astro's bundle of EmbedLayout's <script>: the embed's height reporter. */
const REPORTER = /\/EmbedLayout\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/;

export default function deferredScriptsIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'deferred-scripts',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        let site = 0;
        let embeds = 0;
        for (const page of builtPages(out)) {
          const file = join(out, page);
          const html = readFileSync(file, 'utf8');
          const embed = isEmbedPage(page);
          let deferred: string;
          if (embed) {
            // A unit's page has the reporter; the gallery (embed/index.html) frames units instead.
            const reporter = moduleScripts(html).filter((src) => REPORTER.test(src));
            if (!reporter.length && page !== 'embed/index.html') throw new Error(`${page}: no embed height reporter (${REPORTER.source}) among its scripts`);
            const inline = new Map(reporter.map((src) => [src, readFileSync(join(out, src.slice(base.length)), 'utf8')]));
            deferred = deferScripts(html, page, { afterLoad: false, inline });
          } else deferred = deferScripts(html, page);
          if (deferred === html) continue;
          writeFileSync(file, deferred);
          if (embed) embeds++;
          else site++;
        }
        logger.info(`scripts load after the first paint on ${site} site pages and ${embeds} embed pages (their height reporter inline)`);
      },
    },
  };
}
