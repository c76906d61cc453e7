import { describe, expect, it } from 'vitest';
import { computeMovements, narrativeThresholds, writeNarrative, type NarrativeFigures } from '../../analytics/report/narrative';
import type { AdoptionKpis, BreakdownItem, ContentSummaryRow } from '../../analytics/types';
import { computeChange } from '../../analytics/queries/compare';
import type { ReportLang } from '../../analytics/report/monthly-report';

// The rules narrative on hand-made report models: what it states, with which sign, and what it
// leaves out below the thresholds of docs/report.md (1 point for rates, 2 points for a
// department, 5 % for counts).

const kpis = (headcount: number, activeUsers: number, stickiness = 0.2): AdoptionKpis => ({
  headcount,
  activeUsers,
  adoptionRate: activeUsers / headcount,
  activatedUsers: activeUsers,
  activation: activeUsers / headcount,
  dau: activeUsers * stickiness,
  wau: activeUsers,
  mau: activeUsers,
  stickiness,
  contributors: 10,
  creators: 5,
  days: 31,
});
const content = (posts: number, comments: number, reactions: number): ContentSummaryRow => ({
  posts,
  authors: 10,
  questions: 1,
  views: 100,
  viewers: 50,
  reactions,
  comments,
  shares: 0,
  engagement: reactions + comments,
  engagementPerPost: (reactions + comments) / posts,
  engagementRate: null,
  answered: 1,
});
const department = (group: string, rank: number, headcount: number, active: number, previousActive: number | null): BreakdownItem => {
  const previous = previousActive === null ? null : { headcount, activeUsers: previousActive, adoptionRate: previousActive / headcount };
  return { group, rank, headcount, activeUsers: active, adoptionRate: active / headcount, suppressed: false, groups: 1, previous, change: previous ? active / headcount - previous.adoptionRate : null };
};

interface Options {
  lang?: ReportLang;
  current?: AdoptionKpis;
  previous?: AdoptionKpis | null;
  yearAgo?: AdoptionKpis | null;
  departments?: BreakdownItem[];
  posts?: [ContentSummaryRow, ContentSummaryRow | null];
  voice?: [number, number] | null;
}

/** A report of October 2026 (1,000 people) with the given figures. */
function model(o: Options = {}): NarrativeFigures {
  const current = o.current ?? kpis(1000, 610);
  const previous = o.previous === undefined ? kpis(1000, 568) : o.previous;
  const yearAgo = o.yearAgo ?? null;
  const [posts, postsBefore] = o.posts ?? [content(100, 200, 300), content(100, 200, 300)];
  const voiceTotals = (share: number) => ({ employeePosts: 90, officialPosts: 10, employeeEngagement: share * 1000, officialEngagement: (1 - share) * 1000, employeeShare: share, employeeEngagementPerPost: null, officialEngagementPerPost: null });
  const voice = o.voice === null ? null : (o.voice ?? [0.7, 0.7]);
  return {
    month: '2026-10',
    lang: o.lang ?? 'de',
    period: { from: '2026-10-01', to: '2026-10-31' },
    previousPeriod: previous ? { from: '2026-09-01', to: '2026-09-30' } : null,
    yearAgoPeriod: yearAgo ? { from: '2025-10-01', to: '2025-10-31' } : null,
    filters: { department: null, location: null },
    suppressed: false,
    adoption: { current, previous, yearAgo, change: computeChange(current, previous), yearAgoChange: computeChange(current, yearAgo) },
    content: { current: posts, previous: postsBefore, yearAgo: null, change: computeChange(posts, postsBefore), yearAgoChange: null },
    departments: o.departments ?? [department('Vertrieb', 1, 100, 70, 69), department('Logistik', 2, 100, 62, 61), department('Produktion', 3, 100, 32, 31)],
    trend: [],
    topPosts: [],
    voice: voice ? { current: voiceTotals(voice[0]), previous: voiceTotals(voice[1]), change: computeChange(voiceTotals(voice[0]), voiceTotals(voice[1])) } : null,
    programmes: [],
    risingVoices: null,
    generatedAt: '2026-11-02T08:00:00.000Z',
  };
}

const text = (m: NarrativeFigures) => writeNarrative(m).join(' ');

describe('the report narrative', () => {
  it('writes the issue example: adoption up 4.2 points to 61 %, the lagging department named', () => {
    const de = writeNarrative(model());
    expect(de[0]).toBe('Die Nutzung stieg im Oktober um 4,2 Prozentpunkte auf 61\u00a0%.');
    expect(de[1]).toBe('610 von 1.000 Beschäftigten waren mindestens einmal aktiv.');
    // Vertrieb 70 % is 9 points above 61 %, Produktion 32 % 29 points below.
    expect(de[2]).toBe('Die Abteilung Vertrieb führt mit 70\u00a0%; die Abteilung Produktion liegt mit 32\u00a0% zurück.');
    const en = writeNarrative(model({ lang: 'en' }));
    expect(en[0]).toBe('Adoption rose by 4.2 percentage points to 61% in October.');
    expect(en[2]).toBe('Vertrieb leads with 70%; Produktion lags behind at 32%.');
  });

  it('names the department with the largest fall, with a falling verb, in German and English', () => {
    // Logistik: 62 % from 67 % (−5 points) against Vertrieb +3 and Produktion +1.
    const departments = [department('Vertrieb', 1, 100, 70, 67), department('Logistik', 2, 100, 62, 67), department('Produktion', 3, 100, 32, 31)];
    expect(text(model({ departments }))).toContain('Am stärksten verändert hat sich die Abteilung Logistik: Ihre Nutzung sank um 5,0 Prozentpunkte auf 62\u00a0% (62 von 100 Beschäftigten aktiv).');
    expect(text(model({ departments, lang: 'en' }))).toContain('The largest change was in Logistik: adoption fell by 5.0 percentage points to 62% (62 of 100 employees active).');
  });

  it('names the department with the largest rise, with a rising verb, in German and English', () => {
    // Produktion: 32 % from 24 % (+8 points) against Logistik −5.
    const departments = [department('Vertrieb', 1, 100, 70, 70), department('Logistik', 2, 100, 62, 67), department('Produktion', 3, 100, 32, 24)];
    expect(text(model({ departments }))).toContain('Am stärksten verändert hat sich die Abteilung Produktion: Ihre Nutzung stieg um 8,0 Prozentpunkte auf 32\u00a0%');
    expect(text(model({ departments, lang: 'en' }))).toContain('The largest change was in Produktion: adoption rose by 8.0 percentage points to 32%');
  });

  it('states no movement below the thresholds', () => {
    // Adoption +0.9 points, every department within ±1.9 points, posts +4 %, voice share +0.5 points.
    const quiet = model({
      current: kpis(1000, 610),
      previous: kpis(1000, 601),
      departments: [department('Vertrieb', 1, 1000, 700, 681), department('Produktion', 2, 1000, 320, 339)],
      posts: [content(104, 200, 300), content(100, 200, 300)],
      voice: [0.705, 0.7],
    });
    for (const lang of ['de', 'en'] as const) {
      const sentences = writeNarrative({ ...quiet, lang }).join(' ');
      expect(sentences).not.toMatch(/stieg|sank|rose|fell|Vormonat\)|previous month\)|\+|\u2212/);
      expect(sentences).not.toMatch(/Vertrieb:|Produktion:/);
    }
    expect(text(quiet)).toContain('Die Nutzung lag im Oktober mit 61\u00a0% auf dem Niveau des Vormonats.');
    expect(text(quiet)).toContain('Keine Abteilung hat sich gegenüber dem Vormonat um 2,0 Prozentpunkte oder mehr verändert.');
    expect(computeMovements(quiet)).toEqual([]);
  });

  it('reports a change of exactly the threshold (one point of adoption)', () => {
    expect(writeNarrative(model({ current: kpis(100, 61), previous: kpis(100, 60) }))[0]).toBe('Die Nutzung stieg im Oktober um 1,0 Prozentpunkt auf 61\u00a0%.');
  });

  it('compares with the same month a year earlier only when the data reaches back to it', () => {
    expect(text(model())).not.toMatch(/Jahr zuvor|2025/);
    expect(text(model({ lang: 'en' }))).not.toMatch(/year earlier|2025/);
    expect(text(model({ yearAgo: kpis(1000, 500) }))).toContain('Ein Jahr zuvor, im Oktober 2025, lag sie bei 50\u00a0% und damit 11,0 Prozentpunkte niedriger.');
    expect(text(model({ yearAgo: kpis(1000, 500), lang: 'en' }))).toContain('A year earlier, in October 2025, it was 50%, 11.0 percentage points lower.');
    expect(text(model({ yearAgo: kpis(1000, 605) }))).toContain('Ein Jahr zuvor, im Oktober 2025, lag sie auf ähnlichem Niveau.');
  });

  it('gives changes of counts with their sign only from 5 % on', () => {
    const sentences = text(model({ posts: [content(112, 190, 300), content(100, 200, 290)] }));
    // Posts +12 %, comments −5 %, reactions +3.4 % (below 5 %: no change given).
    expect(sentences).toContain('Im Oktober entstanden 112 Beiträge (+12\u00a0% zum Vormonat); sie erhielten 190 Kommentare (\u22125\u00a0% zum Vormonat) und 300 Reaktionen.');
  });

  it('lists the three largest movements by how far they pass their thresholds', () => {
    // Adoption +4.2 points (4.2×), Produktion +8 points (4×), posts +30 % (6×), Logistik −3 points (1.5×).
    const m = model({
      departments: [department('Vertrieb', 1, 100, 70, 70), department('Logistik', 2, 100, 62, 65), department('Produktion', 3, 100, 32, 24)],
      posts: [content(130, 200, 300), content(100, 200, 300)],
    });
    const movements = computeMovements(m);
    expect(movements.map((x) => x.key)).toEqual(['posts', 'adoptionRate', 'Produktion']);
    expect(movements[0].text).toBe('Beiträge: +30\u00a0% (100 → 130)');
    expect(movements[2].text).toBe('Nutzung in Produktion: +8,0 Prozentpunkte (24\u00a0% → 32\u00a0%)');
    expect(movements[1].weight).toBeCloseTo(0.042 / narrativeThresholds.ratePoints, 9);
  });

  it('says only that figures are withheld for a suppressed selection', () => {
    const suppressed = { ...model(), suppressed: true, adoption: null, content: null, departments: [], voice: null };
    expect(writeNarrative(suppressed)).toEqual(['Für diese Auswahl werden keine Zahlen gezeigt, weil sie weniger Personen umfasst als die Mindestgruppengröße.']);
  });
});
