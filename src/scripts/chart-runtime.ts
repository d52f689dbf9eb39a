/**
 * The interactive chart, imported lazily by chart-element.ts: Chart.js with only what a bar
 * chart needs (tree-shaken: no chart.js/auto, no Legend, Title or Tooltip plugins; legend,
 * value labels and tooltip are our own small plugins in src/lib/charts/plugins.ts), plus the same configuration builder the build uses for the static images.
 *
 * The canvas is laid over the image inside the same reserved box (the image stays in the
 * layout, only hidden), so the swap moves nothing: CLS stays 0. Chart.js sizes the canvas
 * through the CSSOM, which a strict CSP allows (it forbids only style="" in markup).
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import type { Chart as ChartRecord } from '../lib/content/schemas/chart';
import { chartConfig, chartMarks, NARROW_MEDIA, tooltipLines, type ConfigOptions } from '../lib/charts/config';
import type { Mode } from '../lib/palette';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

/** What ChartFrame.astro puts in data-chart (JSON). */
export interface ChartPayload {
  chart: ChartRecord;
  /** Source id → publisher, for tooltips. */
  sourceNames: Record<string, string>;
  /** The brand's page colours per mode (house palette plus overrides), as the images use. */
  colours?: Partial<Record<Mode, ConfigOptions['colours']>>;
}

const media = (q: string) => window.matchMedia(q);

/** The page's theme: an embed may force one with data-theme on <html>; otherwise the reader's setting. */
function currentMode(): Mode {
  const forced = document.documentElement.dataset.theme;
  if (forced === 'light' || forced === 'dark') return forced;
  return media('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function mountChart(host: HTMLElement): { destroy(): void } {
  const payload = JSON.parse(host.dataset.chart ?? '{}') as ChartPayload;
  const box = host.querySelector<HTMLElement>('.chart-box')!;
  const img = box.querySelector('img');
  const live = host.querySelector<HTMLElement>('[data-chart-live]');
  const hint = host.querySelector<HTMLElement>('[data-chart-hint]');
  // What the arrow keys step through: each bar (a row) or, in a part-to-whole bar, each part.
  const marks = chartMarks(payload.chart);
  const sourceName = (id: string) => payload.sourceNames[id] ?? id;

  const wrap = document.createElement('div');
  wrap.className = 'chart-canvas';
  const canvas = document.createElement('canvas');
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', img?.alt ?? payload.chart.title);
  if (hint?.id) canvas.setAttribute('aria-describedby', hint.id);
  wrap.append(canvas);

  const motion = media('(prefers-reduced-motion: reduce)');
  const dark = media('(prefers-color-scheme: dark)');
  // The same query the <picture> uses, so the canvas takes the layout of the image it covers.
  const narrow = media(`screen and ${NARROW_MEDIA}`);
  let chart: Chart<'bar', (number | [number, number] | null)[], string[]> | undefined;
  let active = -1;

  const build = () => {
    chart?.destroy();
    const mode = currentMode();
    const config = chartConfig(
      payload.chart,
      mode,
      {
        fontFamily: getComputedStyle(host).fontFamily,
        responsive: true,
        animation: false,
        colours: payload.colours?.[mode],
        layout: narrow.matches ? 'narrow' : 'wide',
      },
      sourceName,
    );
    chart = new Chart(canvas, config);
    // The first frame is drawn at once, matching the image underneath; afterwards hover and
    // keyboard highlights ease in, unless the reader asks for reduced motion.
    if (!motion.matches) chart.options.animation = { duration: 200 };
    if (active >= 0) show(active);
  };

  /** Highlights mark i, shows its tooltip, and says it for screen readers. */
  const show = (i: number) => {
    if (!chart) return;
    active = i;
    const mark = marks[i]!;
    if (!chart.getDatasetMeta(mark.datasetIndex).data[mark.index]) return;
    chart.setActiveElements([{ datasetIndex: mark.datasetIndex, index: mark.index }]);
    chart.update();
    const lines = tooltipLines(mark.row, sourceName);
    if (live) live.textContent = `${lines.title}. ${lines.body.join('. ')}.`;
  };

  const clear = () => {
    active = -1;
    if (!chart) return;
    chart.setActiveElements([]);
    chart.update();
  };

  const onKey = (e: KeyboardEvent) => {
    const last = marks.length - 1;
    const next: Record<string, number> = {
      ArrowDown: Math.min(last, active + 1),
      ArrowRight: Math.min(last, active + 1),
      ArrowUp: Math.max(0, active - 1),
      ArrowLeft: Math.max(0, active - 1),
      Home: 0,
      End: last,
    };
    if (e.key in next) {
      e.preventDefault();
      show(next[e.key]!);
    } else if (e.key === 'Escape' && active >= 0) {
      e.preventDefault();
      clear();
    }
  };

  /** Theme or layout changed: the picture switched image, so the canvas redraws to match. */
  const onTheme = () => build();
  box.append(wrap);
  build();
  host.classList.add('is-live');
  canvas.addEventListener('keydown', onKey);
  canvas.addEventListener('blur', clear);
  dark.addEventListener('change', onTheme);
  narrow.addEventListener('change', onTheme);

  return {
    destroy() {
      dark.removeEventListener('change', onTheme);
      narrow.removeEventListener('change', onTheme);
      chart?.destroy();
      wrap.remove();
      host.classList.remove('is-live');
    },
  };
}
