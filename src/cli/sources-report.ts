/**
 * `npm run sources:report`: the provenance report (src/lib/content/provenance.ts). For every card and
 * page, the claims, the sources each rests on by effective tier, and the weak spots: claims that
 * rest only on relays, or on one source. Totals at the end, by effective tier and by publisher
 * tier alone, so the difference carriers make is visible.
 *
 *   npm run sources:report               every claim
 *   npm run sources:report -- --weak     only claims on relays alone, on one source, or on none
 *
 * A report, not a check: it runs on content the build would refuse (a tier problem is exactly
 * when an editor needs it) and exits 0; it exits 1 only when content cannot be read at all.
 * Runs on Node's own TypeScript support, like check:content.
 */
import { ContentLoader } from '../lib/content/loader.ts';
import { provenanceReport } from '../lib/content/provenance.ts';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--weak');
if (unknown.length) {
  console.error(`sources:report: unknown argument ${unknown.map((a) => `"${a}"`).join(', ')}; usage: npm run sources:report [-- --weak]`);
  process.exit(1);
}
const { problems, model } = new ContentLoader(process.cwd()).result();
if (!model.sources.length || !model.cards.length) {
  console.error('sources:report: no sources or cards could be read; run npm run check:content for the reasons.');
  process.exit(1);
}
// Cards in reading order: stack by stack, each stack's cards as stacks.yaml lists them.
const place = new Map(model.stacks.flatMap((s) => s.cards.map((c) => `${s.id}/${c}`)).map((path, i) => [path, i]));
const cards = [...model.cards].sort((a, b) => (place.get(a.path) ?? 1e9) - (place.get(b.path) ?? 1e9));
const report = provenanceReport({ ...model, cards }, { weakOnly: args.includes('--weak') });
console.log(report.text);
if (problems.length) console.log(`\nNote: the content check reports ${problems.length} problem(s); npm run check:content lists them.`);
