import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { hashToken } from '../../api/access';
import { createApp } from '../../api/app';
import { loadConfig, type Config } from '../../api/config';
import { freshDb, projectRoot, smallFixture } from '../helpers';

// Adoption, participation, engagement and content endpoints: one test per status code, figures
// hand-computed in fixtures/README.md (small/ and engagement/).
let small: Database;
let engagement: Database;
const tmp = mkdtempSync(join(tmpdir(), 'chorus-analytics-api-'));
beforeAll(async () => {
  small = await freshDb();
  await loadCanonical(small, smallFixture);
  engagement = await freshDb();
  await loadCanonical(engagement, join(projectRoot, 'fixtures', 'engagement'));
});
afterAll(() => {
  closeDatabase(small);
  closeDatabase(engagement);
  rmSync(tmp, { recursive: true, force: true });
});

const appFor = (db: Database, overrides: Partial<Config> = {}) => createApp({ db, config: loadConfig({}, { dbPath: ':memory:', ...overrides }), cache: false });
const json = async (app: ReturnType<typeof createApp>, url: string) => {
  const res = await app.request(url);
  expect(res.status, url).toBe(200);
  return res.json();
};
const badRequest = async (app: ReturnType<typeof createApp>, url: string, message: RegExp) => {
  const res = await app.request(url);
  expect(res.status, url).toBe(400);
  const body = await res.json();
  expect(body.error.code).toBe('bad_request');
  expect(body.error.message).toMatch(message);
};
const csvLines = async (app: ReturnType<typeof createApp>, url: string) => {
  const res = await app.request(url);
  expect(res.status, url).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/csv/);
  return (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
};

describe('GET /api/adoption with mean DAU, activation and compare', () => {
  it('answers 200 with the earlier fields unchanged and dau and activation added', async () => {
    const body = await json(appFor(small), '/api/adoption?grain=month');
    expect(body.items[0]).toEqual({
      period: '2026-08', headcount: 4, activeUsers: 3, adoptionRate: 0.75, contributors: 2, creators: 1, stickiness: 3 / 29 / 3,
      dau: 3 / 29, activatedUsers: 3, activation: 0.75,
    });
    expect(body).toMatchObject({ from: '2026-08-03', to: '2026-10-01', suppressed: false, previous: null });
  });

  it('adds the previous period of equal length with compare=previous', async () => {
    const body = await json(appFor(small), '/api/adoption?grain=month&from=2026-09-01&to=2026-09-30&compare=previous');
    expect(body.previous.from).toBe('2026-08-01');
    expect(body.previous.items.map((i: { period: string; activeUsers: number }) => [i.period, i.activeUsers])).toEqual([['2026-08', 3]]);
  });

  it('answers 400 for an unknown comparison', async () => {
    await badRequest(appFor(small), '/api/adoption?compare=next', /compare/);
  });
});

describe('GET /api/adoption/kpis', () => {
  it('answers 200 with the month, the previous month and the change', async () => {
    const body = await json(appFor(small), '/api/adoption/kpis?month=2026-09&compare=previous');
    expect(body.period).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(body.previousPeriod).toEqual({ from: '2026-08-01', to: '2026-08-31' });
    expect(body.current).toMatchObject({ headcount: 5, activeUsers: 5, adoptionRate: 1, activation: 1, mau: 5, days: 30 });
    expect(body.previous).toMatchObject({ headcount: 4, activeUsers: 3, adoptionRate: 0.75, mau: 3, days: 31 });
    expect(body.change.adoptionRate).toEqual({ absolute: 0.25, relative: 1 / 3 });
    expect(body.change.activeUsers).toEqual({ absolute: 2, relative: 2 / 3 });
  });

  it('has no previous figures for a period before the data', async () => {
    const body = await json(appFor(small), '/api/adoption/kpis?month=2026-08&compare=previous');
    expect(body).toMatchObject({ previousPeriod: { from: '2026-07-01', to: '2026-07-31' }, previous: null, change: null });
  });

  it('answers 400 for month together with from, and for a month that does not exist', async () => {
    await badRequest(appFor(small), '/api/adoption/kpis?month=2026-09&from=2026-09-01', /give month or from\/to, not both/);
    await badRequest(appFor(small), '/api/adoption/kpis?month=2026-13', /month: expected a month as YYYY-MM/);
  });
});

describe('GET /api/adoption/cohorts', () => {
  it('answers 200 with the triangle; cohorts below the minimum group size are suppressed', async () => {
    const body = await json(appFor(small, { minGroupSize: 3 }), '/api/adoption/cohorts');
    expect(body.months).toEqual(['2026-08', '2026-09', '2026-10']);
    // August: p1, p2, p4 (p2 has left by October); September: p5, p3 (2 < 3: suppressed).
    expect(body.items).toEqual([
      {
        cohort: '2026-08', people: 3, suppressed: false,
        cells: [
          { month: '2026-08', offset: 0, employed: 3, active: 3, share: 1 },
          { month: '2026-09', offset: 1, employed: 3, active: 3, share: 1 },
          { month: '2026-10', offset: 2, employed: 2, active: 1, share: 0.5 },
        ],
      },
      {
        cohort: '2026-09', people: null, suppressed: true,
        cells: [
          { month: '2026-09', offset: 0, employed: null, active: null, share: null },
          { month: '2026-10', offset: 1, employed: null, active: null, share: null },
        ],
      },
    ]);
    const lines = await csvLines(appFor(small, { minGroupSize: 3 }), '/api/adoption/cohorts?format=csv');
    expect(lines[0]).toBe('cohort,people,suppressed,month,offset,employed,active,share');
    expect(lines[3]).toBe('2026-08,3,false,2026-10,2,2,1,0.5');
  });

  it('answers 400 for more months than a triangle shows', async () => {
    await badRequest(appFor(small), '/api/adoption/cohorts?from=2020-01-01&to=2026-10-01', /at most 60/);
  });
});

describe('GET /api/participation', () => {
  it('answers 200 for the last month with data by default', async () => {
    const body = await json(appFor(small), '/api/participation');
    expect(body.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(body.current.funnel.map((s: { step: string; people: number }) => [s.step, s.people])).toEqual([
      ['headcount', 4], ['visitors', 1], ['reactors', 0], ['commenters', 0], ['creators', 0],
    ]);
  });

  it('answers the funnel, inequality and previous month with compare=previous', async () => {
    const body = await json(appFor(small), '/api/participation?month=2026-09&compare=previous');
    expect(body.current.funnel).toEqual([
      { step: 'headcount', people: 5, shareOfHeadcount: 1, shareOfPreviousStep: null, onlyThisStep: 0 },
      { step: 'visitors', people: 5, shareOfHeadcount: 1, shareOfPreviousStep: 1, onlyThisStep: 1 },
      { step: 'reactors', people: 4, shareOfHeadcount: 0.8, shareOfPreviousStep: 0.8, onlyThisStep: 2 },
      { step: 'commenters', people: 2, shareOfHeadcount: 0.4, shareOfPreviousStep: 0.5, onlyThisStep: 1 },
      { step: 'creators', people: 1, shareOfHeadcount: 0.2, shareOfPreviousStep: 0.5, onlyThisStep: 1 },
    ]);
    expect(body.current.inequality).toMatchObject({ activePeople: 5, contributors: 2, content: 2 });
    expect(body.previous.funnel[1]).toMatchObject({ step: 'visitors', people: 3 });
    expect(body.change.visitors).toEqual({ absolute: 2, relative: 2 / 3 });
    const lines = await csvLines(appFor(small), '/api/participation?month=2026-09&format=csv');
    expect(lines.slice(0, 3)).toEqual(['step,people,shareOfHeadcount,shareOfPreviousStep,onlyThisStep,previousPeople', 'headcount,5,1,,0,', 'visitors,5,1,1,1,']);
  });

  it('answers 400 for from after to', async () => {
    await badRequest(appFor(small), '/api/participation?from=2026-10-01&to=2026-09-01', /from must not be after to/);
  });
});

describe('GET /api/content/summary', () => {
  it('answers 200 with the KPIs of the posts of the period', async () => {
    const body = await json(appFor(engagement, { minGroupSize: 3 }), '/api/content/summary?compare=previous');
    expect(body.period).toEqual({ from: '2026-10-02', to: '2026-10-07' });
    expect(body.current).toMatchObject({ posts: 7, engagement: 10, engagementRate: 1.5, answered: 4 });
    // The previous six days lie before the data.
    expect(body).toMatchObject({ previousPeriod: { from: '2026-09-26', to: '2026-10-01' }, previous: null, change: null, suppressed: false });
  });

  it('answers 400 for an unknown voice', async () => {
    await badRequest(appFor(engagement), '/api/content/summary?voice=ceo', /voice/);
  });
});

describe('GET /api/content/formats', () => {
  it('answers 200 with the format mix, and CSV', async () => {
    const app = appFor(engagement, { minGroupSize: 3 });
    const body = await json(app, '/api/content/formats?month=2026-10');
    expect(body.items.map((f: { format: string; posts: number; engagementPerPost: number }) => [f.format, f.posts, f.engagementPerPost])).toEqual([
      ['text', 4, 1.25], ['document', 1, 0], ['image', 1, 1], ['link', 1, 4],
    ]);
    const lines = await csvLines(app, '/api/content/formats?month=2026-10&format=csv');
    expect(lines[0]).toBe('format,posts,share,views,viewers,reactions,comments,shares,engagement,engagementPerPost,engagementRate,previousPosts,previousEngagementPerPost');
    expect(lines).toHaveLength(5);
  });

  it('answers 400 for from after to', async () => {
    await badRequest(appFor(engagement), '/api/content/formats?from=2026-10-07&to=2026-10-01', /from must not be after to/);
  });
});

describe('GET /api/content/questions', () => {
  it('answers 200 with the question effect and the unanswered questions, oldest first', async () => {
    const body = await json(appFor(engagement, { minGroupSize: 3 }), '/api/content/questions');
    expect(body.current.questions).toMatchObject({ posts: 4, commentsPerPost: 1, answerRate: 0.5, medianHoursToFirstResponse: 2.5, misdatedReplies: 1 });
    expect(body.current.effect).toBeCloseTo(1.5, 12);
    expect(body.unanswered.map((q: { contentId: string; ageDays: number; department: string }) => [q.contentId, q.ageDays, q.department])).toEqual([
      ['q4', 5, 'Team'],
      ['q3', 0, 'Team'],
    ]);
  });

  it('folds a department below the minimum in the list, and answers the list as CSV', async () => {
    const app = appFor(engagement); // minimum 5: Team has 4 people
    expect((await json(app, '/api/content/questions')).unanswered.map((q: { department: string }) => q.department)).toEqual(['(other)', '(other)']);
    const lines = await csvLines(app, '/api/content/questions?format=csv');
    expect(lines[0]).toBe('contentId,title,day,createdAt,ageDays,format,space,voice,department,views,viewers,reactions,shares');
    expect(lines[1]).toBe('q4,Neuigkeiten?,2026-10-02,2026-10-02T07:00:00Z,5,text,(other),employee,(other),0,0,0,0');
  });

  it('answers 400 for a limit of 0', async () => {
    await badRequest(appFor(engagement), '/api/content/questions?limit=0', /limit/);
  });
});

describe('GET /api/content/top', () => {
  it('answers 200 with the top posts by the chosen key', async () => {
    const body = await json(appFor(engagement, { minGroupSize: 3 }), '/api/content/top?limit=3&sort=comments');
    expect(body.sort).toBe('comments');
    expect(body.items.map((p: { contentId: string; comments: number }) => [p.contentId, p.comments])).toEqual([['q2', 2], ['q1', 2], ['o1p', 1]]);
    const images = await json(appFor(engagement, { minGroupSize: 3 }), '/api/content/top?postFormat=image');
    expect(images.items.map((p: { contentId: string }) => p.contentId)).toEqual(['p1']);
  });

  it('suppresses a filter on a space below the minimum', async () => {
    expect(await json(appFor(engagement), '/api/content/top?space=News')).toMatchObject({ items: [], suppressed: true });
  });

  it('answers 400 for a sort key that is not allowed', async () => {
    await badRequest(appFor(engagement), '/api/content/top?sort=likes', /sort/);
  });
});

describe('GET /api/content/voice-share', () => {
  it('answers 200 with the series and the totals', async () => {
    const body = await json(appFor(engagement), '/api/content/voice-share?grain=week&from=2026-10-01&to=2026-10-11');
    expect(body.items.map((w: { period: string; employeeShare: number | null }) => [w.period, w.employeeShare])).toEqual([['2026-W40', null], ['2026-W41', 0.6]]);
    expect(body.current).toEqual({ employeePosts: 6, officialPosts: 1, employeeEngagement: 6, officialEngagement: 4, employeeShare: 0.6, employeeEngagementPerPost: 1, officialEngagementPerPost: 4 });
  });

  it('answers 400 for an unknown grain and for too many days', async () => {
    await badRequest(appFor(engagement), '/api/content/voice-share?grain=year', /grain/);
    await badRequest(appFor(engagement), '/api/content/voice-share?grain=day&from=2020-01-01&to=2026-01-01', /coarser grain/);
  });
});

describe('GET /api/content/syndicated', () => {
  it('answers 200 with the syndicated posts and their engagement against the other posts', async () => {
    const body = await json(appFor(engagement, { minGroupSize: 3 }), '/api/content/syndicated');
    expect(body.items.map((p: { contentId: string; externalUrl: string }) => [p.contentId, p.externalUrl])).toEqual([['o1p', 'https://www.linkedin.com/posts/regeln']]);
    expect(body.syndicated).toMatchObject({ posts: 1, engagement: 4, engagementPerPost: 4 });
    expect(body.others).toMatchObject({ posts: 6, engagement: 6, engagementPerPost: 1 });
  });

  it('answers 400 for a limit above 1000', async () => {
    await badRequest(appFor(engagement), '/api/content/syndicated?limit=5000', /limit/);
  });
});

describe('GET /api/content/spaces', () => {
  it('answers 200 with activity and reach per space, over whole months', async () => {
    const body = await json(appFor(engagement, { minGroupSize: 3 }), '/api/content/spaces?from=2026-10-05&to=2026-10-06&compare=previous');
    // Space activity is kept per month: 5–6 October is answered for October, compared with September.
    expect(body.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(body.previousPeriod).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(body.items.map((s: { space: string; activeUsers: number; engagement: number; suppressed: boolean }) => [s.space, s.activeUsers, s.engagement, s.suppressed])).toEqual([
      ['News', 3, 4, false],
      ['Team-Raum', 3, 8, false],
    ]);
  });

  it('folds spaces below the minimum into a suppressed "(other)"', async () => {
    const body = await json(appFor(engagement), '/api/content/spaces');
    expect(body.items).toEqual([
      {
        space: '(other)', kind: null, official: null, suppressed: true, spaces: 2,
        posts: null, comments: null, reactions: null, shares: null, views: null, engagement: null, activeUsers: null, contributors: null, viewers: null,
        engagementPerPost: null, previous: null,
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/Team-Raum|News/);
  });

  it('answers 400 for a malformed month', async () => {
    await badRequest(appFor(engagement), '/api/content/spaces?month=2026-9', /month/);
  });
});

describe('access to the content area', () => {
  it('lets analysts read content analytics but not executives, who keep the aggregates', async () => {
    const file = join(tmp, 'users.json');
    writeFileSync(file, JSON.stringify([
      { name: 'exec-user', role: 'exec', tokenSha256: hashToken('token-exec-0123456789') },
      { name: 'analyst-user', role: 'analyst', tokenSha256: hashToken('token-analyst-0123456789') },
    ]));
    const app = appFor(engagement, { usersFile: file });
    const as = (token: string, url: string) => app.request(url, { headers: { authorization: `Bearer ${token}` } });
    expect((await as('token-exec-0123456789', '/api/content/top')).status).toBe(403);
    expect((await as('token-analyst-0123456789', '/api/content/top')).status).toBe(200);
    expect((await as('token-exec-0123456789', '/api/participation')).status).toBe(200);
    expect((await as('token-exec-0123456789', '/api/adoption/breakdown')).status).toBe(200);
  });
});
