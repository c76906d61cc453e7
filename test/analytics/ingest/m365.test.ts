import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection, type Database } from '../../../analytics/db';
import { ImportInputError } from '../../../analytics/ingest/archive';
import { loadM365, looksLikeM365, m365AdoptionOnlyWarning } from '../../../analytics/ingest/m365';
import { getAdoption } from '../../../analytics/queries/adoption';
import { cleanExports, freshDb, projectRoot, writeExport } from '../../helpers';
import { countRows, query, storedRejects } from './tabular-test-kit';

// fixtures/m365: one 30-day report refreshed 2026-09-30 (period 2026-09-01 … 2026-09-30),
// 11 rows: 7 good users, 4 rejects (totals in fixtures/m365/README.md).
const fixture = join(projectRoot, 'fixtures', 'm365');
const header = 'Report Refresh Date,User Principal Name,Display Name,User State,State Change Date,Last Activity Date,Posted Count,Read Count,Liked Count,Assigned Products,Report Period';

let db: Database;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => closeDatabase(db));
afterAll(cleanExports);

describe('Microsoft 365 usage report import', () => {
  it('loads the hand-computed totals', async () => {
    const s = await loadM365(db, fixture);
    expect(s.source).toBe('m365');
    expect(s.loaded).toEqual({ people: 7, content: 0, events: 5, interactions: 0 });
    expect(s.byAction).toEqual({ login: 5 });
    expect(s.rejected).toBe(4);
    expect(s.read).toBe(16); // 7 people + 5 login events staged + 4 rejects
    expect(s.usageCounts).toEqual({ written: 7, unchanged: 0 });
    expect(s.warnings).toContain(m365AdoptionOnlyWarning);
  });

  it('makes a login on the last activity day only when it lies inside the report period', async () => {
    await loadM365(db, fixture);
    const logins = await query<{ who: string; day: string }>(db, "SELECT actor_id AS who, strftime(day, '%Y-%m-%d') AS day FROM events ORDER BY 1");
    expect(logins).toEqual([
      { who: 'm365:anna.schmidt@example.de', day: '2026-09-29' },
      { who: 'm365:bernd.mueller@example.de', day: '2026-09-01' }, // first day of the period
      { who: 'm365:eva.lang@example.de', day: '2026-09-30' }, // the refresh date itself
      { who: 'm365:fritz.oezdemir@example.de', day: '2026-09-15' }, // UPN lower-cased
      { who: 'm365:lena.fischer@example.de', day: '2026-09-18' },
    ]);
    // clara (2026-08-31, before the period) and dieter (never active) have no activity
    expect(await countRows(db, 'activity_daily', "person_id IN ('m365:clara.weiss@example.de', 'm365:dieter.koch@example.de')")).toBe(0);
  });

  it('stores the posted, read and liked counts in usage_counts', async () => {
    await loadM365(db, fixture);
    const rows = await query(db, `SELECT person_id AS id, strftime(report_refresh_date, '%Y-%m-%d') AS refresh, report_period_days AS days, posted, "read", liked, source FROM usage_counts WHERE person_id = 'm365:eva.lang@example.de'`);
    expect(rows).toEqual([{ id: 'm365:eva.lang@example.de', refresh: '2026-09-30', days: 30, posted: 2, read: 25, liked: 9, source: 'm365' }]);
    const totals = await query(db, 'SELECT sum(posted)::INTEGER AS posted, sum("read")::INTEGER AS "read", sum(liked)::INTEGER AS liked FROM usage_counts');
    expect(totals).toEqual([{ posted: 9, read: 91, liked: 25 }]);
  });

  it('feeds adoption: 5 of 7 people active in September 2026', async () => {
    await loadM365(db, fixture);
    const rows = await withConnection(db, (c) => getAdoption(c, { from: '2026-09-01', to: '2026-09-30', grain: 'month' }));
    expect(rows).toMatchObject([{ period: '2026-09', headcount: 7, activeUsers: 5, adoptionRate: 5 / 7, contributors: 0 }]);
  });

  it('ends the employment of a deleted user on the state change date', async () => {
    await loadM365(db, fixture);
    expect(await query(db, "SELECT strftime(employed_to, '%Y-%m-%d') AS \"to\" FROM people WHERE person_id = 'm365:lena.fischer@example.de'")).toEqual([{ to: '2026-09-20' }]);
  });

  it('rejects bad rows with line, column and value', async () => {
    const s = await loadM365(db, fixture);
    expect((await storedRejects(db, s.runId)).map((r) => [r.line, r.column, r.value])).toEqual([
      [9, 'Posted Count', 'viele'],
      [10, 'Last Activity Date', '31.09.2026'],
      [11, 'User Principal Name', 'anna.schmidt@example.de'],
      [12, 'User Principal Name', null],
    ]);
  });

  it('is idempotent: the same report again writes nothing', async () => {
    await loadM365(db, fixture);
    const again = await loadM365(db, join(fixture, 'VivaEngageActivityUserDetail.csv'));
    expect(again.loaded).toEqual({ people: 0, content: 0, events: 0, interactions: 0 });
    expect(again.duplicates).toBe(12);
    expect(again.usageCounts).toEqual({ written: 0, unchanged: 7 });
    expect(await countRows(db, 'usage_counts')).toBe(7);
  });

  it('updates the counts of a corrected report and adds a later one', async () => {
    await loadM365(db, writeExport({ 'r.csv': `${header}\n2026-09-30,a@x.de,A,Active,,2026-09-29,1,2,3,,7\n` }));
    const corrected = await loadM365(db, writeExport({ 'r.csv': `${header}\n2026-09-30,a@x.de,A,Active,,2026-09-29,1,5,3,,7\n2026-10-07,a@x.de,A,Active,,2026-10-06,0,1,0,,7\n` }));
    expect(corrected.usageCounts).toEqual({ written: 2, unchanged: 0 });
    expect(await query(db, 'SELECT "read" FROM usage_counts ORDER BY report_refresh_date')).toEqual([{ read: 5 }, { read: 1 }]);
  });

  it('reads a 7-day and a 30-day report together: one person, one login, two usage rows', async () => {
    const s = await loadM365(db, writeExport({
      'r7.csv': `${header}\n2026-09-30,a@x.de,A,Active,,2026-09-29,1,2,0,,7\n`,
      'r30.csv': `${header}\n2026-09-30,a@x.de,A,Active,,2026-09-29,3,9,1,,30\n`,
    }));
    expect(s.loaded).toMatchObject({ people: 1, events: 1 });
    expect(s.duplicates).toBe(2); // the person and the login read again from the second file
    expect(s.usageCounts).toEqual({ written: 2, unchanged: 0 });
  });

  it('refuses a report without Posted Count, naming file and column', async () => {
    const error = await loadM365(db, writeExport({ 'r.csv': 'Report Refresh Date,User Principal Name,Last Activity Date,Read Count,Liked Count,Report Period\n' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as ImportInputError).message).toMatch(/r\.csv: required column "Posted Count" is missing/);
    expect(await countRows(db, 'people')).toBe(0);
  });

  it('refuses an empty file and a missing path', async () => {
    await expect(loadM365(db, writeExport({ 'r.csv': '' }))).rejects.toThrow(/r\.csv: the file is empty/);
    await expect(loadM365(db, '/no/such/report.csv')).rejects.toBeInstanceOf(ImportInputError);
  });

  it('is recognised by its columns', () => {
    expect(looksLikeM365([join(fixture, 'VivaEngageActivityUserDetail.csv')])).toBe(true);
    expect(looksLikeM365([join(projectRoot, 'fixtures', 'small', 'people.csv')])).toBe(false);
  });
});
