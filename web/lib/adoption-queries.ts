// Query factories and answer types of the Adoption page's breakdowns: the department × month heat
// table, the retention cohorts and participation (funnel, inequality, Lorenz curve). The answers
// are written out as types from the route files, because routes that also answer CSV make hono's
// RPC inference give `{}`.
import { queryOptions } from '@tanstack/react-query';
import type { BreakdownMonthsItem, CohortItem } from '../../api/routes/adoption';
import type { ParticipationFigures } from '../../api/routes/participation';
import type { Change, DayRange } from '../../analytics/types';
import { client, readJson } from './api';
import type { Filters } from './queries';

export type { BreakdownMonthCell, BreakdownMonthsItem, CohortItem } from '../../api/routes/adoption';
export type { FunnelStep, ParticipationFigures } from '../../api/routes/participation';

/** The period and groups every chart of the page asks for. */
export interface ChartFilter {
  from: string;
  to: string;
  department?: string;
  location?: string;
}

/**
 * The filters of the URL with the period made explicit: a missing end is the data period's, so
 * the funnel (whose API default is the last month) covers the same days as the other charts.
 * Null while the data period is unknown or empty.
 */
export function chartFilterOf(filters: Filters, data: { from: string | null; to: string | null } | undefined): ChartFilter | null {
  const from = filters.from ?? data?.from;
  const to = filters.to ?? data?.to;
  if (!from || !to) return null;
  return { from, to, ...(filters.department ? { department: filters.department } : {}), ...(filters.location ? { location: filters.location } : {}) };
}

/** GET /api/adoption/breakdown/months. */
export interface BreakdownMonths {
  by: 'department' | 'location' | 'space';
  period: DayRange | null;
  minGroupSize: number;
  suppressed: boolean;
  months: string[];
  items: BreakdownMonthsItem[];
}

/** GET /api/adoption/cohorts. */
export interface Cohorts {
  period: DayRange | null;
  minGroupSize: number;
  suppressed: boolean;
  months: string[];
  items: CohortItem[];
}

/** GET /api/participation. */
export interface Participation {
  period: DayRange | null;
  previousPeriod: DayRange | null;
  suppressed: boolean;
  current: ParticipationFigures | null;
  previous: ParticipationFigures | null;
  change: Record<string, Change> | null;
}

const breakdownParams = (f: ChartFilter, format: 'json' | 'csv' = 'json') => ({ by: 'department' as const, ...f, format });

/** Adoption per department and month over the period (each month folded by the minimum group size). */
export const breakdownMonthsQuery = (f: ChartFilter) =>
  queryOptions({
    queryKey: ['adoption-breakdown-months', breakdownParams(f)],
    queryFn: async ({ signal }) => (await readJson(() => client.api.adoption.breakdown.months.$get({ query: breakdownParams(f) }, { init: { signal } }))) as unknown as BreakdownMonths,
  });

export const breakdownMonthsCsvHref = (f: ChartFilter) => client.api.adoption.breakdown.months.$path({ query: breakdownParams(f, 'csv') });

/** Retention cohorts of the period. */
export const cohortsQuery = (f: ChartFilter) =>
  queryOptions({
    queryKey: ['adoption-cohorts', f],
    queryFn: async ({ signal }) => (await readJson(() => client.api.adoption.cohorts.$get({ query: { ...f, format: 'json' } }, { init: { signal } }))) as unknown as Cohorts,
  });

export const cohortsCsvHref = (f: ChartFilter) => client.api.adoption.cohorts.$path({ query: { ...f, format: 'csv' } });

/** Funnel and inequality of the period. */
export const participationQuery = (f: ChartFilter) =>
  queryOptions({
    queryKey: ['participation', f],
    queryFn: async ({ signal }) => (await readJson(() => client.api.participation.$get({ query: { ...f, format: 'json' } }, { init: { signal } }))) as unknown as Participation,
  });

export const participationCsvHref = (f: ChartFilter) => client.api.participation.$path({ query: { ...f, format: 'csv' } });
