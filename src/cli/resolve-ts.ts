/**
 * Lets Node run the project's TypeScript as it is: `import … from './content-integrity'`
 * (no extension, as Vite and Astro accept) resolves to './content-integrity.ts'. Loaded with
 * `node --import ./src/cli/resolve-ts.ts`, so the command-line tools (check:content, new:card)
 * run src/lib directly on Node 24's own type stripping, with no build step and no bundler.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const relative = specifier.startsWith('./') || specifier.startsWith('../');
      if (!relative || /\.[cm]?[jt]s$/.test(specifier)) throw error;
      for (const candidate of [`${specifier}.ts`, `${specifier}/index.ts`]) {
        try {
          return nextResolve(candidate, context);
        } catch {
          // try the next form
        }
      }
      throw error;
    }
  },
});
