/**
 * Removes the `"use astro:head-inject";` line Astro 7 writes at the top of the module it makes
 * for each card body rendered from a collection (`<card>.mdx?astroPropagatedAssets`, in
 * astro/dist/content/vite-plugin-content-assets.js). Nothing reads that directive any more
 * (Astro finds those modules by the query in their id), but Rolldown warns about every module
 * level directive it cannot keep: one boxed MODULE_LEVEL_DIRECTIVE warning per card in every
 * build, which reads like an error and needs no action. Upstream:
 * https://github.com/withastro/astro/issues/18087. When Astro stops writing the line, this
 * does nothing.
 */
import type { AstroIntegration } from 'astro';

const DIRECTIVE = /^\s*["']use astro:head-inject["'];?[ \t]*$/m;

export default function headInjectDirective(): AstroIntegration {
  return {
    name: 'head-inject-directive',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'strip-head-inject-directive',
                // After Astro's own transform has written the module.
                enforce: 'post',
                transform(code: string, id: string) {
                  if (!id.includes('astroPropagatedAssets') || !DIRECTIVE.test(code)) return undefined;
                  return { code: code.replace(DIRECTIVE, ''), map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
