import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Database } from '../../../analytics/db';
import { ImportInputError } from '../../../analytics/ingest/archive';
import { loadVivaEngage, looksLikeVivaEngage, vivaEngageNoLikesWarning } from '../../../analytics/ingest/viva-engage';
import { cleanExports, freshDb, projectRoot, writeExport } from '../../helpers';
import { countRows, query, storedRejects } from './tabular-test-kit';

// fixtures/viva-engage: 12 users, 3 groups, 40 messages (totals in fixtures/viva-engage/README.md).
const fixture = join(projectRoot, 'fixtures', 'viva-engage');

let db: Database;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => closeDatabase(db));
afterAll(cleanExports);

const usersCsv = 'id,name,email,job_title,location,department,joined_at,deleted_at,state\n1,Ute Ulm,ute@example.de,,Hamburg,Vertrieb,2026-01-01T08:00:00Z,,active\n';
const messagesHeader = 'id,replied_to_id,thread_id,group_id,group_name,participants,in_private_conversation,sender_id,sender_type,body,created_at,deleted_at';

describe('Viva Engage import of the sample network export', () => {
  it('loads the hand-computed totals', async () => {
    const s = await loadVivaEngage(db, fixture);
    expect(s.source).toBe('viva-engage');
    expect(s.loaded).toEqual({ people: 12, content: 26, events: 8, interactions: 6 });
    expect(s.other).toEqual({ spaces: 3, social: 0, programmes: 0 });
    expect(s.byKind).toEqual({ post: 7, comment: 19 });
    expect(s.byAction).toEqual({ mention: 8 });
    expect(s.placeholders).toBe(1); // user 1099, mentioned but not in Users.csv
    expect(s.rejected).toBe(7);
    expect(s.read).toBe(62); // 12 + 3 + 26 + 8 + 6 staged rows + 7 rejects
    expect(s.warnings).toContain(vivaEngageNoLikesWarning);
    expect(s.warnings).toContain('3 deleted messages skipped (deleted_at set)');
  });

  it('keeps every reject with file, line, column, value and reason', async () => {
    const s = await loadVivaEngage(db, fixture);
    expect((await storedRejects(db, s.runId)).map((r) => [r.line, r.column, r.value, r.reason.split(/[(;]/)[0].trim()])).toEqual([
      [12, 'replied_to_id', '3010', 'replied_to_id points to a deleted message'],
      [27, 'replied_to_id', '3023', 'replied_to_id points to a deleted message'],
      [28, 'replied_to_id', '3024', 'replied_to_id points to a message that was rejected'],
      [35, 'replied_to_id', '9999', 'replied_to_id not found'],
      [36, 'created_at', 'gestern', 'unparsable timestamp'],
      [37, 'sender_id', null, 'missing sender_id'],
      [43, 'participants', 'user:1009', 'private message without other participants'],
    ]);
  });

  it('is idempotent: a second import loads nothing and counts every row as duplicate', async () => {
    await loadVivaEngage(db, fixture);
    const again = await loadVivaEngage(db, fixture);
    expect(again.loaded).toEqual({ people: 0, content: 0, events: 0, interactions: 0 });
    expect(again.duplicates).toBe(55);
    expect(again.rejected).toBe(7);
    expect(await countRows(db, 'content')).toBe(26);
    expect(await countRows(db, 'interactions')).toBe(6);
  });

  it('maps replies to comments of replied_to_id and namespaces ids', async () => {
    await loadVivaEngage(db, fixture);
    const rows = await query<{ id: string; parent: string | null; author: string; space: string | null }>(
      db,
      "SELECT content_id AS id, parent_id AS parent, author_id AS author, space_id AS space FROM content WHERE content_id IN ('viva:msg:3001', 'viva:msg:3003', 'viva:msg:3005') ORDER BY 1",
    );
    expect(rows).toEqual([
      { id: 'viva:msg:3001', parent: null, author: 'viva:1001', space: 'viva:group:2001' },
      { id: 'viva:msg:3003', parent: 'viva:msg:3002', author: 'viva:1001', space: 'viva:group:2001' },
      { id: 'viva:msg:3005', parent: 'viva:msg:3004', author: 'viva:1002', space: 'viva:group:2001' },
    ]);
  });

  it('keeps umlauts and a quoted comma and newline in bodies, and cuts days in Berlin time', async () => {
    await loadVivaEngage(db, fixture);
    const rows = await query<{ id: string; body: string; day: string }>(
      db,
      "SELECT content_id AS id, body, strftime(day, '%Y-%m-%d') AS day FROM content WHERE content_id IN ('viva:msg:3008', 'viva:msg:3012', 'viva:msg:3016') ORDER BY 1",
    );
    expect(rows).toEqual([
      { id: 'viva:msg:3008', body: 'Schöne Grüße aus Köln – läuft bei uns größtenteils.', day: '2026-09-02' },
      { id: 'viva:msg:3012', body: 'Agenda:\n1. Zahlen, Daten, Fakten\n2. "Ausblick"', day: '2026-09-03' },
      { id: 'viva:msg:3016', body: 'Willkommen an alle Neuen! #onboarding', day: '2026-09-05' }, // 22:30 UTC = 00:30 CEST
    ]);
  });

  it('turns private conversations into interactions only, never content', async () => {
    await loadVivaEngage(db, fixture);
    const ties = await query<{ s: string; t: string }>(db, "SELECT source_id AS s, target_id AS t FROM interactions WHERE channel = 'viva-private' ORDER BY 1, 2");
    expect(ties).toEqual([
      { s: 'viva:1001', t: 'viva:1002' },
      { s: 'viva:1001', t: 'viva:1003' },
      { s: 'viva:1002', t: 'viva:1001' },
      { s: 'viva:1002', t: 'viva:1003' },
      { s: 'viva:1005', t: 'viva:1006' },
      { s: 'viva:1006', t: 'viva:1005' },
    ]);
    expect(await countRows(db, 'content', "content_id IN ('viva:msg:3035', 'viva:msg:3036', 'viva:msg:3037', 'viva:msg:3038')")).toBe(0);
    expect(await countRows(db, 'events', "target_id = 'viva:1007' AND actor_id = 'viva:1006'")).toBe(0); // mention inside a private message
  });

  it('reads mentions as events to the person mentioned, one per person and message', async () => {
    await loadVivaEngage(db, fixture);
    const mentions = await query<{ actor: string; target: string }>(db, "SELECT actor_id AS actor, target_id AS target FROM events WHERE content_id = 'viva:msg:3009' ORDER BY 2");
    expect(mentions).toEqual([
      { actor: 'viva:1003', target: 'viva:1005' },
      { actor: 'viva:1003', target: 'viva:1006' },
    ]);
  });

  it('maps user attributes and treats deleted_at as the end of employment', async () => {
    await loadVivaEngage(db, fixture);
    const rows = await query<{ id: string; department: string; location: string; to: string | null; registered: string }>(
      db,
      "SELECT person_id AS id, department, location, strftime(employed_to, '%Y-%m-%d') AS \"to\", strftime(timezone('UTC', registered_at), '%Y-%m-%d') AS registered FROM people WHERE person_id IN ('viva:1006', 'viva:1012') ORDER BY 1",
    );
    expect(rows).toEqual([
      { id: 'viva:1006', department: 'Service', location: 'Köln', to: null, registered: '2025-05-02' },
      { id: 'viva:1012', department: 'Vertrieb', location: 'München', to: '2026-09-30', registered: '2025-02-01' },
    ]);
    expect(await query(db, "SELECT display_name AS name FROM identities WHERE person_id = 'viva:1007'")).toEqual([{ name: 'Gül Yılmaz' }]);
  });

  it('pseudonymises person ids consistently when a secret is set', async () => {
    const s = await loadVivaEngage(db, fixture, { privacy: { pseudonymSecret: 'geheim', identities: false } });
    expect(s.loaded.people).toBe(12);
    expect(await countRows(db, 'people', "person_id LIKE 'viva:%'")).toBe(0);
    expect(await countRows(db, 'identities')).toBe(0);
    const orphans = await countRows(db, 'events', 'target_id NOT IN (SELECT person_id FROM people) OR actor_id NOT IN (SELECT person_id FROM people)');
    expect(orphans).toBe(0);
  });
});

describe('Viva Engage likes from a per-user export', () => {
  it('reads LikedMessages.csv as reactions of the export user and rejects likes of unknown messages', async () => {
    const dir = writeExport({
      'Users.csv': usersCsv,
      'Messages.csv': `${messagesHeader}\n10,,10,7,Team,,false,1,user,Hallo,2026-05-04T09:00:00Z,\n`,
      'LikedMessages.csv': 'message_id,liked_at\n10,2026-05-04T10:00:00Z\n77,2026-05-04T10:05:00Z\n',
    });
    const s = await loadVivaEngage(db, dir);
    expect(s.byAction).toEqual({ reaction: 1 });
    expect(s.warnings).not.toContain(vivaEngageNoLikesWarning);
    expect(s.rejects).toEqual([{ file: 'LikedMessages.csv', line: 3, column: 'message_id', value: '77', reason: expect.stringMatching(/^liked message not found/) }]);
    expect(await query(db, 'SELECT actor_id AS actor, content_id AS content, detail FROM events')).toEqual([{ actor: 'viva:1', content: 'viva:msg:10', detail: 'like' }]);
  });
});

describe('Viva Engage incremental exports', () => {
  it('accepts a reply whose thread came in an earlier export', async () => {
    await loadVivaEngage(db, writeExport({ 'Users.csv': usersCsv, 'Messages.csv': `${messagesHeader}\n10,,10,7,Team,,false,1,user,Frage?,2026-05-04T09:00:00Z,\n` }));
    const s = await loadVivaEngage(db, writeExport({ 'Messages.csv': `${messagesHeader}\n11,10,10,7,Team,,false,2,user,Antwort,2026-05-05T09:00:00Z,\n` }));
    expect(s.loaded.content).toBe(1);
    expect(s.rejected).toBe(0);
    expect(s.placeholders).toBe(1); // sender 2 is in no Users.csv
  });
});

describe('Viva Engage unusable input', () => {
  it('refuses an export without Messages.csv', async () => {
    const error = await loadVivaEngage(db, writeExport({ 'Users.csv': usersCsv })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as Error).message).toMatch(/no Messages\.csv/);
    expect(await countRows(db, 'people')).toBe(0);
  });

  it('refuses an empty Messages.csv, naming the file', async () => {
    await expect(loadVivaEngage(db, writeExport({ 'Users.csv': usersCsv, 'Messages.csv': '' }))).rejects.toThrow(/Messages\.csv: the file is empty/);
  });

  it('refuses Messages.csv without sender_id, naming file and column', async () => {
    const error = await loadVivaEngage(db, writeExport({ 'Messages.csv': 'id,thread_id,created_at,body\n1,1,2026-05-04T09:00:00Z,x\n' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as ImportInputError).message).toMatch(/Messages\.csv: required column "sender_id" is missing/);
    expect((error as ImportInputError).column).toBe('sender_id');
  });

  it('refuses a missing path and records the failed run', async () => {
    await expect(loadVivaEngage(db, '/no/such/export')).rejects.toThrow(/no such file or folder/);
    expect(await query(db, 'SELECT source, status FROM import_runs')).toEqual([{ source: 'viva-engage', status: 'failed' }]);
  });
});

describe('looksLikeVivaEngage', () => {
  it('recognises the export by Messages.csv and its columns', () => {
    expect(looksLikeVivaEngage(['Users.csv', 'Groups.csv', 'Messages.csv'].map((f) => join(fixture, f)))).toBe(true);
    expect(looksLikeVivaEngage([join(projectRoot, 'fixtures', 'small', 'content.csv')])).toBe(false);
  });
});
