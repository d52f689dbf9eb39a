/**
 * What Lighthouse's simulated LCP waited for, request by request (`LCP_GRAPH=1 npm run
 * lighthouse -- route`). Lantern (Lighthouse's simulator) rebuilds the page load as a graph and
 * counts every request that ended before the observed largest paint, except low-priority
 * images; the slowest of them, on the simulated slow phone, is the LCP. Printing that graph is
 * how we found the scripts, the manifest and the icon that held the explainer pages back
 * (docs/design.md, "Nothing on the way to the first paint").
 */
import type { RunnerResult } from 'lighthouse';
import { LanternLargestContentfulPaint } from 'lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js';

interface SimulatedNode {
  type: string;
  request?: { url: string; priority: string; transferSize: number };
}

/** One line per request in the pessimistic LCP graph: simulated start → end, priority, bytes. */
export async function lcpGraph(result: RunnerResult): Promise<string[]> {
  const { artifacts, lhr } = result;
  const settings = lhr.configSettings;
  const data = { trace: artifacts.Trace, devtoolsLog: artifacts.DevtoolsLog, gatherContext: artifacts.GatherContext, settings, simulator: null, URL: artifacts.URL };
  // The computed-artifact cache Lighthouse passes its own audits; a fresh one is enough here.
  const lcp = await LanternLargestContentfulPaint.request(data as never, { computedCache: new Map(), settings } as never);
  const timings = [...(lcp.pessimisticEstimate.nodeTimings as Map<SimulatedNode, { startTime: number; endTime: number }>).entries()];
  const lines = [`  simulated LCP ${Math.round(lcp.timing)} ms (optimistic ${Math.round(lcp.optimisticEstimate.timeInMs)}, pessimistic ${Math.round(lcp.pessimisticEstimate.timeInMs)}); requests it waited for:`];
  for (const [node, t] of timings.sort((a, b) => a[1].startTime - b[1].startTime)) {
    if (node.type !== 'network' || !node.request) continue;
    const { pathname } = new URL(node.request.url);
    lines.push(`    ${Math.round(t.startTime).toString().padStart(5)} → ${Math.round(t.endTime).toString().padStart(5)} ms  ${pathname}  ${node.request.priority}, ${node.request.transferSize} B`);
  }
  return lines;
}
