import type { z } from 'zod';
import { withConnection } from '../../analytics/db';
import { getGraphPeriod } from '../../analytics/jobs/person-metrics';
import type { AppDeps } from '../deps';

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The period a person-level request is about: the given days, or by default the last 90 days
 * of the data (the stored `last90` period); for an undated edge list, the undated period.
 * Null when the database has no activity.
 */
export async function resolvePeriod(deps: AppDeps, from?: string, to?: string): Promise<{ from: string; to: string } | null> {
  if (from && to) return { from, to };
  const data = await withConnection(deps.db, getGraphPeriod);
  if (!data) return null;
  if (data.undated) return { from: data.from, to: data.to };
  const start = addDays(data.to, -89);
  return { from: start < data.from ? data.from : start, to: data.to };
}

/**
 * Checks the optional from/to of a person-level request (zod superRefine): from not after to,
 * and both or neither (neither means the default of resolvePeriod, the last 90 days).
 */
export function checkPersonRange(q: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', message: 'from must not be after to', path: ['from'] });
  if ((q.from === undefined) !== (q.to === undefined)) ctx.addIssue({ code: 'custom', message: 'give both from and to, or neither (the last 90 days)', path: ['to'] });
}
