import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { computeProgrammeImpact, memberWindows, type ImpactFigures } from '../../analytics/queries/programme-impact';
import { addMonths, getProgrammeExternal, getProgrammes, getProgrammeVoice } from '../../analytics/queries/programmes';
import { freshDb, projectRoot } from '../helpers';

// fixtures/programme: every figure below is worked out by hand in fixtures/programme/README.md.
const programme = 'Botschafter Test';
let db: Database;
beforeAll(async () => {
  db = await freshDb();
  await loadCanonical(db, join(projectRoot, 'fixtures', 'programme'));
});
afterAll(() => closeDatabase(db));

const impact = async (windowDays = 30) => (await withConnection(db, (c) => computeProgrammeImpact(c, programme, { windowDays })))!;
const figures = (reach: number, engagement: number, posting: number): ImpactFigures => ({ reach, engagement, posting });
/** Figures compared to 12 digits (thirds are not exact in binary). */
const close = (f: ImpactFigures | null | undefined) => {
  expect(f).toBeTruthy();
  return { reach: Number(f!.reach.toFixed(12)), engagement: Number(f!.engagement.toFixed(12)), posting: Number(f!.posting.toFixed(12)) };
};
const third = (n: number) => Number((n / 3).toFixed(12));

describe('programme list', () => {
  it('counts members now, joined and left as of a day', async () => {
    const list = await withConnection(db, (c) => getProgrammes(c, '2026-04-30'));
    expect(list).toEqual([{ name: programme, membersNow: 3, joined: 4, left: 1, firstJoin: '2026-02-02', lastJoin: '2026-04-27' }]);
  });
});

describe('before/after windows', () => {
  it('shortens both windows equally to the employment and the data period, and leaves out members with fewer than 14 days', async () => {
    const result = await impact();
    expect(result.rows.map((r) => [r.personId, r.windowDays, r.before, r.after, r.notEvaluable])).toEqual([
      ['m2', 15, { from: '2026-01-18', to: '2026-02-01' }, { from: '2026-02-02', to: '2026-02-16' }, null],
      ['m1', 30, { from: '2026-01-31', to: '2026-03-01' }, { from: '2026-03-02', to: '2026-03-31' }, null],
      ['m3', 30, { from: '2026-02-14', to: '2026-03-15' }, { from: '2026-03-16', to: '2026-04-14' }, null],
      ['m4', null, null, null, 'window_too_short'],
    ]);
    expect([result.members, result.evaluated, result.notEvaluable]).toEqual([4, 3, 1]);
  });

  it('gives no window to a member who joined before the data begins', () => {
    expect(memberWindows({ joinedOn: '2026-01-05', employedFrom: null, employedTo: null }, { from: '2026-01-05', to: '2026-04-30' }, 30, 14)).toBeNull();
  });

  it('measures reach, engagement and posting per member per 30 days before and after joining', async () => {
    const byId = new Map((await impact()).rows.map((r) => [r.personId, r.figures]));
    expect(byId.get('m2')).toEqual({ before: figures(2, 2, 2), after: figures(6, 8, 4), change: figures(4, 6, 2) });
    expect(byId.get('m1')).toEqual({ before: figures(1, 1, 1), after: figures(5, 4, 3), change: figures(4, 3, 2) });
    expect(byId.get('m3')).toEqual({ before: figures(2, 2, 1), after: figures(2, 2, 2), change: figures(0, 0, 1) });
    expect(byId.get('m4')).toBeNull();
  });

  it('averages the evaluated members', async () => {
    const { memberGroup } = await impact();
    expect(memberGroup.people).toBe(3);
    expect(close(memberGroup.before)).toEqual({ reach: third(5), engagement: third(5), posting: third(4) });
    expect(close(memberGroup.after)).toEqual({ reach: third(13), engagement: third(14), posting: 3 });
    expect(close(memberGroup.change)).toEqual({ reach: third(8), engagement: 3, posting: third(5) });
  });
});

describe('comparison group', () => {
  it('matches each member to the nearest same-department colleague employed through both windows, without replacement, ties by id', async () => {
    const rows = (await impact()).rows;
    expect(rows.map((r) => [r.personId, r.match?.personId ?? null])).toEqual([
      ['m2', 'c1'],
      ['m1', 'c2'], // c1 (distance ln 3/2) is taken by m2; c3 (distance 0) left before m1's windows end
      ['m3', 'c4'], // c4 and c5 are both at distance 0
      ['m4', null],
    ]);
    expect(rows.map((r) => r.match?.distance ?? null)).toEqual([0, Math.log(2), 0, null]);
  });

  it('measures the comparison people on their member’s windows', async () => {
    const byId = new Map((await impact()).rows.map((r) => [r.personId, r.match?.figures]));
    expect(byId.get('m2')).toEqual({ before: figures(2, 2, 2), after: figures(4, 4, 2), change: figures(2, 2, 0) });
    expect(byId.get('m1')).toEqual({ before: figures(0, 0, 1), after: figures(1, 1, 1), change: figures(1, 1, 0) });
    expect(byId.get('m3')).toEqual({ before: figures(2, 2, 1), after: figures(2, 1, 1), change: figures(0, -1, 0) });
  });

  it('reports the comparison means and the difference-in-differences over the matched pairs', async () => {
    const result = await impact();
    expect(result.matched).toBe(3);
    expect(result.comparisonGroup.people).toBe(3);
    expect(close(result.comparisonGroup.before)).toEqual({ reach: third(4), engagement: third(4), posting: third(4) });
    expect(close(result.comparisonGroup.after)).toEqual({ reach: third(7), engagement: 2, posting: third(4) });
    expect(close(result.comparisonGroup.change)).toEqual({ reach: 1, engagement: third(2), posting: 0 });
    expect(close(result.differenceInDifferences)).toEqual({ reach: third(5), engagement: third(7), posting: third(5) });
  });

  it('answers null for an unknown programme', async () => {
    expect(await withConnection(db, (c) => computeProgrammeImpact(c, 'Gibt es nicht', { windowDays: 30 }))).toBeNull();
  });
});

describe('external reach', () => {
  it('adds up the members’ accounts week by week against the corporate accounts, members only from the week they joined', async () => {
    const ext = await withConnection(db, (c) => getProgrammeExternal(c, programme));
    expect(ext.start).toBe('2026-02-02');
    expect(ext.deadline).toBe('2026-08-02');
    expect(ext.weeks.map((w) => [w.week, w.memberAccounts, w.membersFollowers, w.corporateFollowers, w.membersImpressions, w.membersComments, w.corporateImpressions, w.corporateComments])).toEqual([
      ['2026-W06', 1, 400, 1110, 100, 2, 550, 5],
      ['2026-W07', 1, 450, 1120, 100, 2, 550, 5],
      ['2026-W08', 1, 500, 1130, 100, 2, 550, 5],
      ['2026-W09', 1, 520, 1140, 100, 2, 550, 5],
      ['2026-W10', 2, 1140, 1150, 400, 6, 550, 5],
      ['2026-W11', 2, 1210, 1160, 400, 6, 550, 5],
      ['2026-W12', 3, 1480, 1170, 450, 7, 550, 5],
    ]);
  });

  it('finds the week the members’ followers first exceed the corporate account’s, within six months', async () => {
    const ext = await withConnection(db, (c) => getProgrammeExternal(c, programme));
    expect(ext.crossing).toEqual({ week: '2026-W11', weekStart: '2026-03-09', membersFollowers: 1210, corporateFollowers: 1160, daysAfterStart: 35 });
    expect(ext.withinSixMonths).toBe(true);
  });

  it('counts only weeks with enough member accounts for the crossing', async () => {
    const ext = await withConnection(db, (c) => getProgrammeExternal(c, programme, { minMembers: 3 }));
    expect(ext.crossing?.week).toBe('2026-W12');
  });

  it('adds six calendar months, ending on the last day of a shorter month', () => {
    expect([addMonths('2026-02-02', 6), addMonths('2026-08-31', 6), addMonths('2026-12-15', 3)]).toEqual(['2026-08-02', '2027-02-28', '2027-03-15']);
  });
});

describe('voice', () => {
  it('counts the members’ posts (while they are members) against all employee posts per month', async () => {
    const rows = await withConnection(db, (c) => getProgrammeVoice(c, programme, { from: '2026-01-05', to: '2026-04-30' }));
    expect(rows).toEqual([
      { period: '2026-01', memberPosts: 0, memberEngagement: 0, employeePosts: 2, employeeEngagement: 2 },
      { period: '2026-02', memberPosts: 2, memberEngagement: 4, employeePosts: 8, employeeEngagement: 12 },
      { period: '2026-03', memberPosts: 3, memberEngagement: 5, employeePosts: 6, employeeEngagement: 9 },
      { period: '2026-04', memberPosts: 2, memberEngagement: 1, employeePosts: 3, employeeEngagement: 2 },
    ]);
  });
});
