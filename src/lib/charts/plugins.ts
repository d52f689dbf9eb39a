/**
 * Two small Chart.js plugins used both at build time (static images) and in the browser:
 * a group legend and the value printed at the end of each bar. They replace Chart.js's own
 * Legend plugin (about 2.4 KB brotli) and a data-labels plugin, keeping the browser chunk
 * inside its 50 KB budget, and they make the static image readable on its own (in a feed, a
 * social card or a download) without tooltips.
 */
import { layouts, type Chart, type ChartArea, type LayoutItem, type Plugin } from 'chart.js';
import { wrapToWidth } from './text';

export interface LegendItem {
  label: string;
  color: string;
}

export interface TextStyle {
  color: string;
  family: string;
  size: number;
}

const SWATCH = 12;
const GAP = 8;
const ITEM_GAP = 18;
const LINE = 20;

/** A full-width box above the plot, laid out by Chart.js like its own legend. */
class GroupLegend implements LayoutItem {
  position = 'top' as const;
  weight = 1000;
  fullSize = true;
  /** Read by Chart.js's layout (stacking of boxes); empty means "not stacked". */
  options = {};
  width = 0;
  height = 0;
  left = 0;
  top = 0;
  right = 0;
  bottom = 0;
  private lines: { item: LegendItem; x: number; width: number }[][] = [];
  // Plain fields, not parameter properties: Node's type stripping runs this file too (src/cli/build.ts).
  private chart: Chart;
  private items: LegendItem[];
  private text: TextStyle;

  constructor(chart: Chart, items: LegendItem[], text: TextStyle) {
    this.chart = chart;
    this.items = items;
    this.text = text;
  }

  isHorizontal() {
    return true;
  }

  update(maxWidth: number) {
    const ctx = this.chart.ctx;
    ctx.save();
    ctx.font = `${this.text.size}px ${this.text.family}`;
    this.lines = [[]];
    let x = 0;
    for (const item of this.items) {
      const width = SWATCH + GAP + ctx.measureText(item.label).width;
      if (x > 0 && x + width > maxWidth) {
        this.lines.push([]);
        x = 0;
      }
      this.lines.at(-1)!.push({ item, x, width });
      x += width + ITEM_GAP;
    }
    ctx.restore();
    this.width = maxWidth;
    this.height = this.lines.length * LINE + 8;
  }

  draw(_area: ChartArea) {
    const ctx = this.chart.ctx;
    ctx.save();
    ctx.font = `${this.text.size}px ${this.text.family}`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    this.lines.forEach((line, i) => {
      const y = this.top + i * LINE + LINE / 2;
      for (const { item, x } of line) {
        const left = this.left + x;
        ctx.fillStyle = item.color;
        ctx.fillRect(left, y - SWATCH / 2, SWATCH, SWATCH);
        ctx.fillStyle = this.text.color;
        ctx.fillText(item.label, left + SWATCH + GAP, y);
      }
    });
    ctx.restore();
  }
}

/** The legend, or nothing when a chart has a single group. */
export function groupLegendPlugin(items: LegendItem[], text: TextStyle): Plugin<'bar'> {
  let box: GroupLegend | undefined;
  return {
    id: 'exGroupLegend',
    start(chart) {
      if (items.length < 2) return;
      box = new GroupLegend(chart as unknown as Chart, items, text);
      layouts.addBox(chart, box);
    },
    stop(chart) {
      if (box) layouts.removeBox(chart, box);
    },
  };
}

/**
 * Writes `labels[i]` just past the end of bar i (to the right of a horizontal bar). A label
 * that would run off the canvas (a long bar on a narrow screen) goes back over the end of its
 * bar instead, never left of the plot (so never onto the axis labels), drawn in the text
 * colour with a halo of `halo` (the background) so it reads over the bar and beside it.
 */
export function valueLabelsPlugin(labels: string[], text: TextStyle, halo: string): Plugin<'bar'> {
  return {
    id: 'exValueLabels',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `600 ${text.size}px ${text.family}`;
      ctx.fillStyle = text.color;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      // One label per row, past whichever of the row's bars ends furthest right.
      const ends = new Map<number, { x: number; y: number }>();
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        meta.data.forEach((bar, i) => {
          if (dataset.data[i] === null || dataset.data[i] === undefined) return;
          const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
          if (!ends.has(i) || x > ends.get(i)!.x) ends.set(i, { x, y });
        });
      });
      for (const [i, { x, y }] of ends) {
        const label = labels[i] ?? '';
        const width = ctx.measureText(label).width;
        if (x + 6 + width <= chart.width - 2) {
          ctx.textAlign = 'left';
          ctx.fillText(label, x + 6, y);
        } else {
          const right = Math.max(Math.min(x - 6, chart.width - 2), chart.chartArea.left + 4 + width);
          ctx.textAlign = 'right';
          ctx.strokeStyle = halo;
          ctx.lineWidth = 4;
          ctx.lineJoin = 'round';
          ctx.strokeText(label, right, y);
          ctx.fillText(label, right, y);
        }
      }
      ctx.restore();
    },
  };
}

export interface TooltipText {
  title: string;
  body: string[];
}

/**
 * Draws a tooltip for the active bar (pointer hover, or the keyboard via setActiveElements).
 * It replaces Chart.js's Tooltip plugin (about 5 KB brotli), which is what keeps the browser
 * chunk under its 50 KB budget; the words are the same as the table row's (tooltipLines).
 */
export function tooltipPlugin(
  textFor: (datasetIndex: number, index: number) => TooltipText | undefined,
  style: { background: string; color: string; family: string; size: number },
): Plugin<'bar'> {
  return {
    id: 'exTooltip',
    afterDraw(chart) {
      const [active] = chart.getActiveElements();
      const text = active && textFor(active.datasetIndex, active.index);
      if (!active || !text) return;
      const { x, y } = active.element.getProps(['x', 'y'], true) as { x: number; y: number };
      const ctx = chart.ctx;
      const pad = 8;
      const line = style.size + 5;
      ctx.save();
      // Lines longer than the canvas allows are wrapped at spaces (narrow screens).
      const room = chart.width - 4 - pad * 2;
      const lines: { text: string; font: string }[] = [];
      [text.title, ...text.body].forEach((l, i) => {
        const font = `${i === 0 ? '600 ' : ''}${style.size}px ${style.family}`;
        ctx.font = font;
        let current = '';
        for (const word of l.split(' ')) {
          const next = current ? `${current} ${word}` : word;
          if (current && ctx.measureText(next).width > room) {
            lines.push({ text: current, font });
            current = word;
          } else current = next;
        }
        lines.push({ text: current, font });
      });
      const width = Math.max(...lines.map((l) => ((ctx.font = l.font), ctx.measureText(l.text).width))) + pad * 2;
      const height = lines.length * line + pad * 2 - 5;
      // Right of the bar's end when it fits, otherwise left of it; always inside the canvas.
      let left = x + 10;
      if (left + width > chart.width - 2) left = Math.max(2, x - 10 - width);
      const top = Math.min(Math.max(2, y - height / 2), chart.height - height - 2);
      ctx.fillStyle = style.background;
      ctx.beginPath();
      ctx.roundRect(left, top, width, height, 4);
      ctx.fill();
      ctx.fillStyle = style.color;
      ctx.textBaseline = 'top';
      ctx.textAlign = 'left';
      lines.forEach((l, i) => {
        ctx.font = l.font;
        ctx.fillText(l.text, left + pad, top + pad + i * line);
      });
      ctx.restore();
    },
  };
}

export interface PartLabel {
  /** end: the whole, right-aligned at its end, top line. bracket: a parent of parts, a line
   * over its span with its label left-aligned above. part: under its segment, name then value.
   * rest: the part of the whole no part covers, named inside its own (light) stretch of the bar. */
  kind: 'end' | 'bracket' | 'part' | 'rest';
  text: string;
  value?: string;
  /** Data values along the axis. */
  start: number;
  end: number;
}

/**
 * Direct labels for a part-to-whole bar: the whole's label at its end (right-aligned, top
 * line), each parent of parts bracketed above its span (second line), and each part's name and
 * value under its own segment, wrapped to the room before the next part, so no two labels
 * share a line and a part's words never run into its neighbour's.
 */
export function partLabelsPlugin(labels: PartLabel[], style: TextStyle & { muted: string; bar: number }): Plugin<'bar'> {
  return {
    id: 'exPartLabels',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const x = chart.scales.x!;
      const meta = chart.getDatasetMeta(0);
      const barY = (meta.data[0]?.getProps(['y'], true) as { y: number } | undefined)?.y ?? 0;
      const top = barY - style.bar / 2;
      const bottom = barY + style.bar / 2;
      const line = Math.round(style.size * 1.3);
      ctx.save();
      ctx.textBaseline = 'alphabetic';
      const parts = labels.filter((l) => l.kind === 'part').sort((a, b) => a.start - b.start);
      for (const l of labels) {
        const left = x.getPixelForValue(l.start);
        const right = x.getPixelForValue(l.end);
        if (l.kind === 'end') {
          // Right-aligned over the whole's end; on a narrow chart a long label (a translation is
          // often longer) is set smaller until it fits left of that end, never cut at the edge.
          let size = style.size;
          ctx.font = `600 ${size}px ${style.family}`;
          while (size > 9 && ctx.measureText(l.text).width > right - 2) ctx.font = `600 ${--size}px ${style.family}`;
          ctx.fillStyle = style.color;
          ctx.textAlign = 'right';
          ctx.fillText(l.text, Math.max(right, ctx.measureText(l.text).width + 2), top - 10 - line - 4);
        } else if (l.kind === 'bracket') {
          ctx.strokeStyle = style.color;
          ctx.lineWidth = 1;
          ctx.beginPath();
          ctx.moveTo(left + 0.5, top - 3);
          ctx.lineTo(left + 0.5, top - 8);
          ctx.lineTo(right - 0.5, top - 8);
          ctx.lineTo(right - 0.5, top - 3);
          ctx.stroke();
          ctx.font = `600 ${style.size}px ${style.family}`;
          ctx.fillStyle = style.color;
          ctx.textAlign = 'left';
          ctx.fillText(l.text, left, top - 12);
        } else if (l.kind === 'part') {
          const next = parts[parts.indexOf(l) + 1];
          const room = (next ? x.getPixelForValue(next.start) : chart.chartArea.right) - left - 8;
          ctx.font = `${style.size}px ${style.family}`;
          ctx.fillStyle = style.color;
          ctx.textAlign = 'left';
          const lines = wrapToWidth(ctx, l.text, room);
          lines.forEach((text, i) => ctx.fillText(text, left + 2, bottom + 4 + line * (i + 1) - 4));
          ctx.font = `600 ${style.size}px ${style.family}`;
          ctx.fillText(l.value ?? '', left + 2, bottom + 4 + line * (lines.length + 1) - 4);
        } else if (l.kind === 'rest') {
          // Inside the bar, so the part labels under it keep the room they had: at most two
          // lines, which the bar's height holds; if it needs more, it is left to the chart's note.
          ctx.font = `${style.size}px ${style.family}`;
          ctx.fillStyle = style.color;
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          const lines = wrapToWidth(ctx, l.text, right - left - 12);
          const fits = lines.length <= 2 && lines.every((t) => ctx.measureText(t).width <= right - left - 12);
          if (fits) lines.forEach((t, i) => ctx.fillText(t, left + 6, barY + (i - (lines.length - 1) / 2) * line));
          ctx.textBaseline = 'alphabetic';
        }
      }
      ctx.restore();
    },
  };
}
