import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Database } from '../../../analytics/db';
import { ImportInputError } from '../../../analytics/ingest/archive';
import { loadGenericCsv, looksLikeGenericCsv, type GenericMapping } from '../../../analytics/ingest/generic-csv';
import { cleanExports, freshDb, projectRoot, writeExport } from '../../helpers';
import { countRows, query, storedRejects } from './tabular-test-kit';

// An intranet activity log as German Excel saves it (";", dd.mm.yyyy HH:MM, decimal comma),
// the same rows as fixtures/generic/intranet-aktivitaet.csv. Hand-computed:
// 2 content (post B1, a comment on it), 7 events (view 2 — line 15 repeats line 3 —, reaction,
// share, mention, praise, login), 1 interaction (weight 1,5), 1 space, 3 placeholder people,
// 5 rejects (lines 11 date, 12 action, 13 actor, 14 unknown content, 16 weight).
const log = [
  'Benutzer;Zeitpunkt;Aktion;Beitrag;Ziel;Bereich;Titel;Text;Dauer',
  'jürgen;01.09.2026 09:00;Beitrag;B1;;Vertrieb;Neue Preisliste;Die neue Preisliste ist da. Fragen?;',
  'märta;01.09.2026 09:30;Aufruf;B1;;;;;',
  'märta;01.09.2026 09:31;Gefällt mir;B1;;;;;',
  'özil;01.09.2026 10:00;Kommentar;B1;;Vertrieb;;"Danke; sehr hilfreich";',
  'jürgen;02.09.2026 08:00;Erwähnung;;märta;;;;',
  'märta;02.09.2026 08:15;Besprechung;;jürgen;;;;1,5',
  'özil;02.09.2026 23:30;Anmeldung;;;;;;',
  'jürgen;03.09.2026 12:00;Lob;;özil;;;;',
  'märta;03.09.2026 12:05;Teilen;B1;;;;;',
  'özil;31.09.2026 10:00;Aufruf;B1;;;;;',
  'özil;04.09.2026 10:00;Download;B1;;;;;',
  ';04.09.2026 10:05;Aufruf;B1;;;;;',
  'märta;04.09.2026 11:00;Aufruf;B99;;;;;',
  'märta;01.09.2026 09:30;Aufruf;B1;;;;;',
  'jürgen;05.09.2026 07:45;Besprechung;;özil;;;;zwei',
].join('\r\n') + '\r\n';

const mapping: GenericMapping = {
  columns: { actor: 'Benutzer', time: 'Zeitpunkt', action: 'Aktion', content: 'Beitrag', target: 'Ziel', space: 'Bereich', title: 'Titel', body: 'Text', weight: 'Dauer' },
  actions: { Beitrag: 'post', Kommentar: 'comment', Aufruf: 'view', 'Gefällt mir': 'reaction', Teilen: 'share', Erwähnung: 'mention', Lob: 'praise', Anmeldung: 'login', Besprechung: 'interaction' },
  dateFormat: 'dd.mm.yyyy HH:MM',
  idPrefix: 'intranet:',
  channel: 'meeting',
};
const mappingJson = JSON.stringify(mapping);

let db: Database;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => closeDatabase(db));
afterAll(cleanExports);

const variants: Array<[string, Uint8Array]> = [
  ['Windows-1252', Buffer.from(log, 'latin1')],
  ['UTF-8 with byte-order mark', Buffer.from(`\uFEFF${log}`, 'utf8')],
];

describe.each(variants)('generic CSV import of a German Excel file in %s', (_, bytes) => {
  it('loads the hand-computed totals', async () => {
    const s = await loadGenericCsv(db, writeExport({ 'aktivitaet.csv': bytes, 'mapping.json': mappingJson }));
    expect(s.source).toBe('generic-csv');
    expect(s.loaded).toEqual({ people: 0, content: 2, events: 7, interactions: 1 });
    expect(s.other.spaces).toBe(1);
    expect(s.byKind).toEqual({ post: 1, comment: 1 });
    expect(s.byAction).toEqual({ view: 2, reaction: 1, share: 1, mention: 1, praise: 1, login: 1 });
    expect(s.placeholders).toBe(3);
    expect(s.rejected).toBe(5);
    expect(s.read).toBe(16); // 2 + 7 + 1 + 1 space + 5 rejects
  });

  it('reads umlauts in names and action values, and local times in Europe/Berlin', async () => {
    await loadGenericCsv(db, writeExport({ 'aktivitaet.csv': bytes, 'mapping.json': mappingJson }));
    expect(await query(db, "SELECT person_id AS id FROM people ORDER BY 1")).toEqual([{ id: 'intranet:jürgen' }, { id: 'intranet:märta' }, { id: 'intranet:özil' }]);
    const login = await query(db, "SELECT strftime(day, '%Y-%m-%d') AS day, strftime(timezone('UTC', occurred_at), '%H:%M') AS utc FROM events WHERE action = 'login'");
    expect(login).toEqual([{ day: '2026-09-02', utc: '21:30' }]); // 23:30 CEST
    expect(await query(db, "SELECT body, parent_id AS parent FROM content WHERE kind = 'comment'")).toEqual([{ body: 'Danke; sehr hilfreich', parent: 'intranet:content:B1' }]);
    expect(await query(db, 'SELECT source_id AS s, target_id AS t, weight, channel FROM interactions')).toEqual([{ s: 'intranet:märta', t: 'intranet:jürgen', weight: 1.5, channel: 'meeting' }]);
  });

  it('rejects bad rows with line, column and value', async () => {
    const s = await loadGenericCsv(db, writeExport({ 'aktivitaet.csv': bytes, 'mapping.json': mappingJson }));
    expect((await storedRejects(db, s.runId)).map((r) => [r.line, r.column, r.value])).toEqual([
      [11, 'Zeitpunkt', '31.09.2026 10:00'],
      [12, 'Aktion', 'Download'],
      [13, 'Benutzer', null],
      [14, 'Beitrag', 'B99'],
      [16, 'Dauer', 'zwei'],
    ]);
  });

  it('is idempotent: a second import loads nothing and counts every row as duplicate', async () => {
    const dir = writeExport({ 'aktivitaet.csv': bytes, 'mapping.json': mappingJson });
    await loadGenericCsv(db, dir);
    const again = await loadGenericCsv(db, join(dir, 'aktivitaet.csv'));
    expect(again.loaded).toEqual({ people: 0, content: 0, events: 0, interactions: 0 });
    expect(again.duplicates).toBe(11);
    expect(await countRows(db, 'events')).toBe(7);
  });
});

describe('generic CSV mapping', () => {
  it('the sample in fixtures/generic loads like the test data', async () => {
    const s = await loadGenericCsv(db, join(projectRoot, 'fixtures', 'generic'));
    expect(s.loaded).toEqual({ people: 0, content: 2, events: 7, interactions: 1 });
    expect(readFileSync(join(projectRoot, 'fixtures', 'generic', 'intranet-aktivitaet.csv'))).toEqual(Buffer.from(log, 'latin1'));
  });

  it('takes the mapping as an option, canonical action names and ISO times without a value map', async () => {
    const csv = 'user,when,what,item\nu1,2026-05-04T09:00:00+02:00,post,k1\nu2,2026-05-04T10:00:00+02:00,VIEW,k1\n';
    const s = await loadGenericCsv(db, writeExport({ 'log.csv': csv }), { mapping: { columns: { actor: 'user', time: 'when', action: 'what', content: 'item' } } });
    expect(s.byAction).toEqual({ view: 1 });
    expect(await query(db, 'SELECT content_id AS id, author_id AS author FROM content')).toEqual([{ id: 'generic:content:k1', author: 'generic:u1' }]);
  });

  it('uses defaultAction when the file has no action column', async () => {
    const s = await loadGenericCsv(db, writeExport({ 'logins.csv': 'Person;Datum\na;03.09.2026\nb;04.09.2026\n' }), { mapping: { columns: { actor: 'Person', time: 'Datum' }, defaultAction: 'login' } });
    expect(s.byAction).toEqual({ login: 2 });
  });
});

describe('generic CSV unusable input', () => {
  it('refuses a CSV without a mapping', async () => {
    await expect(loadGenericCsv(db, writeExport({ 'log.csv': 'a,b\n1,2\n' }))).rejects.toThrow(/no column mapping/);
  });

  it('refuses a mapping that names a column the file lacks, naming file and column', async () => {
    const error = await loadGenericCsv(db, writeExport({ 'log.csv': 'user,when\nu1,2026-05-04\n', 'mapping.json': '{"actor":"user","time":"Zeit","defaultAction":"login"}' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as ImportInputError).message).toMatch(/log\.csv: the mapping names column "Zeit" for time/);
    expect((error as ImportInputError).column).toBe('Zeit');
    expect(await countRows(db, 'events')).toBe(0);
  });

  it('refuses an invalid mapping: an action mapped to something not canonical', async () => {
    const bad = JSON.stringify({ ...mapping, actions: { Aufruf: 'klick' } });
    await expect(loadGenericCsv(db, writeExport({ 'log.csv': Buffer.from(log, 'latin1'), 'mapping.json': bad }))).rejects.toThrow(/mapping\.json: invalid mapping at "actions\.Aufruf"/);
  });

  it('refuses an empty CSV', async () => {
    await expect(loadGenericCsv(db, writeExport({ 'log.csv': '', 'mapping.json': mappingJson }))).rejects.toThrow(/log\.csv: the file is empty/);
  });

  it('is recognised by the mapping next to the CSV', () => {
    const dir = writeExport({ 'log.csv': 'a\n', 'mapping.json': '{}' });
    expect(looksLikeGenericCsv([join(dir, 'log.csv'), join(dir, 'mapping.json')])).toBe(true);
    expect(looksLikeGenericCsv([join(dir, 'log.csv')])).toBe(false);
  });
});
