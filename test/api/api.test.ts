import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, getLatestSchemaVersion, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { createApp } from '../../api/app';
import { loadConfig } from '../../api/config';
import { freshDb, smallFixture } from '../helpers';

let db: Database;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await freshDb();
  await loadCanonical(db, smallFixture);
  app = createApp({ db, config: loadConfig({}, { dbPath: ':memory:' }) });
});
afterAll(() => closeDatabase(db));

describe('GET /api/health', () => {
  it('answers 200 with table counts', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', schemaVersion: getLatestSchemaVersion(), tables: { people: 7, content: 7, events: 11, interactions: 2, importRuns: 1 } });
  });
});

describe('GET /api/meta', () => {
  it('answers the data period and the groups, flagging those below the minimum size', async () => {
    const res = await app.request('/api/meta');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.dataPeriod).toEqual({ from: '2026-08-03', to: '2026-10-01' });
    expect(body.minGroupSize).toBe(5);
    expect(body.departments).toEqual([
      { name: 'IT', people: null, suppressed: true },
      { name: 'Marketing', people: null, suppressed: true },
      { name: 'Vertrieb', people: null, suppressed: true },
    ]);
    expect(body.lastImport).toMatchObject({ runId: 1, source: 'canonical', status: 'ok' });
  });
});

describe('GET /api/adoption', () => {
  it('answers 200 with monthly items over the whole data period by default', async () => {
    const res = await app.request('/api/adoption');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.map((i: { period: string; activeUsers: number }) => [i.period, i.activeUsers])).toEqual([
      ['2026-08', 3],
      ['2026-09', 5],
      ['2026-10', 1],
    ]);
  });

  it('answers CSV with the same rows', async () => {
    const res = await app.request('/api/adoption?grain=month&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('period,headcount,activeUsers,adoptionRate,contributors,creators,stickiness');
    expect(lines[2]).toMatch(/^2026-09,5,5,1,2,1,0\.0533/);
  });

  it('suppresses a department smaller than the minimum group size', async () => {
    const res = await app.request('/api/adoption?department=IT');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ items: [], suppressed: true });
  });

  it('answers 400 with a readable message for a bad date', async () => {
    const res = await app.request('/api/adoption?from=2026-13-01');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(/from: not a calendar date/);
  });

  it('answers 400 when from is after to, and for an unknown grain', async () => {
    expect((await app.request('/api/adoption?from=2026-10-01&to=2026-09-01')).status).toBe(400);
    const res = await app.request('/api/adoption?grain=year');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/grain/);
  });

  it('answers 400 for a daily range too long for one answer', async () => {
    const res = await app.request('/api/adoption?grain=day&from=2020-01-01&to=2026-01-01');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/coarser grain/);
  });

  it('never builds SQL from parameters: an injection string is just an unknown department', async () => {
    const res = await app.request(`/api/adoption?department=${encodeURIComponent("x' OR 1=1 --")}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ items: [], suppressed: true });
  });
});

describe('unknown endpoints', () => {
  it('answer 404 in the API error shape', async () => {
    const res = await app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such endpoint: GET /api/nothing-here' } });
  });
});

describe('hardening', () => {
  it('sends security headers and no CORS permission', async () => {
    const res = await app.request('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a request body above 1 MB with 413', async () => {
    const res = await app.request('/api/session', { method: 'POST', body: 'x'.repeat(1024 * 1024 + 10), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
  });
});
