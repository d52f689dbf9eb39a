/**
 * A canvas that writes SVG: the small part of the Canvas 2D API that Chart.js and our plugins
 * use (rectangles, lines, paths, clips, text), recorded as SVG elements. Text stays text: each
 * fillText becomes a <text> element in the page's font (PAGE_FONT), anchored the way the
 * drawing aligned it (start, middle, end), so a slightly wider or narrower system face grows
 * away from its anchor and never into its neighbour.
 *
 * Layout is measured with the build's image font (Inter, via `measure`), widened by
 * MEASURE_MARGIN so that boxes sized from it still hold the text in a somewhat wider face.
 * Pure apart from the measure function it is given; the output depends only on the drawing.
 */

/** Room kept for a system face wider than Inter (Segoe UI and Roboto run 0–5% wider). */
export const MEASURE_MARGIN = 1.08;

/** Width of a text, and how far the alphabetic baseline lies from the given baseline (Skia's sign: below is negative). */
export type Measure = (text: string, font: string, baseline?: CanvasTextBaseline) => { width: number; alphabeticBaseline: number };

type Matrix = [number, number, number, number, number, number];

interface State {
  matrix: Matrix;
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  lineDash: number[];
  lineDashOffset: number;
  globalAlpha: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  clip?: string;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Numbers to one decimal, without trailing zeros: 12.50 → '12.5', 3.0 → '3'. */
const n = (v: number): string => {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** '#rrggbbaa' → fill colour and opacity, so every SVG reader understands it. */
function paint(color: string, alpha: number): { color: string; opacity: number } {
  const m = /^#([0-9a-f]{6})([0-9a-f]{2})$/i.exec(color);
  if (m) return { color: `#${m[1]}`, opacity: (parseInt(m[2]!, 16) / 255) * alpha };
  return { color, opacity: alpha };
}

/** '600 13px Family, Other' → weight and size. */
function parseFont(font: string): { weight: string; size: number } {
  const m = /(?:(normal|bold|[1-9]00)\s+)?(\d+(?:\.\d+)?)px/.exec(font);
  return { weight: m?.[1] === 'bold' ? '700' : (m?.[1] ?? '400'), size: m ? Number(m[2]) : 10 };
}

const ANCHOR: Record<string, string> = { left: 'start', start: 'start', center: 'middle', right: 'end', end: 'end' };

export class SvgContext {
  private state: State = {
    matrix: IDENTITY,
    fillStyle: '#000000',
    strokeStyle: '#000000',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    lineDash: [],
    lineDashOffset: 0,
    globalAlpha: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
  };
  private stack: State[] = [];
  private path: string[] = [];
  private body: string[] = [];
  private defs: string[] = [];
  private clips = new Map<string, string>();
  /** Every text drawn, in device pixels, for tests and overlap checks. */
  readonly texts: { text: string; x: number; y: number; anchor: string; size: number; weight: string }[] = [];
  readonly canvas: { width: number; height: number; style: Record<string, string>; getContext: () => SvgContext };

  // Plain fields, not parameter properties: Node's type stripping runs this file too (src/cli/build.ts).
  private measure: Measure;
  private fontFamily: string;

  constructor(width: number, height: number, measure: Measure, fontFamily: string) {
    this.measure = measure;
    this.fontFamily = fontFamily;
    this.canvas = { width, height, style: {}, getContext: () => this };
  }

  // ── state ──────────────────────────────────────────────────────────────────────────────
  save() {
    this.stack.push({ ...this.state, lineDash: [...this.state.lineDash] });
  }
  restore() {
    const s = this.stack.pop();
    if (s) this.state = s;
  }
  get fillStyle() {
    return this.state.fillStyle;
  }
  set fillStyle(v: string) {
    this.state.fillStyle = String(v);
  }
  get strokeStyle() {
    return this.state.strokeStyle;
  }
  set strokeStyle(v: string) {
    this.state.strokeStyle = String(v);
  }
  get lineWidth() {
    return this.state.lineWidth;
  }
  set lineWidth(v: number) {
    this.state.lineWidth = v;
  }
  get lineCap() {
    return this.state.lineCap;
  }
  set lineCap(v: string) {
    this.state.lineCap = v;
  }
  get lineJoin() {
    return this.state.lineJoin;
  }
  set lineJoin(v: string) {
    this.state.lineJoin = v;
  }
  get lineDashOffset() {
    return this.state.lineDashOffset;
  }
  set lineDashOffset(v: number) {
    this.state.lineDashOffset = v;
  }
  get globalAlpha() {
    return this.state.globalAlpha;
  }
  set globalAlpha(v: number) {
    this.state.globalAlpha = v;
  }
  get font() {
    return this.state.font;
  }
  set font(v: string) {
    this.state.font = v;
  }
  get textAlign() {
    return this.state.textAlign;
  }
  set textAlign(v: CanvasTextAlign) {
    this.state.textAlign = v;
  }
  get textBaseline() {
    return this.state.textBaseline;
  }
  set textBaseline(v: CanvasTextBaseline) {
    this.state.textBaseline = v;
  }
  setLineDash(d: number[]) {
    this.state.lineDash = [...d];
  }
  getLineDash() {
    return [...this.state.lineDash];
  }

  // ── transforms ─────────────────────────────────────────────────────────────────────────
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number) {
    this.state.matrix = [a, b, c, d, e, f];
  }
  resetTransform() {
    this.state.matrix = IDENTITY;
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number) {
    this.state.matrix = multiply(this.state.matrix, [a, b, c, d, e, f]);
  }
  translate(x: number, y: number) {
    this.transform(1, 0, 0, 1, x, y);
  }
  scale(x: number, y: number) {
    this.transform(x, 0, 0, y, 0, 0);
  }
  rotate(angle: number) {
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    this.transform(c, s, -s, c, 0, 0);
  }
  private point(x: number, y: number): [number, number] {
    const m = this.state.matrix;
    return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  }
  /** How much the current transform scales lengths (uniform scales only, as Chart.js uses). */
  private get scaleFactor() {
    const m = this.state.matrix;
    return Math.hypot(m[0], m[1]);
  }

  // ── paths ──────────────────────────────────────────────────────────────────────────────
  beginPath() {
    this.path = [];
  }
  moveTo(x: number, y: number) {
    const [a, b] = this.point(x, y);
    this.path.push(`M${n(a)} ${n(b)}`);
  }
  lineTo(x: number, y: number) {
    const [a, b] = this.point(x, y);
    // Map outlines have many points closer than the 0.1 px the file keeps: write each once.
    const cmd = `L${n(a)} ${n(b)}`;
    const last = this.path.at(-1);
    if (last && last.slice(1) === cmd.slice(1)) return;
    this.path.push(cmd);
  }
  quadraticCurveTo(cx: number, cy: number, x: number, y: number) {
    const [a, b] = this.point(cx, cy);
    const [c, d] = this.point(x, y);
    this.path.push(`Q${n(a)} ${n(b)} ${n(c)} ${n(d)}`);
  }
  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number) {
    const p = [this.point(c1x, c1y), this.point(c2x, c2y), this.point(x, y)].flat();
    this.path.push(`C${p.map(n).join(' ')}`);
  }
  closePath() {
    this.path.push('Z');
  }
  rect(x: number, y: number, w: number, h: number) {
    this.moveTo(x, y);
    this.lineTo(x + w, y);
    this.lineTo(x + w, y + h);
    this.lineTo(x, y + h);
    this.closePath();
  }
  roundRect(x: number, y: number, w: number, h: number) {
    this.rect(x, y, w, h);
  }
  arc(x: number, y: number, r: number, start: number, end: number) {
    // Only whole circles are drawn (points); approximate with two arcs through the transform.
    const [cx, cy] = this.point(x, y);
    const rr = r * this.scaleFactor;
    if (Math.abs(end - start) >= Math.PI * 2 - 1e-6) {
      this.path.push(`M${n(cx - rr)} ${n(cy)}A${n(rr)} ${n(rr)} 0 1 0 ${n(cx + rr)} ${n(cy)}A${n(rr)} ${n(rr)} 0 1 0 ${n(cx - rr)} ${n(cy)}Z`);
    }
  }

  private attrs(list: Record<string, string | number | undefined>): string {
    return Object.entries(list)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => ` ${k}="${v}"`)
      .join('');
  }
  private clipAttr() {
    return this.state.clip ? { 'clip-path': `url(#${this.state.clip})` } : {};
  }
  private fillAttrs() {
    const { color, opacity } = paint(this.state.fillStyle, this.state.globalAlpha);
    return { fill: color, 'fill-opacity': opacity < 1 ? String(Math.round(opacity * 100) / 100) : undefined };
  }

  /** A path that is one axis-aligned rectangle becomes <rect> (shorter, and easy to test). */
  private asRect(d: string): { x: number; y: number; width: number; height: number } | undefined {
    const m = /^M(-?[\d.]+) (-?[\d.]+)L(-?[\d.]+) (-?[\d.]+)L(-?[\d.]+) (-?[\d.]+)L(-?[\d.]+) (-?[\d.]+)Z$/.exec(d);
    if (!m) return undefined;
    const v = m.slice(1).map(Number);
    const [x0, y0, x1, y1, x2, y2, x3, y3] = v as [number, number, number, number, number, number, number, number];
    if (y0 !== y1 || x1 !== x2 || y2 !== y3 || x3 !== x0) return undefined;
    return { x: Math.min(x0, x1), y: Math.min(y0, y2), width: Math.abs(x1 - x0), height: Math.abs(y2 - y0) };
  }

  fill() {
    const d = this.path.join('');
    if (!d) return;
    const fill = this.fillAttrs();
    if (fill['fill-opacity'] === '0') return;
    const r = this.asRect(d);
    if (r) {
      if (r.width === 0 || r.height === 0) return;
      this.body.push(`<rect${this.attrs({ x: n(r.x), y: n(r.y), width: n(r.width), height: n(r.height), ...fill, ...this.clipAttr() })}/>`);
    } else this.body.push(`<path${this.attrs({ d, ...fill, ...this.clipAttr() })}/>`);
  }
  stroke() {
    const d = this.path.join('');
    if (!d || this.state.lineWidth <= 0) return;
    const { color, opacity } = paint(this.state.strokeStyle, this.state.globalAlpha);
    if (opacity === 0) return;
    const s = this.scaleFactor;
    this.body.push(
      `<path${this.attrs({
        d,
        fill: 'none',
        stroke: color,
        'stroke-opacity': opacity < 1 ? String(Math.round(opacity * 100) / 100) : undefined,
        'stroke-width': n(this.state.lineWidth * s),
        'stroke-dasharray': this.state.lineDash.length ? this.state.lineDash.map((x) => n(x * s)).join(' ') : undefined,
        'stroke-linecap': this.state.lineCap !== 'butt' ? this.state.lineCap : undefined,
        ...this.clipAttr(),
      })}/>`,
    );
  }
  fillRect(x: number, y: number, w: number, h: number) {
    const saved = this.path;
    this.path = [];
    this.rect(x, y, w, h);
    this.fill();
    this.path = saved;
  }
  strokeRect(x: number, y: number, w: number, h: number) {
    const saved = this.path;
    this.path = [];
    this.rect(x, y, w, h);
    this.stroke();
    this.path = saved;
  }
  /** The canvas starts transparent; clearing paints nothing in SVG. */
  clearRect() {}
  clip() {
    // Chart.js clips each dataset to the same chart area: one clipPath per distinct shape.
    const d = this.path.join('');
    let id = this.clips.get(d);
    if (!id) {
      id = `c${this.clips.size}`;
      this.clips.set(d, id);
      this.defs.push(`<clipPath id="${id}"><path d="${d}"/></clipPath>`);
    }
    this.state.clip = id;
  }

  // ── text ───────────────────────────────────────────────────────────────────────────────
  measureText(text: string): { width: number; actualBoundingBoxAscent: number; actualBoundingBoxDescent: number } {
    const m = this.measure(text, this.state.font);
    const { size } = parseFont(this.state.font);
    return { width: m.width * MEASURE_MARGIN, actualBoundingBoxAscent: size * 0.75, actualBoundingBoxDescent: size * 0.25 };
  }
  /** A halo: the outline of a text in the stroke colour, painted under the fill that follows. */
  strokeText(text: string, x: number, y: number) {
    this.textElement(text, x, y, { stroke: true });
  }
  fillText(text: string, x: number, y: number) {
    this.textElement(text, x, y, { stroke: false });
  }
  private textElement(text: string, x: number, y: number, { stroke }: { stroke: boolean }) {
    if (!text) return;
    // SVG has no "middle" or "top" baseline every reader agrees on, so the text moves to the
    // alphabetic baseline, measured in the image font (the same for any text of that font).
    const shift = this.state.textBaseline === 'alphabetic' ? 0 : -this.measure('Hg', this.state.font, this.state.textBaseline).alphabeticBaseline;
    const [px, py] = this.point(x, y + shift);
    const { weight, size } = parseFont(this.state.font);
    const s = size * this.scaleFactor;
    const anchor = ANCHOR[this.state.textAlign] ?? 'start';
    const { color, opacity } = paint(stroke ? this.state.strokeStyle : this.state.fillStyle, this.state.globalAlpha);
    if (!stroke) this.texts.push({ text, x: px, y: py, anchor, size: s, weight });
    const paintAttrs = stroke
      ? { fill: 'none', stroke: color, 'stroke-width': n(this.state.lineWidth * this.scaleFactor), 'stroke-linejoin': 'round', 'aria-hidden': 'true' }
      : { fill: color, 'fill-opacity': opacity < 1 ? String(Math.round(opacity * 100) / 100) : undefined };
    this.body.push(
      `<text${this.attrs({
        x: n(px),
        y: n(py),
        'font-size': s !== this.baseSize ? n(s) : undefined,
        'font-weight': weight !== '400' ? weight : undefined,
        'text-anchor': anchor !== 'start' ? anchor : undefined,
        ...paintAttrs,
        ...this.clipAttr(),
      })}>${escapeXml(text)}</text>`,
    );
  }
  drawImage() {
    throw new Error('SvgContext: images are not supported in SVG charts');
  }
  /** Font size written on the root element; texts of another size say theirs. */
  baseSize = 13;

  /** The finished SVG document. */
  toSvg(): string {
    const { width, height } = this.canvas;
    const w = width;
    const h = height;
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${escapeXml(this.fontFamily)}" font-size="${n(this.baseSize)}">` +
      (this.defs.length ? `<defs>${this.defs.join('')}</defs>` : '') +
      this.body.join('') +
      '</svg>'
    );
  }
}
