/**
 * Checks that run inside a page in Chromium, shared by the quality tests and their
 * fault-injection tests: axe-core, sideways scrolling, keyboard use and focus rings, zoom,
 * visible text with and without JavaScript, charts without JavaScript, and a watcher for CSP
 * violations, script errors and requests to other origins.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT } from './builds.ts';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules docs/design.md promises. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const AXE_SOURCE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe in the page. The source is evaluated through the DevTools protocol, which the page's
 * CSP does not govern, so the page keeps its strict policy. Frames are left out: every page our
 * frames show (the embeds in the gallery) is a page of dist/ and is checked on its own.
 */
export async function axeViolations(page: Page, only?: { rules: string[] }): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe !== "undefined"');
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const runOnly = only ? { type: 'rule', values: only.rules } : { type: 'tag', values: AXE_TAGS };
  return page.evaluate(async (runOnly) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly, resultTypes: ['violations'], iframes: false });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  }, runOnly);
}

/**
 * The WCAG A/AA rules whose outcome depends on colours: all that can change when only the colour
 * scheme changes (the markup and layout stay the same).
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

export const formatAxe = (violations: AxeViolation[]) => violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`).join('; ');

/** Elements that stick out past the right edge when the page scrolls sideways; empty when it does not. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width && document.body.scrollWidth <= width) return [];
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1) continue;
      // Inside a scrolling box (a wide table's wrapper) sticking out is fine.
      let p = el.parentElement;
      let contained = false;
      while (p && p !== document.body) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) contained = true;
        p = p.parentElement;
      }
      if (!contained) culprits.push(`<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList[0] ? `.${el.classList[0]}` : ''}> right edge ${Math.round(r.right)}px`);
    }
    return [`page is ${root.scrollWidth}px wide in a ${width}px viewport`, ...culprits.slice(0, 5)];
  });
}

/** What a keyboard user meets: skip link, focus ring and reachability of every control. */
export interface KeyboardReport {
  problems: string[];
  /** How many Tab presses it took to go through the page. */
  stops: number;
}

/** Elements that can take focus in the top document (frames are walked into, not counted). */
const FOCUSABLE = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], audio[controls], video[controls], [contenteditable]:not([contenteditable="false"])';

/**
 * Tabs through a freshly loaded page. Needs a page that has just navigated (nothing focused yet).
 * Checks: when controls come before <main>, the first Tab stop is a skip link that moves focus to
 * its target; every Tab stop shows a focus ring (outline or box-shadow) and is on screen; every
 * visible control is reached.
 */
export async function keyboardCheck(page: Page): Promise<KeyboardReport> {
  const problems: string[] = [];
  const expected = await page.evaluate((selector) => {
    const all = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (el) =>
        el.tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        !el.closest('[inert]') &&
        el.checkVisibility({ visibilityProperty: true }) &&
        (el.tagName !== 'SUMMARY' || el.parentElement?.tagName === 'DETAILS') &&
        // A frame is a container, not a control: Tab enters it only when it holds a control.
        el.tagName !== 'IFRAME',
    );
    const w = window as unknown as { __kb: { all: HTMLElement[]; reached: Set<HTMLElement> } };
    w.__kb = { all, reached: new Set() };
    const main = document.querySelector('main');
    const beforeMain = main ? all.filter((el) => el.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING && !main.contains(el)).length : 0;
    return { count: all.length, beforeMain, hasMain: !!main };
  }, FOCUSABLE);
  if (!expected.hasMain) problems.push('no <main>: nothing for a skip link (or a screen reader) to jump to');

  const limit = expected.count * 4 + 20;
  let stops = 0;
  let first: { tag: string; href: string | null; text: string } | undefined;
  const noRing: string[] = [];
  const offScreen: string[] = [];
  for (; stops < limit; stops++) {
    await page.keyboard.press('Tab');
    const step = await page.evaluate(() => {
      const w = window as unknown as { __kb: { reached: Set<Element>; first?: Element } };
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || el === document.documentElement) return { done: true } as const;
      if (w.__kb.first === el && w.__kb.reached.size > 1) return { done: true } as const;
      w.__kb.first ??= el;
      const again = w.__kb.reached.has(el);
      w.__kb.reached.add(el);
      if (el instanceof HTMLIFrameElement) {
        // Tab has entered a frame (the gallery holds dozens of embeds). Each framed page is a
        // page of dist/ with its own keyboard check, so its content is made inert here and the
        // next Tab leaves the frame instead of walking through it.
        try {
          el.contentDocument?.body?.setAttribute('inert', '');
        } catch {
          /* another origin: Tab walks through it */
        }
      }
      const cs = getComputedStyle(el);
      const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1) || cs.boxShadow !== 'none';
      const r = el.getBoundingClientRect();
      const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
      const label = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${(el.innerText || el.getAttribute('aria-label') || el.getAttribute('title') || '').trim().slice(0, 40)}"`;
      return { done: false, again, iframe: el.tagName === 'IFRAME', ring, onScreen, label, tag: el.tagName.toLowerCase(), href: el.getAttribute('href') } as const;
    });
    if (step.done) break;
    first ??= { tag: step.tag, href: step.href, text: step.label };
    if (step.iframe || step.again) continue;
    if (!step.ring) noRing.push(step.label);
    // An item skipped by content-visibility is laid out when focus reaches it, and the scroll
    // settles in the next frame: judge what the reader sees once it has been painted.
    if (!step.onScreen && !(await onScreenAfterPaint(page))) offScreen.push(step.label);
  }
  if (noRing.length) problems.push(`no visible focus ring on ${noRing.length} element(s): ${noRing.slice(0, 5).join(', ')}`);
  if (offScreen.length) problems.push(`focused but not on screen: ${offScreen.slice(0, 5).join(', ')}`);

  const unreached = await page.evaluate(() => {
    const w = window as unknown as { __kb: { all: HTMLElement[]; reached: Set<Element> } };
    return w.__kb.all.filter((el) => !w.__kb.reached.has(el)).map((el) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`);
  });
  if (unreached.length) problems.push(`${unreached.length} control(s) not reachable by Tab: ${unreached.slice(0, 5).join(', ')}`);

  if (expected.beforeMain > 0) {
    if (!first || first.tag !== 'a' || !first.href?.startsWith('#') || first.href.length < 2) {
      problems.push(`first Tab stop is ${first?.text ?? 'nothing'}, not a skip link to the main content`);
    } else {
      // Activate the skip link: focus must land in its target.
      await page.evaluate((href) => (document.querySelector(`a[href="${href}"]`) as HTMLElement | null)?.focus(), first.href);
      await page.keyboard.press('Enter');
      const landed = await page.evaluate((id) => {
        const target = document.getElementById(id);
        return !!target && !!document.activeElement && (target === document.activeElement || target.contains(document.activeElement));
      }, decodeURIComponent(first.href.slice(1)));
      if (!landed) problems.push(`skip link ${first.href} does not move focus to its target`);
    }
  }
  return { problems, stops };
}

/**
 * At 200 % zoom (a 1280 px screen shows a 640 px CSS viewport), everything stays usable: no
 * sideways scrolling, no clipped text, every control inside the page (target sizes are axe's
 * target-size rule, run at 1280 and 320 px).
 */
export async function zoomProblems(page: Page): Promise<string[]> {
  const overflow = await horizontalOverflow(page);
  const rest = await page.evaluate((selector) => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const cs = getComputedStyle(el);
      if (!['hidden', 'clip'].includes(cs.overflowX) && !['hidden', 'clip'].includes(cs.overflowY)) continue;
      // Visually hidden text (1 px boxes for screen readers) is clipped on purpose.
      if (el.clientWidth <= 2 || el.clientHeight <= 2) continue;
      if (!el.innerText?.trim()) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) out.push(`text clipped in <${el.tagName.toLowerCase()}${el.classList[0] ? `.${el.classList[0]}` : ''}>`);
    }
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true }) || el.tabIndex < 0) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Inside a box that scrolls sideways (the gallery's wide frames), scrolling reaches it.
      let scroller = el.parentElement;
      while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
      if (scroller && scroller !== document.documentElement && scroller !== document.body) continue;
      if (r.left + scrollX < -1 || r.right + scrollX > width + 1) {
        // The skip link waits off screen until focused.
        if (!el.matches('a[href^="#"]') || r.bottom > 0) out.push(`control outside the page: <${el.tagName.toLowerCase()}> "${el.innerText.trim().slice(0, 30)}"`);
      }
    }
    return out.slice(0, 10);
  }, FOCUSABLE);
  return [...overflow, ...rest];
}

/**
 * Interactive chrome: the only text allowed to differ between JavaScript on and off (controls,
 * live status messages, things only scripts can do). Mark other script-only UI with data-js-only.
 */
export const CHROME_SELECTOR = 'button, select, textarea, input, [role="button"], [role="status"], [role="alert"], [aria-live], noscript, template, canvas, [data-js-only], [hidden]';

/** The page's rendered text with interactive chrome hidden, as the reader sees it. */
export async function readingText(page: Page): Promise<string> {
  return page.evaluate((selector) => {
    for (const el of document.querySelectorAll<HTMLElement>(selector)) el.style.setProperty('display', 'none', 'important');
    return document.body.innerText;
  }, CHROME_SELECTOR);
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Lines of text the reader sees with JavaScript on that are missing with JavaScript off. */
export function textMissingWithoutJs(withJs: string, withoutJs: string): string[] {
  const off = norm(withoutJs);
  return withJs
    .split('\n')
    .map(norm)
    .filter((line) => line && !off.includes(line));
}

/**
 * Charts in a page with JavaScript off: each must show its image (loaded, with alt text) and have
 * its data table. The interactive part is an <ex-chart> (or anything marked [data-chart]); the
 * chart as a whole is the <figure> around it, which holds the title, source and table.
 */
export const CHART_SELECTOR = 'ex-chart, [data-chart]';

export async function chartProblemsWithoutJs(page: Page): Promise<{ charts: number; problems: string[] }> {
  return page.evaluate((selector) => {
    const problems: string[] = [];
    const charts = [...new Set([...document.querySelectorAll<HTMLElement>(selector)].map((el) => el.closest<HTMLElement>('figure') ?? el))];
    for (const chart of charts) {
      const name = chart.id || chart.querySelector('figcaption, h2, h3')?.textContent?.trim().slice(0, 60) || 'a chart';
      const imgs = [...chart.querySelectorAll('img')].filter((img) => img.checkVisibility());
      if (!imgs.length) problems.push(`${name}: no visible image`);
      for (const img of imgs) {
        if (!img.complete || img.naturalWidth === 0) problems.push(`${name}: image ${img.getAttribute('src')} did not load`);
        if (!img.alt.trim()) problems.push(`${name}: image has no alt text`);
      }
      // The table may sit in a closed <details>: one click, no script, opens it.
      const table = chart.querySelector('table');
      if (!table || !table.querySelector('th') || !table.querySelector('td')) problems.push(`${name}: no data table`);
    }
    return { charts: charts.length, problems };
  }, CHART_SELECTOR);
}

export interface PageWatch {
  /** CSP violations reported by the browser. */
  csp: string[];
  /** Uncaught script errors and console errors other than CSP. */
  errors: string[];
  /** Requests to any origin but the site's own (aborted, so nothing leaves the machine). */
  external: string[];
  reset(): void;
  /** Resolves once no request has been in flight for a short quiet spell (lazy loads finished). */
  settle(): Promise<void>;
}

/**
 * Watches everything a context does: every request to another origin is recorded and aborted,
 * CSP violations and script errors are collected from pages, frames and workers.
 */
export async function watchContext(context: BrowserContext, origin: string): Promise<PageWatch> {
  const watch: PageWatch = {
    csp: [],
    errors: [],
    external: [],
    reset() {
      this.csp.length = 0;
      this.errors.length = 0;
      this.external.length = 0;
    },
    async settle() {
      // Not a timing assertion: only a wait for lazy loading to finish before reading the console.
      for (let quiet = 0; quiet < 3; ) {
        await new Promise((r) => setTimeout(r, 60));
        quiet = inFlight.size === 0 ? quiet + 1 : 0;
      }
    },
  };
  const inFlight = new Set<unknown>();
  context.on('request', (r) => inFlight.add(r));
  context.on('requestfinished', (r) => inFlight.delete(r));
  context.on('requestfailed', (r) => inFlight.delete(r));
  await context.route(
    (url) => url.origin !== origin && !['data:', 'blob:', 'about:'].includes(url.protocol),
    (route) => {
      watch.external.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  const onConsole = (msg: { type(): string; text(): string }) => {
    const text = msg.text();
    if (/Content[ -]Security[ -]Policy|Refused to/i.test(text)) watch.csp.push(text);
    else if (msg.type() === 'error' && !/ERR_BLOCKED_BY_CLIENT/.test(text)) watch.errors.push(text);
  };
  context.on('console', onConsole);
  context.on('weberror', (e) => watch.errors.push(String(e.error())));
  context.on('page', (page) => page.on('worker', (worker) => worker.on('console', onConsole)));
  // Violations can also arrive as events without a console line (in frames, from reports).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content-Security-Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
  });
  return watch;
}

/**
 * Brings every chart into view in turn (they load Chart.js as they near the viewport), then the
 * bottom of the page, letting lazy loads finish at each stop.
 */
export async function scrollThrough(page: Page, watch: PageWatch): Promise<void> {
  const charts = await page.locator(CHART_SELECTOR).count();
  for (let i = 0; i < charts; i++) {
    await page.locator(CHART_SELECTOR).nth(i).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await watch.settle();
  }
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await watch.settle();
  await page.evaluate(() => scrollTo(0, 0));
}

/** Whether the focused element is on screen two frames from now. */
function onScreenAfterPaint(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const r = (document.activeElement as HTMLElement).getBoundingClientRect();
            done(r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth);
          }),
        ),
      ),
  );
}
