// Importer of a Viva Engage (Yammer) network data export: Users.csv, Groups.csv and
// Messages.csv as Microsoft documents them (plus LikedMessages.csv of a per-user export).
//
// Mapping (ids are namespaced: person "viva:<id>", message "viva:msg:<id>", group "viva:group:<id>"):
// - Users.csv → people: name, email, job_title, location, department; joined_at → registered_at;
//   deleted_at → employed_to (an account deleted on a day stops counting in headcount then).
// - Groups.csv → spaces (kind community). A group only named in Messages.csv (group_name) too.
// - Messages.csv: a thread starter (thread_id = id) → post; a reply → comment whose parent is
//   replied_to_id (the thread starter when that is empty); `[[user:ID]]` in the body → mention
//   events; a private conversation (in_private_conversation true, or no group and participants
//   listed) → interactions from the sender to every other participant, never content (its text
//   is not stored). Deleted messages (deleted_at set) and system messages are skipped and
//   counted in a warning; a reply to a deleted or rejected message is rejected with the reason.
//   Times without an offset are UTC, as Yammer writes them.
// - LikedMessages.csv (per-user export) → reaction events (detail "like").
// The network export holds no likes and no views: the summary says so.
import { basename, dirname, relative, sep } from 'node:path';
import type { Database } from '../db';
import { ImportInputError } from './archive';
import type { ImportOptions } from './canonical';
import {
  cell,
  fillStoredAttributes,
  findColumns,
  ignoredFilesWarning,
  rejectRow,
  requireColumns,
  runImport,
  storedContentIds,
  usableRecord,
  type ImportContext,
  type StagedRow,
} from './import-kit';
import type { ImportSummary } from './load';
import { openCsv, parseDateTime, type CsvRecord } from './tabular';

export const vivaEngageNoLikesWarning = 'This source has no likes or views: engagement counts replies and mentions only';

const userColumns = {
  id: ['id'],
  name: ['name', 'full_name'],
  email: ['email'],
  jobTitle: ['job_title'],
  location: ['location'],
  department: ['department'],
  joinedAt: ['joined_at'],
  deletedAt: ['deleted_at'],
  state: ['state'],
} as const;

const groupColumns = { id: ['id'], name: ['name'], private: ['private'] } as const;

const messageColumns = {
  id: ['id'],
  repliedTo: ['replied_to_id'],
  thread: ['thread_id'],
  group: ['group_id'],
  groupName: ['group_name'],
  participants: ['participants'],
  privateConversation: ['in_private_conversation'],
  sender: ['sender_id'],
  senderType: ['sender_type'],
  messageType: ['message_type'],
  body: ['body'],
  attachments: ['attachments'],
  createdAt: ['created_at'],
  deletedAt: ['deleted_at'],
} as const;

const likeColumns = {
  message: ['message_id', 'liked_message_id', 'id'],
  user: ['user_id', 'liker_id', 'liked_by_id'],
  at: ['liked_at', 'created_at', 'timestamp'],
} as const;

type ViFiles = { users?: string; groups?: string; messages: string; likes?: string; ignored: string[] };

/**
 * Imports a Viva Engage network data export (folder or .zip) in one transaction and returns
 * what it read, loaded, skipped as duplicate and rejected. Throws ImportInputError (a failed
 * run is recorded, nothing else written) when Messages.csv is missing or empty, or a required
 * column (id, thread_id, sender_id, created_at; id in Users.csv and Groups.csv) is absent.
 */
export async function loadVivaEngage(db: Database, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  return runImport(db, 'viva-engage', path, options, async (context) => {
    const files = findVivaFiles(context.files, context.root);
    if (!files) throw new ImportInputError(`${path}: no Messages.csv found (a Viva Engage network data export holds Users.csv, Groups.csv and Messages.csv)`, 'Messages.csv', undefined);
    await importViva(context, files);
  });
}

/** True when the files look like a Viva Engage export: a Messages.csv with thread_id and sender_id. */
export function looksLikeVivaEngage(files: string[]): boolean {
  const messages = files.find((f) => basename(f).toLowerCase() === 'messages.csv');
  if (!messages) return false;
  try {
    const header = openCsv(messages, 'Messages.csv').header.map((h) => h.toLowerCase());
    return header.includes('thread_id') && header.includes('sender_id') && header.includes('replied_to_id');
  } catch {
    return false;
  }
}

function findVivaFiles(all: string[], root: string): ViFiles | null {
  const depth = (f: string) => relative(root, f).split(sep).length;
  const messages = all.filter((f) => basename(f).toLowerCase() === 'messages.csv').sort((a, b) => depth(a) - depth(b));
  if (messages.length === 0) return null;
  // External networks come as sub-folders with their own files: read the home network only.
  const folder = dirname(messages[0]);
  const inFolder = (name: string) => all.find((f) => dirname(f) === folder && basename(f).toLowerCase() === name);
  const used = new Set<string>();
  const pick = (name: string) => {
    const f = inFolder(name);
    if (f) used.add(f);
    return f;
  };
  const found: ViFiles = { messages: pick('messages.csv')!, users: pick('users.csv'), groups: pick('groups.csv'), likes: pick('likedmessages.csv') ?? pick('liked_messages.csv'), ignored: [] };
  found.ignored = all.filter((f) => !used.has(f) && !/\.(txt|md)$/i.test(f));
  return found;
}

interface MessageInfo {
  record: { line: number; raw: string }; // kept for a reject; the parsed fields are not

  id: string;
  parent: string | null; // raw Yammer id of the message replied to (null for a thread starter)
  row: StagedRow;
  mentions: StagedRow[];
}

async function importViva(context: ImportContext, files: ViFiles): Promise<void> {
  const { session, personId, label } = context;
  const pid = (raw: string) => personId(`viva:${raw}`);
  const people: StagedRow[] = [];
  const knownUsers = new Set<string>();
  const spaces = new Map<string, StagedRow>();
  const warnings: string[] = [];

  if (files.users) {
    const file = label(files.users);
    const csv = openCsv(files.users, file);
    const col = findColumns(csv.header, userColumns);
    requireColumns(col, ['id'], file, csv.header);
    const seen = new Map<string, number>();
    for (const record of csv.records) {
      if (!usableRecord(session, record, csv.header.length, file)) continue;
      const id = cell(record, col.id);
      if (!id) {
        rejectRow(session, record, file, 'id', null, 'missing id');
        continue;
      }
      if (seen.has(id)) {
        rejectRow(session, record, file, 'id', id, `duplicate id (line ${seen.get(id)} has the same one)`);
        continue;
      }
      const joined = timeOf(cell(record, col.joinedAt));
      const deleted = timeOf(cell(record, col.deletedAt));
      if (joined === undefined) {
        rejectRow(session, record, file, 'joined_at', cell(record, col.joinedAt), 'unparsable timestamp');
        continue;
      }
      if (deleted === undefined) {
        rejectRow(session, record, file, 'deleted_at', cell(record, col.deletedAt), 'unparsable timestamp');
        continue;
      }
      seen.set(id, record.line);
      knownUsers.add(id);
      people.push({
        file,
        line: record.line,
        values: {
          person_id: pid(id),
          display_name: cell(record, col.name),
          email: cell(record, col.email),
          job_title: cell(record, col.jobTitle),
          location: cell(record, col.location),
          department: cell(record, col.department),
          registered_at: joined,
          employed_to: deleted ? deleted.slice(0, 10) : null,
        },
      });
    }
  } else warnings.push('No Users.csv in the export: senders become placeholder accounts without department or location');

  if (files.groups) {
    const file = label(files.groups);
    const csv = openCsv(files.groups, file);
    const col = findColumns(csv.header, groupColumns);
    requireColumns(col, ['id'], file, csv.header);
    for (const record of csv.records) {
      if (!usableRecord(session, record, csv.header.length, file)) continue;
      const id = cell(record, col.id);
      if (!id) {
        rejectRow(session, record, file, 'id', null, 'missing id');
        continue;
      }
      const key = `viva:group:${id}`;
      if (spaces.has(key)) {
        rejectRow(session, record, file, 'id', id, 'duplicate id (an earlier row has the same one)');
        continue;
      }
      spaces.set(key, { file, line: record.line, values: { space_id: key, name: cell(record, col.name), kind: 'community', is_official: 'false' } });
    }
  }

  // Messages: read all, then decide replies (their parent may come later in the file).
  const file = label(files.messages);
  const csv = openCsv(files.messages, file);
  const col = findColumns(csv.header, messageColumns);
  requireColumns(col, ['id', 'thread', 'sender', 'createdAt'], file, csv.header, { id: 'id', thread: 'thread_id', sender: 'sender_id', createdAt: 'created_at' });
  const messages: MessageInfo[] = [];
  const interactions: StagedRow[] = [];
  const bots = new Set<string>();
  const deleted = new Set<string>();
  const privateIds = new Set<string>();
  const seenIds = new Map<string, number>();
  let deletedCount = 0;
  let systemCount = 0;
  let privateCount = 0;
  for (const record of csv.records) {
    if (!usableRecord(session, record, csv.header.length, file)) continue;
    const id = cell(record, col.id);
    if (!id) {
      rejectRow(session, record, file, 'id', null, 'missing id');
      continue;
    }
    if (seenIds.has(id)) {
      rejectRow(session, record, file, 'id', id, `duplicate id (line ${seenIds.get(id)} has the same one)`);
      continue;
    }
    seenIds.set(id, record.line);
    if (cell(record, col.deletedAt)) {
      deleted.add(id);
      deletedCount++;
      continue;
    }
    if ((cell(record, col.messageType) ?? '').toLowerCase() === 'system') {
      deleted.add(id); // system notices are noise; a reply to one has no parent either
      systemCount++;
      continue;
    }
    const sender = cell(record, col.sender);
    if (!sender) {
      rejectRow(session, record, file, 'sender_id', null, 'missing sender_id');
      continue;
    }
    const createdRaw = cell(record, col.createdAt);
    const created = timeOf(createdRaw);
    if (!created) {
      rejectRow(session, record, file, 'created_at', createdRaw, created === null ? 'missing created_at' : 'unparsable timestamp (expected ISO 8601 or YYYY/MM/DD HH:MM:SS +0000)');
      continue;
    }
    const thread = cell(record, col.thread);
    if (!thread) {
      rejectRow(session, record, file, 'thread_id', null, 'missing thread_id');
      continue;
    }
    const senderType = (cell(record, col.senderType) ?? 'user').toLowerCase();
    if (senderType !== 'user') bots.add(sender);
    const group = cell(record, col.group);
    const participantsRaw = cell(record, col.participants);
    const privateFlag = (cell(record, col.privateConversation) ?? '').toLowerCase();
    const isPrivate = ['true', '1', 'yes'].includes(privateFlag) || (!group && !!participantsRaw && privateFlag !== 'false');
    if (isPrivate) {
      privateIds.add(id);
      const others = [...new Set(userIds(participantsRaw ?? ''))].filter((u) => u !== sender);
      if (others.length === 0) {
        rejectRow(session, record, file, 'participants', participantsRaw, 'private message without other participants (participants names no user but the sender)');
        continue;
      }
      privateCount++;
      for (const other of others) {
        interactions.push({ file, line: record.line, values: { source_id: pid(sender), target_id: pid(other), occurred_at: created, channel: 'viva-private' } });
      }
      continue;
    }
    let spaceId: string | null = null;
    if (group) {
      spaceId = `viva:group:${group}`;
      if (!spaces.has(spaceId)) spaces.set(spaceId, { file, line: record.line, values: { space_id: spaceId, name: cell(record, col.groupName), kind: 'community', is_official: 'false' } });
    }
    const body = record.fields[col.body ?? -1] ?? null;
    const isStarter = thread === id;
    const parent = isStarter ? null : (cell(record, col.repliedTo) ?? thread);
    const contentId = `viva:msg:${id}`;
    const row: StagedRow = {
      file,
      line: record.line,
      values: {
        content_id: contentId,
        author_id: pid(sender),
        created_at: created,
        kind: isStarter ? 'post' : 'comment',
        parent_id: parent ? `viva:msg:${parent}` : null,
        format: formatOf(cell(record, col.attachments)),
        space_id: spaceId,
        body: body === '' ? null : body,
        topics: hashtags(body ?? ''),
      },
    };
    const mentions: StagedRow[] = [];
    for (const target of new Set(mentionIds(body ?? ''))) {
      mentions.push({
        file,
        line: record.line,
        values: { event_id: `viva:mention:${id}:${target}`, occurred_at: created, actor_id: pid(sender), action: 'mention', content_id: contentId, target_id: pid(target) },
      });
    }
    messages.push({ record: { line: record.line, raw: record.raw }, id, parent, row, mentions });
  }

  // A reply needs its parent: in this export (not deleted, not rejected) or already stored.
  const good = new Set(messages.map((m) => m.id));
  const missing = messages.filter((m) => m.parent && !good.has(m.parent)).map((m) => `viva:msg:${m.parent}`);
  const stored = await storedContentIds(context.connection, missing);
  const rejected = new Map<string, string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of messages) {
      if (!m.parent || rejected.has(m.id) || stored.has(`viva:msg:${m.parent}`)) continue;
      let reason: string | null = null;
      if (deleted.has(m.parent)) reason = 'replied_to_id points to a deleted message (deleted_at set)';
      else if (privateIds.has(m.parent)) reason = 'replied_to_id points to a private message (a reply in a group to a private conversation)';
      else if (rejected.has(m.parent)) reason = 'replied_to_id points to a message that was rejected';
      else if (!good.has(m.parent)) reason = 'replied_to_id not found (the message replied to is not in this export or the database)';
      if (reason) {
        rejected.set(m.id, reason);
        good.delete(m.id);
        changed = true;
      }
    }
  }
  const content: StagedRow[] = [];
  const events: StagedRow[] = [];
  for (const m of messages) {
    const reason = rejected.get(m.id);
    if (reason) {
      const lost = m.mentions.length > 0 ? `; its ${m.mentions.length} mention${m.mentions.length === 1 ? ' was' : 's were'} not loaded either` : '';
      rejectRow(session, m.record, file, 'replied_to_id', m.parent, reason + lost);
      continue;
    }
    content.push(m.row);
    events.push(...m.mentions);
  }

  if (files.likes) events.push(...(await readLikes(context, files.likes, good, knownUsers)));
  else warnings.push(vivaEngageNoLikesWarning);
  if (deletedCount > 0) warnings.push(`${deletedCount} deleted message${deletedCount === 1 ? '' : 's'} skipped (deleted_at set)`);
  if (systemCount > 0) warnings.push(`${systemCount} system message${systemCount === 1 ? '' : 's'} skipped (message_type system: not engagement)`);
  if (privateCount > 0) warnings.push(`${privateCount} private message${privateCount === 1 ? '' : 's'} loaded as interactions between sender and participants (their text is not stored)`);
  const ignored = ignoredFilesWarning(files.ignored.map(label), 'Viva Engage');
  if (ignored) warnings.push(ignored);

  // Senders that are not users (sender_type other than "user") become bot accounts.
  for (const bot of bots) {
    if (!knownUsers.has(bot)) people.push({ file, line: null, values: { person_id: pid(bot), account_type: 'bot' } });
  }
  await fillStoredAttributes(context.connection, people);
  session.warnings.push(...warnings);
  await session.stageRows('people', people);
  await session.stageRows('spaces', spaces.values());
  await session.stageRows('content', content);
  await session.stageRows('events', events);
  await session.stageRows('interactions', interactions);
}

async function readLikes(context: ImportContext, path: string, goodMessages: Set<string>, knownUsers: Set<string>): Promise<StagedRow[]> {
  const { session, personId, label } = context;
  const file = label(path);
  const csv = openCsv(path, file);
  const col = findColumns(csv.header, likeColumns);
  requireColumns(col, ['message'], file, csv.header, { message: 'message_id' });
  let defaultUser: string | null = null;
  if (col.user === undefined) {
    // A per-user export: the likes are that user's, the only one in Users.csv.
    if (knownUsers.size !== 1) {
      throw new ImportInputError(`${file}: required column "user_id" is missing, and the export holds ${knownUsers.size} users, so whose likes these are is unknown`, file, 'user_id');
    }
    defaultUser = [...knownUsers][0];
  }
  const rows: { record: CsvRecord; message: string; user: string; at: string }[] = [];
  for (const record of csv.records) {
    if (!usableRecord(session, record, csv.header.length, file)) continue;
    const message = cell(record, col.message);
    const user = cell(record, col.user) ?? defaultUser;
    const atRaw = cell(record, col.at);
    const at = timeOf(atRaw);
    if (!message) rejectRow(session, record, file, 'message_id', null, 'missing message_id');
    else if (!user) rejectRow(session, record, file, 'user_id', null, 'missing user_id');
    else if (!at) rejectRow(session, record, file, 'liked_at', atRaw, at === null ? 'missing liked_at' : 'unparsable timestamp');
    else rows.push({ record, message, user, at });
  }
  const stored = await storedContentIds(context.connection, rows.filter((r) => !goodMessages.has(r.message)).map((r) => `viva:msg:${r.message}`));
  const out: StagedRow[] = [];
  for (const r of rows) {
    if (!goodMessages.has(r.message) && !stored.has(`viva:msg:${r.message}`)) {
      rejectRow(session, r.record, file, 'message_id', r.message, 'liked message not found (not in this export or the database, or deleted)');
      continue;
    }
    out.push({
      file,
      line: r.record.line,
      values: { event_id: `viva:like:${r.message}:${r.user}`, occurred_at: r.at, actor_id: personId(`viva:${r.user}`), action: 'reaction', content_id: `viva:msg:${r.message}`, detail: 'like' },
    });
  }
  return out;
}

/** A Yammer time as canonical text (UTC when no offset is written); null when empty, undefined when unparsable. */
function timeOf(text: string | null): string | null | undefined {
  if (!text) return null;
  const parsed = parseDateTime(text);
  if (!parsed) return undefined;
  if (!parsed.hasTime) return `${parsed.value}T00:00:00Z`;
  return /(Z|[+-]\d{2}:\d{2})$/.test(parsed.value) ? parsed.value : `${parsed.value}Z`;
}

/** User ids in a participants cell ("user:1,user:2"; plain ids accepted; groups ignored). */
function userIds(text: string): string[] {
  const out: string[] = [];
  for (const token of text.split(/[\s,;]+/)) {
    const m = /^(?:user:)?(\d+)$/i.exec(token.trim());
    if (m) out.push(m[1]);
  }
  return out;
}

function mentionIds(body: string): string[] {
  return [...body.matchAll(/\[\[user:(\d+)\]\]/g)].map((m) => m[1]);
}

function hashtags(body: string): string | null {
  const tags = new Set<string>();
  for (const m of body.matchAll(/(?:^|[\s(])#([\p{L}\p{N}_-]{2,})/gu)) tags.add(m[1]);
  return tags.size > 0 ? [...tags].join(';') : null;
}

function formatOf(attachments: string | null): string {
  if (!attachments) return 'text';
  if (/opengraphobject/i.test(attachments)) return 'link';
  if (/\.(png|jpe?g|gif|webp|heic)\b/i.test(attachments)) return 'image';
  if (/\.(mp4|mov|avi|wmv)\b/i.test(attachments)) return 'video';
  return 'document';
}
