// Importer of a Slack workspace export (folder or .zip): users.json, channels.json (plus
// groups.json, dms.json and mpims.json when the export has them) and one folder per
// conversation with one JSON array of messages per day (YYYY-MM-DD.json).
//
// Mapping (ids namespaced "slack:"):
//   users            → people (is_bot and Slackbot → account_type bot; deleted users stay people)
//   channels, groups → spaces (kind community); folders are matched by the channel's name at
//                      export time; a folder no channel names becomes a space of its own
//   messages         → posts; thread replies (thread_ts ≠ ts) → comments on the thread's root;
//                      file_comment → comment on the message that shared the file
//   reactions        → one reaction event per listed user, at the message's time
//   <@U…> mentions   → mention events (target = the person mentioned)
//   DMs and MPIMs    → interactions from the sender to every other member, never content
// Joins, leaves, topic/purpose/name changes, archiving, pins, integrations and bot messages
// are not engagement (DESIGN.md): they are counted in the summary's warnings, not loaded.
import { readFileSync } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import { withConnection, type Database } from '../db';
import { ImportInputError, openExport } from './archive';
import type { CanonicalRow } from './canonical-format';
import type { ImportOptions } from './canonical';
import { ImportSession, recordFailedRun, type ImportSummary } from './load';

export type SlackImportOptions = ImportOptions;

/**
 * Imports a Slack workspace export (folder or .zip) in one transaction and returns what it
 * read, loaded, skipped as duplicate and rejected; skipped non-engagement messages are counted
 * in `warnings`. Throws ImportInputError (nothing written but a failed-run record) when the
 * export cannot be used: missing path, no users.json, users.json or channels.json not a JSON
 * array, no day files of messages.
 */
export async function loadSlack(db: Database, path: string, options: SlackImportOptions = {}): Promise<ImportSummary> {
  const opened = openExport(path);
  try {
    const layout = findLayout(opened.files, opened.root, path);
    return await withConnection(db, async (connection) => {
      const session = new ImportSession(db, connection, 'slack', options.displayPath ?? path, options.onProgress, options.privacy);
      const reader = new SlackReader(session, layout);
      reader.readDirectory();
      await session.stageRows('people', reader.people());
      await session.stageRows('spaces', reader.spaces());
      await session.stageRows('content', reader.messages());
      await session.stageRows('events', reader.events.rows());
      await session.stageRows('interactions', reader.interactions.rows());
      reader.summarise();
      return await session.commit();
    });
  } catch (error) {
    if (error instanceof ImportInputError) await recordFailedRun(db, 'slack', options.displayPath ?? path, error.message);
    throw error;
  } finally {
    opened.cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// Layout of the export

interface DayFile {
  path: string;
  label: string; // path relative to the export root, as rejects name it
  folder: string;
}

interface Layout {
  root: string;
  users: string;
  channels: string | null;
  groups: string | null;
  dms: string | null;
  mpims: string | null;
  folders: Map<string, DayFile[]>; // folder name → day files in date order
  ignored: string[];
}

const dayFileName = /^\d{4}-\d{2}-\d{2}\.json$/;
const knownTopFiles = new Set(['users.json', 'channels.json', 'groups.json', 'dms.json', 'mpims.json']);

function findLayout(files: string[], exportRoot: string, path: string): Layout {
  // The export may sit in a folder inside the zip: its root is where users.json is.
  const candidates = files.filter((f) => basename(f) === 'users.json').sort((a, b) => a.split(sep).length - b.split(sep).length);
  if (candidates.length === 0) {
    throw new ImportInputError(`${path}: users.json not found; a Slack export has users.json next to channels.json and one folder per channel`, 'users.json');
  }
  const root = dirname(candidates[0]);
  const top = (name: string) => files.find((f) => dirname(f) === root && basename(f) === name) ?? null;
  const folders = new Map<string, DayFile[]>();
  const ignored: string[] = [];
  for (const file of files) {
    const rel = relative(root, file);
    if (rel.startsWith('..')) {
      ignored.push(relative(exportRoot, file));
      continue;
    }
    const parts = rel.split(sep);
    if (parts.length === 1) {
      if (!knownTopFiles.has(parts[0])) ignored.push(rel);
    } else if (parts.length === 2 && dayFileName.test(parts[1])) {
      const list = folders.get(parts[0]) ?? [];
      list.push({ path: file, label: parts.join('/'), folder: parts[0] });
      folders.set(parts[0], list);
    } else ignored.push(parts.join('/'));
  }
  if (folders.size === 0) {
    throw new ImportInputError(`${path}: no message files found (expected one folder per channel with day files named YYYY-MM-DD.json)`, 'channels');
  }
  for (const list of folders.values()) list.sort((a, b) => (a.label < b.label ? -1 : 1));
  return { root, users: candidates[0], channels: top('channels.json'), groups: top('groups.json'), dms: top('dms.json'), mpims: top('mpims.json'), folders, ignored };
}

// ---------------------------------------------------------------------------------------------
// JSON arrays with line numbers

/** The top-level elements of a JSON array text: where each starts and ends, and its line. */
export interface ArraySpans {
  starts: number[];
  ends: number[];
  lines: number[];
  /** false when the text ends before the array's closing bracket (a truncated file). */
  closed: boolean;
  /** Offset just after the closing bracket (the text's length when not closed). */
  end: number;
}

/**
 * Finds the top-level elements of a JSON array without parsing them, so that one damaged
 * element can be rejected with its line while the others are read. Returns null when the text
 * does not start with "[" (after white space and a byte-order mark).
 */
export function scanJsonArray(text: string): ArraySpans | null {
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0xfeff) break;
    i++;
  }
  if (text.charCodeAt(i) !== 0x5b) return null;
  i++;
  const spans: ArraySpans = { starts: [], ends: [], lines: [], closed: false, end: n };
  let depth = 1;
  let inString = false;
  let start = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      else if (c === 0x0a) line++;
      continue;
    }
    switch (c) {
      case 0x0a:
        line++;
        break;
      case 0x20:
      case 0x09:
      case 0x0d:
        break;
      case 0x22:
        inString = true;
        if (depth === 1 && start < 0) begin();
        break;
      case 0x7b:
      case 0x5b:
        if (depth === 1 && start < 0) begin();
        depth++;
        break;
      case 0x7d:
      case 0x5d:
        depth--;
        if (depth === 0) {
          if (start >= 0) end(i);
          spans.closed = true;
          spans.end = i + 1;
          return spans;
        }
        break;
      case 0x2c:
        if (depth === 1 && start >= 0) end(i);
        break;
      default:
        if (depth === 1 && start < 0) begin();
    }
  }
  if (start >= 0) end(n);
  return spans;

  function begin() {
    start = i;
    spans.starts.push(i);
    spans.lines.push(line);
  }
  function end(at: number) {
    spans.ends.push(at);
    start = -1;
  }
}

interface ParsedElement {
  line: number;
  value: unknown;
}

interface ReadArrayResult {
  elements: ParsedElement[];
  /** Problems of single elements (their line) or of the file as a whole (line of the damage). */
  problems: Array<{ line: number | null; reason: string; raw: string }>;
}

/**
 * Reads a file holding a JSON array. Undamaged files take the fast path (one JSON.parse);
 * otherwise each element is parsed on its own and the unreadable ones are reported with their
 * line. Elements with bytes that are not UTF-8 are reported too: their text would be garbled.
 */
function readJsonArray(path: string): ReadArrayResult | { notArray: string } {
  const text = readFileSync(path).toString('utf8');
  const spans = scanJsonArray(text);
  if (!spans) {
    const trimmed = text.replace(/^\uFEFF/, '').trim();
    return { notArray: trimmed === '' ? 'the file is empty' : 'not a JSON array (expected [ … ])' };
  }
  const problems: ReadArrayResult['problems'] = [];
  const elements: ParsedElement[] = [];
  let parsed: unknown[] | null = null;
  if (spans.closed) {
    try {
      const value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
      if (Array.isArray(value) && value.length === spans.starts.length) parsed = value;
    } catch {
      parsed = null;
    }
  }
  const damaged = text.includes('\uFFFD');
  for (let k = 0; k < spans.starts.length; k++) {
    const slice = parsed && !damaged ? '' : text.slice(spans.starts[k], spans.ends[k]);
    if (damaged && slice.includes('\uFFFD')) {
      problems.push({ line: spans.lines[k], reason: 'contains bytes that are not UTF-8 (is the file in another encoding?)', raw: slice });
      continue;
    }
    if (parsed) {
      elements.push({ line: spans.lines[k], value: parsed[k] });
      continue;
    }
    try {
      elements.push({ line: spans.lines[k], value: JSON.parse(slice) as unknown });
    } catch (error) {
      problems.push({ line: spans.lines[k], reason: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`, raw: slice });
    }
  }
  const after = spans.closed ? text.slice(spans.end) : '';
  if (after.trim() !== '') {
    const line = text.slice(0, spans.end).split('\n').length;
    problems.push({ line, reason: 'text after the closing "]" of the array (not read)', raw: after.trim().slice(0, 200) });
  }
  if (!spans.closed) {
    const lastLine = text.split('\n').length;
    problems.push({ line: lastLine, reason: 'the file ends before the closing "]" of its array (truncated?); what could be read was read', raw: text.slice(-200) });
  }
  return { elements, problems };
}

// ---------------------------------------------------------------------------------------------
// Buffered rows: events and interactions are collected while messages stream to the stage

/** Rows kept column by column (fewer objects than one per row), yielded through one reused row. */
class RowBuffer {
  private readonly cols: Array<Array<string | null>>;
  private readonly files: string[] = [];
  private readonly lines: number[] = [];

  constructor(readonly columns: readonly string[]) {
    this.cols = columns.map(() => []);
  }

  get length(): number {
    return this.files.length;
  }

  push(file: string, line: number, values: ReadonlyArray<string | null>): void {
    this.files.push(file);
    this.lines.push(line);
    for (let c = 0; c < this.cols.length; c++) this.cols[c].push(values[c] ?? null);
  }

  *rows(): Generator<{ file: string; line: number | null; values: CanonicalRow }> {
    const values: CanonicalRow = {};
    const row = { file: '', line: 0 as number | null, values };
    for (let i = 0; i < this.files.length; i++) {
      row.file = this.files[i];
      row.line = this.lines[i];
      for (let c = 0; c < this.cols.length; c++) values[this.columns[c]] = this.cols[c][i];
      yield row;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The reader

interface Conversation {
  id: string; // Slack id (C…, G…, D…) or, for a folder no channel names, the folder name
  name: string;
  kind: 'channel' | 'group' | 'dm' | 'mpim' | 'folder';
  members: string[];
  file: string;
  line: number | null;
}

interface SlackFile {
  id?: string;
  mimetype?: string;
  filetype?: string;
  mode?: string;
  title?: string;
  name?: string;
}

interface SlackMessage {
  type?: string;
  subtype?: string;
  ts?: unknown;
  thread_ts?: unknown;
  parent_user_id?: string;
  user?: unknown;
  bot_id?: string;
  text?: unknown;
  reactions?: Array<{ name?: string; users?: unknown[] }>;
  file?: SlackFile;
  files?: SlackFile[];
  attachments?: Array<Record<string, unknown>>;
  comment?: { user?: string; comment?: string; timestamp?: number };
}

/** Subtypes that are not engagement: loaded never, counted always. */
const noiseSubtypes = new Set([
  'channel_join', 'channel_leave', 'channel_purpose', 'channel_topic', 'channel_name', 'channel_archive', 'channel_unarchive',
  'group_join', 'group_leave', 'group_purpose', 'group_topic', 'group_name', 'group_archive', 'group_unarchive',
  'bot_add', 'bot_remove', 'bot_enable', 'bot_disable', 'pinned_item', 'unpinned_item', 'reminder_add', 'tombstone',
  'channel_convert_to_private', 'channel_convert_to_public', 'sh_room_created', 'huddle_thread', 'joiner_notification',
  'app_conversation_join', 'channel_canvas_updated', 'message_changed', 'message_deleted', 'message_replied',
]);
/** Subtypes that are authored messages. */
const contentSubtypes = new Set(['', 'file_share', 'thread_broadcast', 'reply_broadcast', 'me_message', 'file_mention']);

const mentionPattern = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

class SlackReader {
  readonly events = new RowBuffer(['occurred_at', 'actor_id', 'action', 'content_id', 'target_id', 'detail']);
  readonly interactions = new RowBuffer(['source_id', 'target_id', 'occurred_at', 'channel']);
  private readonly conversations = new Map<string, Conversation>(); // folder → conversation
  private readonly folderConversations: Conversation[] = [];
  private readonly allConversations: Conversation[] = [];
  private readonly skipped = new Map<string, number>();
  private readonly skippedIds = new Set<string>(); // content ids of skipped messages (thread roots)
  private readonly fileMessages = new Map<string, string>(); // Slack file id → content id of the share
  private readonly pendingFileComments: Array<{ file: string; line: number; conversation: Conversation; message: SlackMessage; raw: unknown }> = [];
  private readonly ids = new Map<string, string>(); // Slack user id → "slack:U…" (one string per id)
  private readonly notes = {
    reactions: 0,
    skippedReactions: 0,
    selfMentions: 0,
    promotedReplies: 0,
    dmMessages: 0,
    dmTies: 0,
    dmReactions: 0,
    dmWithoutMembers: 0,
    fallbackFolders: [] as string[],
  };

  constructor(
    private readonly session: ImportSession,
    private readonly layout: Layout,
  ) {}

  /** Reads channels.json, groups.json, dms.json and mpims.json and maps every folder to one. */
  readDirectory(): void {
    const { layout } = this;
    if (!layout.channels) this.session.warnings.push('channels.json not found: every folder is loaded as a space named after it');
    const sources: Array<[string | null, Conversation['kind']]> = [
      [layout.channels, 'channel'],
      [layout.groups, 'group'],
      [layout.mpims, 'mpim'],
      [layout.dms, 'dm'],
    ];
    const byName = new Map<string, Conversation>();
    const byId = new Map<string, Conversation>();
    for (const [file, kind] of sources) {
      if (!file) continue;
      const label = relative(layout.root, file).split(sep).join('/');
      for (const { line, value } of this.readTopArray(file, label)) {
        const o = value as Record<string, unknown>;
        const id = typeof o?.id === 'string' ? o.id.trim() : '';
        if (!id) {
          this.session.rejectEarly({ file: label, line, column: 'id', value: null, reason: `a ${kind === 'dm' ? 'direct message' : kind} without an id`, raw: JSON.stringify(value) });
          continue;
        }
        const name = typeof o.name === 'string' && o.name !== '' ? o.name : id;
        const members = Array.isArray(o.members) ? o.members.filter((m): m is string => typeof m === 'string') : [];
        const conversation: Conversation = { id, name, kind, members, file: label, line };
        this.allConversations.push(conversation);
        if (!byId.has(id)) byId.set(id, conversation);
        if (kind !== 'dm' && !byName.has(name)) byName.set(name, conversation);
      }
    }
    for (const folder of layout.folders.keys()) {
      // Folders carry the channel's name at export time (a DM's folder its id).
      let conversation = byName.get(folder) ?? byId.get(folder);
      if (!conversation) {
        conversation = { id: folder, name: folder, kind: 'folder', members: [], file: folder, line: null };
        this.notes.fallbackFolders.push(folder);
      }
      this.conversations.set(folder, conversation);
      this.folderConversations.push(conversation);
    }
  }

  *people(): Generator<{ file: string; line: number | null; values: CanonicalRow }> {
    const label = relative(this.layout.root, this.layout.users).split(sep).join('/');
    for (const { line, value } of this.readTopArray(this.layout.users, label)) {
      const u = value as Record<string, unknown>;
      const id = typeof u?.id === 'string' ? u.id.trim() : '';
      if (!id) {
        this.session.rejectEarly({ file: label, line, column: 'id', value: null, reason: 'a user without an id', raw: JSON.stringify(value) });
        continue;
      }
      const profile = (u.profile && typeof u.profile === 'object' ? u.profile : {}) as Record<string, unknown>;
      const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
      const isBot = u.is_bot === true || id === 'USLACKBOT';
      yield {
        file: label,
        line,
        values: {
          person_id: this.personId(id),
          display_name: text(profile.display_name) ?? text(profile.real_name) ?? text(u.real_name) ?? text(u.name),
          email: text(profile.email),
          job_title: text(profile.title),
          account_type: isBot ? 'bot' : 'person',
        },
      };
    }
  }

  *spaces(): Generator<{ file: string; line: number | null; values: CanonicalRow }> {
    // Each conversation once (a folder maps to one of channels.json's); a channel listed twice
    // in channels.json is staged twice and rejected as a duplicate there.
    const seen = new Set<Conversation>();
    for (const c of [...this.allConversations, ...this.folderConversations]) {
      if (c.kind === 'dm' || c.kind === 'mpim' || seen.has(c)) continue;
      seen.add(c);
      yield { file: c.file, line: c.line, values: { space_id: `slack:${c.id}`, name: c.name, kind: 'community', is_official: 'false' } };
    }
  }

  /**
   * Streams the content rows of every day file and collects the events and interactions the
   * messages carry (staged after the content).
   */
  *messages(): Generator<{ file: string; line: number | null; values: CanonicalRow }> {
    const values: CanonicalRow = {};
    const row = { file: '', line: 0 as number | null, values };
    const began = Date.now();
    let files = 0;
    let rows = 0;
    for (const [folder, dayFiles] of this.layout.folders) {
      const conversation = this.conversations.get(folder)!;
      for (const day of dayFiles) {
        const read = readJsonArray(day.path);
        files++;
        if ('notArray' in read) {
          this.session.rejectEarly({ file: day.label, line: 1, column: null, value: null, reason: `${read.notArray}; the day file was not read`, raw: readFileSync(day.path).toString('utf8').slice(0, 200) });
          continue;
        }
        for (const p of read.problems) this.session.rejectEarly({ file: day.label, line: p.line, column: null, value: null, reason: p.reason, raw: p.raw });
        for (const { line, value } of read.elements) {
          if (this.message(conversation, day.label, line, value, values)) {
            row.file = day.label;
            row.line = line;
            rows++;
            yield row;
          }
        }
        if (files % 2000 === 0) this.session.progress('reading slack day files', day.label, rows, began);
      }
    }
    // File comments point at the message that shared the file, wherever it was read.
    for (const pending of this.pendingFileComments) {
      if (this.fileComment(pending, values)) {
        row.file = pending.file;
        row.line = pending.line;
        yield row;
      }
    }
  }

  /** Warnings that say what was read but deliberately not loaded. */
  summarise(): void {
    const w = this.session.warnings;
    const { notes } = this;
    if (this.skipped.size > 0) {
      const parts = [...this.skipped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${n} ${k}`);
      const total = [...this.skipped.values()].reduce((a, b) => a + b, 0);
      w.push(`skipped ${total} messages that are not engagement: ${parts.join(', ')}`);
    }
    if (notes.skippedReactions > 0) w.push(`skipped ${notes.skippedReactions} reactions on those skipped messages`);
    if (notes.promotedReplies > 0) w.push(`${notes.promotedReplies} thread replies to a skipped message (e.g. a bot message) were loaded as posts`);
    if (notes.selfMentions > 0) w.push(`${notes.selfMentions} self-mentions not loaded as mention events (Slack writes the author into texts such as "uploaded a file")`);
    for (const folder of notes.fallbackFolders) {
      w.push(`folder "${folder}" matches no channel in channels.json (renamed or deleted channel?): its messages were loaded into a space with id slack:${folder}`);
    }
    if (notes.dmMessages > 0) w.push(`${notes.dmMessages} direct messages loaded as ${notes.dmTies} interactions (channel slack-dm), not as content${notes.dmReactions > 0 ? `; ${notes.dmReactions} reactions in them as interactions too` : ''}`);
    if (notes.dmWithoutMembers > 0) w.push(`${notes.dmWithoutMembers} direct messages in conversations without a member list could not be loaded (rejected)`);
    if (this.layout.ignored.length > 0) {
      const shown = this.layout.ignored.slice(0, 5).join(', ');
      w.push(`ignored ${this.layout.ignored.length} files that are not part of the message export: ${shown}${this.layout.ignored.length > 5 ? ', …' : ''}`);
    }
    // Slack exports do not say when a reaction was added: reactions carry the message's time.
    if (notes.reactions > 0) w.push(`${notes.reactions} reactions are dated at their message: Slack exports do not record when a reaction was added`);
  }

  // -------------------------------------------------------------------------------------------

  private personId(slackId: string): string {
    let id = this.ids.get(slackId);
    if (id === undefined) {
      id = `slack:${slackId}`;
      this.ids.set(slackId, id);
    }
    return id;
  }

  private readTopArray(path: string, label: string): ParsedElement[] {
    const read = readJsonArray(path);
    if ('notArray' in read) throw new ImportInputError(`${label}: ${read.notArray}; it must be a JSON array`, label);
    const broken = read.problems.find((p) => p.reason.startsWith('invalid JSON') || p.reason.includes('truncated'));
    if (broken) throw new ImportInputError(`${label}: not valid JSON at line ${broken.line} (${broken.reason})`, label);
    for (const p of read.problems) this.session.rejectEarly({ file: label, line: p.line, column: null, value: null, reason: p.reason, raw: p.raw });
    return read.elements;
  }

  private skip(kind: string, message: SlackMessage, contentId: string | null): false {
    this.skipped.set(kind, (this.skipped.get(kind) ?? 0) + 1);
    if (contentId) this.skippedIds.add(contentId);
    if (Array.isArray(message.reactions)) for (const r of message.reactions) this.notes.skippedReactions += Array.isArray(r?.users) ? r.users.length : 0;
    return false;
  }

  private reject(file: string, line: number, column: string | null, value: string | null, reason: string, raw: unknown): false {
    this.session.rejectEarly({ file, line, column, value, reason, raw: JSON.stringify(raw) });
    return false;
  }

  /** Classifies one message; fills `values` and returns true when it is content to stage. */
  private message(conversation: Conversation, file: string, line: number, raw: unknown, values: CanonicalRow): boolean {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return this.reject(file, line, null, null, 'a message must be a JSON object', raw);
    const m = raw as SlackMessage;
    if (m.type !== undefined && m.type !== 'message') return this.skip(`${String(m.type)} (not a message)`, m, null);
    const ts = typeof m.ts === 'string' ? m.ts : typeof m.ts === 'number' ? String(m.ts) : null;
    const at = ts === null ? null : slackTime(ts);
    if (at === null) return this.reject(file, line, 'ts', ts, ts === null ? 'message without ts' : 'unparsable ts (expected epoch seconds such as 1433563027.000006)', raw);
    const contentId = `slack:${conversation.id}:${ts}`;
    const subtype = typeof m.subtype === 'string' ? m.subtype : '';
    const user = typeof m.user === 'string' && m.user !== '' ? m.user : null;
    if (subtype === 'bot_message' || (m.bot_id && !user)) return this.skip('bot_message', m, contentId);
    if (noiseSubtypes.has(subtype)) return this.skip(subtype, m, contentId);
    if (subtype === 'file_comment') {
      this.pendingFileComments.push({ file, line, conversation, message: m, raw });
      return false;
    }
    if (!contentSubtypes.has(subtype)) return this.skip(`${subtype} (unrecognised subtype)`, m, contentId);
    if (!user) return this.reject(file, line, 'user', null, 'message without user', raw);
    const author = this.personId(user);

    if (conversation.kind === 'dm' || conversation.kind === 'mpim') {
      this.directMessage(conversation, file, line, author, at, m, raw);
      return false;
    }

    let parent: string | null = null;
    const threadTs = typeof m.thread_ts === 'string' ? m.thread_ts : typeof m.thread_ts === 'number' ? String(m.thread_ts) : null;
    if (threadTs !== null && threadTs !== ts) {
      parent = `slack:${conversation.id}:${threadTs}`;
      if (this.skippedIds.has(parent)) {
        // The thread started on a message that is not engagement (a bot post, a join): the
        // reply is a real message, so it stands on its own.
        parent = null;
        this.notes.promotedReplies++;
      }
    } else if (threadTs === null && m.parent_user_id) {
      return this.reject(file, line, 'thread_ts', null, 'thread reply (parent_user_id) without thread_ts: the thread it belongs to is unknown', raw);
    }

    const text = typeof m.text === 'string' ? m.text : '';
    const files = Array.isArray(m.files) ? m.files : m.file ? [m.file] : [];
    for (const f of files) if (f && typeof f.id === 'string' && !this.fileMessages.has(f.id)) this.fileMessages.set(f.id, contentId);
    values.content_id = contentId;
    values.author_id = author;
    values.created_at = at;
    values.kind = parent ? 'comment' : 'post';
    values.parent_id = parent;
    values.format = files.length > 0 ? filesFormat(files) : hasLink(m) ? 'link' : 'text';
    values.space_id = `slack:${conversation.id}`;
    values.title = files.length === 1 && typeof files[0]?.title === 'string' ? files[0].title : null;
    values.body = text === '' ? null : text;
    values.topics = null;
    values.external_url = null;
    this.engagement(file, line, contentId, author, at, text, m.reactions);
    return true;
  }

  /** Reactions and mentions of a loaded message. */
  private engagement(file: string, line: number, contentId: string, author: string, at: string, text: string, reactions: SlackMessage['reactions']): void {
    if (Array.isArray(reactions)) {
      for (const r of reactions) {
        const name = typeof r?.name === 'string' ? r.name : null;
        if (!Array.isArray(r?.users)) continue;
        for (const u of r.users) {
          if (typeof u !== 'string' || u === '') continue;
          this.events.push(file, line, [at, this.personId(u), 'reaction', contentId, null, name]);
          this.notes.reactions++;
        }
      }
    }
    if (text.includes('<@')) {
      let seen: Set<string> | null = null;
      for (const match of text.matchAll(mentionPattern)) {
        const target = this.personId(match[1]);
        if (target === author) {
          this.notes.selfMentions++;
          continue;
        }
        seen ??= new Set();
        if (seen.has(target)) continue; // the same person twice in one message is one mention
        seen.add(target);
        this.events.push(file, line, [at, author, 'mention', contentId, target, null]);
      }
    }
  }

  private directMessage(conversation: Conversation, file: string, line: number, author: string, at: string, m: SlackMessage, raw: unknown): void {
    const members = conversation.members.map((u) => this.personId(u));
    if (members.length === 0) {
      this.notes.dmWithoutMembers++;
      this.reject(file, line, null, null, `direct message in ${conversation.name}, whose member list is missing: nobody to connect the sender with`, raw);
      return;
    }
    this.notes.dmMessages++;
    for (const other of members) {
      if (other === author) continue;
      this.interactions.push(file, line, [author, other, at, 'slack-dm']);
      this.notes.dmTies++;
    }
    if (Array.isArray(m.reactions)) {
      for (const r of m.reactions) {
        if (!Array.isArray(r?.users)) continue;
        for (const u of r.users) {
          if (typeof u !== 'string' || u === '') continue;
          const reactor = this.personId(u);
          if (reactor === author) continue;
          this.interactions.push(file, line, [reactor, author, at, 'slack-dm']);
          this.notes.dmReactions++;
        }
      }
    }
  }

  private fileComment(pending: SlackReader['pendingFileComments'][number], values: CanonicalRow): boolean {
    const { file, line, conversation, message: m, raw } = pending;
    const ts = String(m.ts);
    const at = slackTime(ts)!;
    const contentId = `slack:${conversation.id}:${ts}`;
    const fileId = typeof m.file?.id === 'string' ? m.file.id : null;
    const user = typeof m.comment?.user === 'string' && m.comment.user !== '' ? m.comment.user : typeof m.user === 'string' ? m.user : null;
    if (!user) return this.reject(file, line, 'comment.user', null, 'file comment without the commenting user', raw);
    const parent = fileId ? this.fileMessages.get(fileId) : undefined;
    if (!parent) {
      return this.reject(file, line, 'file.id', fileId, `file comment on ${fileId ? `file ${fileId}` : 'an unnamed file'}, whose shared message is not in this export`, raw);
    }
    if (conversation.kind === 'dm' || conversation.kind === 'mpim') {
      this.directMessage(conversation, file, line, this.personId(user), at, m, raw);
      return false;
    }
    const author = this.personId(user);
    const text = typeof m.comment?.comment === 'string' ? m.comment.comment : typeof m.text === 'string' ? m.text : '';
    values.content_id = contentId;
    values.author_id = author;
    values.created_at = at;
    values.kind = 'comment';
    values.parent_id = parent;
    values.format = 'text';
    values.space_id = `slack:${conversation.id}`;
    values.title = null;
    values.body = text === '' ? null : text;
    values.topics = null;
    values.external_url = null;
    this.engagement(file, line, contentId, author, at, typeof m.text === 'string' ? m.text : text, m.reactions);
    return true;
  }
}

/**
 * ISO 8601 UTC text of a Slack ts ("1433563027.000006": epoch seconds and a six-digit
 * sequence that Slack treats as microseconds), or null when it is not one.
 */
export function slackTime(ts: string): string | null {
  const m = /^(\d{1,11})(?:\.(\d{1,6}))?$/.exec(ts);
  if (!m) return null;
  const seconds = Number(m[1]);
  const day = Math.floor(seconds / 86400);
  if (day !== timeCache.day) {
    // Formatting a Date is the costly part: do it once per day, the clock time by arithmetic.
    const date = new Date(day * 86_400_000);
    if (Number.isNaN(date.getTime())) return null;
    timeCache.day = day;
    timeCache.prefix = date.toISOString().slice(0, 11);
  }
  const rest = seconds - day * 86400;
  const hh = Math.floor(rest / 3600);
  const mm = Math.floor((rest % 3600) / 60);
  const ss = rest % 60;
  return `${timeCache.prefix}${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}:${ss < 10 ? '0' : ''}${ss}.${(m[2] ?? '').padEnd(6, '0')}Z`;
}

const timeCache = { day: NaN, prefix: '' };

/** Canonical format of shared files: one kind for one file, a gallery for several images. */
function filesFormat(files: SlackFile[]): string {
  const kinds = files.map(fileFormat);
  if (kinds.length > 1 && kinds.every((k) => k === 'image')) return 'gallery';
  return kinds[0];
}

function fileFormat(f: SlackFile): string {
  const mime = typeof f?.mimetype === 'string' ? f.mimetype.toLowerCase() : '';
  const type = typeof f?.filetype === 'string' ? f.filetype.toLowerCase() : '';
  if (mime.startsWith('image/') || ['jpg', 'jpeg', 'png', 'gif', 'webp', 'heic', 'bmp', 'svg'].includes(type)) return 'image';
  if (mime.startsWith('video/') || ['mp4', 'mov', 'webm', 'mkv', 'avi'].includes(type)) return 'video';
  if (mime.startsWith('audio/') || ['mp3', 'm4a', 'wav', 'ogg', 'aac'].includes(type)) return 'audio';
  // Snippets, PDFs, office and Google documents, Slack posts and unknown kinds are documents.
  return 'document';
}

function hasLink(m: SlackMessage): boolean {
  return Array.isArray(m.attachments) && m.attachments.some((a) => a && (typeof a.from_url === 'string' || typeof a.original_url === 'string'));
}
