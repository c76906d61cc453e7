import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { getAdoption } from '../../analytics/queries/adoption';
import { getDataPeriod } from '../../analytics/queries/meta';
import { freshDb, smallFixture } from '../helpers';

// Hand-computed values for fixtures/small; the derivation is in fixtures/README.md.
let db: Database;
beforeAll(async () => {
  db = await freshDb();
  await loadCanonical(db, smallFixture);
});
afterAll(() => closeDatabase(db));

const adoption = (grain: 'day' | 'week' | 'month', extra: { from?: string; to?: string; department?: string } = {}) =>
  withConnection(db, (c) => getAdoption(c, { from: extra.from ?? '2026-08-03', to: extra.to ?? '2026-10-01', grain, department: extra.department }));

describe('adoption on the small fixture', () => {
  it('finds the data period from the first to the last local day with activity', async () => {
    expect(await withConnection(db, getDataPeriod)).toEqual({ from: '2026-08-03', to: '2026-10-01' });
  });

  it('counts months with leavers, joiners, the midnight edge and without official or bot accounts', async () => {
    const months = await adoption('month');
    expect(months.map(({ stickiness, ...rest }) => rest)).toEqual([
      // p3 joins on 10 Sep, p2 leaves on 15 Sep, p4 has no dates; c1 and b1 never count.
      { period: '2026-08', headcount: 4, activeUsers: 3, adoptionRate: 0.75, contributors: 2, creators: 1 },
      // p5's view at 22:30 UTC on 31 Aug is 00:30 on 1 Sep in Berlin.
      { period: '2026-09', headcount: 5, activeUsers: 5, adoptionRate: 1, contributors: 2, creators: 1 },
      // p4's login at 22:30 UTC on 30 Sep is 1 Oct in Berlin.
      { period: '2026-10', headcount: 4, activeUsers: 1, adoptionRate: 0.25, contributors: 0, creators: 0 },
    ]);
    // stickiness = mean DAU over the period's days in range / MAU
    expect(months[0].stickiness).toBeCloseTo(3 / 29 / 3, 12);
    expect(months[1].stickiness).toBeCloseTo(8 / 30 / 5, 12);
    expect(months[2].stickiness).toBeCloseTo(1, 12);
  });

  it('labels ISO weeks starting on Monday and keeps weeks without activity', async () => {
    const weeks = await adoption('week');
    expect(weeks.map((w) => w.period)).toEqual(['2026-W32', '2026-W33', '2026-W34', '2026-W35', '2026-W36', '2026-W37', '2026-W38', '2026-W39', '2026-W40']);
    const w36 = weeks[4]; // Mon 31 Aug .. Sun 6 Sep
    expect(w36).toMatchObject({ headcount: 4, activeUsers: 4, contributors: 1, creators: 1 });
    expect(w36.stickiness).toBeCloseTo(6 / 7 / 4, 12);
    expect(weeks[1]).toMatchObject({ activeUsers: 0, stickiness: null });
  });

  it('counts days in the configured time zone', async () => {
    const days = await adoption('day', { from: '2026-08-31', to: '2026-09-02' });
    expect(days.map((d) => [d.period, d.activeUsers])).toEqual([
      ['2026-08-31', 0],
      ['2026-09-01', 3],
      ['2026-09-02', 3],
    ]);
    expect(days[0].stickiness).toBeNull();
  });

  it('filters by department', async () => {
    const months = await adoption('month', { department: 'Vertrieb' });
    expect(months.map((m) => [m.period, m.headcount, m.activeUsers])).toEqual([
      ['2026-08', 2, 2],
      ['2026-09', 2, 2],
      ['2026-10', 1, 0],
    ]);
  });

  it('gives nothing for an inverted range', async () => {
    expect(await adoption('month', { from: '2026-10-01', to: '2026-08-01' })).toEqual([]);
  });
});
