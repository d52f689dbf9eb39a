/**
 * Two small Chart.js plugins used both at build time (static images) and in the browser:
 * a group legend and the value printed at the end of each bar. They replace Chart.js's own
 * Legend plugin (about 2.4 KB brotli) and a data-labels plugin, keeping the browser chunk
 * inside its 50 KB budget, and they make the static image readable on its own (in a feed, a
 * social card or a download) without tooltips.
 */
import { layouts, type Chart, type ChartArea, type LayoutItem, type Plugin } from 'chart.js';

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
  width = 0;
  height = 0;
  left = 0;
  top = 0;
  right = 0;
  bottom = 0;
  private lines: { item: LegendItem; x: number; width: number }[][] = [];

  constructor(
    private chart: Chart,
    private items: LegendItem[],
    private text: TextStyle,
  ) {}

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
 * Writes `labels[i]` just past the end of bar i (to the right of a horizontal bar). The x axis
 * has `grace` so the longest label fits inside the plot.
 */
export function valueLabelsPlugin(labels: string[], text: TextStyle): Plugin<'bar'> {
  return {
    id: 'exValueLabels',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = `600 ${text.size}px ${text.family}`;
      ctx.fillStyle = text.color;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      chart.data.datasets.forEach((dataset, d) => {
        const meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        meta.data.forEach((bar, i) => {
          if (dataset.data[i] === null || dataset.data[i] === undefined) return;
          const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
          ctx.fillText(labels[i] ?? '', x + 6, y);
        });
      });
      ctx.restore();
    },
  };
}
