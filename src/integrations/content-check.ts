/**
 * Refuses to build (or serve) when anything under content/ is wrong, before a single page is
 * written, with one line per problem: file, field, what is wrong. Astro itself would only log
 * a dangling reference and publish a half-built site.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblem, readContentFiles } from '../lib/content-integrity';

export class ContentError extends Error {
  override name = 'ContentError';
}

export default function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const { problems, model } = checkContent(readContentFiles(root));
        if (problems.length) {
          const lines = problems.map(formatProblem).join('\n  ');
          throw new ContentError(`Content has ${problems.length} problem(s); nothing was built:\n  ${lines}`);
        }
        logger.info(`content OK: ${model.cards.length} cards in ${model.stacks.length} stacks, ${model.sources.length} sources`);
      },
    },
  };
}
