/**
 * The build's one content loader (src/lib/content/loader.ts), shared by everything in this
 * process: the content-check integration creates it when the config is set up (and refuses
 * to build on any problem), then the card collection, the pages and the image integrations
 * take their records from it. Integrations and pages are loaded as separate module instances
 * (Astro's config loader, Vite's SSR runner), so the loader lives on globalThis, not in a
 * module variable (./shared-loader.ts).
 *
 * CONTENT_READ_LOG=<file> appends the path of every content file the loader reads to <file>:
 * the build test uses it to show that a build reads each file once.
 */
import { appendFileSync } from 'node:fs';
import { ContentLoader, diskReader, type ContentReader } from '../lib/content/loader';
import { indexContent, type ContentIndex } from '../lib/content/lookups';
import { sharedContent, shareContent } from './shared-loader';
import type { ContentModel } from '../lib/content/model';
import { SOURCE_LANGUAGE, type Language } from '../lib/content/languages';
import { getBrand } from '../config/brand-loader';
import { currentEdition } from '../lib/editions';

export class MissingRecordError extends Error {
  override name = 'MissingRecordError';
}

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
  const current = sharedContent();
  if (current && (root === undefined || current.loader.root === root)) return current.loader;
  // Every edition the brand publishes is checked, English included (the others translate it).
  const languages = [...new Set<Language>([SOURCE_LANGUAGE, ...getBrand().languages])];
  const loader = new ContentLoader(root ?? process.cwd(), reader(), languages);
  shareContent({ loader, index: new Map() });
  return loader;
}

/** The checked content of one edition; throws a ContentError naming every problem. */
export const contentModel = (lang: Language = currentEdition()): ContentModel => contentLoader().edition(lang);

/** Lookups over one edition's model, rebuilt only after a content file changes (dev). */
export function contentIndex(lang: Language = currentEdition()): ContentIndex {
  const loader = contentLoader();
  const cache = sharedContent()!.index;
  const entry = cache.get(lang);
  if (entry?.version === loader.version) return entry.index;
  const index = indexContent(loader.edition(lang));
  cache.set(lang, { version: loader.version, index });
  return index;
}
