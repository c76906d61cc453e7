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
