import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection, type Database } from '../../../analytics/db';
import { ImportInputError } from '../../../analytics/ingest/archive';
import { loadCanonical } from '../../../analytics/ingest/canonical';
import { loadHrRoster, looksLikeHrRoster } from '../../../analytics/ingest/hr-roster';
import { computePseudonym } from '../../../analytics/ingest/load';
import { loadM365 } from '../../../analytics/ingest/m365';
import { loadVivaEngage } from '../../../analytics/ingest/viva-engage';
import { getAdoption } from '../../../analytics/queries/adoption';
import { cleanExports, freshDb, projectRoot, smallFixture, writeExport } from '../../helpers';
import { countRows, query, storedRejects } from './tabular-test-kit';

// fixtures/hr/mitarbeiter.csv: German Excel export (";", Windows-1252, CRLF, dd.mm.yyyy) of 11
// rows against fixtures/small: 5 match p1–p5 by e-mail, 3 are new, 3 are rejected
// (totals in fixtures/hr/README.md).
const roster = join(projectRoot, 'fixtures', 'hr', 'mitarbeiter.csv');

let db: Database;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => closeDatabase(db));
afterAll(cleanExports);

interface PersonRow {
  id: string;
  department: string | null;
  location: string | null;
  manager: string | null;
  from: string | null;
  to: string | null;
}

async function person(id: string): Promise<PersonRow | undefined> {
  const rows = await query<PersonRow>(
    db,
    "SELECT person_id AS id, department, location, manager_id AS manager, strftime(employed_from, '%Y-%m-%d') AS \"from\", strftime(employed_to, '%Y-%m-%d') AS \"to\" FROM people WHERE person_id = $id",
    { id },
  );
  return rows[0];
}

describe('HR roster merged onto the small fixture', () => {
  beforeEach(async () => {
    await loadCanonical(db, smallFixture);
  });

  it('loads the hand-computed totals', async () => {
    const s = await loadHrRoster(db, roster);
    expect(s.source).toBe('hr-roster');
    expect(s.roster).toEqual({ matchedByEmail: 5, matchedById: 0, added: 3, accountsUpdated: 3 });
    expect(s.loaded.people).toBe(6); // p1, p4, p5 changed; hr:1006, hr:1007, hr:1010 new
    expect(s.duplicates).toBe(2); // p2 and p3 already said the same
    expect(s.rejected).toBe(3);
    expect(s.read).toBe(11);
    expect(await countRows(db, 'people')).toBe(10);
  });

  it('updates the matched accounts in place and keeps what the roster does not say', async () => {
    await loadHrRoster(db, roster);
    expect(await person('p1')).toEqual({ id: 'p1', department: 'Vertrieb', location: 'Hamburg', manager: 'p4', from: '2020-01-01', to: null });
    expect(await person('p4')).toEqual({ id: 'p4', department: 'IT', location: 'Berlin', manager: null, from: '2015-04-01', to: null });
    expect(await person('p5')).toMatchObject({ department: 'Marketing & Kommunikation', manager: 'p1' });
    const kept = await query(db, "SELECT strftime(registered_at, '%Y-%m-%d') AS registered, account_type AS type FROM people WHERE person_id = 'p1'");
    expect(kept).toEqual([{ registered: '2026-08-01', type: 'person' }]);
  });

  it('adds roster people never seen on a platform, with umlauts read from Windows-1252', async () => {
    await loadHrRoster(db, roster);
    expect(await person('hr:1006')).toEqual({ id: 'hr:1006', department: 'Produktion', location: 'Köln', manager: 'p4', from: '2010-03-01', to: null });
    expect(await person('hr:1007')).toEqual({ id: 'hr:1007', department: 'Produktion', location: 'Köln', manager: 'hr:1006', from: '2026-08-01', to: '2026-08-31' });
    expect(await query(db, "SELECT display_name AS name FROM identities WHERE person_id = 'hr:1007'")).toEqual([{ name: 'Süleyman Öztürk' }]);
    expect(await person('hr:1010')).toMatchObject({ manager: null }); // chef@nirgendwo.de is unknown
  });

  it('rejects rows that cannot be matched or are ambiguous, with line, column and value', async () => {
    const s = await loadHrRoster(db, roster);
    expect((await storedRejects(db, s.runId)).map((r) => [r.line, r.column, r.value, r.reason.split(' (')[0]])).toEqual([
      [9, 'Eintritt', '32.13.2026', 'unparsable date'],
      [10, 'E-Mail', null, 'the row names neither an e-mail nor an id, so it cannot be matched'],
      [11, 'E-Mail', 'anna.schmidt@example.de', 'ambiguous: line 2 has the same e-mail'],
    ]);
    expect(s.warnings).toContain('line 12: the manager is neither in the roster nor a known account; manager left empty');
  });

  it('changes headcount by the employment dates: roster people count, leavers drop out', async () => {
    await loadHrRoster(db, roster);
    const rows = await withConnection(db, (c) => getAdoption(c, { from: '2026-08-03', to: '2026-10-01', grain: 'month' }));
    expect(rows.map((r) => [r.period, r.headcount, r.activeUsers])).toEqual([
      ['2026-08', 7, 3], // p1, p2, p4, p5, hr:1006, hr:1007, hr:1010 (p3 starts 10 September)
      ['2026-09', 7, 5], // hr:1007 left on 31 August, p3 joined
      ['2026-10', 6, 1], // p2 left on 15 September
    ]);
  });

  it('is idempotent: the same roster again changes nothing', async () => {
    await loadHrRoster(db, roster);
    const again = await loadHrRoster(db, join(projectRoot, 'fixtures', 'hr'));
    expect(again.loaded.people).toBe(0);
    expect(again.duplicates).toBe(8);
    expect(again.roster).toMatchObject({ matchedByEmail: 8, added: 0 });
  });

  it('rejects a row whose e-mail and id point at different accounts', async () => {
    const s = await loadHrRoster(db, writeExport({ 'roster.csv': 'person_id,email,department\np2,anna.schmidt@example.de,Einkauf\n' }));
    expect(s.rejects).toEqual([{ file: 'roster.csv', line: 2, column: 'person_id', value: 'p2', reason: 'conflict: the e-mail matches account p1 but the id matches account p2' }]);
    expect(await person('p1')).toMatchObject({ department: 'Vertrieb' });
  });
});

describe('HR roster with pseudonymised platform ids', () => {
  it('matches by id through the same keyed hash when no e-mails are stored', async () => {
    const privacy = { pseudonymSecret: 'geheim', identities: false };
    await loadCanonical(db, smallFixture, { privacy });
    expect(await countRows(db, 'identities')).toBe(0);
    const s = await loadHrRoster(db, writeExport({ 'roster.csv': 'person_id,department,employed_from\np1,Vertriebsinnendienst,2020-01-01\nx9,Lager,2024-01-01\n' }), { privacy });
    expect(s.roster).toMatchObject({ matchedById: 1, added: 1 });
    expect(await person(computePseudonym('geheim', 'p1'))).toMatchObject({ department: 'Vertriebsinnendienst', location: 'Hamburg' });
    expect(await person(computePseudonym('geheim', 'hr:x9'))).toMatchObject({ department: 'Lager', from: '2024-01-01' });
    expect(await countRows(db, 'people', "person_id IN ('p1', 'x9', 'hr:x9')")).toBe(0);
  });
});

describe('HR roster over several platforms', () => {
  it('gives the HR attributes to every account of an e-mail, managers on the same platform', async () => {
    await loadVivaEngage(db, join(projectRoot, 'fixtures', 'viva-engage'));
    await loadM365(db, join(projectRoot, 'fixtures', 'm365'));
    const s = await loadHrRoster(db, writeExport({ 'hr.csv': 'E-Mail;Abteilung;Vorgesetzter\nanna.schmidt@example.de;Key Accounts;dieter.koch@example.de\ndieter.koch@example.de;IT;\n' }));
    expect(s.roster).toMatchObject({ matchedByEmail: 2, added: 0 });
    expect(s.warnings.some((w) => /lines 2 and 3: the e-mail belongs to accounts on several platforms/.test(w))).toBe(true);
    expect(await person('viva:1001')).toMatchObject({ department: 'Key Accounts', manager: 'viva:1004', location: 'Hamburg' });
    expect(await person('m365:anna.schmidt@example.de')).toMatchObject({ department: 'Key Accounts', manager: 'm365:dieter.koch@example.de' });
  });
});

describe('HR roster unusable input', () => {
  it('refuses a roster with neither an e-mail nor an id column', async () => {
    const error = await loadHrRoster(db, writeExport({ 'roster.csv': 'Name;Abteilung\nAnna;Vertrieb\n' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as ImportInputError).message).toMatch(/roster\.csv: required column "email"/);
  });

  it('refuses a column mapping that names a column the header lacks', async () => {
    const error = await loadHrRoster(db, writeExport({ 'roster.csv': 'Mail;Bereich\na@x.de;IT\n' }), { columns: { email: 'Mail', department: 'Kostenstelle' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as ImportInputError).column).toBe('Kostenstelle');
  });

  it('refuses an empty file', async () => {
    await expect(loadHrRoster(db, writeExport({ 'roster.csv': '\uFEFF' }))).rejects.toThrow(/roster\.csv: the file is empty/);
  });
});

describe('looksLikeHrRoster', () => {
  it('recognises a roster, not a canonical people.csv', () => {
    expect(looksLikeHrRoster([roster])).toBe(true);
    expect(looksLikeHrRoster(['people.csv', 'content.csv', 'events.csv'].map((f) => join(smallFixture, f)))).toBe(false);
  });
});
