import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { addOptOut } from '../../analytics/privacy';
import { auditWriterOf, hashToken } from '../../api/access';
import { createApp } from '../../api/app';
import { loadConfig, type Config } from '../../api/config';
import { freshDb, projectRoot } from '../helpers';

// fixtures/programme (figures worked out in fixtures/programme/README.md): 4 members, 3 evaluated
// and matched with window=30. With a minimum group size of 3 the groups are shown; with the
// default 5 they are suppressed.
const tmp = mkdtempSync(join(tmpdir(), 'chorus-programmes-'));
const users = { exec: 'token-exec-0123456789', analyst: 'token-analyst-0123456789', lead: 'token-lead-0123456789', admin: 'token-admin-0123456789' };
let db: Database;
const config = (overrides: Partial<Config> = {}) => loadConfig({}, { dbPath: ':memory:', minGroupSize: 3, ...overrides });
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await freshDb();
  await loadCanonical(db, join(projectRoot, 'fixtures', 'programme'));
  app = createApp({ db, config: config(), cache: false });
});
afterAll(() => {
  closeDatabase(db);
  rmSync(tmp, { recursive: true, force: true });
});

const name = encodeURIComponent('Botschafter Test');
const get = async (url: string, status = 200) => {
  const res = await app.request(url);
  expect(res.status, url).toBe(status);
  return res.json();
};

describe('GET /api/programmes', () => {
  it('lists the programmes with members now, joined and left as of the last day with data', async () => {
    expect(await get('/api/programmes')).toEqual({
      asOf: '2026-04-30',
      items: [{ name: 'Botschafter Test', membersNow: 3, joined: 4, left: 1, firstJoin: '2026-02-02', lastJoin: '2026-04-27' }],
    });
  });

  it('answers the list as CSV', async () => {
    const res = await app.request('/api/programmes?format=csv');
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect((await res.text()).replace('\uFEFF', '').split('\r\n')[1]).toBe('Botschafter Test,3,4,1,2026-02-02,2026-04-27');
  });
});

describe('GET /api/programmes/:name/impact', () => {
  it('answers the members, the comparison group and the difference-in-differences', async () => {
    const body = await get(`/api/programmes/${name}/impact?window=30`);
    expect(body).toMatchObject({ programme: 'Botschafter Test', windowDays: 30, minGroupSize: 3, members: 4, evaluated: 3, notEvaluable: 1, matched: 3 });
    expect(body.memberGroup.people).toBe(3);
    expect(body.memberGroup.change.engagement).toBeCloseTo(3, 12);
    expect(body.comparisonGroup.after.engagement).toBeCloseTo(2, 12);
    expect(body.differenceInDifferences.reach).toBeCloseTo(5 / 3, 12);
    expect(body.differenceInDifferences.engagement).toBeCloseTo(7 / 3, 12);
    expect(JSON.stringify(body)).not.toContain('m1'); // aggregates name nobody
  });

  it('answers the impact table as CSV, one row per group and figure', async () => {
    const text = (await (await app.request(`/api/programmes/${name}/impact?window=30&format=csv`)).text()).replace('\uFEFF', '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('group,people,suppressed,figure,before,after,change');
    expect(lines).toContain('members,3,false,posting,1.3333333333333333,3,1.6666666666666667');
    expect(lines.length).toBe(1 + 12);
  });

  it('suppresses groups smaller than the minimum group size', async () => {
    const strict = createApp({ db, config: config({ minGroupSize: 5 }), cache: false });
    const body = await (await strict.request(`/api/programmes/${name}/impact?window=30`)).json();
    expect(body.memberGroup).toEqual({ people: 3, suppressed: true, before: null, after: null, change: null });
    expect(body.comparisonGroup.suppressed).toBe(true);
    expect(body.differenceInDifferences).toBeNull();
  });

  it('answers 404 for an unknown programme', async () => {
    const body = await get('/api/programmes/Gibt%20es%20nicht/impact', 404);
    expect(body.error.message).toContain('Gibt es nicht');
  });

  it.each([['7'], ['400'], ['zehn'], ['30.5']])('answers 400 for window=%s, naming the parameter', async (window) => {
    const body = await get(`/api/programmes/${name}/impact?window=${window}`, 400);
    expect(body.error.message).toContain('window');
  });
});

describe('GET /api/programmes/:name/external', () => {
  it('answers the weekly series with members below the minimum group size suppressed, and the crossing week among the shown weeks', async () => {
    const body = await get(`/api/programmes/${name}/external`);
    expect(body).toMatchObject({ start: '2026-02-02', deadline: '2026-08-02', withinSixMonths: true, minGroupSize: 3 });
    expect(body.crossing).toMatchObject({ week: '2026-W12', membersFollowers: 1480, corporateFollowers: 1170 });
    expect(body.weeks.map((w: { week: string; membersFollowers: number | null; corporateFollowers: number; suppressed: boolean }) => [w.week, w.membersFollowers, w.corporateFollowers, w.suppressed])).toEqual([
      ['2026-W06', null, 1110, true],
      ['2026-W07', null, 1120, true],
      ['2026-W08', null, 1130, true],
      ['2026-W09', null, 1140, true],
      ['2026-W10', null, 1150, true],
      ['2026-W11', null, 1160, true],
      ['2026-W12', 1480, 1170, false],
    ]);
  });

  it('finds the first crossing, W11, when two members are enough', async () => {
    const loose = createApp({ db, config: config({ minGroupSize: 2 }), cache: false });
    const body = await (await loose.request(`/api/programmes/${name}/external?platform=LinkedIn`)).json();
    expect(body.crossing).toEqual({ week: '2026-W11', weekStart: '2026-03-09', membersFollowers: 1210, corporateFollowers: 1160, daysAfterStart: 35 });
  });

  it('answers the series as CSV', async () => {
    const text = await (await app.request(`/api/programmes/${name}/external?format=csv`)).text();
    expect(text.split('\r\n')[0]).toContain('week,weekStart,memberAccounts');
    expect(text.trim().split('\r\n')).toHaveLength(1 + 7);
  });

  it('answers 404 for an unknown programme', async () => {
    await get('/api/programmes/Nope/external', 404);
  });
});

describe('GET /api/programmes/:name/voice', () => {
  it('puts the members’ part of the employee engagement next to the voice share, months with fewer members suppressed', async () => {
    const body = await get(`/api/programmes/${name}/voice`);
    expect(body.items.map((m: { period: string; members: number; employeeEngagement: number; officialEngagement: number; memberEngagement: number | null; memberShare: number | null }) => [m.period, m.members, m.employeeEngagement, m.officialEngagement, m.memberEngagement, m.memberShare])).toEqual([
      ['2026-01', 0, 2, 0, null, null],
      ['2026-02', 1, 12, 1, null, null],
      ['2026-03', 3, 9, 0, 5, 5 / 9],
      ['2026-04', 4, 2, 0, 1, 1 / 2],
    ]);
  });
});

describe('GET /api/programmes/:name/members (person level)', () => {
  it('lists members with their match, without opted-out people by name', async () => {
    const other = await freshDb();
    await loadCanonical(other, join(projectRoot, 'fixtures', 'programme'));
    await withConnection(other, async (c) => {
      await addOptOut(c, 'm3', 'test');
      await addOptOut(c, 'c2', 'test');
    });
    const optApp = createApp({ db: other, config: config(), cache: false });
    const body = await (await optApp.request(`/api/programmes/${name}/members?window=30`)).json();
    const impact = await (await optApp.request(`/api/programmes/${name}/impact?window=30`)).json();
    await auditWriterOf({ db: other, config: config() }).flush();
    closeDatabase(other);
    expect(body.hiddenOptedOut).toBe(1);
    expect(body.items.map((r: { personId: string; displayName: string; match: { personId: string | null; hidden: boolean } | null }) => [r.personId, r.displayName, r.match?.personId ?? null, r.match?.hidden ?? null])).toEqual([
      ['m2', 'Milan Zwei', 'c1', false],
      ['m1', 'Mara Eins', null, true], // matched with c2, who opted out
      ['m4', 'Moritz Vier', null, null],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/m3|Mia Drei|c2|Cem Zwei/);
    expect(body.items[1].match.change).toEqual({ reach: 1, engagement: 1, posting: 0 });
    expect(impact.evaluated).toBe(3); // opted-out members still count in the aggregates
  });

  it('shows a department below the minimum group size as "(other)"', async () => {
    // Vertrieb has 5 person accounts, Technik 4.
    const strict = createApp({ db, config: config({ minGroupSize: 5 }), cache: false });
    const body = await (await strict.request(`/api/programmes/${name}/members?window=30`)).json();
    expect(body.items.map((r: { personId: string; department: string }) => [r.personId, r.department])).toEqual([
      ['m2', 'Vertrieb'],
      ['m1', 'Vertrieb'],
      ['m3', '(other)'],
      ['m4', '(other)'],
    ]);
    const csv = await (await strict.request(`/api/programmes/${name}/members?window=30&format=csv`)).text();
    expect(csv).not.toContain('Technik');
  });

  it('answers 404 for an unknown programme and 400 for a bad window', async () => {
    await get('/api/programmes/Nope/members', 404);
    await get(`/api/programmes/${name}/members?window=0`, 400);
  });
});

describe('access', () => {
  let tokens: ReturnType<typeof createApp>;
  beforeAll(() => {
    const file = join(tmp, 'users.json');
    writeFileSync(file, JSON.stringify(Object.entries(users).map(([role, token]) => ({ name: `${role}-user`, role, tokenSha256: hashToken(token) }))));
    tokens = createApp({ db, config: config({ usersFile: file }), cache: false });
  });
  const as = (role: keyof typeof users, url: string) => tokens.request(url, { headers: { authorization: `Bearer ${users[role]}` } });

  it.each([
    ['/api/programmes', { exec: 200, analyst: 200, lead: 200, admin: 200 }],
    [`/api/programmes/${name}/impact`, { exec: 200, analyst: 200, lead: 200, admin: 200 }],
    [`/api/programmes/${name}/external`, { exec: 200, analyst: 200, lead: 200, admin: 200 }],
    [`/api/programmes/${name}/voice`, { exec: 200, analyst: 200, lead: 200, admin: 200 }],
    [`/api/programmes/${name}/members`, { exec: 403, analyst: 403, lead: 200, admin: 200 }],
  ])('gives each role what it may see on %s', async (url, expected) => {
    for (const role of Object.keys(users) as Array<keyof typeof users>) expect((await as(role, url)).status, `${role} ${url}`).toBe(expected[role]);
  });

  it('keeps the per-member table person-level also for a name with an encoded slash', async () => {
    expect((await as('exec', '/api/programmes/A%2FB/members')).status).toBe(403);
  });

  it('writes the per-member table to the audit log', async () => {
    await as('lead', `/api/programmes/${name}/members?window=45`);
    await auditWriterOf({ db, config: config() }).flush();
    const body = await (await as('admin', '/api/audit')).json();
    expect(body.items.find((e: { target: string }) => e.target === '/api/programmes/Botschafter Test/members')).toMatchObject({
      actor: 'lead-user',
      action: 'view person-level',
      filters: JSON.stringify({ window: ['45'] }),
    });
  });

  it('switches the per-member table off in works-council mode, the aggregates stay', async () => {
    const council = createApp({ db, config: config({ worksCouncil: true }), cache: false });
    const res = await council.request(`/api/programmes/${name}/members`);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('works_council');
    expect((await council.request(`/api/programmes/${name}/impact`)).status).toBe(200);
  });
});
