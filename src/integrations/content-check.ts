/**
 * Refuses to build (or serve) when anything under content/ is wrong, before a single page is
 * written, with one line per problem: file, field, what is wrong. Astro itself would only log
 * a dangling reference and publish a half-built site.
 *
 * A refusal is for editors, so it is a plain list and a clean exit, never a stack trace (a
 * thrown error would print Astro's "unhandled error" banner, a location in our code and a
 * trace). In `astro dev` the server keeps running: the page shows the problems until the file
 * is fixed.
 *
 * It is also where the build's one content loader (src/data/model.ts) is first asked, so the
 * files are read here, once; in `astro dev` it hands the loader each changed content file and
 * reloads the browser. Card files are compiled from the text the check read (normalised: no
 * byte-order mark, LF line ends), not read from disk a second time, so what is published is
 * exactly what was checked.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentLoader } from '../data/model';
import { contentPath, refusalReport } from '../lib/content/loader';
import { behindReport } from '../lib/content/translation-stamps';
import { currentEdition } from '../lib/editions';

export default function contentCheck(): AstroIntegration {
  let root = '';
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ config, logger, command, updateConfig }) => {
        root = fileURLToPath(config.root);
        const { problems, model, editions } = contentLoader(root).result();
        if (problems.length) {
          // A build stops here, cleanly; `astro dev` serves the problems on the page instead.
          logger.error(refusalReport(problems, command === 'build' ? 'nothing was built' : 'the pages show them until they are fixed'));
          if (command === 'build') process.exit(1);
        } else {
          logger.info(`content OK: ${model.cards.length} cards in ${model.stacks.length} stacks, ${model.sources.length} sources`);
          // A translation behind its English is published with a notice, and named here.
          const lang = currentEdition();
          const behind = behindReport(lang, editions[lang]?.behind ?? []);
          if (behind) logger.warn(behind);
        }
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'content-check:checked-text',
                enforce: 'pre',
                load(id) {
                  const file = id.split('?')[0]!;
                  if (!file.endsWith('.mdx') || !file.startsWith(root)) return null;
                  return contentLoader(root).text(contentPath(root, file)) ?? null;
                },
              },
            ],
          },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        const dir = join(root, 'content');
        server.watcher.add(dir);
        const changed = (file: string) => {
          if (!file.startsWith(dir) || !contentLoader(root).fileChanged(file)) return;
          const { problems } = contentLoader(root).result();
          if (problems.length) logger.error(refusalReport(problems, 'the pages show them until they are fixed'));
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
