// Typed wrappers of the adoption breakdown per department, location or space: the raw rows, and
// the rows after the minimum group size (small groups folded into "(other)", ranked, compared),
// which the API's breakdown endpoint and the monthly report both show.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';
import { otherGroup, unknownGroup, type GroupGuard } from '../group-guard';
import type { BreakdownFigures, BreakdownItem, DayRange, GroupAdoptionRow } from '../types';
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

const rate = (active: number, headcount: number) => (headcount > 0 ? active / headcount : null);

/**
 * Folds groups below the minimum size (by the GroupGuard, or by fewer people in the period) into
 * one "(other)" row; "(other)" below the minimum is suppressed too. `together` gives the figures
 * of several groups at once (spaces overlap, so they are not summed). With `foldOnly`, exactly
 * those groups are folded (the previous period folds the current period's small groups).
 */
async function foldBreakdown(
  rows: GroupAdoptionRow[],
  by: BreakdownDimension,
  guard: GroupGuard,
  together: (groups: string[]) => Promise<{ headcount: number; activeUsers: number }>,
  foldOnly?: Set<string>,
): Promise<{ shown: Map<string, BreakdownFigures>; small: string[]; other: BreakdownFigures | null }> {
  const min = guard.minGroupSize;
  const shown = new Map<string, BreakdownFigures>();
  const small: string[] = [];
  for (const r of rows) {
    const label = r.group === null ? unknownGroup : r.group;
    const isSmall = foldOnly ? foldOnly.has(label) : (r.group !== null && guard.isSmall(by, r.group)) || r.headcount < min;
    if (isSmall) small.push(label);
    else shown.set(label, { headcount: r.headcount, activeUsers: r.activeUsers, adoptionRate: rate(r.activeUsers, r.headcount) });
  }
  const groups = foldOnly ? [...foldOnly] : small;
  if (groups.length === 0) return { shown, small, other: null };
  const sum = await together(groups);
  const other = sum.headcount < min ? null : { ...sum, adoptionRate: rate(sum.activeUsers, sum.headcount) };
  return { shown, small, other };
}

/** What getGuardedBreakdown answers: the rows to show and the labels folded into "(other)". */
export interface GuardedBreakdown {
  items: BreakdownItem[];
  /** Groups below the minimum size in the period (never shown with figures; named only in footnotes). */
  folded: string[];
}

/**
 * The adoption breakdown as it may be shown: groups below the guard's minimum size (in the roster
 * or in the period) folded into "(other)" (null figures and `suppressed` when that is small too),
 * the others ranked by adoption rate (equal rates share a rank; ties listed by headcount, then
 * name), each with the previous period's figures and the change of the rate when `previous` is
 * given. The previous period folds the same groups, so "(other)" means the same in both. Empty
 * items for a range without people.
 */
export async function getGuardedBreakdown(
  connection: DuckDBConnection,
  by: BreakdownDimension,
  filter: DayRange & PopulationFilter,
  guard: GroupGuard,
  previous: DayRange | null,
): Promise<GuardedBreakdown> {
  const min = guard.minGroupSize;
  const population = { department: filter.department, location: filter.location };
  const fold = async (r: DayRange, foldOnly?: Set<string>) => {
    const rows = await getAdoptionBreakdown(connection, by, { ...r, ...population });
    const together = async (groups: string[]) => {
      if (by === 'space') return getSpacesTogether(connection, groups, { ...r, ...population });
      const picked = rows.filter((row) => groups.includes(row.group === null ? unknownGroup : row.group));
      return { headcount: picked.reduce((s, row) => s + row.headcount, 0), activeUsers: picked.reduce((s, row) => s + row.activeUsers, 0) };
    };
    return foldBreakdown(rows, by, guard, together, foldOnly);
  };
  const current = await fold(filter);
  const before = previous ? await fold(previous, new Set(current.small)) : null;
  const previousFor = (label: string): BreakdownFigures | null => {
    if (!before) return null;
    const figures = label === otherGroup ? before.other : before.shown.get(label);
    if (!figures || figures.headcount === null || figures.headcount < min) return null;
    return figures;
  };
  const ranked = [...current.shown.entries()]
    .map(([group, f]) => ({ group, ...f }))
    .sort((a, b) => (b.adoptionRate ?? -1) - (a.adoptionRate ?? -1) || (b.headcount ?? 0) - (a.headcount ?? 0) || a.group.localeCompare(b.group));
  const items: BreakdownItem[] = ranked.map((r) => {
    // Competition ranking by rate: equal rates share a rank (1, 1, 3).
    const rank = ranked.findIndex((x) => x.adoptionRate === r.adoptionRate) + 1;
    const prev = previousFor(r.group);
    return { ...r, suppressed: false, rank, groups: 1, previous: prev, change: prev && r.adoptionRate !== null && prev.adoptionRate !== null ? r.adoptionRate - prev.adoptionRate : null };
  });
  if (current.small.length > 0) {
    const o = current.other;
    const prev = o ? previousFor(otherGroup) : null;
    items.push({
      group: otherGroup,
      headcount: o?.headcount ?? null,
      activeUsers: o?.activeUsers ?? null,
      adoptionRate: o?.adoptionRate ?? null,
      suppressed: o === null,
      rank: null,
      groups: current.small.length,
      previous: prev,
      change: o && prev && o.adoptionRate !== null && prev.adoptionRate !== null ? o.adoptionRate - prev.adoptionRate : null,
    });
  }
  return { items, folded: current.small };
}
