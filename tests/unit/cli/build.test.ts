/**
 * `npm run build` (src/cli/build.ts) builds every edition in one process, where Astro imports
 * astro.config.mjs with Node before trying Vite: the integrations' modules are then loaded once
 * and shared by every edition's build. That holds only while everything the config imports runs
 * on Node's own type stripping (no parameter properties, enums or namespaces; the build's
 * resolve-ts hook supplies the extensions). Otherwise Astro falls back to Vite without a word,
 * and each edition loads the config's whole module graph again.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/builds';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('npm run build', () => {
  it('is a node script with the resolve-ts hook', () => {
    expect(pkg.scripts.build).toBe('node --import ./src/cli/resolve-ts.ts src/cli/build.ts');
  });

  it("loads astro.config.mjs with Node, as the build's process does", () => {
    const run = spawnSync(process.execPath, ['--import', './src/cli/resolve-ts.ts', '--input-type=module', '-e', "const c = (await import('./astro.config.mjs')).default; console.log(c.integrations.length)"], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, EDITION: 'en' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(Number(run.stdout)).toBeGreaterThan(5);
  });

  it('refuses an argument it does not know, saying which it takes', () => {
    const run = spawnSync(process.execPath, ['--import', './src/cli/resolve-ts.ts', 'src/cli/build.ts', '--outdir', 'x'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Unknown option '--outdir'[^]*--outDir <dir>, --verbose, --silent and --force/);
  });
});
