// Latency of the adoption, participation, engagement and content endpoints: each endpoint gets
// 50 requests from 8 concurrent clients, in process (app.request), on an existing database.
// Twice: with the response cache off (every request computed: the worst case, e.g. everyone
// asking for a different department), and with it on from cold (the first 8 identical requests
// share one computation, the rest are hits: several people opening the same view). Prints p50,
// p95 and max per endpoint; asserts nothing.
// Run alone: node --import tsx test/bench/analytics-bench.ts <db file>
import { pathToFileURL } from 'node:url';
import { closeDatabase, openDatabase, withConnection } from '../../analytics/db';
import { getDataPeriod } from '../../analytics/queries/meta';
import { createApp } from '../../api/app';
import { loadConfig } from '../../api/config';

export interface EndpointLatency {
  url: string;
  status: number;
  p50: number;
  p95: number;
  max: number;
}

const requests = 50;
const clients = 8;

function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
}

/** The endpoints measured, with periods taken from the data (its last month, or all of it). */
export function analyticsBenchUrls(data: { from: string; to: string }): string[] {
  const lastMonth = data.to.slice(0, 7);
  return [
    '/api/adoption?grain=month',
    '/api/adoption?grain=week&compare=previous',
    '/api/adoption/kpis?compare=previous',
    `/api/adoption/kpis?month=${lastMonth}&compare=previous`,
    `/api/adoption/breakdown?by=department&month=${lastMonth}&compare=previous`,
    `/api/adoption/breakdown?by=location&month=${lastMonth}`,
    `/api/adoption/breakdown?by=space&month=${lastMonth}&compare=previous`,
    '/api/adoption/cohorts',
    `/api/participation?month=${lastMonth}&compare=previous`,
    `/api/participation?from=${data.from}&to=${data.to}`,
    '/api/content/summary?compare=previous',
    '/api/content/formats?compare=previous',
    '/api/content/questions?compare=previous',
    '/api/content/top?limit=50',
    '/api/content/top?limit=50&sort=engagementRate',
    '/api/content/voice-share?grain=week&compare=previous',
    '/api/content/syndicated',
    `/api/content/spaces?month=${lastMonth}&compare=previous`,
    '/api/content/spaces',
  ];
}

/**
 * Measures every endpoint of analyticsBenchUrls on the database at `dbPath` (opened here, with
 * the default 1.5 GB memory limit, and closed again) and prints one line per endpoint.
 * Returns the figures in milliseconds.
 */
export async function benchAnalytics(dbPath: string, print: (line: string) => void = (l) => process.stdout.write(`${l}\n`), options: { cache?: boolean } = {}): Promise<EndpointLatency[]> {
  const cached = options.cache === true;
  const db = await openDatabase(dbPath, { memoryLimit: '1.5GB' });
  try {
    const app = createApp({ db, config: loadConfig({}, { dbPath, rateLimit: 1_000_000 }), cache: cached });
    const data = await withConnection(db, getDataPeriod);
    if (!data.from || !data.to) {
      print('  (empty database: nothing to measure)');
      return [];
    }
    print(`\n== Analytics API latency (${requests} requests per endpoint, ${clients} concurrent clients, in process, response cache ${cached ? 'on, cold' : 'off'})`);
    const out: EndpointLatency[] = [];
    for (const url of analyticsBenchUrls({ from: data.from, to: data.to })) {
      let status = 200;
      if (!cached) {
        // Warms DuckDB's buffers; with the cache on this would turn every request into a hit.
        const warm = await app.request(url);
        await warm.arrayBuffer();
        status = warm.status;
      }
      const times: number[] = [];
      let next = 0;
      const client = async () => {
        while (next < requests) {
          next++;
          const began = performance.now();
          const res = await app.request(url);
          await res.arrayBuffer();
          times.push(performance.now() - began);
          if (res.status !== 200) status = res.status;
        }
      };
      await Promise.all(Array.from({ length: clients }, client));
      times.sort((a, b) => a - b);
      const row = { url, status, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
      out.push(row);
      print(`  ${url.padEnd(70)} p50 ${row.p50.toFixed(0).padStart(5)} ms  p95 ${row.p95.toFixed(0).padStart(5)} ms  max ${row.max.toFixed(0).padStart(5)} ms${status === 200 ? '' : `  (status ${status})`}`);
    }
    return out;
  } finally {
    closeDatabase(db);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = process.argv[2];
  if (!path) {
    process.stderr.write('usage: node --import tsx test/bench/analytics-bench.ts <database file>\n');
    process.exit(2);
  }
  await benchAnalytics(path);
  await benchAnalytics(path, undefined, { cache: true });
}
