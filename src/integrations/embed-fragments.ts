/**
 * After the build, writes each unit's fragment.json next to its embed page, for the script
 * embed (src/lib/embed/fragment.ts says what goes in it and why). Runs before host-headers, which
 * sends the fragments with CORS.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fragmentFromEmbedPage } from '../lib/embed/fragment';

export default function embedFragments(): AstroIntegration {
  return {
    name: 'embed-fragments',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const embeds = join(out, 'embed');
        if (!existsSync(embeds)) return;
        let count = 0;
        for (const group of readdirSync(embeds, { withFileTypes: true }).filter((d) => d.isDirectory())) {
          for (const unit of readdirSync(join(embeds, group.name))) {
            const page = join(embeds, group.name, unit, 'index.html');
            if (!existsSync(page)) continue;
            const fragment = fragmentFromEmbedPage(readFileSync(page, 'utf8'), `embed/${group.name}/${unit}/index.html`);
            writeFileSync(join(embeds, group.name, unit, 'fragment.json'), `${JSON.stringify(fragment)}\n`);
            count++;
          }
        }
        logger.info(`${count} script-embed fragments`);
      },
    },
  };
}
