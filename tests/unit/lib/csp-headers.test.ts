import { describe, expect, it } from 'vitest';
import { CSP_BLOCK_START, cspHeaderBlock, extractCspMeta, withCspBlock } from '../../../src/lib/csp-headers';

const policy = "default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc=';";

describe('extractCspMeta', () => {
  it('reads the policy Astro writes, whatever the attribute order and quoting', () => {
    expect(extractCspMeta(`<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}"></head>`)).toBe(policy);
    expect(extractCspMeta(`<meta content="a 'self'" http-equiv="Content-Security-Policy">`)).toBe("a 'self'");
    expect(extractCspMeta(`<meta http-equiv=content-security-policy content='a &amp; b'>`)).toBe('a & b');
  });
  it('returns undefined without one', () => {
    expect(extractCspMeta('<meta name="description" content="x">')).toBeUndefined();
  });
});

describe('cspHeaderBlock', () => {
  it('writes one site-wide rule under the base when every page shares the policy', () => {
    const block = cspHeaderBlock([{ route: '', policy }, { route: 'sources/', policy }], '/interactives/x/');
    expect(block).toBe(`${CSP_BLOCK_START}\n/interactives/x/*\n  Content-Security-Policy: ${policy}\n`);
  });
  it('writes one exact rule per page when policies differ, so no two CSP rules match one path', () => {
    const block = cspHeaderBlock([{ route: 'b/', policy: "default-src 'none'" }, { route: '', policy }]);
    expect(block.split('\n').filter((l) => !l.startsWith(' ') && !l.startsWith('#') && l)).toEqual(['/', '/b/']);
  });
  it('keeps header values on one line', () => {
    expect(cspHeaderBlock([{ route: '', policy: "default-src\n  'self'" }])).toContain("Content-Security-Policy: default-src 'self'\n");
  });
});

describe('withCspBlock', () => {
  it('appends after the framing rules and replaces an earlier block', () => {
    const framing = '/embed/*\n  X-Frame-Options: ALLOWALL\n';
    const once = withCspBlock(framing, 'BLOCK1\n');
    expect(once).toBe('/embed/*\n  X-Frame-Options: ALLOWALL\n\nBLOCK1\n');
    expect(withCspBlock(`${framing}\n${CSP_BLOCK_START}\nold\n`, `${CSP_BLOCK_START}\nnew\n`)).toBe(`${framing}\n${CSP_BLOCK_START}\nnew\n`);
    expect(withCspBlock('', 'B\n')).toBe('B\n');
  });
});

