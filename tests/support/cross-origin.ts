/**
 * The set-up of every test that puts our units into someone else's page: the built site on
 * 127.0.0.1, a folder of host pages on localhost (another origin, as a newsroom's page is), and
 * one Chromium. The host folder starts empty; the test writes its pages and client scripts there.
 */
import { mkdirSync, rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { serveStatic, type ServeOptions, type StaticServer } from './static-server';

export interface CrossOrigin {
  site: StaticServer;
  host: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function openCrossOrigin(outDir: string, hostDir: string, siteHeaders?: ServeOptions['headers']): Promise<CrossOrigin> {
  rmSync(hostDir, { recursive: true, force: true });
  mkdirSync(hostDir, { recursive: true });
  const site = await serveStatic(outDir, { host: '127.0.0.1', headers: siteHeaders });
  const host = await serveStatic(hostDir, { host: 'localhost' });
  const browser = await launchChromium();
  return {
    site,
    host,
    browser,
    close: async () => {
      await browser.close();
      await site.close();
      await host.close();
    },
  };
}
