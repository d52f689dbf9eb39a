/**
 * Strict CSP on every built page: the policy meta comes first, script-src has no
 * 'unsafe-inline', and the markup needs no exception (no inline scripts, on*= handlers, style
 * attributes or javascript: URLs). The host header file sends one policy for all site pages and
 * one for all embeds, each allowing what every such page's meta allows.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builds } from '../../support/builds.ts';
import { editionRoute, isEmbedRoute, listPages, parseHtml } from '../../support/html.ts';
import { canonicalPolicy, cspProblems, framingProblems, HEADER_HOSTS, headerPoliciesFor, metaPolicies, parseHeadersFile, policyCoversMeta } from '../../support/csp.ts';

describe.each(Object.entries(builds))('CSP in the %s build', (_name, { outDir, base }) => {
  const pages = listPages(outDir);

  it('every page keeps the policy and needs no inline exception', () => {
    expect(pages.length).toBeGreaterThan(4);
    const problems = pages.flatMap((p) => cspProblems(readFileSync(join(outDir, p.file), 'utf8')).map((m) => `${p.file}: ${m}`));
    expect(problems.join('\n')).toBe('');
  });

  it.each(HEADER_HOSTS)('the host header file (_headers) sends each page one policy that allows what its meta allows (%s)', (host) => {
    const headersFile = join(outDir, '_headers');
    expect(existsSync(headersFile), `${headersFile} is missing`).toBe(true);
    const rules = parseHeadersFile(readFileSync(headersFile, 'utf8'));
    const problems: string[] = [];
    const sentTo = { site: new Set<string>(), embed: new Set<string>() };
    for (const p of pages) {
      const meta = metaPolicies(parseHtml(readFileSync(join(outDir, p.file), 'utf8')))[0]!;
      const sent = headerPoliciesFor(rules, `${base}${p.route}`, host);
      if (sent.length !== 1) problems.push(`${base}${p.route}: ${sent.length} header policies`);
      // Same directives and sources as the meta but hashes (so no 'unsafe-inline' the meta lacks), and every hash of the meta.
      for (const m of sent.flatMap((h) => policyCoversMeta(h, meta))) problems.push(`${base}${p.route}: ${m}`);
      sentTo[isEmbedRoute(p.route) && editionRoute(p.route) !== 'embed/' ? 'embed' : 'site'].add(canonicalPolicy(sent[0] ?? '', ['frame-ancestors']));
    }
    expect(problems.join('\n')).toBe('');
    // One policy for every site page and one for every embed, whatever the number of pages.
    expect([sentTo.site.size, sentTo.embed.size]).toEqual([1, 1]);
  });

  it.each(HEADER_HOSTS)('the host header file lets anyone frame an embed and nobody frame the rest (%s)', (host) => {
    const rules = parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8'));
    // Embed units are framed by newsrooms; the gallery (embed/) is a page like the others.
    const problems = pages.flatMap((p) => framingProblems(rules, `${base}${p.route}`, isEmbedRoute(p.route) && editionRoute(p.route) !== 'embed/', host));
    expect(problems.join('\n')).toBe('');
  });
});
