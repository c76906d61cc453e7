import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { createApp } from '../../api/app';
import { loadConfig } from '../../api/config';
import { freshDb, projectRoot } from '../helpers';

// fixtures/group-sizes (fixtures/README.md): Einkauf has 5 people (e5 leaves on 30 Sep), Labor 4,
// Service 3; Köln 9, Bonn 3. The minimum group size is 5.
let db: Database;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await freshDb();
  await loadCanonical(db, join(projectRoot, 'fixtures', 'group-sizes'));
  app = createApp({ db, config: loadConfig({}, { dbPath: ':memory:' }), cache: false });
});
afterAll(() => closeDatabase(db));

const get = async (url: string) => {
  const res = await app.request(url);
  expect(res.status, url).toBe(200);
  return res.json();
};

/** Every string value of a JSON answer. */
const values = (node: unknown): string[] =>
  typeof node === 'string' ? [node] : Array.isArray(node) ? node.flatMap(values) : node && typeof node === 'object' ? Object.values(node).flatMap(values) : [];

describe('GET /api/adoption/breakdown and the minimum group size', () => {
  it('shows a department of exactly 5 and folds one of 4 and one of 3 into "(other)"', async () => {
    const body = await get('/api/adoption/breakdown?by=department&month=2026-09');
    expect(body).toMatchObject({ by: 'department', period: { from: '2026-09-01', to: '2026-09-30' }, minGroupSize: 5, suppressed: false });
    expect(body.items).toEqual([
      { group: 'Einkauf', headcount: 5, activeUsers: 5, adoptionRate: 1, suppressed: false, rank: 1, groups: 1, previous: null, change: null },
      // Labor (4 people, 2 active) and Service (3 people, 1 active) together.
      { group: '(other)', headcount: 7, activeUsers: 3, adoptionRate: 3 / 7, suppressed: false, rank: null, groups: 2, previous: null, change: null },
    ]);
    expect(values(body)).not.toContain('Labor');
    expect(values(body)).not.toContain('Service');
  });

  it('folds a department whose headcount fell below the minimum with a leaver, and compares with the same groups before', async () => {
    const body = await get('/api/adoption/breakdown?by=department&month=2026-10&compare=previous');
    expect(body.previousPeriod).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    // October: Einkauf 4 employed (2 active), Labor 4 (1), Service 3 (2). September, same groups: 12 and 8.
    expect(body.items).toEqual([
      {
        group: '(other)', headcount: 11, activeUsers: 5, adoptionRate: 5 / 11, suppressed: false, rank: null, groups: 3,
        previous: { headcount: 12, activeUsers: 8, adoptionRate: 8 / 12 }, change: 5 / 11 - 8 / 12,
      },
    ]);
  });

  it('suppresses "(other)" itself when it stays below the minimum', async () => {
    const body = await get('/api/adoption/breakdown?by=location&month=2026-09');
    expect(body.items).toEqual([
      { group: 'Köln', headcount: 9, activeUsers: 7, adoptionRate: 7 / 9, suppressed: false, rank: 1, groups: 1, previous: null, change: null },
      { group: '(other)', headcount: null, activeUsers: null, adoptionRate: null, suppressed: true, rank: null, groups: 1, previous: null, change: null },
    ]);
    expect(values(body)).not.toContain('Bonn');
  });

  it('defaults to departments in the month of the last day with data', async () => {
    const body = await get('/api/adoption/breakdown');
    expect(body).toMatchObject({ by: 'department', period: { from: '2026-10-01', to: '2026-10-31' } });
  });

  it('answers a filter on a small department as suppressed', async () => {
    expect(await get('/api/adoption/breakdown?by=location&department=Labor')).toMatchObject({ items: [], suppressed: true });
    expect(await get('/api/adoption/kpis?department=Labor')).toMatchObject({ current: null, suppressed: true });
    expect(await get('/api/participation?department=Labor')).toMatchObject({ current: null, suppressed: true });
    expect(await get('/api/adoption/cohorts?department=Labor')).toMatchObject({ items: [], suppressed: true });
    expect((await get('/api/adoption/kpis?department=Einkauf&month=2026-09')).current).toMatchObject({ headcount: 5, activeUsers: 5 });
  });

  it('answers CSV with the same rows and no small group', async () => {
    const res = await app.request('/api/adoption/breakdown?by=department&month=2026-09&format=csv');
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toEqual([
      'group,rank,headcount,activeUsers,adoptionRate,suppressed,groups,previousAdoptionRate,change',
      'Einkauf,1,5,5,1,false,1,,',
      `(other),,7,3,${3 / 7},false,2,,`,
    ]);
  });

  it('answers 400 for an unknown dimension and for a malformed month', async () => {
    const dimension = await app.request('/api/adoption/breakdown?by=team');
    expect(dimension.status).toBe(400);
    expect((await dimension.json()).error.message).toMatch(/^Invalid query: by: /);
    const month = await app.request('/api/adoption/breakdown?month=2026-9');
    expect(month.status).toBe(400);
    expect((await month.json()).error.message).toMatch(/month: expected a month as YYYY-MM/);
  });
});

describe('minimum group size 4', () => {
  it('shows the department of 4 once the minimum is 4', async () => {
    const four = createApp({ db, config: loadConfig({}, { dbPath: ':memory:', minGroupSize: 4 }), cache: false });
    const body = await (await four.request('/api/adoption/breakdown?by=department&month=2026-09')).json();
    expect(body.items.map((i: { group: string; adoptionRate: number | null }) => [i.group, i.adoptionRate])).toEqual([
      ['Einkauf', 1],
      ['Labor', 0.5],
      ['(other)', null], // Service alone: 3 < 4
    ]);
  });
});
