import { describe, expect, it } from 'vitest';
import { extractCspMeta, formatHeadersFile, FRAME_ANYONE, FRAME_DENY, headerRuleProblems, hostHeaderRules, policyWithFraming, type BuiltPage } from '../../../src/lib/host-headers';
import { framingProblems, HEADER_HOSTS, headersFor, headerPoliciesFor, parseHeadersFile } from '../../support/csp';

const policy = "default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc=';";
const SUB = '/interactives/x/';

/** A small build: home, 404, a stack, sources, the gallery, two embed groups, bundles, the host script. */
const files = [
  '404.html', 'embed.js', 'favicon.svg', 'index.html', 'rss.xml',
  '_astro/a.123.js', '_astro/b.456.css',
  'embed/index.html', 'embed/element.js', 'embed/element.css',
  'embed/stack-a/card-1/index.html', 'embed/stack-a/card-1/oembed.json', 'embed/stack-a/card-1/fragment.json',
  'embed/chart/c/index.html', 'embed/chart/c/oembed.json', 'embed/chart/c/fragment.json',
  'sources/index.html', 'stack-a/index.html', 'charts/c.png',
];
const pagesWith = (p: (file: string) => string): BuiltPage[] => files.filter((f) => f.endsWith('.html')).map((file) => ({ file, policy: p(file) }));
const same = pagesWith(() => policy);

describe('extractCspMeta', () => {
  it('reads the policy Astro writes, whatever the attribute order and quoting', () => {
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

describe.each(['/', SUB])('hostHeaderRules under base %s', (base) => {
  const text = formatHeadersFile(hostHeaderRules(files, same, base));
  const rules = parseHeadersFile(text);
  const route = (f: string) => `${base}${f === 'index.html' ? '' : f.replace(/index\.html$/, '')}`;

  it('never repeats a path line nor sets one name twice on a path, and has no detach lines', () => {
    expect(headerRuleProblems(hostHeaderRules(files, same, base))).toEqual([]);
    expect(text).not.toMatch(/^\s+!/m);
    expect(rules.every((r) => r.pattern.startsWith(base))).toBe(true);
  });

  it.each(HEADER_HOSTS)('means the same on %s: embeds framed by anyone with CORS, every other page by no one', (host) => {
    for (const p of same) {
      const embed = p.file.split('/').length > 2 && p.file.startsWith('embed/');
      expect(framingProblems(rules, route(p.file), embed, host), p.file).toEqual([]);
      const sent = headerPoliciesFor(rules, route(p.file), host);
      expect(sent, p.file).toEqual([policyWithFraming(policy, embed ? FRAME_ANYONE : FRAME_DENY)]);
    }
    const cors = (path: string) => headersFor(rules, `${base}${path}`, host).find(([n]) => n === 'Access-Control-Allow-Origin')?.[1];
    for (const f of ['embed/stack-a/card-1/fragment.json', 'embed/chart/c/oembed.json', 'embed/element.js', 'embed/element.css', '_astro/a.123.js']) expect(cors(f), f).toBe('*');
    for (const f of ['', 'sources/', 'embed/']) expect(cors(f), f).toBeUndefined();
    expect(headersFor(rules, `${base}_astro/a.123.js`, host)).toContainEqual(['Cache-Control', 'public, max-age=31536000, immutable']);
    expect(headersFor(rules, `${base}stack-a/`, host).find(([n]) => n === 'Cache-Control')).toBeUndefined();
    expect(headersFor(rules, `${base}charts/c.png`, host)).toContainEqual(['X-Content-Type-Options', 'nosniff']);
  });
});

describe('pages with different policies', () => {
  const differing = pagesWith((f) => (f.startsWith('stack-a') || f.startsWith('embed/chart') ? `${policy} style-src 'sha256-x='` : policy));
  const rules = hostHeaderRules(files, differing, '/');
  it('get exact rules, and the folder keeps only what no page rule sets', () => {
    expect(headerRuleProblems(rules)).toEqual([]);
    const parsed = parseHeadersFile(formatHeadersFile(rules));
    for (const host of HEADER_HOSTS) {
      expect(headerPoliciesFor(parsed, '/embed/chart/c/', host)).toEqual([policyWithFraming(`${policy} style-src 'sha256-x='`, FRAME_ANYONE)]);
      expect(headersFor(parsed, '/embed/chart/c/oembed.json', host).find(([n]) => n === 'Access-Control-Allow-Origin')?.[1]).toBe('*');
    }
  });
});

describe('headerRuleProblems', () => {
  it('finds what makes hosts disagree or refuse the file', () => {
    const csp = (v: string): [string, string] => ['Content-Security-Policy', v];
    expect(headerRuleProblems([{ path: '/*', headers: [csp('a')] }, { path: '/*', headers: [] }])[0]).toMatch(/appears twice/);
    expect(headerRuleProblems([{ path: '/*', headers: [csp(FRAME_DENY)] }, { path: '/embed/*', headers: [csp(FRAME_ANYONE)] }])[0]).toMatch(/Content-Security-Policy set by both \/\* and \/embed\/\*/);
    expect(headerRuleProblems([{ path: '/*', headers: [['! X-Frame-Options', '']] }])[0]).toMatch(/detach/);
    expect(headerRuleProblems([{ path: '/*', headers: [csp('x'.repeat(2000))] }])[0]).toMatch(/at most 2000/);
    expect(headerRuleProblems(Array.from({ length: 101 }, (_, i) => ({ path: `/p${i}`, headers: [] })))[0]).toMatch(/at most 100/);
    expect(() => formatHeadersFile([{ path: '/', headers: [] }, { path: '/', headers: [] }])).toThrow(/would not hold on every host/);
  });
});
