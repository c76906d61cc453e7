// Worker thread entry: computes the graph metrics of one period off the main thread, so a
// request for a custom period never blocks other requests.
import { parentPort } from 'node:worker_threads';
import { computeGraphMetrics, type GraphInput } from '../graph/metrics';

parentPort?.on('message', (input: GraphInput) => {
  try {
    const output = computeGraphMetrics(input);
    parentPort!.postMessage({ ok: true, output });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
