// ForceAtlas2 off the main thread. A module worker served from the app's own origin: the
// package's own supervisor (graphology-layout-forceatlas2/worker) starts its worker from a
// blob: URL, which the dashboard's Content-Security-Policy (script-src 'self') refuses.
// Runs in short bursts, posts the positions after each, and stops after the time budget.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { LayoutFrame, LayoutRequest } from './network-layout';

const scope = self as unknown as { onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null; postMessage: (message: LayoutFrame, transfer: Transferable[]) => void };

scope.onmessage = (event) => {
  const { positions, sources, targets, weights, durationMs, maxIterations } = event.data;
  const n = positions.length / 2;
  const graph = new Graph({ type: 'directed', allowSelfLoops: false });
  for (let i = 0; i < n; i++) graph.addNode(i, { x: positions[2 * i], y: positions[2 * i + 1] });
  for (let e = 0; e < sources.length; e++) graph.mergeEdge(sources[e], targets[e], { weight: weights[e] });

  const settings = {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: n > 250,
    outboundAttractionDistribution: true, // spreads hubs out instead of piling everyone on them
    edgeWeightInfluence: 0.6,
    gravity: 1.5,
    scalingRatio: 6,
  };
  const deadline = performance.now() + durationMs;
  let done = 0;
  const burst = () => {
    forceAtlas2.assign(graph, { iterations: 15, settings, getEdgeWeight: 'weight' });
    done += 15;
    const out = new Float32Array(n * 2);
    graph.forEachNode((key, attr) => {
      const i = Number(key);
      out[2 * i] = attr.x as number;
      out[2 * i + 1] = attr.y as number;
    });
    const finished = done >= maxIterations || performance.now() >= deadline;
    scope.postMessage({ positions: out, iterations: done, finished }, [out.buffer]);
    if (!finished) setTimeout(burst, 0);
  };
  burst();
};
