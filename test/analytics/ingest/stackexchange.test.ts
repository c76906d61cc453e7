import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, queryRows, withConnection, type Database } from '../../../analytics/db';
import { ImportInputError } from '../../../analytics/ingest/archive';
import { htmlToText, loadStackExchange } from '../../../analytics/ingest/stackexchange';
import { decodeXmlText, parseRowElement, readXmlRows } from '../../../analytics/ingest/xml-rows';
import { cleanExports, freshDb, sharedData, writeExport } from '../../helpers';

const sample = join(sharedData, 'stackexchange-conlang');

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
// The dump's totals, counted here with a regular expression per line (not with the importer).

function rawRows(file: string): Array<Record<string, string>> {
  return readFileSync(join(sample, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim().startsWith('<row '))
    .map((l) => Object.fromEntries([...l.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]])));
}

function countSample() {
  const posts = rawRows('Posts.xml');
  const comments = rawRows('Comments.xml');
  const votes = rawRows('Votes.xml');
  const users = rawRows('Users.xml');
  const questions = posts.filter((p) => p.PostTypeId === '1');
  const answers = posts.filter((p) => p.PostTypeId === '2');
  const qa = new Set([...questions, ...answers].map((p) => p.Id));
  const otherPosts = new Set(posts.filter((p) => !qa.has(p.Id)).map((p) => p.Id));
  const qaComments = comments.filter((c) => !otherPosts.has(c.PostId));
  // Accepted (1), up (2), down (3), favourite (5) and bounty (8) votes are engagement.
  const engagement = votes.filter((v) => ['1', '2', '3', '5', '8'].includes(v.VoteTypeId) && !otherPosts.has(v.PostId));
  const onMissingPosts = engagement.filter((v) => !qa.has(v.PostId));
  const userIds = new Set(users.map((u) => u.Id));
  const deletedAuthors = new Set([
    ...posts.filter((p) => qa.has(p.Id) && !p.OwnerUserId).map((p) => p.OwnerDisplayName),
    ...qaComments.filter((c) => !c.UserId).map((c) => c.UserDisplayName),
  ]);
  return {
    posts: posts.length,
    questions: questions.length,
    answers: answers.length,
    comments: comments.length,
    qaComments: qaComments.length,
    votes: votes.length,
    votesWithUser: votes.filter((v) => v.UserId).length,
    users: users.length,
    withLocation: users.filter((u) => u.Location).length,
    engagementVotes: engagement.length,
    onMissingPosts: onMissingPosts.length,
    anonymous: engagement.filter((v) => !v.UserId && v.VoteTypeId !== '1').length,
    accepted: questions.filter((q) => q.AcceptedAnswerId).length,
    placeholders: [...deletedAuthors].filter((name) => !userIds.has(name)).length,
  };
}

describe('Stack Exchange import of the conlang dump', () => {
  const raw = countSample();

  it('counts the dump as its README describes it (checks the test counter itself)', () => {
    expect([raw.posts, raw.questions, raw.answers, raw.comments, raw.votes, raw.votesWithUser, raw.users, raw.withLocation]).toEqual([177, 54, 115, 230, 1119, 10, 272, 157]);
  });

  it('loads questions, answers, comments, votes and users with the independently counted totals', async () => {
    const s = await loadStackExchange(db, sample);
    expect(s.source).toBe('stackexchange');
    expect(s.byKind).toEqual({ post: raw.questions, comment: raw.answers + raw.qaComments });
    expect(s.loaded).toEqual({
      people: raw.users + 1, // and the anonymous voter
      content: raw.questions + raw.answers + raw.qaComments,
      events: raw.engagementVotes - raw.onMissingPosts,
      interactions: 0,
    });
    expect(s.byAction).toEqual({ reaction: raw.engagementVotes - raw.onMissingPosts });
    expect(s.placeholders).toBe(raw.placeholders);
    expect(s.read).toBe(s.loaded.people + s.loaded.content + s.loaded.events + s.other.spaces + s.duplicates + s.rejected);
    // Votes on posts the dump does not contain (deleted ones) are rejected with the reason.
    expect(s.rejected).toBe(raw.onMissingPosts);
    expect(s.rejects[0]).toEqual({ file: 'Votes.xml', line: expect.any(Number), column: 'content_id', value: null, reason: expect.stringMatching(/content_id not found/) });
    expect(await count("content WHERE is_question AND kind = 'post'")).toBe(raw.questions);
    expect(await count('accepted_answers')).toBe(raw.accepted);
    expect([raw.qaComments, raw.engagementVotes, raw.onMissingPosts, raw.accepted, raw.placeholders]).toEqual([230, 1104, 18, 11, 6]);
  });

  it('counts what is not Q&A or engagement in the warnings', async () => {
    const s = await loadStackExchange(db, sample);
    expect(s.warnings).toContain('skipped, not questions, answers or engagement: 4 posts of type tag wiki, 4 posts of type tag wiki excerpt, 3 undeletion votes, 9 deletion votes, 1 moderator review votes, 2 approve edit suggestion votes');
    expect(s.warnings).toContain(`${raw.anonymous} anonymous votes read as reactions of se:conlang:anonymous ("anonymous voter", a bot account: counted for the post, no user, no edge)`);
  });

  it('keeps anonymous votes as reactions of one bot account, the asker as the acceptor, Community as a bot', async () => {
    await loadStackExchange(db, sample);
    expect(await rows("SELECT account_type FROM people WHERE person_id IN ('se:conlang:anonymous', 'se:conlang:u-1')")).toEqual([{ account_type: 'bot' }, { account_type: 'bot' }]);
    expect(await rows("SELECT display_name FROM identities WHERE person_id = 'se:conlang:anonymous'")).toEqual([{ display_name: 'anonymous voter' }]);
    // Question 1 accepted answer 2: the accept vote is the asker's (user 14).
    expect(await rows("SELECT actor_id FROM events WHERE detail = 'accepted' AND content_id = 'se:conlang:p2'")).toEqual([{ actor_id: 'se:conlang:u14' }]);
    expect(await rows("SELECT question_id FROM accepted_answers WHERE content_id = 'se:conlang:p2'")).toEqual([{ question_id: 'se:conlang:p1' }]);
    expect(await count("events WHERE actor_id = 'se:conlang:anonymous' AND detail = 'upvote'")).toBeGreaterThan(900);
  });

  it('reads times as UTC, bodies as plain text, tags as topics, locations', async () => {
    await loadStackExchange(db, sample);
    const q = await rows<{ utc: string; title: string; topics: string; body: string }>(
      "SELECT strftime(timezone('UTC', created_at), '%Y-%m-%d %H:%M:%S.%g') AS utc, title, topics, body FROM content WHERE content_id = 'se:conlang:p1'",
    );
    expect(q[0].utc).toBe('2018-02-06 20:19:50.957');
    expect(q[0].title).toBe('Are questions asked in conlangs accepted on this site?');
    expect(q[0].topics).toBe('discussion;on-topic');
    expect(q[0].body.startsWith('We anticipate conlang specialists on this site')).toBe(true);
    expect(q[0].body).toContain('do we accept questions asked in (popular) conlangs?');
    expect(await count("content WHERE body LIKE '%<p>%' OR body LIKE '%&lt;%' OR body LIKE '%&amp;%'")).toBe(0);
    expect(await rows("SELECT position('Q&A resource' IN body) > 0 AS ok FROM content WHERE content_id = 'se:conlang:p4'")).toEqual([{ ok: true }]);
    expect(await rows("SELECT position('tʃæt ɹuːm' IN body) > 0 AS ok FROM content WHERE content_id = 'se:conlang:p16'")).toEqual([{ ok: true }]);
    expect(await count('people WHERE location IS NOT NULL')).toBe(raw.withLocation);
    expect(await rows("SELECT strftime(timezone('UTC', registered_at), '%Y-%m-%d %H:%M:%S') AS t FROM people WHERE person_id = 'se:conlang:u1'")).toEqual([{ t: '2018-02-06 19:55:45' }]);
  });

  it('gives deleted authors a flagged placeholder named by their display name', async () => {
    await loadStackExchange(db, sample);
    expect(await rows("SELECT is_placeholder FROM people WHERE person_id = 'se:conlang:name:user23'")).toEqual([{ is_placeholder: true }]);
  });

  it('is idempotent: importing the dump again loads nothing and counts every row as duplicate', async () => {
    const first = await loadStackExchange(db, sample);
    const again = await loadStackExchange(db, sample);
    expect(again.loaded).toEqual({ people: 0, content: 0, events: 0, interactions: 0 });
    expect(again.duplicates).toBe(first.read - first.rejected);
    expect(again.rejected).toBe(first.rejected);
    expect(await count('accepted_answers')).toBe(raw.accepted);
  });
});

// ---------------------------------------------------------------------------------------------

const bom = '\uFEFF';
const xml = (root: string, lines: string[]) => `${bom}<?xml version="1.0" encoding="utf-8"?>\n<${root}>\n${lines.map((l) => `  ${l}`).join('\n')}\n</${root}>\n`;
const q1 = '<row Id="1" PostTypeId="1" AcceptedAnswerId="2" CreationDate="2020-01-01T10:00:00.000" OwnerUserId="7" Title="Why?" Body="&lt;p&gt;Because&lt;/p&gt;" Tags="&lt;a&gt;&lt;b-c&gt;" />';
const a2 = '<row Id="2" PostTypeId="2" ParentId="1" CreationDate="2020-01-01T11:00:00.000" OwnerUserId="8" Body="&lt;p&gt;That&amp;#39;s why&lt;/p&gt;" />';

describe('Stack Exchange import: malformed rows are rejected with their line', () => {
  it('rejects a row with a broken attribute and a truncated file, loading the rest', async () => {
    const posts = xml('posts', [q1, '<row Id="3" PostTypeId="1" Title="unclosed />', a2]).replace('</posts>\n', '');
    const dir = writeExport({ 'site/Posts.xml': posts, 'site/Users.xml': xml('users', ['<row Id="7" DisplayName="Q" />', '<row Id="8" DisplayName="A" Location="Köln" />']) });
    const s = await loadStackExchange(db, join(dir, 'site'));
    expect(s.loaded).toMatchObject({ people: 2, content: 2 });
    expect(s.rejects.map((r) => [r.file, r.line, r.reason])).toEqual([
      ['Posts.xml', 4, 'malformed row: the value of Title is not closed'],
      ['Posts.xml', 5, 'the file ends before </posts> (truncated?); the rows before were read'],
    ]);
    expect(await rows("SELECT body, topics FROM content WHERE content_id = 'se:site:p1'")).toEqual([{ body: 'Because', topics: 'a;b-c' }]);
    expect(await rows("SELECT body FROM content WHERE content_id = 'se:site:p2'")).toEqual([{ body: "That's why" }]);
    expect(await count('accepted_answers')).toBe(1);
  });

  it('takes the site for ids from options, and rejects an answer whose question is missing', async () => {
    const dir = writeExport({ 'Posts.xml': xml('posts', [a2]) });
    const s = await loadStackExchange(db, dir, { site: 'Cooking' });
    expect(s.rejects).toEqual([{ file: 'Posts.xml', line: 3, column: 'parent_id', value: null, reason: expect.stringMatching(/parent_id not found/) }]);
    expect(s.warnings).toContain('Users.xml not found: authors and voters are loaded as placeholder accounts');
    expect(await count('content')).toBe(0);
  });
});

describe('Stack Exchange import: unusable dumps end with a clear error and write nothing', () => {
  it('refuses a dump without Posts.xml', async () => {
    const dir = writeExport({ 'Users.xml': xml('users', []) });
    const error = await loadStackExchange(db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInputError);
    expect((error as Error).message).toMatch(/Posts\.xml not found/);
  });

  it('refuses an empty Posts.xml', async () => {
    const dir = writeExport({ 'Posts.xml': '' });
    await expect(loadStackExchange(db, dir)).rejects.toThrow(/^Posts\.xml: the file is empty$/);
  });

  it('refuses a Comments.xml that is another file under that name', async () => {
    const dir = writeExport({ 'Posts.xml': xml('posts', [q1]), 'Comments.xml': xml('votes', []) });
    await expect(loadStackExchange(db, dir)).rejects.toThrow(/Comments\.xml: not a Stack Exchange comments file \(the root element is <votes>/);
    expect(await count('content')).toBe(0);
  });
});

describe('the XML row reader', () => {
  it('parses attributes with both quotes and decodes entities and character references', () => {
    expect(parseRowElement(`<row A="1" B='x &amp; y' C="&#xA;&#233;&lt;" />`)).toEqual({ A: '1', B: 'x & y', C: '\né<' });
  });

  it('names what is wrong with a malformed row', () => {
    expect(parseRowElement('<row A="1"')).toBe('the element is not closed with "/>"');
    expect(parseRowElement('<row A=1 />')).toBe('the value of A is not quoted');
    expect(parseRowElement('<row A="1" A="2" />')).toBe('attribute A appears twice');
    expect(parseRowElement('<row A="1"B="2" />')).toMatch(/separated by white space/);
    expect(parseRowElement('<row A="&nbsp;" />')).toMatch(/unknown entity/);
    expect(parseRowElement('<row A="1">')).toMatch(/empty element/);
    expect(decodeXmlText('a & b')).toBeNull();
  });

  it('reads a file in chunks across line and multi-byte boundaries, skipping the byte-order mark', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => `<row Id="${i}" Text="ɹuːm ${'x'.repeat(i % 50)}" />`);
    const dir = writeExport({ 'Comments.xml': xml('comments', many) });
    let n = 0;
    let problems = 0;
    let last = '';
    for (const item of readXmlRows(join(dir, 'Comments.xml'))) {
      if (item.row) {
        n++;
        last = item.row.attributes.Text;
        if (!item.row.attributes.Text.startsWith('ɹuːm')) problems++;
      } else problems++;
    }
    expect([n, problems, last]).toEqual([30_000, 0, `ɹuːm ${'x'.repeat(29_999 % 50)}`]);
  });

  it('turns HTML bodies into text', () => {
    expect(htmlToText('<p>One &amp; <em>two</em></p>\n\n<ul><li>a</li><li>b</li></ul>')).toBe('One & two\n\na\nb');
  });
});
