/**
 * A scratch copy of the project for a test or benchmark that must change content or run a
 * server: the sources, content and config are copied; the installed packages are linked one
 * by one, so the copy shares none of the caches under node_modules (Astro's data store, Vite's
 * pre-bundled dependencies, image caches) and every build in it starts cold.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const PARTS = ['src', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Copy the project at `from` into `dir` (emptied first), with packages linked from `packagesFrom`. */
export function copyProject(from: string, dir: string, packagesFrom: string = from): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  for (const part of PARTS) cpSync(join(from, part), join(dir, part), { recursive: true });
  for (const name of readdirSync(join(packagesFrom, 'node_modules'))) {
    if (!name.startsWith('.')) symlinkSync(join(packagesFrom, 'node_modules', name), join(dir, 'node_modules', name));
  }
}
