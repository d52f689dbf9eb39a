/**
 * Shrinks the SVG that Skia (@napi-rs/canvas) writes for a Chart.js drawing, so each static
 * image stays under 12 KB compressed.
 *
 * With text converted to outlines, most of the file is glyph paths written in absolute
 * coordinates with eight significant digits. Rounding to 0.1 px (invisible at 1×) and
 * rewriting every path in relative commands makes each glyph's outline the same string
 * wherever it appears, which is what brotli and gzip feed on. Skia also leaves empty clip
 * groups and transparent rectangles, and numbers its clip ids with a per-process counter;
 * those are dropped or renumbered so the bytes depend only on the drawing.
 */

const NUM = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;

/** Tenths, as an integer, so relative steps are exact and never drift. */
const tenths = (s: string) => Math.round(Number(s) * 10);
/** Integer tenths → shortest decimal text: 15 → '1.5', -3 → '-.3', 20 → '2'. */
function num(t: number): string {
  if (t === 0) return '0';
  const sign = t < 0 ? '-' : '';
  const a = Math.abs(t);
  const int = Math.floor(a / 10);
  const frac = a % 10;
  return `${sign}${int === 0 && frac ? '' : int}${frac ? `.${frac}` : ''}`;
}

/** Joins numbers with the fewest separators: a minus sign or a leading '.' already separates. */
function joinNums(nums: string[]): string {
  let out = '';
  for (const n of nums) {
    if (!out || n.startsWith('-') || (n.startsWith('.') && /\.\d*$/.test(out))) out += n;
    else out += ` ${n}`;
  }
  return out;
}

const ARITY: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, Q: 4, C: 6, S: 4, T: 2, Z: 0 };

/**
 * Absolute path data → relative path data with coordinates in tenths of a pixel. Handles the
 * commands Skia writes (M L H V Q C S T Z, absolute). Anything else (arcs, relative input) is
 * only rounded, never misread.
 */
export function relativePath(d: string): string {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? [];
  if (tokens.some((tok) => /^[a-zA]$/.test(tok))) {
    return d.replace(NUM, (m) => num(tenths(m)));
  }
  let out = '';
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  let i = 0;
  while (i < tokens.length) {
    const cmd = tokens[i++]!;
    const arity = ARITY[cmd];
    if (arity === undefined) return d;
    if (cmd === 'Z') {
      out += 'z';
      cx = sx;
      cy = sy;
      continue;
    }
    // A command letter may be followed by several coordinate groups.
    const groups: number[][] = [];
    while (i < tokens.length && !/[A-Za-z]/.test(tokens[i]!)) {
      const args = tokens.slice(i, i + arity).map(tenths);
      i += arity;
      if (cmd === 'H') {
        groups.push([args[0]! - cx]);
        cx = args[0]!;
      } else if (cmd === 'V') {
        groups.push([args[0]! - cy]);
        cy = args[0]!;
      } else {
        groups.push(args.map((v, k) => v - (k % 2 === 0 ? cx : cy)));
        cx = args[arity - 2]!;
        cy = args[arity - 1]!;
      }
      if (cmd === 'M' && groups.length === 1) {
        sx = cx;
        sy = cy;
      }
    }
    if (!groups.length) continue;
    if (cmd === 'M') {
      // After the first pair, further M pairs are implicit line-tos (SVG spec).
      out += `m${joinNums(groups[0]!.map(num))}`;
      if (groups.length > 1) out += `l${joinNums(groups.slice(1).flat().map(num))}`;
    } else {
      out += cmd.toLowerCase() + joinNums(groups.flat().map(num));
    }
  }
  return out;
}

/** Round every number in an attribute value to 0.01 (opacities, widths, transforms). */
const roundAttr = (v: string) => v.replace(NUM, (m) => String(Math.round(Number(m) * 100) / 100));

export function minifySvg(svg: string): string {
  let s = svg
    .replace(/<\?xml[^>]*\?>\s*/, '')
    .replace(/>\s+</g, '><')
    .trim();
  // Empty clip groups: a clipPath whose only user is an empty <g>.
  s = s.replace(/<clipPath id="([^"]+)">(?:(?!<\/clipPath>).)*<\/clipPath><g clip-path="url\(#\1\)"><\/g>/g, '');
  // Fully transparent rectangles paint nothing.
  s = s.replace(/<rect fill-opacity="0"[^>]*\/>/g, '');
  // Renumber ids in order of appearance: Skia names clips with a per-process counter (cl_3,
  // cl_a…), so without this the bytes would depend on what else the process drew.
  const ids = new Map<string, string>();
  s = s.replace(/ id="([^"]+)"/g, (_m, id: string) => {
    if (!ids.has(id)) ids.set(id, `c${ids.size}`);
    return ` id="${ids.get(id)}"`;
  });
  s = s.replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : m));
  s = s.replace(/ d="([^"]*)"/g, (_m, d: string) => ` d="${relativePath(d)}"`);
  s = s.replace(/ (x|y|width|height|stroke-width|stroke-opacity|fill-opacity|opacity|stroke-miterlimit|transform|x1|x2|y1|y2)="([^"]*)"/g,
    (_m, name: string, v: string) => ` ${name}="${roundAttr(v)}"`);
  // stroke-miterlimit="10" is a leftover canvas default with no effect on straight lines.
  s = s.replace(/ stroke-miterlimit="10"/g, '');
  return s;
}
