// Query factories of the Report page: the months a report exists for, and the report of one month
// as the server renders it (one renderer for the file, the PDF and this page).
import { queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { ApiRequestError, client, readJson } from './api';
import type { Lang } from './i18n';

export type ReportMonths = InferResponseType<typeof client.api.reports.months.$get, 200>;

/** Department/location filter of a report; absent keys mean the whole organisation. */
export interface ReportFilters {
  department?: string;
  location?: string;
}

function reportQuery(lang: Lang, filters: ReportFilters, format: 'html' | 'fragment', download = false) {
  return {
    lang,
    format,
    ...(filters.department ? { department: filters.department } : {}),
    ...(filters.location ? { location: filters.location } : {}),
    ...(download ? { download: '1' as const } : {}),
  };
}

/** GET /api/reports/months: the months of the data and the latest complete one. */
export const reportMonthsQuery = () =>
  queryOptions({
    queryKey: ['report-months'],
    queryFn: ({ signal }) => readJson(() => client.api.reports.months.$get(undefined, { init: { signal } })),
    staleTime: 5 * 60_000,
  });

/**
 * GET /api/reports/monthly/:month?format=fragment: the report's scoped style and article, to be
 * inserted as is. Throws ApiRequestError with the API's message (404: month outside the data).
 */
export const reportFragmentQuery = (month: string, lang: Lang, filters: ReportFilters) =>
  queryOptions({
    queryKey: ['report-fragment', month, lang, filters.department ?? null, filters.location ?? null],
    queryFn: async ({ signal }) => {
      let response: Response;
      try {
        response = await client.api.reports.monthly[':month'].$get({ param: { month }, query: reportQuery(lang, filters, 'fragment') }, { init: { signal } });
      } catch (error) {
        throw new ApiRequestError(0, 'network', error instanceof Error ? error.message : String(error));
      }
      if (response.ok) return response.text();
      let code = 'http_error';
      let message = `${response.status} ${response.statusText}`.trim();
      try {
        const body = (await response.json()) as { error?: { code?: string; message?: string } };
        code = body.error?.code ?? code;
        message = body.error?.message ?? message;
      } catch {
        // not JSON: keep the status line
      }
      throw new ApiRequestError(response.status, code, message);
    },
  });

/** Relative URL of the standalone HTML document as a download. */
export function reportDownloadHref(month: string, lang: Lang, filters: ReportFilters): string {
  return client.api.reports.monthly[':month'].$path({ param: { month }, query: reportQuery(lang, filters, 'html', true) });
}

/** Relative URL of the department breakdown of a month as CSV (the same figures as the report's table). */
export function reportDepartmentsCsvHref(month: string, filters: ReportFilters): string {
  return client.api.adoption.breakdown.$path({ query: { by: 'department', month, compare: 'previous', format: 'csv', ...(filters.department ? { department: filters.department } : {}), ...(filters.location ? { location: filters.location } : {}) } });
}
