import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, queryRows, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { getStandardPeriods, runMetricsJob } from '../../analytics/jobs/person-metrics';
import { getGraphEdges } from '../../analytics/queries/graph-inputs';
import { freshDb, smallFixture } from '../helpers';

// Edges and reach of fixtures/small, worked out by hand (weights: comment 3, share 4, praise 3,
// mention 2, reaction 1, interactions as given; views make no edges; the bot has none).
let db: Database;
beforeAll(async () => {
  db = await freshDb();
  await loadCanonical(db, smallFixture);
  await runMetricsJob(db);
});
afterAll(() => closeDatabase(db));

describe('interaction graph of the small fixture', () => {
  it('builds summed, self-free edges with the DESIGN.md weights', async () => {
    const edges = await withConnection(db, (c) => getGraphEdges(c, '2026-08-01', '2026-10-31'));
    const list = edges.source.map((s, i) => `${s}>${edges.target[i]}:${edges.weight[i]}`).sort();
    expect(list).toEqual([
      'p1>c1:4', // share of the official post k4
      'p1>p3:3', // praise
      'p1>p4:5', // reply k3 to k2 (3) + e-mail weight 2
      'p1>p5:2', // mention
      'p2>p1:1', // reaction to k1
      'p3>p2:3', // reply k7 to k5
      'p4>p1:4', // reply k2 to k1 (3) + meeting, default weight 1
      'p5>p2:1', // reaction to k5
    ]);
  });

  it('stores reach, cross-department reach and responders per person, and never ranks the official account', async () => {
    const rows = await withConnection(db, (c) =>
      queryRows<{ id: string; reach: number; cross: number; responders: number; inStrength: number; ranked: boolean }>(
        c,
        `SELECT person_id AS id, reach, cross_department_reach AS cross, responders, in_strength AS "inStrength", rank IS NOT NULL AS ranked
         FROM person_metrics WHERE period_id = 'all' ORDER BY person_id`,
      ),
    );
    expect(rows).toEqual([
      // the bot authored k6, viewed only by the official account: a node, no reach, no edges
      { id: 'b1', reach: 0, cross: 0, responders: 0, inStrength: 0, ranked: false },
      // k4 viewed by p4 and shared by p1 (IT and Vertrieb)
      { id: 'c1', reach: 2, cross: 2, responders: 1, inStrength: 4, ranked: false },
      // k1 viewed by p2 and p5, replied to by p4; mentions p5, praises p3, writes to p4: Marketing and IT
      { id: 'p1', reach: 4, cross: 2, responders: 2, inStrength: 5, ranked: true },
      // k5 reacted to by p5 (Marketing), replied to by p3 (IT)
      { id: 'p2', reach: 2, cross: 2, responders: 2, inStrength: 4, ranked: true },
      // nobody engaged with k7, and p3 addressed nobody
      { id: 'p3', reach: 0, cross: 0, responders: 1, inStrength: 3, ranked: true },
      // p1 replied to k2 (k3) and p4 met p1
      { id: 'p4', reach: 1, cross: 1, responders: 1, inStrength: 5, ranked: true },
      { id: 'p5', reach: 0, cross: 0, responders: 1, inStrength: 2, ranked: true },
    ]);
  });

  it('computes the standard periods: months, quarters, last 30 and 90 days, all', () => {
    expect(getStandardPeriods('2026-08-03', '2026-10-01').map((p) => `${p.periodId} ${p.from}..${p.to}`)).toEqual([
      'month:2026-08 2026-08-03..2026-08-31',
      'month:2026-09 2026-09-01..2026-09-30',
      'quarter:2026-Q3 2026-08-03..2026-09-30',
      'month:2026-10 2026-10-01..2026-10-01',
      'quarter:2026-Q4 2026-10-01..2026-10-01',
      'last30 2026-09-02..2026-10-01',
      'last90 2026-08-03..2026-10-01',
      'all 2026-08-03..2026-10-01',
    ]);
  });
});
