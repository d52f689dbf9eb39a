import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  extractCspMeta,
  formatHeadersFile,
  FRAME_ANYONE,
  FRAME_DENY,
  headerCoverageProblems,
  headerRuleProblems,
  HEADER_FILE_LIMITS,
  mergePolicies,
  patternMatches,
  policyWithFraming,
  siteHeaderRules,
  type BuiltPage,
} from '../../../src/lib/host-headers';
import { framingProblems, HEADER_HOSTS, headersFor, headerPoliciesFor, parseHeadersFile, policyCoversMeta } from '../../support/csp';

const SUB = '/interactives/ukraine-guarantees/';
const BASE_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";
/** Astro's own hashes (the same on every page), the script loader's and the inline stylesheet's. */
const ASTRO = "'sha256-astro1=' 'sha256-astro2='";
const LOADER = "'sha256-loader='";
const STYLE = "'sha256-inlinecss='";
const policyOf = (file: string): string => {
  const local = file.replace(/^uk\//, '');
  if (local.startsWith('embed/') && local.split('/').length > 2) return `${BASE_POLICY}; script-src 'self' 'wasm-unsafe-eval' ${ASTRO}; style-src 'self'`;
  // The gallery links the stylesheet and has no loader; sources, updates and 404 have no loader.
  if (local === 'embed/index.html') return `${BASE_POLICY}; script-src 'self' 'wasm-unsafe-eval' ${ASTRO}; style-src 'self'`;
  const loader = /^(sources|updates)\/|^404\.html$/.test(local) ? '' : `${LOADER} `;
  return `${BASE_POLICY}; script-src ${loader}'self' 'wasm-unsafe-eval' ${ASTRO}; style-src ${STYLE} 'self'`;
};

/**
 * The files of a build with `factor` times today's content (four explainers of five cards, four
 * charts), in each edition: root ('') and, with `uk`, the Ukrainian one under uk/.
 */
function model(factor: number, editions: readonly string[] = ['', 'uk/']): { files: string[]; pages: BuiltPage[] } {
  const files: string[] = [];
  for (const e of editions) {
    files.push(...['404.html', 'embed.js', 'favicon.svg', 'index.html', 'rss.xml', '_astro/a.123.js', '_astro/b.456.css', 'embed/index.html', 'embed/element.js', 'embed/element.css', 'sources/index.html', 'search/index.html', 'updates/index.html', 'charts/c.png'].map((f) => `${e}${f}`));
    for (let k = 1; k <= factor; k++) {
      for (const stack of ['stack-a', 'stack-b', 'stack-c', 'stack-d']) {
        const s = k === 1 ? stack : `${stack}-copy${k}`;
        files.push(`${e}${s}/index.html`);
        for (let c = 1; c <= 5; c++) files.push(...['index.html', 'oembed.json', 'fragment.json'].map((f) => `${e}embed/${s}/card-${c}/${f}`));
      }
      for (let c = 1; c <= 4; c++) files.push(...['index.html', 'oembed.json', 'fragment.json'].map((f) => `${e}embed/chart/chart-${c}-${k}/${f}`));
    }
  }
  return { files, pages: files.filter((f) => f.endsWith('.html')).map((file) => ({ file, policy: policyOf(file) })) };
}
const folders = (editions: readonly string[]) => editions.filter(Boolean).map((e) => e.replace(/\/$/, ''));
const route = (base: string, file: string) => `${base}${file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1')}`;
const isEmbed = (file: string) => /^(uk\/)?embed\/[^/]+\/[^/]+\//.test(file);

describe('extractCspMeta', () => {
  it('reads the policy Astro writes, whatever the attribute order and quoting', () => {
    const policy = "default-src 'self'; script-src 'self' 'sha256-abc='";
    expect(extractCspMeta(`<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}"></head>`)).toBe(policy);
    expect(extractCspMeta(`<meta content="a 'self'" http-equiv="Content-Security-Policy">`)).toBe("a 'self'");
    expect(extractCspMeta(`<meta http-equiv=content-security-policy content='a &amp; b'>`)).toBe('a & b');
    expect(extractCspMeta('<meta name="description" content="x">')).toBeUndefined();
  });
});

describe('policyWithFraming', () => {
  it('adds frame-ancestors on one line, replacing any earlier one', () => {
    expect(policyWithFraming("default-src\n  'self'; frame-ancestors x;", FRAME_DENY)).toBe("default-src 'self'; frame-ancestors 'none'");
  });
});

describe('mergePolicies', () => {
  it("joins the pages' inline hashes and keeps everything else", () => {
    const merged = mergePolicies([
      { file: 'a/index.html', policy: "default-src 'self'; script-src 'sha256-b=' 'self'; style-src 'self'" },
      { file: 'b/index.html', policy: "default-src 'self'; style-src 'sha256-s=' 'self'; script-src 'self' 'sha256-a='" },
      { file: '404.html', policy: "default-src 'self'; script-src 'self' 'sha256-a='; style-src 'self'" },
    ]);
    expect(merged).toBe("default-src 'self'; script-src 'self' 'sha256-a=' 'sha256-b='; style-src 'self' 'sha256-s='");
  });

  it('refuses, naming both pages, policies that differ in more than hashes', () => {
    expect(() =>
      mergePolicies([
        { file: 'a/index.html', policy: "default-src 'self'; script-src 'self'" },
        { file: 'b/index.html', policy: "default-src 'self'; script-src 'self' 'unsafe-inline'" },
      ]),
    ).toThrow(/a\/index.html and b\/index.html: their Content-Security-Policies differ in more than inline hashes/);
    expect(() => mergePolicies([{ file: 'a.html', policy: "default-src 'self'" }, { file: 'b.html', policy: "default-src 'self'; connect-src https://x.example" }])).toThrow(/differ/);
  });
});

describe('the number of rules does not grow with the content', () => {
  const count = (factor: number, editions: readonly string[], base = '/') => siteHeaderRules(model(factor, editions).pages, base, folders(editions)).length;

  it.each([['/'], [SUB]])('is the same for today’s content and ten times as much, in one edition or two (base %s)', (base) => {
    for (const editions of [[''], ['', 'uk/']]) {
      expect(model(10, editions).pages.length).toBeGreaterThan(8 * model(1, editions).pages.length);
      expect(count(10, editions, base), editions.join('+')).toBe(count(1, editions, base));
    }
    // Ten for the root edition, seven for each other: a third language would add seven, not pages.
    expect(count(1, [''], base)).toBe(10);
    expect(count(1, ['', 'uk/'], base)).toBe(17);
    expect(count(10, ['', 'uk/', 'de/'], base)).toBe(24);
    expect(count(10, ['', 'uk/'], base)).toBeLessThanOrEqual(HEADER_FILE_LIMITS.rules);
  });

  it('keeps every header line the same length: one policy for all site pages, one for all embeds', () => {
    const longest = (factor: number) => Math.max(...formatHeadersFile(siteHeaderRules(model(factor).pages, SUB, ['uk'])).split('\n').map((l) => l.length));
    expect(longest(10)).toBe(longest(1));
  });

  it('stops the build with a clear message when per-page hashes would make a header too long for Cloudflare', () => {
    // What the file would be if every page had its own inline script (the loader before it was
    // made the same on every page): the union of 80-odd hashes is longer than a header line may be.
    const { pages } = model(10);
    const own = pages.map((p) => ({ ...p, policy: p.policy.replace(LOADER, `'sha256-${createHash('sha256').update(p.file).digest('base64')}'`) }));
    expect(own.filter((p, i) => p.policy !== pages[i]!.policy).length).toBeGreaterThan(80);
    expect(() => formatHeadersFile(siteHeaderRules(own, '/', ['uk']))).toThrow(/_headers would not hold on every host:[\s\S]*Content-Security-Policy line is \d+ characters; Cloudflare Pages reads at most 2000/);
  });
});

describe.each([
  ['/', ['']],
  [SUB, ['']],
  ['/', ['', 'uk/']],
  [SUB, ['', 'uk/']],
] as const)('siteHeaderRules under base %s, editions %j', (base, editions) => {
  const { files, pages } = model(3, editions);
  const built = siteHeaderRules(pages, base, folders(editions));
  const text = formatHeadersFile(built);
  const rules = parseHeadersFile(text);

  it('never repeats a path line nor sets one name twice on a path, and has no detach lines', () => {
    expect(headerRuleProblems(built)).toEqual([]);
    expect(text).not.toMatch(/^\s+!/m);
    expect(rules.every((r) => r.pattern.startsWith(base))).toBe(true);
  });

  it('reaches every page and fetched file with the headers of its kind (its own check)', () => {
    expect(headerCoverageProblems(built, files, pages, base, folders(editions))).toEqual([]);
  });

  it.each(HEADER_HOSTS)('means the same on %s (the tests’ model of the host): embeds framed by anyone with CORS, every other page by no one, each allowed what its meta allows', (host) => {
    for (const p of pages) {
      for (const path of [route(base, p.file), `${base}${p.file}`]) {
        expect(framingProblems(rules, path, isEmbed(p.file), host), path).toEqual([]);
        const sent = headerPoliciesFor(rules, path, host);
        expect(sent, path).toHaveLength(1);
        expect(policyCoversMeta(sent[0]!, p.policy), path).toEqual([]);
        expect(sent[0], path).toMatch(isEmbed(p.file) ? /frame-ancestors \*$/ : /frame-ancestors 'none'$/);
      }
    }
    const cors = (path: string) => headersFor(rules, `${base}${path}`, host).find(([n]) => n === 'Access-Control-Allow-Origin')?.[1];
    for (const e of editions) {
      for (const f of ['embed/stack-a/card-1/fragment.json', 'embed/stack-a-copy3/card-1/oembed.json', 'embed/chart/chart-1-2/oembed.json', 'embed/element.js', 'embed/element.css', '_astro/a.123.js']) expect(cors(`${e}${f}`), `${e}${f}`).toBe('*');
      for (const f of ['', 'sources/', 'embed/', 'stack-b-copy2/']) expect(cors(`${e}${f}`), `${e}${f}`).toBeUndefined();
      expect(headersFor(rules, `${base}${e}_astro/a.123.js`, host)).toContainEqual(['Cache-Control', 'public, max-age=31536000, immutable']);
      expect(headersFor(rules, `${base}${e}stack-a/`, host).find(([n]) => n === 'Cache-Control')).toBeUndefined();
      expect(headersFor(rules, `${base}${e}charts/c.png`, host)).toContainEqual(['X-Content-Type-Options', 'nosniff']);
    }
  });
});

describe('headerCoverageProblems', () => {
  it('names a page the rules do not reach as its kind needs', () => {
    const { files, pages } = model(1);
    const deeper = [...pages, { file: 'stack-a/card-1/index.html', policy: policyOf('stack-a/index.html') }];
    const rules = siteHeaderRules(deeper, '/', ['uk']);
    expect(headerCoverageProblems(rules, files, deeper, '/', ['uk'])).toContain('/stack-a/card-1/ (cloudflare): a site page without X-Frame-Options: DENY (none)');
    const noCors = rules.filter((r) => r.path !== '/embed/element.js');
    expect(headerCoverageProblems(noCors, files, pages, '/', ['uk'])).toContain('/embed/element.js (netlify): fetched by other sites but sent without Access-Control-Allow-Origin: *');
  });
});

describe('patternMatches', () => {
  it('reads patterns as each host does', () => {
    expect(patternMatches('/:folder/', '/stack-a/')).toBe(true);
    expect(patternMatches('/:folder/', '/embed/chart/x/')).toBe(false);
    expect(patternMatches('/:folder/', '/404.html')).toBe(false);
    expect(patternMatches('/:folder/', '/404.html', 'netlify')).toBe(true);
    expect(patternMatches('/embed/:group/:unit/*', '/embed/chart/x/oembed.json')).toBe(true);
    expect(patternMatches('/embed/:group/:unit/*', '/embed/chart/x', 'netlify')).toBe(true);
    expect(patternMatches('/embed/:group/:unit/*', '/embed/element.js', 'netlify')).toBe(false);
    expect(patternMatches('/_astro/*', '/_astro', 'netlify')).toBe(true);
  });
});

describe('headerRuleProblems', () => {
  it('finds what makes hosts disagree or refuse the file', () => {
    const csp = (v: string): [string, string] => ['Content-Security-Policy', v];
    expect(headerRuleProblems([{ path: '/*', headers: [csp('a')] }, { path: '/*', headers: [] }])[0]).toMatch(/appears twice/);
    expect(headerRuleProblems([{ path: '/*', headers: [csp(FRAME_DENY)] }, { path: '/embed/*', headers: [csp(FRAME_ANYONE)] }])[0]).toMatch(/Content-Security-Policy set by both \/\* and \/embed\/\* \(cloudflare\)/);
    expect(headerRuleProblems([{ path: '/*', headers: [['! X-Frame-Options', '']] }])[0]).toMatch(/detach/);
    expect(headerRuleProblems([{ path: '/*', headers: [csp('x'.repeat(2000))] }])[0]).toMatch(/at most 2000/);
    expect(headerRuleProblems(Array.from({ length: 101 }, (_, i) => ({ path: `/p${i}`, headers: [] })))[0]).toMatch(/at most 100/);
    expect(() => formatHeadersFile([{ path: '/', headers: [] }, { path: '/', headers: [] }])).toThrow(/would not hold on every host/);
  });

  it('knows placeholders: once each in a path, never in a value, and Netlify matching without the slash', () => {
    expect(headerRuleProblems([{ path: '/:a/:a/', headers: [] }])[0]).toMatch(/placeholder appears twice/);
    expect(headerRuleProblems([{ path: '/:folder/', headers: [['X-Note', 'see :folder']] }])[0]).toMatch(/holds ":folder"/);
    // On Netlify /:folder/ also matches /404.html: the same value is harmless, another is not.
    const deny: [string, string] = ['X-Frame-Options', 'DENY'];
    expect(headerRuleProblems([{ path: '/:folder/', headers: [deny] }, { path: '/404.html', headers: [deny] }])).toEqual([]);
    expect(headerRuleProblems([{ path: '/:folder/', headers: [deny] }, { path: '/404.html', headers: [['X-Frame-Options', 'SAMEORIGIN']] }])[0]).toMatch(/\/404.html\/?: X-Frame-Options set by both \/:folder\/ and \/404.html \(netlify\)/);
  });
});
