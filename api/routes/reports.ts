import { Hono } from 'hono';
import { z } from 'zod';
import { withConnection } from '../../analytics/db';
import { getDataPeriod } from '../../analytics/queries/meta';
import { getLatestCompleteMonth, getMonthlyReport, getReportMonths, ReportMonthError } from '../../analytics/report/monthly-report';
import { countReportPages, renderReportFragment, renderReportHtml } from '../../analytics/report/render-html';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { groupName, queryOf } from '../validation';
import { getCurrentGroupGuard, monthParam } from './analytics-params';

const reportQuery = z.object({
  lang: z.enum(['de', 'en']).default('de'),
  department: groupName.optional(),
  location: groupName.optional(),
  /** json: figures and narrative; html: the standalone document; fragment: its styled body for the dashboard. */
  format: z.enum(['json', 'html', 'fragment']).default('json'),
  /** With format=html: answer as a file download. */
  download: z.enum(['1', 'true']).optional(),
});

/**
 * GET /api/reports/months (the months a report can be made for, and the latest complete one) and
 * GET /api/reports/monthly/:month (the monthly adoption report: figures, narrative in `lang` and
 * footnote as JSON, or the one HTML rendering with format=html|fragment). Aggregates only.
 */
export function reportRoutes(deps: AppDeps) {
  return new Hono()
    .get('/months', async (c) => {
      const answer = await withConnection(deps.db, async (conn) => {
        const data = await getDataPeriod(conn);
        return { dataPeriod: data, months: getReportMonths(data), latest: getLatestCompleteMonth(data) };
      });
      return c.json(answer);
    })
    .get('/monthly/:month', queryOf(reportQuery), async (c) => {
      const month = c.req.param('month');
      const parsed = monthParam.safeParse(month);
      if (!parsed.success) throw new ApiError(400, 'bad_request', `Invalid month "${month}": give it as YYYY-MM, for example 2026-10.`);
      const q = c.req.valid('query');
      const report = await withConnection(deps.db, async (conn) => {
        try {
          return await getMonthlyReport(conn, {
            month,
            lang: q.lang,
            minGroupSize: deps.config.minGroupSize,
            guard: await getCurrentGroupGuard(deps, conn),
            department: q.department,
            location: q.location,
            timeZone: deps.db.timeZone,
          });
        } catch (error) {
          if (error instanceof ReportMonthError) throw new ApiError(error.reason === 'malformed' ? 400 : 404, error.reason === 'malformed' ? 'bad_request' : 'not_found', error.message);
          throw error;
        }
      });
      if (q.format === 'html') {
        const headers: Record<string, string> = {};
        if (q.download) headers['content-disposition'] = `attachment; filename="chorus-report-${month}-${q.lang}.html"`;
        return c.html(renderReportHtml(report), 200, headers);
      }
      if (q.format === 'fragment') return c.html(renderReportFragment(report));
      return c.json({ ...report, pages: countReportPages(report) });
    });
}
