/**
 * Metrics for any period on request: a stored standard or custom period is read as it is;
 * another period is computed once (the graph part in a worker thread), stored as a custom
 * period and reused. Concurrent requests for the same period share one computation. A stored
 * custom period computed before the newest import is recomputed.
 */
import { Worker } from 'node:worker_threads';
import { queryRows, withConnection, type Database } from '../db';
import type { GraphInput, GraphOutput } from '../graph/metrics';
import { findMetricPeriod, type MetricPeriodRow } from '../queries/influencer-ranking';
import { computePeriodMetrics, customPeriodId, defaultMetricsSettings, type GraphRunner } from './person-metrics';

const inFlight = new Map<string, Promise<MetricPeriodRow>>();

let worker: Worker | null = null;
let queue: Promise<unknown> = Promise.resolve();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./graph-worker.mjs', import.meta.url));
    worker.unref(); // an idle worker never keeps the process alive
    worker.once('exit', () => {
      worker = null;
    });
  }
  return worker;
}

/**
 * Runs the graph computation in a long-lived worker thread, one computation at a time, so
 * the event loop keeps answering requests meanwhile.
 */
export const runGraphInWorker: GraphRunner = (input: GraphInput) => {
  const run = queue.then(
    () =>
      new Promise<GraphOutput>((resolve, reject) => {
        const w = getWorker();
        const onMessage = (message: { ok: true; output: GraphOutput } | { ok: false; message: string }) => {
          w.off('error', onError);
          if (message.ok) resolve(message.output);
          else reject(new Error(message.message));
        };
        const onError = (error: Error) => {
          w.off('message', onMessage);
          worker = null;
          reject(error);
        };
        w.once('message', onMessage);
        w.once('error', onError);
        const buffers = [input.sources.buffer, input.targets.buffer, input.weights.buffer, input.departments.buffer] as ArrayBuffer[];
        w.postMessage(input, buffers);
      }),
  );
  queue = run.catch(() => undefined);
  return run;
};

/** Stops the worker thread (tests and shutdown). */
export async function stopGraphWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

/**
 * Returns the stored metrics period for [from, to], computing and storing it first when
 * needed. `runGraph` defaults to a worker thread.
 */
export async function ensurePeriodMetrics(db: Database, from: string, to: string, runGraph: GraphRunner = runGraphInWorker): Promise<MetricPeriodRow> {
  const [stored, latest] = await withConnection(db, async (c) => [
    await findMetricPeriod(c, from, to),
    (await queryRows<{ run: number | null }>(c, "SELECT max(run_id)::INTEGER AS run FROM import_runs WHERE status = 'ok'"))[0].run ?? 0,
  ] as const);
  if (stored && (stored.kind !== 'custom' || stored.dataVersion >= latest)) return stored;
  const id = customPeriodId(from, to);
  let pending = inFlight.get(id);
  if (!pending) {
    pending = (async () => {
      await computePeriodMetrics(db, { periodId: id, kind: 'custom', from, to }, defaultMetricsSettings, runGraph);
      const row = await withConnection(db, (c) => findMetricPeriod(c, from, to));
      if (!row) throw new Error(`metrics for ${from}..${to} were computed but not found`);
      return row;
    })().finally(() => inFlight.delete(id));
    inFlight.set(id, pending);
  }
  return pending;
}
