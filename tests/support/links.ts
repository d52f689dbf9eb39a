/**
 * The link crawler: starts at the home page of a served build, follows every internal link
 * over HTTP (as a reader without JavaScript would), and reports broken links, missing anchors,
 * missing assets (including url() in CSS and static imports in JS) and pages nothing links to.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { init as initLexer, parse as parseModule } from 'es-module-lexer';
import { attr, elements, fragmentTargets, isNotFoundPage, listPages, parseHtml, srcsetUrls } from './html.ts';

export interface LinkProblem {
  /** The page or file that holds the reference ('(start)' for the crawl's own seeds). */
  from: string;
  /** The reference as written. */
  ref: string;
  message: string;
}

export interface CrawlResult {
  /** Site-relative routes of the HTML pages reached. */
  pages: string[];
  /** How many internal URLs (pages and assets) were checked. */
  checked: number;
  /** External links seen (not fetched: the checks never touch the network). */
  external: number;
  problems: LinkProblem[];
  /** Pages in dist/ that no crawled page references (the 404 page excepted). */
  orphans: string[];
}

export interface CrawlOptions {
  /** Served site, ending in '/': http://127.0.0.1:PORT/base/ */
  url: string;
  /** The built folder, to find the pages nothing links to. */
  dist: string;
  /** The site's public URL + base (https://example.org/base/): absolute links there are internal. */
  publicUrl?: string;
  /** Parallel requests. */
  concurrency?: number;
}

interface Ref {
  url: string;
  /** Follow it as a page (a, area, iframe, form) rather than only check it exists. */
  navigable: boolean;
}

/** References in one HTML document: links, embedded resources and metadata URLs. */
function htmlRefs(html: string): { refs: Ref[]; ids: Set<string> } {
  const doc = parseHtml(html);
  const refs: Ref[] = [];
  const add = (url: string | undefined, navigable = false) => {
    if (url !== undefined && url.trim() !== '') refs.push({ url: url.trim(), navigable });
  };
  for (const el of elements(doc)) {
    switch (el.tagName) {
      case 'a':
      case 'area':
        add(attr(el, 'href'), true);
        break;
      case 'link':
        add(attr(el, 'href'));
        if (attr(el, 'imagesrcset')) srcsetUrls(attr(el, 'imagesrcset')!).forEach((u) => add(u));
        break;
      case 'iframe':
        add(attr(el, 'src'), true);
        break;
      case 'form':
        if ((attr(el, 'method') ?? 'get').toLowerCase() === 'get') add(attr(el, 'action'), true);
        break;
      case 'img':
      case 'source':
        add(attr(el, 'src'));
        if (attr(el, 'srcset')) srcsetUrls(attr(el, 'srcset')!).forEach((u) => add(u));
        break;
      case 'script':
      case 'audio':
      case 'video':
      case 'track':
      case 'embed':
      case 'input':
        add(attr(el, 'src'));
        add(attr(el, 'poster'));
        break;
      case 'object':
        add(attr(el, 'data'));
        break;
      case 'meta': {
        const key = attr(el, 'property') ?? attr(el, 'name') ?? '';
        if (/^(og:(image|url|audio|video)(:url|:secure_url)?|twitter:image)$/.test(key)) add(attr(el, 'content'));
        break;
      }
    }
    // Custom elements keep file URLs in data-* attributes (a chart's dark image, its data): check
    // the values that look like a path to a file. Folder-like values (a Pagefind bundle) are not files.
    for (const a of el.attrs) {
      if (a.name.startsWith('data-') && /^(\/|\.\.?\/|https?:\/\/)[^\s?#]*\/[^/\s?#]+\.[a-z0-9]+([?#]\S*)?$/i.test(a.value)) add(a.value);
    }
  }
  return { refs, ids: fragmentTargets(doc) };
}

function cssRefs(css: string): Ref[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => ({ url: m[2]!, navigable: false })).filter((r) => !r.url.startsWith('data:') && !r.url.startsWith('#'));
}

/** URLs in the sitemap and the feed: <loc>, <link>, atom:link href, enclosure url. */
function xmlRefs(xml: string): Ref[] {
  const decode = (u: string) => u.trim().replace(/&amp;/g, '&');
  return [...xml.matchAll(/<(?:loc|link|url)>([^<]+)<\/(?:loc|link|url)>|\s(?:href|url)="([^"]+)"/g)].map((m) => ({ url: decode(m[1] ?? m[2]!), navigable: false }));
}

/** The web app manifest's icons and start URL. */
function manifestRefs(json: string): Ref[] {
  const manifest = JSON.parse(json) as { start_url?: string; icons?: { src: string }[] };
  return [...(manifest.icons ?? []).map((i) => i.src), ...(manifest.start_url ? [manifest.start_url] : [])].map((url) => ({ url, navigable: false }));
}

async function jsRefs(js: string): Promise<Ref[]> {
  await initLexer;
  try {
    const [imports] = parseModule(js);
    // Static imports and dynamic imports of literal specifiers; computed ones cannot be checked.
    return imports
      .map((i) => i.specifier)
      .filter((n): n is string => !!n && (n.startsWith('.') || n.startsWith('/')))
      .map((url) => ({ url, navigable: false }));
  } catch {
    return []; // a classic script or worker the lexer cannot read as a module
  }
}

export async function crawl(options: CrawlOptions): Promise<CrawlResult> {
  const site = new URL(options.url);
  const publicUrl = options.publicUrl;
  const basePath = site.pathname;
  const problems: LinkProblem[] = [];
  /** Fetched documents: final status, type, and the fragment ids of HTML pages. */
  const fetched = new Map<string, Promise<{ status: number; type: string; ids?: Set<string>; refs: Ref[] }>>();
  const pending: { from: string; ref: string; url: URL; navigable: boolean }[] = [];
  const pagesReached = new Set<string>();
  const followed = new Set<string>();
  let external = 0;

  /** Resolves a reference to an internal URL on the test server, or undefined when external. */
  const internal = (ref: string, from: URL): URL | undefined => {
    if (/^(mailto|tel|data|blob|javascript):/i.test(ref)) return undefined;
    let resolved: URL;
    try {
      resolved = new URL(ref, from);
    } catch {
      return undefined;
    }
    if (publicUrl && resolved.href.startsWith(publicUrl)) resolved = new URL(resolved.href.slice(publicUrl.length), site);
    return resolved.origin === site.origin ? resolved : undefined;
  };

  const load = (url: URL) => {
    const key = url.origin + url.pathname + url.search;
    let entry = fetched.get(key);
    if (!entry) {
      entry = (async () => {
        const res = await fetch(key, { redirect: 'manual' });
        const type = res.headers.get('content-type') ?? '';
        if (res.status !== 200) return { status: res.status, type, refs: [] };
        if (type.startsWith('text/html')) {
          const { refs, ids } = htmlRefs(await res.text());
          return { status: 200, type, ids, refs };
        }
        if (type.startsWith('text/css')) return { status: 200, type, refs: cssRefs(await res.text()) };
        if (type.startsWith('text/javascript')) return { status: 200, type, refs: await jsRefs(await res.text()) };
        if (/xml/.test(type)) return { status: 200, type, refs: xmlRefs(await res.text()) };
        if (type.startsWith('application/manifest+json')) return { status: 200, type, refs: manifestRefs(await res.text()) };
        if (url.pathname.endsWith('/robots.txt')) return { status: 200, type, refs: [...(await res.text()).matchAll(/^sitemap:\s*(\S+)/gim)].map((m) => ({ url: m[1]!, navigable: false })) };
        await res.arrayBuffer();
        return { status: 200, type, refs: [] };
      })();
      fetched.set(key, entry);
    }
    return entry;
  };

  const label = (url: URL) => (url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname) || '/';

  const visit = async (item: (typeof pending)[number]) => {
    const { url } = item;
    if (!url.pathname.startsWith(basePath)) {
      problems.push({ from: item.from, ref: item.ref, message: `outside the base path ${basePath}` });
      return;
    }
    const doc = await load(url);
    if (doc.status >= 300 && doc.status < 400) problems.push({ from: item.from, ref: item.ref, message: `redirects (${doc.status}); link to the final URL` });
    else if (doc.status !== 200) problems.push({ from: item.from, ref: item.ref, message: `broken (${doc.status})` });
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (doc.status === 200 && fragment && fragment !== 'top' && doc.ids && !doc.ids.has(fragment)) problems.push({ from: item.from, ref: item.ref, message: `no element with id "${fragment}"` });
    if (doc.status !== 200) return;
    // Pages count as linked, and are followed, only through navigable links (a canonical or
    // oEmbed <link> is not a way in for a reader); CSS and JS files are followed for their imports.
    const isHtml = doc.type.startsWith('text/html');
    if (isHtml && !item.navigable) return;
    const key = url.origin + url.pathname + url.search;
    if (followed.has(key)) return;
    followed.add(key);
    if (isHtml) pagesReached.add(label(url));
    for (const ref of doc.refs) {
      const target = internal(ref.url, url);
      if (!target) {
        if (/^https?:/i.test(ref.url)) external++;
        continue;
      }
      pending.push({ from: label(url), ref: ref.url, url: target, navigable: ref.navigable });
    }
  };

  pending.push({ from: '(start)', ref: options.url, url: new URL(options.url), navigable: true });
  // The 404 page is served for any miss; its own links must work too.
  pending.push({ from: '(start)', ref: '404.html', url: new URL('404.html', site), navigable: true });
  // Crawlers start at robots.txt: its sitemap, and every URL the sitemap lists, must resolve.
  if (existsSync(join(options.dist, 'robots.txt'))) pending.push({ from: '(start)', ref: 'robots.txt', url: new URL('robots.txt', site), navigable: false });
  const concurrency = options.concurrency ?? 8;
  while (pending.length) {
    const batch = pending.splice(0, concurrency);
    await Promise.all(batch.map(visit));
  }

  const reached = new Set(pagesReached);
  const orphans = listPages(options.dist)
    .filter((p) => !isNotFoundPage(p) && !reached.has(p.route || '/'))
    .map((p) => p.route || '/');
  // The 404 seed does not count as a link to anything: a page linked only from 404 is still found
  // by readers, so it is not an orphan; nothing else is exempt.
  return { pages: [...reached].sort(), checked: fetched.size, external, problems: dedupe(problems), orphans };
}

function dedupe(problems: LinkProblem[]): LinkProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.from}|${p.ref}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function formatLinkProblems(result: CrawlResult): string {
  return [
    ...result.problems.map((p) => `${p.from}: ${p.ref}: ${p.message}`),
    ...result.orphans.map((o) => `${o}: no page links here (orphan)`),
  ].join('\n');
}
