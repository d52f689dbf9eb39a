/**
 * <ex-chart>: shows the build-time image at once and upgrades it to an interactive Chart.js
 * canvas only when the chart comes within about 200 px of the viewport, or the reader points
 * at it or tabs into it first. Until then this tiny module is the only chart code on the page:
 * Chart.js and the chart builders are one lazily imported chunk (chart-runtime.ts), fetched
 * once however many charts the page has. If that chunk fails to load, the image, table and
 * downloads simply stay; nothing is lost.
 *
 * Loaded by a bare <script> in ChartFrame.astro, so Astro bundles it (CSP allows 'self' only).
 */
type Runtime = typeof import('./chart-runtime');
let runtime: Promise<Runtime> | undefined;
const loadRuntime = () => (runtime ??= import('./chart-runtime'));

class ExChart extends HTMLElement {
  private observer?: IntersectionObserver;
  private started = false;
  private handle?: { destroy(): void };
  private readonly start = () => void this.upgrade();

  connectedCallback() {
    // A map (data-static) is drawn at build time only: there is nothing to upgrade.
    if (this.started || this.hasAttribute('data-static')) return;
    if ('IntersectionObserver' in window) {
      this.observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.start(), {
        rootMargin: '200px 0px',
      });
      this.observer.observe(this);
    }
    this.addEventListener('pointerenter', this.start, { once: true });
    this.addEventListener('focusin', this.start, { once: true });
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.handle?.destroy();
    this.handle = undefined;
    this.started = false;
  }

  private async upgrade() {
    if (this.started) return;
    this.started = true;
    this.observer?.disconnect();
    try {
      const { mountChart } = await loadRuntime();
      if (this.isConnected) this.handle = mountChart(this);
    } catch {
      // Offline or blocked: the static image, the table and the downloads remain.
      this.dataset.state = 'static';
    }
  }
}

if (!customElements.get('ex-chart')) customElements.define('ex-chart', ExChart);
