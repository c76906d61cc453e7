// Saved pilot groups (migration 008): save, list, read, delete.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';
import type { PilotGroupRequest } from './pilot';

export interface SavedPilotGroup {
  groupId: number;
  name: string;
  createdAt: string;
  createdBy: string;
  from: string;
  to: string;
  request: PilotGroupRequest;
  /** Person ids in pick order. */
  members: string[];
  reached: number;
  population: number;
}

type RawGroup = Omit<SavedPilotGroup, 'request' | 'members'> & { request: string; members: string };

const parse = (r: RawGroup): SavedPilotGroup => ({ ...r, request: JSON.parse(r.request) as PilotGroupRequest, members: JSON.parse(r.members) as string[] });

/** Stores a group and returns its id. Throws when the name is taken (unique constraint). */
export async function savePilotGroup(connection: DuckDBConnection, group: Omit<SavedPilotGroup, 'groupId' | 'createdAt'>): Promise<number> {
  const rows = await queryRows<{ groupId: number }>(connection, readSql('pilot-group-insert'), {
    name: group.name,
    createdBy: group.createdBy,
    from: group.from,
    to: group.to,
    request: JSON.stringify(group.request),
    members: JSON.stringify(group.members),
    reached: group.reached,
    population: group.population,
  });
  return rows[0].groupId;
}

/** Every saved group, newest first. */
export async function getPilotGroups(connection: DuckDBConnection): Promise<SavedPilotGroup[]> {
  return (await queryRows<RawGroup>(connection, readSql('pilot-groups'), { group: null })).map(parse);
}

/** One saved group, or null for an unknown id. */
export async function getPilotGroup(connection: DuckDBConnection, groupId: number): Promise<SavedPilotGroup | null> {
  const row = (await queryRows<RawGroup>(connection, readSql('pilot-groups'), { group: groupId }))[0];
  return row ? parse(row) : null;
}

/** Whether a group of that name exists. */
export async function hasPilotGroupNamed(connection: DuckDBConnection, name: string): Promise<boolean> {
  return (await queryRows<{ n: number }>(connection, 'SELECT count(*)::INTEGER AS n FROM pilot_groups WHERE name = $name', { name }))[0].n > 0;
}

/** Deletes a group; false when there was none with that id. */
export async function deletePilotGroup(connection: DuckDBConnection, groupId: number): Promise<boolean> {
  return (await connection.run('DELETE FROM pilot_groups WHERE group_id = $group', { group: groupId })).rowsChanged > 0;
}

/** Name, department and location of the given people (unknown ids are left out). */
export function getPeopleByIds(connection: DuckDBConnection, ids: string[]): Promise<Array<{ personId: string; displayName: string | null; department: string | null; location: string | null }>> {
  return queryRows(connection, readSql('pilot-members'), { ids: JSON.stringify(ids) });
}
