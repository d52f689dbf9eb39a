/**
 * The two builds that build-output and browser tests read: the site at the root (dist/) and
 * the same commit under a sub-path (tests/.tmp/dist-sub/). Built once per test run by
 * tests/global-setup.ts; tests only read them.
 */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SUB_BASE = '/interactives/ukraine-guarantees/';
export const SITE_URL = 'https://example.org';

export const builds = {
  root: { base: '/', outDir: `${ROOT}dist` },
  sub: { base: SUB_BASE, outDir: `${ROOT}tests/.tmp/dist-sub` },
} as const;
export type BuildName = keyof typeof builds;

/** Where a build run by tests/global-setup.ts lists each content file its loader read (CONTENT_READ_LOG). */
export const contentReadLog = (name: BuildName) => `${ROOT}tests/.tmp/content-reads-${name}.log`;
