/**
 * Byte budgets, measured on the built files (never times): what each page makes the reader
 * download before it can render, and how much JavaScript it runs on load. Brotli at quality 11,
 * as a static host pre-compresses. Used by `npm run budget` (a table) and by the budget test.
 */
import { fingerprint } from '../../src/lib/hash.ts';
import { brotliCompressSync } from 'node:zlib';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { init as initLexer, parse as parseModule } from 'es-module-lexer';
import { deferredScripts } from '../../src/lib/script-loader.ts';
import { ancestors, attr, editionRoute, elements, elementsOnLoad, hasAttr, isEmbedRoute, listFiles, listPages, parseHtml, textOf, type SitePage } from './html.ts';

export const KB = 1024;

/** The limits from issue 5 and docs/design.md, "Fast". */
export const BUDGETS = {
  /** Render-blocking CSS per page, linked or inline in <head>, brotli. */
  css: 8 * KB,
  /** Linked render-blocking stylesheets per page: at most one request (site pages inline it). */
  stylesheets: 1,
  /** Any page's HTML, brotli. */
  html: 40 * KB,
  /** The home page's HTML + render-blocking CSS: one round trip (~14 KB). */
  homeFirstTrip: 14 * KB,
  /**
   * An explainer page's first screen (its HTML up to the first card: header, title, lead and
   * "in brief") + render-blocking CSS: one round trip too, so the lead renders before the rest
   * of the page has arrived.
   */
  firstScreen: 14 * KB,
  /** JavaScript fetched on load (static import graph), every page but /search/. */
  firstLoadJs: 20 * KB,
  /** The embed host script and the embed height reporter, each. */
  embedScript: 2 * KB,
  /**
   * Elements on load on an explainer page (issue 20, "Light pages"): what a browser running
   * scripts builds from the HTML, without what only comes in when a reader opens it (a
   * <template>'s contents, an on-demand part's <noscript>: src/components/site/OnDemand.astro).
   */
  elementsOnLoad: 600,
} as const;

/**
 * Explainer pages allowed more elements on load for now, each with its ceiling and the reason.
 * The budget test fails when a page goes over its ceiling, and when it no longer needs its
 * exception (then delete the line). None now: a footnote marker is one element (a.cite) and a
 * figure two (its link and its note), which brought frozen-assets/ from 700 to under 600.
 */
export const ELEMENT_EXCEPTIONS: Record<string, { limit: number; why: string }> = {};

/** Pages allowed more JavaScript on load: search needs its code at once. */
export const JS_EXEMPT_ROUTES = ['search/', 'uk/search/'];

export interface Asset {
  file: string;
  br: number;
}

export interface PageReport {
  route: string;
  html: number;
  /** Brotli bytes of the HTML before the first card (<article> in <main>), on pages that have cards. */
  firstScreen?: number;
  /** Stylesheets that block rendering (link rel=stylesheet without a non-matching media). */
  css: Asset[];
  /** <style> in <head>, brotli: already inside the HTML's bytes, counted in the CSS budget too. */
  inlineCss: number;
  /** Classic scripts without async/defer in <head>: nothing renders until they run (Lighthouse's definition). */
  blockingScripts: string[];
  /** JavaScript loaded on first load: module/deferred scripts and everything they import statically. */
  js: Asset[];
  /** Chunks those scripts import dynamically (lazily), counted separately. */
  lazy: Asset[];
  /** References to files that are not in dist/ (reported by the link check too). */
  missing: string[];
  /** On pages with cards: the brotli bytes the HTML would lose without each part (see byteParts). */
  parts?: Record<PagePart, number>;
  /** Elements on load (see BUDGETS.elementsOnLoad): those in <head> and <body>, html itself included. */
  elements: number;
  /** Elements with every on-demand part opened: what the page held on load before issue 20. */
  elementsOpened: number;
  /** A stack page (cards, outside embed/): the element budget applies. */
  explainer: boolean;
}

/**
 * The parts of an explainer page that are not its words, and how to find them in the built HTML.
 * What each costs is what the compressed page would lose without it (parts share words with the
 * rest, so this is less than the part compressed alone).
 */
export const PAGE_PARTS = {
  'inline CSS': /<style>[\s\S]*?<\/style>/g,
  'JSON-LD': /<script type="application\/ld\+json">[\s\S]*?<\/script>/g,
  'embed codes': /<details class="share-embed[\s\S]*?<\/details>/g,
  'source lists': /<details class="source-list[\s\S]*?<\/details>/g,
  'change logs': /<details class="changes[\s\S]*?<\/details>/g,
} as const;
export type PagePart = keyof typeof PAGE_PARTS;

/** What each part of a page costs in its compressed bytes (0 when the page has none of it). */
export function byteParts(html: string): Record<PagePart, number> {
  const whole = brotliCompressSync(html).length;
  const out = {} as Record<PagePart, number>;
  for (const [part, pattern] of Object.entries(PAGE_PARTS) as [PagePart, RegExp][]) {
    const without = html.replace(pattern, '');
    out[part] = without === html ? 0 : whole - brotliCompressSync(without).length;
  }
  return out;
}

/**
 * Lighthouse's simulated network sends 10 TCP segments (14,600 bytes) in the first round trip; a
 * document any bigger, headers included, waits a round trip more before the page can paint.
 */
export const FIRST_ROUND_TRIP = 14_600;

export interface SiteReport {
  pages: PageReport[];
  /** The embed host script and the height reporter, when the build has embeds. */
  embedScripts: { role: string; asset?: Asset }[];
}

const brCache = new Map<string, number>();
export function brotliSize(file: string): number {
  let size = brCache.get(file);
  if (size === undefined) {
    size = brotliCompressSync(readFileSync(file)).length;
    brCache.set(file, size);
  }
  return size;
}

export const sum = (assets: Asset[]) => assets.reduce((n, a) => n + a.br, 0);

/**
 * Maps a URL used in a page (absolute path under base, or relative to the page) to a file in dist,
 * or undefined when it points elsewhere.
 */
function fileFor(dist: string, base: string, pageRoute: string, url: string): string | undefined {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return undefined;
  const clean = url.split(/[?#]/)[0]!;
  const path = clean.startsWith('/') ? clean : posix.join(base, pageRoute.endsWith('/') || pageRoute === '' ? pageRoute : posix.dirname(pageRoute), clean);
  if (!path.startsWith(base)) return undefined;
  return join(dist, path.slice(base.length));
}

/** Follows a module's imports: static ones are part of the same load, dynamic ones are lazy. */
async function moduleGraph(dist: string, base: string, entry: string, firstLoad: Set<string>, lazy: Set<string>): Promise<void> {
  await initLexer;
  const queue: [string, boolean][] = [[entry, false]];
  while (queue.length) {
    const [file, isLazy] = queue.shift()!;
    const target = isLazy ? lazy : firstLoad;
    if (firstLoad.has(file) || target.has(file)) continue;
    target.add(file);
    if (!existsSync(file)) continue;
    let imports;
    try {
      [imports] = parseModule(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const fileUrl = `/${posix.relative(dist, file).split('\\').join('/')}`;
    for (const imp of imports) {
      // es-module-lexer 3: computed dynamic specifiers (Pagefind's runtime URL) have none.
      const spec = imp.specifier;
      if (imp.type === 'import-meta' || !spec || /^[a-z]+:/i.test(spec)) continue;
      const resolved = spec.startsWith('/') ? spec : posix.join(posix.dirname(base + fileUrl.slice(1)), spec);
      const next = fileFor(dist, base, '', resolved);
      if (next) queue.push([next, isLazy || imp.type === 'dynamic']);
    }
  }
}

export async function measurePage(dist: string, base: string, page: SitePage): Promise<PageReport> {
  const htmlFile = join(dist, page.file);
  const text = readFileSync(htmlFile, 'utf8');
  const doc = parseHtml(text);
  const main = text.indexOf('<main');
  const firstCard = main < 0 ? -1 : text.indexOf('<article', main);
  const css = new Set<string>();
  let inlineCss = '';
  const blockingScripts: string[] = [];
  const entries: string[] = [];
  // A script written into the page (an embed's height reporter) is JavaScript on load too.
  const inlineJs: Asset[] = [];
  const missing: string[] = [];
  const resolve = (url: string) => {
    const file = fileFor(dist, base, page.route, url);
    if (file && !existsSync(file)) missing.push(url);
    return file && existsSync(file) ? file : undefined;
  };
  for (const el of elements(doc)) {
    if (el.tagName === 'link' && (attr(el, 'rel') ?? '').split(/\s+/).includes('stylesheet') && !hasAttr(el, 'disabled')) {
      const media = (attr(el, 'media') ?? 'all').trim().toLowerCase();
      // Only media that can match a screen on load block rendering; print sheets do not.
      if (media === 'print') continue;
      const file = resolve(attr(el, 'href') ?? '');
      if (file) css.add(file);
    }
    if (el.tagName === 'style' && ancestors(el).some((a) => a.tagName === 'head')) inlineCss += textOf(el);
    if (el.tagName === 'link' && attr(el, 'rel') === 'modulepreload') {
      const file = resolve(attr(el, 'href') ?? '');
      if (file) entries.push(file);
    }
    if (el.tagName === 'script' && attr(el, 'src') === undefined && (attr(el, 'type') ?? '').toLowerCase() === 'module' && !hasAttr(el, 'data-scripts')) {
      const code = textOf(el);
      inlineJs.push({ file: `(inline script ${fingerprint(code)})`, br: brotliCompressSync(code).length });
    }
    if (el.tagName === 'script' && attr(el, 'src') !== undefined) {
      const type = (attr(el, 'type') ?? '').toLowerCase();
      if (type !== '' && type !== 'module' && !type.includes('javascript')) continue;
      if (type !== 'module' && !hasAttr(el, 'async') && !hasAttr(el, 'defer') && ancestors(el).some((a) => a.tagName === 'head')) blockingScripts.push(attr(el, 'src')!);
      const file = resolve(attr(el, 'src')!);
      if (file) entries.push(file);
    }
  }
  // Scripts a site page's loader imports after its first paint still load with the page.
  for (const src of deferredScripts(text)) {
    const file = resolve(src);
    if (file) entries.push(file);
  }
  const firstLoad = new Set<string>();
  const lazy = new Set<string>();
  for (const entry of entries) await moduleGraph(dist, base, entry, firstLoad, lazy);
  for (const f of firstLoad) lazy.delete(f);
  let onLoad = 0;
  for (const _ of elementsOnLoad(doc)) onLoad++;
  let opened = 0;
  for (const _ of elements(doc)) opened++;
  const asset = (file: string): Asset => ({ file: posix.relative(dist, file).split('\\').join('/'), br: existsSync(file) ? brotliSize(file) : 0 });
  return {
    route: page.route || '/',
    html: brotliSize(htmlFile),
    firstScreen: firstCard < 0 ? undefined : brotliCompressSync(text.slice(0, firstCard)).length,
    parts: firstCard < 0 ? undefined : byteParts(text),
    css: [...css].map(asset),
    inlineCss: inlineCss ? brotliCompressSync(inlineCss).length : 0,
    blockingScripts,
    js: [...[...firstLoad].filter(existsSync).map(asset), ...inlineJs],
    lazy: [...lazy].filter(existsSync).map(asset),
    missing,
    elements: onLoad,
    elementsOpened: opened,
    explainer: !isEmbedRoute(page.route) && /<article\b[^>]*\bdata-card=/.test(text),
  };
}

/**
 * The embed host script (the public file newsrooms load: embed.js or embed-host.js, outside the
 * hashed bundle folder) and the height reporter (the JavaScript every card embed page runs and
 * no site page does: the embed's own machinery, written into each embed page). What only some embeds load, such as the chart
 * loader, and what a card brings wherever it is shown, such as its footnotes' notes
 * (src/scripts/footnotes.ts, loaded by the explainer pages too), is budgeted with the page.
 */
export function findEmbedScripts(dist: string, pages: PageReport[]): SiteReport['embedScripts'] {
  // The root edition's: each edition has its own bundles (uk/_astro/), the same code.
  const cardEmbeds = pages.filter((p) => /^embed\/(?!chart\/)[^/]+\/[^/]+\/$/.test(p.route));
  if (!cardEmbeds.length) return [];
  const host = listFiles(dist).find((f) => /^(?:[^/]+\/)*embed(?:-host)?(?:\.[\w-]+)?\.js$/.test(f) && !f.startsWith('_astro/') && !f.startsWith('pagefind/'));
  const onSitePages = new Set(pages.filter((p) => !isEmbedRoute(p.route) && p.route === editionRoute(p.route)).flatMap((p) => p.js.map((a) => a.file)));
  const common = cardEmbeds[0]!.js.filter((a) => cardEmbeds.every((p) => p.js.some((b) => b.file === a.file)) && !onSitePages.has(a.file));
  return [
    { role: 'embed host script', asset: host ? { file: host, br: brotliSize(join(dist, host)) } : undefined },
    { role: 'embed height reporter', asset: common.length ? { file: common.map((a) => a.file).join(' + '), br: sum(common) } : undefined },
  ];
}

/** Every page of `dist`, or only the `routes` given (a fault test measures the pages it edited). */
export async function measureSite(dist: string, base = '/', routes?: string[]): Promise<SiteReport> {
  if (!existsSync(dist) || !statSync(dist).isDirectory()) throw new Error(`${dist} does not exist: build first (npm run build)`);
  const pages = [];
  for (const page of listPages(dist)) if (!routes || routes.includes(page.route)) pages.push(await measurePage(dist, base, page));
  return { pages, embedScripts: findEmbedScripts(dist, pages) };
}

/** The element budget for a page: its exception's ceiling, else BUDGETS.elementsOnLoad. */
export const elementLimit = (route: string) => ELEMENT_EXCEPTIONS[route.replace(EDITION_FOLDER, '')]?.limit ?? BUDGETS.elementsOnLoad;

/** An edition's folder in front of a route ('uk/frozen-assets/'): its pages have the same budgets as English's. */
export const EDITION_FOLDER = /^uk\//;

/** Every budget broken, one line each; empty when the site is within budget. */
export function budgetProblems(report: SiteReport): string[] {
  const out: string[] = [];
  const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
  for (const p of report.pages) {
    if (p.html > BUDGETS.html) out.push(`${p.route}: HTML ${kb(p.html)} brotli > ${kb(BUDGETS.html)}`);
    if (p.css.length > BUDGETS.stylesheets) out.push(`${p.route}: ${p.css.length} render-blocking stylesheets > ${BUDGETS.stylesheets}: ${p.css.map((a) => a.file).join(', ')}`);
    if (sum(p.css) + p.inlineCss > BUDGETS.css) out.push(`${p.route}: render-blocking CSS ${kb(sum(p.css) + p.inlineCss)} brotli > ${kb(BUDGETS.css)}`);
    if (p.blockingScripts.length) out.push(`${p.route}: render-blocking scripts: ${p.blockingScripts.join(', ')}`);
    if (!JS_EXEMPT_ROUTES.includes(p.route) && sum(p.js) > BUDGETS.firstLoadJs) out.push(`${p.route}: JavaScript on first load ${kb(sum(p.js))} brotli > ${kb(BUDGETS.firstLoadJs)}`);
    if (p.route === '/' && p.html + sum(p.css) > BUDGETS.homeFirstTrip) out.push(`/: HTML + render-blocking CSS ${kb(p.html + sum(p.css))} brotli > ${kb(BUDGETS.homeFirstTrip)} (one round trip)`);
    if (p.firstScreen !== undefined && p.firstScreen + sum(p.css) > BUDGETS.firstScreen) out.push(`${p.route}: first screen (HTML before the first card) + render-blocking CSS ${kb(p.firstScreen + sum(p.css))} brotli > ${kb(BUDGETS.firstScreen)} (one round trip)`);
    if (p.missing.length) out.push(`${p.route}: references missing files: ${p.missing.join(', ')}`);
    const limit = elementLimit(p.route);
    if (p.explainer && p.elements > limit) out.push(`${p.route}: ${p.elements} elements on load > ${limit}${limit === BUDGETS.elementsOnLoad ? '' : ` (its exception: ${ELEMENT_EXCEPTIONS[p.route.replace(EDITION_FOLDER, "")]!.why})`}`);
  }
  for (const s of report.embedScripts) {
    if (!s.asset) out.push(`${s.role}: not found in dist/ although the build has embed pages`);
    else if (s.asset.br > BUDGETS.embedScript) out.push(`${s.role} ${s.asset.file}: ${kb(s.asset.br)} brotli > ${kb(BUDGETS.embedScript)}`);
  }
  return out;
}

/** The table `npm run budget` prints: one row per page, bytes brotli. */
export function formatReport(report: SiteReport): string {
  const kb = (n: number) => (n / KB).toFixed(1);
  const rows = report.pages.map((p) => [p.route, kb(p.html), p.firstScreen === undefined ? '' : kb(p.firstScreen), kb(sum(p.css) + p.inlineCss), p.inlineCss ? 'inline' : String(p.css.length), String(p.blockingScripts.length), kb(sum(p.js)), kb(sum(p.lazy)), String(p.elements), p.elementsOpened === p.elements ? '' : String(p.elementsOpened)]);
  const head = ['page', 'HTML', 'first screen', 'CSS', 'sheets', 'blocking JS', 'JS on load', 'lazy JS', 'elements', 'all opened'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [
    `KB brotli (quality 11); elements on load, and with every on-demand part opened. Budgets: elements on load on an explainer page ≤ ${BUDGETS.elementsOnLoad}${Object.keys(ELEMENT_EXCEPTIONS).length ? ` (for now ${Object.entries(ELEMENT_EXCEPTIONS).map(([r, e]) => `${r} ≤ ${e.limit}`).join(', ')})` : ''}, HTML ≤ ${kb(BUDGETS.html)}, render-blocking CSS ≤ ${kb(BUDGETS.css)} in ${BUDGETS.stylesheets} sheet or inline (then inside the HTML's bytes), home HTML+CSS ≤ ${kb(BUDGETS.homeFirstTrip)}, first screen (HTML before the first card)+CSS ≤ ${kb(BUDGETS.firstScreen)}, blocking JS = 0, JS on load ≤ ${kb(BUDGETS.firstLoadJs)} (not ${JS_EXEMPT_ROUTES.join(', ')}), embed scripts ≤ ${kb(BUDGETS.embedScript)} each.`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  const withParts = report.pages.filter((p) => p.parts && !isEmbedRoute(p.route));
  if (withParts.length) {
    const names = Object.keys(PAGE_PARTS) as PagePart[];
    const partHead = ['page', 'HTML', ...names, 'over one round trip'];
    const partRows = withParts.map((p) => [p.route, kb(p.html), ...names.map((n) => kb(p.parts![n])), p.html > FIRST_ROUND_TRIP ? kb(p.html - FIRST_ROUND_TRIP) : '']);
    const pw = partHead.map((h, i) => Math.max(h.length, ...partRows.map((r) => r[i]!.length)));
    const partLine = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(pw[i]!) : c.padStart(pw[i]!))).join('  ');
    out.push(
      '',
      `Where an explainer page's bytes go: KB brotli the page would lose without each part. A document over ${FIRST_ROUND_TRIP.toLocaleString('en')} bytes (${kb(FIRST_ROUND_TRIP)} KB) takes Lighthouse's simulated phone a second round trip.`,
      partLine(partHead),
      partLine(pw.map((w) => '-'.repeat(w))),
      ...partRows.map(partLine),
    );
  }
  const lazy = new Map<string, number>();
  for (const p of report.pages) for (const a of p.lazy) lazy.set(a.file, a.br);
  if (lazy.size) out.push('', 'Lazy chunks (loaded when needed):', ...[...lazy].sort().map(([f, br]) => `  ${f}  ${kb(br)}`));
  for (const s of report.embedScripts) out.push(`${s.role}: ${s.asset ? `${s.asset.file}  ${kb(s.asset.br)}` : 'not found'}`);
  return out.join('\n');
}
