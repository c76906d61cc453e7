// npm run bench: prints figures, asserts nothing. Flags:
//   --events N   events in the generated export (default 10,000,000)
//   --people N   people in it (default 10,000)
//   --keep       keep the generated export and database in /tmp/chorus-bench
//   --only import|api|analytics|refresh|metrics|graph|slack|pilot   run one section
//   --large      metrics: also 100,000 people / 5,000,000 interactions (minutes, ~5 GB)
// Goals (from the issues): import ≤ 1.5 × the bare DuckDB read of the same files, peak memory
// under 2 GB; /api/adoption by month p95 under 150 ms over 50 requests; the metrics job on the
// demo organisation under 5 s, on 20,000 people / 1,000,000 interactions under 60 s and 2 GB.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '../../analytics/db';
import { createApp } from '../../api/app';
import { loadConfig } from '../../api/config';
import { runMetricsJob } from '../../analytics/jobs/person-metrics';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { generateDemo } from '../../fixtures/generate';
import { benchGraph } from './graph-bench';
import { benchAnalytics } from './analytics-bench';
import { benchSlack } from './slack-bench';
import { benchRefresh } from './refresh-bench';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const events = flag('events', 10_000_000);
const people = flag('people', 10_000);
const work = '/tmp/chorus-bench';
const exportDir = join(work, `export-${people}-${events}`);
const dbPath = join(work, 'bench.duckdb');
const here = fileURLToPath(new URL('.', import.meta.url));
const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

function line(label: string, value: string) {
  process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
}

function child(mode: 'floor' | 'import', db: string) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'import-child.ts'), mode, exportDir, db], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; rows: number; peakRssMb: number };
}

function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
}

async function benchImport() {
  mkdirSync(work, { recursive: true });
  process.stdout.write(`\n== Import: canonical export with ${fmt.format(events)} events, ${fmt.format(people)} people\n`);
  if (!existsSync(join(exportDir, 'events.csv'))) {
    const began = performance.now();
    const g = await generateDemo(exportDir, { people, targetEvents: events, seed: 7 });
    line('generated', `${fmt.format(g.events)} events, ${fmt.format(g.content)} items in ${fmt.format((performance.now() - began) / 1000)} s`);
  }
  const floor = child('floor', join(work, 'floor.duckdb'));
  rmSync(join(work, 'floor.duckdb'), { force: true });
  line('bare DuckDB read_csv → table (floor)', `${fmt.format(floor.seconds)} s, peak ${fmt.format(floor.peakRssMb)} MB`);
  const run = child('import', dbPath);
  line('chorus import', `${fmt.format(run.seconds)} s, peak ${fmt.format(run.peakRssMb)} MB`);
  line('rows per second', fmt.format(Math.round(run.rows / run.seconds)));
  line('import / floor (goal ≤ 1.5)', fmt.format(run.seconds / floor.seconds));
  line('peak memory (goal < 2048 MB)', `${fmt.format(run.peakRssMb)} MB`);
}

async function benchApi() {
  if (!existsSync(dbPath)) {
    process.stdout.write('\n(no benchmark database yet: running the import section first)\n');
    await benchImport();
  }
  process.stdout.write('\n== API latency on the benchmark database (50 sequential requests each, in process, response cache off)\n');
  const db = await openDatabase(dbPath, { memoryLimit: '1.5GB' });
  const app = createApp({ db, config: loadConfig({}, { dbPath, rateLimit: 1_000_000 }), cache: false });
  const endpoints = ['/api/adoption?grain=month', '/api/adoption?grain=week', '/api/meta', '/api/health'];
  for (const url of endpoints) {
    await app.request(url); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const began = performance.now();
      const res = await app.request(url);
      await res.text();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      times.push(performance.now() - began);
    }
    times.sort((a, b) => a - b);
    line(url, `median ${fmt.format(percentile(times, 50))} ms, p95 ${fmt.format(percentile(times, 95))} ms`);
  }
  closeDatabase(db);
}

async function benchMetrics() {
  process.stdout.write('\n== Metrics job\n');
  const dir = join(work, 'demo');
  mkdirSync(work, { recursive: true });
  await generateDemo(dir);
  const db = await openDatabase(':memory:');
  await loadCanonical(db, dir);
  const began = performance.now();
  const periods = await runMetricsJob(db);
  const seconds = (performance.now() - began) / 1000;
  closeDatabase(db);
  line('demo organisation, all standard periods', `${periods.length} periods in ${fmt.format(seconds)} s (goal < 5 s)`);
  const sizes: Array<[number, number]> = [[2_000, 100_000], [20_000, 1_000_000]];
  if (args.includes('--large')) sizes.push([100_000, 5_000_000]);
  for (const [people, interactions] of sizes) {
    const out = execFileSync(process.execPath, ['--max-old-space-size=12000', '--import', 'tsx', join(here, 'metrics-child.ts'), String(people), String(interactions)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { nodes: number; graphEdges: number; importSeconds: number; jobSeconds: number; peakRssMb: number; timings: Record<string, number> };
    line(`${fmt.format(people)} people / ${fmt.format(interactions)} interactions`, `job ${fmt.format(r.jobSeconds)} s, peak ${fmt.format(r.peakRssMb)} MB (import ${fmt.format(r.importSeconds)} s)`);
    const t = r.timings;
    line('   per metric (ms)', `edges SQL ${t.sqlEdges}, reach SQL ${t.sqlReach}, PageRank ${t['graph.pagerank']}, betweenness ${t['graph.betweenness']}, HITS ${t['graph.hits']}, Louvain ${t['graph.communities']}, influence ${t.influence}, store ${t.write}`);
  }
}

if (!only || only === 'import') await benchImport();
if (!only || only === 'api') await benchApi();
if (!only || only === 'analytics') {
  if (!existsSync(dbPath)) await benchImport();
  process.stdout.write('\n== Adoption, participation and content endpoints on the benchmark database (goal p95 < 150 ms)\n');
  await benchAnalytics(dbPath);
  await benchAnalytics(dbPath, undefined, { cache: true });
}
if (!only || only === 'refresh') {
  if (!existsSync(dbPath)) await benchImport();
  process.stdout.write('\n== Rollup refresh after importing 1,000,000 new events into the benchmark database (goal < 30 s)\n');
  await benchRefresh(dbPath, 1_000_000);
}
if (!only || only === 'metrics') await benchMetrics();
if (!only || only === 'slack') {
  process.stdout.write('\n== Slack import, synthetic export (goal ≥ 50,000 messages/s, < 2 GB)\n');
  await benchSlack(args.includes('--messages') ? flag('messages', 1_000_000) : 1_000_000);
}
if (!only || only === 'graph') {
  process.stdout.write('\n== Graph algorithms against igraph (C), 20,000 people / 1,000,000 interactions\n');
  await benchGraph({ sizes: [{ people: 20_000, edges: 1_000_000 }] });
}
if (!only || only === 'pilot') {
  process.stdout.write('\n== Pilot selection of 50 from 20,000 people with 1,000,000 interactions (goal < 3 s)\n');
  const dir = join(work, 'pilot');
  const run = (...a: string[]) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(here, 'pilot-bench.ts'), ...a], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!);
  const prepared = run('prepare', dir, '20000', '1000000');
  line('prepared (not timed as selection)', `import ${fmt.format(prepared.importSeconds)} s, metrics ${fmt.format(prepared.metricsSeconds)} s`);
  const r = run('select', dir, '50');
  line('selection total', `${fmt.format(r.totalMs / 1000)} s, peak ${fmt.format(r.peakRssMb)} MB`);
  line('   reach sets SQL / CSR build / greedy (ms)', `${r.sqlMs} / ${r.buildMs} / ${r.greedyMs}`);
  line('   population, reach pairs, gain evaluations', `${fmt.format(r.population)}, ${fmt.format(r.reachPairs)}, ${fmt.format(r.evaluations)}`);
  line('   colleagues reached: optimised / top 50 by score', `${fmt.format(r.reached)} / ${fmt.format(r.baselineReached)}`);
  rmSync(dir, { recursive: true, force: true });
}
if (!args.includes('--keep') && !only) rmSync(work, { recursive: true, force: true });
