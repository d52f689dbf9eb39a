/**
 * Fixed-height codes never cut content (issue 20), in Debian's Chromium.
 *
 * - Every unit is measured again at the widths of src/data/embed-heights.json (the height classes'
 *   320, 390, 600 and 900 px and the probes between them). A unit with a plain iframe code: its
 *   real height at a class's width is neither over the class's height (short) nor more than 10 %
 *   under it (long), and at every probe it is within the height of the class for that column.
 *   A unit without one says so in its codes (self-sizing codes only). When this fails, run
 *   `npm run embed:heights` on a fresh build and commit src/data/embed-heights.json.
 * - The plain iframe codes as the build offers them (the gallery's code boxes, the height set to
 *   each class's, as the box tells the editor) pasted into a host page, in a column of 320, 390,
 *   600 and 900 px: each frame shows its whole unit, nothing scrolls inside, and the link back is
 *   inside the frame.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle } from 'playwright-core';
import { classFor, fitsReal, MEASURED_WIDTHS, type HeightClass, type MeasuredHeights } from '../../src/lib/embed/heights';
import { chromiumAvailable } from '../support/browser';
import { builds, ROOT, SITE_URL } from '../support/builds';
import { measureUnits, unitKeys } from '../support/embed-heights';
import { browserOnRootBuild } from '../support/site-browser';
import { serveStatic, type StaticServer } from '../support/static-server';

const { outDir } = builds.root;
const committed = JSON.parse(readFileSync(join(ROOT, 'src/data/embed-heights.json'), 'utf8')) as MeasuredHeights;
const HOST_DIR = join(ROOT, 'tests/.tmp/embed-heights-host');

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The galleries' plain iframe code of every unit (the Ukrainian gallery's keyed 'uk/…'): its code, its classes; or none (self-sizing only). */
function offeredCodes(): Map<string, { code: string; classes: HeightClass[] } | null> {
  const out = new Map<string, { code: string; classes: HeightClass[] } | null>();
  for (const prefix of ['', 'uk/']) {
    const file = join(outDir, prefix, 'embed/index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<div class="embed-code[^"]*" data-embed-code="iframe"( data-self-sizing-only="")?(?: data-height-classes="([^"]+)")?[^>]*>([\s\S]*?)<\/div>/g)) {
      const textarea = /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(m[3]!);
      if (m[1]) {
        const key = new RegExp(`data-gallery-embed="[^"]*/${prefix}embed/([^"]+)/"`).exec(html.slice(m.index))?.[1];
        if (key) out.set(`${prefix}${key}`, null);
        continue;
      }
      const code = unescape(textarea![1]!);
      const key = new RegExp(`^<iframe src="${SITE_URL}/${prefix}embed/([^"?]+)/`).exec(code)![1]!;
      const classes = m[2]!.split(' ').map((c) => c.split(':').map(Number)).map(([width, height]) => ({ width, height }) as HeightClass);
      out.set(`${prefix}${key}`, { code, classes });
    }
  }
  return out;
}

describe.runIf(chromiumAvailable())('fixed-height embed codes', () => {
  const site = browserOnRootBuild();
  const codes = offeredCodes();
  const keys = unitKeys(outDir);
  let host: StaticServer;
  beforeAll(async () => {
    mkdirSync(HOST_DIR, { recursive: true });
    host = await serveStatic(HOST_DIR);
  });
  afterAll(async () => {
    await host?.close();
  });

  it('the gallery offers every unit’s plain iframe code or says it has none; most units have one', () => {
    expect([...codes.keys()].sort()).toEqual([...keys].sort());
    const fixed = [...codes.values()].filter(Boolean).length;
    console.log(`[embed-heights] ${fixed} of ${keys.length} units have a plain iframe code; the others are self-sizing only: ${[...codes].filter(([, c]) => !c).map(([k]) => k).join(', ')}`);
    expect(fixed).toBeGreaterThan(keys.length / 2);
    for (const [key, c] of codes) if (c) expect(c.classes.map((x) => x.width), key).toEqual([...MEASURED_WIDTHS]);
  });

  it('each class’s height is the unit’s real height at its width, never short, at most 10 % over; within its range never short', async () => {
    const real = await measureUnits(site.browser, site.server.url, keys, committed.widths);
    const problems: string[] = [];
    for (const [key, c] of codes) {
      if (!c) continue;
      committed.widths.forEach((w, i) => {
        const h = real[key]![i]!;
        const cls = classFor(c.classes, w);
        const verdict = fitsReal(cls.height, h);
        if (cls.width === w && verdict !== 'fits') problems.push(`${key} at ${w} px: ${h} px, its code ${cls.height} px (${verdict})`);
        if (verdict === 'short') problems.push(`${key} at ${w} px (probe): ${h} px, the ${cls.width} px code ${cls.height} px (short)`);
      });
    }
    expect(problems, 'run `npm run embed:heights` on a fresh build and commit src/data/embed-heights.json').toEqual([]);
  }, 480_000); // every unit of both editions at ten widths: about two minutes on two cores

  it.each(MEASURED_WIDTHS)('every plain iframe code in a %i px column shows its whole unit', async (width) => {
    const units = [...codes].filter(([, c]) => c) as [string, { code: string; classes: HeightClass[] }][];
    const frames = units.map(([key, c]) => {
      const { height } = classFor(c.classes, width);
      const code = c.code.replace(/ height="\d+"/, ` height="${height}"`).replaceAll(`${SITE_URL}/`, site.server.url);
      return `<p>Newsroom text before ${key}.</p><div class="column">${code}</div>`;
    });
    writeFileSync(
      join(HOST_DIR, `column-${width}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host ${width}</title><style>body{margin:0;font:16px serif}.column{width:${width}px}p{margin:1rem}</style></head><body>${frames.join('\n')}</body></html>`,
    );
    const context = await site.browser.newContext({ viewport: { width: Math.max(width, 400), height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    try {
      await page.goto(`${host.url}column-${width}.html`);
      const iframes = (await page.$$('iframe')) as ElementHandle<HTMLIFrameElement>[];
      expect(iframes).toHaveLength(units.length);
      for (const [i, iframe] of iframes.entries()) {
        await iframe.scrollIntoViewIfNeeded(); // loading="lazy"
        const frame = await iframe.contentFrame();
        await expect.poll(async () => (await iframe.contentFrame())?.url().startsWith(site.server.origin) ?? false, { timeout: 15_000 }).toBe(true);
        await frame!.waitForLoadState('load');
        await frame!.evaluate(() => document.fonts.ready);
        await frame!.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const m = await frame!.evaluate(() => {
          const html = document.documentElement;
          const link = document.querySelector('.embed-footer a.embed-more')!.getBoundingClientRect();
          return { width: html.clientWidth, view: html.clientHeight, content: html.scrollHeight, linkBottom: link.bottom };
        });
        const label = `${units[i]![0]} at ${width} px`;
        if (m.width !== width) problems.push(`${label}: the frame is ${m.width} px wide`);
        if (m.content > m.view) problems.push(`${label}: ${m.content} px of content in a ${m.view} px frame`);
        if (m.linkBottom > m.view) problems.push(`${label}: the link back ends at ${Math.round(m.linkBottom)} px, below the frame (${m.view} px)`);
      }
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
