/**
 * The two builds that build-output and browser tests read: the site at the root (dist/) and
 * the same commit under a sub-path (tests/.tmp/dist-sub/). Built once per test run by
 * tests/global-setup.ts; tests only read them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SUB_BASE = '/interactives/ukraine-guarantees/';
export const SITE_URL = 'https://example.org';

/**
 * The arguments after `node` that build the site as `npm run build` does: one Astro build per
 * edition (src/cli/build.ts), into `outDir` and its edition folders.
 */
export const buildArgs = (outDir?: string, root: string = ROOT): string[] => [
  '--import',
  `${root}/src/cli/resolve-ts.ts`.replace('//', '/'),
  `${root}/src/cli/build.ts`.replace('//', '/'),
  ...(outDir ? ['--outDir', outDir] : []),
];

export const builds = {
  root: { base: '/', outDir: `${ROOT}dist` },
  sub: { base: SUB_BASE, outDir: `${ROOT}tests/.tmp/dist-sub` },
} as const;
export type BuildName = keyof typeof builds;

/** Where a build run by tests/global-setup.ts lists each content file its loader read (CONTENT_READ_LOG). */
export const contentReadLog = (name: BuildName) => `${ROOT}tests/.tmp/content-reads-${name}.log`;

/**
 * A third build, without SITE_URL (as `npm start` makes it), at the root, for the test of the
 * codes that name the served address (tests/build/no-site-url.test.ts). Not part of `builds`:
 * only that test reads it, so it builds it itself, once per run (about 15 s); SKIP_BUILD=1
 * reuses the last one. The build's output is kept in `log`, for its warning.
 */
export const noSiteUrlBuild = { base: '/', outDir: `${ROOT}tests/.tmp/dist-no-site-url`, log: `${ROOT}tests/.tmp/dist-no-site-url.log` } as const;

/**
 * This process's environment without what Vitest adds for its own workers: a BASE_URL of '/'
 * (Vite's import.meta.env, mirrored in process.env) would override the build's base path at
 * render time, and NODE_ENV=test would not be a production build. For builds made inside a test.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*)$/.test(key)) delete env[key];
  return env;
}

export function buildWithoutSiteUrl(): void {
  const { outDir, log } = noSiteUrlBuild;
  if (process.env.SKIP_BUILD === '1' && existsSync(join(outDir, 'index.html')) && existsSync(log)) return;
  const env: NodeJS.ProcessEnv = { ...buildEnv(), BASE_PATH: '/' };
  delete env.SITE_URL;
  mkdirSync(join(ROOT, 'tests/.tmp'), { recursive: true });
  // The root edition only (`astro build` alone): the codes it checks are made alike in every edition.
  const run = spawnSync(process.execPath, [`${ROOT}node_modules/astro/bin/astro.mjs`, 'build', '--outDir', outDir], { cwd: ROOT, env, encoding: 'utf8' });
  writeFileSync(log, `${run.stdout ?? ''}${run.stderr ?? ''}`);
  if (run.status !== 0) throw new Error(`build without SITE_URL failed (${run.status}); its output is in ${log}`);
}
