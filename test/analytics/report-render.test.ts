import { describe, expect, it } from 'vitest';
import { computeChange } from '../../analytics/queries/compare';
import type { MonthlyReport } from '../../analytics/report/monthly-report';
import { computeMovements, writeNarrative, type NarrativeFigures } from '../../analytics/report/narrative';
import { countReportPages, renderReportFragment, renderReportHtml } from '../../analytics/report/render-html';
import type { AdoptionKpis, ContentSummaryRow } from '../../analytics/types';

// The HTML renderer on a hand-made report: texts escaped, year-ago figures only when the report
// has them, one section per printed page.

const kpis = (headcount: number, activeUsers: number): AdoptionKpis => ({
  headcount, activeUsers, adoptionRate: activeUsers / headcount, activatedUsers: activeUsers, activation: activeUsers / headcount,
  dau: activeUsers / 5, wau: activeUsers, mau: activeUsers, stickiness: 0.2, contributors: 10, creators: 5, days: 31,
});
const content: ContentSummaryRow = { posts: 10, authors: 5, questions: 1, views: 100, viewers: 50, reactions: 30, comments: 20, shares: 0, engagement: 50, engagementPerPost: 5, engagementRate: 1, answered: 1 };

function report(yearAgo: AdoptionKpis | null, department = 'Vertrieb'): MonthlyReport {
  const current = kpis(100, 61);
  const previous = kpis(100, 57);
  const figures: NarrativeFigures = {
    month: '2026-10', lang: 'de', period: { from: '2026-10-01', to: '2026-10-31' }, previousPeriod: { from: '2026-09-01', to: '2026-09-30' },
    yearAgoPeriod: yearAgo ? { from: '2025-10-01', to: '2025-10-31' } : null, filters: { department: null, location: null }, suppressed: false,
    adoption: { current, previous, yearAgo, change: computeChange(current, previous), yearAgoChange: computeChange(current, yearAgo) },
    content: { current: content, previous: content, yearAgo: null, change: computeChange(content, content), yearAgoChange: null },
    departments: [
      { group: department, rank: 1, headcount: 50, activeUsers: 40, adoptionRate: 0.8, suppressed: false, groups: 1, previous: { headcount: 50, activeUsers: 35, adoptionRate: 0.7 }, change: 0.1 },
      { group: '(other)', rank: null, headcount: null, activeUsers: null, adoptionRate: null, suppressed: true, groups: 2, previous: null, change: null },
    ],
    trend: [{ period: '2026-09', headcount: 100, activeUsers: 57, adoptionRate: 0.57, contributors: 1, creators: 1, stickiness: 0.2 }, { period: '2026-10', headcount: 100, activeUsers: 61, adoptionRate: 0.61, contributors: 1, creators: 1, stickiness: 0.2 }],
    topPosts: [{ rank: 1, contentId: 'c1', title: 'Fragen & <Antworten>', day: '2026-10-02', format: 'text', space: 'News', voice: 'employee', department, isQuestion: true, views: 3, viewers: 3, reactions: 2, comments: 1, shares: 0, engagement: 3, engagementRate: 1 }],
    voice: null, programmes: [], risingVoices: 2, generatedAt: '2026-11-02T08:00:00.000Z',
  };
  return {
    ...figures, movements: computeMovements(figures), narrative: writeNarrative(figures),
    footnote: { dataPeriod: { from: '2024-01-01', to: '2026-10-31' }, timeZone: 'Europe/Berlin', sources: ['canonical'], lastImport: null, minGroupSize: 5, suppressedDepartments: ['Recht', 'Vorstand'], suppressedProgrammes: [] },
  };
}

describe('the report HTML', () => {
  it('escapes every text from the data', () => {
    const html = renderReportHtml(report(null, '<script>alert("x")</script>'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Fragen &amp; &lt;Antworten&gt;');
  });

  it('shows the change against the same month a year earlier only when the report has it', () => {
    expect(renderReportFragment(report(null))).not.toContain('zum Vorjahresmonat');
    const withYearAgo = renderReportFragment(report(kpis(100, 50)));
    // Adoption 61 % against 50 %: +11.0 points on the year-ago month.
    expect(withYearAgo).toContain('<span class="up">+11,0\u00a0Pp.</span> zum Vorjahresmonat');
  });

  it('names the suppressed departments in the footnote and prints one section per page', () => {
    const r = report(null);
    const html = renderReportFragment(r);
    expect(html).toContain('Unterdrückt in diesem Monat: Recht, Vorstand.');
    expect(html).toContain('Weitere (2 kleine Abteilungen)');
    expect(html.match(/<section class="report-page"/g)).toHaveLength(countReportPages(r));
    expect(countReportPages(r)).toBe(3);
  });
});
