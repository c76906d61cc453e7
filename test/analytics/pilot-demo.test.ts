import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { getGraphPeriod, runMetricsJob } from '../../analytics/jobs/person-metrics';
import { findMetricPeriod } from '../../analytics/queries/influencer-ranking';
import { computePilotAnswer, getOptedOut, getPilotRanking, getPilotReachData, type PilotGroupAnswer } from '../../analytics/queries/pilot';
import { generateDemo } from '../../fixtures/generate';
import { freshDb } from '../helpers';

// The demo organisation (as influence-demo.test.ts builds it): the optimised group must add
// something over simply taking the top of the influence ranking.
const dir = mkdtempSync(join(tmpdir(), 'chorus-pilot-demo-'));
let db: Database;
let answer: PilotGroupAnswer;
beforeAll(async () => {
  await generateDemo(dir);
  db = await freshDb();
  await loadCanonical(db, dir);
  await runMetricsJob(db);
  answer = await withConnection(db, async (c) => {
    const data = await getGraphPeriod(c);
    const to = data!.to;
    const fromDate = new Date(`${to}T00:00:00Z`);
    fromDate.setUTCDate(fromDate.getUTCDate() - 89);
    const from = fromDate.toISOString().slice(0, 10);
    const period = await findMetricPeriod(c, from < data!.from ? data!.from : from, to);
    const reach = await getPilotReachData(c, period!.from, period!.to);
    return computePilotAnswer(reach, await getPilotRanking(c, period!.periodId), await getOptedOut(c), { size: 10 });
  });
}, 180_000);
afterAll(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('pilot group of the demo organisation (last 90 days, 10 people)', () => {
  it('covers strictly more colleagues than the top 10 by influence score', () => {
    expect(answer.members).toHaveLength(10);
    expect(answer.baseline.size).toBe(10);
    expect(answer.reached).toBeGreaterThan(answer.baseline.reached);
    expect(answer.coverage).toBeCloseTo(answer.reached / answer.population, 12);
  });

  // Reach runs through views too, so both groups reach someone in each of the 13 departments
  // (in every stored period of the demo); where they differ is where their voices come from.
  it('draws its members from more departments than the top 10 by influence score', () => {
    expect(answer.memberDepartments.length).toBeGreaterThan(answer.baseline.memberDepartments.length);
  });

  it('reaches at least as many departments as the top 10 by influence score', () => {
    expect(answer.departmentsCovered.length).toBeGreaterThanOrEqual(answer.baseline.departmentsCovered.length);
    expect(answer.departmentsCovered.length + answer.unreachedDepartments.length).toBe(answer.departmentCoverage.length);
  });
});
