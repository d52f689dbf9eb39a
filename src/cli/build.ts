/**
 * `npm run build`: one Astro build per edition the brand publishes (src/lib/editions.ts), the
 * root edition first (its build empties the output folder), each into its own folder of it:
 *
 *   dist/       English (EDITION=en)
 *   dist/uk/    Ukrainian (EDITION=uk)
 *
 * An edition is a whole site in one language, so every page, link, chart image, search index and
 * feed of a build is in that language without a language parameter on every call. Arguments
 * are Astro's (`--outDir tests/.tmp/dist-sub`). The last build writes the host headers for the
 * whole output (src/integrations/host-headers.ts). Exit code: the first failed build's.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadBrand } from '../config/brand-loader.ts';
import { buildOrder, editionFolder } from '../lib/editions.ts';

// The project to build is the working directory, as for `astro build`.
const ROOT = process.cwd();
const args = process.argv.slice(2);
const at = args.indexOf('--outDir');
const outDir = resolve(ROOT, at === -1 ? 'dist' : args[at + 1]!);
const rest = at === -1 ? args : [...args.slice(0, at), ...args.slice(at + 2)];

let languages;
try {
  languages = loadBrand(undefined, ROOT).languages;
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
const order = buildOrder(languages);
for (const lang of order) {
  const dir = join(outDir, editionFolder(lang, languages));
  if (order.length > 1) console.log(`\n[build] the ${lang} edition into ${dir}`);
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dir, ...rest], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, EDITION: lang, SITE_OUT_DIR: outDir, LAST_EDITION: order.at(-1) },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
