import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, queryRows, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { runMetricsJob } from '../../analytics/jobs/person-metrics';
import { generateDemo, type Planted } from '../../fixtures/generate';
import { freshDb } from '../helpers';

// The demo organisation plants natural influencers; the ranking must find them.
const dir = mkdtempSync(join(tmpdir(), 'chorus-demo-test-'));
let db: Database;
let planted: Planted;
beforeAll(async () => {
  await generateDemo(dir);
  planted = JSON.parse(readFileSync(join(dir, 'planted.json'), 'utf8')) as Planted;
  db = await freshDb();
  await loadCanonical(db, dir);
  await runMetricsJob(db);
}, 180_000);
afterAll(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

interface Row {
  personId: string;
  rank: number | null;
  roles: string;
  topics: string | null;
  betweennessRank: number;
}

const period = (id: string) =>
  withConnection(db, (c) =>
    queryRows<Row>(
      c,
      `SELECT person_id AS "personId", rank, roles, expert_topics AS topics,
         (rank() OVER (ORDER BY CASE WHEN rank IS NULL THEN NULL ELSE betweenness END DESC NULLS LAST))::INTEGER AS "betweennessRank"
       FROM person_metrics WHERE period_id = $id`,
      { id },
    ),
  );

describe.each(['last90', 'quarter:2026-Q3'])('influence ranking of the demo organisation (%s)', (periodId) => {
  it('puts every planted amplifier in the top 10 of the score', async () => {
    const rows = new Map((await period(periodId)).map((r) => [r.personId, r]));
    for (const id of planted.amplifiers) expect(rows.get(id)?.rank, id).toBeLessThanOrEqual(10);
  });

  it('finds the planted broker among the top 3 by betweenness, with the broker role', async () => {
    const broker = (await period(periodId)).find((r) => r.personId === planted.broker.personId)!;
    expect(broker.betweennessRank).toBeLessThanOrEqual(3);
    expect(broker.roles.split(';')).toContain('broker');
  });

  it('gives the planted expert the expert role in its topic', async () => {
    const expert = (await period(periodId)).find((r) => r.personId === planted.expert.personId)!;
    expect(expert.roles.split(';')).toContain('expert');
    expect(expert.topics?.split(';')).toContain(planted.expert.topic.toLowerCase());
  });

  it('never ranks official or bot accounts', async () => {
    const rows = await period(periodId);
    for (const id of [...planted.officialAccounts, planted.bot]) {
      const row = rows.find((r) => r.personId === id);
      if (row) expect(row.rank, id).toBeNull();
    }
  });
});

describe('rising voice of the demo organisation', () => {
  it('is marked as a rising voice in a month of its rise', async () => {
    const rows = await withConnection(db, (c) =>
      queryRows<{ periodId: string }>(c, "SELECT period_id AS \"periodId\" FROM person_metrics WHERE person_id = $id AND list_contains(string_split(roles, ';'), 'risingVoice')", { id: planted.risingVoice }),
    );
    expect(rows.map((r) => r.periodId).some((p) => /^month:2026-(0[7-9]|10)$/.test(p))).toBe(true);
  });
});
