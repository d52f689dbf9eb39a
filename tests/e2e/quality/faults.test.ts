/**
 * Each browser check catches its fault, on a copy of dist/ with one fault per page: a missing
 * alt text and a low-contrast text (axe), an inline script (CSP violation), a request to another
 * origin (privacy), a page wider than 320 px, text only JavaScript writes, a chart without its
 * table, no skip link, no focus ring, a control the keyboard cannot reach, clipped text at 200 %.
 * The checks are the functions the real tests call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/builds.ts';
import { chromiumAvailable, launchChromium } from '../../support/browser.ts';
import { faultyCopy, inHead, inMain } from '../../support/faults.ts';
import { serveStatic, type StaticServer } from '../../support/static-server.ts';
import {
  axeViolations,
  chartProblemsWithoutJs,
  horizontalOverflow,
  keyboardCheck,
  readingText,
  textMissingWithoutJs,
  watchContext,
  zoomProblems,
  type PageWatch,
} from '../../support/page-checks.ts';

describe.skipIf(!chromiumAvailable())('fault injection in the browser: each check catches its fault', () => {
  let browser: Browser;
  let server: StaticServer;
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;

  /** A copy of the home page at /fault-<name>/ with one edit. */
  const plant = (name: string, ...edits: ((html: string) => string)[]) => {
    mkdirSync(join(dir, `fault-${name}`), { recursive: true });
    writeFileSync(join(dir, `fault-${name}/index.html`), edits.reduce((html, edit) => edit(html), readFileSync(join(dir, 'index.html'), 'utf8')));
    return `${server.url}fault-${name}/`;
  };
  const css = (name: string, rules: string) => {
    writeFileSync(join(dir, `_astro/fault-${name}.css`), rules);
    return inHead(`<link rel="stylesheet" href="/_astro/fault-${name}.css">`);
  };

  beforeAll(async () => {
    dir = faultyCopy('browser');
    [browser, server] = await Promise.all([launchChromium(), serveStatic(dir)]);
    context = await browser.newContext();
    watch = await watchContext(context, server.origin);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(`${ROOT}tests/.tmp/faults/browser`, { recursive: true, force: true });
  });

  it('axe: an image without alt text and grey-on-white text', async () => {
    const url = plant('axe', css('axe', '.fault-faint{color:#bbb;background:#fff}'), inMain('<img src="/favicon.svg" width="20" height="20"><p class="fault-faint">faint</p>'));
    await page.goto(url);
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toContain('image-alt');
    expect(ids).toContain('color-contrast');
  });

  it('CSP: an inline script is refused and the violation is caught', async () => {
    const url = plant('csp', inMain('<script>document.title = "inline"</script>'));
    watch.reset();
    await page.goto(url);
    await watch.settle();
    expect(watch.csp.length).toBeGreaterThan(0);
    expect(watch.csp.join('\n')).toMatch(/script/i);
  });

  it('privacy: a request to another origin is caught (and never leaves the machine)', async () => {
    // Without the CSP meta, which would otherwise block the request before it is made.
    const url = plant('external', (h) => h.replace(/<meta http-equiv="content-security-policy"[^>]*>/, ''), inMain('<img src="https://cdn.example.com/pixel.png" alt="tracker">'));
    watch.reset();
    await page.goto(url);
    await watch.settle();
    expect(watch.external).toEqual(['https://cdn.example.com/pixel.png']);
  });

  it('320 px: a fixed-width element makes the page scroll sideways', async () => {
    const url = plant('wide', css('wide', '.fault-wide{width:600px}'), inMain('<div class="fault-wide">wide</div>'));
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(url);
    const overflow = await horizontalOverflow(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(overflow[0]).toMatch(/page is \d+px wide in a 320px viewport/);
    expect(overflow.join(' ')).toMatch(/<div\.fault-wide>/);
  });

  it('reading without JavaScript: text that only a script writes', async () => {
    writeFileSync(join(dir, '_astro/fault-text.js'), 'const p = document.createElement("p"); p.textContent = "Only with JavaScript"; document.querySelector("main").append(p);');
    const url = plant('js-text', inMain('<script type="module" src="/_astro/fault-text.js"></script>'));
    await page.goto(url);
    await watch.settle();
    const on = await readingText(page);
    const off = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await off.goto(url);
    expect(textMissingWithoutJs(on, await readingText(off))).toEqual(['Only with JavaScript']);
    await off.context().close();
  });

  it('charts without JavaScript: a chart with no data table and an image with no alt', async () => {
    const url = plant('chart', inMain('<figure id="fault"><ex-chart><img src="/favicon.svg" width="20" height="20" alt=""></ex-chart><figcaption>A chart</figcaption></figure>'));
    const off = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await off.goto(url);
    const result = await chartProblemsWithoutJs(off);
    await off.context().close();
    expect(result.charts).toBeGreaterThanOrEqual(1);
    expect(result.problems).toContain('fault: no data table');
    expect(result.problems).toContain('fault: image has no alt text');
  });

  it('keyboard: no skip link, no focus ring, a control out of the Tab order', async () => {
    const url = plant(
      'keyboard',
      (h) => h.replace(/<a class="skip-link[^"]*" href="#main">[^<]*<\/a>/, ''),
      css('keyboard', ':focus-visible{outline:none !important} .fault-kb{color:inherit}'),
      inMain('<button class="fault-kb" type="button">a control</button>'),
    );
    await page.goto(url);
    const { problems } = await keyboardCheck(page);
    const text = problems.join('\n');
    expect(text).toMatch(/first Tab stop is .*, not a skip link/);
    expect(text).toMatch(/no visible focus ring on \d+ element/);
  });

  it('keyboard: a visible control that Tab never reaches', async () => {
    writeFileSync(join(dir, '_astro/fault-trap.js'), 'document.addEventListener("keydown", (e) => { if (e.key === "Tab" && document.activeElement?.classList.contains("fault-last")) { e.preventDefault(); document.querySelector(".skip-link")?.focus(); } });');
    const url = plant('trap', inMain('<a class="fault-last" href="/sources/">last before trap</a><a class="fault-after" href="/updates/">after trap</a><script type="module" src="/_astro/fault-trap.js"></script>'));
    await page.goto(url);
    const { problems } = await keyboardCheck(page);
    expect(problems.join('\n')).toMatch(/not reachable by Tab: .*after trap/);
  });

  it('200 % zoom: text clipped by a fixed-size box', async () => {
    const url = plant('zoom', css('zoom', '.fault-clip{width:80px;height:20px;overflow:hidden;white-space:nowrap}'), inMain('<p class="fault-clip">This sentence is far too long for its box</p>'));
    const zoomed = await (await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 })).newPage();
    await zoomed.goto(url);
    const problems = await zoomProblems(zoomed);
    await zoomed.context().close();
    expect(problems).toContain('text clipped in <p.fault-clip>');
  });
});
