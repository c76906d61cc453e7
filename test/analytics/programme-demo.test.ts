import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { getProgrammeExternal, getProgrammes } from '../../analytics/queries/programmes';
import { generateDemo, type Planted } from '../../fixtures/generate';
import { freshDb } from '../helpers';

// The demo organisation plants an ambassador programme whose members' LinkedIn profiles together
// overtake the corporate account about half a year into the programme (fixtures/generate.ts).
const dir = mkdtempSync(join(tmpdir(), 'chorus-programme-demo-'));
let db: Database;
let planted: Planted;
beforeAll(async () => {
  planted = (await generateDemo(dir)).planted;
  db = await freshDb();
  await loadCanonical(db, dir);
}, 180_000);
afterAll(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo programme', () => {
  it('lists the planted programme', async () => {
    const list = await withConnection(db, (c) => getProgrammes(c, null));
    expect(list.map((p) => p.name)).toEqual([planted.programme]);
    expect(list[0].joined).toBe(25);
  });

  it('has the members’ combined followers overtake the corporate account within six months of the start, in weeks of at least five members', async () => {
    const ext = await withConnection(db, (c) => getProgrammeExternal(c, planted.programme, { minMembers: 5 }));
    expect(ext.crossing).not.toBeNull();
    expect(ext.withinSixMonths).toBe(true);
    // Before the crossing the corporate account leads in every shown week; from it on the members do.
    const crossingAt = ext.weeks.findIndex((w) => w.week === ext.crossing!.week);
    for (const w of ext.weeks.slice(0, crossingAt)) if (w.memberAccounts >= 5) expect(w.membersFollowers).toBeLessThanOrEqual(w.corporateFollowers!);
    expect(ext.crossing!.daysAfterStart).toBeGreaterThan(90);
  });
});
