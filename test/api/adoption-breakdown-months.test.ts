import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { metricDefinitions } from '../../analytics/metric-definitions';
import { createApp } from '../../api/app';
import { loadConfig } from '../../api/config';
import { freshDb, projectRoot } from '../helpers';

// fixtures/group-sizes (fixtures/README.md): Einkauf e1–e5 (e5 leaves on 30 Sep), Labor l1–l4,
// Service v1–v3; September active: e1–e5, l1, l2, v1; October: e1, e2, l1, v1, v2. Minimum 5.
// September and October together: Einkauf 5 employed, 5 active (rank 1); Labor 4 (l1, l2 active)
// and Service 3 (v1, v2) are small: "(other)" 7 employed, 4 active. Per month as /breakdown says:
// September Einkauf 5/5, "(other)" 7/3 (2 groups); October Einkauf has 4 employed and is folded:
// "(other)" 11/5 (3 groups).
let db: Database;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await freshDb();
  await loadCanonical(db, join(projectRoot, 'fixtures', 'group-sizes'));
  app = createApp({ db, config: loadConfig({}, { dbPath: ':memory:' }), cache: false });
});
afterAll(() => closeDatabase(db));

const values = (node: unknown): string[] =>
  typeof node === 'string' ? [node] : Array.isArray(node) ? node.flatMap(values) : node && typeof node === 'object' ? Object.values(node).flatMap(values) : [];

describe('GET /api/adoption/breakdown/months', () => {
  const url = '/api/adoption/breakdown/months?by=department&from=2026-09-01&to=2026-10-31';

  it('folds each month on its own and ranks the groups by their rate over the whole range', async () => {
    const res = await app.request(url);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ by: 'department', period: { from: '2026-09-01', to: '2026-10-31' }, months: ['2026-09', '2026-10'], minGroupSize: 5, suppressed: false });
    expect(body.items).toEqual([
      {
        group: 'Einkauf', rank: 1, headcount: 5, activeUsers: 5, adoptionRate: 1, suppressed: false, groups: 1,
        cells: [
          { month: '2026-09', from: '2026-09-01', to: '2026-09-30', status: 'shown', headcount: 5, activeUsers: 5, adoptionRate: 1, rank: 1, groups: 1 },
          { month: '2026-10', from: '2026-10-01', to: '2026-10-31', status: 'other', headcount: null, activeUsers: null, adoptionRate: null, rank: null, groups: 0 },
        ],
      },
      {
        group: '(other)', rank: null, headcount: 7, activeUsers: 4, adoptionRate: 4 / 7, suppressed: false, groups: 2,
        cells: [
          { month: '2026-09', from: '2026-09-01', to: '2026-09-30', status: 'shown', headcount: 7, activeUsers: 3, adoptionRate: 3 / 7, rank: null, groups: 2 },
          { month: '2026-10', from: '2026-10-01', to: '2026-10-31', status: 'shown', headcount: 11, activeUsers: 5, adoptionRate: 5 / 11, rank: null, groups: 3 },
        ],
      },
    ]);
    expect(values(body)).not.toContain('Labor');
    expect(values(body)).not.toContain('Service');
  });

  it('gives each month the figures of /breakdown for that month', async () => {
    const months = await (await app.request(url)).json();
    for (const [i, month] of ['2026-09', '2026-10'].entries()) {
      const single = await (await app.request(`/api/adoption/breakdown?by=department&month=${month}`)).json();
      const shown = months.items.filter((item: { cells: Array<{ status: string }> }) => item.cells[i].status === 'shown');
      expect(shown.map((item: { group: string; cells: Array<{ adoptionRate: number }> }) => [item.group, item.cells[i].adoptionRate])).toEqual(
        single.items.map((item: { group: string; adoptionRate: number }) => [item.group, item.adoptionRate]),
      );
    }
  });

  it('cuts the first and last month to the requested days', async () => {
    const body = await (await app.request('/api/adoption/breakdown/months?from=2026-09-15&to=2026-10-10')).json();
    expect(body.items[0].cells.map((c: { from: string; to: string }) => [c.from, c.to])).toEqual([
      ['2026-09-15', '2026-09-30'],
      ['2026-10-01', '2026-10-10'],
    ]);
  });

  it('answers CSV with one row per group and month and no small group', async () => {
    const res = await app.request(`${url}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('adoption-by-department-per-month-2026-09-01-2026-10-31.csv');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toEqual([
      'group,periodRank,periodAdoptionRate,month,from,to,status,headcount,activeUsers,adoptionRate,rank,groups',
      'Einkauf,1,1,2026-09,2026-09-01,2026-09-30,shown,5,5,1,1,1',
      'Einkauf,1,1,2026-10,2026-10-01,2026-10-31,other,,,,,0',
      `(other),,${4 / 7},2026-09,2026-09-01,2026-09-30,shown,7,3,${3 / 7},,2`,
      `(other),,${4 / 7},2026-10,2026-10-01,2026-10-31,shown,11,5,${5 / 11},,3`,
    ]);
  });

  it('answers a filter on a small department as suppressed', async () => {
    const body = await (await app.request('/api/adoption/breakdown/months?department=Labor')).json();
    expect(body).toMatchObject({ items: [], suppressed: true });
  });

  it('answers 400 for an unknown dimension and for more than 36 months', async () => {
    const dimension = await app.request('/api/adoption/breakdown/months?by=team');
    expect(dimension.status).toBe(400);
    expect((await dimension.json()).error.message).toMatch(/^Invalid query: by: /);
    const long = await app.request('/api/adoption/breakdown/months?from=2023-01-01&to=2026-10-31');
    expect(long.status).toBe(400);
    expect((await long.json()).error.message).toBe('The range 2023-01-01 to 2026-10-31 spans 46 months; the breakdown per month covers at most 36. Choose a shorter range.');
  });
});

describe('GET /api/definitions', () => {
  it('serves every metric definition of analytics/metric-definitions.ts in German and English, cacheable for a day', async () => {
    const res = await app.request('/api/definitions');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, max-age=86400');
    const body = (await res.json()) as { items: Array<{ key: string; de: string; en: string }> };
    expect(body.items.length).toBe(metricDefinitions.length);
    expect(body.items.find((d) => d.key === 'adoptionRate')).toEqual({ key: 'adoptionRate', de: 'Aktive Nutzende geteilt durch Beschäftigte im selben Zeitraum.', en: 'Active users divided by headcount in the same period.' });
  });
});
