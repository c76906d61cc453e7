// Importer of a Mattermost bulk export: JSON Lines, one object per line with a `type` of
// version, team, channel, user, post, direct_channel, direct_post, emoji (and newer kinds such
// as scheme or bot). A folder or .zip may hold several export files; they are read as one
// export, and a record two files both contain is counted once (as a duplicate).
//
// Mapping (ids namespaced "mm:"; the export has no post ids, so a post is named by team,
// channel and creation time, which is how Mattermost itself matches posts on import):
//   user                → people (display name from first/last name, nickname or username;
//                         position → job_title; bot lines and is_bot → account_type bot)
//   channel             → spaces (kind community), id mm:<team>:<channel>
//   post                → posts; replies[] → comments on the post; reactions[] → reaction
//                         events at the reaction's own time; @username → mention events
//   direct_post         → interactions from the sender to every other channel member
//                         (channel mattermost-dm), and from reactors to the sender: never content
//   direct_channel, emoji, team, version → read, nothing to load (counted in warnings)
// System posts (type system_*, or without a type but with Mattermost's system text such as
// "ron joined the channel.") are not engagement: counted in warnings, not loaded.
import { readFileSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { withConnection, type Database } from '../db';
import { ImportInputError, openExport } from './archive';
import type { CanonicalRow } from './canonical-format';
import type { ImportOptions } from './canonical';
import { ImportSession, recordFailedRun, type ImportSummary } from './load';

export type MattermostImportOptions = ImportOptions;

/**
 * Imports a Mattermost bulk export (a .jsonl file, or a folder or .zip of them) in one
 * transaction and returns what it read, loaded, skipped as duplicate and rejected. Lines that
 * are not valid JSON are rejected with their line number. Throws ImportInputError (nothing
 * written but a failed-run record) when the input cannot be used: missing path, no JSON Lines
 * file, an empty file, or a file in which no line is a Mattermost record.
 */
export async function loadMattermost(db: Database, path: string, options: MattermostImportOptions = {}): Promise<ImportSummary> {
  const opened = openExport(path);
  try {
    const files = opened.files
      .filter((f) => /\.(jsonl|ndjson|json)$/i.test(f))
      // The main export first, files in subfolders after it; the first copy of a record wins.
      .sort((a, b) => a.split(sep).length - b.split(sep).length || (a < b ? -1 : 1));
    if (files.length === 0) throw new ImportInputError(`${path}: no Mattermost export file found (expected a .jsonl file from "mmctl export")`, path);
    const parsed = files.map((file) => readExportFile(file, relative(opened.root, file).split(sep).join('/') || basename(file)));
    return await withConnection(db, async (connection) => {
      const session = new ImportSession(db, connection, 'mattermost', options.displayPath ?? path, options.onProgress, options.privacy);
      const reader = new MattermostReader(session);
      for (const file of parsed) reader.read(file);
      reader.finish();
      await session.stageRows('people', reader.people.rows());
      await session.stageRows('spaces', reader.spaces.rows());
      await session.stageRows('content', reader.content.rows());
      await session.stageRows('events', reader.events.rows());
      await session.stageRows('interactions', reader.interactions.rows());
      reader.summarise();
      return await session.commit();
    });
  } catch (error) {
    if (error instanceof ImportInputError) await recordFailedRun(db, 'mattermost', options.displayPath ?? path, error.message);
    throw error;
  } finally {
    opened.cleanup();
  }
}

interface ExportLine {
  line: number;
  raw: string;
  value: Record<string, unknown> | null;
  problem: string | null;
}

interface ExportFile {
  label: string;
  lines: ExportLine[];
}

/** Splits a file into JSON lines; refuses a file that is empty or has no Mattermost record at all. */
function readExportFile(path: string, label: string): ExportFile {
  const text = readFileSync(path).toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new ImportInputError(`${label}: the file is empty`, label);
  const lines: ExportLine[] = [];
  let records = 0;
  const split = text.split('\n');
  for (let i = 0; i < split.length; i++) {
    const raw = split[i].replace(/\r$/, '');
    if (raw.trim() === '') continue;
    if (raw.includes('\uFFFD')) {
      lines.push({ line: i + 1, raw, value: null, problem: 'contains bytes that are not UTF-8 (is the file in another encoding?)' });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      lines.push({ line: i + 1, raw, value: null, problem: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { type?: unknown }).type !== 'string') {
      lines.push({ line: i + 1, raw, value: null, problem: 'not a Mattermost export record (expected a JSON object with a "type")' });
      continue;
    }
    records++;
    lines.push({ line: i + 1, raw, value: value as Record<string, unknown>, problem: null });
  }
  if (records === 0) {
    const first = lines[0];
    throw new ImportInputError(`${label}: not a Mattermost bulk export: no line is a JSON object with a "type" (line ${first.line}: ${first.problem})`, label);
  }
  return { label, lines };
}

type Row = { file: string; line: number | null; values: CanonicalRow };

/** Staged rows of one table, with the first copy of each keyed record kept. */
class Rows {
  readonly list: Row[] = [];
  private readonly byKey = new Map<string, { row: Row; signature: string }>();

  add(row: Row, key: string | null = null, signature = ''): 'added' | 'repeat' | 'conflict' {
    if (key !== null) {
      const seen = this.byKey.get(key);
      if (seen) return seen.signature === signature ? 'repeat' : 'conflict';
      this.byKey.set(key, { row, signature });
    }
    this.list.push(row);
    return 'added';
  }

  first(key: string): Row | undefined {
    return this.byKey.get(key)?.row;
  }

  rows(): Row[] {
    return this.list;
  }
}

interface PostRecord {
  team?: unknown;
  channel?: unknown;
  user?: unknown;
  message?: unknown;
  create_at?: unknown;
  type?: unknown;
  reactions?: unknown;
  replies?: unknown;
  attachments?: unknown;
  channel_members?: unknown;
}

interface MentionCandidate {
  file: string;
  line: number;
  at: string;
  actor: string;
  contentId: string;
  text: string;
}

const systemText = [
  (u: string) => new RegExp(`^${escape(u)} (joined|left) the (channel|team)\\.$`),
  (u: string) => new RegExp(`^\\S+ (added to|removed from) the (channel|team) by ${escape(u)}\\.$`),
  () => /^\S+ (was )?removed from the (channel|team)\.$/,
  (u: string) => new RegExp(`^${escape(u)} (updated|removed) the channel (header|purpose|display name)\\b`),
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

class MattermostReader {
  readonly people = new Rows();
  readonly spaces = new Rows();
  readonly content = new Rows();
  readonly events = new Rows();
  readonly interactions = new Rows();
  private readonly usernames = new Set<string>();
  private readonly channelTeams = new Map<string, Set<string>>(); // channel name → teams owning one of that name
  private readonly mentions: MentionCandidate[] = [];
  private readonly directPosts = new Set<string>();
  private readonly counts = new Map<string, number>();
  private readonly systemPosts = new Map<string, number>();
  private readonly systemSeen = new Set<string>();
  private readonly notes = {
    wrongTeam: [] as string[],
    unknownChannel: [] as string[],
    replyBeforeParent: [] as string[],
    promotedReplies: 0,
    skippedReactions: 0,
    teamsNull: 0,
    dmMessages: 0,
    dmTies: 0,
    dmReactions: 0,
    selfDm: 0,
    conflicts: 0,
    versions: new Set<string>(),
    versionMissing: [] as string[],
  };
  private file = '';

  constructor(private readonly session: ImportSession) {}

  read(file: ExportFile): void {
    this.file = file.label;
    const first = file.lines.find((l) => l.value);
    if (first?.value?.type !== 'version') this.notes.versionMissing.push(file.label);
    for (const l of file.lines) {
      if (l.problem) {
        this.reject(l.line, null, null, l.problem, l.raw);
        continue;
      }
      const record = l.value!;
      const type = record.type as string;
      const body = record[type];
      if (type === 'version') {
        this.notes.versions.add(String(record.version));
        continue;
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        if (['team', 'channel', 'user', 'bot', 'post', 'direct_channel', 'direct_post'].includes(type)) {
          this.reject(l.line, type, null, `a "${type}" line without its "${type}" object`, l.raw);
        } else this.count(`${type} lines (not used)`);
        continue;
      }
      const o = body as Record<string, unknown>;
      switch (type) {
        case 'team':
          this.count('teams');
          break;
        case 'channel':
          this.channel(l, o);
          break;
        case 'user':
        case 'bot':
          this.user(l, o, type === 'bot');
          break;
        case 'post':
          this.post(l, o as PostRecord);
          break;
        case 'direct_channel':
          this.count('direct channels (memberships only)');
          break;
        case 'direct_post':
          this.directPost(l, o as PostRecord);
          break;
        case 'emoji':
          this.count('custom emoji definitions');
          break;
        default:
          this.count(`${type} lines (not used)`);
      }
    }
  }

  /** Resolves @mentions once every user of every file is known. */
  finish(): void {
    for (const m of this.mentions) {
      const seen = new Set<string>();
      for (const match of m.text.matchAll(/(^|[^\w@.])@([a-z0-9][a-z0-9._-]*)/gi)) {
        let name = match[2].toLowerCase();
        // A sentence may end right after the name ("thanks @ron."): try without trailing dots.
        while (!this.usernames.has(name) && /[._-]$/.test(name)) name = name.slice(0, -1);
        if (!this.usernames.has(name)) continue;
        const target = `mm:${name}`;
        if (target === m.actor || seen.has(target)) continue;
        seen.add(target);
        this.events.add({ file: m.file, line: m.line, values: { occurred_at: m.at, actor_id: m.actor, action: 'mention', content_id: m.contentId, target_id: target } });
      }
    }
  }

  summarise(): void {
    const w = this.session.warnings;
    const n = this.notes;
    if (n.versionMissing.length > 0) w.push(`${n.versionMissing.join(', ')}: the first record is not a "version" line; read anyway`);
    for (const v of n.versions) if (v !== '1') w.push(`export format version ${v}: written for version 1, read anyway`);
    if (this.systemPosts.size > 0) {
      const total = [...this.systemPosts.values()].reduce((a, b) => a + b, 0);
      w.push(`skipped ${total} system posts that are not engagement: ${[...this.systemPosts].map(([k, v]) => `${v} ${k}`).join(', ')}`);
    }
    if (n.skippedReactions > 0) w.push(`skipped ${n.skippedReactions} reactions on those system posts`);
    if (n.promotedReplies > 0) w.push(`${n.promotedReplies} replies to a system post were loaded as posts (the thread's start is not engagement, the reply is)`);
    for (const list of [n.wrongTeam, n.unknownChannel]) {
      w.push(...list.slice(0, 5));
      if (list.length > 5) w.push(`… and ${list.length - 5} more like the above`);
    }
    if (n.replyBeforeParent.length > 0) {
      w.push(`${n.replyBeforeParent.length} replies dated before their post, kept with their own time (${n.replyBeforeParent.slice(0, 5).join(', ')}${n.replyBeforeParent.length > 5 ? ', …' : ''})`);
    }
    if (n.teamsNull > 0) w.push(`${n.teamsNull} users with "teams": null (no team memberships): loaded as people`);
    if (n.dmMessages > 0) w.push(`${n.dmMessages} direct messages loaded as ${n.dmTies} interactions (channel mattermost-dm), not as content${n.dmReactions > 0 ? `; ${n.dmReactions} reactions in them as interactions too` : ''}`);
    if (n.selfDm > 0) w.push(`${n.selfDm} direct messages to oneself: no tie, not loaded`);
    if (n.conflicts > 0) w.push(`${n.conflicts} records appear in two files with different details: the first copy was kept`);
    if (this.counts.size > 0) w.push(`read, nothing to load: ${[...this.counts].map(([k, v]) => `${v} ${k}`).join(', ')}`);
  }

  // -------------------------------------------------------------------------------------------

  private count(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }

  private reject(line: number, column: string | null, value: string | null, reason: string, raw: string): void {
    this.session.rejectEarly({ file: this.file, line, column, value, reason, raw });
  }

  /** Adds a keyed row; a repeat from another file is a duplicate, a differing one is noted. */
  private keep(rows: Rows, row: Row, key: string, signature: string): boolean {
    const outcome = rows.add(row, key, signature);
    if (outcome === 'repeat' || outcome === 'conflict') this.session.countDuplicates(1);
    if (outcome === 'conflict') this.notes.conflicts++;
    return outcome === 'added';
  }

  private channel(l: ExportLine, o: Record<string, unknown>): void {
    const team = text(o.team);
    const name = text(o.name);
    if (!team || !name) {
      this.reject(l.line, !team ? 'team' : 'name', null, 'a channel without team or name', l.raw);
      return;
    }
    const teams = this.channelTeams.get(name) ?? new Set();
    teams.add(team);
    this.channelTeams.set(name, teams);
    const row = { file: this.file, line: l.line, values: { space_id: spaceId(team, name), name: text(o.display_name) ?? name, kind: 'community', is_official: 'false' } };
    this.keep(this.spaces, row, row.values.space_id, JSON.stringify(row.values));
  }

  private user(l: ExportLine, o: Record<string, unknown>, isBotLine: boolean): void {
    const username = text(o.username)?.toLowerCase();
    if (!username) {
      this.reject(l.line, 'username', null, `a ${isBotLine ? 'bot' : 'user'} without a username`, l.raw);
      return;
    }
    if (o.teams === null && !isBotLine) this.notes.teamsNull++;
    this.usernames.add(username);
    const name = [text(o.first_name), text(o.last_name)].filter(Boolean).join(' ') || text(o.nickname) || text(o.display_name) || username;
    const values: CanonicalRow = {
      person_id: `mm:${username}`,
      display_name: name,
      email: text(o.email),
      job_title: text(o.position),
      account_type: isBotLine || o.is_bot === true ? 'bot' : 'person',
    };
    this.keep(this.people, { file: this.file, line: l.line, values }, values.person_id!, JSON.stringify(values));
  }

  /** The channel a post belongs to: its own team's, or, when that team has no such channel, the one team that has. */
  private resolveChannel(l: ExportLine, team: string, channel: string): string {
    const teams = this.channelTeams.get(channel);
    if (teams?.has(team)) return spaceId(team, channel);
    if (teams && teams.size === 1) {
      const owner = [...teams][0];
      this.notes.wrongTeam.push(`${this.file} line ${l.line}: post names team "${team}", but channel "${channel}" belongs to team "${owner}": loaded into ${owner}/${channel}`);
      return spaceId(owner, channel);
    }
    this.notes.unknownChannel.push(`${this.file} line ${l.line}: channel "${channel}" of team "${team}" is not in the export${teams ? ' (several other teams have one of that name)' : ''}: loaded into a space ${spaceId(team, channel)}`);
    if (!this.spaces.first(spaceId(team, channel))) {
      this.spaces.add({ file: this.file, line: l.line, values: { space_id: spaceId(team, channel), name: channel, kind: 'community', is_official: 'false' } }, spaceId(team, channel), '');
    }
    return spaceId(team, channel);
  }

  private post(l: ExportLine, p: PostRecord): void {
    const team = text(p.team);
    const channel = text(p.channel);
    const user = text(p.user)?.toLowerCase();
    const at = msTime(p.create_at);
    if (!team || !channel) return this.reject(l.line, !team ? 'team' : 'channel', null, 'a post without team or channel', l.raw);
    if (!user) return this.reject(l.line, 'user', null, 'a post without user', l.raw);
    if (!at) return this.reject(l.line, 'create_at', p.create_at === undefined ? null : String(p.create_at), 'create_at is not a time in epoch milliseconds', l.raw);
    const space = this.resolveChannel(l, team, channel);
    const message = typeof p.message === 'string' ? p.message : '';
    const replies = Array.isArray(p.replies) ? (p.replies as PostRecord[]) : [];
    const system = systemKind(p, user, message);
    let parent: string | null = null;
    if (system) {
      const key = `${space}:${Number(p.create_at)}:${user}`;
      if (this.systemSeen.has(key)) this.session.countDuplicates(1);
      else {
        this.systemSeen.add(key);
        this.systemPosts.set(system, (this.systemPosts.get(system) ?? 0) + 1);
        this.notes.skippedReactions += Array.isArray(p.reactions) ? p.reactions.length : 0;
        this.notes.promotedReplies += replies.length;
      }
    } else {
      parent = this.item(l, space, user, at, message, p, null);
    }
    for (const reply of replies) {
      if (!reply || typeof reply !== 'object') {
        this.reject(l.line, 'replies', null, 'a reply that is not an object', l.raw);
        continue;
      }
      const replyUser = text(reply.user)?.toLowerCase();
      const replyAt = msTime(reply.create_at);
      if (!replyUser || !replyAt) {
        this.reject(l.line, !replyUser ? 'replies.user' : 'replies.create_at', null, `a reply without ${!replyUser ? 'user' : 'a valid create_at'}`, JSON.stringify(reply));
        continue;
      }
      if (Number(reply.create_at) < Number(p.create_at)) this.notes.replyBeforeParent.push(`${this.file} line ${l.line}`);
      this.item(l, space, replyUser, replyAt, typeof reply.message === 'string' ? reply.message : '', reply, parent);
    }
  }

  /** Stages one post or reply with its reactions and mention candidates; returns its content id. */
  private item(l: ExportLine, space: string, user: string, at: string, message: string, p: PostRecord, parent: string | null): string {
    const author = `mm:${user}`;
    let contentId = `${space}:${Number(p.create_at)}`;
    const signature = `${author}\u0000${message}`;
    // Two different posts in one channel in the same millisecond: the later gets a suffix.
    for (let n = 2; ; n++) {
      const first = this.content.first(contentId);
      if (!first) break;
      if (`${first.values.author_id}\u0000${first.values.body ?? ''}` === signature) {
        this.session.countDuplicates(1);
        if (first.values.format !== attachmentsFormat(p.attachments)) this.notes.conflicts++;
        // Its reactions and mentions are the same facts again: derived event ids make them duplicates.
        this.reactions(l, contentId, p);
        return contentId;
      }
      contentId = `${space}:${Number(p.create_at)}~${n}`;
    }
    const values: CanonicalRow = {
      content_id: contentId,
      author_id: author,
      created_at: at,
      kind: parent ? 'comment' : 'post',
      parent_id: parent,
      format: attachmentsFormat(p.attachments),
      space_id: space,
      body: message === '' ? null : message,
    };
    this.content.add({ file: this.file, line: l.line, values }, contentId, signature);
    this.reactions(l, contentId, p);
    if (message.includes('@')) this.mentions.push({ file: this.file, line: l.line, at, actor: author, contentId, text: message });
    return contentId;
  }

  private reactions(l: ExportLine, contentId: string, p: PostRecord): void {
    if (!Array.isArray(p.reactions)) return;
    for (const r of p.reactions as Array<Record<string, unknown>>) {
      const user = text(r?.user)?.toLowerCase();
      const at = msTime(r?.create_at);
      if (!user || !at) {
        this.reject(l.line, 'reactions', null, `a reaction without ${!user ? 'user' : 'a valid create_at'}`, JSON.stringify(r));
        continue;
      }
      this.events.add({ file: this.file, line: l.line, values: { occurred_at: at, actor_id: `mm:${user}`, action: 'reaction', content_id: contentId, detail: text(r.emoji_name) } });
    }
  }

  private directPost(l: ExportLine, p: PostRecord): void {
    const members = Array.isArray(p.channel_members) ? (p.channel_members as unknown[]).map((m) => text(m)?.toLowerCase()).filter((m): m is string => !!m) : [];
    const user = text(p.user)?.toLowerCase();
    const at = msTime(p.create_at);
    if (!user) return this.reject(l.line, 'user', null, 'a direct post without user', l.raw);
    if (!at) return this.reject(l.line, 'create_at', p.create_at === undefined ? null : String(p.create_at), 'create_at is not a time in epoch milliseconds', l.raw);
    if (members.length === 0) return this.reject(l.line, 'channel_members', null, 'a direct post without channel_members: nobody to connect the sender with', l.raw);
    const key = `${[...members].sort().join(',')}|${Number(p.create_at)}|${user}|${String(p.message ?? '')}`;
    if (this.directPosts.has(key)) {
      this.session.countDuplicates(1);
      return;
    }
    this.directPosts.add(key);
    const ties = (sender: string, when: string) => {
      let made = 0;
      for (const other of members) {
        if (other === sender) continue;
        this.interactions.add({ file: this.file, line: l.line, values: { source_id: `mm:${sender}`, target_id: `mm:${other}`, occurred_at: when, channel: 'mattermost-dm' } });
        made++;
      }
      return made;
    };
    const made = ties(user, at);
    if (made === 0) this.notes.selfDm++;
    else {
      this.notes.dmMessages++;
      this.notes.dmTies += made;
    }
    for (const reply of Array.isArray(p.replies) ? (p.replies as PostRecord[]) : []) {
      const replyUser = text(reply?.user)?.toLowerCase();
      const replyAt = msTime(reply?.create_at);
      if (!replyUser || !replyAt) {
        this.reject(l.line, 'replies', null, 'a direct reply without user or a valid create_at', JSON.stringify(reply));
        continue;
      }
      const n = ties(replyUser, replyAt);
      this.notes.dmMessages++;
      this.notes.dmTies += n;
    }
    for (const r of Array.isArray(p.reactions) ? (p.reactions as Array<Record<string, unknown>>) : []) {
      const reactor = text(r?.user)?.toLowerCase();
      const when = msTime(r?.create_at) ?? at;
      if (!reactor) {
        this.reject(l.line, 'reactions', null, 'a reaction without user', JSON.stringify(r));
        continue;
      }
      if (reactor === user) continue;
      this.interactions.add({ file: this.file, line: l.line, values: { source_id: `mm:${reactor}`, target_id: `mm:${user}`, occurred_at: when, channel: 'mattermost-dm' } });
      this.notes.dmReactions++;
    }
  }
}

function spaceId(team: string, channel: string): string {
  return `mm:${team}:${channel}`;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** ISO 8601 UTC text of epoch milliseconds (number or digits), or null. */
function msTime(value: unknown): string | null {
  const ms = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(ms) || ms < 0 || ms > 8.64e15) return null;
  return new Date(ms).toISOString();
}

/** The kind of system post this is, or null for a post somebody wrote. */
function systemKind(p: PostRecord, user: string, message: string): string | null {
  const type = typeof p.type === 'string' ? p.type : '';
  if (type.startsWith('system_')) return type;
  if (type !== '') return null;
  // Some exports (and hand-made ones) drop the type but keep Mattermost's system text.
  for (const pattern of systemText) if (pattern(user).test(message.trim())) return 'system messages without a type ("… joined the channel." and the like)';
  return null;
}

/** Canonical format from the attachments' file names: image(s), video, audio or a document. */
function attachmentsFormat(attachments: unknown): string {
  if (!Array.isArray(attachments) || attachments.length === 0) return 'text';
  const kinds = attachments.map((a) => {
    const path = typeof (a as { path?: unknown })?.path === 'string' ? ((a as { path: string }).path) : '';
    const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
    if (['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'bmp', 'svg'].includes(ext)) return 'image';
    if (['mp4', 'mov', 'webm', 'mkv', 'avi'].includes(ext)) return 'video';
    if (['mp3', 'm4a', 'wav', 'ogg', 'aac'].includes(ext)) return 'audio';
    return 'document';
  });
  if (kinds.length > 1 && kinds.every((k) => k === 'image')) return 'gallery';
  return kinds[0];
}
