/**
 * Where the process's one content loader lives (src/data/model.ts makes it and says why it is on
 * globalThis). This file imports nothing, so a module that only needs the loader the build has
 * already made, such as the content collection's config (src/content.config.ts, which Astro loads
 * through a Vite server of its own for every edition), does not pull in the whole content check.
 */
import type { ContentLoader } from '../lib/content/loader';
import type { ContentIndex } from '../lib/content/lookups';
import type { Language } from '../lib/content/languages';

export interface SharedContent {
  loader: ContentLoader;
  index: Map<Language, { version: number; index: ContentIndex }>;
}

const KEY = Symbol.for('ukraine-explainer.content-loader');
const shared = globalThis as typeof globalThis & { [KEY]?: SharedContent };

export const sharedContent = (): SharedContent | undefined => shared[KEY];
export const shareContent = (content: SharedContent): void => {
  shared[KEY] = content;
};
