/**
 * Reading built HTML without a browser: a spec-compliant parse (parse5, the same tree a browser
 * builds) and a few helpers. Used by the link crawler, the CSP checks and the budgets, so the
 * real runs and the fault-injection tests read pages the same way.
 */
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export type Element = DefaultTreeAdapterTypes.Element;
export type Document = DefaultTreeAdapterTypes.Document;
type Node = DefaultTreeAdapterTypes.Node;

export function parseHtml(html: string): Document {
  return parse(html);
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

const noscriptContent = new WeakMap<Element, Node[]>();

/**
 * What a <noscript> holds, as elements. A browser running scripts (and parse5, by default) reads
 * it as text; a browser without JavaScript shows it, and an on-demand part's script
 * (src/scripts/on-demand.ts) turns it into elements when the reader opens it. Parsed once per
 * element and hung under the <noscript>, so ancestors() from inside it reach the page.
 */
export function noscriptNodes(el: Element): Node[] {
  let nodes = noscriptContent.get(el);
  if (!nodes) {
    const raw = el.childNodes.map((c) => ('value' in c ? (c as DefaultTreeAdapterTypes.TextNode).value : '')).join('');
    const frag = parseFragment(raw);
    nodes = frag.childNodes as Node[];
    for (const n of nodes) (n as { parentNode: unknown }).parentNode = el;
    noscriptContent.set(el, nodes);
  }
  return nodes;
}

/**
 * Every element in document order: template contents and what a <noscript> holds included (they
 * are still markup we ship, and readers without JavaScript get the <noscript>'s).
 */
export function* elements(node: Node): Generator<Element> {
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) {
    if (isElement(child)) {
      yield child;
      if (child.tagName === 'template' && 'content' in child) yield* elements((child as DefaultTreeAdapterTypes.Template).content);
      if (child.tagName === 'noscript') for (const n of noscriptNodes(child)) if (isElement(n)) { yield n; yield* elements(n); }
      yield* elements(child);
    }
  }
}

/**
 * The elements a browser running scripts has in the document on load: neither a <template>'s
 * contents nor what a <noscript> holds (text until an on-demand part is opened). What the page
 * budget of elements counts (tests/support/budgets.ts).
 */
export function* elementsOnLoad(node: Node): Generator<Element> {
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) {
    if (isElement(child)) {
      yield child;
      if (child.tagName !== 'noscript') yield* elementsOnLoad(child);
    }
  }
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function hasAttr(el: Element, name: string): boolean {
  return el.attrs.some((a) => a.name === name);
}

/** The text inside an element (like textContent). */
export function textOf(node: Node): string {
  if ('value' in node && node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (!('childNodes' in node)) return '';
  if (isElement(node) && node.tagName === 'noscript') return noscriptNodes(node).map(textOf).join('');
  return node.childNodes.map(textOf).join('');
}

/** The element's ancestors' tag names, nearest first. */
export function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  let p = el.parentNode;
  while (p && isElement(p as Node)) {
    out.push(p as Element);
    p = (p as Element).parentNode;
  }
  return out;
}

/** A short, readable description of an element for error messages: tag#id.class[attr]. */
export function describe(el: Element, attrName?: string): string {
  const id = attr(el, 'id');
  const cls = attr(el, 'class')?.split(/\s+/).filter((c) => c && !c.startsWith('astro-'))[0];
  const a = attrName ? `[${attrName}="${(attr(el, attrName) ?? '').slice(0, 80)}"]` : '';
  return `<${el.tagName}${id ? `#${id}` : ''}${cls ? `.${cls}` : ''}${a}>`;
}

/** All ids (and legacy a[name]) a fragment link may target. */
export function fragmentTargets(doc: Document): Set<string> {
  const ids = new Set<string>();
  for (const el of elements(doc)) {
    const id = attr(el, 'id');
    if (id) ids.add(id);
    if (el.tagName === 'a' && attr(el, 'name')) ids.add(attr(el, 'name')!);
  }
  return ids;
}

/** Splits a srcset into its URLs. */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Every file under a folder, as paths relative to it with '/' separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface SitePage {
  /** Path of the HTML file relative to dist/: 'index.html', 'sources/index.html', '404.html'. */
  file: string;
  /** The URL path relative to the base that serves it: '', 'sources/', '404.html'. */
  route: string;
}

/**
 * Every HTML page a build produced, found by walking the folder, so pages added later (embeds,
 * the gallery, new stacks) are checked without anyone listing them.
 */
export function listPages(dist: string): SitePage[] {
  return listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, route: file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file }));
}

/** The 404 page is served for misses, not linked; it is exempt from the orphan check only. */
export const isNotFoundPage = (p: SitePage) => p.file === '404.html';


/**
 * A route within its edition: 'uk/embed/chart/x/' → 'embed/chart/x/'. The Ukrainian edition's
 * pages sit under uk/ and are classified as their English counterparts are (src/lib/editions.ts).
 */
export const editionRoute = (route: string) => route.replace(/^uk\//, '');
/** An embed page or the gallery, in either edition. */
export const isEmbedRoute = (route: string) => editionRoute(route).startsWith('embed/');

/**
 * The pages a slow browser check visits: every page of the root edition, and of the other
 * editions every site page plus one card embed, one chart embed and the gallery (their embeds
 * are made by the same components as English's, which are all checked).
 */
export function pagesForBrowserChecks(dist: string): SitePage[] {
  const pages = listPages(dist);
  const sampled = new Set<string>();
  return pages.filter((p) => {
    if (p.route === editionRoute(p.route)) return true;
    const local = editionRoute(p.route);
    if (!local.startsWith('embed/') || local === 'embed/') return true;
    const kind = local.startsWith('embed/chart/') ? 'chart' : 'card';
    if (sampled.has(kind)) return false;
    sampled.add(kind);
    return true;
  });
}
