import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { closeDatabase, queryRows, withConnection, type Database } from '../../analytics/db';
import { ImportInputError } from '../../analytics/ingest/archive';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { cleanExports, freshDb, smallFixture, writeExport } from '../helpers';

const people = 'person_id,display_name,department\nu1,Ute,Vertrieb\nu2,Veit,IT\n';
const posts = 'content_id,author_id,created_at,kind,parent_id,body\nc1,u1,2026-05-04T09:00:00+02:00,post,,Hallo\n';

let db: Database;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => closeDatabase(db));
afterAll(cleanExports);

async function count(table: string): Promise<number> {
  return withConnection(db, async (c) => (await queryRows<{ n: number }>(c, `SELECT count(*)::INTEGER AS n FROM ${table}`))[0].n);
}

async function rejects() {
  return withConnection(db, (c) => queryRows<{ file: string; line: number; column: string; value: string; reason: string; raw: string }>(c, 'SELECT file, line, column_name AS "column", value, reason, raw FROM import_rejects ORDER BY file, line'));
}

describe('canonical import of the small fixture', () => {
  it('loads the totals written in fixtures/README.md', async () => {
    const s = await loadCanonical(db, smallFixture);
    expect(s.loaded).toEqual({ people: 7, content: 7, events: 11, interactions: 2 });
    expect(s.other).toEqual({ spaces: 2, social: 0, programmes: 0 });
    expect(s.byKind).toEqual({ post: 4, comment: 3 });
    expect(s.byAction).toEqual({ view: 4, reaction: 2, share: 1, mention: 1, praise: 1, login: 1, join: 1 });
    expect(s.read).toBe(29);
    expect(s.rejected).toBe(0);
    expect(s.duplicates).toBe(0);
    expect(await count('identities')).toBe(7);
  });

  it('is idempotent: the same export again loads nothing and counts every row as duplicate', async () => {
    await loadCanonical(db, smallFixture);
    const again = await loadCanonical(db, smallFixture);
    expect(again.loaded).toEqual({ people: 0, content: 0, events: 0, interactions: 0 });
    expect(again.duplicates).toBe(29);
    expect(await count('events')).toBe(11);
    expect(await count('activity_daily')).toBe(15); // 12 person-days of people, 3 of the official account and the bot
  });

  it('reads a time without offset in Europe/Berlin and cuts days there', async () => {
    await loadCanonical(db, smallFixture);
    const rows = await withConnection(db, (c) =>
      queryRows<{ id: string; day: string; utc: string }>(c, `SELECT event_id AS id, strftime(day, '%Y-%m-%d') AS day, strftime(timezone('UTC', occurred_at), '%Y-%m-%d %H:%M') AS utc FROM events WHERE event_id IN ('e3', 'e6', 'e9') ORDER BY event_id`),
    );
    expect(rows).toEqual([
      { id: 'e3', day: '2026-09-01', utc: '2026-08-31 22:30' },
      { id: 'e6', day: '2026-09-02', utc: '2026-09-02 08:00' },
      { id: 'e9', day: '2026-10-01', utc: '2026-09-30 22:30' },
    ]);
  });
});

describe('bad input: unusable exports end with a clear error and write nothing', () => {
  it('refuses a missing path', async () => {
    await expect(loadCanonical(db, '/no/such/export')).rejects.toThrow(/no such file or folder/);
    expect(await count('people')).toBe(0);
  });

  it('refuses an export without a people file, naming it', async () => {
    const dir = writeExport({ 'content.csv': posts });
    await expect(loadCanonical(db, dir)).rejects.toThrow(/people\.csv/);
    const runs = await withConnection(db, (c) => queryRows<{ status: string }>(c, 'SELECT status FROM import_runs'));
    expect(runs).toEqual([{ status: 'failed' }]);
  });

  it('refuses a file without a required column, naming file and column', async () => {
    const dir = writeExport({ 'people.csv': people, 'events.csv': 'occurred_at,actor_id\n2026-05-04T09:00:00+02:00,u1\n' });
    const error = await loadCanonical(db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as ImportInputError).message).toMatch(/events\.csv: required column "action" is missing/);
    expect((error as ImportInputError).column).toBe('action');
    expect(await count('people')).toBe(0);
  });
});

describe('bad input: bad rows are rejected with file, line and reason, good rows still land', () => {
  it('rejects an unparsable timestamp', async () => {
    const dir = writeExport({
      'people.csv': people,
      'content.csv': posts,
      'events.csv': 'occurred_at,actor_id,action,content_id\n2026-05-04T10:00:00+02:00,u2,view,c1\ngestern,u2,view,c1\n2026-05-04T11:00:00+02:00,u1,login,\n',
    });
    const s = await loadCanonical(db, dir);
    expect(s.loaded.events).toBe(2);
    expect(s.rejected).toBe(1);
    expect(await rejects()).toEqual([
      { file: 'events.csv', line: 3, column: 'occurred_at', value: 'gestern', reason: 'unparsable timestamp (expected ISO 8601)', raw: 'gestern,u2,view,c1' },
    ]);
  });

  it('rejects an unknown action', async () => {
    const dir = writeExport({
      'people.csv': people,
      'content.csv': posts,
      'events.csv': 'occurred_at,actor_id,action,content_id\n2026-05-04T10:00:00+02:00,u2,like,c1\n2026-05-04T10:01:00+02:00,u2,reaction,c1\n',
    });
    const s = await loadCanonical(db, dir);
    expect(s.loaded.events).toBe(1);
    expect(s.rejects).toEqual([{ file: 'events.csv', line: 2, column: 'action', value: 'like', reason: expect.stringMatching(/^unknown action/) }]);
  });

  it('rejects the second row with a duplicate id and keeps the first', async () => {
    const dir = writeExport({
      'people.csv': people,
      'content.csv': `${posts}c1,u2,2026-05-05T09:00:00+02:00,post,,Nochmal\nc2,u2,2026-05-05T10:00:00+02:00,post,,Anders\n`,
    });
    const s = await loadCanonical(db, dir);
    expect(s.loaded.content).toBe(2);
    expect(s.rejects).toEqual([{ file: 'content.csv', line: 3, column: 'content_id', value: 'c1', reason: expect.stringMatching(/duplicate content_id/) }]);
    const kept = await withConnection(db, (c) => queryRows<{ body: string }>(c, "SELECT body FROM content WHERE content_id = 'c1'"));
    expect(kept).toEqual([{ body: 'Hallo' }]);
  });

  it('rejects a comment whose parent is missing, and the replies to it', async () => {
    const dir = writeExport({
      'people.csv': people,
      'content.csv': `${posts}c2,u2,2026-05-04T10:00:00+02:00,comment,c1,ok\nc3,u2,2026-05-04T10:00:00+02:00,comment,zz,lost\nc4,u1,2026-05-04T11:00:00+02:00,comment,c3,reply to lost\n`,
    });
    const s = await loadCanonical(db, dir);
    expect(s.loaded.content).toBe(2);
    expect(s.rejected).toBe(2);
    expect((await rejects()).map((r) => [r.line, r.column, r.value])).toEqual([
      [4, 'parent_id', 'zz'],
      [5, 'parent_id', 'c3'],
    ]);
  });

  it('reads a UTF-8 byte-order mark before the header', async () => {
    const dir = writeExport({ 'people.csv': `\uFEFF${people}`, 'content.csv': `\uFEFF${posts}` });
    const s = await loadCanonical(db, dir);
    expect(s.loaded).toMatchObject({ people: 2, content: 1 });
    expect(s.rejected).toBe(0);
  });

  it('reads CRLF line ends without keeping the carriage return', async () => {
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    const dir = writeExport({ 'people.csv': crlf(people), 'content.csv': crlf(posts) });
    const s = await loadCanonical(db, dir);
    expect(s.loaded).toMatchObject({ people: 2, content: 1 });
    const row = await withConnection(db, (c) => queryRows<{ department: string }>(c, "SELECT department FROM people WHERE person_id = 'u2'"));
    expect(row).toEqual([{ department: 'IT' }]);
  });

  it('keeps quoted newlines in a body and still names the right line of a later bad row', async () => {
    const dir = writeExport({
      'people.csv': people,
      'content.csv': 'content_id,author_id,created_at,kind,parent_id,body\nc1,u1,2026-05-04T09:00:00+02:00,post,,"Zeile eins\nZeile zwei\r\nZeile drei, mit ""Zitat"""\nc2,u1,kaputt,post,,x\n',
    });
    const s = await loadCanonical(db, dir);
    expect(s.loaded.content).toBe(1);
    const body = await withConnection(db, (c) => queryRows<{ body: string }>(c, "SELECT body FROM content WHERE content_id = 'c1'"));
    expect(body[0].body).toBe('Zeile eins\nZeile zwei\r\nZeile drei, mit "Zitat"');
    expect(s.rejects).toEqual([{ file: 'content.csv', line: 5, column: 'created_at', value: 'kaputt', reason: expect.stringMatching(/unparsable timestamp/) }]);
  });

  it('rejects a row with too many fields as malformed, with its line', async () => {
    const dir = writeExport({ 'people.csv': people, 'content.csv': `${posts}c2,u1,2026-05-04T09:00:00+02:00,post,,a,b,c\nc3,u2,2026-05-04T12:00:00+02:00,post,,fine\n` });
    const s = await loadCanonical(db, dir);
    expect(s.loaded.content).toBe(2);
    expect(s.rejects).toEqual([{ file: 'content.csv', line: 3, column: null, value: null, reason: expect.stringMatching(/^malformed row/) }]);
  });

  it('reads a zip whose files sit in a folder inside it', async () => {
    const zip = zipSync({ 'export/people.csv': strToU8(people), 'export/content.csv': strToU8(posts) });
    const dir = writeExport({ 'export.zip': zip });
    const s = await loadCanonical(db, `${dir}/export.zip`);
    expect(s.loaded).toMatchObject({ people: 2, content: 1 });
  });

  it('refuses a zip whose entry names climb out of the archive', async () => {
    const zip = zipSync({ '../evil/people.csv': strToU8(people), 'content.csv': strToU8(posts) });
    const dir = writeExport({ 'evil.zip': zip });
    await expect(loadCanonical(db, `${dir}/evil.zip`)).rejects.toThrow(/path traversal/);
    expect(await count('people')).toBe(0);
  });

  it('creates flagged placeholder accounts for unknown people referenced by activity', async () => {
    const dir = writeExport({ 'people.csv': people, 'content.csv': `${posts}c2,x9,2026-05-04T10:00:00+02:00,comment,c1,Wer bin ich?\n` });
    const s = await loadCanonical(db, dir);
    expect(s.placeholders).toBe(1);
    const row = await withConnection(db, (c) => queryRows<{ placeholder: boolean }>(c, "SELECT is_placeholder AS placeholder FROM people WHERE person_id = 'x9'"));
    expect(row).toEqual([{ placeholder: true }]);
  });

  it('reads JSON Lines and rejects an invalid line with its number', async () => {
    const dir = writeExport({
      'people.jsonl': '{"person_id":"u1","department":"Vertrieb"}\n{"person_id":"u2"}\n',
      'content.jsonl': '{"content_id":"c1","author_id":"u1","created_at":"2026-05-04T09:00:00+02:00","kind":"post"}\n{"content_id": broken\n',
    });
    const s = await loadCanonical(db, dir);
    expect(s.loaded).toMatchObject({ people: 2, content: 1 });
    expect(s.rejects).toEqual([{ file: 'content.jsonl', line: 2, column: null, value: null, reason: expect.stringMatching(/^invalid JSON/) }]);
  });

  it('keeps rejects in import_rejects with the run and the raw text', async () => {
    const dir = writeExport({ 'people.csv': people, 'content.csv': `${posts}c2,u1,2026-05-04T09:00:00+02:00,story,,x\n` });
    const s = await loadCanonical(db, dir);
    const stored = await withConnection(db, (c) => queryRows<{ run: number; raw: string }>(c, 'SELECT run_id AS run, raw FROM import_rejects'));
    expect(stored).toEqual([{ run: s.runId, raw: 'c2,u1,2026-05-04T09:00:00+02:00,story,,x' }]);
  });
});
