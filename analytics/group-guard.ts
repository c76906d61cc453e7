// The minimum-group-size guard every breakdown passes through: a department, location or
// space with fewer people than the configured minimum is never shown with figures. Filters
// that select such a group answer "suppressed"; labels of such groups are folded into
// "(other)" wherever they appear next to figures, person-level lists included.
import type { DuckDBConnection } from '@duckdb/node-api';
import { getGroupSizes, getPopulationSize } from './queries/meta';

export const otherGroup = '(other)';
export const unknownGroup = '(unknown)';

export type Dimension = 'department' | 'location' | 'space';

export class GroupGuard {
  constructor(
    private readonly sizes: Map<string, number>,
    readonly minGroupSize: number,
  ) {}

  /** True when the group has fewer people than the minimum. */
  isSmall(dimension: Dimension, group: string): boolean {
    return (this.sizes.get(`${dimension}\u0000${group}`) ?? 0) < this.minGroupSize;
  }

  /** The label to show: the group, "(other)" for a small one, "(unknown)" for none. */
  label(dimension: Dimension, group: string | null): string {
    if (group === null) return unknownGroup;
    return this.isSmall(dimension, group) ? otherGroup : group;
  }

  /** Folds the author's department and the space of each listed post (lists of posts). */
  foldPosts<T extends { department: string | null; space: string | null }>(rows: T[]): T[] {
    return rows.map((r) => ({ ...r, department: r.department === null ? null : this.label('department', r.department), space: r.space === null ? null : this.label('space', r.space) }));
  }

  /** Folds the department and location of each row (person-level lists). */
  foldPeople<T extends { department: string | null; location?: string | null }>(rows: T[]): T[] {
    return rows.map((r) => ({
      ...r,
      department: r.department === null ? null : this.label('department', r.department),
      ...(r.location !== undefined ? { location: r.location === null ? null : this.label('location', r.location) } : {}),
    }));
  }
}

/** Loads the group sizes once per request. */
export async function getGroupGuard(connection: DuckDBConnection, minGroupSize: number): Promise<GroupGuard> {
  const sizes = new Map((await getGroupSizes(connection)).map((g) => [`${g.dimension}\u0000${g.group}`, g.people]));
  return new GroupGuard(sizes, minGroupSize);
}

/**
 * Whether a department/location filter selects fewer people than the minimum (then the
 * answer must be suppressed). No filter: never small.
 */
export async function isSmallSelection(connection: DuckDBConnection, filter: { department?: string | null; location?: string | null }, minGroupSize: number): Promise<boolean> {
  if (!filter.department && !filter.location) return false;
  return (await getPopulationSize(connection, filter)) < minGroupSize;
}
