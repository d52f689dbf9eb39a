/**
 * The host header file (dist/_headers, read by Netlify and Cloudflare Pages), written whole from
 * the build. Pure: the list of built files and each page's Content-Security-Policy in, the file's
 * text out; src/integrations/host-headers.ts does the file work.
 *
 * What every host must send, whatever its merge rules:
 *   - pages that are not embeds: `X-Frame-Options: DENY` and a CSP with `frame-ancestors 'none'`;
 *   - embed pages (everything under embed/<group>/): no X-Frame-Options, a CSP with
 *     `frame-ancestors *`, and CORS, as are the bundles (/_astro/) and the script embed's files.
 *
 * Why the file is shaped as it is: the hosts read the same syntax but merge differently.
 *   - Cloudflare Pages keys rules by their path line (a second rule with the same path replaces
 *     the first), then sends the headers of every matching rule, joining repeated names with ", ".
 *   - Netlify merges every matching rule in file order, the later value of a name winning, and
 *     ignores Cloudflare's `! Name` detach lines.
 *   - nginx and Apache configs add headers per location and join them.
 * A `_headers` pattern cannot say "everything but /embed/", so a `/*` rule carrying the framing
 * headers would reach the embeds, where one host joins and another overrides. The rules here
 * therefore never overlap on a header name: the framing headers are written per group of pages
 * (one `/<folder>/*` rule per top-level folder that holds pages, exact rules for files at the
 * top), the site-wide `/*` rule carries only headers every response shares, and no path line
 * appears twice. Then each response's headers are the same under every merge rule.
 *
 * The Content-Security-Policy is the one in each page's <meta> (Astro writes it with hashes of
 * its own scripts and styles, which change with the code, so it cannot be written by hand); the
 * header adds frame-ancestors, which a <meta> cannot carry. A header and a meta must agree, or
 * the browser enforces the stricter of the two and pages break only where a host reads the file.
 */
import { normaliseBase } from './urls';

/** One built HTML page: its path relative to the output folder and the policy in its <meta>. */
export interface BuiltPage {
  /** 'index.html', 'sources/index.html', '404.html', 'embed/chart/x/index.html'. */
  file: string;
  policy: string;
}

export interface HeaderRule {
  /** The path line, base included: '/sources/*', '/', '/404.html'. */
  path: string;
  headers: [name: string, value: string][];
  /** Why the rule exists, written as a comment above it. */
  comment?: string;
}

/** Cloudflare Pages' documented limits for a _headers file. */
export const HEADER_FILE_LIMITS = { rules: 100, lineLength: 2000 } as const;

/** The folder under which every unit's embed page (and its oEmbed JSON and fragment) lives. */
export const EMBED_FOLDER = 'embed';

export const FRAME_DENY = "frame-ancestors 'none'";
export const FRAME_ANYONE = 'frame-ancestors *';

/** Sent with every response; no other rule may carry these names. */
const SITE_WIDE: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];
const CORS: [string, string] = ['Access-Control-Allow-Origin', '*'];
/** Hashed bundle names never change: cache them for a year; everything else keeps the host's default (revalidate). */
const IMMUTABLE: [string, string] = ['Cache-Control', 'public, max-age=31536000, immutable'];

const decode = (s: string) => s.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The policy in a page's <meta http-equiv="content-security-policy">, as Astro writes it. */
export function extractCspMeta(html: string): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>]/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*"([^"]*)"|\bcontent\s*=\s*'([^']*)'/i.exec(tag);
    if (content) return decode(content[1] ?? content[2] ?? '').trim();
  }
  return undefined;
}

/** The page's policy as one header line with the given frame-ancestors (any earlier one replaced). */
export function policyWithFraming(policy: string, frameAncestors: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.replace(/\s+/g, ' ').trim())
    .filter((d) => d && !/^frame-ancestors\b/i.test(d));
  return [...directives, frameAncestors].join('; ');
}

/** The URL path a host serves a built file at: 'sources/index.html' → 'sources/'. */
const routeOf = (file: string) => (file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1'));

/** The framing headers of one page. */
const framingHeaders = (policy: string, frame: string): [string, string][] => [
  ...(frame === FRAME_DENY ? [['X-Frame-Options', 'DENY'] as [string, string]] : []),
  ['Content-Security-Policy', policyWithFraming(policy, frame)],
];

/**
 * Rules for a folder of pages: one splat rule when they share a policy (the usual case); else the
 * splat keeps only `extra` and each page gets an exact rule, so no two rules set one name.
 */
function folderRules(pattern: string, pages: BuiltPage[], b: string, frame: string, comment: string, extra: [string, string][] = []): HeaderRule[] {
  if (new Set(pages.map((p) => policyWithFraming(p.policy, frame))).size === 1) {
    return [{ path: pattern, headers: [...framingHeaders(pages[0]!.policy, frame), ...extra], comment }];
  }
  const exact = pages.flatMap((p) => pagePaths(p.file, b).map((path): HeaderRule => ({ path, headers: framingHeaders(p.policy, frame) })));
  return extra.length ? [{ path: pattern, headers: extra, comment }, ...exact] : [{ ...exact[0]!, comment }, ...exact.slice(1)];
}

/** The request paths a page answers at: a folder's index also at its index.html (Netlify serves both). */
function pagePaths(file: string, b: string): string[] {
  const route = routeOf(file);
  return route === file ? [`${b}${file}`] : [`${b}${route}`, `${b}${file}`];
}

/**
 * The whole rule set for a build. `files` is every file in the output folder (posix paths
 * relative to it), `pages` every HTML page with its policy; `base` the site's base path.
 */
export function hostHeaderRules(files: string[], pages: BuiltPage[], base = '/'): HeaderRule[] {
  const b = normaliseBase(base);
  const rules: HeaderRule[] = [{ path: `${b}*`, headers: SITE_WIDE, comment: 'Every response. No other rule sets these names.' }];
  const top = (f: string) => f.split('/')[0]!;
  const folders = [...new Set(files.filter((f) => f.includes('/')).map(top))].sort();

  // Embeds: every folder under embed/ is a group of units (embed/<stack>/, embed/chart/).
  const embedGroups = [...new Set(files.filter((f) => f.startsWith(`${EMBED_FOLDER}/`) && f.split('/').length > 2).map((f) => f.split('/')[1]!))].sort();
  for (const group of embedGroups) {
    const prefix = `${EMBED_FOLDER}/${group}/`;
    const groupPages = pages.filter((p) => p.file.startsWith(prefix));
    const comment = `Embeds of ${group}: any site may frame them and fetch their files (oEmbed JSON, the script embed's fragment).`;
    if (groupPages.length) rules.push(...folderRules(`${b}${prefix}*`, groupPages, b, FRAME_ANYONE, comment, [CORS]));
    else rules.push({ path: `${b}${prefix}*`, headers: [CORS], comment });
  }
  // Files directly in embed/: the gallery page is for editors, not for framing; the script embed's
  // loader and stylesheet are fetched from other sites.
  for (const file of files.filter((f) => f.startsWith(`${EMBED_FOLDER}/`) && f.split('/').length === 2).sort()) {
    const page = pages.find((p) => p.file === file);
    if (page) rules.push(...pagePaths(file, b).map((path, i) => ({ path, headers: framingHeaders(page.policy, FRAME_DENY), ...(i === 0 ? { comment: 'The embed gallery is a page like any other.' } : {}) })));
    else rules.push({ path: `${b}${file}`, headers: [CORS] });
  }

  // Every other folder that holds pages: one rule for the folder.
  for (const folder of folders.filter((f) => f !== EMBED_FOLDER)) {
    const folderPages = pages.filter((p) => top(p.file) === folder && p.file.includes('/'));
    const extra: [string, string][] = folder === '_astro' ? [CORS, IMMUTABLE] : [];
    if (folderPages.length) rules.push(...folderRules(`${b}${folder}/*`, folderPages, b, FRAME_DENY, `Pages under ${folder}/: never framed.`, extra));
    else if (extra.length) rules.push({ path: `${b}${folder}/*`, headers: extra, comment: 'Hashed bundles: fetched with CORS by embeds in sandboxed frames (WordPress), cached for a year.' });
  }
  // Pages at the top (the home page, 404.html): exact rules.
  for (const page of pages.filter((p) => !p.file.includes('/')).sort((x, y) => x.file.localeCompare(y.file))) {
    rules.push(...pagePaths(page.file, b).map((path) => ({ path, headers: framingHeaders(page.policy, FRAME_DENY) })));
  }
  return rules;
}

/**
 * The rule set for a site with editions (src/lib/editions.ts): the root edition's rules, then
 * each other edition's, made from its own folder ('uk') as if it were a site at `<base>uk/`,
 * without a second site-wide rule. An edition adds rules for its folders, never per page.
 */
export function siteHeaderRules(files: string[], pages: BuiltPage[], base = '/', editionFolders: readonly string[] = []): HeaderRule[] {
  const b = normaliseBase(base);
  const within = (folder: string) => (f: string) => f.startsWith(`${folder}/`);
  const outside = (f: string) => !editionFolders.some((folder) => within(folder)(f));
  const rules = hostHeaderRules(files.filter(outside), pages.filter((p) => outside(p.file)), b);
  for (const folder of editionFolders) {
    const strip = (f: string) => f.slice(folder.length + 1);
    const editionFiles = files.filter(within(folder)).map(strip);
    const editionPages = pages.filter((p) => within(folder)(p.file)).map((p) => ({ ...p, file: strip(p.file) }));
    rules.push(...hostHeaderRules(editionFiles, editionPages, `${b}${folder}/`).slice(1));
  }
  return rules;
}

export const HEADER_FILE_INTRO = [
  '# Response headers for hosts that read a _headers file (Netlify, Cloudflare Pages), written by',
  '# src/integrations/host-headers.ts from the build (src/lib/host-headers.ts explains the shape).',
  '# No two rules share a path line or a header name on one path, so Cloudflare (rules keyed by',
  '# path, values joined) and Netlify (later rule wins) send the same headers. Do not edit by hand.',
].join('\n');

/** The file's text. Throws when a host would refuse or cut it (Cloudflare's limits). */
export function formatHeadersFile(rules: HeaderRule[]): string {
  const problems = headerRuleProblems(rules);
  if (problems.length) throw new Error(`_headers would not hold on every host:\n  ${problems.join('\n  ')}`);
  const blocks = rules.map((r) => [...(r.comment ? [`# ${r.comment}`] : []), r.path, ...r.headers.map(([n, v]) => `  ${n}: ${v}`)].join('\n'));
  return `${HEADER_FILE_INTRO}\n\n${blocks.join('\n\n')}\n`;
}

/** Does a `_headers` pattern (`*` any run of characters, `:name` one segment) match a path? Both hosts document this. */
export function patternMatches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-z]\w*/gi, '[^/]+')).join('.*')}$`);
  return re.test(path);
}

/**
 * What would make hosts disagree or refuse the file: a path line twice, a header name set by two
 * rules that can match one path (checked on the rules' own paths and their splat prefixes),
 * more rules or longer lines than Cloudflare accepts, a detach line.
 */
export function headerRuleProblems(rules: HeaderRule[]): string[] {
  const problems: string[] = [];
  if (rules.length > HEADER_FILE_LIMITS.rules) problems.push(`${rules.length} rules; Cloudflare Pages reads at most ${HEADER_FILE_LIMITS.rules}`);
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.path)) problems.push(`${r.path}: path line appears twice (Cloudflare keeps only the last)`);
    seen.add(r.path);
    if ((r.path.match(/\*/g) ?? []).length > 1) problems.push(`${r.path}: more than one splat`);
    for (const [n, v] of r.headers) {
      if (n.startsWith('!')) problems.push(`${r.path}: detach line "${n}" (Netlify ignores it)`);
      const line = `  ${n}: ${v}`;
      if (line.length > HEADER_FILE_LIMITS.lineLength) problems.push(`${r.path}: ${n} line is ${line.length} characters; Cloudflare Pages reads at most ${HEADER_FILE_LIMITS.lineLength}`);
    }
  }
  // Sample paths: each rule's path with its splat as '' and as 'x', which any overlapping rule also matches.
  const samples = rules.flatMap((r) => [r.path.replace('*', ''), r.path.replace('*', 'x/y')]);
  for (const path of new Set(samples)) {
    const matching = rules.filter((r) => patternMatches(r.path, path));
    const names = new Map<string, string>();
    for (const r of matching) {
      for (const [n] of r.headers) {
        const k = n.toLowerCase();
        if (names.has(k) && names.get(k) !== r.path) problems.push(`${path}: ${n} set by both ${names.get(k)} and ${r.path}`);
        names.set(k, r.path);
      }
    }
  }
  return [...new Set(problems)];
}
