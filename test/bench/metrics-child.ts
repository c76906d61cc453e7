// One size of the metrics-job benchmark in its own process (so its peak memory is its own):
// writes a synthetic organisation as canonical people.csv + interactions.csv (dated across
// 90 days, so the job computes months, quarter and last-30/90 periods as it does after a real
// import), imports it, runs the job for the `last90` period and prints timings as JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '../../analytics/db';
import { buildSyntheticEdges } from '../../analytics/graph/synthetic';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { computePeriodMetrics } from '../../analytics/jobs/person-metrics';
import { writeLines } from './write-lines';

const [peopleArg, edgesArg] = process.argv.slice(2);
const people = Number(peopleArg);
const edges = Number(edgesArg);
const dir = mkdtempSync(join(tmpdir(), 'chorus-metrics-bench-'));

const synthetic = buildSyntheticEdges({ people, edges, seed: 11 });
const departments = 12;
await writeLines(join(dir, 'people.csv'), (function* () {
  yield 'person_id,department,location';
  for (let i = 0; i < people; i++) yield `u${i},Abteilung ${(synthetic.community[i] % departments) + 1},Standort ${(i % 5) + 1}`;
})());
await writeLines(join(dir, 'interactions.csv'), (function* () {
  yield 'source_id,target_id,occurred_at,channel,weight';
  for (let i = 0; i < synthetic.sources.length; i++) {
    const day = 1 + (i % 90);
    const date = new Date(Date.UTC(2026, 6, day)).toISOString().slice(0, 10);
    yield `u${synthetic.sources[i]},u${synthetic.targets[i]},${date}T10:00:00+02:00,email,${synthetic.weights[i]}`;
  }
})());

const dbPath = join(dir, 'bench.duckdb');
const db = await openDatabase(dbPath);
let began = performance.now();
const summary = await loadCanonical(db, dir);
const importSeconds = (performance.now() - began) / 1000;
began = performance.now();
const run = await computePeriodMetrics(db, { periodId: 'last90', kind: 'last90', from: '2026-07-01', to: '2026-09-28' });
const jobSeconds = (performance.now() - began) / 1000;
closeDatabase(db);
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ people, edges, interactions: summary.loaded.interactions, importSeconds, jobSeconds, nodes: run.nodes, graphEdges: run.edges, timings: run.timings, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
