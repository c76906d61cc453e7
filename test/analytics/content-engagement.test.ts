import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { getAdoptionBreakdown } from '../../analytics/queries/adoption-breakdown';
import {
  getContentSummary,
  getFormatMix,
  getQuestionEffect,
  getSpaceActivity,
  getTopPosts,
  getUnansweredQuestions,
  getVoiceShare,
} from '../../analytics/queries/content-engagement';
import { addOptOut } from '../../analytics/privacy';
import { freshDb, projectRoot } from '../helpers';

// fixtures/engagement: hand-computed figures in fixtures/README.md. October 2026, Berlin time.
let db: Database;
beforeAll(async () => {
  db = await freshDb();
  await loadCanonical(db, join(projectRoot, 'fixtures', 'engagement'));
});
afterAll(() => closeDatabase(db));

const october = { from: '2026-10-01', to: '2026-10-31' };

describe('question effect', () => {
  it('compares comments per post, answer rate and time to first response of questions with other posts', async () => {
    const [questions, others] = await withConnection(db, (c) => getQuestionEffect(c, october));
    // q1: r1 and nested r2 (r3 is the author's own); q2: r4 and r5; q3: only the bot; q4: nothing.
    // First responses: q1 after 1 h; q2 after 4 h (r5), because r4 is dated before q2.
    expect(questions).toEqual({
      group: 'questions', posts: 4, comments: 4, commentsPerPost: 1, answered: 2, answerRate: 0.5,
      medianHoursToFirstResponse: 2.5, timedResponses: 2, misdatedReplies: 1,
    });
    // p1 (r7 after 2 h), o1p (r8 after 1 h), p2 (none); the bot's post never counts.
    expect(others).toMatchObject({ group: 'others', posts: 3, comments: 2, answered: 2, medianHoursToFirstResponse: 1.5, misdatedReplies: 0 });
    expect(others.commentsPerPost).toBeCloseTo(2 / 3, 12);
  });

  it('lists unanswered questions oldest first, without the posts of opted-out authors', async () => {
    const list = () => withConnection(db, (c) => getUnansweredQuestions(c, { ...october, asOf: '2026-10-07', limit: 10 }));
    expect((await list()).map((q) => [q.contentId, q.day, q.ageDays, q.title])).toEqual([
      ['q4', '2026-10-02', 5, 'Neuigkeiten?'],
      ['q3', '2026-10-07', 0, 'Zeit'],
    ]);
    const other = await freshDb();
    await loadCanonical(other, join(projectRoot, 'fixtures', 'engagement'));
    await withConnection(other, (c) => addOptOut(c, 'e1', 'test'));
    const listed = await withConnection(other, (c) => getUnansweredQuestions(c, { ...october, asOf: '2026-10-07', limit: 10 }));
    const summary = await withConnection(other, (c) => getContentSummary(c, october));
    closeDatabase(other);
    expect(listed.map((q) => q.contentId)).toEqual(['q3']);
    expect(summary.posts).toBe(7); // still counted
  });
});

describe('engagement KPIs, formats and top posts', () => {
  it('sums the posts of the period with their lifetime engagement', async () => {
    const summary = await withConnection(db, (c) => getContentSummary(c, october));
    expect(summary).toEqual({
      posts: 7, authors: 4, questions: 4, views: 7, viewers: 6, reactions: 3, comments: 6, shares: 1, engagement: 10,
      engagementPerPost: 10 / 7,
      engagementRate: 1.5, // (3 + 2 + 4) / (2 + 1 + 3) over q1, q2 and o1p, the posts with views
      answered: 4,
    });
    expect((await withConnection(db, (c) => getContentSummary(c, { ...october, voice: 'official' }))).engagement).toBe(4);
    expect((await withConnection(db, (c) => getContentSummary(c, { ...october, syndicated: false }))).posts).toBe(6);
  });

  it('gives the format mix with engagement per format', async () => {
    const formats = await withConnection(db, (c) => getFormatMix(c, october));
    expect(formats.map((f) => [f.format, f.posts, f.engagement, f.engagementPerPost, f.engagementRate])).toEqual([
      ['text', 4, 5, 1.25, 5 / 3],
      ['document', 1, 0, 0, null],
      ['image', 1, 1, 1, null],
      ['link', 1, 4, 4, 4 / 3],
    ]);
    expect(formats[0].share).toBeCloseTo(4 / 7, 12);
  });

  it('ranks top posts by an allow-listed key, ties newest first', async () => {
    const top = (sort: 'engagement' | 'engagementRate') => withConnection(db, (c) => getTopPosts(c, { ...october, sort, limit: 10 }));
    expect((await top('engagement')).map((p) => [p.rank, p.contentId, p.engagement])).toEqual([
      [1, 'o1p', 4], [2, 'q1', 3], [3, 'q2', 2], [4, 'p1', 1], [5, 'q3', 0], [6, 'p2', 0], [7, 'q4', 0],
    ]);
    expect((await top('engagementRate')).slice(0, 4).map((p) => [p.contentId, p.engagementRate])).toEqual([
      ['q2', 2], ['q1', 1.5], ['o1p', 4 / 3], ['p1', null],
    ]);
    const [first] = await top('engagement');
    expect(first).toMatchObject({ voice: 'official', space: 'News', externalUrl: 'https://www.linkedin.com/posts/regeln', views: 3, viewers: 3, reactions: 2, comments: 1, shares: 1 });
  });
});

describe('voice share', () => {
  it('compares engagement on employees’ posts with official accounts’, bots left out', async () => {
    const [row] = await withConnection(db, (c) => getVoiceShare(c, { ...october, grain: 'month' }));
    expect(row).toEqual({
      period: '2026-10',
      employeePosts: 6,
      officialPosts: 1,
      employeeEngagement: 6, // q1 3 + q2 2 + p1 1
      officialEngagement: 4,
      employeeViewers: 3,
      officialViewers: 3,
      employeeShare: 0.6,
      employeeEngagementPerPost: 1,
      officialEngagementPerPost: 4,
    });
    const weeks = await withConnection(db, (c) => getVoiceShare(c, { ...october, grain: 'week' }));
    expect(weeks.map((w) => [w.period, w.employeePosts, w.officialPosts])).toEqual([
      ['2026-W40', 1, 0], ['2026-W41', 5, 1], ['2026-W42', 0, 0], ['2026-W43', 0, 0], ['2026-W44', 0, 0],
    ]);
  });
});

describe('spaces', () => {
  it('counts activity and reach per space in the period', async () => {
    const rows = await withConnection(db, (c) => getSpaceActivity(c, october));
    expect(rows).toEqual([
      { space: 'News', kind: 'news', official: true, posts: 1, comments: 1, reactions: 2, shares: 1, views: 3, engagement: 4, activeUsers: 3, contributors: 1, viewers: 3 },
      { space: 'Team-Raum', kind: 'project', official: false, posts: 6, comments: 6, reactions: 2, shares: 0, views: 5, engagement: 8, activeUsers: 3, contributors: 3, viewers: 3 },
    ]);
  });

  it('counts a member who only joined in the space’s headcount, not as active', async () => {
    expect(await withConnection(db, (c) => getAdoptionBreakdown(c, 'space', october))).toEqual([
      { group: 'News', headcount: 4, activeUsers: 3 },
      { group: 'Team-Raum', headcount: 3, activeUsers: 3 },
    ]);
  });
});
