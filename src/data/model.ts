/**
 * The build's one content loader (src/lib/content/loader.ts), shared by everything in this
 * process: the content-check integration creates it when the config is set up (and refuses
 * to build on any problem), then the card collection, the pages and the image integrations
 * take their records from it. Integrations and pages are loaded as separate module instances
 * (Astro's config loader, Vite's SSR runner), so the loader lives on globalThis, not in a
 * module variable.
 *
 * CONTENT_READ_LOG=<file> appends the path of every content file the loader reads to <file>:
 * the build test uses it to show that a build reads each file once.
 */
import { appendFileSync } from 'node:fs';
import { ContentLoader, diskReader, type ContentReader } from '../lib/content/loader';
import { indexContent, type ContentIndex } from '../lib/content/lookups';
import type { ContentModel } from '../lib/content/check';

export class MissingRecordError extends Error {
  override name = 'MissingRecordError';
}

const KEY = Symbol.for('ukraine-explainer.content-loader');
type Shared = { loader: ContentLoader; index?: { version: number; index: ContentIndex } };
const shared = globalThis as typeof globalThis & { [KEY]?: Shared };

function reader(): ContentReader {
  const log = process.env.CONTENT_READ_LOG;
  if (!log) return diskReader;
  return {
    list: diskReader.list,
    read(file) {
      appendFileSync(log, `${file}\n`);
      return diskReader.read(file);
    },
  };
}

/**
 * The loader for the project at `root` (Astro's root; pages, which are not told it, use the
 * loader the integration made, or the working directory, which is the root in a build).
 */
export function contentLoader(root?: string): ContentLoader {
  const current = shared[KEY];
  if (current && (root === undefined || current.loader.root === root)) return current.loader;
  const loader = new ContentLoader(root ?? process.cwd(), reader());
  shared[KEY] = { loader };
  return loader;
}

/** The checked content; throws a ContentError naming every problem. */
export const contentModel = (): ContentModel => contentLoader().model();

/** Lookups over the current model, rebuilt only after a content file changes (dev). */
export function contentIndex(): ContentIndex {
  const loader = contentLoader();
  const entry = shared[KEY]!;
  if (entry.index?.version !== loader.version) entry.index = { version: loader.version, index: indexContent(loader.model()) };
  return entry.index.index;
}
