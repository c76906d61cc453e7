import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, queryRows, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { runMetricsJob } from '../../analytics/jobs/person-metrics';
import { cleanExports, freshDb, sharedData, writeExport } from '../helpers';

// SNAP email-Eu-core: 25,571 directed e-mail edges among 1,005 people in 42 departments,
// loaded as undated interactions. Reach of a sender = the distinct other people written to;
// cross-department reach = their distinct departments other than the sender's. The expected
// values are computed here from the raw file, independently of the SQL.
const folder = join(sharedData, 'email-eu-core');
const edges = readFileSync(join(folder, 'email-Eu-core.txt'), 'utf8').trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/));
const labels = new Map(
  readFileSync(join(folder, 'email-Eu-core-department-labels.txt'), 'utf8').trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/) as [string, string]),
);

let db: Database;
let seconds = 0;
beforeAll(async () => {
  const people = ['person_id,department', ...[...labels].map(([id, d]) => `e${id},d${d}`)].join('\n');
  const interactions = ['source_id,target_id,channel', ...edges.map(([s, t]) => `e${s},e${t},email`)].join('\n');
  db = await freshDb();
  await loadCanonical(db, writeExport({ 'people.csv': people, 'interactions.csv': interactions }));
  const began = performance.now();
  await runMetricsJob(db);
  seconds = (performance.now() - began) / 1000;
}, 120_000);
afterAll(() => {
  closeDatabase(db);
  cleanExports();
});

describe('metrics job on email-Eu-core', () => {
  it('reads the data set as published: 25,571 edges, 1,005 people, 42 departments', () => {
    expect(edges).toHaveLength(25_571);
    expect(labels.size).toBe(1_005);
    expect(new Set(labels.values()).size).toBe(42);
  });

  it('finishes and stores one undated period with every person who wrote or received mail', async () => {
    const periods = await withConnection(db, (c) => queryRows<{ id: string; nodes: number }>(c, 'SELECT period_id AS id, nodes FROM metric_periods'));
    const active = new Set(edges.filter(([s, t]) => s !== t).flat());
    expect(periods).toEqual([{ id: 'all', nodes: active.size }]);
    expect(seconds).toBeGreaterThan(0);
  });

  it('gives every sender the cross-department reach counted from the raw edges', async () => {
    const reached = new Map<string, Set<string>>();
    for (const [s, t] of edges) {
      if (s === t) continue;
      if (!reached.has(s)) reached.set(s, new Set());
      reached.get(s)!.add(t);
    }
    const expected = new Map<string, { reach: number; cross: number }>();
    for (const [s, targets] of reached) {
      const departments = new Set([...targets].map((t) => labels.get(t)).filter((d) => d !== labels.get(s)));
      expected.set(`e${s}`, { reach: targets.size, cross: departments.size });
    }
    const rows = await withConnection(db, (c) =>
      queryRows<{ id: string; reach: number; cross: number }>(c, "SELECT person_id AS id, reach, cross_department_reach AS cross FROM person_metrics WHERE period_id = 'all' AND reach > 0"),
    );
    expect(rows.length).toBe(expected.size);
    for (const row of rows) expect({ id: row.id, reach: row.reach, cross: row.cross }).toEqual({ id: row.id, ...expected.get(row.id)! });
    // a spot check that the data is not trivial
    expect(Math.max(...rows.map((r) => r.cross))).toBeGreaterThan(20);
  });
});
