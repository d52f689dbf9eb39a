/**
 * The set-up most browser tests share: Chromium, and the root build served on localhost, opened
 * before a describe block's tests and closed after it. Call it inside the describe block; read
 * `site.browser` and `site.server` inside the tests (they are set once beforeAll has run).
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { builds } from './builds';
import { serveStatic, type StaticServer } from './static-server';

export function browserOnRootBuild(): { browser: Browser; server: StaticServer } {
  const site = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    site.browser = await launchChromium();
    site.server = await serveStatic(builds.root.outDir, { base: builds.root.base });
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
