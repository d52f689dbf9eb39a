/**
 * The host header file (dist/_headers, read by Netlify and Cloudflare Pages), written whole from
 * the build. Pure: the list of built files and each page's Content-Security-Policy in, the file's
 * text out; src/integrations/host-headers.ts does the file work.
 *
 * What every host must send, whatever its merge rules:
 *   - pages that are not embeds: `X-Frame-Options: DENY` and a CSP with `frame-ancestors 'none'`;
 *   - embed pages (everything under embed/<group>/<unit>/): no X-Frame-Options, a CSP with
 *     `frame-ancestors *`, and CORS, as are the bundles (/_astro/) and the script embed's files.
 *
 * Why the file is shaped as it is: the hosts read the same syntax but merge differently.
 *   - Cloudflare Pages keys rules by their path line (a second rule with the same path replaces
 *     the first), then sends the headers of every matching rule, joining repeated names with ", ".
 *   - Netlify merges every matching rule in file order, the later value of a name winning, and
 *     ignores Cloudflare's `! Name` detach lines. Its patterns also match without the trailing
 *     slash (`/:folder/` matches `/404.html` and `/embed.js`), and case-insensitively.
 *   - nginx and Apache configs add headers per location and join them.
 * A `_headers` pattern cannot say "everything but /embed/", so a `/*` rule carrying the framing
 * headers would reach the embeds, where one host joins and another overrides. The rules here
 * therefore never set one name twice on a path (on Netlify, twice only with the same value).
 *
 * The number of rules is fixed: it does not grow with pages, explainers or cards (Cloudflare
 * reads at most 100). Pages are told apart by the depth of their path, with placeholders (`:name`
 * matches one segment on both hosts):
 *   - every site page is the home page, `404.html`, or one folder down: `/:folder/` (an
 *     explainer, sources, search, updates, the embed gallery, another edition's home);
 *   - every embed is three folders down: `/embed/:group/:unit/*`;
 * and another edition (uk/) has the same rules under its folder. So all site pages share one
 * CSP, and all embeds another: each is the union of its pages' <meta> policies, which may differ
 * only in inline hashes (the stylesheet, the script loader; src/lib/script-loader.ts keeps the
 * loader's text, so its hash, the same on every page). The header's policy thus allows at least
 * what the page's own <meta> allows; a browser enforces both, so each page keeps its own. The
 * build fails, naming the pages, when policies differ in more than hashes, when a page is not
 * reached by the headers of its kind, or when the file exceeds Cloudflare's limits.
 */
import { normaliseBase } from './urls';

/** One built HTML page: its path relative to the output folder and the policy in its <meta>. */
export interface BuiltPage {
  /** 'index.html', 'sources/index.html', '404.html', 'embed/chart/x/index.html', 'uk/index.html'. */
  file: string;
  policy: string;
}

export interface HeaderRule {
  /** The path line, base included: '/:folder/', '/', '/404.html'. */
  path: string;
  headers: [name: string, value: string][];
  /** Why the rule exists, written as a comment above it. */
  comment?: string;
}

/** Cloudflare Pages' documented limits for a _headers file (also wrangler's MAX_HEADER_RULES, MAX_LINE_LENGTH). */
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

const HASH_SOURCE = /^'sha(256|384|512)-[A-Za-z0-9+/=_-]+'$/;

/** A policy's directives, in order: name (lower case) and sources. */
function directives(policy: string): [string, string[]][] {
  return policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .filter(([name]) => name)
    .map(([name, ...sources]): [string, string[]] => [name!.toLowerCase(), sources])
    .filter(([name]) => name !== 'frame-ancestors');
}

/**
 * One policy that allows what each page's allows: the pages' policies must be the same but for
 * inline hashes, which are joined (each directive's other sources in the first page's order,
 * then every hash, sorted). Throws, naming two pages, when they differ in anything else.
 */
export function mergePolicies(pages: readonly BuiltPage[]): string {
  if (!pages.length) throw new Error('mergePolicies: no pages');
  const [first, ...rest] = pages;
  const shape = (policy: string) => directives(policy).map(([name, sources]) => `${name} ${sources.filter((s) => !HASH_SOURCE.test(s)).sort().join(' ')}`).sort().join('; ');
  const firstShape = shape(first!.policy);
  for (const page of rest) {
    if (shape(page.policy) !== firstShape) {
      throw new Error(
        `${first!.file} and ${page.file}: their Content-Security-Policies differ in more than inline hashes, so one header cannot carry both ` +
          `(${firstShape} | ${shape(page.policy)}). Every page's policy comes from security.csp in astro.config.mjs; keep per-page differences to hashes.`,
      );
    }
  }
  const hashes = new Map<string, Set<string>>();
  for (const page of pages) for (const [name, sources] of directives(page.policy)) for (const s of sources.filter((x) => HASH_SOURCE.test(x))) (hashes.get(name) ?? hashes.set(name, new Set()).get(name)!).add(s);
  return directives(first!.policy)
    .map(([name, sources]) => [name, ...sources.filter((s) => !HASH_SOURCE.test(s)), ...[...(hashes.get(name) ?? [])].sort()].join(' '))
    .join('; ');
}

/** A path relative to the output folder, without its edition folder ('uk/embed/x/y/index.html' → 'embed/x/y/index.html'). */
const withinEdition = (file: string, editionFolders: readonly string[]) => {
  const folder = editionFolders.find((f) => file.startsWith(`${f}/`));
  return folder ? file.slice(folder.length + 1) : file;
};

/** Is this page (a path relative to its edition's folder) a unit's embed, framed by anyone? The gallery, embed/index.html, is not. */
export const isEmbedPage = (fileInEdition: string) => fileInEdition.startsWith(`${EMBED_FOLDER}/`) && fileInEdition.split('/').length > 2;

const framing = (policy: string, frame: string): [string, string][] => [
  ...(frame === FRAME_DENY ? [['X-Frame-Options', 'DENY'] as [string, string]] : []),
  ['Content-Security-Policy', policyWithFraming(policy, frame)],
];

/**
 * The whole rule set for a site with editions (src/lib/editions.ts): `pages` is every HTML page
 * of every edition with its policy, `base` the site's base path, `editionFolders` the folders
 * of the editions other than the root one ('uk'). The rules are the same few whatever the
 * content: ten for the root edition and seven for each other edition.
 */
export function siteHeaderRules(pages: readonly BuiltPage[], base = '/', editionFolders: readonly string[] = []): HeaderRule[] {
  const b = normaliseBase(base);
  const embed = (p: BuiltPage) => isEmbedPage(withinEdition(p.file, editionFolders));
  const sitePages = pages.filter((p) => !embed(p));
  const embedPages = pages.filter(embed);
  if (!sitePages.length) throw new Error('_headers: no site pages to write the headers of');
  const site = framing(mergePolicies(sitePages), FRAME_DENY);
  const embeds: [string, string][] = embedPages.length ? [...framing(mergePolicies(embedPages), FRAME_ANYONE), CORS] : [CORS];

  const rules: HeaderRule[] = [
    { path: `${b}*`, headers: SITE_WIDE, comment: 'Every response. No other rule sets these names.' },
    { path: b, headers: site, comment: 'Site pages: never framed, one policy for all (the union of their <meta> policies).' },
    { path: `${b}index.html`, headers: site },
    {
      path: `${b}:folder/`,
      headers: site,
      comment: `Every page one folder down: the explainers, sources, search, updates, the embed gallery${editionFolders.length ? `, ${editionFolders.map((f) => `${b}${f}/`).join(', ')}` : ''}.`,
    },
    { path: `${b}:folder/index.html`, headers: site },
  ];
  for (const p of [b, ...editionFolders.map((f) => `${b}${f}/`)]) {
    if (p !== b) {
      rules.push(
        { path: `${p}:folder/`, headers: site, comment: `The ${p} edition's pages one folder down.` },
        { path: `${p}:folder/index.html`, headers: site },
      );
    }
    rules.push(
      { path: `${p}404.html`, headers: site },
      { path: `${p}${EMBED_FOLDER}/:group/:unit/*`, headers: embeds, comment: 'Embeds (cards and charts): any site may frame them and fetch their files (oEmbed JSON, the script embed\'s fragment).' },
      { path: `${p}${EMBED_FOLDER}/element.js`, headers: [CORS], comment: "The script embed's loader and stylesheet, fetched from other sites." },
      { path: `${p}${EMBED_FOLDER}/element.css`, headers: [CORS] },
      { path: `${p}_astro/*`, headers: [CORS, IMMUTABLE], comment: 'Hashed bundles: fetched with CORS by embeds in sandboxed frames (WordPress), cached for a year.' },
    );
  }
  return rules;
}

export const HEADER_FILE_INTRO = [
  '# Response headers for hosts that read a _headers file (Netlify, Cloudflare Pages), written by',
  '# src/integrations/host-headers.ts from the build (src/lib/host-headers.ts explains the shape).',
  '# No two rules set one header on a path (on Netlify, which also matches without the slash, only',
  '# with one value), so Cloudflare (rules keyed by path, values joined) and Netlify (later rule',
  '# wins) send the same headers. `:name` matches one path segment. The rules are the same few',
  '# however many pages there are. Do not edit by hand.',
].join('\n');

/** The file's text. Throws when a host would refuse or cut it (Cloudflare's limits). */
export function formatHeadersFile(rules: HeaderRule[]): string {
  const problems = headerRuleProblems(rules);
  if (problems.length) throw new Error(`_headers would not hold on every host:\n  ${problems.join('\n  ')}`);
  const blocks = rules.map((r) => [...(r.comment ? [`# ${r.comment}`] : []), r.path, ...r.headers.map(([n, v]) => `  ${n}: ${v}`)].join('\n'));
  return `${HEADER_FILE_INTRO}\n\n${blocks.join('\n\n')}\n`;
}

export type HeaderHost = 'cloudflare' | 'netlify';
export const HEADER_HOSTS: readonly HeaderHost[] = ['cloudflare', 'netlify'];

/** Literal text in a pattern ('-' and '/' need no escape, and may not have one in a 'u' pattern). */
const escapeRe = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
const PLACEHOLDER = /:[A-Za-z]\w*/g;

/**
 * Does a `_headers` pattern match a path on this host? As each host's own code reads it:
 *   - Cloudflare (workers-shared, rules-engine.ts): `*` any run of characters, `:name` one
 *     segment, the rest literal, anchored at both ends;
 *   - Netlify (@netlify/headers-parser, for_regexp.ts): per segment, `:name` one segment, a lone
 *     `*` anything (its slash optional), `*` inside a segment any run; a trailing slash is
 *     optional and case is ignored.
 */
export function patternMatches(pattern: string, path: string, host: HeaderHost = 'cloudflare'): boolean {
  const key = `${host} ${pattern}`;
  let re = compiled.get(key);
  if (!re) {
    const part = (p: string) => (p.startsWith(':') ? '([^/]+)' : p === '*' ? '?(.*)' : p.includes('*') ? p.replaceAll('*', '(.*)') : escapeRe(p));
    re =
      host === 'cloudflare'
        ? new RegExp(`^${pattern.split('*').map((s) => escapeRe(s).replace(PLACEHOLDER, '[^/]+')).join('.*')}$`)
        : new RegExp(`^/${pattern.split('/').map((p) => p.trimEnd()).filter(Boolean).map(part).join('/')}/?$`, 'iu');
    compiled.set(key, re);
  }
  return re.test(path);
}
const compiled = new Map<string, RegExp>();

/** The headers a host sends for a path, from these rules, by its documented merge rules (the top of this file). */
export function headersFor(rules: readonly HeaderRule[], path: string, host: HeaderHost): Map<string, string> {
  const out = new Map<string, string>();
  const applied = host === 'cloudflare' ? [...new Map(rules.map((r) => [r.path, r])).values()] : rules;
  for (const rule of applied.filter((r) => patternMatches(r.path, path, host))) {
    for (const [n, v] of rule.headers) {
      const k = n.toLowerCase();
      out.set(k, host === 'cloudflare' && out.has(k) ? `${out.get(k)}, ${v}` : v);
    }
  }
  return out;
}

/** Paths to test the rules on: each rule's path with its placeholders as every literal segment of any rule (and 'x'), its splat as '', 'x' and 'x/y', with and without a trailing slash. */
function samplePaths(rules: readonly HeaderRule[]): string[] {
  const segments = [...new Set(['x', ...rules.flatMap((r) => r.path.split('/').filter((s) => s && !s.includes('*') && !s.startsWith(':')))])];
  const out = new Set<string>();
  for (const r of rules) {
    let paths = [r.path];
    for (const name of r.path.match(PLACEHOLDER) ?? []) paths = paths.flatMap((p) => segments.map((s) => p.replace(name, s)));
    for (const p of paths.flatMap((p) => ['', 'x', 'x/y'].map((s) => p.replace('*', s)))) {
      out.add(p);
      out.add(p.endsWith('/') && p.length > 1 ? p.slice(0, -1) : `${p}/`);
    }
  }
  return [...out];
}

/**
 * What would make hosts disagree or refuse the file: a path line twice, a header name set by two
 * rules that can match one path (on Netlify, with different values), more rules or longer lines
 * than Cloudflare accepts, a detach line, a placeholder twice in a path or in a header's value
 * (Cloudflare drops such a rule, or substitutes the value).
 */
export function headerRuleProblems(rules: HeaderRule[]): string[] {
  const problems: string[] = [];
  if (rules.length > HEADER_FILE_LIMITS.rules) problems.push(`${rules.length} rules; Cloudflare Pages reads at most ${HEADER_FILE_LIMITS.rules}`);
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.path)) problems.push(`${r.path}: path line appears twice (Cloudflare keeps only the last)`);
    seen.add(r.path);
    if ((r.path.match(/\*/g) ?? []).length > 1) problems.push(`${r.path}: more than one splat`);
    const names = r.path.match(PLACEHOLDER) ?? [];
    if (new Set(names).size !== names.length) problems.push(`${r.path}: a placeholder appears twice (Cloudflare ignores the rule)`);
    for (const [n, v] of r.headers) {
      if (n.startsWith('!')) problems.push(`${r.path}: detach line "${n}" (Netlify ignores it)`);
      const line = `  ${n}: ${v}`;
      if (line.length > HEADER_FILE_LIMITS.lineLength) problems.push(`${r.path}: ${n} line is ${line.length} characters; Cloudflare Pages reads at most ${HEADER_FILE_LIMITS.lineLength}`);
      for (const name of [...names, ...(r.path.includes('*') ? [':splat'] : [])]) {
        if (new RegExp(`${name}(?!\\w)`).test(v)) problems.push(`${r.path}: ${n} holds "${name}", which Cloudflare replaces with the matched path`);
      }
    }
  }
  for (const path of samplePaths(rules)) {
    for (const host of HEADER_HOSTS) {
      const applied = host === 'cloudflare' ? [...new Map(rules.map((r) => [r.path, r])).values()] : rules;
      const set = new Map<string, [rule: string, value: string]>();
      for (const r of applied.filter((x) => patternMatches(x.path, path, host))) {
        for (const [n, v] of r.headers) {
          const k = n.toLowerCase();
          const earlier = set.get(k);
          if (earlier && (host === 'cloudflare' || earlier[1] !== v)) problems.push(`${path}: ${n} set by both ${earlier[0]} and ${r.path} (${host})`);
          set.set(k, [r.path, v]);
        }
      }
    }
  }
  return [...new Set(problems)];
}

/** The request paths a page answers at: a folder's index also at its index.html (Netlify serves both). */
function pagePaths(file: string, b: string): string[] {
  const route = file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
  return route === file ? [`${b}${file}`] : [`${b}${route}`, `${b}${file}`];
}

/**
 * Whether every page and file gets the headers of its kind on both hosts: a site page
 * X-Frame-Options DENY and the site policy with frame-ancestors 'none', an embed no
 * X-Frame-Options and the embed policy with frame-ancestors *, and CORS on what other sites
 * fetch (embed files, the script embed's files, bundles). One line per path that does not.
 */
export function headerCoverageProblems(rules: readonly HeaderRule[], files: readonly string[], pages: readonly BuiltPage[], base = '/', editionFolders: readonly string[] = []): string[] {
  const b = normaliseBase(base);
  const problems: string[] = [];
  const embed = (f: string) => isEmbedPage(withinEdition(f, editionFolders));
  const sitePages = pages.filter((p) => !embed(p.file));
  const embedPages = pages.filter((p) => embed(p.file));
  const expected = {
    site: sitePages.length ? policyWithFraming(mergePolicies(sitePages), FRAME_DENY) : '',
    embed: embedPages.length ? policyWithFraming(mergePolicies(embedPages), FRAME_ANYONE) : '',
  };
  for (const page of pages) {
    const kind = embed(page.file) ? 'embed' : 'site';
    for (const path of pagePaths(page.file, b)) {
      for (const host of HEADER_HOSTS) {
        const sent = headersFor(rules, path, host);
        const xfo = sent.get('x-frame-options');
        if (kind === 'site' && xfo !== 'DENY') problems.push(`${path} (${host}): a site page without X-Frame-Options: DENY (${xfo ?? 'none'})`);
        if (kind === 'embed' && xfo !== undefined) problems.push(`${path} (${host}): an embed with X-Frame-Options: ${xfo}`);
        if (sent.get('content-security-policy') !== expected[kind]) problems.push(`${path} (${host}): not the ${kind} pages' Content-Security-Policy (sent: ${sent.get('content-security-policy') ?? 'none'})`);
      }
    }
  }
  const fetched = (f: string) => {
    const inEdition = withinEdition(f, editionFolders);
    return inEdition.startsWith('_astro/') || (embed(f) && inEdition.split('/').length > 3) || inEdition === `${EMBED_FOLDER}/element.js` || inEdition === `${EMBED_FOLDER}/element.css`;
  };
  for (const f of files.filter(fetched)) {
    for (const host of HEADER_HOSTS) if (headersFor(rules, `${b}${f}`, host).get('access-control-allow-origin') !== '*') problems.push(`${b}${f} (${host}): fetched by other sites but sent without Access-Control-Allow-Origin: *`);
  }
  return problems;
}
