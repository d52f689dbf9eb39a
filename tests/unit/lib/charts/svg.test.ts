import { describe, expect, it } from 'vitest';
import { minifySvg, relativePath } from '../../../../src/lib/charts/svg';

/** Absolute points a path visits (end points of each segment), from absolute or relative data. */
function points(d: string): [number, number][] {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  const arity: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, q: 4, c: 6, z: 0 };
  const out: [number, number][] = [];
  let x = 0, y = 0, sx = 0, sy = 0, i = 0, cmd = '';
  while (i < tokens.length) {
    if (/[A-Za-z]/.test(tokens[i]!)) cmd = tokens[i++]!;
    const rel = cmd === cmd.toLowerCase();
    const c = cmd.toLowerCase();
    if (c === 'z') { x = sx; y = sy; out.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10]); continue; }
    const args = tokens.slice(i, i + arity[c]!).map(Number);
    i += arity[c]!;
    if (c === 'h') x = (rel ? x : 0) + args[0]!;
    else if (c === 'v') y = (rel ? y : 0) + args[0]!;
    else { const n = args.length; x = (rel ? x : 0) + args[n - 2]!; y = (rel ? y : 0) + args[n - 1]!; }
    if (c === 'm') { sx = x; sy = y; if (cmd === 'm') cmd = 'l'; else cmd = 'L'; }
    out.push([Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
  }
  return out;
}

describe('relativePath', () => {
  it('visits the same points, to 0.1 px, in relative commands', () => {
    const d = 'M-139.98633 3.609375L-139.98633 -5.1210938Q-135.97852 -5.1210938 -135.31934 -4.7724609L-130 2ZM10 10L20 20L30 10Z';
    const rel = relativePath(d);
    expect(rel).toMatch(/^m/);
    expect(rel).not.toMatch(/[MLQ]/);
    expect(points(rel)).toEqual(points(d));
  });

  it('writes a repeated glyph the same way wherever it sits', () => {
    const glyph = (ox: number) => `M${ox} 0L${ox + 4.25} 0L${ox + 4.25} 9.5Q${ox + 2} 12 ${ox} 9.5Z`;
    const body = (d: string) => d.replace(/^m[^lqz]*/, '');
    expect(body(relativePath(glyph(10)))).toBe(body(relativePath(glyph(317.5))));
  });

  it('handles implicit repeats and H/V, and leaves arcs only rounded', () => {
    expect(points(relativePath('M0 0 10 0 10 10H0V5Z'))).toEqual(points('M0 0L10 0L10 10L0 10L0 5Z'));
    expect(relativePath('M0 0A5 5 0 0 1 10.123 10Z')).toBe('M0 0A5 5 0 0 1 10.1 10Z');
  });
});

describe('minifySvg', () => {
  const skia = `<?xml version="1.0" encoding="utf-8" ?>
<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360">
	<rect fill-opacity="0" width="640" height="360"/>
	<clipPath id="cl_13">
		<rect width="155.04102" height="360"/>
	</clipPath>
	<g clip-path="url(#cl_13)">
	</g>
	<clipPath id="cl_14">
		<rect x="155.04102" y="10.2" width="476.50732" height="304.12878"/>
	</clipPath>
	<g clip-path="url(#cl_14)">
		<path fill="#0B57B0" stroke-opacity="0.10196079" stroke-miterlimit="10" d="M156 10.5L631.54834 10.5"/>
	</g>
</svg>`;
  const out = minifySvg(skia);

  it('drops the XML prologue, whitespace, transparent rects and empty clip groups', () => {
    expect(out.startsWith('<svg')).toBe(true);
    expect(out).not.toMatch(/>\s+</);
    expect(out).not.toContain('fill-opacity="0"');
    expect(out.match(/<clipPath/g)).toHaveLength(1);
  });

  it('renumbers clip ids so bytes do not depend on what else the process drew', () => {
    expect(out).toContain('<clipPath id="c0">');
    expect(out).toContain('clip-path="url(#c0)"');
    expect(minifySvg(skia.replaceAll('cl_14', 'cl_9f'))).toBe(out);
  });

  it('rounds attributes and path data', () => {
    expect(out).toContain('x="155.04"');
    expect(out).toContain('stroke-opacity="0.1"');
    expect(out).toContain('d="m156 10.5l475.5 0"');
    expect(out).not.toContain('stroke-miterlimit');
  });
});
