// Typed wrappers of the adoption breakdown per department, location or space. The rows are raw:
// the API applies the minimum group size before anything is shown.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';
import type { DayRange, GroupAdoptionRow } from '../types';
import type { PopulationFilter } from './adoption-kpis';

export type BreakdownDimension = 'department' | 'location' | 'space';

/**
 * Headcount and active people per group of `by` in a range of local days. Department and
 * location rows partition the people (group null: none recorded); a person can be in several
 * spaces. Groups with neither headcount nor activity are left out.
 */
export async function getAdoptionBreakdown(connection: DuckDBConnection, by: BreakdownDimension, filter: DayRange & PopulationFilter): Promise<GroupAdoptionRow[]> {
  const base = { from: filter.from, to: filter.to, department: filter.department ?? null, location: filter.location ?? null };
  if (by === 'space') return queryRows<GroupAdoptionRow>(connection, readSql('adoption-breakdown-spaces'), { ...base, only: null });
  return queryRows<GroupAdoptionRow>(connection, readSql('adoption-breakdown'), { ...base, by });
}

/**
 * Headcount and active people of several spaces together, each person counted once (the
 * "(other)" row of small spaces); zeros for an empty list.
 */
export async function getSpacesTogether(connection: DuckDBConnection, spaces: string[], filter: DayRange & PopulationFilter): Promise<{ headcount: number; activeUsers: number }> {
  if (spaces.length === 0) return { headcount: 0, activeUsers: 0 };
  const rows = await queryRows<GroupAdoptionRow>(connection, readSql('adoption-breakdown-spaces'), {
    from: filter.from,
    to: filter.to,
    department: filter.department ?? null,
    location: filter.location ?? null,
    only: JSON.stringify(spaces),
  });
  return rows[0] ? { headcount: rows[0].headcount, activeUsers: rows[0].activeUsers } : { headcount: 0, activeUsers: 0 };
}
