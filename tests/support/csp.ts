/**
 * The Content Security Policy promises, checked on the built HTML (no browser): every page
 * carries the CSP meta before anything it governs, its script-src never allows inline script
 * wholesale, and the markup needs no exception: an inline <script> or <style> only when the
 * policy names its exact hash (the script loader, the inlined stylesheet), no on*= handlers, no
 * style="" and no javascript: URLs. Also checks that the host header file sends the same policy.
 */
import { createHash } from 'node:crypto';
import { attr, describe, elements, parseHtml, textOf, type Document } from './html.ts';

export type Policy = Map<string, string[]>;

export function parsePolicy(policy: string): Policy {
  const map: Policy = new Map();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !map.has(name.toLowerCase())) map.set(name.toLowerCase(), values);
  }
  return map;
}

/** A policy as a canonical string (directive order and spacing normalised) for comparisons. */
export function canonicalPolicy(policy: string | Policy, drop: string[] = []): string {
  const map = typeof policy === 'string' ? parsePolicy(policy) : policy;
  return [...map.entries()]
    .filter(([name]) => !drop.includes(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

export function metaPolicies(doc: Document): string[] {
  return [...elements(doc)]
    .filter((el) => el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'content-security-policy')
    .map((el) => attr(el, 'content') ?? '');
}

/** Script types a browser executes; JSON-LD and other data blocks are not scripts. */
const EXECUTABLE = new Set(['', 'text/javascript', 'application/javascript', 'module', 'text/ecmascript', 'application/ecmascript']);

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Problems with one page's CSP and markup; empty when the page keeps every promise. */
export function cspProblems(html: string): string[] {
  const doc = parseHtml(html);
  const problems: string[] = [];
  const metas = metaPolicies(doc);
  if (metas.length !== 1) problems.push(`expected one CSP <meta http-equiv="content-security-policy">, found ${metas.length}`);
  const policy = parsePolicy(metas[0] ?? '');
  const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
  if (!policy.has('default-src')) problems.push('CSP has no default-src');
  if (!scriptSrc) problems.push('CSP has neither script-src nor default-src');
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'http:', 'https:', 'blob:']) {
    if (scriptSrc?.includes(bad)) problems.push(`CSP script-src allows ${bad}`);
  }
  if (policy.get('object-src')?.join(' ') !== "'none'") problems.push("CSP object-src is not 'none'");
  if (!policy.has('base-uri')) problems.push('CSP has no base-uri');

  const all = [...elements(doc)];
  // The policy only governs what comes after it: no stylesheet or script may precede the meta.
  const metaIndex = all.findIndex((el) => el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  // A JSON-LD block is data, not script: the policy does not govern it, so it may come first.
  const firstGoverned = all.findIndex((el) => (el.tagName === 'script' && EXECUTABLE.has((attr(el, 'type') ?? '').trim().toLowerCase())) || el.tagName === 'style' || (el.tagName === 'link' && /stylesheet|preload|modulepreload/.test(attr(el, 'rel') ?? '')));
  if (metaIndex >= 0 && firstGoverned >= 0 && firstGoverned < metaIndex) problems.push(`${describe(all[firstGoverned]!)} comes before the CSP meta`);

  const styleSrc = policy.get('style-src') ?? policy.get('default-src') ?? [];
  for (const el of all) {
    if (el.tagName === 'script') {
      const type = (attr(el, 'type') ?? '').trim().toLowerCase();
      if (EXECUTABLE.has(type) && attr(el, 'src') === undefined && !scriptSrc?.includes(sha256(textOf(el)))) problems.push(`inline script whose hash is not in script-src ${describe(el)}: ${textOf(el).trim().slice(0, 60)}`);
    }
    if (el.tagName === 'style' && !styleSrc.includes(sha256(textOf(el)))) problems.push(`inline <style> whose hash is not in style-src: ${textOf(el).slice(0, 60)}`);
    for (const a of el.attrs) {
      if (/^on/i.test(a.name)) problems.push(`inline event handler ${describe(el, a.name)}`);
      if (a.name === 'style') problems.push(`style attribute ${describe(el, 'style')}`);
      if (['href', 'src', 'action', 'formaction', 'data'].includes(a.name) && /^\s*javascript:/i.test(a.value)) problems.push(`javascript: URL ${describe(el, a.name)}`);
    }
  }
  return problems;
}

/** One page's policy, canonical, for comparing pages with each other and with the header file. */
export function pagePolicy(html: string): string | undefined {
  const meta = metaPolicies(parseHtml(html))[0];
  return meta === undefined ? undefined : canonicalPolicy(meta);
}

const HASH = /^'sha(256|384|512)-/;

/**
 * Does a header policy allow what the page's <meta> allows, and nothing of another kind? The
 * host header file sends one policy for all site pages (and one for all embeds): the union of
 * their inline hashes. So the header must have the meta's directives with the same sources but
 * hashes, and every hash of the meta; it may name hashes of other pages' inline elements (the
 * browser enforces the meta too, so a page runs only its own). frame-ancestors is the header's
 * alone. Empty when it does.
 */
export function policyCoversMeta(header: string, meta: string): string[] {
  const h = parsePolicy(header);
  const m = parsePolicy(meta);
  h.delete('frame-ancestors');
  const problems: string[] = [];
  for (const name of new Set([...h.keys(), ...m.keys()])) {
    const hs = h.get(name);
    const ms = m.get(name);
    if (!hs || !ms) {
      problems.push(`${name} is only in the ${hs ? 'header' : 'meta'}`);
      continue;
    }
    const plain = (list: string[]) => list.filter((v) => !HASH.test(v)).sort().join(' ');
    if (plain(hs) !== plain(ms)) problems.push(`${name}: header [${plain(hs)}], meta [${plain(ms)}]`);
    for (const hash of ms.filter((v) => HASH.test(v))) if (!hs.includes(hash)) problems.push(`${name}: the header lacks the meta's ${hash}`);
  }
  return problems;
}

export interface HeaderRule {
  pattern: string;
  /** [name, value]; a detach line (`! Name`, Cloudflare Pages) is [name, undefined]. */
  headers: [string, string | undefined][];
}

/** Parses a Netlify/Cloudflare-style `_headers` file: a path line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const detach = /^\s+!\s*(\S+)\s*$/.exec(line);
    const header = /^\s+([^:!][^:]*):\s*(.*)$/.exec(line);
    if (rules.length && detach) rules.at(-1)!.headers.push([detach[1]!, undefined]);
    else if (rules.length && header) rules.at(-1)!.headers.push([header[1]!.trim(), header[2]!.trim()]);
  }
  return rules;
}

/** Does a `_headers` path pattern (`*` = any run of characters, `:name` = one segment) match a URL path? */
export function patternMatches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-z]\w*/gi, '[^/]+')).join('.*')}$`);
  return re.test(path);
}

/** The hosts whose documented `_headers` merging is modelled here (npm run test:hosts runs the real ones). */
export const HEADER_HOSTS = ['cloudflare', 'netlify'] as const;
export type HeaderHost = (typeof HEADER_HOSTS)[number];

/**
 * The headers a host reading the file sends for a path, following each host's documented rules
 * (https://developers.cloudflare.com/pages/configuration/headers/,
 * https://docs.netlify.com/routing/headers/), checked against the real clients by tests/hosts/:
 *   - Cloudflare Pages keys rules by their path line (a later rule with the same path replaces
 *     the earlier one), then applies every matching rule in order: a header set by two rules is
 *     sent once with the values joined by ", " (two CSPs: both enforced), and `! Name` drops
 *     that header inherited from earlier rules.
 *   - Netlify applies every matching rule in order, a later value of a name replacing the
 *     earlier one, and ignores `! Name` lines. Its patterns also match without a trailing slash.
 */
export function headersFor(rules: HeaderRule[], path: string, host: HeaderHost = 'cloudflare'): [string, string][] {
  const out = new Map<string, [string, string]>();
  if (host === 'cloudflare') {
    const byPath = new Map<string, HeaderRule>();
    for (const r of rules) byPath.set(r.pattern, r);
    for (const rule of [...byPath.values()].filter((r) => patternMatches(r.pattern, path))) {
      for (const [name, value] of rule.headers) {
        const k = name.toLowerCase();
        if (value === undefined) out.delete(k);
        else out.set(k, out.has(k) ? [out.get(k)![0], `${out.get(k)![1]}, ${value}`] : [name, value]);
      }
    }
  } else {
    for (const rule of rules.filter((r) => patternMatches(r.pattern, path) || patternMatches(r.pattern, `${path}/`) || patternMatches(r.pattern.replace(/\/$/, ''), path))) {
      for (const [name, value] of rule.headers) if (value !== undefined) out.set(name.toLowerCase(), [name, value]);
    }
  }
  return [...out.values()];
}

/**
 * A joined CSP header value as the policies a browser enforces: a comma separates policies
 * (CSP3 §2.2.1), and no directive value of ours contains one.
 */
export const splitPolicies = (value: string) => value.split(',').map((p) => p.trim()).filter(Boolean);

/** The CSP headers sent for a path, one entry per policy the browser enforces. */
export function headerPoliciesFor(rules: HeaderRule[], path: string, host: HeaderHost = 'cloudflare'): string[] {
  return headersFor(rules, path, host)
    .filter(([name]) => name.toLowerCase() === 'content-security-policy')
    .flatMap(([, v]) => splitPolicies(v));
}

/**
 * Framing rules: an embed page must be frameable by any site; every other page must refuse to be
 * framed elsewhere. Browsers ignore X-Frame-Options when any CSP sent has frame-ancestors, and
 * enforce every CSP sent, so framing is allowed only where every frame-ancestors list allows it.
 */
export function framingProblems(rules: HeaderRule[], path: string, embeddable: boolean, host: HeaderHost = 'cloudflare'): string[] {
  const xfo = headersFor(rules, path, host)
    .filter(([n]) => n.toLowerCase() === 'x-frame-options')
    .map(([, v]) => v.trim().toUpperCase());
  const ancestors = headerPoliciesFor(rules, path, host)
    .map((p) => parsePolicy(p).get('frame-ancestors'))
    .filter((v): v is string[] => v !== undefined);
  const anyone = ancestors.length ? ancestors.every((a) => a.includes('*') || a.includes('https:')) : !xfo.some((v) => v === 'DENY' || v === 'SAMEORIGIN');
  const onlySelf = ancestors.length ? ancestors.some((a) => a.every((v) => v === "'none'" || v === "'self'")) : xfo.some((v) => v === 'DENY' || v === 'SAMEORIGIN');
  if (embeddable && xfo.length) return [`${path}: an embed sent X-Frame-Options ${xfo.join(', ')} (${host})`];
  if (embeddable && !anyone) return [`${path}: newsrooms cannot frame this embed (X-Frame-Options ${xfo.join(', ') || '-'}; frame-ancestors ${ancestors.map((a) => a.join(' ')).join(' | ') || '-'})`];
  if (!embeddable && !onlySelf) return [`${path}: may be framed by any site (no frame-ancestors 'none' or X-Frame-Options DENY)`];
  return [];
}
