/**
 * Builds the site twice (root and sub-path) before the build and browser tests, unless
 * SKIP_BUILD=1 says the caller has just built both. A failed build fails the run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildArgs, builds, contentReadLog, ROOT, SITE_URL } from './support/builds';

export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  for (const [name, { base, outDir }] of Object.entries(builds)) {
    console.log(`[global-setup] building ${name} (BASE_PATH=${base}) into ${outDir}`);
    // Every content file the build's loader reads is logged (tests/build/content-model.test.ts).
    const log = contentReadLog(name as keyof typeof builds);
    mkdirSync(dirname(log), { recursive: true });
    rmSync(log, { force: true });
    execFileSync(process.execPath, buildArgs(outDir), {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, BASE_PATH: base, SITE_URL, CONTENT_READ_LOG: log },
    });
  }
}
