/**
 * The script embed (no iframe) in Chromium, on a host page of another origin whose CSP allows
 * our origin and nothing else for scripts, styles, images and fetches. The codes are the
 * "Script embed" codes the build offers (found by [data-embed-code="script"], in the embed
 * gallery or on the stack pages), pasted as they are, for a card and a chart.
 *
 * - Both render into Shadow DOM: the text is there, the chart image loads, the host's custom
 *   properties change the font and the accent; axe finds nothing; no console error and no CSP
 *   violation; no sideways scrolling at 320 px; two snippets share one script.
 * - Without JavaScript the host page shows the links.
 * - A fragment with <script>, on*= handlers, javascript: URLs and other active content (a
 *   planted fault) runs nothing; a fragment that cannot be fetched gives the iframe instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { builds, ROOT, SITE_URL } from '../support/builds';
import { assertBuilt } from '../support/dist';
import { axeViolations, formatAxe, horizontalOverflow } from '../support/page-checks';
import { headersFileFor, serveStatic, type StaticServer } from '../support/static-server';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { ELEMENT_NAME } from '../../src/lib/embed/element';

const { outDir } = builds.root;
const HOST_DIR = join(ROOT, 'tests/.tmp/script-embed-host');
const POLL = { timeout: 20_000, interval: 100 };
const THEME = { font: '"Courier New", monospace', accent: 'rgb(200, 0, 100)' };

const available = chromiumAvailable();
const { model } = checkContent(readContentFiles(ROOT));

describe.skipIf(!available)('the script embed on a host page with a strict CSP', () => {
  let browser: Browser;
  let site: StaticServer;
  let host: StaticServer;
  /** The same host pages with no CSP at all: nothing stands between a fragment and the page but our script. */
  let loose: StaticServer;
  let codes: { card: string; chart: string };
  let policy = '';

  beforeAll(async () => {
    assertBuilt(outDir);
    rmSync(HOST_DIR, { recursive: true, force: true });
    mkdirSync(HOST_DIR, { recursive: true });
    site = await serveStatic(outDir, { host: '127.0.0.1', headers: headersFileFor(outDir) });
    const ours = site.origin;
    // The policy docs/embedding.md gives newsrooms, with the host's own stylesheet ('self').
    policy = `default-src 'none'; script-src ${ours}; style-src 'self' ${ours}; img-src ${ours}; connect-src ${ours}; frame-src ${ours}`;
    host = await serveStatic(HOST_DIR, { host: 'localhost', headers: () => ({ 'Content-Security-Policy': policy }) });
    loose = await serveStatic(HOST_DIR, { host: 'localhost' });
    writeFileSync(
      join(HOST_DIR, 'host.css'),
      `body { margin: 0 auto; max-width: 40rem; padding: 0 1rem; font: 16px Georgia, serif; }\n.themed { --explainer-font: ${THEME.font}; --explainer-accent: ${THEME.accent}; }\n`,
    );
    browser = await launchChromium();
    codes = await scriptCodes();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await host?.close();
    await loose?.close();
  });

  /** The first card's and the first chart's "Script embed" code, read where the site offers them. */
  async function scriptCodes(): Promise<{ card: string; chart: string }> {
    const page = await browser.newPage();
    const found: string[] = [];
    for (const path of ['embed/', ...model.stacks.map((s) => `${s.id}/`)]) {
      await page.goto(`${site.url}${path}`);
      // The gallery's codes come in when their disclosure opens, as a reader opens it.
      await page.locator('details.embed-codes').evaluateAll((els) => els.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await page.locator('details.embed-codes [data-embed-code="script"] textarea').first().waitFor({ state: 'attached', timeout: 5000 }).catch(() => undefined);
      found.push(...(await page.locator('[data-embed-code="script"] textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))));
      if (found.some((c) => c.includes('/embed/chart/')) && found.some((c) => !c.includes('/embed/chart/'))) break;
    }
    await page.close();
    // The codes name the site's real address; here it answers on 127.0.0.1.
    const local = (c: string) => c.split(`${SITE_URL}/`).join(site.url);
    const card = found.find((c) => !c.includes('/embed/chart/'));
    const chart = found.find((c) => c.includes('/embed/chart/'));
    if (!card || !chart) throw new Error('no "Script embed" code for a card and a chart found by [data-embed-code="script"]');
    return { card: local(card), chart: local(chart) };
  }

  function hostPage(name: string, body: string): string {
    writeFileSync(join(HOST_DIR, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Newsroom story</title><link rel="stylesheet" href="host.css"></head><body><main><h1>Newsroom story</h1><p>Newsroom text before.</p>${body}<p>Newsroom text after.</p></main></body></html>`);
    return `${host.url}${name}`;
  }
  const twoUnits = () => hostPage('two.html', `<div class="themed">${codes.card}</div><p>Between the units.</p>${codes.chart}`);

  /** Console errors, page errors and CSP violations, collected from the start. */
  async function watched(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.exposeFunction('__cspViolation', (v: string) => problems.push(`CSP violation: ${v}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    return { page, problems };
  }

  const states = (page: Page) => page.locator(ELEMENT_NAME).evaluateAll((els) => els.map((e) => e.getAttribute('data-embed-state')));

  it('the codes are a placeholder link and one script from our origin', () => {
    for (const code of [codes.card, codes.chart]) {
      expect(code).toMatch(new RegExp(`^<${ELEMENT_NAME} src="${site.url}embed/[^"]+/"[^>]*><a href="${site.url}[^"]*">[^<]+</a></${ELEMENT_NAME}>\\n<script async src="${site.url}embed/element\\.js"></script>$`));
    }
  });

  it('renders a card and a chart into Shadow DOM, themed by the host, accessible, with no error or CSP violation', async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    const { page, problems } = await watched(context);
    await page.goto(twoUnits());
    await expect.poll(() => states(page), POLL).toEqual(['ready', 'ready']);
    // Two snippets, two <script> tags, one definition.
    expect(await page.evaluate((n) => !!customElements.get(n) && document.querySelectorAll('script').length, ELEMENT_NAME)).toBe(2);

    const units = await page.locator(ELEMENT_NAME).evaluateAll((els) =>
      els.map((el) => {
        const shadow = el.shadowRoot!;
        const text = shadow.querySelector('p')!;
        const link = shadow.querySelector<HTMLAnchorElement>('.embed-more')!;
        const img = shadow.querySelector('img');
        return {
          title: el.querySelector('a')!.textContent!.trim(),
          text: shadow.textContent ?? '',
          font: getComputedStyle(text).fontFamily,
          accent: getComputedStyle(link).color,
          link: link.href,
          image: img ? img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().height > 50 : null,
          lightLinkShown: el.querySelector('a')!.getClientRects().length > 0,
        };
      }),
    );
    const [card, chart] = units as [(typeof units)[number], (typeof units)[number]];
    for (const u of units) {
      expect(u.text, 'the unit’s text is in the shadow DOM').toContain(u.title);
      expect(u.link.startsWith(site.url), 'links are absolute, to our site').toBe(true);
      expect(u.lightLinkShown, 'the placeholder link gives way').toBe(false);
    }
    await expect.poll(() => page.locator(ELEMENT_NAME).nth(1).evaluate((el) => { const i = el.shadowRoot!.querySelector('img'); return !!i && i.complete && i.naturalWidth > 0; }), POLL).toBe(true);
    expect(chart.image === null ? 'no image' : 'image', 'the chart shows its image').toBe('image');
    // The host's custom properties reach inside; the unthemed unit keeps our defaults.
    expect(card.font).toBe(THEME.font);
    expect(card.accent).toBe(THEME.accent);
    expect(chart.font).not.toContain('Courier New');
    expect(chart.accent).not.toBe(THEME.accent);

    await page.setViewportSize({ width: 320, height: 800 });
    await expect.poll(() => horizontalOverflow(page), POLL).toEqual([]);
    expect(problems).toEqual([]);
    // Last: axe's own checks insert <style> elements, which this host's CSP refuses (and reports).
    await page.setViewportSize({ width: 900, height: 900 });
    expect(formatAxe(await axeViolations(page))).toBe('');
    await context.close();
  });

  it('shows the links without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(twoUnits());
    const links = page.locator(`${ELEMENT_NAME} > a`);
    expect(await links.count()).toBe(2);
    for (const i of [0, 1]) {
      expect(await links.nth(i).isVisible()).toBe(true);
      expect(await links.nth(i).getAttribute('href')).toMatch(new RegExp(`^${site.url}`));
    }
    await context.close();
  });

  it.each(['with', 'without'])('runs nothing from a planted fragment (<script>, on*= handlers, javascript: URLs, frames, SVG tricks), host page %s a CSP', async (csp) => {
    const context = await browser.newContext({ viewport: { width: 600, height: 900 } });
    const { page, problems } = await watched(context);
    const src = /src="([^"]+)"/.exec(codes.card)![1]!;
    const planted = [
      '<p id="planted">Planted text stays.</p>',
      '<script>window.__pwned = "script"</script>',
      '<img src="x" onerror="window.__pwned = \'onerror\'" alt="x">',
      '<a id="js" href="javascript:window.__pwned = \'href\'">click</a>',
      '<a id="js2" href=" JaVaScRiPt:window.__pwned = \'href2\'">click</a>',
      '<svg><a xlink:href="javascript:window.__pwned=\'svg\'"><text>svg</text></a><animate onbegin="window.__pwned=\'animate\'" attributeName="x" dur="1s"></animate></svg>',
      '<iframe srcdoc="<script>parent.__pwned=\'iframe\'</script>"></iframe>',
      '<details open ontoggle="window.__pwned = \'toggle\'"><summary>s</summary></details>',
      '<form action="javascript:window.__pwned=\'form\'"><button>go</button></form>',
      '<style>*{display:none}</style><link rel="stylesheet" href="https://evil.example/x.css">',
      '<host-widget onclick="x">wrapped text stays</host-widget>',
    ].join('');
    await context.route(`${src}fragment.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: JSON.stringify({ version: 1, html: planted, styles: ['https://evil.example/x.css'] }) }));
    const server = csp === 'with' ? host : loose;
    await page.goto(hostPage('planted.html', codes.card).replace(host.url, server.url));
    await expect.poll(() => states(page), POLL).toEqual(['ready']);
    const inside = await page.locator(ELEMENT_NAME).evaluate((el) => {
      const s = el.shadowRoot!;
      for (const a of s.querySelectorAll('a')) a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      return {
        text: s.textContent,
        active: s.querySelectorAll('script, iframe, style, form, button, animate, [onerror], [onbegin], [ontoggle], [onclick], host-widget').length,
        jsLinks: [...s.querySelectorAll('a')].filter((a) => a.hasAttribute('href') || a.hasAttribute('xlink:href')).length,
        links: [...s.querySelectorAll('link')].map((l) => (l as HTMLLinkElement).href),
      };
    });
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(inside.text).toContain('Planted text stays.');
    expect(inside.text).toContain('wrapped text stays');
    expect(inside.active).toBe(0);
    expect(inside.jsLinks).toBe(0);
    expect(inside.links.every((l) => l.startsWith(site.url))).toBe(true);
    expect(page.url()).toBe(`${server.url}planted.html`);
    // Nothing threw or opened a dialog. The planted img's "x" is a 404 on our origin; and under a
    // CSP, Chromium reports the planted handlers and <style> when it parses the fragment into
    // its inert document (it blocks them there too): those reports are expected.
    expect(problems.filter((p) => !/404|Content Security Policy|^CSP violation/.test(p))).toEqual([]);
    await context.close();
  });

  it('falls back to the iframe when the fragment cannot be fetched', async () => {
    const context = await browser.newContext({ viewport: { width: 600, height: 900 } });
    const page = await context.newPage();
    const src = /src="([^"]+)"/.exec(codes.card)![1]!;
    await context.route(`${src}fragment.json`, (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(hostPage('fallback.html', codes.card));
    await expect.poll(() => states(page), POLL).toEqual(['iframe']);
    const frame = (await (await page.$(`${ELEMENT_NAME} iframe`))!.contentFrame())!;
    await expect.poll(() => frame.locator('h1').count(), POLL).toBe(1);
    await context.close();
  });
});
