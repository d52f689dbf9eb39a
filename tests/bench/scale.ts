/**
 * `npm run bench:scale`: how the build's time and memory grow with the amount of content.
 *
 * For N = 1, 5 and 10 it copies the project to a temporary folder, adds N-1 renamed copies of
 * every stack (each card renamed too, so every id stays unique), builds it cold, and prints the
 * build's wall-clock seconds, seconds per card, the marginal seconds per added card and the peak
 * resident memory of the build process (GNU time's "maximum resident set size"). Nothing is
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
      mkdirSync(join(dir, 'content/explainers', id), { recursive: true });
      for (const card of stack.cards) {
        // A card's own id appears in its body too (<Update card="…"> links to its change log).
        const body = readFileSync(join(dir, 'content/explainers', stack.id, `${card}.mdx`), 'utf8');
        writeFileSync(join(dir, 'content/explainers', id, `${card}-copy${k}.mdx`), body.replaceAll(`card="${card}"`, `card="${card}-copy${k}"`));
      }
    }
  }
  writeFileSync(file, stringify(out));
  return out.reduce((n, s) => n + s.cards.length, 0);
}

interface Result {
  factor: number;
  cards: number;
  pages: number;
  seconds: number;
  peakMb: number;
}

function countPages(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name === 'index.html') n++;
  return n;
}

function run(factor: number): Result {
  const dir = mkdtempSync(join(tmpdir(), `bench-scale-${factor}-`));
  try {
    copyProject(ROOT, dir, HERE);
    const cards = multiplyContent(dir, factor);
    const start = process.hrtime.bigint();
    const build = spawnSync(TIME, ['-f', 'peak-rss-kb=%M', process.execPath, ...NODE_ARGS, join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, BASE_PATH: '/', SITE_URL: 'https://example.org' },
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (build.status !== 0) throw new Error(`build ×${factor} failed:\n${build.stdout}\n${build.stderr}`);
    if (process.env.BENCH_LOG_DIR) writeFileSync(join(process.env.BENCH_LOG_DIR, `build-x${factor}.log`), `${build.stdout}\n${build.stderr}`);
    const kb = Number(/peak-rss-kb=(\d+)/.exec(build.stderr)?.[1]);
    return { factor, cards, pages: countPages(join(dir, 'dist')), seconds, peakMb: kb / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time, Debian package "time") is needed to read the build's peak memory`);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a whole number of runs, not ${process.env.BENCH_RUNS}`);
const runs = new Map<number, Result[]>(SCALES.map((f) => [f, []]));
for (let round = 1; round <= RUNS; round++) {
  for (const factor of SCALES) {
    console.error(`building ×${factor} (run ${round} of ${RUNS}) …`);
    const r = run(factor);
    runs.get(factor)!.push(r);
    console.error(`  ${r.cards} cards, ${r.pages} pages: ${r.seconds.toFixed(1)} s, peak RSS ${r.peakMb.toFixed(0)} MB`);
  }
}
/** A factor's median run by time; its peak memory is the highest of its runs. */
const median = (all: Result[]): Result & { range: string } => {
  const sorted = [...all].sort((a, b) => a.seconds - b.seconds);
  const range = sorted.length > 1 ? `${sorted[0]!.seconds.toFixed(1)}–${sorted.at(-1)!.seconds.toFixed(1)}` : '';
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, peakMb: Math.max(...all.map((r) => r.peakMb)), range };
};
const results = SCALES.map((f) => median(runs.get(f)!));
const first = results[0]!;
const rows = results.map((r) => {
  const marginal = r === first ? '' : ((r.seconds - first.seconds) / (r.cards - first.cards)).toFixed(3);
  return [`×${r.factor}`, r.cards, r.pages, r.seconds.toFixed(1), r.range, (r.seconds / r.cards).toFixed(3), marginal, (r.seconds / first.seconds).toFixed(2), r.peakMb.toFixed(0)];
});
const head = ['content', 'cards', 'pages', 'build s (median)', `range of ${RUNS}`, 's per card', `marginal s per card (vs ×${first.factor})`, `time vs ×${first.factor}`, 'peak RSS MB (highest)'];
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
