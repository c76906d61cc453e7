import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, queryRows, withConnection, type Database } from '../../../analytics/db';
import { ImportInputError } from '../../../analytics/ingest/archive';
import { loadSlack } from '../../../analytics/ingest/slack';
import { cleanExports, freshDb, sharedData, writeExport } from '../../helpers';

const sample = join(sharedData, 'slack-houstondatavis');

let db: Database;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => closeDatabase(db));
afterAll(cleanExports);

function rows<T>(sql: string, params?: Record<string, unknown>): Promise<T[]> {
  return withConnection(db, (c) => queryRows<T>(c, sql, params));
}

async function count(table: string): Promise<number> {
  return (await rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0].n;
}

// ---------------------------------------------------------------------------------------------
// The sample's totals, counted here from the raw files with the simplest code that can do it
// (not with the importer's code): every message of every day file of every folder.

interface RawMessage {
  subtype?: string;
  user?: string;
  bot_id?: string;
  ts: string;
  text?: string;
  reactions?: Array<{ name: string; users: string[] }>;
  file?: { id: string };
  comment?: { user: string };
}

function walkSample() {
  const messages: Array<RawMessage & { folder: string }> = [];
  let dayFiles = 0;
  for (const folder of readdirSync(sample)) {
    if (!statSync(join(sample, folder)).isDirectory()) continue;
    for (const file of readdirSync(join(sample, folder))) {
      dayFiles++;
      for (const m of JSON.parse(readFileSync(join(sample, folder, file), 'utf8')) as RawMessage[]) messages.push({ ...m, folder });
    }
  }
  const subtypes: Record<string, number> = {};
  for (const m of messages) if (m.subtype) subtypes[m.subtype] = (subtypes[m.subtype] ?? 0) + 1;
  const mentionToken = /<@(U[A-Z0-9]+)(\|[^>]*)?>/g;
  const sharedFiles = new Set(messages.filter((m) => m.subtype === 'file_share').map((m) => m.file!.id));
  // Authored messages: plain ones and file shares; comments: file comments on a shared file.
  const isBot = (m: RawMessage) => m.subtype === 'bot_message' || (m.bot_id !== undefined && m.user === undefined);
  const posts = messages.filter((m) => (m.subtype === undefined || m.subtype === 'file_share') && !isBot(m));
  const comments = messages.filter((m) => m.subtype === 'file_comment' && sharedFiles.has(m.file!.id));
  const loaded = [...posts, ...comments];
  const author = (m: RawMessage) => m.comment?.user ?? m.user;
  let reactionPairs = 0;
  let loadedReactionPairs = 0;
  for (const m of messages) for (const r of m.reactions ?? []) reactionPairs += r.users.length;
  for (const m of loaded) for (const r of m.reactions ?? []) loadedReactionPairs += r.users.length;
  let mentionEvents = 0;
  for (const m of loaded) {
    const targets = new Set([...(m.text ?? '').matchAll(mentionToken)].map((x) => x[1]));
    targets.delete(author(m)!);
    mentionEvents += targets.size;
  }
  return {
    dayFiles,
    messages: messages.length,
    withMentions: messages.filter((m) => /<@U[A-Z0-9]+(\|[^>]*)?>/.test(m.text ?? '')).length,
    withReactions: messages.filter((m) => (m.reactions ?? []).length > 0).length,
    reactionPairs,
    subtypes,
    posts: posts.length,
    postsByFolder: Object.fromEntries([...new Set(posts.map((m) => m.folder))].map((f) => [f, posts.filter((m) => m.folder === f).length])),
    comments: comments.length,
    loadedReactionPairs,
    mentionEvents,
  };
}

describe('Slack import of the houstondatavis export', () => {
  const raw = walkSample();
  const users = JSON.parse(readFileSync(join(sample, 'users.json'), 'utf8')) as Array<{ id: string; deleted: boolean; profile: { title?: string } }>;
  const channels = JSON.parse(readFileSync(join(sample, 'channels.json'), 'utf8')) as Array<{ id: string; name: string }>;

  it('counts the sample as its README describes it (checks the test walker itself)', () => {
    expect(users.length).toBe(71);
    expect(channels.length).toBe(16);
    expect(raw.dayFiles).toBe(375);
    expect(raw.messages).toBe(1382);
    expect(raw.withMentions).toBe(554);
    expect(raw.withReactions).toBe(89);
    expect(raw.reactionPairs).toBe(199);
    expect(raw.subtypes).toEqual({
      channel_join: 320, file_share: 61, channel_purpose: 13, channel_archive: 9, file_comment: 6,
      channel_leave: 3, channel_name: 2, channel_topic: 2, bot_add: 1, pinned_item: 1,
    });
  });

  it('loads people, channels, posts, file comments, reactions and mentions with the independently counted totals', async () => {
    const s = await loadSlack(db, sample);
    expect(s.source).toBe('slack');
    expect(s.loaded).toEqual({ people: 71, content: raw.posts + raw.comments, events: raw.loadedReactionPairs + raw.mentionEvents, interactions: 0 });
    expect(s.other.spaces).toBe(16);
    expect(s.byKind).toEqual({ post: raw.posts, comment: raw.comments });
    expect(s.byAction).toEqual({ reaction: raw.loadedReactionPairs, mention: raw.mentionEvents });
    expect(s.rejected).toBe(0);
    expect(s.placeholders).toBe(0);
    // Read = loaded + duplicates + rejected: nothing vanished between reading and writing.
    expect(s.read).toBe(s.loaded.people + s.loaded.content + s.loaded.events + s.other.spaces + s.duplicates + s.rejected);
    // The figures of this particular sample, for the record.
    expect([raw.posts, raw.comments, raw.loadedReactionPairs, raw.mentionEvents]).toEqual([1025, 6, 198, 155]);
  });

  it('counts every message that is not engagement in the warnings instead of loading it', async () => {
    const s = await loadSlack(db, sample);
    const skipped = s.warnings.find((w) => w.startsWith('skipped 351 messages that are not engagement'));
    expect(skipped).toBeDefined();
    for (const subtype of ['channel_join', 'channel_purpose', 'channel_archive', 'channel_leave', 'channel_name', 'channel_topic', 'bot_add', 'pinned_item']) {
      expect(skipped).toContain(`${raw.subtypes[subtype]} ${subtype}`);
    }
    // One channel_join carries a reaction: it is skipped with its message, and said so.
    expect(s.warnings).toContain('skipped 1 reactions on those skipped messages');
    expect(s.warnings.some((w) => /dated at their message/.test(w))).toBe(true);
    expect(await rows("SELECT count(*)::INTEGER AS n FROM content WHERE body LIKE '%has joined the channel%'")).toEqual([{ n: 0 }]);
  });

  it('maps users: titles, deleted accounts kept as people, names only in identities', async () => {
    await loadSlack(db, sample);
    expect(await count("people WHERE account_type = 'person' AND NOT is_placeholder")).toBe(71);
    expect(await count('people WHERE job_title IS NOT NULL')).toBe(users.filter((u) => u.profile.title).length);
    const deleted = users.find((u) => u.deleted)!;
    expect(await rows('SELECT account_type FROM people WHERE person_id = $id', { id: `slack:${deleted.id}` })).toEqual([{ account_type: 'person' }]);
    expect(await rows("SELECT display_name FROM identities WHERE person_id = 'slack:U066MTL5U'")).toEqual([{ display_name: 'Colin Nelson' }]);
  });

  it('maps both meetup folders to their own channel ids (renamed channel) and keeps the names', async () => {
    await loadSlack(db, sample);
    const spaces = await rows<{ id: string; name: string; n: number }>(
      `SELECT s.space_id AS id, s.name, (SELECT count(*)::INTEGER FROM content c WHERE c.space_id = s.space_id) AS n
       FROM spaces s WHERE s.name LIKE 'meetup%' ORDER BY s.name`,
    );
    const idOf = (name: string) => channels.find((c) => c.name === name)!.id;
    // meetup/ holds only a join and the archiving (skipped); meetup-/ the channel's messages.
    expect(spaces).toEqual([
      { id: `slack:${idOf('meetup')}`, name: 'meetup', n: 0 },
      { id: `slack:${idOf('meetup-')}`, name: 'meetup-', n: raw.postsByFolder['meetup-'] },
    ]);
  });

  it('dates messages by ts in UTC, reactions at their message, and ids content by channel and ts', async () => {
    await loadSlack(db, sample);
    // datajam/2015-06-05.json: "Gorgeous! It's fantastic", ts 1433563027.000006 (2015-06-06 03:57:07 UTC).
    const post = await rows<{ utc: string; author: string; space: string }>(
      `SELECT strftime(timezone('UTC', created_at), '%Y-%m-%d %H:%M:%S.%f') AS utc, author_id AS author, space_id AS space
       FROM content WHERE content_id = 'slack:C061A0WJG:1433563027.000006'`,
    );
    expect(post).toEqual([{ utc: '2015-06-06 03:57:07.000006', author: 'slack:U061A5N1G', space: 'slack:C061A0WJG' }]);
    const offTime = await rows<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM events e JOIN content c ON c.content_id = e.content_id WHERE e.occurred_at <> c.created_at`,
    );
    expect(offTime).toEqual([{ n: 0 }]);
  });

  it('gives file shares a format from the mimetype and hangs file comments under the share', async () => {
    await loadSlack(db, sample);
    // datajam/2015-06-05.json shares Fritz.jpg (image/jpeg).
    expect(await rows("SELECT format, title FROM content WHERE content_id = 'slack:C061A0WJG:1433562832.000005'")).toEqual([{ format: 'image', title: 'Fritz.jpg' }]);
    const comments = await rows<{ parent: string; author: string; body: string }>(
      "SELECT parent_id AS parent, author_id AS author, body FROM content WHERE kind = 'comment' ORDER BY created_at LIMIT 1",
    );
    expect(comments).toEqual([{ parent: 'slack:C061A0WJG:1434772080.000006', author: 'slack:U061A5N1G', body: 'Tim, this looks fantastic ' }]);
  });

  it('is idempotent: importing the export again loads nothing and counts every row as duplicate', async () => {
    const first = await loadSlack(db, sample);
    const before = await Promise.all(['people', 'spaces', 'content', 'events', 'interactions'].map(count));
    const again = await loadSlack(db, sample);
    expect(again.loaded).toEqual({ people: 0, content: 0, events: 0, interactions: 0 });
    expect(again.other.spaces).toBe(0);
    expect(again.duplicates).toBe(first.read);
    expect(await Promise.all(['people', 'spaces', 'content', 'events', 'interactions'].map(count))).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Small hand-made exports for what the sample does not have.

const users = JSON.stringify([
  { id: 'U1', name: 'ana', profile: { display_name: 'Ana', title: 'Editor' } },
  { id: 'U2', name: 'ben', profile: { real_name: 'Ben B' } },
  { id: 'U3', name: 'cy', deleted: true, profile: {} },
  { id: 'B1', name: 'deploybot', is_bot: true, profile: {} },
]);
const channels = JSON.stringify([
  { id: 'C1', name: 'general', members: ['U1', 'U2', 'U3'] },
  { id: 'C2', name: 'projects', members: ['U1'] },
]);
const day = (messages: unknown[]) => JSON.stringify(messages, null, 4);

describe('Slack import: threads, bots, direct messages, renamed folders', () => {
  it('turns thread replies into comments on the root and keeps bot and join messages out', async () => {
    const dir = writeExport({
      'users.json': users,
      'channels.json': channels,
      'general/2024-03-01.json': day([
        { type: 'message', user: 'U1', text: 'Who has the slides?', ts: '1709280000.000100', thread_ts: '1709280000.000100', reply_count: 2 },
        { type: 'message', user: 'U2', text: 'Here <@U1>, and <@U3|cy> too <@U1>', ts: '1709280060.000200', thread_ts: '1709280000.000100', parent_user_id: 'U1' },
        { type: 'message', subtype: 'bot_message', bot_id: 'B9', text: 'Build passed', ts: '1709280100.000300' },
        { type: 'message', bot_id: 'B9', text: 'no user either', ts: '1709280110.000300' },
        { type: 'message', subtype: 'channel_join', user: 'U3', text: '<@U3> has joined the channel', ts: '1709280120.000400' },
        { type: 'message', user: 'U1', text: 'reply to the bot', ts: '1709280130.000500', thread_ts: '1709280100.000300' },
        { type: 'message', user: 'B1', text: 'deployed', ts: '1709280140.000600', reactions: [{ name: '+1', users: ['U1', 'U2'], count: 2 }] },
      ]),
    });
    const s = await loadSlack(db, dir);
    expect(s.byKind).toEqual({ post: 3, comment: 1 });
    expect(s.byAction).toEqual({ mention: 2, reaction: 2 });
    expect(s.rejected).toBe(0);
    const reply = await rows('SELECT parent_id, kind FROM content WHERE content_id = $id', { id: 'slack:C1:1709280060.000200' });
    expect(reply).toEqual([{ parent_id: 'slack:C1:1709280000.000100', kind: 'comment' }]);
    expect(s.warnings).toContain('skipped 3 messages that are not engagement: 2 bot_message, 1 channel_join');
    expect(s.warnings).toContain('1 thread replies to a skipped message (e.g. a bot message) were loaded as posts');
    expect(await rows("SELECT account_type FROM people WHERE person_id = 'slack:B1'")).toEqual([{ account_type: 'bot' }]);
    // The question in the root is detected from the kept body.
    expect(await rows("SELECT is_question FROM content WHERE content_id = 'slack:C1:1709280000.000100'")).toEqual([{ is_question: true }]);
  });

  it('loads direct and group messages as interactions between the members, never as content', async () => {
    const dir = writeExport({
      'users.json': users,
      'channels.json': channels,
      'dms.json': JSON.stringify([{ id: 'D1', members: ['U1', 'U2'] }]),
      'mpims.json': JSON.stringify([{ id: 'G1', name: 'mpdm-ana--ben--cy-1', members: ['U1', 'U2', 'U3'] }]),
      'general/2024-03-01.json': day([{ type: 'message', user: 'U1', text: 'hi all', ts: '1709280000.000100' }]),
      'D1/2024-03-02.json': day([
        { type: 'message', user: 'U1', text: 'lunch?', ts: '1709366400.000100', reactions: [{ name: 'yes', users: ['U2'], count: 1 }] },
        { type: 'message', user: 'U2', text: 'sure', ts: '1709366460.000200' },
      ]),
      'mpdm-ana--ben--cy-1/2024-03-02.json': day([{ type: 'message', user: 'U3', text: 'hello both', ts: '1709366500.000100' }]),
    });
    const s = await loadSlack(db, dir);
    expect(s.loaded).toMatchObject({ content: 1, interactions: 5 });
    const ties = await rows<{ s: string; t: string }>("SELECT source_id AS s, target_id AS t FROM interactions WHERE channel = 'slack-dm' ORDER BY 1, 2");
    expect(ties).toEqual([
      { s: 'slack:U1', t: 'slack:U2' },
      { s: 'slack:U2', t: 'slack:U1' },
      { s: 'slack:U2', t: 'slack:U1' }, // the reaction to U1's message
      { s: 'slack:U3', t: 'slack:U1' },
      { s: 'slack:U3', t: 'slack:U2' },
    ]);
    expect(await count("spaces WHERE space_id IN ('slack:D1', 'slack:G1')")).toBe(0);
  });

  it('loads a folder that matches no channel into a space named after it, with a warning', async () => {
    const dir = writeExport({
      'users.json': users,
      'channels.json': channels,
      'meetup-/2024-03-01.json': day([{ type: 'message', user: 'U1', text: 'renamed?', ts: '1709280000.000100' }]),
    });
    const s = await loadSlack(db, dir);
    expect(s.loaded.content).toBe(1);
    expect(s.warnings.some((w) => w.startsWith('folder "meetup-" matches no channel in channels.json'))).toBe(true);
    expect(await rows("SELECT space_id, name FROM spaces WHERE space_id = 'slack:meetup-'")).toEqual([{ space_id: 'slack:meetup-', name: 'meetup-' }]);
  });

  it('rejects a file comment whose shared file is not in the export, naming it', async () => {
    const dir = writeExport({
      'users.json': users,
      'channels.json': channels,
      'general/2024-03-01.json': day([
        { type: 'message', user: 'U1', text: 'hi', ts: '1709280000.000100' },
        { type: 'message', subtype: 'file_comment', text: 'nice', ts: '1709280060.000200', file: { id: 'F404' }, comment: { user: 'U2', comment: 'nice' } },
      ]),
    });
    const s = await loadSlack(db, dir);
    expect(s.loaded.content).toBe(1);
    expect(s.rejects).toEqual([{ file: 'general/2024-03-01.json', line: 8, column: 'file.id', value: 'F404', reason: expect.stringMatching(/file F404, whose shared message is not in this export/) }]);
  });

  it('rejects a reply whose thread root is missing, with file and line, and loads the rest', async () => {
    const dir = writeExport({
      'users.json': users,
      'channels.json': channels,
      'general/2024-03-01.json': day([
        { type: 'message', user: 'U1', text: 'root', ts: '1709280000.000100' },
        { type: 'message', user: 'U2', text: 'orphan', ts: '1709280060.000200', thread_ts: '1709200000.000000' },
      ]),
    });
    const s = await loadSlack(db, dir);
    expect(s.loaded.content).toBe(1);
    expect(s.rejects).toEqual([{ file: 'general/2024-03-01.json', line: 8, column: 'parent_id', value: null, reason: expect.stringMatching(/parent_id not found/) }]);
  });

  it('reads a zip whose export sits in a folder, and unknown people become flagged placeholders', async () => {
    const zip = zipSync({
      'export/users.json': strToU8(users),
      'export/channels.json': strToU8(channels),
      'export/general/2024-03-01.json': strToU8(day([{ type: 'message', user: 'U77', text: 'who am I, <@U88>?', ts: '1709280000.000100' }])),
    });
    const dir = writeExport({ 'slack.zip': zip });
    const s = await loadSlack(db, join(dir, 'slack.zip'));
    expect(s.loaded).toMatchObject({ people: 4, content: 1, events: 1 });
    expect(s.placeholders).toBe(2);
    expect(await rows("SELECT person_id FROM people WHERE is_placeholder ORDER BY 1")).toEqual([{ person_id: 'slack:U77' }, { person_id: 'slack:U88' }]);
  });
});

describe('Slack import: unusable exports end with a clear error and write nothing', () => {
  it('refuses an export without users.json', async () => {
    const dir = writeExport({ 'channels.json': channels, 'general/2024-03-01.json': day([]) });
    await expect(loadSlack(db, dir)).rejects.toThrow(/users\.json not found/);
    expect(await rows('SELECT status FROM import_runs')).toEqual([{ status: 'failed' }]);
  });

  it('refuses an export without day files', async () => {
    const dir = writeExport({ 'users.json': users, 'channels.json': channels });
    await expect(loadSlack(db, dir)).rejects.toThrow(/no message files found/);
  });

  it('refuses a users.json that is not a JSON array, naming the file and line', async () => {
    const dir = writeExport({ 'users.json': '[{"id": "U1",\n "name": oops}]', 'general/2024-03-01.json': day([]) });
    const error = await loadSlack(db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as Error).message).toMatch(/^users\.json: not valid JSON at line 1/);
    expect(await count('people')).toBe(0);
  });

  it('refuses an empty channels.json', async () => {
    const dir = writeExport({ 'users.json': users, 'channels.json': '', 'general/2024-03-01.json': day([]) });
    await expect(loadSlack(db, dir)).rejects.toThrow(/channels\.json: the file is empty/);
  });

  it('rejects text after the closing bracket of a day file instead of ignoring it', async () => {
    const text = `${day([{ type: 'message', user: 'U1', text: 'one', ts: '1709280000.000100' }])}\n{"type": "message"}\n`;
    const dir = writeExport({ 'users.json': users, 'channels.json': channels, 'general/2024-03-01.json': text });
    const s = await loadSlack(db, dir);
    expect(s.loaded.content).toBe(1);
    expect(s.rejects).toEqual([{ file: 'general/2024-03-01.json', line: 8, column: null, value: null, reason: 'text after the closing "]" of the array (not read)' }]);
  });

  it('reads what it can of a truncated day file and rejects the rest with its line', async () => {
    const text = day([
      { type: 'message', user: 'U1', text: 'one', ts: '1709280000.000100' },
      { type: 'message', user: 'U2', text: 'two', ts: '1709280060.000200' },
    ]);
    const dir = writeExport({ 'users.json': users, 'channels.json': channels, 'general/2024-03-01.json': text.slice(0, text.indexOf('two')) });
    const s = await loadSlack(db, dir);
    expect(s.loaded.content).toBe(1);
    expect(s.rejects.map((r) => [r.line, r.reason.slice(0, 30)])).toEqual([
      [8, expect.stringMatching(/^invalid JSON: /)],
      [11, 'the file ends before the closi'],
    ]);
  });
});
