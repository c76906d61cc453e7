// Pilot selection benchmark, in two child processes so the selection's peak memory is its own:
//   prepare <dir> <people> <interactions>: writes a seeded synthetic organisation as canonical
//     people.csv + interactions.csv (dated across 90 days), imports it into <dir>/pilot.duckdb
//     and computes the influence metrics of the 90 days (the ranking the baseline needs; done
//     after every import in the product, so not part of the selection's time);
//   select <dir> <size>: opens the database, builds the reach sets in SQL, chooses <size> people
//     greedily with quotas off, computes the baseline and the coverage figures, and prints the
//     timings and peak memory as JSON.
// run.ts (`npm run bench -- --only pilot`) runs both and prints the figures. Goal: under 3 s.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { closeDatabase, openDatabase, withConnection } from '../../analytics/db';
import { buildSyntheticEdges } from '../../analytics/graph/synthetic';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { computePeriodMetrics } from '../../analytics/jobs/person-metrics';
import { computePilotAnswer, getOptedOut, getPilotRanking, getPilotReachData } from '../../analytics/queries/pilot';
import { writeLines } from './write-lines';

const from = '2026-07-01';
const to = '2026-09-28';

async function prepare(dir: string, people: number, interactions: number) {
  mkdirSync(dir, { recursive: true });
  const synthetic = buildSyntheticEdges({ people, edges: interactions, seed: 23 });
  await writeLines(join(dir, 'people.csv'), (function* () {
    yield 'person_id,department,location';
    for (let i = 0; i < people; i++) yield `u${i},Abteilung ${(synthetic.community[i] % 12) + 1},Standort ${(i % 5) + 1}`;
  })());
  await writeLines(join(dir, 'interactions.csv'), (function* () {
    yield 'source_id,target_id,occurred_at,channel,weight';
    for (let i = 0; i < synthetic.sources.length; i++) {
      const date = new Date(Date.UTC(2026, 6, 1 + (i % 90))).toISOString().slice(0, 10);
      yield `u${synthetic.sources[i]},u${synthetic.targets[i]},${date}T10:00:00+02:00,email,${synthetic.weights[i]}`;
    }
  })());
  const db = await openDatabase(join(dir, 'pilot.duckdb'));
  let began = performance.now();
  const summary = await loadCanonical(db, dir);
  const importSeconds = (performance.now() - began) / 1000;
  began = performance.now();
  await computePeriodMetrics(db, { periodId: 'bench', kind: 'custom', from, to });
  const metricsSeconds = (performance.now() - began) / 1000;
  closeDatabase(db);
  return { people, interactions: summary.loaded.interactions, importSeconds, metricsSeconds };
}

async function select(dir: string, size: number) {
  const db = await openDatabase(join(dir, 'pilot.duckdb'), { readOnly: true });
  const began = performance.now();
  const { data, ranking, optedOut } = await withConnection(db, async (c) => ({
    data: await getPilotReachData(c, from, to),
    ranking: await getPilotRanking(c, 'bench'),
    optedOut: await getOptedOut(c),
  }));
  const loaded = performance.now();
  const answer = computePilotAnswer(data, ranking, optedOut, { size });
  const done = performance.now();
  closeDatabase(db);
  return {
    population: answer.population,
    reachPairs: data.sets.targets.length,
    size: answer.members.length,
    reached: answer.reached,
    baselineReached: answer.baseline.reached,
    evaluations: answer.evaluations,
    candidates: answer.candidates,
    sqlMs: data.timings.sql,
    buildMs: data.timings.build,
    loadMs: Math.round(loaded - began),
    greedyMs: Math.round(done - loaded),
    totalMs: Math.round(done - began),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const [mode, dir, a, b] = process.argv.slice(2);
const result = mode === 'prepare' ? await prepare(dir, Number(a), Number(b)) : await select(dir, Number(a));
process.stdout.write(`${JSON.stringify(result)}\n`);
