import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, withConnection, type Database } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { runMetricsJob } from '../../analytics/jobs/person-metrics';
import { getMonthlyReport, type MonthlyReport } from '../../analytics/report/monthly-report';
import { renderReportHtml } from '../../analytics/report/render-html';
import { reportFormat } from '../../analytics/report/narrative';
import { createApp } from '../../api/app';
import { loadConfig } from '../../api/config';
import { generateDemo } from '../../fixtures/generate';
import { freshDb } from '../helpers';

// Trust: every figure of the monthly report equals what the dashboard's endpoints answer for the
// same month and filters, on the demo organisation (data from 2025-11-01 to 2026-10-31).
const dir = mkdtempSync(join(tmpdir(), 'chorus-report-demo-'));
let db: Database;
beforeAll(async () => {
  await generateDemo(dir);
  db = await freshDb();
  await loadCanonical(db, dir);
  await runMetricsJob(db);
}, 180_000);
afterAll(() => {
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const app = () => createApp({ db, config: loadConfig({}, { dbPath: ':memory:' }), cache: false });
const get = async (url: string) => {
  const res = await app().request(url);
  expect(res.status, url).toBe(200);
  return res.json();
};
const report = (month: string, filter: { department?: string } = {}): Promise<MonthlyReport> =>
  withConnection(db, (c) => getMonthlyReport(c, { month, minGroupSize: 5, lang: 'de', ...filter }));

describe.each(['2026-09', '2026-10'])('the monthly report of %s on the demo organisation', (month) => {
  it('has the adoption figures of /api/adoption/kpis, with the previous month, and no year-ago month before the data', async () => {
    const r = await report(month);
    const api = await get(`/api/adoption/kpis?month=${month}&compare=previous`);
    expect(r.adoption!.current).toEqual(api.current);
    expect(r.adoption!.previous).toEqual(api.previous);
    expect(r.adoption!.change).toEqual(api.change);
    expect(r.previousPeriod).toEqual(api.previousPeriod);
    // The same month a year earlier lies before 2025-11-01.
    expect(r.yearAgoPeriod).toBeNull();
    expect(r.adoption!.yearAgo).toBeNull();
  });

  it('has the posts, comments and reactions of /api/content/summary', async () => {
    const r = await report(month);
    const api = await get(`/api/content/summary?month=${month}&compare=previous`);
    expect(r.content!.current).toEqual(api.current);
    expect(r.content!.previous).toEqual(api.previous);
    expect(r.content!.change).toEqual(api.change);
  });

  it('has the departments of /api/adoption/breakdown, small ones folded the same way', async () => {
    const r = await report(month);
    const api = await get(`/api/adoption/breakdown?by=department&month=${month}&compare=previous`);
    expect(r.departments).toEqual(api.items);
    // Recht (4 people) is below the minimum group size: folded, named only in the footnote.
    expect(r.departments.map((d) => d.group)).not.toContain('Recht');
    expect(r.footnote.suppressedDepartments).toContain('Recht');
    const other = api.items.find((i: { group: string }) => i.group === '(other)');
    expect(other.groups).toBe(r.footnote.suppressedDepartments.length);
  });

  it('has the trend of /api/adoption (months), the top posts of /api/content/top and the voice share of /api/content/voice-share', async () => {
    const r = await report(month);
    const adoption = await get(`/api/adoption?grain=month&from=${r.trend[0].period}-01&to=${r.period.to}`);
    expect(r.trend).toEqual(adoption.items.map(({ period, headcount, activeUsers, adoptionRate, contributors, creators, stickiness }: Record<string, unknown>) => ({ period, headcount, activeUsers, adoptionRate, contributors, creators, stickiness })));
    expect(r.trend.at(-1)!.period).toBe(month);
    const top = await get(`/api/content/top?month=${month}&limit=5`);
    expect(r.topPosts).toEqual(top.items.map(({ externalUrl: _, ...post }: Record<string, unknown>) => post));
    const voice = await get(`/api/content/voice-share?month=${month}&compare=previous`);
    expect(r.voice).toEqual({ current: voice.current, previous: voice.previous, change: voice.change });
  });

  it('counts the rising voices /api/influencers lists for the month, and states the last import of /api/meta', async () => {
    const r = await report(month);
    const [y, m] = month.split('-');
    const influencers = await get(`/api/influencers?from=${month}-01&to=${month}-${new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()}&role=risingVoice&limit=1`);
    expect(r.risingVoices).toBe(influencers.total);
    const meta = await get('/api/meta');
    expect(r.footnote.lastImport).toEqual({ source: meta.lastImport.source, finishedAt: meta.lastImport.finishedAt });
    expect(r.footnote.dataPeriod).toEqual(meta.dataPeriod);
  });

  it('renders the API figures into the document', async () => {
    const r = await report(month);
    const api = await get(`/api/adoption/kpis?month=${month}`);
    const html = renderReportHtml(r);
    const f = reportFormat('de');
    expect(html).toContain(`<div class="kpi-figure">${f.count(api.current.headcount)}</div>`);
    expect(html).toContain(`<div class="kpi-figure">${f.count(api.current.activeUsers)}</div>`);
    expect(html).toContain(`<div class="kpi-figure">${f.percent(api.current.adoptionRate)}</div>`);
  });
});

describe('the monthly report filtered to a department', () => {
  it('has the figures the endpoints give with the same filter', async () => {
    const r = await report('2026-10', { department: 'Produktion' });
    const kpis = await get('/api/adoption/kpis?month=2026-10&compare=previous&department=Produktion');
    expect(r.adoption!.current).toEqual(kpis.current);
    expect(r.adoption!.change).toEqual(kpis.change);
    const content = await get('/api/content/summary?month=2026-10&compare=previous&department=Produktion');
    expect(r.content!.current).toEqual(content.current);
  });

  it('is suppressed without figures for a department below the minimum group size', async () => {
    const r = await report('2026-10', { department: 'Recht' });
    expect(r.suppressed).toBe(true);
    expect(r.adoption).toBeNull();
    expect(r.departments).toEqual([]);
    expect((await get('/api/adoption/kpis?month=2026-10&department=Recht')).suppressed).toBe(true);
  });
});

describe('programme highlights of the demo organisation', () => {
  // An independent count straight from the generated CSV files.
  const csv = (name: string) => {
    const [head, ...rows] = readFileSync(join(dir, name), 'utf8').trim().split('\n');
    const cols = head.split(',');
    return rows.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i], v])));
  };

  it('counts members at the month end, joins and leaves, and compares followers in the last week', async () => {
    const r = await report('2026-10');
    const from = '2026-10-01';
    const to = '2026-10-31';
    const rows = csv('programmes.csv');
    const members = new Set(rows.filter((p) => p.joined_on <= to && (!p.left_on || p.left_on > to)).map((p) => p.person_id));
    const joined = new Set(rows.filter((p) => p.joined_on >= from && p.joined_on <= to).map((p) => p.person_id));
    const left = new Set(rows.filter((p) => p.left_on && p.left_on >= from && p.left_on <= to).map((p) => p.person_id));
    const social = csv('social.csv');
    const week = social.map((s) => s.period_start).filter((d) => d >= from && d <= to).sort().at(-1)!;
    const persons = new Set(csv('people.csv').filter((p) => (p.account_type || 'person') === 'person').map((p) => p.person_id));
    const inWeek = social.filter((s) => s.period_start === week);
    const memberFollowers = inWeek.filter((s) => members.has(s.account)).reduce((n, s) => n + Number(s.followers), 0);
    const corporateFollowers = inWeek.filter((s) => !persons.has(s.account)).reduce((n, s) => n + Number(s.followers), 0);
    expect(r.programmes).toHaveLength(1);
    expect(r.programmes[0]).toMatchObject({ members: members.size, joined: joined.size, left: left.size, week, memberFollowers, corporateFollowers, suppressed: false });
    expect(members.size).toBeGreaterThanOrEqual(5);
  });
});
