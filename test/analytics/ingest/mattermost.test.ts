import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, queryRows, withConnection, type Database } from '../../../analytics/db';
import { ImportInputError } from '../../../analytics/ingest/archive';
import { loadMattermost } from '../../../analytics/ingest/mattermost';
import { cleanExports, freshDb, sharedData, writeExport } from '../../helpers';

const sample = join(sharedData, 'mattermost-bulk-export');
const files = ['export.jsonl', 'direct_channel/export.jsonl'];

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
// Totals of the two sample files, counted here from the raw lines (not with the importer).

interface Post {
  team: string;
  channel: string;
  user: string;
  message: string;
  create_at: number;
  reactions: Array<{ user: string; emoji_name: string }> | null;
  replies: Array<{ user: string; message: string; create_at: number }> | null;
  channel_members?: string[];
}

function countSample() {
  const lines = files.flatMap((f) => readFileSync(join(sample, f), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>));
  const of = <T>(type: string) => lines.filter((l) => l.type === type).map((l) => l[type] as T);
  const users = new Set(of<{ username: string }>('user').map((u) => u.username));
  const channels = new Set(of<{ team: string; name: string }>('channel').map((c) => `${c.team}/${c.name}`));
  // A post is the same post in both files when its channel and time agree.
  const posts = new Map<string, Post>();
  for (const p of of<Post>('post')) posts.set(`${p.channel}@${p.create_at}`, posts.get(`${p.channel}@${p.create_at}`) ?? p);
  // Mattermost's system texts ("ron joined the channel.") without a type: not engagement.
  const isSystem = (p: Post) => new RegExp(`^(${p.user} (joined|left) the (channel|team)|\\S+ added to the channel by ${p.user})\\.$`).test(p.message);
  const authored = [...posts.values()].filter((p) => !isSystem(p));
  const system = [...posts.values()].filter(isSystem);
  const replies = [...posts.values()].flatMap((p) => p.replies ?? []);
  const reactions = authored.flatMap((p) => p.reactions ?? []);
  const mentions = authored.filter((p) => [...p.message.matchAll(/@(\w+)/g)].some((m) => users.has(m[1]) && m[1] !== p.user)).length;
  const direct = new Map<string, Post>();
  for (const p of of<Post>('direct_post')) direct.set(`${p.channel_members!.join()}@${p.create_at}`, p);
  const ties = [...direct.values()].reduce((n, p) => n + p.channel_members!.filter((m) => m !== p.user).length, 0);
  return { users: users.size, channels: channels.size, authored: authored.length, system: system.length, replies: replies.length, reactions: reactions.length, mentions, ties, directPosts: direct.size };
}

describe('Mattermost import of the bulk export sample (both files)', () => {
  const raw = countSample();

  it('loads users, channels, posts, replies, reactions, mentions and direct-message ties with the independently counted totals', async () => {
    const s = await loadMattermost(db, sample);
    expect(s.source).toBe('mattermost');
    expect(s.loaded).toEqual({ people: raw.users, content: raw.authored + raw.replies, events: raw.reactions + raw.mentions, interactions: raw.ties });
    expect(s.other.spaces).toBe(raw.channels);
    expect(s.byAction).toEqual({ reaction: raw.reactions, mention: raw.mentions });
    expect(s.rejected).toBe(0);
    expect(s.placeholders).toBe(0);
    expect(s.read).toBe(s.loaded.people + s.loaded.content + s.loaded.events + s.loaded.interactions + s.other.spaces + s.duplicates + s.rejected);
    // The figures of this sample, for the record: 7 users, 5 channels, 12 written posts and
    // 1 reply, 9 reactions, 1 mention, 7 direct messages making 10 ties.
    expect(raw).toEqual({ users: 7, channels: 5, authored: 12, system: 8, replies: 1, reactions: 9, mentions: 1, ties: 10, directPosts: 7 });
  });

  it('reads records both files contain once, counting the second copy as a duplicate', async () => {
    const s = await loadMattermost(db, sample);
    // Repeated in direct_channel/export.jsonl: ron and harry, three channels, one system post,
    // three posts, and the reaction on one of them.
    expect(s.duplicates).toBe(2 + 3 + 1 + 3 + 1);
    expect(s.warnings).toContain('1 records appear in two files with different details: the first copy was kept');
  });

  it('skips system posts and says so; the reply to one stands as a post', async () => {
    const s = await loadMattermost(db, sample);
    expect(s.warnings).toContain(`skipped ${raw.system} system posts that are not engagement: ${raw.system} system messages without a type ("… joined the channel." and the like)`);
    expect(await count("content WHERE body LIKE '%joined the%'")).toBe(0);
    expect(await rows("SELECT kind, author_id FROM content WHERE body = 'The weather is so hot!'")).toEqual([{ kind: 'post', author_id: 'mm:ron' }]);
  });

  it('handles the oddities: a post in another team\'s channel, a reply older than its post, teams: null, stray spaces', async () => {
    const s = await loadMattermost(db, sample);
    expect(s.warnings).toContain('export.jsonl line 33: post names team "gryffindor", but channel "slytherin-quidditch-team" belongs to team "slytherin": loaded into slytherin/slytherin-quidditch-team');
    expect(await rows("SELECT space_id FROM content WHERE author_id = 'mm:snape'")).toEqual([{ space_id: 'mm:slytherin:slytherin-quidditch-team' }]);
    expect(s.warnings).toContain('1 replies dated before their post, kept with their own time (export.jsonl line 14)');
    expect(s.warnings).toContain('1 users with "teams": null (no team memberships): loaded as people');
    expect(await rows("SELECT account_type, is_placeholder FROM people WHERE person_id = 'mm:voldemort'")).toEqual([{ account_type: 'person', is_placeholder: false }]);
    // "…,"teams":null, "notify_props"…" and ["ron","harry", "ginny"] are valid JSON with extra spaces.
    expect(await count("interactions WHERE source_id = 'mm:ginny'")).toBe(2);
  });

  it('dates reactions at their own time and names the emoji', async () => {
    await loadMattermost(db, sample);
    const reaction = await rows<{ at: string; detail: string }>(
      "SELECT strftime(timezone('UTC', occurred_at), '%Y-%m-%d %H:%M:%S.%g') AS at, detail FROM events WHERE actor_id = 'mm:malfoy'",
    );
    expect(reaction).toEqual([{ at: '2019-03-21 11:13:32.156', detail: 'tick' }]);
  });

  it('is idempotent: importing the export again loads nothing and counts every row as duplicate', async () => {
    const first = await loadMattermost(db, sample);
    const again = await loadMattermost(db, sample);
    expect(again.loaded).toEqual({ people: 0, content: 0, events: 0, interactions: 0 });
    expect(again.other.spaces).toBe(0);
    expect(again.duplicates).toBe(first.read);
  });

  it('loads one file of the export on its own, then the other adds only what is new', async () => {
    await loadMattermost(db, join(sample, 'export.jsonl'));
    const second = await loadMattermost(db, join(sample, 'direct_channel', 'export.jsonl'));
    expect(second.loaded).toEqual({ people: 2, content: 0, events: 0, interactions: raw.ties });
    expect(await count('content')).toBe(raw.authored + raw.replies);
  });
});

// ---------------------------------------------------------------------------------------------

const head = [
  '{"type":"version","version":1}',
  '{"type":"team","team":{"name":"t","display_name":"T"}}',
  '{"type":"channel","channel":{"team":"t","name":"town-square","display_name":"Town Square","type":"O"}}',
  '{"type":"user","user":{"username":"ana","first_name":"Ana","last_name":"A","position":"Editor","teams":[]}}',
  '{"type":"user","user":{"username":"ben","teams":null}}',
];
const post = (o: Record<string, unknown>) => JSON.stringify({ type: 'post', post: { team: 't', channel: 'town-square', ...o } });

describe('Mattermost import: rows that cannot be read are rejected with their line', () => {
  it('rejects invalid JSON lines and records without their object, and loads the rest', async () => {
    const dir = writeExport({
      'export.jsonl': [
        ...head,
        post({ user: 'ana', message: 'Question for @ben?', create_at: 1700000000000, replies: [{ user: 'ben', message: 'answer', create_at: 1700000100000 }] }),
        '{"type":"post","post":{"team":"t", broken',
        '{"type":"post"}',
        post({ user: 'ben', message: 'no time' }),
      ].join('\n'),
    });
    const s = await loadMattermost(db, dir);
    expect(s.loaded).toMatchObject({ people: 2, content: 2, events: 1 });
    expect(s.rejects.map((r) => [r.line, r.column, r.reason.slice(0, 24)])).toEqual([
      [7, null, expect.stringMatching(/^invalid JSON: /)],
      [8, 'post', 'a "post" line without it'],
      [9, 'create_at', 'create_at is not a time '],
    ]);
    expect(await rows("SELECT is_question, kind FROM content ORDER BY created_at")).toEqual([{ is_question: true, kind: 'post' }, { is_question: false, kind: 'comment' }]);
  });

  it('keeps a reply dated before its post as a comment, and notes it', async () => {
    const dir = writeExport({
      'export.jsonl': [...head, post({ user: 'ana', message: 'later', create_at: 1700000000000, replies: [{ user: 'ben', message: 'earlier', create_at: 1690000000000 }] })].join('\n'),
    });
    const s = await loadMattermost(db, dir);
    expect(s.byKind).toEqual({ post: 1, comment: 1 });
    expect(s.warnings).toContain('1 replies dated before their post, kept with their own time (export.jsonl line 6)');
  });

  it('skips typed system posts, and loads a post in an unknown channel into a space of its own with a warning', async () => {
    const dir = writeExport({
      'export.jsonl': [
        ...head,
        post({ user: 'ana', message: 'ana joined the channel.', type: 'system_join_channel', create_at: 1700000000000 }),
        JSON.stringify({ type: 'post', post: { team: 't', channel: 'nowhere', user: 'ben', message: 'hello?', create_at: 1700000000001 } }),
      ].join('\n'),
    });
    const s = await loadMattermost(db, dir);
    expect(s.loaded.content).toBe(1);
    expect(s.warnings).toContain('skipped 1 system posts that are not engagement: 1 system_join_channel');
    expect(s.warnings.some((w) => w.includes('channel "nowhere" of team "t" is not in the export'))).toBe(true);
    expect(await rows("SELECT space_id FROM spaces WHERE space_id = 'mm:t:nowhere'")).toEqual([{ space_id: 'mm:t:nowhere' }]);
  });
});

describe('Mattermost import: unusable input ends with a clear error and writes nothing', () => {
  it('refuses an empty file, naming it', async () => {
    const dir = writeExport({ 'export.jsonl': '' });
    const error = await loadMattermost(db, join(dir, 'export.jsonl')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as Error).message).toBe('export.jsonl: the file is empty');
    expect(await rows('SELECT status FROM import_runs')).toEqual([{ status: 'failed' }]);
  });

  it('refuses a folder without JSON Lines files', async () => {
    const dir = writeExport({ 'notes.txt': 'hello' });
    await expect(loadMattermost(db, dir)).rejects.toThrow(/no Mattermost export file found/);
  });

  it('refuses a file in which no line is a Mattermost record', async () => {
    const dir = writeExport({ 'export.jsonl': 'this is not json\n[1,2,3]\n' });
    await expect(loadMattermost(db, dir)).rejects.toThrow(/^export\.jsonl: not a Mattermost bulk export/);
    expect(await count('people')).toBe(0);
  });
});
