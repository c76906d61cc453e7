import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, queryRows, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { runMetricsJob } from '../../analytics/jobs/person-metrics';
import { stopGraphWorker } from '../../analytics/jobs/period-cache';
import { auditWriterOf, hashToken } from '../../api/access';
import { createApp } from '../../api/app';
import { loadConfig, type Config } from '../../api/config';
import { cleanExports, freshDb, writeExport } from '../helpers';

// Eight colleagues and an official account; reach only through dated e-mails (September 2026):
//   p1 → p2 p3 p4 p5; p2 → p3; p5 → p4; p6 → p7 p8 p1; the official account o1 → everyone.
// Vertrieb: p1–p5 (5 people); IT: p6–p8 (3, below the minimum group size 5: shown as "(other)").
// Greedy for 2: p1 (gain 4), then p6 (gain 3: p7, p8, p1) → 7 of 8 reached (only p6 is not).
const tmp = mkdtempSync(join(tmpdir(), 'chorus-pilot-api-'));
let db: Database;
const mail = (from: string, to: string) => `${from},${to},2026-09-10T10:00:00+02:00,email,1`;
const ties = [...['p2', 'p3', 'p4', 'p5'].map((t) => mail('p1', t)), mail('p2', 'p3'), mail('p5', 'p4'), ...['p7', 'p8', 'p1'].map((t) => mail('p6', t)), ...['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'].map((t) => mail('o1', t))];
beforeAll(async () => {
  const people = ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => `${id},Name ${id},Vertrieb,Hamburg,person`).concat(['p6', 'p7', 'p8'].map((id) => `${id},Name ${id},IT,Köln,person`), ['o1,Firmenkanal,,,official']);
  const dir = writeExport({
    'people.csv': `person_id,display_name,department,location,account_type\n${people.join('\n')}\n`,
    'interactions.csv': `source_id,target_id,occurred_at,channel,weight\n${ties.join('\n')}\n`,
  });
  db = await freshDb();
  await loadCanonical(db, dir);
  await runMetricsJob(db);
});
afterAll(async () => {
  await stopGraphWorker();
  closeDatabase(db);
  cleanExports();
  rmSync(tmp, { recursive: true, force: true });
});

const config = (overrides: Partial<Config> = {}) => loadConfig({}, { dbPath: ':memory:', ...overrides });
const post = (app: ReturnType<typeof createApp>, url: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const period = { from: '2026-09-01', to: '2026-09-30' };

describe('POST /api/pilot-group', () => {
  it('answers the greedy group with marginal gains, coverage, and small departments folded and hidden', async () => {
    const app = createApp({ db, config: config() });
    const res = await post(app, '/api/pilot-group', { size: 2, ...period });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.members.map((m: { personId: string; marginalGain: number; cumulativeCoverage: number }) => [m.personId, m.marginalGain, m.cumulativeCoverage])).toEqual([
      ['p1', 4, 4],
      ['p6', 3, 7],
    ]);
    expect(body.members[1]).toMatchObject({ displayName: 'Name p6', department: '(other)', location: '(other)' });
    // IT alone is "(other)" and below 5 people: its figures stay hidden.
    expect(body).toMatchObject({ reached: 7, population: 8, coverage: 7 / 8, candidates: 8, departmentsCovered: ['Vertrieb'], unreachedDepartments: [] });
    expect(body.departmentCoverage).toEqual([
      { group: 'Vertrieb', people: 5, reached: 5, share: 1 },
      { group: '(other)', people: null, reached: null, share: null },
    ]);
    expect(body.curve.map((p: { optimised: number }) => p.optimised)).toEqual([4, 7]);
    expect(body.baseline.size).toBe(2);
    expect(body.baseline.reached).toBeLessThanOrEqual(7);
  });

  it('never picks an excluded or opted-out person, and still counts them as reached', async () => {
    const app = createApp({ db, config: config() });
    await withConnection(db, (c) => c.run("INSERT INTO opt_outs VALUES ('p6', now(), 'test')"));
    try {
      const body = await (await post(app, '/api/pilot-group', { size: 2, ...period, exclude: ['p1', 'nobody'] })).json();
      const ids = body.members.map((m: { personId: string }) => m.personId);
      expect(ids).not.toContain('p1');
      expect(ids).not.toContain('p6');
      expect(body.unknownExclusions).toEqual(['nobody']);
      expect(body.population).toBe(8);
    } finally {
      await withConnection(db, (c) => c.run("DELETE FROM opt_outs WHERE person_id = 'p6'"));
    }
  });

  it('answers 400 naming the field for a bad body', async () => {
    const app = createApp({ db, config: config() });
    const res = await post(app, '/api/pilot-group', { size: 0, quotas: [{ by: 'team', group: 'A', min: 1 }] });
    expect(res.status).toBe(400);
    const message = (await res.json()).error.message as string;
    expect(message).toMatch(/size: size must be at least 1/);
    expect(message).toMatch(/quotas\.0\.by/);
    expect((await post(app, '/api/pilot-group', { size: 2, quota: [] })).status).toBe(400);
  });

  it('answers 400 naming the quota that cannot be met', async () => {
    const app = createApp({ db, config: config() });
    const res = await post(app, '/api/pilot-group', { size: 6, ...period, quotas: [{ by: 'department', group: 'Vertrieb', min: 6 }] });
    expect(res.status).toBe(400);
    const error = (await res.json()).error;
    expect(error.code).toBe('infeasible');
    expect(error.message).toBe('Quota department "Vertrieb" (min 6): the department has only 5 eligible candidates.');
    expect(error.details).toMatchObject({ kind: 'minAboveEligible', figures: { eligible: 5 }, quota: { by: 'department', group: 'Vertrieb', min: 6 } });
  });

  it('refuses a quota on a group below the minimum group size, which would show who belongs to it', async () => {
    const app = createApp({ db, config: config() });
    for (const quota of [{ by: 'department', group: 'IT', min: 1 }, { by: 'location', group: 'Köln', max: 1 }, { by: 'department', group: 'Nirgendwo', min: 1 }]) {
      const res = await post(app, '/api/pilot-group', { size: 2, ...period, quotas: [quota] });
      expect(res.status).toBe(400);
      const error = (await res.json()).error;
      expect(error.code).toBe('small_group');
      expect(error.message).toBe(`No quota on the ${quota.by} "${quota.group}": it has fewer than 5 people (or none), and a quota would show who belongs to it.`);
    }
    // A pool of only that group would list its members just the same.
    const pooled = await post(app, '/api/pilot-group', { size: 1, ...period, pool: { departments: ['IT'] } });
    expect(pooled.status).toBe(400);
    expect((await pooled.json()).error.message).toBe('No pool of the department "IT": it has fewer than 5 people (or none), and the answer would show who belongs to it.');
    // The same quota is fine once the minimum group size allows the group.
    const small = createApp({ db, config: config({ minGroupSize: 3 }) });
    expect((await post(small, '/api/pilot-group', { size: 2, ...period, quotas: [{ by: 'department', group: 'IT', min: 1 }] })).status).toBe(200);
  });

  it('meets a minimum by restricting the last places to the department', async () => {
    const app = createApp({ db, config: config() });
    const body = await (await post(app, '/api/pilot-group', { size: 2, ...period, quotas: [{ by: 'department', group: 'Vertrieb', min: 2 }] })).json();
    expect(body.members.map((m: { personId: string }) => m.personId)[0]).toBe('p1');
    expect(body.members.every((m: { department: string }) => m.department === 'Vertrieb')).toBe(true);
    // p1 reaches p2–p5; no other Vertrieb colleague reaches anyone new (p2 → p3, p5 → p4), so the
    // minimum costs the 3 IT colleagues p6 would have added.
    expect(body.reached).toBe(4);
  });

  it('answers 403 for an analyst and in works-council mode', async () => {
    const file = join(tmp, 'users.json');
    writeFileSync(file, JSON.stringify([{ name: 'ana', role: 'analyst', tokenSha256: hashToken('token-analyst-0123456789') }]));
    const app = createApp({ db, config: config({ usersFile: file }) });
    expect((await post(app, '/api/pilot-group', { size: 2 }, { authorization: 'Bearer token-analyst-0123456789' })).status).toBe(403);
    const council = createApp({ db, config: config({ worksCouncil: true }) });
    const res = await post(council, '/api/pilot-group', { size: 2 });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('works_council');
    expect((await council.request('/api/tandems')).status).toBe(403);
    expect((await council.request('/api/pilot-groups')).status).toBe(403);
  });

  it('writes the view to the audit log and exports the members as CSV', async () => {
    const app = createApp({ db, config: config() });
    const res = await post(app, '/api/pilot-group?format=csv', { size: 2, ...period });
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('personId,displayName,department,location,rank,reach,marginalGain,cumulativeCoverage,cumulativeShare');
    expect(lines[1].startsWith('p1,Name p1,Vertrieb,Hamburg,')).toBe(true);
    await auditWriterOf({ db, config: config() }).flush();
    const audit = await withConnection(db, (c) => queryRows<{ action: string }>(c, "SELECT action FROM audit_log WHERE target = '/api/pilot-group'"));
    expect(audit.map((a) => a.action)).toContain('export csv (person-level)');
  });
});

describe('saved pilot groups', () => {
  it('saves, lists, reads, compares and deletes groups', async () => {
    const app = createApp({ db, config: config() });
    const first = await post(app, '/api/pilot-groups', { name: 'Zwei', request: { size: 2, ...period } });
    expect(first.status).toBe(201);
    const a = await first.json();
    expect(a).toMatchObject({ name: 'Zwei', size: 2, reached: 7, population: 8, from: '2026-09-01' });
    expect((await post(app, '/api/pilot-groups', { name: 'Zwei', request: { size: 1, ...period } })).status).toBe(409);
    const b = await (await post(app, '/api/pilot-groups', { name: 'Eins', request: { size: 1, ...period } })).json();

    const list = await (await app.request('/api/pilot-groups')).json();
    expect(list.items.map((g: { name: string }) => g.name)).toEqual(['Eins', 'Zwei']);

    const read = await (await app.request(`/api/pilot-groups/${a.groupId}`)).json();
    expect(read.members.map((m: { personId: string }) => m.personId)).toEqual(['p1', 'p6']);
    expect(read.request).toMatchObject({ size: 2, from: '2026-09-01', to: '2026-09-30' });

    const compare = await (await app.request(`/api/pilot-groups/compare?a=${a.groupId}&b=${b.groupId}`)).json();
    expect(compare).toMatchObject({ population: 8, a: { reached: 7, onlyThis: 3 }, b: { reached: 4, onlyThis: 0 }, union: { reached: 7 }, reachedByBoth: 4 });
    expect(compare.overlap.members.map((m: { personId: string }) => m.personId)).toEqual(['p1']);

    expect((await app.request(`/api/pilot-groups/${b.groupId}`, { method: 'DELETE' })).status).toBe(200);
    expect((await app.request(`/api/pilot-groups/${b.groupId}`)).status).toBe(404);
    expect((await app.request('/api/pilot-groups/abc')).status).toBe(400);
    expect((await app.request(`/api/pilot-groups/compare?a=${a.groupId}&b=999`)).status).toBe(404);
  });
});

describe('GET /api/tandems', () => {
  it('answers an empty list with the settings when no one posts, and 400 for contradictory thresholds', async () => {
    const app = createApp({ db, config: config() });
    const res = await app.request('/api/tandems?from=2026-09-01&to=2026-09-30');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ items: [], settings: { minPosts: 5, maxItems: 2, minReads: 10 } });
    expect((await app.request('/api/tandems?minPosts=2&maxItems=3')).status).toBe(400);
  });
});
