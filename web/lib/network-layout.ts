// Runs ForceAtlas2 on the map's graph in a web worker (network-layout.worker.ts) for a time
// budget, writing the positions back to the graph after every burst so the map settles visibly.
import type { MapGraph } from './network-graph';

/** Message to the worker: positions [x0, y0, x1, y1, …] and edges as node indexes. */
export interface LayoutRequest {
  positions: Float32Array;
  sources: Uint32Array;
  targets: Uint32Array;
  weights: Float32Array;
  durationMs: number;
  maxIterations: number;
}

/** Message from the worker after each burst of iterations. */
export interface LayoutFrame {
  positions: Float32Array;
  iterations: number;
  finished: boolean;
}

/**
 * Starts the layout of `graph` (node positions are the seed) and returns a function that stops
 * it. `onDone` is called once when the budget is spent or the worker failed (with the error).
 */
export function startLayout(graph: MapGraph, options: { durationMs?: number; maxIterations?: number; onDone?: (error?: unknown) => void } = {}): () => void {
  const keys = graph.nodes();
  const index = new Map(keys.map((k, i) => [k, i]));
  const positions = new Float32Array(keys.length * 2);
  keys.forEach((k, i) => {
    positions[2 * i] = graph.getNodeAttribute(k, 'x');
    positions[2 * i + 1] = graph.getNodeAttribute(k, 'y');
  });
  const size = graph.size;
  const sources = new Uint32Array(size);
  const targets = new Uint32Array(size);
  const weights = new Float32Array(size);
  let e = 0;
  graph.forEachEdge((_edge, attr, source, target) => {
    sources[e] = index.get(source)!;
    targets[e] = index.get(target)!;
    weights[e] = attr.weight;
    e++;
  });

  let stopped = false;
  let worker: Worker;
  const finish = (error?: unknown) => {
    if (stopped) return;
    stopped = true;
    worker?.terminate();
    options.onDone?.(error);
  };
  try {
    worker = new Worker(new URL('./network-layout.worker.ts', import.meta.url), { type: 'module' });
  } catch (error) {
    queueMicrotask(() => finish(error));
    return () => finish();
  }
  worker.onmessage = (event: MessageEvent<LayoutFrame>) => {
    if (stopped) return;
    const p = event.data.positions;
    graph.updateEachNodeAttributes((key, attr) => {
      const i = index.get(key)!;
      return { ...attr, x: p[2 * i], y: p[2 * i + 1] };
    });
    if (event.data.finished) finish();
  };
  worker.onerror = (event) => finish(event.message || 'layout worker failed');
  const request: LayoutRequest = { positions, sources, targets, weights, durationMs: options.durationMs ?? 2000, maxIterations: options.maxIterations ?? 1500 };
  worker.postMessage(request, [positions.buffer, sources.buffer, targets.buffer, weights.buffer]);
  return () => finish();
}
