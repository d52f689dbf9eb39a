/**
 * `npm run check:content`: checks everything under content/ (the same check the build runs
 * first, src/lib/content/check.ts) and prints every problem at once, one line each, without
 * building anything. Exit code 0 when the content is sound, 1 when it is not. For editors: a
 * second or so, where a build takes a minute.
 */
import { fileURLToPath } from 'node:url';
import { ContentLoader, diskReader, refusalReport } from '../lib/content/loader.ts';
import { loadBrand } from '../config/brand-loader.ts';
import { behindReport } from '../lib/content/translation-stamps.ts';

const root = process.argv[2] ?? fileURLToPath(new URL('../../', import.meta.url));
const started = performance.now();
// Every edition the brand publishes, English first: the others are checked against it.
// The brand is this project's (BRAND_FILE or src/config/brand.yaml), whatever content folder is checked.
const project = fileURLToPath(new URL('../../', import.meta.url));
const languages = [...new Set(['en' as const, ...loadBrand(undefined, project).languages])];
const { problems, model, editions } = new ContentLoader(root, diskReader, languages).result();
const took = `${Math.round(performance.now() - started)} ms`;
if (problems.length) {
  console.error(refusalReport(problems, `checked in ${took}`));
  process.exit(1);
}
// Not a refusal: an English correction is never held up by its translation (translation-stamps.ts).
for (const [lang, edition] of Object.entries(editions)) {
  const behind = behindReport(lang as keyof typeof editions, edition?.behind ?? []);
  if (behind) console.warn(behind);
}
console.log(`Content OK: ${model.cards.length} cards in ${model.stacks.length} stacks, ${model.sources.length} sources, ${model.charts.length} charts; editions: ${Object.keys(editions).join(', ')} (checked in ${took}).`);
