import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { runMetricsJob } from '../../analytics/jobs/person-metrics';
import { createApp } from '../../api/app';
import { loadConfig } from '../../api/config';
import { freshDb, smallFixture } from '../helpers';

let db: Database;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await freshDb();
  await loadCanonical(db, smallFixture);
  await runMetricsJob(db);
  app = createApp({ db, config: loadConfig({}, { dbPath: ':memory:' }) });
});
afterAll(() => closeDatabase(db));

describe('GET /api/influencers', () => {
  it('answers the ranked people of the last 90 days, without the official account, explained', async () => {
    const res = await app.request('/api/influencers?lang=en');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.period).toMatchObject({ periodId: 'last90', from: '2026-08-03', to: '2026-10-01' });
    expect(body.total).toBe(5);
    expect(body.items.map((i: { personId: string }) => i.personId).sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(body.items[0].rank).toBe(1);
    expect(body.items[0].explanation.length).toBeGreaterThan(0);
    expect(typeof body.items[0].explanation[0]).toBe('string');
  });

  it('computes a custom period on request in a worker and stores it', async () => {
    const res = await app.request('/api/influencers?from=2026-09-01&to=2026-09-30');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.period).toMatchObject({ periodId: 'month:2026-09' });
    const custom = await app.request('/api/influencers?from=2026-09-02&to=2026-09-30');
    expect(custom.status).toBe(200);
    expect((await custom.json()).period).toMatchObject({ periodId: 'custom:2026-09-02..2026-09-30', kind: 'custom' });
  });

  it('answers CSV with the explanation in words', async () => {
    const res = await app.request('/api/influencers?format=csv&lang=de');
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['rank', 'personId', 'displayName']);
    expect(lines).toHaveLength(6);
  });

  it('answers 400 for an unknown role, a sort key outside the allow-list, or only one of from/to', async () => {
    expect((await app.request('/api/influencers?role=king')).status).toBe(400);
    const sort = await app.request(`/api/influencers?sort=${encodeURIComponent('score; DROP TABLE people')}`);
    expect(sort.status).toBe(400);
    expect((await sort.json()).error.message).toMatch(/sort/);
    expect((await app.request('/api/influencers?from=2026-09-01')).status).toBe(400);
  });
});

describe('GET /api/people/:id', () => {
  it('answers a profile with ties and departments reached', async () => {
    const res = await app.request('/api/people/p1?from=2026-08-01&to=2026-10-31');
    expect(res.status).toBe(200);
    const body = await res.json();
    // Vertrieb has 2 people, below the minimum group size of 5: folded
    expect(body.person).toMatchObject({ personId: 'p1', displayName: 'Anna Schmidt', department: '(other)' });
    expect(body.ties.filter((t: { direction: string }) => t.direction === 'out').map((t: { personId: string; weight: number }) => [t.personId, t.weight])).toEqual([
      ['p4', 5],
      ['c1', 4],
      ['p3', 3],
      ['p5', 2],
    ]);
    // Vertrieb, IT and Marketing have fewer than 5 people: folded into "(other)"
    expect(body.departmentsReached).toEqual([{ department: '(other)', people: 4 }]);
  });

  it('answers 404 for an unknown person', async () => {
    const res = await app.request('/api/people/nobody');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});

describe('GET /api/network', () => {
  it('answers the top people and the edges among them', async () => {
    const res = await app.request('/api/network?limit=10&minWeight=3');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.nodes).toHaveLength(5);
    expect(body.edges.map((e: { source: string; target: string }) => `${e.source}>${e.target}`).sort()).toEqual(['p1>p3', 'p1>p4', 'p3>p2', 'p4>p1']);
  });

  it('answers 400 for a limit out of range', async () => {
    expect((await app.request('/api/network?limit=100000')).status).toBe(400);
  });

  it('folds small departments in the collaboration matrix', async () => {
    const res = await app.request('/api/network/matrix');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.departments).toEqual(['(other)']);
  });
});
