import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';
import type { DataPeriod, GroupSize, ImportRejectRow, ImportRun, TableCounts } from '../types';

/** First and last local day with activity; both null for an empty database. */
export async function getDataPeriod(connection: DuckDBConnection): Promise<DataPeriod> {
  return (await queryRows<DataPeriod>(connection, readSql('data-period')))[0];
}

/** Departments, locations and spaces with their number of people. */
export async function getGroupSizes(connection: DuckDBConnection): Promise<GroupSize[]> {
  return queryRows<GroupSize>(connection, readSql('meta-groups'));
}

/** Row counts of every canonical table. */
export async function getTableCounts(connection: DuckDBConnection): Promise<TableCounts> {
  return (await queryRows<TableCounts>(connection, readSql('table-counts')))[0];
}

/** The newest import runs, newest first. */
export async function getImportRuns(connection: DuckDBConnection, limit = 50): Promise<ImportRun[]> {
  const rows = await queryRows<Omit<ImportRun, 'loaded'> & { loaded: string | null }>(connection, readSql('import-runs'), { limit });
  return rows.map((r) => ({ ...r, loaded: r.loaded ? (JSON.parse(r.loaded) as Record<string, number>) : null }));
}

/** The newest successful import (null without one) and the sorted sources of all successful imports. */
export async function getImportBasis(connection: DuckDBConnection): Promise<{ lastImport: { source: string; finishedAt: string | null } | null; sources: string[] }> {
  const [row] = await queryRows<{ source: string | null; finishedAt: string | null; sources: string[] }>(connection, readSql('last-import'));
  return { lastImport: row.source === null ? null : { source: row.source, finishedAt: row.finishedAt }, sources: row.sources };
}

/** Rejected rows of one run (at most `limit`). */
export async function getImportRejects(connection: DuckDBConnection, runId: number, limit = 1000): Promise<ImportRejectRow[]> {
  return queryRows<ImportRejectRow>(connection, readSql('import-rejects'), { run: runId, limit });
}

/** Number of person accounts in a department/location filter (both null: everyone). */
export async function getPopulationSize(connection: DuckDBConnection, filter: { department?: string | null; location?: string | null }): Promise<number> {
  const rows = await queryRows<{ people: number }>(connection, readSql('population-size'), {
    department: filter.department ?? null,
    location: filter.location ?? null,
  });
  return rows[0].people;
}

/** The schema version of the database. */
export async function getSchemaVersionNumber(connection: DuckDBConnection): Promise<number> {
  const rows = await queryRows<{ v: number }>(connection, 'SELECT max(version)::INTEGER AS v FROM schema_migrations');
  return rows[0].v;
}
