// Importer of a Stack Exchange data dump (one site): Posts.xml, Comments.xml, Votes.xml and
// Users.xml, each a UTF-8 XML file (with byte-order mark) of <row …/> lines, read by the
// streaming reader in xml-rows.ts. Badges, PostHistory, PostLinks and Tags are not used.
//
// Mapping (ids namespaced "se:<site>:", the site taken from the folder name or options.site):
//   Users.xml      → people (u<Id>; DisplayName, free-text Location, CreationDate → registered_at;
//                    user -1 "Community" → account_type bot)
//   Posts.xml      → questions (PostTypeId 1) as posts of kind question (is_question), with title,
//                    body as plain text (HTML tags stripped, entities decoded) and tags as topics;
//                    answers (PostTypeId 2) as comments on their question (ParentId); the other
//                    post types (tag wikis, nominations, …) are not Q&A: counted, not loaded
//   accepted       → accepted_answers (migration 006), written inside the import's transaction
//   Comments.xml   → comments on their post
//   Votes.xml      → reaction events: upvote, downvote, favorite, bounty, and accepted (by the
//                    question's author, the only one who can accept); moderation votes (close,
//                    delete, spam, review, …) are not engagement: counted, not loaded
// Votes are anonymous in the public dump (only favourites carry a UserId). They are engagement
// with the post, so they are kept, as reactions of one account per site, se:<site>:anonymous,
// "anonymous voter", of type bot: bots count for an item's engagement but are no users and make
// no graph edges, so anonymous votes never make anybody active or connected.
// Posts and comments by deleted accounts carry only a display name: their author is
// se:<site>:name:<display name>, a flagged placeholder.
// Dump times are UTC without an offset: "Z" is added (they would otherwise be read in the
// configured time zone).
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, withConnection, type Database } from '../db';
import { ImportInputError, openExport } from './archive';
import type { CanonicalRow } from './canonical-format';
import type { ImportOptions } from './canonical';
import { ImportSession, recordFailedRun, type ImportSummary } from './load';
import { peekXmlRoot, readXmlRows, type XmlRowsInfo } from './xml-rows';

export interface StackExchangeImportOptions extends ImportOptions {
  /** Site name for the ids (se:<site>:…); default: from the folder or archive name. */
  site?: string;
}

type Row = { file: string; line: number | null; values: CanonicalRow };

/**
 * Imports a Stack Exchange data dump (folder or .zip with Posts.xml and optionally Users.xml,
 * Comments.xml, Votes.xml) in one transaction and returns what it read, loaded, skipped as
 * duplicate and rejected; skipped post and vote types are counted in `warnings`. Malformed rows
 * are rejected with their line. Throws ImportInputError (nothing written but a failed-run
 * record) when the dump cannot be used: missing path, no Posts.xml, an empty file, or a file
 * whose root element is not the one its name promises.
 */
export async function loadStackExchange(db: Database, path: string, options: StackExchangeImportOptions = {}): Promise<ImportSummary> {
  const opened = openExport(path);
  try {
    const files = findDumpFiles(opened.files, path);
    const site = normaliseSite(options.site ?? siteFromPath(path));
    if (!site) throw new ImportInputError(`${path}: cannot tell the site from the path; pass options.site`, path);
    return await withConnection(db, async (connection) => {
      const session = new ImportSession(db, connection, 'stackexchange', options.displayPath ?? path, options.onProgress, options.privacy);
      const reader = new DumpReader(session, site, files);
      await session.stageRows('content', reader.content());
      await session.stageRows('events', reader.votes());
      await session.stageRows('people', reader.people());
      await session.stageRows('spaces', [{ file: 'Posts.xml', line: null, values: { space_id: `se:${site}`, name: site, kind: 'community', is_official: 'false' } }]);
      await reader.stageAccepted(connection);
      session.afterWrite.push((c, runId) => reader.writeAccepted(c, runId));
      reader.summarise();
      return await session.commit();
    });
  } catch (error) {
    if (error instanceof ImportInputError) await recordFailedRun(db, 'stackexchange', options.displayPath ?? path, error.message);
    throw error;
  } finally {
    opened.cleanup();
  }
}

interface DumpFiles {
  posts: string;
  users: string | null;
  comments: string | null;
  votes: string | null;
  ignored: string[];
}

const expectedRoots: Record<string, string> = { posts: 'posts', users: 'users', comments: 'comments', votes: 'votes' };

function findDumpFiles(files: string[], path: string): DumpFiles {
  const byName = new Map<string, string>();
  const ignored: string[] = [];
  for (const file of files) {
    const name = basename(file).toLowerCase();
    const table = name.replace(/\.xml$/, '');
    if (name.endsWith('.xml') && table in expectedRoots && !byName.has(table)) byName.set(table, file);
    else if (!/^(license|readme)/i.test(basename(file))) ignored.push(basename(file));
  }
  const posts = byName.get('posts');
  if (!posts) throw new ImportInputError(`${path}: Posts.xml not found; a Stack Exchange dump has Posts.xml (and Users.xml, Comments.xml, Votes.xml)`, 'Posts.xml');
  for (const [table, file] of byName) {
    const label = basename(file);
    if (statSync(file).size === 0) throw new ImportInputError(`${label}: the file is empty`, label);
    const { root, empty, notUtf8 } = peekXmlRoot(file);
    if (empty) throw new ImportInputError(`${label}: the file is empty`, label);
    if (notUtf8) throw new ImportInputError(`${label}: does not start as UTF-8 text (saved in another encoding, such as Latin-1?)`, label);
    if (root?.toLowerCase() !== expectedRoots[table]) {
      throw new ImportInputError(`${label}: not a Stack Exchange ${table} file (the root element is ${root ? `<${root}>` : 'missing'}, expected <${expectedRoots[table]}>)`, label);
    }
  }
  return { posts, users: byName.get('users') ?? null, comments: byName.get('comments') ?? null, votes: byName.get('votes') ?? null, ignored };
}

/** "conlang.stackexchange.com.7z", "stackexchange-conlang", "/dumps/conlang/" → "conlang". */
function siteFromPath(path: string): string {
  let name = basename(path.replace(/[/\\]+$/, ''));
  if (/\.xml$/i.test(name)) name = basename(dirname(path));
  return name.replace(/\.(zip|7z)$/i, '').replace(/\.stackexchange\.com$/i, '').replace(/\.com$/i, '').replace(/^stackexchange[-_.]/i, '');
}

function normaliseSite(site: string): string {
  return site.trim().toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
}

const postTypes: Record<string, string> = {
  '3': 'orphaned tag wiki',
  '4': 'tag wiki excerpt',
  '5': 'tag wiki',
  '6': 'moderator nomination',
  '7': 'wiki placeholder',
  '8': 'privilege wiki',
};

/** Vote types that are engagement with the post, and their reaction detail. */
const reactionVotes: Record<string, string> = { '1': 'accepted', '2': 'upvote', '3': 'downvote', '5': 'favorite', '8': 'bounty' };
const otherVotes: Record<string, string> = {
  '4': 'offensive', '6': 'close', '7': 'reopen', '9': 'bounty close', '10': 'deletion', '11': 'undeletion',
  '12': 'spam', '13': 'moderator informed', '14': 'moderator nomination', '15': 'moderator review', '16': 'approve edit suggestion',
};

class DumpReader {
  private readonly questionOwner = new Map<string, string>(); // question id → author id
  private readonly answerParent = new Map<string, string>(); // answer id → question id
  private readonly skippedPosts = new Set<string>();
  private readonly accepted: Array<[string, string]> = []; // [answer content id, question content id]
  private readonly skipped = new Map<string, number>();
  private anonymousVotes = 0;
  private inferredAcceptor = 0;
  private acceptedMissing = 0;

  constructor(
    private readonly session: ImportSession,
    private readonly site: string,
    private readonly files: DumpFiles,
  ) {}

  private id(kind: string, value: string): string {
    return `se:${this.site}:${kind}${value}`;
  }

  private author(userId: string | undefined, displayName: string | undefined): string | null {
    if (userId && userId.trim() !== '') return this.id('u', userId.trim());
    if (displayName && displayName.trim() !== '') return this.id('name:', displayName.trim());
    return null;
  }

  private count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  /** Posts (questions and answers) followed by comments. */
  *content(): Generator<Row> {
    const values: CanonicalRow = {};
    const row: Row = { file: 'Posts.xml', line: null, values };
    const posts = this.files.posts;
    const label = basename(posts);
    const info: XmlRowsInfo = { root: null, closed: false, rows: 0, lines: 0 };
    for (const item of readXmlRows(posts, info)) {
      if (item.problem) {
        this.reject(label, item.problem.line, null, null, item.problem.reason, item.problem.raw);
        continue;
      }
      const a = item.row.attributes;
      const id = a.Id?.trim();
      if (!id) {
        this.reject(label, item.row.line, 'Id', null, 'a post without Id', item.row.raw);
        continue;
      }
      const type = a.PostTypeId?.trim();
      if (type !== '1' && type !== '2') {
        this.skippedPosts.add(id);
        this.count(this.skipped, `posts of type ${type ? (postTypes[type] ?? `${type} (unknown)`) : 'none'}`);
        continue;
      }
      const author = this.author(a.OwnerUserId, a.OwnerDisplayName);
      if (!author) {
        this.reject(label, item.row.line, 'OwnerUserId', null, 'a post with neither OwnerUserId nor OwnerDisplayName: its author is unknown', item.row.raw);
        continue;
      }
      const contentId = this.id('p', id);
      if (type === '1') {
        this.questionOwner.set(id, author);
        const acceptedId = a.AcceptedAnswerId?.trim();
        if (acceptedId) this.accepted.push([this.id('p', acceptedId), contentId]);
      } else if (a.ParentId?.trim()) this.answerParent.set(id, a.ParentId.trim());
      values.content_id = contentId;
      values.author_id = author;
      values.created_at = utc(a.CreationDate);
      values.kind = type === '1' ? 'question' : 'answer';
      values.parent_id = type === '2' ? (a.ParentId?.trim() ? this.id('p', a.ParentId.trim()) : null) : null;
      values.format = 'text';
      values.space_id = `se:${this.site}`;
      values.title = type === '1' ? (a.Title ?? null) : null;
      values.body = a.Body === undefined ? null : htmlToText(a.Body);
      values.topics = type === '1' ? tagsToTopics(a.Tags) : null;
      values.external_url = null;
      row.file = label;
      row.line = item.row.line;
      yield row;
    }
    if (info.rows === 0) this.session.warnings.push(`${label}: no rows`);
    if (!this.files.comments) {
      this.session.warnings.push('Comments.xml not found: no comments loaded');
      return;
    }
    const comments = this.files.comments;
    const commentsLabel = basename(comments);
    for (const item of readXmlRows(comments)) {
      if (item.problem) {
        this.reject(commentsLabel, item.problem.line, null, null, item.problem.reason, item.problem.raw);
        continue;
      }
      const a = item.row.attributes;
      const id = a.Id?.trim();
      const postId = a.PostId?.trim();
      if (!id || !postId) {
        this.reject(commentsLabel, item.row.line, !id ? 'Id' : 'PostId', null, `a comment without ${!id ? 'Id' : 'PostId'}`, item.row.raw);
        continue;
      }
      if (this.skippedPosts.has(postId)) {
        this.count(this.skipped, 'comments on posts that are not Q&A');
        continue;
      }
      const author = this.author(a.UserId, a.UserDisplayName);
      if (!author) {
        this.reject(commentsLabel, item.row.line, 'UserId', null, 'a comment with neither UserId nor UserDisplayName: its author is unknown', item.row.raw);
        continue;
      }
      values.content_id = this.id('c', id);
      values.author_id = author;
      values.created_at = utc(a.CreationDate);
      values.kind = 'comment';
      values.parent_id = this.id('p', postId);
      values.format = 'text';
      values.space_id = `se:${this.site}`;
      values.title = null;
      values.body = a.Text ?? null;
      values.topics = null;
      values.external_url = null;
      row.file = commentsLabel;
      row.line = item.row.line;
      yield row;
    }
  }

  *votes(): Generator<Row> {
    if (!this.files.votes) {
      this.session.warnings.push('Votes.xml not found: no votes loaded');
      return;
    }
    const label = basename(this.files.votes);
    const values: CanonicalRow = {};
    const row: Row = { file: label, line: null, values };
    for (const item of readXmlRows(this.files.votes)) {
      if (item.problem) {
        this.reject(label, item.problem.line, null, null, item.problem.reason, item.problem.raw);
        continue;
      }
      const a = item.row.attributes;
      const postId = a.PostId?.trim();
      const type = a.VoteTypeId?.trim() ?? '';
      if (!postId) {
        this.reject(label, item.row.line, 'PostId', null, 'a vote without PostId', item.row.raw);
        continue;
      }
      const detail = reactionVotes[type];
      if (!detail) {
        this.count(this.skipped, `${otherVotes[type] ?? `type ${type || 'none'} (unknown)`} votes`);
        continue;
      }
      if (this.skippedPosts.has(postId)) {
        this.count(this.skipped, 'votes on posts that are not Q&A');
        continue;
      }
      let actor = a.UserId?.trim() ? this.id('u', a.UserId.trim()) : null;
      if (!actor && type === '1') {
        // Only the asker can accept an answer: the acceptance is theirs.
        const question = this.answerParent.get(postId);
        actor = question ? (this.questionOwner.get(question) ?? null) : null;
        if (actor) this.inferredAcceptor++;
      }
      if (!actor) {
        actor = this.anonymous();
        this.anonymousVotes++;
      }
      values.event_id = a.Id?.trim() ? this.id('v', a.Id.trim()) : null;
      values.occurred_at = utc(a.CreationDate);
      values.actor_id = actor;
      values.action = 'reaction';
      values.content_id = this.id('p', postId);
      values.target_id = null;
      values.detail = detail;
      row.line = item.row.line;
      yield row;
    }
  }

  private anonymous(): string {
    return `se:${this.site}:anonymous`;
  }

  *people(): Generator<Row> {
    if (this.anonymousVotes > 0) {
      yield { file: 'Votes.xml', line: null, values: { person_id: this.anonymous(), display_name: 'anonymous voter', account_type: 'bot' } };
    }
    if (!this.files.users) {
      this.session.warnings.push('Users.xml not found: authors and voters are loaded as placeholder accounts');
      return;
    }
    const label = basename(this.files.users);
    const values: CanonicalRow = {};
    const row: Row = { file: label, line: null, values };
    for (const item of readXmlRows(this.files.users)) {
      if (item.problem) {
        this.reject(label, item.problem.line, null, null, item.problem.reason, item.problem.raw);
        continue;
      }
      const a = item.row.attributes;
      const id = a.Id?.trim();
      if (!id) {
        this.reject(label, item.row.line, 'Id', null, 'a user without Id', item.row.raw);
        continue;
      }
      values.person_id = this.id('u', id);
      values.display_name = a.DisplayName ?? null;
      values.location = a.Location ?? null;
      values.registered_at = a.CreationDate ? utc(a.CreationDate) : null;
      // -1 is the site's "Community" process, not a person.
      values.account_type = id === '-1' ? 'bot' : 'person';
      row.line = item.row.line;
      yield row;
    }
  }

  /** Stages the accepted answers on the import's connection (temp table, gone with it). */
  async stageAccepted(connection: DuckDBConnection): Promise<void> {
    await connection.run('CREATE OR REPLACE TEMP TABLE stg_se_accepted (answer_id VARCHAR, question_id VARCHAR)');
    if (this.accepted.length === 0) return;
    const appender = await connection.createAppender('stg_se_accepted', 'main', 'temp');
    for (const [answer, question] of this.accepted) {
      appender.appendVarchar(answer);
      appender.appendVarchar(question);
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
  }

  /** Inside the import's transaction: marks accepted answers that are stored as content. */
  async writeAccepted(connection: DuckDBConnection, runId: number): Promise<void> {
    await connection.run(
      `INSERT INTO accepted_answers (content_id, question_id, source, run_id)
       SELECT DISTINCT a.answer_id, a.question_id, 'stackexchange', $run FROM stg_se_accepted a
       WHERE EXISTS (SELECT 1 FROM content c WHERE c.content_id = a.answer_id AND c.parent_id = a.question_id)
         AND NOT EXISTS (SELECT 1 FROM accepted_answers x WHERE x.content_id = a.answer_id)`,
      { run: runId },
    );
    const missing = await queryRows<{ n: number }>(
      connection,
      `SELECT count(*)::INTEGER AS n FROM stg_se_accepted a
       WHERE NOT EXISTS (SELECT 1 FROM content c WHERE c.content_id = a.answer_id AND c.parent_id = a.question_id)`,
    );
    this.acceptedMissing = missing[0].n;
    if (this.acceptedMissing > 0) {
      this.session.warnings.push(`${this.acceptedMissing} accepted answers (AcceptedAnswerId) are not among the loaded answers of their question: not marked`);
    }
  }

  summarise(): void {
    const w = this.session.warnings;
    if (this.skipped.size > 0) {
      w.push(`skipped, not questions, answers or engagement: ${[...this.skipped].map(([k, n]) => `${n} ${k}`).join(', ')}`);
    }
    if (this.anonymousVotes > 0) {
      w.push(`${this.anonymousVotes} anonymous votes read as reactions of se:${this.site}:anonymous ("anonymous voter", a bot account: counted for the post, no user, no edge)`);
    }
    if (this.inferredAcceptor > 0) w.push(`${this.inferredAcceptor} accept votes attributed to the question's author (only the asker can accept)`);
    w.push(`${this.accepted.length} questions name an accepted answer (AcceptedAnswerId), kept in accepted_answers`);
    if (this.files.ignored.length > 0) w.push(`not used: ${this.files.ignored.join(', ')}`);
  }

  private reject(file: string, line: number | null, column: string | null, value: string | null, reason: string, raw: string): void {
    this.session.rejectEarly({ file, line, column, value, reason, raw });
  }
}

/** Dump times are UTC without an offset; one with an offset or "Z" is left alone. */
function utc(value: string | undefined): string | null {
  if (!value || value.trim() === '') return null;
  const v = value.trim();
  return /(Z|[+-]\d{2}:?\d{2})$/i.test(v) ? v : `${v}Z`;
}

/** "<tag1><tag2>" (older dumps) or "|tag1|tag2|" (newer) → "tag1;tag2". */
function tagsToTopics(tags: string | undefined): string | null {
  if (!tags) return null;
  const list = tags.includes('<') ? [...tags.matchAll(/<([^<>]+)>/g)].map((m) => m[1]) : tags.split('|');
  const clean = list.map((t) => t.trim()).filter((t) => t !== '');
  return clean.length > 0 ? clean.join(';') : null;
}

const htmlEntities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™',
  middot: '·', bull: '•', times: '×', deg: '°', euro: '€', shy: '',
};

/**
 * Plain text of an HTML body: block ends become line breaks, other tags are dropped, entities
 * decoded, runs of blank lines collapsed.
 */
export function htmlToText(html: string): string | null {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|pre|blockquote|tr|ul|ol)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, entity: string) => {
      if (entity[0] === '#') {
        const n = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : whole;
      }
      return htmlEntities[entity.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text === '' ? null : text;
}
