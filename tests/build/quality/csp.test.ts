/**
 * Strict CSP on every built page: the policy meta comes first, script-src has no
 * 'unsafe-inline', and the markup needs no exception (no inline scripts, on*= handlers, style
 * attributes or javascript: URLs). The host header file sends the same policy for every page.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builds } from '../../support/builds.ts';
import { editionRoute, isEmbedRoute, listPages } from '../../support/html.ts';
import { canonicalPolicy, cspProblems, framingProblems, HEADER_HOSTS, headerPoliciesFor, pagePolicy, parseHeadersFile } from '../../support/csp.ts';

describe.each(Object.entries(builds))('CSP in the %s build', (_name, { outDir, base }) => {
  const pages = listPages(outDir);

  it('every page keeps the policy and needs no inline exception', () => {
    expect(pages.length).toBeGreaterThan(4);
    const problems = pages.flatMap((p) => cspProblems(readFileSync(join(outDir, p.file), 'utf8')).map((m) => `${p.file}: ${m}`));
    expect(problems.join('\n')).toBe('');
  });

  it.each(HEADER_HOSTS)('the host header file (_headers) sends each page the same policy as its meta (%s)', (host) => {
    const headersFile = join(outDir, '_headers');
    expect(existsSync(headersFile), `${headersFile} is missing`).toBe(true);
    const rules = parseHeadersFile(readFileSync(headersFile, 'utf8'));
    const problems: string[] = [];
    for (const p of pages) {
      const meta = pagePolicy(readFileSync(join(outDir, p.file), 'utf8'))!;
      const sent = headerPoliciesFor(rules, `${base}${p.route}`, host).map((h) => canonicalPolicy(h, ['frame-ancestors']));
      if (sent.length !== 1 || !sent.includes(meta)) problems.push(`${base}${p.route}: header policies [${sent.join(' | ')}] do not include the meta policy`);
    }
    expect(problems.join('\n')).toBe('');
  });

  it.each(HEADER_HOSTS)('the host header file lets anyone frame an embed and nobody frame the rest (%s)', (host) => {
    const rules = parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8'));
    // Embed units are framed by newsrooms; the gallery (embed/) is a page like the others.
    const problems = pages.flatMap((p) => framingProblems(rules, `${base}${p.route}`, isEmbedRoute(p.route) && editionRoute(p.route) !== 'embed/', host));
    expect(problems.join('\n')).toBe('');
  });
});
