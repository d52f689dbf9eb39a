/**
 * The home page at a glance on a phone (issue 20), in Debian's Chromium at 390×844: the
 * explainers are reached within the first two screens, and the plan's five points (the four
 * layers and what happens if fighting resumes, content/data/layers.yaml) are each said once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { builds, ROOT } from '../support/builds.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const { model } = checkContent(readContentFiles(ROOT));
const { outDir, base } = builds.root;
const TWO_SCREENS = 2 * 844;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe.skipIf(!chromiumAvailable())('home page at a glance (390×844)', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(outDir, { base })]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`the first explainer link starts within the first two screens, ${scheme}`, async () => {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: scheme });
      await page.goto(server.url);
      const first = page.locator('main #explainers ~ ul a').first();
      expect(await first.getAttribute('href')).toBe(`${base}${model.stacks[0]!.id}/`);
      const box = (await first.boundingBox())!;
      expect(box.y).toBeLessThanOrEqual(TWO_SCREENS);
      // And every explainer is listed there.
      expect(await page.locator('main #explainers ~ ul a').count()).toBe(model.stacks.length);
      await page.close();
    });
  }

  it('says each of the plan’s five points once: the four layers and what happens if fighting resumes', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(server.url);
    const text = squash(await page.locator('main').innerText());
    const { layers, ladder } = model.layers!;
    expect(layers.length + 1).toBe(5);
    const points = [...layers.flatMap((l) => [l.title, l.text]), ...ladder.flatMap((s) => [s.step, s.text])];
    for (const p of points) expect(count(text, squash(p)), p).toBe(1);
    // Nor in other words: each point's telling phrase appears once.
    for (const phrase of ['800,000', 'equipped and trained', 'stationed away from the front', 'contact lines and borders', 'backed by US capabilities within days']) {
      expect(count(text.toLowerCase(), phrase.toLowerCase()), phrase).toBe(1);
    }
    await page.close();
  });
});
