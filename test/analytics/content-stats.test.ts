import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, queryRows, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { monthChunks, refreshContentStats } from '../../analytics/queries/content-rollups';
import { pruneActivity } from '../../analytics/privacy';
import { cleanExports, freshDb, projectRoot, smallFixture, writeExport } from '../helpers';

// The item-level rollup content_stats and the space rollup space_activity_monthly (migration 007).
// Hand-computed values: fixtures/README.md ("small/" and "engagement/").
const engagementFixture = join(projectRoot, 'fixtures', 'engagement');
const tmp = mkdtempSync(join(tmpdir(), 'chorus-content-stats-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  cleanExports();
});

interface StatsRow {
  id: string;
  views: number;
  viewers: number;
  reactions: number;
  comments: number;
  shares: number;
  engagement: number;
  firstResponse: string | null;
  misdated: number;
}

const statsSql = `SELECT content_id AS id, views, viewers, reactions, comments, shares, engagement,
  strftime(timezone('UTC', first_response_at), '%Y-%m-%dT%H:%M:%SZ') AS "firstResponse", misdated_replies AS misdated
  FROM content_stats ORDER BY content_id`;
const allStats = (db: Database) => withConnection(db, (c) => queryRows<StatsRow>(c, statsSql));
const spaceRows = (db: Database) =>
  withConnection(db, (c) =>
    queryRows<Record<string, unknown>>(c, `SELECT space_id AS space, person_id AS person, strftime(month, '%Y-%m-%d') AS month, posts, comments, reactions, shares, views, joins FROM space_activity_monthly ORDER BY ALL`),
  );

async function loaded(dir: string): Promise<Database> {
  const db = await freshDb();
  await loadCanonical(db, dir);
  return db;
}

describe('content_stats on the small fixture', () => {
  it('counts views, distinct viewers, reactions, nested comments and shares by others, and the first response', async () => {
    const db = await loaded(smallFixture);
    const rows = await allStats(db);
    closeDatabase(db);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    // k1: viewed by p2 and p5, liked by p2; below it k2 (p4) and k3 (p1, the author: not counted).
    expect(byId.k1).toEqual({ id: 'k1', views: 2, viewers: 2, reactions: 1, comments: 1, shares: 0, engagement: 2, firstResponse: '2026-08-03T08:00:00Z', misdated: 0 });
    // k2 is p4's comment; k3 by p1 replies to it and counts for k2.
    expect(byId.k2).toMatchObject({ comments: 1, engagement: 1, firstResponse: '2026-08-03T09:00:00Z' });
    // k4 (official): viewed by p4, shared by p1.
    expect(byId.k4).toMatchObject({ views: 1, viewers: 1, shares: 1, engagement: 1, firstResponse: null });
    // k5: p5's reaction (read in Berlin time) and p3's comment twelve days later.
    expect(byId.k5).toMatchObject({ reactions: 1, comments: 1, engagement: 2, firstResponse: '2026-09-14T07:00:00Z' });
    // k6 (the bot's post) viewed by the official account.
    expect(byId.k6).toMatchObject({ views: 1, engagement: 0 });
    expect(rows).toHaveLength(7);
  });
});

describe('content_stats and space_activity_monthly on the engagement fixture', () => {
  it('leaves out the author, bots, and times replies dated before their post', async () => {
    const db = await loaded(engagementFixture);
    const byId = Object.fromEntries((await allStats(db)).map((r) => [r.id, r]));
    closeDatabase(db);
    // q1: views by e2 (twice) and e3; e1's own view and the bot's do not count. r3 is e1's own reply.
    expect(byId.q1).toMatchObject({ views: 3, viewers: 2, reactions: 1, comments: 2, engagement: 3, firstResponse: '2026-10-05T08:00:00Z' });
    // r1 is a comment: its own reaction (x5) and the nested reply r2.
    expect(byId.r1).toMatchObject({ reactions: 1, comments: 1, engagement: 2 });
    // q2: r4 is dated an hour before the post: a comment, but the first response is r5 at 12:00.
    expect(byId.q2).toMatchObject({ comments: 2, misdated: 1, firstResponse: '2026-10-06T10:00:00Z' });
    // q3: only the bot answered; p1: the bot's reaction does not count.
    expect(byId.q3).toMatchObject({ comments: 0, engagement: 0, firstResponse: null });
    expect(byId.p1).toMatchObject({ reactions: 0, comments: 1, engagement: 1 });
    expect(byId.o1p).toMatchObject({ views: 3, viewers: 3, reactions: 2, comments: 1, shares: 1, engagement: 4 });
  });

  it('keeps per space, account and month what was done, a comment without space in its parent’s, and joins', async () => {
    const db = await loaded(engagementFixture);
    const rows = await spaceRows(db);
    closeDatabase(db);
    // e2 in sp1: posts q2, p2; comments r1 and r7 (no space of its own: sp1 through its post p1); views v1, v2.
    expect(rows).toContainEqual({ space: 'sp1', person: 'e2', month: '2026-10-01', posts: 2, comments: 2, reactions: 0, shares: 0, views: 2, joins: 0 });
    expect(rows).toContainEqual({ space: 'sp2', person: 'e4', month: '2026-10-01', posts: 0, comments: 0, reactions: 0, shares: 0, views: 0, joins: 1 });
    expect(rows).toContainEqual({ space: 'sp2', person: 'e3', month: '2026-10-01', posts: 0, comments: 1, reactions: 0, shares: 1, views: 1, joins: 0 });
    // sp1: b1, e1, e2, e3; sp2: b1, e1, e2, e3, e4, o1.
    expect(rows).toHaveLength(10);
  });

  it('refreshes only what a later import touches, and gives the same rows as one import and a full rebuild', async () => {
    const file = (name: string) => readFileSync(join(engagementFixture, name), 'utf8');
    const [header, ...lines] = file('content.csv').trimEnd().split('\n');
    const posts = lines.filter((l) => l.split(',')[3] === 'post');
    const comments = lines.filter((l) => l.split(',')[3] === 'comment');
    const [eventHeader, ...events] = file('events.csv').trimEnd().split('\n');
    const common = { 'people.csv': file('people.csv'), 'spaces.csv': file('spaces.csv') };
    const first = writeExport({ ...common, 'content.csv': [header, ...posts].join('\n'), 'events.csv': [eventHeader, ...events.slice(0, 6)].join('\n') });
    const second = writeExport({ ...common, 'content.csv': [header, ...comments].join('\n'), 'events.csv': [eventHeader, ...events.slice(6)].join('\n') });

    const stepwise = await freshDb();
    await loadCanonical(stepwise, first);
    await loadCanonical(stepwise, second);
    const incremental = [await allStats(stepwise), await spaceRows(stepwise)];
    await withConnection(stepwise, (c) => refreshContentStats(c, null));
    const rebuilt = await allStats(stepwise);
    closeDatabase(stepwise);

    const once = await loaded(engagementFixture);
    const direct = [await allStats(once), await spaceRows(once)];
    closeDatabase(once);
    expect(incremental).toEqual(direct);
    expect(rebuilt).toEqual(direct[0]);
  });

  it('is filled from stored data when an older database is upgraded (the migration’s backfill)', async () => {
    const path = join(tmp, 'upgrade.duckdb');
    const db = await openDatabase(path);
    await loadCanonical(db, engagementFixture);
    const before = [await allStats(db), await spaceRows(db)];
    await withConnection(db, async (c) => {
      // Back to schema version 6: what migration 7 and every later one created goes.
      await c.run('DROP TABLE content_stats');
      await c.run('DROP TABLE space_activity_monthly');
      await c.run('DROP TABLE pilot_groups');
      await c.run('DROP SEQUENCE pilot_group_seq');
      await c.run('DROP TABLE space_audience');
      await c.run('DELETE FROM schema_migrations WHERE version >= 7');
    });
    closeDatabase(db);
    const upgraded = await openDatabase(path);
    const after = [await allStats(upgraded), await spaceRows(upgraded)];
    closeDatabase(upgraded);
    expect(after).toEqual(before);
    expect(before[0]).toHaveLength(16);
  });

  it('drops the rollups of pruned activity', async () => {
    const db = await loaded(smallFixture);
    await withConnection(db, (c) => pruneActivity(c, '2026-09-01', 'test'));
    const ids = (await allStats(db)).map((r) => r.id);
    const months = (await spaceRows(db)).map((r) => r.month as string);
    closeDatabase(db);
    expect(ids).toEqual(['k4', 'k5', 'k6', 'k7']);
    expect(months.length).toBeGreaterThan(0);
    expect(months.every((m) => m >= '2026-09-01')).toBe(true);
  });
});

describe('space_audience on the small fixture', () => {
  const audience = (db: Database) =>
    withConnection(db, (c) => queryRows<{ row: string }>(c, `SELECT space_id || ' ' || person_id || ' ' || strftime(first_month, '%Y-%m') AS row FROM space_audience ORDER BY ALL`));

  it('keeps each space’s audience with the month of first contact, and follows pruning', async () => {
    const db = await loaded(smallFixture);
    // s1: k1 (p1), its view and reaction by p2 and k2 (p4) in August; p5's view at 22:30 UTC on
    // 31 Aug is 1 Sep in Berlin; p3's comment k7 in September. s2: k4 (c1), its view by p4 and
    // share by p1, the bot's k6 and c1's view of it, all in September.
    expect((await audience(db)).map((r) => r.row)).toEqual([
      's1 p1 2026-08', 's1 p2 2026-08', 's1 p3 2026-09', 's1 p4 2026-08', 's1 p5 2026-09',
      's2 b1 2026-09', 's2 c1 2026-09', 's2 p1 2026-09', 's2 p4 2026-09',
    ]);
    // Pruning August: p1 stays in s1 by joining it on 5 Sep, p2 by posting k5; p4 did nothing
    // in s1 after August and leaves its audience.
    await withConnection(db, (c) => pruneActivity(c, '2026-09-01', 'test'));
    const after = (await audience(db)).map((r) => r.row);
    closeDatabase(db);
    expect(after).toEqual(['s1 p1 2026-09', 's1 p2 2026-09', 's1 p3 2026-09', 's1 p5 2026-09', 's2 b1 2026-09', 's2 c1 2026-09', 's2 p1 2026-09', 's2 p4 2026-09']);
  });
});

describe('monthChunks', () => {
  it('cuts a range at month ends', () => {
    expect(monthChunks({ from: '2026-01-15', to: '2026-03-02' })).toEqual([
      { from: '2026-01-15', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-03-02' },
    ]);
    expect(monthChunks({ from: '2026-05-05', to: '2026-05-05' })).toEqual([{ from: '2026-05-05', to: '2026-05-05' }]);
  });
});
