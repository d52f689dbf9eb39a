/**
 * Launches Debian's Chromium through playwright-core with the flags this workplace needs (no
 * background networking, fresh profile). Never downloads a browser. In CI a missing Chromium
 * is an error, not a skip: browser tests must not pass by not running.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when browser tests can run here. In CI this throws instead of returning false. */
export function chromiumAvailable(): boolean {
  const ok = existsSync(CHROMIUM_PATH);
  if (!ok && process.env.CI) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; CI must install it (apt-get install -y chromium).`);
  }
  if (!ok) console.warn(`[browser tests skipped] no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  return ok;
}

/** Playwright gives every launch() a fresh temporary profile (it refuses --user-data-dir here). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new page that collects console errors and page errors (a search, say, must cause none). */
export async function watchedPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}
