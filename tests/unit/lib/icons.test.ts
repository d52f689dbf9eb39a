import { describe, expect, it } from 'vitest';
import { ICON_FILES, INLINE_ICON_MAX_BYTES, svgIconHref } from '../../../src/lib/icons';

const logo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\n  <rect width="32" height="32" fill="#0b57b0"/>\n</svg>\n`;

describe('svgIconHref', () => {
  it('writes a small SVG logo inline as a data: URL that decodes to the same drawing', () => {
    const href = svgIconHref(logo, '/')!;
    expect(href.startsWith('data:image/svg+xml,')).toBe(true);
    expect(href).not.toMatch(/[#<>"\s]/);
    expect(decodeURIComponent(href.slice('data:image/svg+xml,'.length))).toBe(logo.trim().replace(/\s+/g, ' '));
  });

  it('links the favicon file under the base when the logo is larger than the limit', () => {
    const big = logo.replace('</svg>', `<desc>${'x'.repeat(INLINE_ICON_MAX_BYTES)}</desc></svg>`);
    expect(svgIconHref(big, '/sub/')).toBe(`/sub/${ICON_FILES.svg}`);
  });

  it('has no SVG icon when the logo is a PNG', () => {
    expect(svgIconHref(undefined, '/')).toBeUndefined();
  });
});
