import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { getAdoptionBreakdown, getSpacesTogether } from '../../analytics/queries/adoption-breakdown';
import { getAdoptionActivation, getAdoptionKpis } from '../../analytics/queries/adoption-kpis';
import { computeChange, computePreviousPeriod } from '../../analytics/queries/compare';
import { getRetentionCohorts } from '../../analytics/queries/retention-cohorts';
import { cleanExports, freshDb, smallFixture, writeExport } from '../helpers';

// Hand-computed values for fixtures/small (derivations in fixtures/README.md) and for the
// cohort export written below.
let db: Database;
beforeAll(async () => {
  db = await freshDb();
  await loadCanonical(db, smallFixture);
});
afterAll(() => {
  closeDatabase(db);
  cleanExports();
});

const kpis = (from: string, to: string, extra: { department?: string } = {}) => withConnection(db, (c) => getAdoptionKpis(c, { from, to, ...extra }));

describe('adoption KPIs of a range', () => {
  it('counts DAU, WAU and MAU across a month boundary and the midnight edge in Berlin', async () => {
    // ISO week 36: Mon 31 Aug .. Sun 6 Sep. p5's view at 22:30 UTC on 31 Aug is 1 Sep in Berlin,
    // so 31 Aug has nobody; 1 Sep: p5, p4, p1; 2 Sep: p2, p5, p1 → 6 person-days over 7 days.
    // MAU, day-weighted: August's part (1 day) has 0 active, September's part (6 days) 4.
    expect(await kpis('2026-08-31', '2026-09-06')).toEqual({
      headcount: 4, // p3 joins on 10 Sep
      activeUsers: 4,
      adoptionRate: 1,
      activatedUsers: 4,
      activation: 1,
      dau: 6 / 7,
      wau: 4,
      mau: 24 / 7,
      stickiness: 0.25,
      contributors: 1,
      creators: 1,
      // p2's post k5 and p5's reaction on 2 Sep; p1's share (e5) is no reaction; k4 and k6 are
      // the official account's and the bot's.
      postsWritten: 1,
      commentsWritten: 0,
      reactionsGiven: 1,
      days: 7,
    });
    expect((await kpis('2026-08-31', '2026-08-31')).activeUsers).toBe(0);
    expect((await kpis('2026-09-01', '2026-09-01')).activeUsers).toBe(3);
  });

  it('gives a whole month its MAU and stickiness, and counts activation from before the range', async () => {
    const october = await kpis('2026-10-01', '2026-10-31');
    // p2 left on 15 Sep; p4's login at 22:30 UTC on 30 Sep is the only October activity.
    expect(october).toMatchObject({ headcount: 4, activeUsers: 1, adoptionRate: 0.25, activatedUsers: 4, activation: 1, mau: 1, days: 31 });
    expect(october.dau).toBeCloseTo(1 / 31, 12);
    // W40 meets October on its first 4 days with 1 active person; the later weeks have none.
    expect(october.wau).toBeCloseTo(4 / 31, 12);
    expect(october.stickiness).toBeCloseTo(1 / 31, 12);
    const september = await kpis('2026-09-01', '2026-09-30');
    // Activity of the month: k5 (post), k7 (p3's comment on 14 Sep), e6 (reaction).
    expect(september).toMatchObject({ headcount: 5, activeUsers: 5, mau: 5, contributors: 2, creators: 1, postsWritten: 1, commentsWritten: 1, reactionsGiven: 1 });
    // W36 part (6 days) 4 active, W38 2 active (p3 on 14 Sep, p1 on 15 Sep).
    expect(september.wau).toBeCloseTo((6 * 4 + 7 * 2) / 30, 12);
    expect(september.stickiness).toBeCloseTo(8 / 30 / 5, 12);
  });

  it('filters by department, with leavers leaving the headcount', async () => {
    expect(await kpis('2026-10-01', '2026-10-31', { department: 'Vertrieb' })).toMatchObject({ headcount: 1, activeUsers: 0, activatedUsers: 1 });
  });
});

describe('activation per period of the adoption series', () => {
  it('matches the monthly figures of fixtures/README.md', async () => {
    const rows = await withConnection(db, (c) => getAdoptionActivation(c, { from: '2026-08-03', to: '2026-10-01', grain: 'month' }));
    expect(rows).toEqual([
      // p1, p2, p4 of the 4 employed in August were ever active by its end; all by September.
      { period: '2026-08', activatedUsers: 3, activation: 0.75 },
      { period: '2026-09', activatedUsers: 5, activation: 1 },
      { period: '2026-10', activatedUsers: 4, activation: 1 },
    ]);
  });
});

describe('adoption per department, location and space (before suppression)', () => {
  it('counts headcount with leavers and joiners per department', async () => {
    const month = (from: string, to: string) => withConnection(db, (c) => getAdoptionBreakdown(c, 'department', { from, to }));
    expect(await month('2026-09-01', '2026-09-30')).toEqual([
      { group: 'IT', headcount: 2, activeUsers: 2 },
      { group: 'Marketing', headcount: 1, activeUsers: 1 },
      { group: 'Vertrieb', headcount: 2, activeUsers: 2 },
    ]);
    expect(await month('2026-10-01', '2026-10-31')).toEqual([
      { group: 'IT', headcount: 2, activeUsers: 1 },
      { group: 'Marketing', headcount: 1, activeUsers: 0 },
      { group: 'Vertrieb', headcount: 1, activeUsers: 0 },
    ]);
  });

  it('takes a space’s headcount from everyone who did anything in it up to the end of the period', async () => {
    const september = { from: '2026-09-01', to: '2026-09-30' };
    // Vertrieb intern: p1, p2, p4 since August, p5 (view 1 Sep), p3 (comment 14 Sep); active in
    // September: p2, p3, p5 (p1's join on 5 Sep is not activity). News: p4 (view), p1 (share).
    expect(await withConnection(db, (c) => getAdoptionBreakdown(c, 'space', september))).toEqual([
      { group: 'News', headcount: 2, activeUsers: 2 },
      { group: 'Vertrieb intern', headcount: 5, activeUsers: 3 },
    ]);
    expect(await withConnection(db, (c) => getAdoptionBreakdown(c, 'space', { from: '2026-08-01', to: '2026-08-31' }))).toEqual([
      { group: 'Vertrieb intern', headcount: 3, activeUsers: 3 },
    ]);
    // Together each person counts once: p1..p5.
    expect(await withConnection(db, (c) => getSpacesTogether(c, ['News', 'Vertrieb intern'], september))).toEqual({ headcount: 5, activeUsers: 5 });
  });
});

describe('retention cohorts', () => {
  it('builds the triangle of three cohorts, leavers leaving the denominator', async () => {
    const login = (id: string, person: string, at: string) => `${id},${at},${person},login,,,`;
    const dir = writeExport({
      'people.csv': ['person_id,employed_to', 'u1,', 'u2,', 'u3,', 'u4,2026-09-15', 'u5,', 'u6,', 'u7,'].join('\n'),
      'events.csv': [
        'event_id,occurred_at,actor_id,action,content_id,target_id,detail',
        login('a1', 'u1', '2026-08-05T09:00:00+02:00'), login('a2', 'u1', '2026-09-05T09:00:00+02:00'), login('a3', 'u1', '2026-10-05T09:00:00+02:00'),
        login('b1', 'u2', '2026-08-06T09:00:00+02:00'), login('b2', 'u2', '2026-09-06T09:00:00+02:00'),
        login('c1', 'u3', '2026-08-07T09:00:00+02:00'),
        login('d1', 'u4', '2026-08-08T09:00:00+02:00'),
        login('e1', 'u5', '2026-09-10T09:00:00+02:00'), login('e2', 'u5', '2026-10-10T09:00:00+02:00'),
        login('f1', 'u6', '2026-09-11T09:00:00+02:00'),
        // 22:30 UTC on 30 Sep is 1 Oct in Berlin: u7 belongs to the October cohort.
        login('g1', 'u7', '2026-09-30T22:30:00Z'),
      ].join('\n'),
    });
    const cohortDb = await freshDb();
    await loadCanonical(cohortDb, dir);
    const cells = await withConnection(cohortDb, (c) => getRetentionCohorts(c, { from: '2026-08-01', to: '2026-10-31' }));
    closeDatabase(cohortDb);
    expect(cells.map((c) => [c.cohort, c.month, c.offset, c.people, c.employed, c.active, c.share])).toEqual([
      ['2026-08', '2026-08', 0, 4, 4, 4, 1],
      ['2026-08', '2026-09', 1, 4, 4, 2, 0.5],
      ['2026-08', '2026-10', 2, 4, 3, 1, 1 / 3], // u4 left on 15 Sep
      ['2026-09', '2026-09', 0, 2, 2, 2, 1],
      ['2026-09', '2026-10', 1, 2, 2, 1, 0.5],
      ['2026-10', '2026-10', 0, 1, 1, 1, 1],
    ]);
  });
});

describe('comparison with the previous period', () => {
  it('takes whole months as months, and other ranges as the same number of days before', () => {
    expect(computePreviousPeriod({ from: '2026-09-01', to: '2026-09-30' })).toEqual({ from: '2026-08-01', to: '2026-08-31' });
    expect(computePreviousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(computePreviousPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    // ISO week 36 (Monday to Sunday) → week 35.
    expect(computePreviousPeriod({ from: '2026-08-31', to: '2026-09-06' })).toEqual({ from: '2026-08-24', to: '2026-08-30' });
    expect(computePreviousPeriod({ from: '2026-09-10', to: '2026-09-19' })).toEqual({ from: '2026-08-31', to: '2026-09-09' });
  });

  it('gives the difference and the relative change of each figure', () => {
    expect(computeChange({ a: 6, rate: 0.5, label: 'x', none: null }, { a: 4, rate: 0.25, label: 'y', none: 3 })).toEqual({
      a: { absolute: 2, relative: 0.5 },
      rate: { absolute: 0.25, relative: 1 },
      none: { absolute: null, relative: null },
    });
    expect(computeChange({ a: 1 }, { a: 0 })).toEqual({ a: { absolute: 1, relative: null } });
    expect(computeChange({ a: 1 }, null)).toBeNull();
  });
});

