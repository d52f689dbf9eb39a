/**
 * Fault injection for the quality checks: copy a build into tests/.tmp/faults/<name>/, break one
 * promise in the copy, and run the same check the real test runs. A check that cannot see a
 * planted fault proves nothing when it passes.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builds, ROOT } from './builds.ts';

export function faultyCopy(name: string, source: string = builds.root.outDir): string {
  const dir = `${ROOT}tests/.tmp/faults/${name}`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(source, dir, { recursive: true });
  return dir;
}

export function editFile(dir: string, file: string, edit: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`fault not planted in ${file}: the edit changed nothing`);
  writeFileSync(path, after);
}

/** Puts markup at the end of <main> (or <body> for pages without one). */
export const inMain = (snippet: string) => (html: string) => (html.includes('</main>') ? html.replace('</main>', `${snippet}</main>`) : html.replace('</body>', `${snippet}</body>`));

/** Puts markup at the end of <head>, after the CSP meta. */
export const inHead = (snippet: string) => (html: string) => html.replace('</head>', `${snippet}</head>`);

/**
 * Text that brotli cannot shrink: pseudo-random base64 characters (6 bits each), enough of them
 * that the compressed size is about `bytes`. A page padded with it goes over a byte budget.
 */
export function incompressible(bytes: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let x = 2463534242;
  let out = '';
  for (let i = Math.ceil((bytes * 8) / 6); i > 0; i--) {
    // xorshift32: deterministic, and random enough that no compressor finds repeats.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 26) & 63];
  }
  return out;
}
