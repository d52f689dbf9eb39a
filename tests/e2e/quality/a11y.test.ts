/**
 * Accessibility on every page of the build (found by walking dist/): axe-core with the WCAG
 * 2.0/2.1/2.2 A and AA rules in light mode, dark mode and at 320 px; nothing scrolls sideways at
 * 320 px; a skip link, a visible focus ring and every control reachable by keyboard; usable at
 * 200 % zoom. One Chromium for the file, one page per viewport, reused across pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { builds } from '../../support/builds.ts';
import { chromiumAvailable, launchChromium } from '../../support/browser.ts';
import { editionRoute, pagesForBrowserChecks } from '../../support/html.ts';
import { serveStatic, type StaticServer } from '../../support/static-server.ts';
import { axeViolations, COLOUR_RULES, formatAxe, horizontalOverflow, keyboardCheck, zoomProblems } from '../../support/page-checks.ts';

const { outDir, base } = builds.root;

describe.skipIf(!chromiumAvailable())('accessibility of every page', () => {
  let browser: Browser;
  let server: StaticServer;
  let desktop: Page;
  let narrow: Page;
  let zoomed: Page;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(outDir, { base })]);
    desktop = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    narrow = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage();
    // Chromium's 200 % zoom on a 1280 px screen: a 640 px CSS viewport drawn at twice the density.
    zoomed = await (await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(pagesForBrowserChecks(outDir).map((p) => [p.route || '/', p.route] as const))('%s', async (_label, route) => {
    const url = `${server.url}${route}`;
    const problems: string[] = [];

    await desktop.emulateMedia({ colorScheme: 'light' });
    await desktop.goto(url);
    // Keyboard first, on a freshly loaded page where nothing has focus yet.
    const keyboard = await keyboardCheck(desktop);
    problems.push(...keyboard.problems.map((p) => `keyboard: ${p}`));
    let v = await axeViolations(desktop);
    if (v.length) problems.push(`axe, light: ${formatAxe(v)}`);
    // Dark mode changes colours only: the colour rules are the ones that can change.
    await desktop.emulateMedia({ colorScheme: 'dark' });
    // Embed pages are light whatever the reader's setting unless the host asks
    // (src/lib/embed/theme.ts): ask for the reader's setting, so their dark colours are checked.
    if (/^embed\/.+\/.+\/$/.test(editionRoute(route))) await desktop.goto(`${url}?theme=auto`);
    v = await axeViolations(desktop, { rules: COLOUR_RULES });
    if (v.length) problems.push(`axe, dark: ${formatAxe(v)}`);

    await narrow.goto(url);
    v = await axeViolations(narrow);
    if (v.length) problems.push(`axe, 320 px: ${formatAxe(v)}`);
    const overflow = await horizontalOverflow(narrow);
    if (overflow.length) problems.push(`scrolls sideways at 320 px: ${overflow.join('; ')}`);

    await zoomed.goto(url);
    const zoom = await zoomProblems(zoomed);
    if (zoom.length) problems.push(`200 % zoom: ${zoom.join('; ')}`);

    expect(problems.join('\n')).toBe('');
  });
});
