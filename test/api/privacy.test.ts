import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, queryRows, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { computePseudonym } from '../../analytics/ingest/load';
import { runMetricsJob } from '../../analytics/jobs/person-metrics';
import { addOptOut } from '../../analytics/privacy';
import { hashToken } from '../../api/access';
import { createApp } from '../../api/app';
import { loadConfig, type Config } from '../../api/config';
import { generateDemo } from '../../fixtures/generate';
import { freshDb, smallFixture } from '../helpers';

const tmp = mkdtempSync(join(tmpdir(), 'chorus-privacy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function smallDb(): Promise<Database> {
  const db = await freshDb();
  await loadCanonical(db, smallFixture);
  await runMetricsJob(db);
  return db;
}

const config = (overrides: Partial<Config> = {}) => loadConfig({}, { dbPath: ':memory:', ...overrides });

describe('pseudonymisation', () => {
  const secret = 'a-secret-of-sufficient-length';

  it('stores keyed hashes instead of person ids, stable across imports and not the raw ids', async () => {
    const db = await freshDb();
    const first = await loadCanonical(db, smallFixture, { privacy: { pseudonymSecret: secret } });
    const again = await loadCanonical(db, smallFixture, { privacy: { pseudonymSecret: secret } });
    const ids = await withConnection(db, (c) => queryRows<{ id: string }>(c, 'SELECT person_id AS id FROM people ORDER BY 1'));
    const authors = await withConnection(db, (c) => queryRows<{ id: string }>(c, "SELECT author_id AS id FROM content WHERE content_id = 'k1'"));
    closeDatabase(db);
    expect(first.loaded.people).toBe(7);
    expect(again.loaded).toEqual({ people: 0, content: 0, events: 0, interactions: 0 });
    expect(again.duplicates).toBe(29);
    expect(ids.every((r) => /^ps_[0-9a-f]{24}$/.test(r.id))).toBe(true);
    expect(authors).toEqual([{ id: computePseudonym(secret, 'p1') }]);
  });

  it('gives other pseudonyms with another secret (not reversible without it)', () => {
    expect(computePseudonym(secret, 'p1')).toBe(computePseudonym(secret, 'p1'));
    expect(computePseudonym('another-secret-of-length', 'p1')).not.toBe(computePseudonym(secret, 'p1'));
    expect(computePseudonym(secret, 'p1')).not.toContain('p1');
  });

  it('keeps no names or e-mails when identities are switched off', async () => {
    const db = await freshDb();
    await loadCanonical(db, smallFixture, { privacy: { pseudonymSecret: secret, identities: false } });
    const n = await withConnection(db, (c) => queryRows<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM identities'));
    closeDatabase(db);
    expect(n).toEqual([{ n: 0 }]);
  });
});

describe('opt-out', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await smallDb();
    await withConnection(db, (c) => addOptOut(c, 'p1', 'asked on 2026-11-01'));
    await runMetricsJob(db);
    app = createApp({ db, config: config() });
  });
  afterAll(() => closeDatabase(db));

  const personLevel = [
    '/api/influencers',
    '/api/influencers?format=csv',
    '/api/influencers?from=2026-09-02&to=2026-09-30',
    '/api/network?minWeight=0',
    '/api/people/p4',
    '/api/people/p2',
  ];

  it.each(personLevel)('never lists or names the opted-out person in %s', async (url) => {
    const res = await app.request(url);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/"p1"|,p1,|Anna Schmidt/);
  });

  it('answers 404 for the opted-out person, as for an unknown id', async () => {
    expect((await app.request('/api/people/p1')).status).toBe(404);
  });

  it('still counts the opted-out person in aggregates', async () => {
    const body = await (await app.request('/api/adoption')).json();
    expect(body.items[0]).toMatchObject({ period: '2026-08', activeUsers: 3 });
  });
});

describe('minimum group size: a department of 4 never appears with figures', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    const dir = join(tmp, 'demo');
    await generateDemo(dir, { people: 300, targetEvents: 30_000 });
    db = await freshDb();
    await loadCanonical(db, dir);
    await runMetricsJob(db);
    app = createApp({ db, config: config() });
  }, 120_000);
  afterAll(() => closeDatabase(db));

  it('walks every endpoint with every breakdown parameter', async () => {
    const people = await withConnection(db, (c) => queryRows<{ id: string }>(c, "SELECT person_id AS id FROM people WHERE department = 'Recht'"));
    expect(people).toHaveLength(4);
    const someone = (await withConnection(db, (c) => queryRows<{ id: string }>(c, "SELECT person_id AS id FROM person_metrics WHERE period_id = 'last90' AND rank = 1")))[0].id;
    const urls = [
      '/api/adoption', '/api/adoption?grain=week', '/api/adoption?department=Recht', '/api/adoption?department=Recht&format=csv',
      '/api/influencers?limit=5000', '/api/influencers?department=Recht', '/api/influencers?format=csv&limit=5000',
      '/api/network?limit=1000&minWeight=0', '/api/network?department=Recht', '/api/network/matrix', '/api/network/matrix?format=csv',
      `/api/people/${someone}`, ...people.map((p) => `/api/people/${p.id}`),
      '/api/adoption/breakdown?by=department', '/api/adoption/breakdown?by=department&format=csv', '/api/adoption/breakdown?by=department&compare=previous',
      '/api/adoption/breakdown?by=location', '/api/adoption/breakdown?by=space', '/api/adoption/breakdown?by=space&department=Recht',
      '/api/adoption/kpis?department=Recht', '/api/adoption/cohorts', '/api/adoption/cohorts?department=Recht', '/api/participation?department=Recht',
      '/api/content/summary?department=Recht', '/api/content/formats?department=Recht', '/api/content/questions?limit=1000',
      '/api/content/questions?format=csv&limit=1000', '/api/content/top?limit=1000', '/api/content/top?limit=1000&format=csv',
      '/api/content/top?department=Recht', '/api/content/syndicated?limit=1000', '/api/content/syndicated?limit=1000&format=csv',
      '/api/content/spaces', '/api/content/spaces?format=csv', '/api/content/spaces?department=Recht', '/api/content/voice-share',
      '/api/adoption/breakdown/months?by=department', '/api/adoption/breakdown/months?by=department&format=csv', '/api/adoption/breakdown/months?by=location', '/api/adoption/breakdown/months?by=space',
    ];
    // The group must never stand as a value (a department, a matrix row, a CSV cell); a job
    // title such as "Leiter Recht" is a personal attribute, not the group.
    const values = (node: unknown): string[] =>
      typeof node === 'string' ? [node] : Array.isArray(node) ? node.flatMap(values) : node && typeof node === 'object' ? Object.values(node).flatMap(values) : [];
    for (const url of urls) {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      const text = await res.text();
      const cells = url.includes('format=csv') ? text.split(/[\r\n,]+/).map((cell) => cell.replace(/^"|"$/g, '')) : values(JSON.parse(text));
      expect(cells, url).not.toContain('Recht');
    }
    const meta = await (await app.request('/api/meta')).json();
    expect(meta.departments.find((d: { name: string }) => d.name === 'Recht')).toEqual({ name: 'Recht', people: null, suppressed: true });
  });
});

describe('access: roles, tokens, works-council mode, rate limit, audit', () => {
  let db: Database;
  const users = { exec: 'token-exec-0123456789', analyst: 'token-analyst-0123456789', lead: 'token-lead-0123456789', admin: 'token-admin-0123456789' };
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await smallDb();
    const file = join(tmp, 'users.json');
    writeFileSync(file, JSON.stringify(Object.entries(users).map(([role, token]) => ({ name: `${role}-user`, role, tokenSha256: hashToken(token) }))));
    app = createApp({ db, config: config({ usersFile: file }) });
  });
  afterAll(() => closeDatabase(db));

  const as = (role: keyof typeof users | null, url: string) => app.request(url, role ? { headers: { authorization: `Bearer ${users[role]}` } } : {});

  it('answers 401 without a token and with a wrong one, but keeps the health check open', async () => {
    expect((await as(null, '/api/adoption')).status).toBe(401);
    expect((await app.request('/api/adoption', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await as(null, '/api/health')).status).toBe(200);
  });

  const matrix: Array<[string, Record<keyof typeof users, number>]> = [
    ['/api/meta', { exec: 200, analyst: 200, lead: 200, admin: 200 }],
    ['/api/adoption', { exec: 200, analyst: 200, lead: 200, admin: 200 }],
    ['/api/network/matrix', { exec: 200, analyst: 200, lead: 200, admin: 200 }],
    ['/api/influencers', { exec: 403, analyst: 403, lead: 200, admin: 200 }],
    ['/api/people/p1', { exec: 403, analyst: 403, lead: 200, admin: 200 }],
    ['/api/network', { exec: 403, analyst: 403, lead: 200, admin: 200 }],
    ['/api/audit', { exec: 403, analyst: 403, lead: 403, admin: 200 }],
  ];
  it.each(matrix)('gives each role what DESIGN.md allows on %s', async (url, expected) => {
    for (const role of Object.keys(users) as Array<keyof typeof users>) expect((await as(role, url)).status, `${role} ${url}`).toBe(expected[role]);
  });

  it('writes a person view to the audit log with who, what and which filters', async () => {
    await as('lead', '/api/people/p4?from=2026-08-01&to=2026-10-31');
    const body = await (await as('admin', '/api/audit')).json();
    expect(body.items.find((e: { target: string }) => e.target === '/api/people/p4')).toMatchObject({
      actor: 'lead-user',
      role: 'lead',
      action: 'view person-level',
      filters: JSON.stringify({ from: ['2026-08-01'], to: ['2026-10-31'] }),
    });
  });

  it('switches person-level views off in works-council mode, aggregates stay', async () => {
    const council = createApp({ db, config: config({ worksCouncil: true }) });
    const res = await council.request('/api/influencers');
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('works_council');
    expect((await council.request('/api/adoption')).status).toBe(200);
  });

  it('limits requests per token', async () => {
    const limited = createApp({ db, config: config({ rateLimit: 3 }) });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await limited.request('/api/meta')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('hostile parameters', () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await smallDb();
    app = createApp({ db, config: config() });
  });
  afterAll(() => closeDatabase(db));

  const hostile = ["x' OR '1'='1", "'; DROP TABLE people; --", '1; SELECT * FROM identities', '../../etc/passwd', '<script>alert(1)</script>', '%00', 'a'.repeat(5000), '2026-01-01\' --'];
  const endpoints: Record<string, string[]> = {
    '/api/adoption': ['from', 'to', 'grain', 'department', 'location', 'format'],
    '/api/influencers': ['from', 'to', 'department', 'location', 'role', 'sort', 'limit', 'offset', 'lang', 'format'],
    '/api/network': ['from', 'to', 'limit', 'minWeight', 'department', 'community'],
    '/api/network/matrix': ['from', 'to', 'format'],
    '/api/people/p1': ['from', 'to', 'lang'],
    '/api/audit': ['limit', 'format'],
  };

  it('answers 400 (or an empty 200), never 500 and never data, for injection strings in every parameter', async () => {
    for (const [path, params] of Object.entries(endpoints)) {
      for (const param of params) {
        for (const value of hostile) {
          const res = await app.request(`${path}?${param}=${encodeURIComponent(value)}`);
          expect([200, 400], `${path} ${param}=${value.slice(0, 30)}`).toContain(res.status);
          if (res.status === 200) {
            const body = await res.json();
            // only free-text group names pass validation: they select nobody
            expect(['department', 'location'], `${path} ${param}`).toContain(param);
            expect(body.items ?? body.nodes ?? []).toEqual([]);
          }
        }
      }
    }
    const hostileIds = await Promise.all(hostile.slice(0, 5).map((v) => app.request(`/api/people/${encodeURIComponent(v)}`)));
    expect(hostileIds.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
    const people = await withConnection(db, (c) => queryRows<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM people'));
    expect(people).toEqual([{ n: 7 }]);
  });
});

describe('sign-in', () => {
  it('keeps a valid token in an HttpOnly cookie that then authorises requests, and refuses a wrong one', async () => {
    const db = await smallDb();
    const file = join(tmp, 'users-session.json');
    writeFileSync(file, JSON.stringify([{ name: 'Lea', role: 'lead', tokenSha256: hashToken('lea-token-0123456789') }]));
    const app = createApp({ db, config: config({ usersFile: file }) });
    const bad = await app.request('/api/session', { method: 'POST', body: JSON.stringify({ token: 'nope' }), headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(401);
    const res = await app.request('/api/session', { method: 'POST', body: JSON.stringify({ token: 'lea-token-0123456789' }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ mode: 'tokens', user: 'Lea', role: 'lead' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/chorus_token=lea-token-0123456789;.*HttpOnly/);
    expect((await app.request('/api/influencers', { headers: { cookie: cookie.split(';')[0] } })).status).toBe(200);
    closeDatabase(db);
  });
});
