/**
 * `npm run build`: one Astro build per edition the brand publishes (src/lib/editions.ts), the
 * root edition first (its build empties the output folder), each into its own folder of it:
 *
 *   dist/       English (EDITION=en)
 *   dist/uk/    Ukrainian (EDITION=uk)
 *
 * An edition is a whole site in one language, so every page, link, chart image, search index and
 * feed of a build is in that language without a language parameter on every call. The last
 * build writes the host headers for the whole output (src/integrations/host-headers.ts).
 *
 * The editions are built in turn in this one process, with Astro's JavaScript API, not one
 * `astro build` process each: a second process started Node, imported Astro and Vite, loaded
 * the config's modules and read and checked the content all over again, and its code ran cold.
 * Here the later editions reuse what the first loaded:
 *
 * - the content is read and checked once (the loader lives on globalThis, src/data/model.ts);
 * - Astro imports astro.config.mjs with Node before it tries Vite, and in this process (started
 *   with the resolve-ts hook) that works, so the integrations and the drawing code are loaded
 *   once and shared by every edition's build, while the config file itself is evaluated afresh
 *   each time (it reads EDITION). Module state in that code is therefore keyed by edition where
 *   it depends on it (src/config/brand-loader.ts, the chart panels of
 *   src/lib/images/social-card.ts). tests/unit/cli/build.test.ts checks that the config loads
 *   on Node's type stripping: otherwise Astro falls back to Vite, correct but slower.
 *
 * The pages' own code is bundled per edition (EDITION is compiled into it), into chunks named by
 * their content hash, so an edition's pages never run another edition's modules.
 *
 * Arguments: `--outDir <dir>` (default dist), and Astro's `--verbose`, `--silent` and `--force`.
 * Exit code 1 when a build fails (its error is printed); a content problem stops the first
 * build before any page is written (src/integrations/content-check.ts).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { loadBrand } from '../config/brand-loader.ts';
import { buildOrder, editionFolder } from '../lib/editions.ts';

// The project to build is the working directory, as for `astro build`.
const ROOT = process.cwd();

const ARGUMENTS = { outDir: { type: 'string', default: 'dist' }, verbose: { type: 'boolean' }, silent: { type: 'boolean' }, force: { type: 'boolean' } } as const;
let options;
let languages;
try {
  options = parseArgs({ options: ARGUMENTS }).values;
} catch (e) {
  console.error(`${(e as Error).message}\nThe arguments are --outDir <dir>, --verbose, --silent and --force.`);
  process.exit(1);
}
try {
  languages = loadBrand(undefined, ROOT).languages;
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
const outDir = resolve(ROOT, options.outDir);
const order = buildOrder(languages);
// Read by the integrations: where the whole site goes, and which build writes its headers.
process.env.SITE_OUT_DIR = outDir;
process.env.LAST_EDITION = order.at(-1);
for (const lang of order) {
  const dir = join(outDir, editionFolder(lang, languages));
  if (order.length > 1) console.log(`\n[build] the ${lang} edition into ${dir}`);
  process.env.EDITION = lang;
  try {
    await build({ root: ROOT, outDir: dir, logLevel: options.verbose ? 'debug' : options.silent ? 'silent' : undefined, force: options.force });
  } catch (e) {
    // Astro has logged where it failed; the error itself is what to fix.
    const error = e as Error;
    console.error(error.stack || error.message || String(e));
    process.exit(1);
  }
}
