/**
 * The host header file's Content-Security-Policy, derived from the build: Astro writes each
 * page's policy into a <meta> (with hashes of its own scripts and styles that change with the
 * code), so the header cannot be written by hand. A header can do what a meta cannot (report,
 * frame-ancestors, sandbox) and also covers non-HTML responses; it must say the same as the meta,
 * or the browser enforces the stricter of the two and pages break only where a host reads it.
 * Pure: the integration (src/integrations/host-headers.ts) does the file work.
 */
import { normaliseBase } from './urls';

export interface PagePolicy {
  /** Site-relative route: '' for the home page, 'sources/', '404.html'. */
  route: string;
  policy: string;
}

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

/** Header values are one line; the meta's own spacing is kept otherwise. */
const oneLine = (policy: string) => policy.replace(/\s+/g, ' ').trim();

export const CSP_BLOCK_START = '# Content-Security-Policy: the same policy as each page\'s <meta>, written at build time by src/integrations/host-headers.ts';

/**
 * The `_headers` block (Netlify and Cloudflare Pages syntax) sending every page its policy:
 * one rule for the whole site when all pages share a policy (the usual case), otherwise one exact
 * rule per page, so that no two CSP rules ever match the same path.
 */
export function cspHeaderBlock(pages: PagePolicy[], base = '/'): string {
  const b = normaliseBase(base);
  const policies = new Set(pages.map((p) => oneLine(p.policy)));
  if (policies.size === 0) return '';
  const lines = [CSP_BLOCK_START];
  if (policies.size === 1) {
    lines.push(`${b}*`, `  Content-Security-Policy: ${[...policies][0]}`);
  } else {
    for (const p of [...pages].sort((x, y) => x.route.localeCompare(y.route))) lines.push(`${b}${p.route}`, `  Content-Security-Policy: ${oneLine(p.policy)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Appends the block to an existing header file (framing rules, caching), replacing an earlier block. */
export function withCspBlock(existing: string, block: string): string {
  const start = existing.indexOf(CSP_BLOCK_START);
  const kept = (start >= 0 ? existing.slice(0, start) : existing).trimEnd();
  return kept ? `${kept}\n\n${block}` : block;
}

