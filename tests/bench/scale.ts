/**
 * `npm run bench:scale`: how the build's time and memory grow with the amount of content.
 *
 * For N = 1, 5 and 10 it copies the project to a temporary folder, adds N-1 renamed copies of
 * every stack (each card and its Ukrainian translation renamed too, so every id stays unique),
 * builds it cold with `npm run build`'s driver, once with English alone and once with both
 * editions (BENCH_EDITIONS=en,en+uk; the second row of a factor says what Ukrainian costs), and prints the
 * build's wall-clock seconds, seconds per card, the marginal seconds per added card and the peak
 * resident memory of the build process (GNU time's "maximum resident set size"), and the rules
 * and longest line of the host header file it wrote (Cloudflare reads 100 rules of 2,000
 * characters; src/lib/host-headers.ts keeps both the same whatever the content). Nothing is
 * committed or left behind. BENCH_ROOT=<dir> measures another copy of the project (say, an
 * export of main) with this checkout's packages. Figures depend on the machine and on what else runs on it: compare
 * runs made on the same idle machine. A shared virtual machine's builds vary by a second or two
 * from run to run, so each factor is built BENCH_RUNS times (default 3), the factors taking turns,
 * and the table shows each factor's median run (with the range of the seconds). `BENCH_SCALES=1,3` picks other factors; `BENCH_LOG_DIR=<dir>`
 * keeps each build's log there (build-x<N>.log), to see where the time goes; BENCH_NODE_ARGS passes
 * options to the build's node (say, --cpu-prof).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { copyProject } from '../support/project-copy.ts';

const HERE = fileURLToPath(new URL('../../', import.meta.url));
/** The project to measure (BENCH_ROOT, e.g. an export of another commit); its packages come from this checkout. */
const ROOT = process.env.BENCH_ROOT ? join(process.env.BENCH_ROOT, '/') : HERE;
const SCALES = (process.env.BENCH_SCALES ?? '1,5,10').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TIME = '/usr/bin/time';
/** Extra options for the build's node, e.g. BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'. */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

interface StackRecord {
  id: string;
  title: string;
  order: number;
  cards: string[];
  [key: string]: unknown;
}

/** Adds `factor - 1` copies of every stack: stack "x" becomes "x-copy2", card "y" becomes "y-copy2". */
function multiplyContent(dir: string, factor: number): number {
  const file = join(dir, 'content/data/stacks.yaml');
  const stacks = parse(readFileSync(file, 'utf8')) as StackRecord[];
  const out: StackRecord[] = [...stacks];
  const maxOrder = Math.max(...stacks.map((s) => s.order));
  for (let k = 2; k <= factor; k++) {
    for (const stack of stacks) {
      const id = `${stack.id}-copy${k}`;
      out.push({ ...stack, id, title: `${stack.title} (${k})`, order: stack.order + maxOrder * (k - 1), cards: stack.cards.map((c) => `${c}-copy${k}`) });
      // The Ukrainian edition's card files are copied alike (content/uk/explainers/…).
      for (const folder of ['content/explainers', 'content/uk/explainers']) {
        if (!existsSync(join(dir, folder, stack.id))) continue;
        mkdirSync(join(dir, folder, id), { recursive: true });
        for (const card of stack.cards) {
          // A card's own id appears in its body too (<Update card="…"> links to its change log).
          const body = readFileSync(join(dir, folder, stack.id, `${card}.mdx`), 'utf8');
          writeFileSync(join(dir, folder, id, `${card}-copy${k}.mdx`), body.replaceAll(`card="${card}"`, `card="${card}-copy${k}"`));
        }
      }
    }
  }
  writeFileSync(file, stringify(out));
  // The Ukrainian text of each copied stack is its original's, under the copy's id.
  const ukFile = join(dir, 'content/uk/data/stacks.yaml');
  if (existsSync(ukFile)) {
    const uk = parse(readFileSync(ukFile, 'utf8')) as { id: string }[];
    const copies = out.slice(stacks.length).map((s) => ({ ...uk.find((u) => s.id.startsWith(`${u.id}-copy`))!, id: s.id }));
    writeFileSync(ukFile, stringify([...uk, ...copies]));
  }
  return out.reduce((n, s) => n + s.cards.length, 0);
}

interface Result {
  factor: number;
  /** The editions built: 'en' (English only) or 'en+uk' (both, `npm run build`). */
  editions: string;
  cards: number;
  pages: number;
  seconds: number;
  peakMb: number;
  /** dist/_headers: its rules (path lines) and its longest line, in characters. */
  headerRules: number;
  headerLine: number;
}

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name === 'index.html') n++;
  return n;
}

function run(factor: number, editions: string): Result {
  const dir = mkdtempSync(join(tmpdir(), `bench-scale-${factor}-`));
  try {
    copyProject(ROOT, dir, HERE);
    const cards = multiplyContent(dir, factor);
    // The brand decides the editions; npm run build (src/cli/build.ts) builds each in turn.
    const brand = join(dir, 'src/config/brand.yaml');
    writeFileSync(brand, readFileSync(brand, 'utf8').replace(/^languages: .*$/m, `languages: [${editions.split('+').join(', ')}]`));
    const start = process.hrtime.bigint();
    const build = spawnSync(TIME, ['-f', 'peak-rss-kb=%M', process.execPath, ...NODE_ARGS, '--import', join(dir, 'src/cli/resolve-ts.ts'), join(dir, 'src/cli/build.ts')], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, BASE_PATH: '/', SITE_URL: 'https://example.org' },
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (build.status !== 0) throw new Error(`build ×${factor} (${editions}) failed:\n${build.stdout}\n${build.stderr}`);
    if (process.env.BENCH_LOG_DIR) writeFileSync(join(process.env.BENCH_LOG_DIR, `build-x${factor}.log`), `${build.stdout}\n${build.stderr}`);
    const kb = Number(/peak-rss-kb=(\d+)/.exec(build.stderr)?.[1]);
    const headers = readFileSync(join(dir, 'dist/_headers'), 'utf8').split('\n');
    const headerRules = headers.filter((l) => l.startsWith('/')).length;
    const headerLine = Math.max(...headers.filter((l) => !l.startsWith('#')).map((l) => l.length));
    return { factor, editions, cards, pages: countPages(join(dir, 'dist')), seconds, peakMb: kb / 1024, headerRules, headerLine };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time, Debian package "time") is needed to read the build's peak memory`);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a whole number of runs, not ${process.env.BENCH_RUNS}`);
/** English alone, and both editions (the default brand): the second row of a factor is its two-language cost. */
const EDITIONS = (process.env.BENCH_EDITIONS ?? 'en,en+uk').split(',');
const variants = SCALES.flatMap((factor) => EDITIONS.map((editions) => ({ factor, editions, key: `${factor}|${editions}` })));
const runs = new Map<string, Result[]>(variants.map((v) => [v.key, []]));
for (let round = 1; round <= RUNS; round++) {
  for (const v of variants) {
    console.error(`building ×${v.factor}, ${v.editions} (run ${round} of ${RUNS}) …`);
    const r = run(v.factor, v.editions);
    runs.get(v.key)!.push(r);
    console.error(`  ${r.cards} cards, ${r.pages} pages: ${r.seconds.toFixed(1)} s, peak RSS ${r.peakMb.toFixed(0)} MB, _headers ${r.headerRules} rules (longest line ${r.headerLine})`);
  }
}
/** A factor's median run by time; its peak memory is the highest of its runs. */
const median = (all: Result[]): Result & { range: string } => {
  const sorted = [...all].sort((a, b) => a.seconds - b.seconds);
  const range = sorted.length > 1 ? `${sorted[0]!.seconds.toFixed(1)}–${sorted.at(-1)!.seconds.toFixed(1)}` : '';
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, peakMb: Math.max(...all.map((r) => r.peakMb)), range };
};
const results = variants.map((v) => median(runs.get(v.key)!));
const first = results[0]!;
const englishAt = (factor: number) => results.find((r) => r.factor === factor && r.editions === EDITIONS[0]);
const rows = results.map((r) => {
  const same = results.filter((x) => x.editions === r.editions)[0]!;
  const marginal = r.factor === same.factor ? '' : ((r.seconds - same.seconds) / (r.cards - same.cards)).toFixed(3);
  const vsEnglish = r.editions === EDITIONS[0] ? '' : (r.seconds / englishAt(r.factor)!.seconds).toFixed(2);
  return [`×${r.factor}`, r.editions, r.cards, r.pages, r.seconds.toFixed(1), r.range, (r.seconds / r.cards).toFixed(3), marginal, (r.seconds / first.seconds).toFixed(2), vsEnglish, r.peakMb.toFixed(0), `${r.headerRules} (${r.headerLine})`];
});
const head = ['content', 'editions', 'cards', 'pages', 'build s (median)', `range of ${RUNS}`, 's per card', 'marginal s per card (vs the smallest factor)', `time vs ×${first.factor} ${first.editions}`, `time vs ${EDITIONS[0]} alone`, 'peak RSS MB (highest)', '_headers rules (longest line)'];
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
