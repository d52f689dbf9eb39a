/**
 * `npm run translations:stamp [-- <English file>…]`: records, for each edition the brand
 * publishes besides English, which English its translations were made from
 * (content/<lang>/translated-from.yaml, src/lib/content/translation-stamps.ts). Run it once the
 * translations of the named English files (all of them when none is named) are up to date; the
 * check then stops listing them as behind and the site stops marking them.
 *
 * Refuses to record anything while the content has problems: a stamp says "checked", and
 * content that does not pass the check has not been.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentLoader, diskReader, readContentFiles, refusalReport } from '../lib/content/loader.ts';
import { loadBrand } from '../config/brand-loader.ts';
import { SOURCE_LANGUAGE } from '../lib/content/languages.ts';
import { englishUnits, readStamps, stampedText, stampsFile, unitsBehind } from '../lib/content/translation-stamps.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const only = process.argv.slice(2).map((f) => f.replace(/^\.\//, ''));
const languages = [...new Set([SOURCE_LANGUAGE, ...loadBrand(undefined, root).languages])];
const { problems, model } = new ContentLoader(root, diskReader, languages).result();
if (problems.length) {
  console.error(refusalReport(problems, 'nothing recorded'));
  process.exit(1);
}
const files = readContentFiles(root);
for (const lang of languages) {
  if (lang === SOURCE_LANGUAGE) continue;
  const units = englishUnits(files, model, lang);
  const unknown = only.filter((f) => !units.some((u) => u.english === f));
  if (unknown.length) {
    console.error(`No English text the ${lang} edition translates is in: ${unknown.join(', ')} (name files as content/…)`);
    process.exit(1);
  }
  const previous = readStamps(files, lang, []);
  const before = unitsBehind(units, previous).length;
  const text = stampedText(units, previous, only.length ? new Set(only) : undefined);
  writeFileSync(join(root, stampsFile(lang)), text);
  const after = unitsBehind(units, readStamps({ ...files, [stampsFile(lang)]: text }, lang, [])).length;
  console.log(`${stampsFile(lang)}: ${units.length} English texts; ${before - after} recorded as translated now, ${after} still behind.`);
}
