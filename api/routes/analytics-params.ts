// Shared pieces of the adoption, participation and content routes: the period parameters
// (from/to or month, defaults from the data period), compare=previous, and the envelope that
// puts a period's figures next to the previous period's.
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { daysBetween, monthOf, monthRange } from '../../analytics/queries/compare';
import { getDataPeriod } from '../../analytics/queries/meta';
import type { DataPeriod, DayRange } from '../../analytics/types';
import { ApiError } from '../errors';
import type { AppDeps } from '../deps';
import { getGroupGuard, isSmallSelection, type GroupGuard } from '../privacy';
import { isoDay } from '../validation';

export const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');
export const compareParam = z.enum(['previous']).optional();
export const voiceParam = z.enum(['all', 'employee', 'official']).default('all');
export const grainParam = z.enum(['day', 'week', 'month']).default('month');

/** from/to, both optional (absent: the data period's first/last day). */
export const rangeFields = { from: isoDay.optional(), to: isoDay.optional() };
/** from/to or month (absent: see resolveRange). */
export const periodFields = { ...rangeFields, month: monthParam.optional() };

/** Checks shared by every schema with period fields: from ≤ to, and month not with from/to. */
export function checkPeriod(q: { from?: string; to?: string; month?: string }, ctx: z.RefinementCtx): void {
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', message: 'from must not be after to', path: ['from'] });
  if (q.month && (q.from || q.to)) ctx.addIssue({ code: 'custom', message: 'give month or from/to, not both', path: ['month'] });
}

/**
 * The days a request is about: month (its calendar days), or from/to (a missing end is the data
 * period's), or without any: the data period ('data') or the month of the last day with data
 * ('lastMonth'). Null when the database has no activity and nothing was given. Throws a 400 when
 * a defaulted end makes the range empty.
 */
export function resolveRange(q: { from?: string; to?: string; month?: string }, data: DataPeriod, whenAbsent: 'data' | 'lastMonth'): DayRange | null {
  if (q.month) return monthRange(q.month);
  if (q.from && q.to) return { from: q.from, to: q.to };
  if (!data.from || !data.to) return null;
  if (!q.from && !q.to && whenAbsent === 'lastMonth') return monthRange(monthOf(data.to));
  const range = { from: q.from ?? data.from, to: q.to ?? data.to };
  if (range.from > range.to) {
    throw new ApiError(400, 'bad_request', `Invalid query: from ${range.from} is after ${range.to}, the ${q.from ? 'last' : 'first'} day with data; give both from and to.`);
  }
  return range;
}

/** The data period and the range of a request (see resolveRange). */
export async function requestRange(conn: DuckDBConnection, q: { from?: string; to?: string; month?: string }, whenAbsent: 'data' | 'lastMonth') {
  const data = await getDataPeriod(conn);
  return { data, range: resolveRange(q, data, whenAbsent) };
}

/** A 400 when a series would have more periods than one answer should carry. */
export function checkSeriesLength(range: DayRange, grain: 'day' | 'week' | 'month'): void {
  const max = { day: 1100, week: 600, month: 240 }[grain];
  const days = daysBetween(range);
  const periods = grain === 'day' ? days : grain === 'week' ? days / 7 : days / 30;
  if (periods > max) {
    throw new ApiError(400, 'bad_request', `The range ${range.from} to ${range.to} has too many ${grain}s for one answer (at most ${max}); choose a coarser grain or a shorter range.`);
  }
}

const guards = new WeakMap<AppDeps['db'], { version: number; min: number; guard: GroupGuard }>();

/**
 * The GroupGuard of the data as it is now. Group sizes change only when data changes, and every
 * change in this process bumps the data version (as for the response cache), so the guard is
 * kept per database and data version instead of counting the groups on every request.
 */
export async function getCurrentGroupGuard(deps: AppDeps, conn: DuckDBConnection): Promise<GroupGuard> {
  const min = deps.config.minGroupSize;
  const version = deps.dataVersion?.current;
  const kept = guards.get(deps.db);
  if (version !== undefined && kept && kept.version === version && kept.min === min) return kept.guard;
  const guard = await getGroupGuard(conn, min);
  if (version !== undefined) guards.set(deps.db, { version, min, guard });
  return guard;
}

/**
 * Whether a department/location/space filter selects a group below the minimum size (then the
 * answer is suppressed). The space is a space label as /api/meta lists it.
 */
export async function isSuppressedSelection(deps: AppDeps, conn: DuckDBConnection, q: { department?: string; location?: string; space?: string }): Promise<boolean> {
  if (await isSmallSelection(conn, q, deps.config.minGroupSize)) return true;
  if (!q.space) return false;
  return (await getCurrentGroupGuard(deps, conn)).isSmall('space', q.space);
}

export { compareFigures, previousOf, type Compared } from '../../analytics/queries/compare';
