/**
 * Reproducible builds: build the project from a fresh copy (its own folder, its own Astro and
 * Vite caches) and compare two output trees byte for byte. A copy at another path also catches
 * absolute paths leaking into the output, as a build on another machine would show.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './html.ts';
import { buildArgs, ROOT, SITE_URL } from './builds.ts';

const withoutBaseUrl = (env: NodeJS.ProcessEnv) => Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'BASE_URL'));

export interface TreeDifference {
  file: string;
  kind: 'only in first' | 'only in second' | 'differs';
  detail?: string;
}

/** Where two buffers first differ, with a little context from each, for the report. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 30), i + 50).toString('latin1'));
  return `sizes ${a.length} / ${b.length}; first difference at byte ${i}: ${show(a)} vs ${show(b)}`;
}

export function compareTrees(first: string, second: string): TreeDifference[] {
  const a = new Set(listFiles(first));
  const b = new Set(listFiles(second));
  const out: TreeDifference[] = [];
  for (const file of [...new Set([...a, ...b])].sort()) {
    if (!b.has(file)) out.push({ file, kind: 'only in first' });
    else if (!a.has(file)) out.push({ file, kind: 'only in second' });
    else {
      const x = readFileSync(join(first, file));
      const y = readFileSync(join(second, file));
      if (!x.equals(y)) out.push({ file, kind: 'differs', detail: firstDifference(x, y) });
    }
  }
  return out;
}

export function formatDifferences(diffs: TreeDifference[]): string {
  return diffs.map((d) => `${d.file}: ${d.kind}${d.detail ? ` (${d.detail})` : ''}`).join('\n');
}

/** What a build reads; everything else (dist, caches, tests) stays behind. */
const PROJECT_FILES = ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
/** Caches that live in node_modules and must not be shared with the first build. */
const CACHE_DIRS = new Set(['.astro', '.vite', '.cache', '.vitest']);

/**
 * Copies the project into `workDir` (node_modules as per-package links, minus caches) and builds it
 * there into `workDir/dist`, with the given base. Returns the output folder.
 */
export function cleanBuild(workDir: string, base = '/', extraEnv: Record<string, string> = {}): string {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(join(workDir, 'node_modules'), { recursive: true });
  for (const name of PROJECT_FILES) if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(workDir, name), { recursive: true });
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (!CACHE_DIRS.has(entry)) symlinkSync(join(ROOT, 'node_modules', entry), join(workDir, 'node_modules', entry));
  }
  return rebuild(workDir, base, extraEnv);
}

/**
 * Builds a copy made by cleanBuild again, in place, with the caches the first build left (the
 * image cache in node_modules/.cache/explainer-images among them). Returns the output folder.
 */
export function rebuild(workDir: string, base = '/', extraEnv: Record<string, string> = {}): string {
  execFileSync(process.execPath, buildArgs(undefined, workDir), {
    cwd: workDir,
    stdio: ['ignore', 'ignore', 'pipe'],
    // As the global setup builds (same NODE_ENV), less the BASE_URL of Vitest's workers, which
    // would override each edition's base at render.
    env: { ...withoutBaseUrl(process.env), BASE_PATH: base, SITE_URL, ...extraEnv },
  });
  return join(workDir, 'dist');
}
