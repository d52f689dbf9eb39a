/**
 * Refuses to build (or serve) when anything under content/ is wrong, before a single page is
 * written, with one line per problem: file, field, what is wrong. Astro itself would only log
 * a dangling reference and publish a half-built site.
 *
 * It is also where the build's one content loader (src/data/model.ts) is first asked, so the
 * files are read here, once; in `astro dev` it hands the loader each changed content file and
 * reloads the browser.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentLoader } from '../data/model';

export default function contentCheck(): AstroIntegration {
  let root = '';
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        root = fileURLToPath(config.root);
        const model = contentLoader(root).model();
        logger.info(`content OK: ${model.cards.length} cards in ${model.stacks.length} stacks, ${model.sources.length} sources`);
      },
      'astro:server:setup': ({ server, logger }) => {
        const dir = join(root, 'content');
        server.watcher.add(dir);
        const changed = (file: string) => {
          if (!file.startsWith(dir) || !contentLoader(root).fileChanged(file)) return;
          const { problems } = contentLoader(root).result();
          if (problems.length) logger.error(`${problems.length} content problem(s) after editing ${file.slice(root.length)}; the page will show them`);
          // Pages read the model on each request; a full reload shows the edit.
          server.ws.send({ type: 'full-reload' });
        };
        server.watcher.on('change', changed);
        server.watcher.on('add', changed);
        server.watcher.on('unlink', changed);
      },
    },
  };
}
